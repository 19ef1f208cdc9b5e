/**
 * The journal PDF read back with pdf-lib: fields and names, /DA–/DR, the font's
 * Vietnamese coverage, tooltips, reading order, no orphaned objects, filling with
 * Vietnamese, determinism, byte budgets, and the errors for bad options and layouts.
 */
import fontkit from '@pdf-lib/fontkit';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  PDFTextField,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJournalFonts, getJournalForm } from '../../src/data/journal.ts';
import { checkQuotes } from '../../src/lib/content/forms.ts';
import { journalFormSchema, type JournalForm } from '../../src/lib/content/forms-schema.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import {
  FIELD_FONT,
  FormLayoutError,
  JournalOptionError,
  VIETNAMESE_NON_ASCII,
  buildJournal,
  dateRange,
  fillJournal,
  type JournalFonts,
} from '../../src/lib/journal/index.ts';

let form: JournalForm;
let fonts: JournalFonts;
let one: Uint8Array;
let ten: Uint8Array;

beforeAll(async () => {
  form = getJournalForm();
  fonts = getJournalFonts();
  one = await buildJournal(form, { pages: 1 }, fonts);
  ten = await buildJournal(form, { pages: 10 }, fonts);
});

const headerIds = () => [
  ...form.header.agency.flatMap((line) => ('field' in line ? [line.field.id] : [])),
  ...form.fields.flat().map((field) => field.id),
];
const expectedNames = (pages: number) => [
  ...headerIds(),
  ...Array.from({ length: pages }, (_, p) =>
    Array.from({ length: form.table.rowsPerPage }, (_, r) =>
      form.table.columns.map(
        (column) => `p${p + 1}.r${String(r + 1).padStart(2, '0')}.${column.id}`,
      ),
    ).flat(2),
  ).flat(),
];

const text = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : undefined;

/** Every indirect object reachable from the trailer. */
function reachable(doc: PDFDocument): Set<string> {
  const seen = new Set<string>();
  const visit = (object: PDFObject | undefined): void => {
    if (object instanceof PDFRef) {
      if (seen.has(object.toString())) return;
      seen.add(object.toString());
      visit(doc.context.lookup(object));
    } else if (object instanceof PDFDict) for (const [, value] of object.entries()) visit(value);
    else if (object instanceof PDFArray) for (const value of object.asArray()) visit(value);
    else if (object instanceof PDFRawStream)
      for (const [, value] of object.dict.entries()) visit(value);
  };
  visit(doc.context.trailerInfo.Root);
  visit(doc.context.trailerInfo.Info);
  return seen;
}

describe('the blank journal', () => {
  it('has one field per header box and per table cell, named systematically', async () => {
    for (const [bytes, pages] of [
      [one, 1],
      [ten, 10],
    ] as const) {
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBe(pages);
      const names = doc
        .getForm()
        .getFields()
        .map((field) => field.getName());
      expect(names).toEqual(expectedNames(pages));
      expect(names).toHaveLength(
        headerIds().length + pages * form.table.rowsPerPage * form.table.columns.length,
      );
      expect(names).toContain('p1.r03.noi_dung');
    }
  });

  it('names in every /DA a font of the AcroForm /DR, and that font is embedded whole with every Vietnamese letter', async () => {
    const doc = await PDFDocument.load(ten);
    const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    const drFonts = acroForm.lookup(PDFName.of('DR'), PDFDict).lookup(PDFName.of('Font'), PDFDict);
    // The regular face for every field; the bold one for the unit, set in bold capitals.
    expect(drFonts.keys().map((key) => key.decodeText())).toEqual([FIELD_FONT, 'TinosB']);
    const fields = doc.getForm().getFields();
    for (const field of fields) {
      const da = field.acroField.getDefaultAppearance() ?? '';
      const fontName = /\/([^\s/]+)\s+[\d.]+\s+Tf/.exec(da)?.[1];
      expect(fontName, `${field.getName()} /DA ${da}`).toBe(
        field.getName() === 'don_vi' ? 'TinosB' : FIELD_FONT,
      );
    }
    for (const name of [FIELD_FONT, 'TinosB']) {
      const descriptor = drFonts
        .lookup(PDFName.of(name), PDFDict)
        .lookup(PDFName.of('DescendantFonts'), PDFArray)
        .lookup(0, PDFDict)
        .lookup(PDFName.of('FontDescriptor'), PDFDict);
      const bytes = descriptor.lookup(PDFName.of('FontFile2'));
      if (!(bytes instanceof PDFRawStream)) throw new Error(`${name}: FontFile2 is not a stream`);
      // Both whole, so that text typed into any field shows.
      expect(
        fontkit.create(decodePDFRawStream(bytes).decode()).characterSet.length,
      ).toBeGreaterThan(300);
    }
    const fontDict = drFonts.lookup(PDFName.of(FIELD_FONT), PDFDict);
    expect(fontDict.lookup(PDFName.of('Subtype'))).toEqual(PDFName.of('Type0'));
    const descendant = fontDict.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const file = descriptor.lookup(PDFName.of('FontFile2'));
    if (!(file instanceof PDFRawStream)) throw new Error('FontFile2 is not a stream');
    const embedded = fontkit.create(decodePDFRawStream(file).decode());
    const missing = VIETNAMESE_NON_ASCII.filter(
      (letter) => !embedded.hasGlyphForCodePoint(letter.codePointAt(0)!),
    );
    expect(VIETNAMESE_NON_ASCII).toHaveLength(134);
    expect(missing).toEqual([]);
    // Embedded whole: the file holds the full character set, not only the glyphs drawn.
    expect(embedded.characterSet.length).toBeGreaterThan(300);
    // Widths for every glyph, so that typed text is spaced right in viewers that use /W.
    const w = descendant.lookup(PDFName.of('W'), PDFArray).asArray();
    const withWidth = new Set<number>();
    for (let i = 0; i + 1 < w.length; i += 2) {
      const start = Number(w[i]!.toString());
      (w[i + 1] as PDFArray).asArray().forEach((_, offset) => withWidth.add(start + offset));
    }
    const noWidth = embedded.characterSet.filter(
      (codePoint) => !withWidth.has(embedded.glyphForCodePoint(codePoint).id),
    );
    expect(noWidth).toEqual([]);
  });

  it('puts a Vietnamese tooltip (/TU) on every widget and lists widgets in reading order', async () => {
    const doc = await PDFDocument.load(one);
    const page = doc.getPage(0);
    const annots = page.node.Annots()!;
    const widgets = annots.asArray().map((ref) => doc.context.lookup(ref, PDFDict));
    expect(widgets).toHaveLength(expectedNames(1).length);
    const tooltips = widgets.map((widget) => text(widget.get(PDFName.of('TU'))));
    expect(tooltips.every((tooltip) => tooltip && tooltip.length > 3)).toBe(true);
    expect(tooltips).toContain(
      'Trang 1, dòng 3: Nội dung công việc thực hiện, tình huống phát sinh, thông tin tiếp nhận khi trực ban',
    );
    // Reading order: top to bottom, then left to right within a line.
    const tops = widgets.map((widget) => {
      const [x1, , , y2] = widget
        .lookup(PDFName.of('Rect'), PDFArray)
        .asArray()
        .map((n) => Number(n.toString()));
      return { x: x1!, top: y2! };
    });
    for (let i = 1; i < tops.length; i++) {
      const [a, b] = [tops[i - 1]!, tops[i]!];
      const sameLine = Math.abs(a.top - b.top) < 2;
      expect(sameLine ? b.x > a.x : b.top < a.top, `widget ${i} after widget ${i - 1}`).toBe(true);
    }
  });

  it('has table cells that hold two lines and single-line header fields', async () => {
    const doc = await PDFDocument.load(one);
    const formFields = doc.getForm();
    const cell = formFields.getTextField('p1.r01.noi_dung');
    expect(cell.isMultiline()).toBe(true);
    const height = cell.acroField.getWidgets()[0]!.getRectangle().height;
    expect(height).toBeGreaterThanOrEqual(2 * form.type.field * 1.35);
    expect(formFields.getTextField('ngay').isMultiline()).toBe(false);
  });

  it('holds no orphaned objects and shares the blank appearance streams', async () => {
    for (const bytes of [one, ten]) {
      const doc = await PDFDocument.load(bytes);
      const used = reachable(doc);
      const all = doc.context.enumerateIndirectObjects().map(([ref]) => ref.toString());
      expect(all.filter((ref) => !used.has(ref))).toEqual([]);
    }
    const doc = await PDFDocument.load(ten);
    const appearanceRefs = new Set(
      doc
        .getForm()
        .getFields()
        .flatMap((field) =>
          field.acroField
            .getWidgets()
            .map((widget) =>
              String(widget.dict.lookup(PDFName.of('AP'), PDFDict).get(PDFName.of('N'))),
            ),
        ),
    );
    expect(appearanceRefs.size).toBeLessThanOrEqual(headerIds().length + form.table.columns.length);
  });

  it('accepts Vietnamese typed in with pdf-lib and saves again', async () => {
    const value = 'Tiếp nhận thông tin nghi vấn; đã báo cáo lãnh đạo ca trực, chờ ý kiến chỉ đạo.';
    // Decomposed input (NFD) is normalised: tone marks stay on their letters.
    const filled = await fillJournal(
      ten,
      { 'p2.r05.noi_dung': value.normalize('NFD'), lanh_dao_ca_truc: 'Nguyễn Văn Đức' },
      fonts,
    );
    const doc = await PDFDocument.load(filled);
    const again = await doc.save();
    const reread = (await PDFDocument.load(again)).getForm();
    expect(reread.getTextField('p2.r05.noi_dung').getText()).toBe(value);
    expect(reread.getTextField('lanh_dao_ca_truc').getText()).toBe('Nguyễn Văn Đức');
    await expect(fillJournal(one, { 'p1.r01.ghi_chu': 'kanji 漢字' }, fonts)).rejects.toThrow(
      /cannot show U\+6F22 \(漢\)/,
    );
  });

  it('prefills unit (in capitals), date and shift, in NFC, on every page', async () => {
    const bytes = await buildJournal(
      form,
      {
        pages: 2,
        unit: 'Phòng Giám sát hải quan trực tuyến'.normalize('NFD'),
        date: '2025-03-04',
        shift: '22:00-06:00',
      },
      fonts,
    );
    const doc = await PDFDocument.load(bytes);
    const fields = doc.getForm();
    expect(fields.getTextField('don_vi').getText()).toBe('PHÒNG GIÁM SÁT HẢI QUAN TRỰC TUYẾN');
    expect(fields.getTextField('ngay').getText()).toBe('04/03/2025');
    expect(fields.getTextField('ca_tu').getText()).toBe('22:00');
    expect(fields.getTextField('ca_den').getText()).toBe('06:00');
    expect(fields.getTextField('ngay').acroField.getWidgets()).toHaveLength(2);
    expect(doc.getTitle()).toBe('Nhật ký trực ban ngày 04/03/2025');
  });
});

describe('determinism and size', () => {
  it('gives byte-identical output for the same inputs, and dates only from a given timestamp', async () => {
    const again = await buildJournal(form, { pages: 10 }, fonts);
    expect(Buffer.from(again).equals(Buffer.from(ten))).toBe(true);
    expect(
      (await PDFDocument.load(one, { updateMetadata: false })).getCreationDate(),
    ).toBeUndefined();
    const stamp = new Date('2025-01-02T03:04:05Z');
    const a = await buildJournal(form, { pages: 1, timestamp: stamp }, fonts);
    const b = await buildJournal(form, { pages: 1, timestamp: stamp }, fonts);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(one))).toBe(false);
    expect(
      (await PDFDocument.load(a, { updateMetadata: false })).getCreationDate()?.toISOString(),
    ).toBe(stamp.toISOString());
  });

  it('keeps to the byte budgets: 1-page blank ≤ 60 KB, each further page ≤ 25 KB', () => {
    expect(one.length).toBeLessThanOrEqual(60 * 1024);
    expect((ten.length - one.length) / 9).toBeLessThanOrEqual(25 * 1024);
  });
});

describe('errors', () => {
  const optionError = async (
    options: Parameters<typeof buildJournal>[1],
    option: string,
    message: RegExp,
  ) => {
    const error = await buildJournal(form, options, fonts).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JournalOptionError);
    expect((error as JournalOptionError).option).toBe(option);
    expect((error as Error).message).toMatch(message);
  };

  it('names the option for every bad input', async () => {
    await optionError({ pages: 0 }, 'pages', /from 1 to 200, found 0/);
    await optionError({ pages: 201 }, 'pages', /found 201/);
    await optionError({ pages: '3x' }, 'pages', /whole number/);
    // Strictly digits: no spaces, signs or exponents.
    for (const pages of [' 5', '5 ', '+5', '5.0', '5e0', '0x5', ''])
      await optionError({ pages }, 'pages', /whole number/);
    await optionError({ date: ' 2025-03-04' }, 'date', /YYYY-MM-DD/);
    await optionError({ shift: '07:30-16:30 ' }, 'shift', /HH:MM-HH:MM/);
    // A long bad value is quoted in part, with its length.
    const long = await buildJournal(form, { unit: 'Phòng '.repeat(1000) }, fonts).catch(
      (caught: Error) => caught.message,
    );
    expect(long).toMatch(/^"PHÒNG PHÒNG .{50,}…" \(5999 characters\) is too long/);
    expect(long.length).toBeLessThan(200);
    await optionError({ agency: 'Cơ quan ★' }, 'agency', /cannot show U\+2605/);
    await optionError({ agency: 'Bộ Tài chính '.repeat(10) }, 'agency', /too long for its line/);
    await optionError({ agency: '  ' }, 'agency', /empty text/);
    await optionError({ dates: ['2026-01-01', '2026-02-30'] }, 'dates', /does not exist/);
    await optionError({ dates: ['2026-01-01'], date: '2026-01-01' }, 'date', /range/);
    await optionError(
      { dates: dateRange('2024-01-01', '2024-12-31'), pages: 3 },
      'dates',
      /at most 1000 pages in one file, found 366 days of 3 pages \(1098\)/,
    );
    await optionError({ date: '2025-02-29' }, 'date', /does not exist/);
    await optionError({ date: '04/03/2025' }, 'date', /YYYY-MM-DD/);
    await optionError({ shift: '7:30-16:30' }, 'shift', /HH:MM-HH:MM/);
    await optionError({ unit: 'Đơn vị ★' }, 'unit', /cannot show U\+2605 \(★\)/);
    await optionError({ unit: 'Phòng '.repeat(60) }, 'unit', /too long for its box/);
    expect(() => dateRange('2025-01-02', '2025-01-01')).toThrow(/on or after --from/);
    expect(() => dateRange('2024-01-01', '2025-01-01')).toThrow(/at most 366 days, found 367/);
    expect(dateRange('2024-01-01', '2024-12-31')).toHaveLength(366);
    expect(dateRange('2024-02-28', '2024-03-01')).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('explains a layout that does not fit, naming the YAML field', async () => {
    const tooMany = journalFormSchema.parse({ ...form, table: { ...form.table, rowsPerPage: 20 } });
    await expect(buildJournal(tooMany, {}, fonts)).rejects.toThrow(FormLayoutError);
    await expect(buildJournal(tooMany, {}, fonts)).rejects.toThrow(
      /table\.rowsPerPage: 20 rows of 30 pt .* lower rowsPerPage or rowHeight/,
    );
    const badTitle = journalFormSchema.parse({
      ...form,
      header: { ...form.header, title: { ...form.header.title, text: 'NHẬT KÝ ☃' } },
    });
    await expect(buildJournal(badTitle, {}, fonts)).rejects.toThrow(
      /header\.title\.text: the font cannot show U\+2603/,
    );
  });
});

describe('the form as data', () => {
  it('cites point 2 d or 1 e for every column and field, with a quote or a layout choice', () => {
    const columns = form.table.columns;
    expect(columns.map((column) => column.id)).toEqual([
      'thoi_gian',
      'noi_dung',
      'chi_dao',
      'thong_bao',
      'ghi_chu',
    ]);
    for (const column of columns) expect(column.basis.cites?.length).toBeGreaterThan(0);
    expect(columns.filter((column) => column.basis.quote).map((column) => column.id)).toEqual([
      'noi_dung',
      'chi_dao',
      'thong_bao',
    ]);
    for (const field of form.fields.flat()) expect(field.basis.layoutChoice, field.id).toBeTruthy();
    // Article 7 says nothing of signatures: the handbook's choice cites no point for them.
    expect(form.signature.basis).toEqual({
      layoutChoice: expect.stringMatching(/^Điều 7 không quy định/),
    });
  });

  it('rejects a cite outside 2 d and 1 e, and a quote that is not the law’s words', () => {
    const column = form.table.columns[2]!;
    const wrongCite = {
      ...form,
      table: {
        ...form.table,
        columns: [{ ...column, basis: { cites: ['art_7__para_1__point_a'], quote: 'x' } }],
      },
    };
    const result = journalFormSchema.safeParse(wrongCite);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join('\n')).toMatch(
      /must be point 2 d \(art_7__para_2__point_d\) or 1 e/,
    );
    const both = journalFormSchema.safeParse({
      ...form,
      signature: {
        ...form.signature,
        basis: { cites: ['art_7__para_2__point_d'], quote: 'a', layoutChoice: 'b' },
      },
    });
    expect(both.error?.issues[0]?.message).toMatch(/either "quote".*or "layoutChoice"/);
    const uncited = journalFormSchema.safeParse({
      ...form,
      table: {
        ...form.table,
        columns: [{ ...column, basis: { quote: 'các nội dung đã chỉ đạo' } }],
      },
    });
    expect(
      uncited.error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
    ).toContainEqual([
      'table.columns.0.basis.cites',
      'must cite the point whose words "quote" gives',
    ]);
    const misquoted = {
      ...form,
      table: {
        ...form.table,
        columns: [
          {
            ...column,
            basis: { cites: ['art_7__para_2__point_d'], quote: 'các nội dung đã được chỉ đạo' },
          },
        ],
      },
    };
    const problems = checkQuotes(misquoted, loadHandbook('content'));
    expect(problems).toEqual([
      expect.objectContaining({
        path: ['table', 'columns', 0, 'basis', 'quote'],
        found: 'các nội dung đã được chỉ đạo',
      }),
    ]);
    expect(checkQuotes(form, loadHandbook('content'))).toEqual([]);
  });

  it('offers every field to pdf-lib as a text field', async () => {
    const doc = await PDFDocument.load(one);
    expect(
      doc
        .getForm()
        .getFields()
        .every((field) => field instanceof PDFTextField),
    ).toBe(true);
  });
});

/** The text each page shows, from poppler (appearance streams included), one string per page. */
function pageTexts(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'journal-pdf-'));
  try {
    writeFileSync(join(dir, 'j.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'j.pdf'), '-'], {
      encoding: 'utf8',
    });
    return text.split('\f').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the agency block and a range of days in one file', () => {
  it('sets the issuing body from the form or the option in capitals, the unit in bold capitals, and a short rule clear of them', async () => {
    const bytes = await buildJournal(
      form,
      { agency: 'Cục Hải quan', unit: 'Chi cục Hải quan khu vực I', date: '2026-01-05' },
      fonts,
    );
    const [page] = pageTexts(bytes);
    expect(page).toMatch(/^\s*CỤC HẢI QUAN\s{3,}CỘNG HÒA/);
    expect(page).toMatch(/\n\s*CHI CỤC HẢI QUAN KHU VỰC I\s{3,}Độc lập/);
    expect(page).not.toContain('TỔNG CỤC');
    // The default lines when no option is given: the organisation of today (Quyết định 382/QĐ-BTC).
    expect(pageTexts(one)[0]).toMatch(/^\s*BỘ TÀI CHÍNH\s{3,}CỘNG HÒA/);
    expect(pageTexts(one)[0]).toMatch(/\n\s*CỤC HẢI QUAN\s{3,}Độc lập/);
    expect(pageTexts(one)[0]).not.toContain('TỔNG CỤC');
    // The unit stays a field; null leaves it blank, to write by hand.
    const blank = await buildJournal(form, { unit: null }, fonts);
    expect(
      (await PDFDocument.load(blank)).getForm().getTextField('don_vi').getText(),
    ).toBeUndefined();
    expect(pageTexts(blank)[0]).not.toMatch(/\n\s*CỤC HẢI QUAN/);
    const doc = await PDFDocument.load(bytes);
    const unit = doc.getForm().getTextField('don_vi');
    expect(unit.acroField.getDefaultAppearance()).toMatch(/^\/TinosB /);
    // The rule: centred under the unit's box, below it (clear of its text), 1/3 to 1/2 of the text's width.
    const box = unit.acroField.getWidgets()[0]!.getRectangle();
    const header = doc.getPage(0).node.lookup(PDFName.of('Contents'), PDFArray).lookup(1);
    if (!(header instanceof PDFRawStream)) throw new Error('no header stream');
    const [x1, y1, x2, y2] = /([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S/
      .exec(Buffer.from(decodePDFRawStream(header).decode()).toString())!
      .slice(1)
      .map(Number);
    expect(y1).toBe(y2);
    expect(y1!).toBeLessThan(box.y - 2);
    expect(Math.abs((x1! + x2!) / 2 - (box.x + box.width / 2))).toBeLessThan(0.02);
    const textWidth =
      fontkit.create(fonts.bold).layout('CHI CỤC HẢI QUAN KHU VỰC I').advanceWidth *
      (form.type.field / 2048);
    expect(x2! - x1!).toBeGreaterThanOrEqual(textWidth / 3);
    expect(x2! - x1!).toBeLessThanOrEqual(textWidth / 2);
  });

  it('uses the unit the form gives as its default, and refuses a default that does not fit', async () => {
    const withDefault = (unit: string) => {
      const copy = structuredClone(form);
      const unitLine = copy.header.agency.find((line) => 'field' in line);
      if (!unitLine || !('field' in unitLine)) throw new Error('the form has no unit field');
      unitLine.field.default = unit;
      return copy;
    };
    const tonghop = withDefault('Phòng Tổng hợp');
    expect(pageTexts(await buildJournal(tonghop, {}, fonts))[0]).toMatch(/\n\s*PHÒNG TỔNG HỢP\s/);
    expect(pageTexts(await buildJournal(tonghop, { unit: 'Đội Kiểm soát' }, fonts))[0]).toMatch(
      /\n\s*ĐỘI KIỂM SOÁT\s/,
    );
    await expect(buildJournal(withDefault('Phòng '.repeat(40).trim()), {}, fonts)).rejects.toThrow(
      /the default of field don_vi: .* too long/,
    );
  });

  it('puts each day’s sheets in order, every page with its own date and its number in the day and in the file', async () => {
    const days = dateRange('2026-02-27', '2026-03-02');
    const seen: number[] = [];
    const bytes = await buildJournal(
      form,
      { dates: days, pages: 2, shift: '07:30-16:30', unit: 'Đội Kiểm soát' },
      fonts,
      { onDay: (done) => void seen.push(done) },
    );
    expect(seen).toEqual([1, 2, 3, 4]);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(8);
    expect(doc.getTitle()).toBe('Nhật ký trực ban từ ngày 27/02/2026 đến ngày 02/03/2026');
    const texts = pageTexts(bytes);
    texts.forEach((text, index) => {
      const day = days[Math.floor(index / 2)]!;
      expect(text).toContain(`Ngày: ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`);
      expect(text).toContain(`Trang ${(index % 2) + 1}/2 · trang ${index + 1}/8 của tệp`);
      expect(text).toContain('ĐỘI KIỂM SOÁT');
    });
    const fields = doc.getForm();
    // Each day's fields under the day; the unit one field for the file.
    expect(fields.getTextField('2026-03-01.ngay').getText()).toBe('01/03/2026');
    expect(fields.getTextField('2026-03-01.ca_tu').getText()).toBe('07:30');
    expect(fields.getTextField('2026-03-02.p2.r10.ghi_chu')).toBeTruthy();
    expect(fields.getTextField('don_vi').acroField.getWidgets()).toHaveLength(8);
    expect(fields.getTextField('2026-02-28.ngay').acroField.getWidgets()).toHaveLength(2);
    expect(
      fields
        .getTextField('2026-02-28.p1.r01.noi_dung')
        .acroField.getWidgets()[0]!
        .dict.lookup(PDFName.of('TU'), PDFHexString)
        .decodeText(),
    ).toMatch(/^Ngày 28\/02\/2026, trang 1, dòng 1: /);
    // Deterministic too.
    expect(
      Buffer.from(
        await buildJournal(
          form,
          { dates: days, pages: 2, shift: '07:30-16:30', unit: 'Đội Kiểm soát' },
          fonts,
        ),
      ).equals(Buffer.from(bytes)),
    ).toBe(true);
  });
});
