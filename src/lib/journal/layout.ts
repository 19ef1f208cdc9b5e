/**
 * Where everything goes on a page of the journal, computed from the form's YAML and the
 * font's metrics. Pure geometry (PDF points, origin bottom left): the renderer draws it,
 * tests inspect it. Every page has the same layout; only field names and the page number
 * change. A layout that does not fit the page is an error naming the YAML field.
 */
import type { JournalForm, PrefillKind } from '../content/forms-schema.ts';
import { MAX_FILE_PAGES, MAX_PAGES } from './options.ts';

/** Width of `text` at `size` points in the regular or bold face. */
export type Measure = (text: string, size: number, bold: boolean) => number;

export interface TextItem {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  bold: boolean;
}

export interface RuleItem {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thickness: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A header field: one field with a widget on every page. */
export interface HeaderField extends Box {
  id: string;
  tooltip: string;
  align: 'left' | 'centre';
  prefill?: PrefillKind | undefined;
  /** Text it holds when no option fills it. */
  default?: string | undefined;
  /** The unit in the agency block: bold capitals, one field for the whole file. */
  unit?: boolean | undefined;
}

/** A table cell: a field of its own on every page, named by page, row and column. */
export interface CellBox extends Box {
  row: number;
  column: string;
  /** The column's tooltip; "Trang n, dòng m: " goes before it. */
  tooltip: string;
  multiline: boolean;
}

export interface FormLayout {
  width: number;
  height: number;
  /** Drawn the same on every page. */
  texts: TextItem[];
  rules: RuleItem[];
  /** In reading (and tab) order: header fields, then the cells row by row. */
  headerFields: HeaderField[];
  cells: CellBox[];
  /** The page number's right edge and baseline. */
  pageNumber: { right: number; y: number; size: number };
  /** The agency line that an option may replace (drawn per journal): centre, baseline, size, room. */
  agencyLine?: { text: string; centre: number; y: number; size: number; room: number } | undefined;
  /** The short rule under the agency block (its length follows the unit's text): centre and height. */
  agencyRule: { centre: number; y: number; thickness: number };
}

export class FormLayoutError extends Error {
  constructor(where: string, message: string) {
    super(`content/forms/phu-luc-1.yaml ${where}: ${message}`);
    this.name = 'FormLayoutError';
  }
}

const SIZES = { A4: [595.28, 841.89], A3: [841.89, 1190.55] } as const;

/** Line advance for text of `size` points. */
const lead = (size: number): number => size * 1.3;
/** Distance from the top of a line slot to its baseline. */
const ascent = (size: number): number => size * 0.95;
/** Height of a single-line field box. */
export const fieldBoxHeight = (size: number): number => Math.round(size * 1.3 + 5);

/** The row part of a cell's name: "r03". */
export const rowPart = (row: number): string => `r${String(row).padStart(2, '0')}`;

/** Tooltip of a table cell, read by screen readers; in a file of several days the day goes first. */
export const cellTooltip = (page: number, cell: CellBox, day?: string): string =>
  `${day ? `Ngày ${day}, trang` : 'Trang'} ${page}, dòng ${cell.row}: ${cell.tooltip}`;

/**
 * The page number as printed, e.g. "Trang 2/10"; in a file of several days the page's place
 * in the file follows: "Trang 1/2 · trang 37/730 của tệp".
 */
export function pageLabel(
  form: JournalForm,
  page: number,
  pages: number,
  inFile?: { page: number; pages: number },
): string {
  const fill = (pattern: string, n: number, of: number) =>
    pattern.replaceAll('{page}', String(n)).replaceAll('{pages}', String(of));
  const label = fill(form.footer.pageNumber, page, pages);
  return inFile && form.footer.filePageNumber
    ? `${label} · ${fill(form.footer.filePageNumber, inFile.page, inFile.pages)}`
    : label;
}

/** Breaks `text` into lines no wider than `width`, at spaces. */
export function wrap(
  text: string,
  width: number,
  size: number,
  bold: boolean,
  measure: Measure,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Text set in a box: its type size and lines, top to bottom. */
export interface FittedText {
  size: number;
  lines: string[];
  /** Line advance in points. */
  leading: number;
}

/** Smallest type a filled cell may use: still legible on paper. */
export const MIN_CELL_SIZE = 6;
/** Room left free on each side of text in a field. */
export const FIELD_PADDING = 2;

/**
 * The largest size from `maxSize` down to MIN_CELL_SIZE (half points) at which `text`,
 * wrapped at spaces, fits a box of `width` × `height` (one line only unless `multiline`);
 * undefined when it fits at none. Paper journals have fixed rows, so long text is set
 * smaller rather than spilling over.
 */
export function fitText(
  text: string,
  width: number,
  height: number,
  maxSize: number,
  multiline: boolean,
  measure: Measure,
): FittedText | undefined {
  const room = width - 2 * FIELD_PADDING;
  for (let size = maxSize; size >= MIN_CELL_SIZE; size -= 0.5) {
    const leading = size * 1.15;
    const lines = multiline
      ? wrap(text, room, size, false, measure)
      : [text.replace(/\s+/g, ' ').trim()];
    // The first line takes about 1.1 × its size (Tinos ascent + descent), each further one a leading.
    const tall = size * 1.1 + (lines.length - 1) * leading;
    if (
      lines.length > 0 &&
      tall <= height - 2 * FIELD_PADDING &&
      lines.every((line) => measure(line, size, false) <= room)
    ) {
      return { size, lines, leading };
    }
  }
  return undefined;
}

/**
 * Places the form on the page in named steps, top to bottom: header (agency block and motto),
 * title, header fields, table, signatures, footer. Each step draws into the same lists and
 * returns where the next one starts.
 */
export function layoutForm(form: JournalForm, measure: Measure): FormLayout {
  const sheet = new Sheet(form, measure);
  const agency = sheet.agencyBlock();
  const mottoTop = sheet.motto();
  let top = sheet.title(Math.max(agency.top, mottoTop) + 10);
  top = sheet.fields(top);
  top = sheet.table(top + 4);
  top = sheet.signatures(top + 8);
  const footerBaseline = sheet.footer(top);
  return {
    width: sheet.width,
    height: sheet.height,
    texts: sheet.texts,
    rules: sheet.rules,
    headerFields: sheet.headerFields,
    cells: sheet.cells,
    pageNumber: {
      right: sheet.left + sheet.contentWidth,
      y: sheet.y(footerBaseline),
      size: form.type.small,
    },
    agencyLine: agency.line,
    agencyRule: agency.rule,
  };
}

/** The page being laid out: its measures and what has been placed so far. `top` runs down from the top edge. */
class Sheet {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly contentWidth: number;
  readonly fieldHeight: number;
  readonly texts: TextItem[] = [];
  readonly rules: RuleItem[] = [];
  readonly headerFields: HeaderField[] = [];
  readonly cells: CellBox[] = [];

  constructor(
    private readonly form: JournalForm,
    private readonly measure: Measure,
  ) {
    const [short, long] = SIZES[form.page.size];
    [this.width, this.height] =
      form.page.orientation === 'landscape' ? [long, short] : [short, long];
    const { margins } = form.page;
    this.left = margins.left;
    this.contentWidth = this.width - margins.left - margins.right;
    this.fieldHeight = fieldBoxHeight(form.type.field);
  }

  /** PDF y runs up from the bottom. */
  y(top: number): number {
    return this.height - top;
  }

  text(value: string, x: number, baselineTop: number, size: number, bold: boolean): void {
    this.texts.push({ text: value, x, y: this.y(baselineTop), size, bold });
  }

  /** Text centred on `centre`, refused where it is wider than `room`; returns its width. */
  centred(
    value: string,
    centre: number,
    baselineTop: number,
    size: number,
    bold: boolean,
    where: string,
    room: number,
  ): number {
    const w = this.measure(value, size, bold);
    if (w > room)
      throw new FormLayoutError(
        where,
        `"${value}" is ${w.toFixed(0)} pt wide; it has ${room.toFixed(0)} pt: shorten it or use a smaller type size`,
      );
    this.text(value, centre - w / 2, baselineTop, size, bold);
    return w;
  }

  rule(x1: number, top1: number, x2: number, top2: number, thickness = 0.6): void {
    this.rules.push({ x1, y1: this.y(top1), x2, y2: this.y(top2), thickness });
  }

  /**
   * Header, top left (Nghị định 30/2020/NĐ-CP): the issuing body in capitals, the unit in bold
   * capitals, a short rule centred below, clear of the text.
   */
  agencyBlock(): { top: number; line: FormLayout['agencyLine']; rule: FormLayout['agencyRule'] } {
    const { type } = this.form;
    const agencyWidth = this.contentWidth * 0.42;
    const agencyCentre = this.left + agencyWidth / 2;
    let top = this.form.page.margins.top;
    let agencyLine: FormLayout['agencyLine'];
    this.form.header.agency.forEach((line, index) => {
      if ('text' in line) {
        const where = `header.agency[${index}].text`;
        const baseline = top + ascent(type.body);
        if (line.prefill === 'agency') {
          // Drawn per journal (an option may replace it); the default must fit all the same.
          const w = this.measure(line.text, type.body, false);
          if (w > agencyWidth)
            throw new FormLayoutError(
              where,
              `"${line.text}" is ${w.toFixed(0)} pt wide; it has ${agencyWidth.toFixed(0)} pt: shorten it or use a smaller type size`,
            );
          agencyLine = {
            text: line.text,
            centre: agencyCentre,
            y: this.y(baseline),
            size: type.body,
            room: agencyWidth,
          };
        } else
          this.centred(line.text, agencyCentre, baseline, type.body, false, where, agencyWidth);
        top += lead(type.body);
      } else {
        const box = line.field;
        if (box.width > agencyWidth) {
          throw new FormLayoutError(
            `header.agency[${index}].field.width`,
            `${box.width} pt is wider than the agency block (${agencyWidth.toFixed(0)} pt)`,
          );
        }
        const { id, tooltip, width, prefill, default: value } = box;
        this.headerFields.push({
          id,
          tooltip,
          x: agencyCentre - width / 2,
          y: this.y(top + this.fieldHeight),
          width,
          height: this.fieldHeight,
          align: 'centre',
          prefill,
          default: value,
          unit: true,
        });
        top += this.fieldHeight;
      }
    });
    // The short rule: below the last line's descenders (a field's box already holds them), with a gap.
    top += 3;
    return {
      top,
      line: agencyLine,
      rule: { centre: agencyCentre, y: this.y(top), thickness: 0.6 },
    };
  }

  /** The national motto, top right; its last line underlined across its width. Returns where it ends. */
  motto(): number {
    const { type } = this.form;
    const mottoCentre = this.left + this.contentWidth * 0.72;
    const mottoWidth = this.contentWidth * 0.55;
    const { lines } = this.form.header.motto;
    let top = this.form.page.margins.top;
    lines.forEach((line, index) => {
      const size = index === 0 ? type.body : type.body + 1;
      const w = this.centred(
        line,
        mottoCentre,
        top + ascent(size),
        size,
        true,
        `header.motto.lines[${index}]`,
        mottoWidth,
      );
      top += lead(size);
      if (index === lines.length - 1)
        this.rule(mottoCentre - w / 2, top - 1, mottoCentre + w / 2, top - 1);
    });
    return top;
  }

  title(top: number): number {
    const { type } = this.form;
    this.centred(
      this.form.header.title.text,
      this.width / 2,
      top + ascent(type.title),
      type.title,
      true,
      'header.title.text',
      this.contentWidth,
    );
    return top + lead(type.title) + 4;
  }

  /** Header fields, line by line, label then box, left to right, each on a writing line for the form filled by hand. */
  fields(top: number): number {
    const { type } = this.form;
    const { fieldHeight, left } = this;
    this.form.fields.forEach((line, lineIndex) => {
      let x = left;
      line.forEach((box, boxIndex) => {
        if (boxIndex > 0) x += 16;
        if (box.label) {
          this.text(
            box.label,
            x,
            top + fieldHeight - (fieldHeight - type.body * 0.7) / 2,
            type.body,
            false,
          );
          x += this.measure(box.label, type.body, false) + 4;
        }
        const { id, tooltip, width, prefill, default: value } = box;
        this.headerFields.push({
          id,
          tooltip,
          x,
          y: this.y(top + fieldHeight),
          width,
          height: fieldHeight,
          align: 'left',
          prefill,
          default: value,
        });
        this.rule(x, top + fieldHeight - 1, x + box.width, top + fieldHeight - 1, 0.4);
        x += box.width;
      });
      if (x > left + this.contentWidth + 0.01) {
        throw new FormLayoutError(
          `fields[${lineIndex}]`,
          `the line is ${(x - left).toFixed(0)} pt wide; the page has ${this.contentWidth.toFixed(0)} pt: narrow the boxes or move one to another line`,
        );
      }
      top += fieldHeight + 5;
    });
    return top;
  }

  /** The table: headings, rows of cells that each take a field, and the grid. Returns its bottom. */
  table(tableTop: number): number {
    const { table } = this.form;
    const { left, contentWidth } = this;
    const totalShare = table.columns.reduce((sum, column) => sum + column.width, 0);
    const columnX: number[] = [];
    let cx = left;
    for (const column of table.columns) {
      columnX.push(cx);
      cx += (column.width / totalShare) * contentWidth;
    }
    columnX.push(left + contentWidth);
    this.headings(tableTop, columnX);
    const bodyTop = tableTop + table.headerHeight;
    for (let row = 1; row <= table.rowsPerPage; row++) {
      const rowTop = bodyTop + (row - 1) * table.rowHeight;
      table.columns.forEach((column, index) => {
        const x0 = columnX[index] ?? left;
        const x1 = columnX[index + 1] ?? left + contentWidth;
        // Inset so that the field never covers the printed grid.
        const { id, tooltip, multiline } = column;
        this.cells.push({
          row,
          column: id,
          tooltip,
          x: x0 + 1.5,
          y: this.y(rowTop + table.rowHeight - 1.5),
          width: x1 - x0 - 3,
          height: table.rowHeight - 3,
          multiline,
        });
      });
    }
    const tableBottom = bodyTop + table.rowsPerPage * table.rowHeight;
    // Grid: lines at the top, under the headings and under every row; verticals at the column edges.
    this.rule(left, tableTop, left + contentWidth, tableTop, 0.8);
    for (let row = 0; row <= table.rowsPerPage; row++) {
      const lineTop = bodyTop + row * table.rowHeight;
      this.rule(
        left,
        lineTop,
        left + contentWidth,
        lineTop,
        row === 0 || row === table.rowsPerPage ? 0.8 : 0.4,
      );
    }
    columnX.forEach((x, index) =>
      this.rule(
        x,
        tableTop,
        x,
        tableBottom,
        index === 0 || index === columnX.length - 1 ? 0.8 : 0.5,
      ),
    );
    return tableBottom;
  }

  /** The column headings, wrapped and centred in the heading row. */
  private headings(tableTop: number, columnX: readonly number[]): void {
    const { table, type } = this.form;
    const { left, contentWidth } = this;
    table.columns.forEach((column, index) => {
      const x0 = columnX[index] ?? left;
      const cellWidth = (columnX[index + 1] ?? left + contentWidth) - x0;
      const lines = wrap(column.heading, cellWidth - 6, type.heading, true, this.measure);
      const block = lines.length * lead(type.heading);
      if (block > table.headerHeight - 2) {
        throw new FormLayoutError(
          `table.columns[${index}].heading`,
          `needs ${lines.length} lines (${block.toFixed(0)} pt); table.headerHeight is ${table.headerHeight} pt: raise it or widen the column`,
        );
      }
      let lineTop = tableTop + (table.headerHeight - block) / 2;
      for (const line of lines) {
        this.centred(
          line,
          x0 + cellWidth / 2,
          lineTop + ascent(type.heading),
          type.heading,
          true,
          `table.columns[${index}].heading`,
          cellWidth,
        );
        lineTop += lead(type.heading);
      }
    });
  }

  /** Signatures, side by side under the table, with room to sign. Returns where they end. */
  signatures(top: number): number {
    const { type, signature } = this.form;
    const signerWidth = this.contentWidth / signature.signers.length;
    signature.signers.forEach((signer, index) => {
      const centre = this.left + signerWidth * (index + 0.5);
      this.centred(
        signer.title,
        centre,
        top + ascent(type.body),
        type.body,
        true,
        `signature.signers[${index}].title`,
        signerWidth,
      );
      this.centred(
        signer.hint,
        centre,
        top + lead(type.body) + ascent(type.small),
        type.small,
        false,
        `signature.signers[${index}].hint`,
        signerWidth,
      );
    });
    return top + lead(type.body) + lead(type.small) + signature.space;
  }

  /** Footer: where the layout comes from (left), room for the page number (right); refuses a page that overflows. Returns its baseline. */
  footer(top: number): number {
    const { form, measure } = this;
    const { type, table } = form;
    const footerBaseline = this.height - form.page.margins.bottom;
    const widestLabel = measure(
      pageLabel(form, MAX_PAGES, MAX_PAGES, { page: MAX_FILE_PAGES, pages: MAX_FILE_PAGES }),
      type.small,
      false,
    );
    if (form.footer.note) {
      const room = this.contentWidth - widestLabel - 16;
      const noteWidth = measure(form.footer.note, type.small, false);
      if (noteWidth > room)
        throw new FormLayoutError(
          'footer.note',
          `is ${noteWidth.toFixed(0)} pt wide; the footer has ${room.toFixed(0)} pt: shorten it`,
        );
      this.text(form.footer.note, this.left, footerBaseline, type.small, false);
    }
    const footerTop = footerBaseline - ascent(type.small) - 4;
    if (top > footerTop) {
      throw new FormLayoutError(
        'table.rowsPerPage',
        `${table.rowsPerPage} rows of ${table.rowHeight} pt with the header and signatures need ${(top + this.height - footerTop).toFixed(0)} pt; ` +
          `the page is ${this.height.toFixed(0)} pt high: lower rowsPerPage or rowHeight`,
      );
    }
    return footerBaseline;
  }
}
