/**
 * The journal as a fillable PDF: form layout + options + font bytes → PDF bytes. Pure
 * (no file system): the command line, the build and the browser all call this.
 *
 * pdf-lib's form helpers fall into traps with Vietnamese (see the design notes), and
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
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFFont } from 'pdf-lib';
import type { JournalForm, PrefillKind } from '../content/forms-schema.ts';
import { canonical, formatDateVi } from '../vi.ts';
import { describeCharacter, missingCharacters } from './charset.ts';
import {
  FIELD_PADDING,
  FormLayoutError,
  MIN_CELL_SIZE,
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
  MAX_PAGES,
  parseIsoDate,
  parsePages,
  parseShift,
  type JournalOptionName,
  type JournalOptions,
} from './options.ts';

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

/** The values the options put into the header fields, NFC, by prefill kind. */
function prefillValues(options: JournalOptions): Partial<Record<PrefillKind, string>> {
  const values: Partial<Record<PrefillKind, string>> = {};
  if (options.date !== undefined) {
    parseIsoDate(options.date);
    values.date = formatDateVi(options.date.trim());
  }
  if (options.shift !== undefined) [values.shiftStart, values.shiftEnd] = parseShift(options.shift);
  if (options.unit !== undefined) {
    const unit = canonical(options.unit);
    if (unit === '') throw new JournalOptionError('unit', 'expected the name of the unit, found empty text');
    values.unit = unit;
  }
  return values;
}

/** Every text the form draws, with its place in the YAML, for the character check. */
function staticTexts(form: JournalForm): { where: string; text: string; bold: boolean }[] {
  const list: { where: string; text: string; bold: boolean }[] = [];
  form.header.agency.forEach((line, i) => {
    if ('text' in line) list.push({ where: `header.agency[${i}].text`, text: line.text, bold: false });
  });
  form.header.motto.lines.forEach((line, i) => list.push({ where: `header.motto.lines[${i}]`, text: line, bold: true }));
  list.push({ where: 'header.title.text', text: form.header.title.text, bold: true });
  form.fields.forEach((line, i) =>
    line.forEach((field, j) => field.label && list.push({ where: `fields[${i}][${j}].label`, text: field.label, bold: false })),
  );
  form.table.columns.forEach((column, i) => list.push({ where: `table.columns[${i}].heading`, text: column.heading, bold: true }));
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
    if (missing.length > 0) throw new FormLayoutError(item.where, `the font cannot show ${missing.map(describeCharacter).join(', ')}`);
  }
  const layout = layoutForm(form, (text, size, isBold) => (isBold ? bold : regular).width(text, size));
  const ops: string[] = ['q', '0 g', '0 G'];
  for (const rule of layout.rules) {
    ops.push(`${num(rule.thickness)} w ${num(rule.x1)} ${num(rule.y1)} m ${num(rule.x2)} ${num(rule.y2)} l S`);
  }
  ops.push('BT');
  for (const item of layout.texts) {
    const face = item.bold ? bold : regular;
    ops.push(`/${item.bold ? BOLD_FONT : FIELD_FONT} ${num(item.size)} Tf 1 0 0 1 ${num(item.x)} ${num(item.y)} Tm ${face.hex(item.text)} Tj`);
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
    if (piece) {
      pieces.push(piece);
      piece = '';
      index -= 1;
      continue;
    }
    // One word wider than the cell: as many characters as fit, the rest goes on.
    const chars = [...word];
    let take = 1;
    while (take < chars.length && fits(chars.slice(0, take + 1).join(''))) take += 1;
    pieces.push(chars.slice(0, take).join(''));
    words[index] = chars.slice(take).join('');
    index -= 1;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * The table's rows as set: each given row's cells fitted to their cells, a row whose text
 * does not fit one row even in small type going on in the rows below it (as a hand-written
 * journal does), at the form's type size. Text the font cannot show is refused with its row.
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
      if (!cell) throw new JournalRowError(index, column, `the form has no column "${column}"`);
      const text = canonical(raw);
      if (text === '') continue;
      const missing = missingCharacters(text, characters);
      if (missing.length > 0) throw new JournalRowError(index, column, `the journal's font cannot show ${missing.map(describeCharacter).join(', ')}`);
      const fit = fitText(text, cell.width, cell.height, fieldSize, cell.multiline, measure);
      if (fit) {
        parts[column] = [{ text, fit }];
        continue;
      }
      const at = (piece: string) => fitText(piece, cell.width, cell.height, fieldSize, cell.multiline, measure);
      parts[column] = splitToFit(text, (piece) => at(piece)?.size === fieldSize).map((piece) => ({ text: piece, fit: at(piece)! }));
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

/** Builds the journal. Throws JournalOptionError for bad options, FormLayoutError for a layout that cannot be drawn. */
export async function buildJournal(form: JournalForm, options: JournalOptions, fonts: JournalFonts): Promise<Uint8Array> {
  const minPages = parsePages(options.pages);
  const values = prefillValues(options);
  const regularFace = faceOf(fonts.regular);
  const boldFace = faceOf(fonts.bold);
  const { layout, staticContent } = prepare(form, regularFace, boldFace, fonts.bold);
  const fieldSize = form.type.field;

  // Check prefilled text before anything is built: the font must show it and the box hold it.
  const header = options.header ?? {};
  for (const id of Object.keys(header)) {
    if (!layout.headerFields.some((field) => field.id === id)) throw new JournalOptionError('header', `the form has no header field "${id}"`);
  }
  const measure = (value: string, size: number) => regularFace.width(value, size);
  const prefilled = new Map<string, { value: string; size: number }>();
  for (const field of layout.headerFields) {
    const given = header[field.id];
    const value = given !== undefined ? canonical(given) : field.prefill ? values[field.prefill] : undefined;
    if (value === undefined || value === '') continue;
    const option = given !== undefined ? 'header' : PREFILL_OPTION[field.prefill!];
    const what = given !== undefined ? `${field.id}: ` : '';
    const missing = missingCharacters(value, regularFace.characters);
    if (missing.length > 0) throw new JournalOptionError(option, `${what}the journal's font cannot show ${missing.map(describeCharacter).join(', ')}`);
    // Names from a run may be set smaller to fit; an option's value must fit as it is.
    const room = field.width - 4;
    const width = regularFace.width(value, fieldSize);
    const size = given !== undefined ? fitText(value, field.width, field.height, fieldSize, false, measure)?.size : width <= room ? fieldSize : undefined;
    if (size === undefined) {
      throw new JournalOptionError(option, `${what}${JSON.stringify(value)} is too long for its box (${width.toFixed(0)} pt; the box holds ${room.toFixed(0)} pt)`);
    }
    prefilled.set(field.id, { value, size });
  }

  // Rows: every cell checked and set (wrapped, smaller type if need be) before anything is built.
  const rows = options.rows ?? [];
  const rowsPerPage = form.table.rowsPerPage;
  const firstRow = new Map(layout.cells.filter((cell) => cell.row === 1).map((cell) => [cell.column, cell]));
  const placed = placeRows(rows, firstRow, fieldSize, measure, regularFace.characters);
  const pages = Math.max(minPages, Math.ceil(placed.length / rowsPerPage));
  if (pages > MAX_PAGES) {
    throw new JournalOptionError('rows', `expected at most ${MAX_PAGES * rowsPerPage} rows (${MAX_PAGES} pages of ${rowsPerPage}), found ${placed.length}`);
  }
  const filled = new Map<string, { text: string; fit: FittedText }>();
  placed.forEach((row, index) => {
    for (const [column, content] of Object.entries(row)) filled.set(`${index}.${column}`, content);
  });

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const regular: PDFFont = await doc.embedFont(fonts.regular, { subset: false });
  const bold: PDFFont = await doc.embedFont(fonts.bold, { subset: false });
  const { context } = doc;

  doc.setTitle(values.date ? `${form.name} ngày ${values.date}` : form.name, { showInWindowTitleBar: true });
  doc.setSubject('Nhật ký trực ban theo điểm d khoản 2 Điều 7 Quy chế ban hành kèm theo Quyết định 888/QĐ-TCHQ');
  doc.setLanguage('vi');
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  if (options.timestamp) {
    doc.setCreationDate(options.timestamp);
    doc.setModificationDate(options.timestamp);
  }

  const da = PDFString.of(`/${FIELD_FONT} ${num(fieldSize)} Tf 0 g`);
  const fieldFonts = context.register(context.obj({ [FIELD_FONT]: regular.ref }));
  const acroForm = doc.getForm().acroForm;
  // The default resources and appearance a viewer uses for text typed in later.
  acroForm.dict.set(PDFName.of('DR'), context.obj({ Font: fieldFonts }));
  acroForm.dict.set(PDFName.of('DA'), da);
  const pageResources = context.register(context.obj({ Font: { [FIELD_FONT]: regular.ref, [BOLD_FONT]: bold.ref } }));
  const staticRef = context.register(context.flateStream(staticContent));

  // Appearance streams, one per distinct look (size + text), shared by the widgets.
  const appearances = new Map<string, PDFRef>();
  const appearance = (box: Box, value: string | undefined, align: 'left' | 'centre', fit?: FittedText, size = fieldSize): PDFRef => {
    const key = `${num(box.width)}x${num(box.height)}|${align}|${size}|${value ?? ''}|${fit ? `${fit.size}|${fit.lines.join('\n')}` : ''}`;
    let ref = appearances.get(key);
    if (ref) return ref;
    let content = '/Tx BMC\nEMC';
    if (fit) {
      // Lines from the top, as viewers lay out multiline fields.
      const first = box.height - FIELD_PADDING - regularFace.ascent * fit.size;
      content = [
        '/Tx BMC',
        'q',
        `1 1 ${num(box.width - 2)} ${num(box.height - 2)} re W n`,
        'BT',
        `/${FIELD_FONT} ${num(fit.size)} Tf 0 g`,
        `${num(FIELD_PADDING)} ${num(first)} Td`,
        fit.lines.map((line, index) => `${index > 0 ? `0 ${num(-fit.leading)} Td ` : ''}${regularFace.hex(line)} Tj`).join('\n'),
        'ET',
        'Q',
        'EMC',
      ].join('\n');
    } else if (value) {
      const textWidth = regularFace.width(value, size);
      const x = align === 'centre' ? (box.width - textWidth) / 2 : 2;
      const baseline = (box.height - (regularFace.ascent - regularFace.descent) * size) / 2 - regularFace.descent * size;
      content = [
        '/Tx BMC',
        'q',
        `1 1 ${num(box.width - 2)} ${num(box.height - 2)} re W n`,
        'BT',
        `/${FIELD_FONT} ${num(size)} Tf 0 g`,
        `${num(x)} ${num(baseline)} Td`,
        `${regularFace.hex(value)} Tj`,
        'ET',
        'Q',
        'EMC',
      ].join('\n');
    }
    const stream = context.flateStream(content, {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, Math.round(box.width * 100) / 100, Math.round(box.height * 100) / 100],
      Resources: { Font: fieldFonts },
    });
    ref = context.register(stream);
    appearances.set(key, ref);
    return ref;
  };
  const widgetEntries = (box: Box, pageRef: PDFRef, tooltip: string, ap: PDFRef) => ({
    Type: 'Annot',
    Subtype: 'Widget',
    Rect: [box.x, box.y, box.x + box.width, box.y + box.height].map((v) => Math.round(v * 100) / 100),
    P: pageRef,
    F: PRINT,
    TU: PDFHexString.fromText(tooltip),
    AP: { N: ap },
  });

  // Header fields: one field each, with a widget on every page (typed once, shown on all pages).
  /** /DA of a field whose text was set smaller to fit: editing in a viewer keeps that size. */
  const daOf = (size: number) => (size === fieldSize ? da : PDFString.of(`/${FIELD_FONT} ${num(size)} Tf 0 g`));
  const headerRefs = layout.headerFields.map((field) => {
    const filledWith = prefilled.get(field.id);
    const dict = context.obj({
      FT: 'Tx',
      T: PDFHexString.fromText(field.id),
      TU: PDFHexString.fromText(field.tooltip),
      DA: daOf(filledWith?.size ?? fieldSize),
      Q: field.align === 'centre' ? 1 : 0,
      Kids: [],
    });
    if (filledWith) dict.set(PDFName.of('V'), PDFHexString.fromText(filledWith.value));
    const ref = context.register(dict);
    acroForm.addField(ref);
    return { field, ref, kids: dict.lookup(PDFName.of('Kids'), PDFArray), filledWith };
  });

  for (let number = 1; number <= pages; number++) {
    const page = doc.addPage([layout.width, layout.height]);
    const pageRef = page.ref;
    const label = pageLabel(form, number, pages);
    const numberContent = `BT /${FIELD_FONT} ${num(layout.pageNumber.size)} Tf 0 g ${num(layout.pageNumber.right - regularFace.width(label, layout.pageNumber.size))} ${num(layout.pageNumber.y)} Td ${regularFace.hex(label)} Tj ET`;
    page.node.set(PDFName.of('Resources'), pageResources);
    page.node.set(PDFName.of('Contents'), context.obj([staticRef, context.register(context.flateStream(numberContent))]));
    const annots: PDFRef[] = [];

    for (const { field, ref, kids, filledWith } of headerRefs) {
      const look = appearance(field, filledWith?.value, field.align, undefined, filledWith?.size);
      const widget = context.obj({ ...widgetEntries(field, pageRef, field.tooltip, look), Parent: ref });
      const widgetRef = context.register(widget);
      kids.push(widgetRef);
      annots.push(widgetRef);
    }

    // Cells: p<page> → r<row> → column, so that the names read "p1.r03.noi_dung".
    const pageNode = context.obj({ T: PDFHexString.fromText(`p${number}`), Kids: [] });
    const pageNodeRef = context.register(pageNode);
    acroForm.addField(pageNodeRef);
    let rowKids: PDFArray | undefined;
    let rowRef: PDFRef | undefined;
    let currentRow = 0;
    for (const cell of layout.cells) {
      if (cell.row !== currentRow || !rowKids || !rowRef) {
        currentRow = cell.row;
        const rowNode = context.obj({ T: PDFHexString.fromText(rowPart(cell.row)), Parent: pageNodeRef, Kids: [] });
        rowRef = context.register(rowNode);
        rowKids = rowNode.lookup(PDFName.of('Kids'), PDFArray);
        pageNode.lookup(PDFName.of('Kids'), PDFArray).push(rowRef);
      }
      const tooltip = cellTooltip(number, cell);
      const content = filled.get(`${(number - 1) * rowsPerPage + cell.row - 1}.${cell.column}`);
      // Set from the top, so that the cells of a row line up (the time with the first line of the content).
      const look = appearance(cell, undefined, 'left', content?.fit);
      // A field with one widget: field and widget are one dictionary.
      const dict: PDFDict = context.obj({
        ...widgetEntries(cell, pageRef, tooltip, look),
        FT: 'Tx',
        T: PDFHexString.fromText(cell.column),
        // Text set smaller to fit keeps that size when edited in a viewer.
        DA: daOf(content?.fit.size ?? fieldSize),
        Parent: rowRef,
      });
      if (content) dict.set(PDFName.of('V'), PDFHexString.fromText(content.text));
      if (cell.multiline) dict.set(PDFName.of('Ff'), PDFNumber.of(MULTILINE));
      const cellRef = context.register(dict);
      rowKids.push(cellRef);
      annots.push(cellRef);
    }
    page.node.set(PDFName.of('Annots'), context.obj(annots));
  }

  return doc.save({ updateFieldAppearances: false });
}

/** Fills fields of a journal with text and saves it, as a viewer would; pdf-lib redraws the filled fields with the Vietnamese font. */
export async function fillJournal(bytes: Uint8Array, values: Record<string, string>, fonts: JournalFonts): Promise<Uint8Array> {
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
    if (missing.length > 0) throw new Error(`Field ${name}: the journal's font cannot show ${missing.map(describeCharacter).join(', ')}`);
    form.getTextField(name).setText(text);
  }
  // Only the fields just filled are redrawn, with the Vietnamese font (never Helvetica).
  form.updateFieldAppearances(font);
  return doc.save({ updateFieldAppearances: false });
}
