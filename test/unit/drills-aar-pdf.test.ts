import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getJournalForm } from '../../src/data/journal.ts';
import { documentHeading } from '../../src/lib/documents/heading.ts';
import { AarPdfError, aarPdf, reportPdfName } from '../../src/lib/drills/aar-pdf.ts';
import { emptyReport, type Report } from '../../src/lib/drills/aar.ts';
import { squashSpace } from '../../src/lib/vi.ts';

const fontDir = join(import.meta.dirname, '../../src/lib/journal/fonts');
const fonts = {
  regular: readFileSync(join(fontDir, 'Tinos-Regular.ttf')),
  bold: readFileSync(join(fontDir, 'Tinos-Bold.ttf')),
};
const out = mkdtempSync(join(tmpdir(), 'so-tay-aar-pdf-'));
/** The heading of today's journal form: whatever content/forms/phu-luc-1.yaml says. */
const form = getJournalForm('content');
const heading = documentHeading(form);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const sheet = {
  injects: [
    {
      id: 'a',
      heading: 'Thẻ 1 · 07:30 · Lãnh đạo ca trực',
      question: 'Lãnh đạo ca trực dựa vào đâu để xác định nội dung trọng điểm?',
    },
    { id: 'b', heading: 'Thẻ 2 · 07:45 · Công chức', question: 'Ai tổ chức, phân công công việc?' },
  ],
};
function report(): Report {
  const r = emptyReport('thu', 'Đầu ca: đặt trọng điểm và phân công');
  r.exercise = {
    date: '2026-11-27',
    place: 'Phòng họp tầng 3',
    facilitator: 'Nguyễn Văn An',
    evaluator: '',
    participants: 'Lê Văn Cường: công chức\nPhạm Thị Dung: Trưởng phòng',
  };
  r.evaluations = {
    a: {
      rating: 'dat-mot-phan',
      note: 'Định liên hệ giữ phương tiện, rồi tự dừng lại. '.repeat(30).trim(),
    },
  };
  r.hotWash = 'Cần thống nhất cách liên lạc với lãnh đạo phòng.';
  r.strengths = ['Báo cáo kịp thời'];
  r.actions = [
    { action: 'Phổ biến lại điểm b khoản 3.1', owner: 'Trưởng phòng', due: '2026-12-15' },
  ];
  return r;
}
const saved = (bytes: Uint8Array) => {
  const file = join(out, `r-${Math.random()}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('qpdf', ['--check', file]);
  return file;
};
const textOf = (bytes: Uint8Array) =>
  squashSpace(
    execFileSync('pdftotext', [saved(bytes), '-'], { encoding: 'utf8' }).normalize('NFC'),
  );
/** Every word's box, as pdftotext -bbox gives it: page size and the words' right edges. */
const wordBoxes = (bytes: Uint8Array) => {
  const html = execFileSync('pdftotext', ['-bbox', saved(bytes), '-'], { encoding: 'utf8' });
  const width = Number(/<page width="([\d.]+)"/.exec(html)?.[1]);
  const words = [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g),
  ].map((m) => ({ xMin: Number(m[1]), xMax: Number(m[2]), word: m[3] ?? '' }));
  return { width, words };
};

describe('after-action report as PDF', () => {
  it('holds what was typed, in Vietnamese, and passes qpdf --check', async () => {
    const text = textOf(await aarPdf(report(), sheet, fonts, heading));
    for (const expected of [
      'BÁO CÁO SAU DIỄN TẬP',
      'Đầu ca: đặt trọng điểm và phân công',
      'Ngày diễn tập: 27/11/2026',
      '• Lê Văn Cường: công chức • Phạm Thị Dung: Trưởng phòng',
      'Tổng hợp 2 thẻ: đạt 0, đạt một phần 1, chưa đạt 0, chưa đánh giá 1.',
      'Đánh giá: Đạt một phần',
      'Cần thống nhất cách liên lạc với lãnh đạo phòng.',
      '• Báo cáo kịp thời',
      '1. Phổ biến lại điểm b khoản 3.1',
      'Người chịu trách nhiệm: Trưởng phòng · Thời hạn: 15/12/2026',
      'Trang 1/',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('lists four participants typed one per line, each once, and never says «chưa ghi»', async () => {
    const four = report();
    four.exercise.participants =
      'Nguyễn Văn An: lãnh đạo ca trực\nTrần Thị Bình: lãnh đạo cấp phòng trực ban\r\n\nLê Văn Cường: công chức\nPhạm Thị Dung: Trưởng phòng\n';
    const text = textOf(await aarPdf(four, sheet, fonts, heading));
    for (const person of [
      'Nguyễn Văn An: lãnh đạo ca trực',
      'Trần Thị Bình: lãnh đạo cấp phòng trực ban',
      'Lê Văn Cường: công chức',
      'Phạm Thị Dung: Trưởng phòng',
    ])
      expect(text.split(`• ${person}`), person).toHaveLength(2);
    expect(text).toContain('Người tham gia và vai trò: • Nguyễn Văn An');
    expect(text).not.toContain('chưa ghi');
    // One participant is a line of its own after the label.
    const one = report();
    one.exercise.participants = 'Nguyễn Văn An: lãnh đạo ca trực';
    expect(textOf(await aarPdf(one, sheet, fonts, heading))).toContain(
      'Người tham gia và vai trò: Nguyễn Văn An: lãnh đạo ca trực',
    );
  });

  it("is a document to file: the journal form's heading, the date line, the title, and signature blocks", async () => {
    const text = textOf(await aarPdf(report(), sheet, fonts, heading));
    for (const line of [...heading.lines.map((l) => l.text).filter(Boolean), ...heading.motto])
      expect(text, line).toContain(line);
    expect(text).toContain(', ngày …… tháng …… năm ……');
    expect(text).toMatch(/BÁO CÁO SAU DIỄN TẬP Đầu ca: đặt trọng điểm và phân công/);
    expect(text).toMatch(/NGƯỜI LẬP NGƯỜI DUYỆT \(Ký, ghi rõ họ tên\) \(Ký, ghi rõ họ tên\)/);
    // The agency and unit as changed on the page, in capitals.
    const changed = documentHeading(form, { unit: 'Chi cục Hải quan khu vực II' });
    expect(textOf(await aarPdf(report(), sheet, fonts, changed))).toContain(
      'CHI CỤC HẢI QUAN KHU VỰC II',
    );
  });

  it('prints an empty field as dots to write on and an unrated card as boxes to tick, never a word in their place', async () => {
    const blank = emptyReport('thu', 'Đầu ca: đặt trọng điểm và phân công');
    const text = textOf(await aarPdf(blank, sheet, fonts, heading));
    for (const label of [
      'Ngày diễn tập:',
      'Địa điểm:',
      'Người điều hành:',
      'Người đánh giá:',
      'Điều quan sát được:',
    ])
      expect(text, label).toMatch(new RegExp(`${label} \\.{10,}`));
    expect(text).toContain('Người tham gia và vai trò: ....');
    expect(text).toContain('Đánh giá: Đạt Đạt một phần Chưa đạt');
    expect(text).not.toMatch(/chưa ghi|chưa đánh giá Thẻ/);
  });

  it('keeps every word inside the margins, the heading included', async () => {
    const long = report();
    long.drillTitle = 'Một bài diễn tập có tên rất dài để xem tên được xuống dòng giữa trang';
    const changed = documentHeading(form, {
      agency: 'Bộ Tài chính',
      unit: 'Chi cục Hải quan khu vực II thuộc Cục Hải quan',
    });
    const { width, words } = wordBoxes(await aarPdf(long, sheet, fonts, changed));
    expect(words.length).toBeGreaterThan(100);
    for (const { word, xMin, xMax } of words) {
      expect(xMin, word).toBeGreaterThanOrEqual(40);
      expect(xMax, word).toBeLessThanOrEqual(width - 40);
    }
  });

  it('wraps long text onto more lines and pages rather than running off the page', async () => {
    const long = report();
    long.strengths = Array.from(
      { length: 60 },
      (_, i) => `Điểm mạnh số ${i + 1}: ${'rất dài '.repeat(12)}`,
    );
    long.improvements = ['Mộttừrấtdàikhôngcókhoảngtrắng'.repeat(8)];
    const text = textOf(await aarPdf(long, sheet, fonts, heading));
    expect(text).toContain('Điểm mạnh số 60');
    expect(text).toMatch(/Trang 3\/\d/);
    expect(text.replace(/\s/g, '')).toContain('Mộttừrấtdàikhôngcókhoảngtrắng'.repeat(8));
  });

  it('refuses a character the font lacks, naming it', async () => {
    const bad = report();
    bad.hotWash = 'Tốt 👍 lắm ✓';
    await expect(aarPdf(bad, sheet, fonts, heading)).rejects.toThrow(AarPdfError);
    await expect(aarPdf(bad, sheet, fonts, heading)).rejects.toMatchObject({
      characters: ['👍', '✓'],
    });
    // In the heading too.
    const odd = documentHeading(form, { unit: 'Đơn vị ✓' });
    await expect(aarPdf(report(), sheet, fonts, odd)).rejects.toMatchObject({ characters: ['✓'] });
  });

  it('is named like the JSON file', () => {
    expect(reportPdfName(report())).toBe('bao-cao-sau-dien-tap-thu-2026-11-27.pdf');
  });
});
