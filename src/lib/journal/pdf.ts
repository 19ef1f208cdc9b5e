/**
 * The journal as a fillable PDF: form layout + options + font bytes → PDF bytes. Pure
 * (no file system): the command line, the build and the browser all call this.
 *
 * pdf-lib's form helpers fall into traps with Vietnamese (docs/DESIGN.md, «The journal PDF»), and
 * made 50 fields a page slow, so the fields are written as PDF objects directly:
 * - every field's /DA names the Vietnamese font, which is in the AcroForm's /DR; nothing
 *   ever falls back to Helvetica/WinAnsi;
 * - that font is embedded whole (a subset holds only the glyphs drawn so far, so typed text
 *   would vanish), from a file pre-cut to the Vietnamese alphabet (charset.ts), with widths
 *   and ToUnicode for every character;
 * - each appearance stream is made once and shared by the widgets that look the same, so
 *   there are no duplicate or orphaned streams;
 * - text is NFC and checked against the font's character set (missing glyphs raise no error);
 * - /TU is on every widget (pdf.js reads it only there), and the widgets are listed in
 *   reading order, which is the tab order.
 */
import fontkit from '@pdf-lib/fontkit';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFAcroForm,
  type PDFContext,
  type PDFFont,
} from 'pdf-lib';
import type { JournalForm, PrefillKind } from '../content/forms-schema.ts';
import { canonical, formatDateVi } from '../vi.ts';
import { describeCharacter, missingCharacters } from './charset.ts';
import {
  FIELD_PADDING,
  FormLayoutError,
  cellTooltip,
  fitText,
  rowPart,
  layoutForm,
  pageLabel,
  type Box,
  type CellBox,
  type FittedText,
  type FormLayout,
  type Measure,
} from './layout.ts';
import {
  JournalOptionError,
  JournalRowError,
  MAX_FILE_PAGES,
  MAX_PAGES,
  parseIsoDate,
  parsePages,
  parseShift,
  quoteValue,
  type JournalOptionName,
  type JournalOptions,
} from './options.ts';

/** Told after each day of a range is laid out, so that a long batch can show progress (and the page stay responsive). */
export interface JournalProgress {
  onDay?: ((done: number, total: number) => void | Promise<void>) | undefined;
}

/** The font files (src/lib/journal/fonts/): the regular face fills fields, the bold one sets headings. */
export interface JournalFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Creator and producer written into every journal. */
export const PRODUCER = 'Sổ tay trực ban (pdf-lib)';

/** Resource names of the two faces in page content and appearance streams; /DA names FIELD_FONT. */
export const FIELD_FONT = 'TinosR';
const BOLD_FONT = 'TinosB';

/** Field flag: the field may hold several lines. */
const MULTILINE = 1 << 12;
/** Annotation flag: print the widget. */
const PRINT = 4;

const PREFILL_OPTION: Record<PrefillKind, JournalOptionName> = {
  unit: 'unit',
  date: 'date',
  shiftStart: 'shift',
  shiftEnd: 'shift',
};

/** A parsed font with memoised shaping: the same few strings are measured and encoded on every page of every journal. */
interface Face {
  font: fontkit.Font;
  characters: Set<number>;
  width: (text: string, size: number) => number;
  /** Glyph ids as a PDF hex string, for Identity-H. */
  hex: (text: string) => string;
  /** Ascent and descent per point of size. */
  ascent: number;
  descent: number;
}

const faces = new WeakMap<Uint8Array, Face>();

function faceOf(bytes: Uint8Array): Face {
  const cached = faces.get(bytes);
  if (cached) return cached;
  const font = fontkit.create(bytes);
  const scale = 1 / font.unitsPerEm;
  const widths = new Map<string, number>();
  const hexes = new Map<string, string>();
  const glyphs = (text: string) => font.layout(text).glyphs;
  const face: Face = {
    font,
    characters: new Set(font.characterSet),
    width: (text, size) => {
      let units = widths.get(text);
      if (units === undefined) {
        units = glyphs(text).reduce((sum, glyph) => sum + glyph.advanceWidth, 0) * scale;
        widths.set(text, units);
      }
      return units * size;
    },
    hex: (text) => {
      let hex = hexes.get(text);
      if (hex === undefined) {
        hex = `<${glyphs(text)
          .map((glyph) => glyph.id.toString(16).toUpperCase().padStart(4, '0'))
          .join('')}>`;
        hexes.set(text, hex);
      }
      return hex;
    },
    ascent: font.ascent * scale,
    descent: font.descent * scale,
  };
  faces.set(bytes, face);
  return face;
}

/** fontkit for pdf-lib, reusing fonts already parsed (parsing took longer than building a page). */
const cachingFontkit = {
  create: (bytes: Uint8Array) => faceOf(bytes).font,
} as unknown as Parameters<PDFDocument['registerFontkit']>[0];

const num = (value: number): string => String(Math.round(value * 100) / 100);

/** Capitals the way Vietnamese sets them ("đ" → "Đ"), after NFC and space folding. */
const capitals = (text: string): string => canonical(text).toLocaleUpperCase('vi');

/** The values the options put into the header fields, NFC, by prefill kind. */
function prefillValues(options: JournalOptions): Partial<Record<PrefillKind, string>> {
  const values: Partial<Record<PrefillKind, string>> = {};
  if (options.date !== undefined) {
    parseIsoDate(options.date);
    values.date = formatDateVi(options.date);
  }
  if (options.shift !== undefined) [values.shiftStart, values.shiftEnd] = parseShift(options.shift);
  // Blank on purpose: '' stops the form's default in prefillHeader.
  if (options.unit === null) values.unit = '';
  else if (options.unit !== undefined) {
    const unit = canonical(options.unit);
    if (unit === '')
      throw new JournalOptionError('unit', 'expected the name of the unit, found empty text');
    values.unit = unit;
  }
  return values;
}

/** Every text the form draws, with its place in the YAML, for the character check. */
function staticTexts(form: JournalForm): { where: string; text: string; bold: boolean }[] {
  const list: { where: string; text: string; bold: boolean }[] = [];
  form.header.agency.forEach((line, i) => {
    if ('text' in line)
      list.push({ where: `header.agency[${i}].text`, text: line.text, bold: false });
    else if (line.field.default)
      list.push({
        where: `header.agency[${i}].field.default`,
        text: capitals(line.field.default),
        bold: true,
      });
  });
  form.header.motto.lines.forEach((line, i) =>
    list.push({ where: `header.motto.lines[${i}]`, text: line, bold: true }),
  );
  list.push({ where: 'header.title.text', text: form.header.title.text, bold: true });
  form.fields.forEach((line, i) =>
    line.forEach(
      (field, j) =>
        field.label &&
        list.push({ where: `fields[${i}][${j}].label`, text: field.label, bold: false }),
    ),
  );
  form.table.columns.forEach((column, i) =>
    list.push({ where: `table.columns[${i}].heading`, text: column.heading, bold: true }),
  );
  form.signature.signers.forEach((signer, i) => {
    list.push({ where: `signature.signers[${i}].title`, text: signer.title, bold: true });
    list.push({ where: `signature.signers[${i}].hint`, text: signer.hint, bold: false });
  });
  list.push({ where: 'footer.pageNumber', text: form.footer.pageNumber, bold: false });
  if (form.footer.note) list.push({ where: 'footer.note', text: form.footer.note, bold: false });
  return list;
}

interface Prepared {
  layout: FormLayout;
  /** The content drawn the same on every page, as PDF operators. */
  staticContent: string;
}

/** Layout and static content depend on the form and fonts only: made once, reused for every journal. */
const prepared = new WeakMap<JournalForm, WeakMap<Uint8Array, Prepared>>();

function prepare(form: JournalForm, regular: Face, bold: Face, boldBytes: Uint8Array): Prepared {
  let byFont = prepared.get(form);
  const cached = byFont?.get(boldBytes);
  if (cached) return cached;
  for (const item of staticTexts(form)) {
    const missing = missingCharacters(item.text, (item.bold ? bold : regular).characters);
    if (missing.length > 0)
      throw new FormLayoutError(
        item.where,
        `the font cannot show ${missing.map(describeCharacter).join(', ')}`,
      );
  }
  const layout = layoutForm(form, (text, size, isBold) =>
    (isBold ? bold : regular).width(text, size),
  );
  const ops: string[] = ['q', '0 g', '0 G'];
  for (const rule of layout.rules) {
    ops.push(
      `${num(rule.thickness)} w ${num(rule.x1)} ${num(rule.y1)} m ${num(rule.x2)} ${num(rule.y2)} l S`,
    );
  }
  ops.push('BT');
  for (const item of layout.texts) {
    const face = item.bold ? bold : regular;
    ops.push(
      `/${item.bold ? BOLD_FONT : FIELD_FONT} ${num(item.size)} Tf 1 0 0 1 ${num(item.x)} ${num(item.y)} Tm ${face.hex(item.text)} Tj`,
    );
  }
  ops.push('ET', 'Q');
  const result = { layout, staticContent: ops.join('\n') };
  if (!byFont) {
    byFont = new WeakMap();
    prepared.set(form, byFont);
  }
  byFont.set(boldBytes, result);
  return result;
}

/**
 * Splits text into pieces that each fit a cell at `size`: at spaces, and inside a word
 * only when the word alone is too wide.
 */
export function splitToFit(text: string, fits: (piece: string) => boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  const words = text.split(' ').filter(Boolean);
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    const candidate = piece ? `${piece} ${word}` : word;
    if (fits(candidate)) {
      piece = candidate;
      continue;
    }
    if (piece && fits(word)) {
      // The word fits a row of its own: it starts the next one.
      pieces.push(piece);
      piece = '';
      index -= 1;
      continue;
    }
    // A word wider than the cell: as many of its characters as still fit here, the rest goes on.
    const chars = [...word];
    const before = piece ? `${piece} ` : '';
    let take = 0;
    while (take < chars.length && fits(before + chars.slice(0, take + 1).join(''))) take += 1;
    if (take === 0 && piece) {
      pieces.push(piece);
      piece = '';
      index -= 1;
      continue;
    }
    take = Math.max(take, 1);
    pieces.push(before + chars.slice(0, take).join(''));
    piece = '';
    if (take < chars.length) {
      words[index] = chars.slice(take).join('');
      index -= 1;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * The table's rows as set: each given row's cells at the form's type size, never smaller (a
 * signed sheet reads evenly), a text longer than its cell going on in the rows below it, and
 * from there onto the next page (as a hand-written journal does). Text the font cannot show
 * is refused with its row.
 */
function placeRows(
  rows: readonly Readonly<Record<string, string>>[],
  cells: ReadonlyMap<string, CellBox>,
  fieldSize: number,
  measure: Measure,
  characters: ReadonlySet<number>,
): Record<string, { text: string; fit: FittedText }>[] {
  const placed: Record<string, { text: string; fit: FittedText }>[] = [];
  rows.forEach((row, index) => {
    const parts: Record<string, { text: string; fit: FittedText }[]> = {};
    for (const [column, raw] of Object.entries(row)) {
      const cell = cells.get(column);
      if (!cell)
        throw new JournalRowError(index, column, `the form has no column ${quoteValue(column)}`);
      const text = canonical(raw);
      if (text === '') continue;
      const missing = missingCharacters(text, characters);
      if (missing.length > 0)
        throw new JournalRowError(
          index,
          column,
          `the journal's font cannot show ${missing.map(describeCharacter).join(', ')}`,
        );
      const at = (piece: string) => {
        const fit = fitText(piece, cell.width, cell.height, fieldSize, cell.multiline, measure);
        return fit?.size === fieldSize ? fit : undefined;
      };
      const whole = at(text);
      parts[column] = whole
        ? [{ text, fit: whole }]
        : splitToFit(text, (piece) => at(piece) !== undefined).map((piece) => ({
            text: piece,
            fit: at(piece)!,
          }));
    }
    const height = Math.max(1, ...Object.values(parts).map((list) => list.length));
    for (let line = 0; line < height; line += 1) {
      const out: Record<string, { text: string; fit: FittedText }> = {};
      for (const [column, list] of Object.entries(parts)) if (list[line]) out[column] = list[line]!;
      placed.push(out);
    }
  });
  return placed;
}

type Prefilled = Map<string, { value: string; size: number; bold: boolean }>;
type HeaderField = FormLayout['headerFields'][number];
type PlacedText = { text: string; fit: FittedText };

/** Everything checked and set before any PDF object is made (planJournal → writeJournal). */
interface JournalPlan {
  form: JournalForm;
  options: JournalOptions;
  layout: FormLayout;
  staticContent: string;
  regularFace: Face;
  boldFace: Face;
  fieldSize: number;
  /** The dates of a range in one file, or undefined for one day (or a blank journal). */
  range: readonly string[] | undefined;
  /** The date prefilled by --date, as written on the form. */
  dateValue: string | undefined;
  agencyText: string | undefined;
  days: { iso: string | undefined; prefilled: Prefilled }[];
  /** Pages per day. */
  pages: number;
  /** Table rows filled (a text longer than a row goes on in the rows below it). */
  rows: number;
  /** The table's texts by "row index.column", row index through the day's pages. */
  filled: Map<string, PlacedText>;
}

/** Builds the journal. Throws JournalOptionError for bad options, FormLayoutError for a layout that cannot be drawn. */
export async function buildJournal(
  form: JournalForm,
  options: JournalOptions,
  fonts: JournalFonts,
  progress: JournalProgress = {},
): Promise<Uint8Array> {
  return writeJournal(planJournal(form, options, fonts), fonts, progress);
}

/** Checks the options against the form and fonts and sets every text; throws before anything is built. */
function planJournal(form: JournalForm, options: JournalOptions, fonts: JournalFonts): JournalPlan {
  const minPages = parsePages(options.pages);
  const values = prefillValues(options);
  const regularFace = faceOf(fonts.regular);
  const boldFace = faceOf(fonts.bold);
  const { layout, staticContent } = prepare(form, regularFace, boldFace, fonts.bold);
  const fieldSize = form.type.field;
  const range = options.dates;
  if (range !== undefined) checkRange(options, range, minPages);
  const agencyText =
    options.agency !== undefined
      ? agencyLineText(layout, options.agency, regularFace)
      : layout.agencyLine?.text;
  const header = options.header ?? {};
  for (const id of Object.keys(header)) {
    if (!layout.headerFields.some((field) => field.id === id))
      throw new JournalOptionError('header', `the form has no header field ${quoteValue(id)}`);
  }
  const faces = { regularFace, boldFace, fieldSize };
  const days = (range ?? [options.date]).map((day) => ({
    iso: day,
    prefilled: prefillHeader(
      layout,
      header,
      range && day !== undefined ? { ...values, date: formatDateVi(day) } : values,
      faces,
    ),
  }));
  // Rows: every cell checked and set (wrapped, smaller type if need be) before anything is built.
  const rowsPerPage = form.table.rowsPerPage;
  const firstRow = new Map(
    layout.cells.filter((cell) => cell.row === 1).map((cell) => [cell.column, cell]),
  );
  const measure = (value: string, size: number) => regularFace.width(value, size);
  const placed = placeRows(
    options.rows ?? [],
    firstRow,
    fieldSize,
    measure,
    regularFace.characters,
  );
  const pages = Math.max(minPages, Math.ceil(placed.length / rowsPerPage));
  if (pages > MAX_PAGES) {
    throw new JournalOptionError(
      'rows',
      `expected at most ${MAX_PAGES * rowsPerPage} rows (${MAX_PAGES} pages of ${rowsPerPage}), found ${placed.length}`,
    );
  }
  const filled = new Map<string, PlacedText>();
  placed.forEach((row, index) => {
    for (const [column, content] of Object.entries(row)) filled.set(`${index}.${column}`, content);
  });
  return {
    form,
    options,
    layout,
    staticContent,
    regularFace,
    boldFace,
    fieldSize,
    range,
    dateValue: values.date,
    agencyText,
    days,
    pages,
    rows: placed.length,
    filled,
  };
}

/** The rows and pages a journal takes, as built: what the page says of the PDF it made. */
export function journalSize(
  form: JournalForm,
  options: JournalOptions,
  fonts: JournalFonts,
): { rows: number; pages: number } {
  const { rows, pages } = planJournal(form, options, fonts);
  return { rows, pages };
}

/** A range in one file: every day checked, and the file kept to a size a viewer and a printer handle. */
function checkRange(options: JournalOptions, range: readonly string[], minPages: number): void {
  if (options.date !== undefined)
    throw new JournalOptionError(
      'date',
      'cannot be used with a range of dates: each day gets its own',
    );
  if (options.header !== undefined || options.rows !== undefined)
    throw new JournalOptionError(
      'dates',
      'a range of dates makes blank days; rows come from one run',
    );
  if (range.length === 0) throw new JournalOptionError('dates', 'expected at least one date');
  range.forEach((day) => parseIsoDate(day, 'dates'));
  if (range.length * minPages > MAX_FILE_PAGES) {
    throw new JournalOptionError(
      'dates',
      `expected at most ${MAX_FILE_PAGES} pages in one file, found ${range.length} days of ${minPages} page${minPages === 1 ? '' : 's'} (${range.length * minPages}): write one file per day instead`,
    );
  }
}

/** The agency line an option replaces: capitals, in the font, on one line of the block. */
function agencyLineText(layout: FormLayout, agency: string, regularFace: Face): string {
  if (!layout.agencyLine)
    throw new JournalOptionError(
      'agency',
      'the form has no agency line to replace (header.agency: "prefill: agency")',
    );
  const text = capitals(agency);
  if (text === '')
    throw new JournalOptionError(
      'agency',
      'expected the name of the issuing body, found empty text',
    );
  const missing = missingCharacters(text, regularFace.characters);
  if (missing.length > 0)
    throw new JournalOptionError(
      'agency',
      `the journal's font cannot show ${missing.map(describeCharacter).join(', ')}`,
    );
  const width = regularFace.width(text, layout.agencyLine.size);
  if (width > layout.agencyLine.room) {
    throw new JournalOptionError(
      'agency',
      `${quoteValue(text)} is too long for its line (${width.toFixed(0)} pt; the line holds ${layout.agencyLine.room.toFixed(0)} pt)`,
    );
  }
  return text;
}

/** The header fields' values for one day's options, checked: the font must show them and the box hold them. */
function prefillHeader(
  layout: FormLayout,
  header: Readonly<Record<string, string>>,
  dayValues: Partial<Record<PrefillKind, string>>,
  { regularFace, boldFace, fieldSize }: { regularFace: Face; boldFace: Face; fieldSize: number },
): Prefilled {
  const measure = (value: string, size: number) => regularFace.width(value, size);
  const prefilled: Prefilled = new Map();
  for (const field of layout.headerFields) {
    const given = header[field.id];
    const raw =
      given !== undefined
        ? canonical(given)
        : ((field.prefill ? dayValues[field.prefill] : undefined) ?? field.default);
    if (raw === undefined || raw === '') continue;
    // The unit is set in bold capitals (Nghị định 30/2020/NĐ-CP), its value too, so that a viewer redraws it the same.
    const bold = field.unit === true;
    const value = bold ? capitals(raw) : raw;
    const face = bold ? boldFace : regularFace;
    const room = field.width - 4;
    const width = face.width(value, fieldSize);
    const fromOption =
      given === undefined && field.prefill !== undefined && dayValues[field.prefill] !== undefined;
    if (given === undefined && !fromOption && width > room) {
      throw new FormLayoutError(
        `the default of field ${field.id}`,
        `${quoteValue(value)} is too long for its box (${field.width} pt): shorten it or widen the box`,
      );
    }
    const option = fromOption ? PREFILL_OPTION[field.prefill!] : 'header';
    const what = fromOption ? '' : `${field.id}: `;
    const missing = missingCharacters(value, face.characters);
    if (missing.length > 0)
      throw new JournalOptionError(
        option,
        `${what}the journal's font cannot show ${missing.map(describeCharacter).join(', ')}`,
      );
    // Names from a run may be set smaller to fit; an option's value must fit as it is.
    const size =
      given !== undefined
        ? fitText(value, field.width, field.height, fieldSize, false, measure)?.size
        : width <= room
          ? fieldSize
          : undefined;
    if (size === undefined) {
      throw new JournalOptionError(
        option,
        `${what}${quoteValue(value)} is too long for its box (${width.toFixed(0)} pt; the box holds ${room.toFixed(0)} pt)`,
      );
    }
    prefilled.set(field.id, { value, size, bold });
  }
  return prefilled;
}

/** Writes a planned journal as PDF objects: the document, then each day's pages. */
async function writeJournal(
  plan: JournalPlan,
  fonts: JournalFonts,
  progress: JournalProgress,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const regular: PDFFont = await doc.embedFont(fonts.regular, { subset: false });
  const bold: PDFFont = await doc.embedFont(fonts.bold, { subset: false });
  describeDocument(doc, plan);
  const writer = new JournalWriter(doc, plan, regular.ref, bold.ref);
  const { days, range, layout } = plan;
  // One file of one day: every header field is one field with a widget on every page (typed once, shown on all).
  // A range: the agency block's fields stay shared; each day's fields sit under the day ("2026-01-05.ngay").
  const shared = layout.headerFields
    .filter((field) => !range || field.unit)
    .map((field) => writer.headerField(field, days[0]!.prefilled.get(field.id)));
  for (const [dayIndex, day] of days.entries()) {
    writer.writeDay(dayIndex, day, shared);
    if (range) await progress.onDay?.(dayIndex + 1, days.length);
  }
  return doc.save({ updateFieldAppearances: false });
}

/** Title, subject, language, producer and (with SOURCE_DATE_EPOCH) the dates. */
function describeDocument(
  doc: PDFDocument,
  { form, range, dateValue, options }: JournalPlan,
): void {
  const title = range
    ? `${form.name} từ ngày ${formatDateVi(range[0]!)} đến ngày ${formatDateVi(range.at(-1)!)}`
    : dateValue
      ? `${form.name} ngày ${dateValue}`
      : form.name;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(
    'Nhật ký trực ban theo điểm d khoản 2 Điều 7 Quy chế ban hành kèm theo Quyết định 888/QĐ-TCHQ',
  );
  doc.setLanguage('vi');
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  if (options.timestamp) {
    doc.setCreationDate(options.timestamp);
    doc.setModificationDate(options.timestamp);
  }
}

/** A header field written, with the array its widgets go into. */
interface WrittenField {
  field: HeaderField;
  ref: PDFRef;
  kids: PDFArray;
  filledWith: { value: string; size: number; bold: boolean } | undefined;
}

/** Writes the objects of one journal: fonts and resources shared by every page, then fields, widgets and pages. */
class JournalWriter {
  private readonly context: PDFContext;
  private readonly acroForm: PDFAcroForm;
  private readonly fieldFonts: PDFRef;
  private readonly pageResources: PDFRef;
  private readonly staticRef: PDFRef;
  private readonly headerRef: PDFRef;
  private readonly da: PDFString;
  /** Appearance streams, one per distinct look (size + text), shared by the widgets. */
  private readonly appearances = new Map<string, PDFRef>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly plan: JournalPlan,
    regular: PDFRef,
    bold: PDFRef,
  ) {
    const { context } = doc;
    this.context = context;
    this.da = PDFString.of(`/${FIELD_FONT} ${num(plan.fieldSize)} Tf 0 g`);
    // Both faces: the unit's field is set in bold, and typing into it keeps that face.
    this.fieldFonts = context.register(context.obj({ [FIELD_FONT]: regular, [BOLD_FONT]: bold }));
    this.acroForm = doc.getForm().acroForm;
    // The default resources and appearance a viewer uses for text typed in later.
    this.acroForm.dict.set(PDFName.of('DR'), context.obj({ Font: this.fieldFonts }));
    this.acroForm.dict.set(PDFName.of('DA'), this.da);
    this.pageResources = context.register(
      context.obj({ Font: { [FIELD_FONT]: regular, [BOLD_FONT]: bold } }),
    );
    this.staticRef = context.register(context.flateStream(plan.staticContent));
    this.headerRef = context.register(context.flateStream(this.agencyBlock()));
  }

  /**
   * The agency block's variable part, the same on every page of the file: the issuing body,
   * and the short rule under the unit, 2/5 of the unit's width (Nghị định 30/2020: 1/3 to 1/2).
   */
  private agencyBlock(): string {
    const { layout, days, boldFace, regularFace, agencyText } = this.plan;
    const unitField = layout.headerFields.find((field) => field.unit);
    const unitValue = unitField ? days[0]!.prefilled.get(unitField.id) : undefined;
    const ruleHalf = unitValue
      ? Math.max(12, (boldFace.width(unitValue.value, unitValue.size) * 0.4) / 2)
      : 40;
    const { agencyRule, agencyLine } = layout;
    const ops = [
      'q',
      '0 g',
      '0 G',
      `${num(agencyRule.thickness)} w ${num(agencyRule.centre - ruleHalf)} ${num(agencyRule.y)} m ${num(agencyRule.centre + ruleHalf)} ${num(agencyRule.y)} l S`,
    ];
    if (agencyLine && agencyText) {
      const x = agencyLine.centre - regularFace.width(agencyText, agencyLine.size) / 2;
      ops.push(
        `BT /${FIELD_FONT} ${num(agencyLine.size)} Tf 1 0 0 1 ${num(x)} ${num(agencyLine.y)} Tm ${regularFace.hex(agencyText)} Tj ET`,
      );
    }
    ops.push('Q');
    return ops.join('\n');
  }

  /** The content of an appearance: fitted lines from the top (as viewers lay out multiline fields), one value, or nothing. */
  private appearanceContent(
    box: Box,
    value: string | undefined,
    align: 'left' | 'centre',
    fit: FittedText | undefined,
    size: number,
    isBold: boolean,
  ): string {
    const { regularFace, boldFace } = this.plan;
    if (fit) {
      const first = box.height - FIELD_PADDING - regularFace.ascent * fit.size;
      const lines = fit.lines
        .map(
          (line, index) =>
            `${index > 0 ? `0 ${num(-fit.leading)} Td ` : ''}${regularFace.hex(line)} Tj`,
        )
        .join('\n');
      return [
        '/Tx BMC',
        'q',
        `1 1 ${num(box.width - 2)} ${num(box.height - 2)} re W n`,
        'BT',
        `/${FIELD_FONT} ${num(fit.size)} Tf 0 g`,
        `${num(FIELD_PADDING)} ${num(first)} Td`,
        lines,
        'ET',
        'Q',
        'EMC',
      ].join('\n');
    }
    if (!value) return '/Tx BMC\nEMC';
    const face = isBold ? boldFace : regularFace;
    const x = align === 'centre' ? (box.width - face.width(value, size)) / 2 : 2;
    const baseline = (box.height - (face.ascent - face.descent) * size) / 2 - face.descent * size;
    return [
      '/Tx BMC',
      'q',
      `1 1 ${num(box.width - 2)} ${num(box.height - 2)} re W n`,
      'BT',
      `/${isBold ? BOLD_FONT : FIELD_FONT} ${num(size)} Tf 0 g`,
      `${num(x)} ${num(baseline)} Td`,
      `${face.hex(value)} Tj`,
      'ET',
      'Q',
      'EMC',
    ].join('\n');
  }

  /** The appearance stream of a look, made once and shared by every widget that looks the same. */
  appearance(
    box: Box,
    value: string | undefined,
    align: 'left' | 'centre',
    fit?: FittedText,
    size = this.plan.fieldSize,
    isBold = false,
  ): PDFRef {
    const key = `${num(box.width)}x${num(box.height)}|${align}|${size}|${isBold ? 'b' : ''}|${value ?? ''}|${fit ? `${fit.size}|${fit.lines.join('\n')}` : ''}`;
    let ref = this.appearances.get(key);
    if (ref) return ref;
    const stream = this.context.flateStream(
      this.appearanceContent(box, value, align, fit, size, isBold),
      {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, Math.round(box.width * 100) / 100, Math.round(box.height * 100) / 100],
        Resources: { Font: this.fieldFonts },
      },
    );
    ref = this.context.register(stream);
    this.appearances.set(key, ref);
    return ref;
  }

  /** The entries of a widget: where it is, its tooltip (/TU, which pdf.js reads only here) and its look. */
  widgetEntries(box: Box, pageRef: PDFRef, tooltip: string, ap: PDFRef) {
    return {
      Type: 'Annot',
      Subtype: 'Widget',
      Rect: [box.x, box.y, box.x + box.width, box.y + box.height].map(
        (v) => Math.round(v * 100) / 100,
      ),
      P: pageRef,
      F: PRINT,
      TU: PDFHexString.fromText(tooltip),
      AP: { N: ap },
    };
  }

  /** /DA of a field whose text was set smaller to fit (editing in a viewer keeps that size), or in bold. */
  daOf(size: number, isBold = false): PDFString {
    return size === this.plan.fieldSize && !isBold
      ? this.da
      : PDFString.of(`/${isBold ? BOLD_FONT : FIELD_FONT} ${num(size)} Tf 0 g`);
  }

  /** A header field with no widgets yet, under `parent` (a day of a range) or at the top of the form. */
  headerField(
    field: HeaderField,
    filledWith: WrittenField['filledWith'],
    parent?: PDFRef,
  ): WrittenField {
    const { context } = this;
    const dict = context.obj({
      FT: 'Tx',
      T: PDFHexString.fromText(field.id),
      TU: PDFHexString.fromText(field.tooltip),
      DA: this.daOf(filledWith?.size ?? this.plan.fieldSize, field.unit),
      Q: field.align === 'centre' ? 1 : 0,
      Kids: [],
    });
    if (filledWith) dict.set(PDFName.of('V'), PDFHexString.fromText(filledWith.value));
    const ref = context.register(dict);
    if (parent) {
      dict.set(PDFName.of('Parent'), parent);
      context.lookup(parent, PDFDict).lookup(PDFName.of('Kids'), PDFArray).push(ref);
    } else this.acroForm.addField(ref);
    return { field, ref, kids: dict.lookup(PDFName.of('Kids'), PDFArray), filledWith };
  }

  /** One day's pages; in a range, the day's own header fields under a node named by its date. */
  writeDay(dayIndex: number, day: JournalPlan['days'][number], shared: WrittenField[]): void {
    const { layout, range, pages } = this.plan;
    let dayNode: PDFRef | undefined;
    let headerRefs = shared;
    if (range) {
      dayNode = this.context.register(
        this.context.obj({ T: PDFHexString.fromText(day.iso!), Kids: [] }),
      );
      this.acroForm.addField(dayNode);
      const own = layout.headerFields
        .filter((field) => !field.unit)
        .map((field) => this.headerField(field, day.prefilled.get(field.id), dayNode));
      // Reading order as on paper: the agency block, then the day's fields.
      headerRefs = layout.headerFields.map((field) =>
        (field.unit ? shared : own).find((entry) => entry.field === field)!,
      );
    }
    for (let number = 1; number <= pages; number++)
      this.writePage(number, dayIndex, day.iso, headerRefs, dayNode);
  }

  /** A page: its content (static, agency block, page number), then the header widgets and the table's cells, in reading order. */
  private writePage(
    number: number,
    dayIndex: number,
    iso: string | undefined,
    headerRefs: WrittenField[],
    dayNode: PDFRef | undefined,
  ): void {
    const { form, layout, range, pages, days, regularFace } = this.plan;
    const { context } = this;
    const page = this.doc.addPage([layout.width, layout.height]);
    const label = pageLabel(
      form,
      number,
      pages,
      range ? { page: dayIndex * pages + number, pages: pages * days.length } : undefined,
    );
    const numberContent = `BT /${FIELD_FONT} ${num(layout.pageNumber.size)} Tf 0 g ${num(layout.pageNumber.right - regularFace.width(label, layout.pageNumber.size))} ${num(layout.pageNumber.y)} Td ${regularFace.hex(label)} Tj ET`;
    page.node.set(PDFName.of('Resources'), this.pageResources);
    page.node.set(
      PDFName.of('Contents'),
      context.obj([
        this.staticRef,
        this.headerRef,
        context.register(context.flateStream(numberContent)),
      ]),
    );
    const annots: PDFRef[] = [];
    for (const { field, ref, kids, filledWith } of headerRefs) {
      const look = this.appearance(
        field,
        filledWith?.value,
        field.align,
        undefined,
        filledWith?.size,
        filledWith?.bold,
      );
      const widgetRef = context.register(
        context.obj({ ...this.widgetEntries(field, page.ref, field.tooltip, look), Parent: ref }),
      );
      kids.push(widgetRef);
      annots.push(widgetRef);
    }
    annots.push(...this.writeCells(page.ref, number, iso, dayNode));
    page.node.set(PDFName.of('Annots'), context.obj(annots));
  }

  /** The table's cells of a page: p<page> → r<row> → column, so that the names read "p1.r03.noi_dung" (under the day in a range). */
  private writeCells(
    pageRef: PDFRef,
    number: number,
    iso: string | undefined,
    dayNode: PDFRef | undefined,
  ): PDFRef[] {
    const { layout, range, filled, form, fieldSize } = this.plan;
    const { context } = this;
    const pageNode = context.obj({ T: PDFHexString.fromText(`p${number}`), Kids: [] });
    const pageNodeRef = context.register(pageNode);
    if (dayNode) {
      pageNode.set(PDFName.of('Parent'), dayNode);
      context.lookup(dayNode, PDFDict).lookup(PDFName.of('Kids'), PDFArray).push(pageNodeRef);
    } else this.acroForm.addField(pageNodeRef);
    const refs: PDFRef[] = [];
    let rowKids: PDFArray | undefined;
    let rowRef: PDFRef | undefined;
    let currentRow = 0;
    for (const cell of layout.cells) {
      if (cell.row !== currentRow || !rowKids || !rowRef) {
        currentRow = cell.row;
        const rowNode = context.obj({
          T: PDFHexString.fromText(rowPart(cell.row)),
          Parent: pageNodeRef,
          Kids: [],
        });
        rowRef = context.register(rowNode);
        rowKids = rowNode.lookup(PDFName.of('Kids'), PDFArray);
        pageNode.lookup(PDFName.of('Kids'), PDFArray).push(rowRef);
      }
      const tooltip = cellTooltip(number, cell, range ? formatDateVi(iso!) : undefined);
      const content = filled.get(
        `${(number - 1) * form.table.rowsPerPage + cell.row - 1}.${cell.column}`,
      );
      // Set from the top, so that the cells of a row line up (the time with the first line of the content).
      const look = this.appearance(cell, undefined, 'left', content?.fit);
      // A field with one widget: field and widget are one dictionary.
      const dict: PDFDict = context.obj({
        ...this.widgetEntries(cell, pageRef, tooltip, look),
        FT: 'Tx',
        T: PDFHexString.fromText(cell.column),
        // Text set smaller to fit keeps that size when edited in a viewer.
        DA: this.daOf(content?.fit.size ?? fieldSize),
        Parent: rowRef,
      });
      if (content) dict.set(PDFName.of('V'), PDFHexString.fromText(content.text));
      if (cell.multiline) dict.set(PDFName.of('Ff'), PDFNumber.of(MULTILINE));
      const cellRef = context.register(dict);
      rowKids.push(cellRef);
      refs.push(cellRef);
    }
    return refs;
  }
}

/** Fills fields of a journal with text and saves it, as a viewer would; pdf-lib redraws the filled fields with the Vietnamese font. */
export async function fillJournal(
  bytes: Uint8Array,
  values: Record<string, string>,
  fonts: JournalFonts,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const font = await doc.embedFont(fonts.regular, { subset: false });
  const available = faceOf(fonts.regular).characters;
  const form = doc.getForm();
  // pdf-lib's /DA will name this font: put it in /DR beside the original.
  const dr = form.acroForm.dict.lookup(PDFName.of('DR'), PDFDict);
  dr.lookup(PDFName.of('Font'), PDFDict).set(PDFName.of(font.name), font.ref);
  for (const [name, value] of Object.entries(values)) {
    const text = value.normalize('NFC');
    const missing = missingCharacters(text, available);
    if (missing.length > 0)
      throw new Error(
        `Field ${name}: the journal's font cannot show ${missing.map(describeCharacter).join(', ')}`,
      );
    form.getTextField(name).setText(text);
  }
  // Only the fields just filled are redrawn, with the Vietnamese font (never Helvetica).
  form.updateFieldAppearances(font);
  return doc.save({ updateFieldAppearances: false });
}
