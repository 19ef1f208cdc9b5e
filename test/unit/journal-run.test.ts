/**
 * From a shift run to the filled journal (src/lib/journal/run.ts and the rows of
 * buildJournal): header fields from the run, one row per entry (and per ticked item when
 * asked) in time order, the columns chosen by the form's `fills`, long text at the body size
 * going on in the rows below, rows running onto further pages, and refusals naming the row and column.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { getJournalFonts, getJournalForm } from '../../src/data/journal.ts';
import type { Run } from '../../src/lib/checklist/schema.ts';
import { emptyStore, setApproved, setDone } from '../../src/lib/checklist/state.ts';
import { setNote } from '../../src/lib/checklist/printable.ts';
import { endRun, startRun } from '../../src/lib/checklist/runs.ts';
import { journalKeepers } from '../../src/lib/content/forms.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { approvalLines } from '../../src/lib/content/approval.ts';
import { JOURNAL_CHARSET, missingCharacters } from '../../src/lib/journal/charset.ts';
import { fitText, MIN_CELL_SIZE } from '../../src/lib/journal/layout.ts';
import { JournalOptionError, JournalRowError } from '../../src/lib/journal/options.ts';
import { buildJournal } from '../../src/lib/journal/pdf.ts';
import {
  journalHeader,
  journalLines,
  journalOfRun,
  journalRows,
  wallTimeIn,
  type ChecklistItemText,
} from '../../src/lib/journal/run.ts';
import { addEntries, cameraEntry, entry, nightShift, ZONE } from '../support/journal-runs.ts';

const handbook = loadHandbook('content');
const form = getJournalForm('content');
const fonts = getJournalFonts();
const itemsOf = (role: string): ChecklistItemText[] =>
  handbook.dutiesOf(role).map((duty) => ({
    id: duty.id,
    action: duty.action,
    approval: duty.approval
      ? approvalLines(duty.carries, handbook.role(duty.approval.by).name).given
      : undefined,
  }));

const NOW = new Date('2026-11-27T18:30:00.000Z');
/** A night shift of the division-level duty leader, 22:00 to 06:00; the page was opened at 22:10 and closed at 07:10, Hà Nội time. */
function nightRun(role = 'lanh-dao-cap-phong-truc-ban', ended = true): Run {
  let store = startRun(
    emptyStore(role),
    nightShift(),
    new Date('2026-11-27T15:10:00.000Z'),
    'run-0001',
  );
  store = addEntries(
    store,
    [
      ['e-0002', entry('23:05', 'Chi cục báo cáo tờ khai nghi vấn', { kind: 'thong-tin' })],
      ['e-0001', cameraEntry('Đã khắc phục lúc 22:40')],
      [
        'e-0003',
        entry('01:15', 'Bàn giao số liệu cho ca sau', { date: '2026-11-28', kind: 'cong-viec' }),
      ],
    ],
    NOW,
  );
  if (role === 'lanh-dao-cap-phong-truc-ban') {
    store = setNote(
      setDone(store, 'art_7__para_2__point_b', true, new Date('2026-11-27T15:20:00.000Z')),
      'art_7__para_2__point_b',
      'đã phân công',
      NOW,
    );
    const approved = 'art_7__para_2__point_c--thuc-hien';
    store = setApproved(
      setDone(store, approved, true, new Date('2026-11-27T16:00:00.000Z')),
      approved,
      true,
      new Date('2026-11-27T15:55:00.000Z'),
    );
  }
  return (ended ? endRun(store, new Date('2026-11-28T00:10:00.000Z')).history[0] : store.current)!;
}

const fieldsOf = async (bytes: Uint8Array) => {
  const doc = await PDFDocument.load(bytes);
  const values = Object.fromEntries(
    doc
      .getForm()
      .getFields()
      .map((f) => [f.getName(), doc.getForm().getTextField(f.getName()).getText() ?? '']),
  );
  return { doc, values };
};

describe('journal from a run', () => {
  it('goes to the roles holding points 1 e and 2 d, as the content says', () => {
    expect(journalKeepers(handbook)).toEqual(['lanh-dao-cap-phong-truc-ban', 'lanh-dao-ca-truc']);
  });

  it('shows instants as wall-clock time in the run file’s zone', () => {
    expect(wallTimeIn('2026-11-27T15:10:00.000Z', ZONE)).toBe('2026-11-27T22:10');
    expect(wallTimeIn('2026-11-27T17:00:00.000Z', ZONE)).toBe('2026-11-28T00:00');
    expect(wallTimeIn('2026-11-27T15:10:00.000Z', 'UTC')).toBe('2026-11-27T15:10');
    expect(wallTimeIn('2026-11-27T15:10:00.000Z', 'Europe/Paris')).toBe('2026-11-27T16:10');
  });

  it('fills the header from the run: the shift as scheduled (not when the page was opened or closed), and the officer in the field of the run’s role', () => {
    expect(journalHeader(form, nightRun())).toEqual({
      ca_tu: '22:00',
      ca_den: '06:00',
      lanh_dao_cap_phong: 'Nguyễn Văn An',
    });
    expect(journalHeader(form, nightRun('lanh-dao-ca-truc', false))).toEqual({
      ca_tu: '22:00',
      ca_den: '06:00',
      lanh_dao_ca_truc: 'Nguyễn Văn An',
    });
    expect(journalHeader(form, { ...nightRun(), officer: '' })).toEqual({
      ca_tu: '22:00',
      ca_den: '06:00',
    });
    // A run kept before shifts had hours leaves them blank, to be filled by hand.
    expect(journalHeader(form, { ...nightRun(), shiftStart: null, shiftEnd: null })).toEqual({
      lanh_dao_cap_phong: 'Nguyễn Văn An',
    });
  });

  it('makes one row per entry in time order, each part in the column that `fills` it', () => {
    const run = nightRun();
    expect(journalRows(form, run, journalLines(run, {}))).toEqual([
      {
        thoi_gian: '22:15',
        noi_dung: 'Tình huống phát sinh: Camera cổng số 3 mất tín hiệu',
        chi_dao: 'Kiểm tra đường truyền',
        thong_bao: 'Đội Kỹ thuật',
        ghi_chu: 'Đã khắc phục lúc 22:40',
      },
      { thoi_gian: '23:05', noi_dung: 'Thông tin tiếp nhận: Chi cục báo cáo tờ khai nghi vấn' },
      {
        thoi_gian: '01:15 28/11/2026',
        noi_dung: 'Công việc thực hiện: Bàn giao số liệu cho ca sau',
      },
    ]);
  });

  it('adds the ticked items as "công việc" rows when asked, with their note and approval', () => {
    const run = nightRun();
    const lines = journalLines(run, { ticked: itemsOf(run.role) });
    expect(lines.map((line) => ('item' in line.from ? line.from.item : line.from.entry))).toEqual([
      0,
      'art_7__para_2__point_b',
      'art_7__para_2__point_c--thuc-hien',
      1,
      2,
    ]);
    const rows = journalRows(form, run, lines);
    expect(rows[1]).toEqual({
      thoi_gian: '22:20',
      noi_dung:
        'Công việc thực hiện: Phối hợp lãnh đạo Phòng Giám sát hải quan trực tuyến triển khai giám sát trực tuyến để theo dõi, giám sát, kiểm tra trọng điểm theo chỉ đạo của lãnh đạo ca trực',
      ghi_chu: 'đã phân công',
    });
    expect(rows[2]).toEqual({
      thoi_gian: '23:00',
      noi_dung:
        'Công việc thực hiện: Chỉ thực hiện khi có sự đồng ý, phê duyệt của lãnh đạo ca trực',
      ghi_chu: 'Đã có sự đồng ý, phê duyệt của Lãnh đạo ca trực lúc 22:55',
    });
    // Unticked items and items no longer on the checklist give no row.
    expect(rows).toHaveLength(5);
    expect(journalLines(run, { ticked: [] })).toHaveLength(3);
  });

  it('refuses a part that no column takes, rather than dropping it', () => {
    const narrow = {
      ...form,
      table: { ...form.table, columns: form.table.columns.filter((c) => c.fills !== 'informed') },
    };
    const run = nightRun();
    expect(() => journalRows(narrow, run, journalLines(run, {}))).toThrow(
      /no column "fills: informed"/,
    );
  });
});

describe('filled journal PDF', () => {
  it('holds exactly the rows and header of the run, fields still editable', async () => {
    const run = nightRun();
    const { options, lines } = journalOfRun(form, run, {});
    const { doc, values } = await fieldsOf(await buildJournal(form, options, fonts));
    expect(doc.getPageCount()).toBe(1);
    expect(lines).toHaveLength(3);
    expect(values).toMatchObject({
      ngay: '27/11/2026',
      ca_tu: '22:00',
      ca_den: '06:00',
      lanh_dao_cap_phong: 'Nguyễn Văn An',
      lanh_dao_ca_truc: '',
      nguoi_ghi: '',
      // The form's default unit (content/forms/phu-luc-1.yaml), still a field to change.
      don_vi: 'CỤC HẢI QUAN',
    });
    expect(values['p1.r01.noi_dung']).toBe('Tình huống phát sinh: Camera cổng số 3 mất tín hiệu');
    expect(values['p1.r03.thoi_gian']).toBe('01:15 28/11/2026');
    expect(values['p1.r04.noi_dung']).toBe('');
    for (const field of doc.getForm().getFields())
      expect(field.isReadOnly(), field.getName()).toBe(false);
    // Same run, same bytes.
    expect(
      Buffer.from(await buildJournal(form, options, fonts)).equals(
        Buffer.from(await buildJournal(form, options, fonts)),
      ),
    ).toBe(true);
  });

  it('runs 15 rows onto a second page, numbering pages of the whole', async () => {
    const rows = Array.from({ length: 15 }, (_, i) => ({
      thoi_gian: `22:${String(i).padStart(2, '0')}`,
      noi_dung: `Mục ${i + 1}`,
    }));
    const { doc, values } = await fieldsOf(await buildJournal(form, { rows }, fonts));
    expect(doc.getPageCount()).toBe(2);
    expect(values['p1.r10.noi_dung']).toBe('Mục 10');
    expect(values['p2.r01.noi_dung']).toBe('Mục 11');
    expect(values['p2.r05.noi_dung']).toBe('Mục 15');
    expect(values['p2.r06.noi_dung']).toBe('');
    // --pages is a minimum.
    expect(
      (await PDFDocument.load(await buildJournal(form, { rows, pages: 3 }, fonts))).getPageCount(),
    ).toBe(3);
  });

  it('never sets the text of a row smaller than the body size: a long entry goes on in the rows below', async () => {
    const font = fontkit.create(fonts.regular);
    const measure = (text: string, size: number) =>
      font.layout(text).advanceWidth * (size / font.unitsPerEm);
    expect(fitText('22:15', 66, 27, 10, false, measure)).toEqual({
      size: 10,
      lines: ['22:15'],
      leading: 11.5,
    });
    const long =
      `Tình huống phát sinh: ${'Tờ khai luồng xanh có dấu hiệu khai sai mã số hàng hoá, '.repeat(4)}`
        .slice(0, 222)
        .trim();
    const cell = { width: 243.5, height: 27 };
    // One row holds it only in smaller type…
    const fit = fitText(long, cell.width, cell.height, 10, true, measure)!;
    expect(fit.size).toBeLessThan(10);
    expect(fit.size).toBeGreaterThanOrEqual(MIN_CELL_SIZE);

    // …so the journal sets it at 10 pt over the rows it needs, every row's field at 10 pt.
    const { doc, values } = await fieldsOf(
      await buildJournal(form, { rows: [{ noi_dung: long }] }, fonts),
    );
    const rows = Object.keys(values)
      .filter((name) => /^p1\.r\d+\.noi_dung$/.test(name) && values[name] !== '')
      .sort();
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((name) => values[name]).join(' ')).toBe(long);
    for (const name of rows) {
      const da = doc.getForm().getTextField(name).acroField.dict.get(PDFName.of('DA'));
      expect(da).toBeInstanceOf(PDFString);
      expect((da as PDFString).asString(), name).toBe('/TinosR 10 Tf 0 g');
    }
  });

  it('refuses a cell it cannot set, naming the row and column', async () => {
    const cases: [Record<string, string>[], number, string, RegExp][] = [
      [[{ chi_dao: 'Hải quan 海关' }], 0, 'chi_dao', /font cannot show U\+6D77 \(海\)/],
      [[{ cot_moi: 'x' }], 0, 'cot_moi', /the form has no column "cot_moi"/],
    ];
    for (const [rows, row, column, message] of cases) {
      const error = await buildJournal(form, { rows }, fonts).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(JournalRowError);
      expect(error).toMatchObject({ option: 'rows', row, column });
      expect((error as Error).message).toMatch(message);
    }
    await expect(buildJournal(form, { header: { ten_sai: 'x' } }, fonts)).rejects.toThrow(
      /no header field "ten_sai"/,
    );
    await expect(
      buildJournal(form, { rows: Array.from({ length: 2001 }, () => ({})) }, fonts),
    ).rejects.toThrow(JournalOptionError);
  });

  it('continues text that does not fit one row in the rows below it, as a hand-written journal does, losing nothing', async () => {
    const wide = 'W'.repeat(200);
    const note = 'ghi chú dài '.repeat(25).trim();
    const bytes = await buildJournal(
      form,
      {
        rows: [
          { thoi_gian: '22:15', noi_dung: wide, ghi_chu: note },
          { thoi_gian: '23:00', noi_dung: 'Mục sau' },
        ],
      },
      fonts,
    );
    const { values } = await fieldsOf(bytes);
    const column = (name: string) =>
      Object.entries(values)
        .filter(([field]) => field.endsWith(`.${name}`))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, value]) => value);
    const content = column('noi_dung').filter(Boolean);
    expect(content.length).toBeGreaterThan(2);
    // Every piece of the long text, in order, then the next entry on the next free row.
    expect(content.slice(0, -1).join('')).toBe(wide);
    expect(content.at(-1)).toBe('Mục sau');
    expect(column('ghi_chu').filter(Boolean).join(' ')).toBe(note);
    // The time stands on the first row of the entry only.
    expect(column('thoi_gian').filter(Boolean)).toEqual(['22:15', '23:00']);
  });

  it('sets a long name from the run smaller in its header box', async () => {
    const name = 'Nguyễn Thị Phương Thảo Hoàng Minh Khai Trần Quang Diệu';
    const { values } = await fieldsOf(
      await buildJournal(form, { header: { lanh_dao_ca_truc: name } }, fonts),
    );
    expect(values.lanh_dao_ca_truc).toBe(name);
  });

  it('has a font that holds the whole character set the page checks entries against', () => {
    const font = fontkit.create(fonts.regular);
    expect(missingCharacters(JOURNAL_CHARSET, new Set(font.characterSet))).toEqual([]);
  });
});
