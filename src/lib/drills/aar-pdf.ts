/**
 * The after-action report as a PDF a trainer can file: report + the drill's sheet + the
 * document heading (src/lib/documents/heading.ts, the words of the journal's form) + the
 * journal's fonts → PDF bytes. Pure (no DOM, no file system): the trainer page calls it in
 * the browser, the tests in Node. A4 pages in the journal's Tinos (embedded whole, so every
 * Vietnamese letter renders and text can be copied), laid out as Nghị định 30/2020/NĐ-CP lays
 * out a document: the heading, the title, the body, the signatures. What the trainer typed is
 * printed as typed; a field left empty is a dotted line to write on, never a word in its
 * place. A character the font lacks is refused with its name, never drawn as an empty box.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { DATE_LINE, type DocumentHeading } from '../documents/heading.ts';
import { describeCharacter, missingCharacters } from '../journal/charset.ts';
import type { JournalFonts } from '../journal/pdf.ts';
import { formatDateVi } from '../vi.ts';
import { AAR_DOCUMENT } from './aar-document.ts';
import {
  RATING_LABELS,
  RATINGS,
  linesOf,
  ratingCounts,
  reportFileName,
  type Report,
} from './aar.ts';

/** What the report's PDF says about each inject, as the evaluation sheet shows it. */
export interface AarSheet {
  injects: { id: string; heading: string; question: string }[];
}

/** Text the font cannot draw. */
export class AarPdfError extends Error {
  constructor(readonly characters: string[]) {
    super(`The font has no glyph for ${characters.map(describeCharacter).join(', ')}`);
    this.name = 'AarPdfError';
  }
}

/** "bao-cao-sau-dien-tap-<drill>-<date>.pdf": the JSON file's name, as a PDF. */
export const reportPdfName = (report: Report): string =>
  reportFileName(report).replace(/\.json$/, '.pdf');

const PAGE = { width: 595.28, height: 841.89 };
/** Margins as Nghị định 30/2020/NĐ-CP gives them, within its ranges: 20 mm top and bottom, 30 mm left, 15 mm right. */
const MARGIN = { top: 57, bottom: 57, left: 85, right: 43 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 11;
const LEADING = 1.35;
const BLACK = rgb(0, 0, 0);

/**
 * One piece of the body, in reading order: a paragraph; a label followed by dots to write on
 * (`write`), or by boxes to tick (`ticks`); or whole lines of dots.
 */
type Block =
  | { kind: 'text'; text: string; size: number; bold?: boolean; before?: number; indent?: number }
  | { kind: 'write'; label: string; before?: number; indent?: number }
  | { kind: 'ticks'; label: string; options: string[]; before?: number }
  | { kind: 'lines'; count: number; before?: number; indent?: number };

/** The report's body as blocks: every field as typed, or a place to write it. */
function blocks(report: Report, sheet: AarSheet): Block[] {
  const out: Block[] = [];
  let section = 0;
  const heading = (text: string) =>
    out.push({ kind: 'text', text: `${++section}. ${text}`, size: 12, bold: true, before: 14 });
  const para = (text: string, extra: { before?: number; indent?: number } = {}) =>
    out.push({ kind: 'text', text, size: BODY, before: 3, ...extra });
  const field = (label: string, value: string) =>
    value ? para(`${label}: ${value}`) : out.push({ kind: 'write', label: `${label}:`, before: 3 });

  heading('Buổi diễn tập');
  const { date, place, facilitator, evaluator, participants } = report.exercise;
  field('Ngày diễn tập', date ? formatDateVi(date) : '');
  field('Địa điểm', place);
  field('Người điều hành', facilitator);
  field('Người đánh giá', evaluator);
  // As typed: one line is one person; none is room to write them.
  const people = linesOf(participants);
  if (people.length === 1) field('Người tham gia và vai trò', people[0] ?? '');
  else {
    para('Người tham gia và vai trò:');
    if (people.length === 0) out.push({ kind: 'lines', count: 3, before: 1, indent: 14 });
    for (const person of people) para(`• ${person}`, { indent: 14, before: 1 });
  }

  heading('Đánh giá từng tình huống');
  const ids = sheet.injects.map((inject) => inject.id);
  const counts = ratingCounts(report, ids);
  para(
    `Tổng hợp ${ids.length} thẻ: ${RATINGS.map((r) => `${RATING_LABELS[r].toLowerCase()} ${counts[r]}`).join(', ')}, chưa đánh giá ${counts.none}.`,
  );
  for (const inject of sheet.injects) {
    const evaluation = report.evaluations[inject.id];
    out.push({ kind: 'text', text: inject.heading, size: BODY, bold: true, before: 8 });
    para(inject.question, { before: 1 });
    if (evaluation?.rating) para(`Đánh giá: ${RATING_LABELS[evaluation.rating]}`, { before: 1 });
    else
      out.push({
        kind: 'ticks',
        label: 'Đánh giá:',
        options: RATINGS.map((r) => RATING_LABELS[r]),
        before: 2,
      });
    if (evaluation?.note) para(`Điều quan sát được: ${evaluation.note}`, { before: 1 });
    else out.push({ kind: 'write', label: 'Điều quan sát được:', before: 2 });
  }

  heading('Rút kinh nghiệm ngay sau buổi');
  if (report.hotWash) para(report.hotWash);
  else out.push({ kind: 'lines', count: 3, before: 2 });

  for (const [title, items] of [
    ['Điểm mạnh', report.strengths],
    ['Điểm cần cải thiện', report.improvements],
  ] as const) {
    heading(title);
    if (items.length === 0) out.push({ kind: 'lines', count: 2, before: 2 });
    for (const item of items) para(`• ${item}`, { indent: 8 });
  }

  heading('Hành động khắc phục');
  if (report.actions.length === 0) out.push({ kind: 'lines', count: 2, before: 2 });
  report.actions.forEach((action, index) => {
    out.push({ kind: 'text', text: `${index + 1}. ${action.action}`, size: BODY, before: 6 });
    const owner = action.owner ? `Người chịu trách nhiệm: ${action.owner}` : '';
    const due = action.due ? `Thời hạn: ${formatDateVi(action.due)}` : '';
    if (owner && due) para(`${owner} · ${due}`, { indent: 14, before: 1 });
    else {
      if (owner) para(owner, { indent: 14, before: 1 });
      else out.push({ kind: 'write', label: 'Người chịu trách nhiệm:', indent: 14, before: 1 });
      if (due) para(due, { indent: 14, before: 1 });
      else out.push({ kind: 'write', label: 'Thời hạn:', indent: 14, before: 1 });
    }
  });
  return out;
}

/** Breaks text into lines no wider than `width`: at spaces, and inside a word only when the word alone is too wide. */
export function wrapLines(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Dots to write on, as wide as `width` (text, so that a copy of the PDF's text shows the place too). */
const dots = (font: PDFFont, size: number, width: number): string =>
  '.'.repeat(Math.max(3, Math.floor(width / font.widthOfTextAtSize('.', size))));

/** Pages, fonts and the pen's place: where blocks are drawn, top to bottom, page after page. */
class Writer {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  /** The next line's top, in PDF points from the bottom. */
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
  }

  /** Moves to a new page unless `height` more points fit on this one. */
  room(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  text(value: string, x: number, top: number, size: number, font: PDFFont): void {
    this.page.drawText(value, { x, y: top - size * 1.02, size, font, color: BLACK });
  }

  centred(value: string, centre: number, top: number, size: number, font: PDFFont): number {
    const width = font.widthOfTextAtSize(value, size);
    this.text(value, centre - width / 2, top, size, font);
    return width;
  }

  rule(x1: number, x2: number, y: number, thickness = 0.6): void {
    this.page.drawLine({
      start: { x: x1, y },
      end: { x: x2, y },
      thickness,
      color: BLACK,
    });
  }

  /** A paragraph, wrapped; a heading never ends a page (it moves on with the lines after it). */
  paragraph(block: Extract<Block, { kind: 'text' }>): void {
    const font = block.bold ? this.bold : this.regular;
    const height = block.size * LEADING;
    const indent = block.indent ?? 0;
    this.y -= block.before ?? 0;
    const lines = wrapLines(block.text, font, block.size, WIDTH - indent);
    const keep = block.bold && block.size > BODY ? 3 : 1;
    this.room(height * Math.min(lines.length + keep - 1, lines.length + 2));
    for (const line of lines) {
      this.room(height);
      this.text(line, MARGIN.left + indent, this.y, block.size, font);
      this.y -= height;
    }
  }

  /** A label, then dots to the right margin; or boxes to tick, each with its label. */
  labelled(block: Extract<Block, { kind: 'write' | 'ticks' }>): void {
    const height = BODY * LEADING;
    this.y -= block.before ?? 0;
    this.room(height);
    const x = MARGIN.left + ('indent' in block ? (block.indent ?? 0) : 0);
    this.text(block.label, x, this.y, BODY, this.regular);
    let at = x + this.regular.widthOfTextAtSize(`${block.label} `, BODY);
    if (block.kind === 'write') {
      this.text(dots(this.regular, BODY, MARGIN.left + WIDTH - at), at, this.y, BODY, this.regular);
    } else {
      for (const option of block.options) {
        const box = BODY * 0.75;
        this.page.drawRectangle({
          x: at,
          y: this.y - BODY * 0.85,
          width: box,
          height: box,
          borderColor: BLACK,
          borderWidth: 0.7,
        });
        at += box + 4;
        this.text(option, at, this.y, BODY, this.regular);
        at += this.regular.widthOfTextAtSize(option, BODY) + 16;
      }
    }
    this.y -= height;
  }

  /** Whole lines of dots, to write on. */
  writingLines(block: Extract<Block, { kind: 'lines' }>): void {
    const height = BODY * LEADING * 1.3;
    const indent = block.indent ?? 0;
    this.y -= block.before ?? 0;
    for (let line = 0; line < block.count; line++) {
      this.room(height);
      this.text(
        dots(this.regular, BODY, WIDTH - indent),
        MARGIN.left + indent,
        this.y,
        BODY,
        this.regular,
      );
      this.y -= height;
    }
  }
}

/**
 * The heading (Nghị định 30/2020/NĐ-CP): the agency block on the left, centred in 45% of the
 * width, a short rule under the unit; the motto on the right, its last line underlined, the
 * place and date line under it. Then the title and the drill's name, centred.
 */
function drawHeading(writer: Writer, heading: DocumentHeading, drillTitle: string): void {
  const { regular, bold } = writer;
  const size = 11;
  const lead = size * 1.3;
  const top = writer.y;
  const leftWidth = WIDTH * 0.45;
  const leftCentre = MARGIN.left + leftWidth / 2;
  let y = top;
  let unitWidth = 0;
  for (const line of heading.lines) {
    const font = line.strong ? bold : regular;
    // An empty line is a line to write the name on.
    const parts = line.text
      ? wrapLines(line.text, font, size, leftWidth)
      : [dots(regular, size, leftWidth * 0.8)];
    for (const part of parts) {
      const width = writer.centred(part, leftCentre, y, size, line.text ? font : regular);
      if (line.strong) unitWidth = Math.max(unitWidth, width);
      y -= lead;
    }
  }
  const ruleHalf = Math.max(30, unitWidth / 3) / 2;
  // Under the last line's descenders.
  writer.rule(leftCentre - ruleHalf, leftCentre + ruleHalf, y + lead - size * 1.65);
  const leftBottom = y;

  const rightWidth = WIDTH - leftWidth;
  const rightCentre = MARGIN.left + leftWidth + rightWidth / 2;
  y = top;
  heading.motto.forEach((line, index) => {
    const lineSize = index === 0 ? size : size + 1;
    const width = writer.centred(line, rightCentre, y, lineSize, bold);
    y -= lineSize * 1.3;
    if (index === heading.motto.length - 1)
      writer.rule(rightCentre - width / 2, rightCentre + width / 2, y + lineSize * 0.1);
  });
  y -= 6;
  writer.centred(DATE_LINE, rightCentre, y, size, regular);
  y -= lead;

  writer.y = Math.min(leftBottom, y) - 18;
  const centre = MARGIN.left + WIDTH / 2;
  writer.centred(AAR_DOCUMENT.title, centre, writer.y, 14, bold);
  writer.y -= 14 * 1.35;
  for (const line of wrapLines(drillTitle, bold, 12, WIDTH)) {
    writer.centred(line, centre, writer.y, 12, bold);
    writer.y -= 12 * 1.35;
  }
  writer.y -= 4;
}

/** The signature blocks, side by side, kept together on one page: title, hint, room to sign. */
function drawSignatures(writer: Writer): void {
  const size = 11;
  const height = 18 + size * 1.3 * 2 + 70;
  writer.y -= 18;
  writer.room(height);
  const columns = AAR_DOCUMENT.signers.length;
  AAR_DOCUMENT.signers.forEach((signer, index) => {
    const centre = MARGIN.left + (WIDTH / columns) * (index + 0.5);
    writer.centred(signer, centre, writer.y, size, writer.bold);
    writer.centred(AAR_DOCUMENT.signHint, centre, writer.y - size * 1.3, size - 1, writer.regular);
  });
  writer.y -= height - 18;
}

/** Every piece of text the PDF draws, for the font check. */
function textsOf(report: Report, content: Block[], heading: DocumentHeading): string {
  return [
    report.drillTitle,
    ...heading.lines.map((line) => line.text),
    ...heading.motto,
    ...content.flatMap((block) =>
      block.kind === 'text'
        ? [block.text]
        : block.kind === 'write'
          ? [block.label]
          : block.kind === 'ticks'
            ? [block.label, ...block.options]
            : [],
    ),
  ].join('\n');
}

/** The report as PDF bytes. Throws AarPdfError when some text has a character the font lacks. */
export async function aarPdf(
  report: Report,
  sheet: AarSheet,
  fonts: JournalFonts,
  heading: DocumentHeading,
): Promise<Uint8Array> {
  const content = blocks(report, sheet).map((block) =>
    block.kind === 'text' ? { ...block, text: block.text.normalize('NFC') } : block,
  );

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Whole fonts, as the journal embeds them (already cut to the Vietnamese alphabet, ~22 KB each).
  const regular = await doc.embedFont(fonts.regular, { subset: false });
  const bold = await doc.embedFont(fonts.bold, { subset: false });
  const inBold = new Set(bold.getCharacterSet());
  const available = new Set(regular.getCharacterSet().filter((c) => inBold.has(c)));
  const missing = missingCharacters(textsOf(report, content, heading), available);
  if (missing.length > 0) throw new AarPdfError(missing);

  doc.setTitle(`Báo cáo sau diễn tập: ${report.drillTitle}`, { showInWindowTitleBar: true });
  doc.setLanguage('vi');
  doc.setCreator('Sổ tay trực ban');
  doc.setProducer('Sổ tay trực ban (pdf-lib)');

  const writer = new Writer(doc, regular, bold);
  drawHeading(writer, heading, report.drillTitle.normalize('NFC'));
  for (const block of content) {
    if (block.kind === 'text') writer.paragraph(block);
    else if (block.kind === 'lines') writer.writingLines(block);
    else writer.labelled(block);
  }
  drawSignatures(writer);

  const { pages } = writer;
  pages.forEach((each, index) => {
    const footer = `${report.drillTitle} · Báo cáo sau diễn tập · Trang ${index + 1}/${pages.length}`;
    each.drawText(wrapLines(footer, regular, 8.5, WIDTH)[0] ?? '', {
      x: MARGIN.left,
      y: MARGIN.bottom / 2,
      size: 8.5,
      font: regular,
      color: rgb(0.3, 0.3, 0.3),
    });
  });
  return doc.save();
}
