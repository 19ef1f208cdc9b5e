/**
 * The printed booklet's pure parts (src/lib/booklet/): which paper an address asks for, the
 * page rule Paged.js lays out by, the sentences the page shows while it works, the contents'
 * order, the day on the cover and the blank journal's widths. The booklet itself, printed, is
 * checked in test/site/booklet.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { getJournalForm } from '../../src/data/journal.ts';
import { buildDay } from '../../src/lib/booklet/build-day.ts';
import { formWidth, journalFormCss } from '../../src/lib/booklet/journal-css.ts';
import { PAPERS, pageRule, paperFromSearch, searchWithPaper } from '../../src/lib/booklet/paper.ts';
import { contents, readingAnchor } from '../../src/lib/booklet/parts.ts';
import { FAILED, pageOf, paginating, ready } from '../../src/lib/booklet/wording.ts';

describe('the paper an address asks for', () => {
  it.each([
    ['', 'a4'],
    ['?kho=a5', 'a5'],
    ['?kho=A5', 'a5'],
    ['?kho=%20a5%20', 'a5'],
    ['?kho=a4', 'a4'],
    ['?kho=a3', 'a4'],
    ['?kho=', 'a4'],
    ['?x=1&kho=a5', 'a5'],
  ])('%j is %s', (search, paper) => expect(paperFromSearch(search).id).toBe(paper));

  it.each([
    ['', PAPERS.a5, '?kho=a5'],
    ['?kho=a5', PAPERS.a4, ''],
    ['?x=1', PAPERS.a5, '?x=1&kho=a5'],
    ['?x=1&kho=a5', PAPERS.a4, '?x=1'],
  ])('%j with %o becomes %j', (search, paper, expected) =>
    expect(searchWithPaper(search, paper)).toBe(expected),
  );

  it('gives Paged.js the page box of each paper', () => {
    expect(pageRule(PAPERS.a4)).toBe('@page { size: A4; margin: 20mm 18mm 20mm; }');
    expect(pageRule(PAPERS.a5)).toBe('@page { size: A5; margin: 14mm 12mm 15mm; }');
  });
});

describe('what the page says while it lays the booklet out', () => {
  it.each([
    [PAPERS.a4, 0, 'Đang dàn trang khổ A4…'],
    [PAPERS.a5, 0, 'Đang dàn trang khổ A5…'],
    [PAPERS.a4, 12, 'Đang dàn trang khổ A4: đã xong 12 trang…'],
  ])('%o after %i pages: %s', (paper, pages, expected) =>
    expect(paginating(paper, pages)).toBe(expected),
  );

  it('says when it is ready, how many pages, and what the print dialog needs', () => {
    expect(ready(PAPERS.a4, 58)).toBe(
      'Đã dàn trang xong: 58 trang khổ A4, mục lục ghi số trang của từng phần. Bấm «In sổ tay» hoặc Ctrl+P. Trong hộp thoại in, chọn khổ giấy A4, tỉ lệ 100%.',
    );
    expect(ready(PAPERS.a5, 80)).toContain('80 trang khổ A5');
    expect(ready(PAPERS.a5, 80)).toContain('hai trang A5 trên một tờ A4');
  });

  it('says what printing still gives when the pages cannot be laid out', () => {
    expect(FAILED).toContain('đúng thứ tự');
    expect(FAILED).toContain('không có số trang');
  });

  it('names a page as the contents on screen show it', () => expect(pageOf(7)).toBe('tr. 7'));
});

describe('the contents', () => {
  const entries = contents({
    roles: [
      { id: 'a', name: 'Vai A' },
      { id: 'b', name: 'Vai B' },
    ],
    flows: [{ id: 'f', title: 'Quy trình F' }],
    drills: [{ id: 'd', title: 'Bài D' }],
  });

  it('puts the readings right after the law, so that every citation points back', () => {
    expect(entries.map((entry) => entry.id)).toEqual([
      'dieu-7',
      'cach-hieu',
      'vai-tro',
      'quy-trinh',
      'dien-tap',
      'mau-nhat-ky',
    ]);
  });

  it('lists each role, flow and drill under its part, by its own anchor', () => {
    expect(entries[2]?.chapters).toEqual([
      { id: 'vai-tro-a', title: 'Vai A' },
      { id: 'vai-tro-b', title: 'Vai B' },
    ]);
    expect(entries[3]?.chapters).toEqual([{ id: 'quy-trinh-f', title: 'Quy trình F' }]);
    expect(entries[4]?.chapters).toEqual([{ id: 'dien-tap-d', title: 'Bài D' }]);
    expect(readingAnchor('x')).toBe('cach-hieu-x');
  });
});

describe('the day on the cover', () => {
  it('is the day of SOURCE_DATE_EPOCH when a reproducible build sets it', () => {
    // 2026-12-06T17:30:00Z is already 7 December in Vietnam (UTC+7).
    expect(buildDay('1796578200', new Date('2020-01-01T00:00:00Z'))).toBe('2026-12-07');
  });

  it('is today, in Vietnam, without it', () => {
    expect(buildDay(undefined, new Date('2026-12-06T16:59:00Z'))).toBe('2026-12-06');
    expect(buildDay('', new Date('2026-12-06T17:00:00Z'))).toBe('2026-12-07');
  });

  it('refuses an epoch that is not whole seconds', () => {
    expect(() => buildDay('1.5e9', new Date())).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe('the blank journal in the booklet', () => {
  const form = getJournalForm('content');
  const css = journalFormCss(form);

  it('gives each column its share of the PDF table, summing to the whole', () => {
    const shares = form.table.columns.map((column) => {
      const match = new RegExp(`\\.bk-col-${column.id} \\{ width: ([0-9.]+)%; \\}`).exec(css);
      expect(match, column.id).not.toBeNull();
      return Number(match?.[1]);
    });
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
    const total = form.table.columns.reduce((sum, column) => sum + column.width, 0);
    expect(shares[0]).toBeCloseTo(((form.table.columns[0]?.width ?? 0) / total) * 100, 2);
  });

  it('gives each header line its share of the width the PDF lays the form out in', () => {
    // Landscape A4 (841.89 pt) less the margins.
    expect(formWidth(form)).toBeCloseTo(
      841.89 - form.page.margins.left - form.page.margins.right,
      2,
    );
    for (const field of form.fields.flat()) {
      const match = new RegExp(`\\[data-field='${field.id}'\\] \\{ width: ([0-9.]+)cqi; \\}`).exec(
        css,
      );
      expect(Number(match?.[1]), field.id).toBeCloseTo((field.width / formWidth(form)) * 100, 2);
    }
  });
});
