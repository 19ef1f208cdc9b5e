/**
 * The after-action report as a PDF a trainer can hand on: report + the drill's sheet + the
 * journal's fonts → PDF bytes. Pure (no DOM, no file system): the trainer page calls it in
 * the browser, the tests in Node. Plain text on A4 pages, in the journal's Tinos (embedded
 * whole, so every Vietnamese letter renders and text can be copied); a character the font
 * lacks is refused with its name, never drawn as an empty box.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { describeCharacter, missingCharacters } from '../journal/charset.ts';
import type { JournalFonts } from '../journal/pdf.ts';
import { formatDateVi } from '../vi.ts';
import { RATING_LABELS, RATINGS, ratingCounts, reportFileName, type Report } from './aar.ts';

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
const MARGIN = 56;
const WIDTH = PAGE.width - 2 * MARGIN;
const BODY = 10.5;
const LEADING = 1.35;
const NOT_WRITTEN = '(chưa ghi)';

interface Block {
  text: string;
  size: number;
  bold?: boolean;
  /** Space above, in points. */
  before?: number;
  indent?: number;
}

/** The report as a list of paragraphs, in reading order. */
function blocks(report: Report, sheet: AarSheet): Block[] {
  const out: Block[] = [];
  const heading = (text: string) => out.push({ text, size: 13, bold: true, before: 14 });
  const para = (text: string, extra: Partial<Block> = {}) =>
    out.push({ text, size: BODY, before: 3, ...extra });
  const field = (label: string, value: string) => para(`${label}: ${value || NOT_WRITTEN}`);

  out.push({ text: 'Báo cáo sau diễn tập', size: 18, bold: true });
  out.push({ text: report.drillTitle, size: 13, bold: true, before: 4 });

  heading('Buổi diễn tập');
  const { date, place, facilitator, evaluator, participants } = report.exercise;
  field('Ngày diễn tập', date ? formatDateVi(date) : '');
  field('Địa điểm', place);
  field('Người điều hành', facilitator);
  field('Người đánh giá', evaluator);
  field('Người tham gia và vai trò', participants.includes('\n') ? '' : participants);
  if (participants.includes('\n'))
    for (const line of participants.split('\n')) para(line, { indent: 14, before: 1 });

  heading('Đánh giá từng tình huống');
  const ids = sheet.injects.map((inject) => inject.id);
  const counts = ratingCounts(report, ids);
  para(
    `Tổng hợp ${ids.length} thẻ: ${RATINGS.map((r) => `${RATING_LABELS[r].toLowerCase()} ${counts[r]}`).join(', ')}, chưa đánh giá ${counts.none}.`,
  );
  for (const inject of sheet.injects) {
    const evaluation = report.evaluations[inject.id];
    out.push({ text: inject.heading, size: BODY, bold: true, before: 8 });
    para(inject.question, { before: 1 });
    para(`Đánh giá: ${evaluation?.rating ? RATING_LABELS[evaluation.rating] : 'chưa đánh giá'}`, {
      before: 1,
    });
    if (evaluation?.note) para(`Điều quan sát được: ${evaluation.note}`, { before: 1 });
  }

  heading('Rút kinh nghiệm ngay sau buổi');
  para(report.hotWash || NOT_WRITTEN);

  for (const [title, items] of [
    ['Điểm mạnh', report.strengths],
    ['Điểm cần cải thiện', report.improvements],
  ] as const) {
    heading(title);
    if (items.length === 0) para(NOT_WRITTEN);
    for (const item of items) para(`• ${item}`, { indent: 8 });
  }

  heading('Hành động khắc phục');
  if (report.actions.length === 0) para(NOT_WRITTEN);
  report.actions.forEach((action, index) => {
    out.push({ text: `${index + 1}. ${action.action}`, size: BODY, before: 6 });
    para(
      `Người chịu trách nhiệm: ${action.owner || NOT_WRITTEN} · Thời hạn: ${action.due ? formatDateVi(action.due) : NOT_WRITTEN}`,
      {
        indent: 14,
        before: 1,
      },
    );
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

/** The report as PDF bytes. Throws AarPdfError when some text has a character the font lacks. */
export async function aarPdf(
  report: Report,
  sheet: AarSheet,
  fonts: JournalFonts,
): Promise<Uint8Array> {
  const content = blocks(report, sheet).map((block) => ({
    ...block,
    text: block.text.normalize('NFC'),
  }));

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Whole fonts, as the journal embeds them (already cut to the Vietnamese alphabet, ~22 KB each).
  const regular = await doc.embedFont(fonts.regular, { subset: false });
  const bold = await doc.embedFont(fonts.bold, { subset: false });
  const inBold = new Set(bold.getCharacterSet());
  const available = new Set(regular.getCharacterSet().filter((c) => inBold.has(c)));
  const missing = missingCharacters(content.map((block) => block.text).join('\n'), available);
  if (missing.length > 0) throw new AarPdfError(missing);

  doc.setTitle(`Báo cáo sau diễn tập: ${report.drillTitle}`, { showInWindowTitleBar: true });
  doc.setLanguage('vi');
  doc.setCreator('Sổ tay trực ban');
  doc.setProducer('Sổ tay trực ban (pdf-lib)');

  const pages: PDFPage[] = [];
  let page = doc.addPage([PAGE.width, PAGE.height]);
  pages.push(page);
  let y = PAGE.height - MARGIN;
  for (const block of content) {
    const font = block.bold ? bold : regular;
    const height = block.size * LEADING;
    const indent = block.indent ?? 0;
    y -= block.before ?? 0;
    const lines = wrapLines(block.text, font, block.size, WIDTH - indent);
    // A heading never ends a page: it moves on with the first lines that follow it.
    const keep = block.bold && block.size > BODY ? 3 : 1;
    if (y - height * Math.min(lines.length + keep - 1, lines.length + 2) < MARGIN) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      pages.push(page);
      y = PAGE.height - MARGIN;
    }
    for (const line of lines) {
      if (y - height < MARGIN) {
        page = doc.addPage([PAGE.width, PAGE.height]);
        pages.push(page);
        y = PAGE.height - MARGIN;
      }
      y -= height;
      page.drawText(line, {
        x: MARGIN + indent,
        y: y + (height - block.size) / 2,
        size: block.size,
        font,
        color: rgb(0, 0, 0),
      });
    }
  }
  pages.forEach((each, index) => {
    const footer = `${report.drillTitle} · Báo cáo sau diễn tập · Trang ${index + 1}/${pages.length}`;
    each.drawText(wrapLines(footer, regular, 8.5, WIDTH)[0] ?? '', {
      x: MARGIN,
      y: MARGIN / 2,
      size: 8.5,
      font: regular,
      color: rgb(0.3, 0.3, 0.3),
    });
  });
  return doc.save();
}
