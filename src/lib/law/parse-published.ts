/**
 * Reads articles as Vietnamese legal documents print them: «Điều 7. Tiêu đề», clauses
 * «1. …», sub-clauses «3.1. …», points «a) …» in the order a b c d đ e g h i k l m n o p q r
 * s t u v x y (a text may go from d to e without đ, as the source of Article 7 does; an
 * import never invents the missing letter). Each clause, sub-clause and point is one line,
 * as web pages and office documents give them.
 *
 * The article's own lines are found in a longer text (a web page's lead-in, a footer):
 * with «Điều N.» lines, each article runs from its heading to its last numbered line; without
 * one, the caller names the article and it runs from the first «1. …» line to the last
 * numbered line. Lines outside are left out and listed. A numbered line outside every
 * article, or an unnumbered line among an article's numbered ones, is refused: the text may
 * be law the import would lose.
 */
import { canonical } from '../vi.ts';

export interface PublishedPoint {
  num: string;
  text: string;
  /** 1-based line in the text. */
  line: number;
}
export interface PublishedSubparagraph {
  num: string;
  heading: string;
  line: number;
  points: PublishedPoint[];
}
export interface PublishedParagraph {
  num: string;
  heading: string;
  line: number;
  points: PublishedPoint[];
  subparagraphs: PublishedSubparagraph[];
}
export interface PublishedArticle {
  num: string;
  /** The title after «Điều N.», if the text gives one. */
  heading?: string;
  /** The «Điều N.» line, or the first clause's where the text has none. */
  line: number;
  /** The article's last numbered line. */
  lastLine: number;
  paragraphs: PublishedParagraph[];
}

/** A run of lines the import left out (blank lines inside a run are not counted). */
export interface LeftOut {
  from: number;
  to: number;
  /** The non-blank lines of the run, trimmed. */
  lines: string[];
}

export interface PublishedText {
  articles: PublishedArticle[];
  leftOut: LeftOut[];
}

/** A text the import refuses, with the 1-based line at fault. Its message starts «dòng N: ». */
export class PublishedTextError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `dòng ${line}: ${reason}` : reason);
    this.name = 'PublishedTextError';
  }
}

/** The letters Vietnamese legal texts number points with, in order (no f, j, w, z). */
export const POINT_LETTERS = [...'abcdđeghiklmnopqrstuvxy'];

/** The letters allowed after `letter`: the next one, and after d also e (đ may be absent). */
export function nextLetters(letter: string | undefined): string[] {
  if (letter === undefined) return ['a'];
  const index = POINT_LETTERS.indexOf(letter);
  const next = POINT_LETTERS[index + 1];
  if (index < 0 || next === undefined) return [];
  const after = POINT_LETTERS[index + 2];
  return next === 'đ' && after ? [next, after] : [next];
}

export type LineShape =
  | { kind: 'article'; num: string; heading: string }
  | { kind: 'subpara'; para: string; sub: string; heading: string }
  | { kind: 'para'; num: string; heading: string }
  | { kind: 'point'; num: string; text: string }
  /** «) …»: a point whose letter is missing. */
  | { kind: 'letterless'; text: string }
  | { kind: 'blank' }
  | { kind: 'other'; text: string };

/** What one line of a published text is. */
export function lineShape(raw: string): LineShape {
  const line = canonical(raw);
  if (line === '') return { kind: 'blank' };
  let match = /^Điều\s+([0-9]+[a-z]?)\.(?:\s+(.*))?$/u.exec(line);
  if (match?.[1]) return { kind: 'article', num: match[1], heading: match[2] ?? '' };
  match = /^([0-9]+)\.([0-9]+)\.\s+(.+)$/u.exec(line);
  if (match?.[1] && match[2] && match[3])
    return { kind: 'subpara', para: match[1], sub: match[2], heading: match[3] };
  match = /^([0-9]+)\.\s+(.+)$/u.exec(line);
  if (match?.[1] && match[2]) return { kind: 'para', num: match[1], heading: match[2] };
  match = /^(\p{Ll})\)\s+(.+)$/u.exec(line);
  if (match?.[1] && match[2]) return { kind: 'point', num: match[1], text: match[2] };
  match = /^\)\s*(.*)$/u.exec(line);
  if (match) return { kind: 'letterless', text: match[1] ?? '' };
  return { kind: 'other', text: line };
}

const isNumbered = (shape: LineShape): boolean =>
  shape.kind === 'subpara' ||
  shape.kind === 'para' ||
  shape.kind === 'point' ||
  shape.kind === 'letterless';

/** At most about 60 characters of a line, for messages (the line number says where the rest is). */
export function excerpt(text: string): string {
  const line = canonical(text);
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line;
}

interface Line {
  number: number;
  shape: LineShape;
}

/**
 * The articles of a published text. `article` names the article when the text has no
 * «Điều N.» line, and picks one article out of several when it has. Throws a
 * PublishedTextError naming the line at fault.
 */
export function parsePublished(text: string, options: { article?: string } = {}): PublishedText {
  const lines: Line[] = text
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ number: index + 1, shape: lineShape(raw) }));
  const headings = lines.filter((l) => l.shape.kind === 'article');
  const spans =
    headings.length > 0
      ? spansWithHeadings(lines, headings)
      : [spanWithout(lines, options.article)];

  const seen = new Map<string, number>();
  const used = new Set<number>();
  const articles: PublishedArticle[] = [];
  for (const span of spans) {
    const article = readArticle(span.num, span.heading, span.lines);
    const first = seen.get(article.num);
    if (first !== undefined)
      throw new PublishedTextError(
        article.line,
        `Điều ${article.num} lặp lại (đã có ở dòng ${first})`,
      );
    seen.set(article.num, article.line);
    if (options.article === undefined || options.article === article.num) {
      articles.push(article);
      for (const line of span.lines) used.add(line.number);
    }
  }
  if (options.article !== undefined && articles.length === 0) {
    throw new PublishedTextError(
      0,
      `văn bản không có Điều ${options.article} (có ${[...seen.keys()].map((n) => `Điều ${n}`).join(', ')})`,
    );
  }
  return { articles, leftOut: leftOut(lines, used) };
}

interface Span {
  num: string;
  heading?: string;
  /** The article's lines, from its heading (or first clause) to its last numbered line. */
  lines: Line[];
}

/** Each «Điều N.» line starts an article that ends at its last numbered line before the next one. */
function spansWithHeadings(lines: Line[], headings: Line[]): Span[] {
  const strayBefore = lines.find((l) => l.number < headings[0]!.number && isNumbered(l.shape));
  if (strayBefore) {
    throw new PublishedTextError(
      strayBefore.number,
      `«${excerpt(textOf(strayBefore.shape))}» là khoản hoặc điểm nhưng nằm trước dòng «Điều …» đầu tiên`,
    );
  }
  return headings.map((heading, index) => {
    const next = headings[index + 1]?.number ?? Number.POSITIVE_INFINITY;
    const body = lines.filter((l) => l.number > heading.number && l.number < next);
    const last = body.findLast((l) => isNumbered(l.shape))?.number ?? heading.number;
    const shape = heading.shape as Extract<LineShape, { kind: 'article' }>;
    return {
      num: shape.num,
      ...(shape.heading ? { heading: shape.heading } : {}),
      lines: [heading, ...body.filter((l) => l.number <= last)],
    };
  });
}

/** Without «Điều N.» lines: the article the caller names, from the first «1. …» line to the last numbered line. */
function spanWithout(lines: Line[], article: string | undefined): Span {
  const first = lines.find((l) => l.shape.kind === 'para' && l.shape.num === '1');
  if (!first) {
    throw new PublishedTextError(
      0,
      'không tìm thấy điều nào: văn bản không có dòng «Điều N. …» cũng không có khoản «1. …»',
    );
  }
  if (article === undefined) {
    throw new PublishedTextError(
      0,
      'văn bản không có dòng «Điều N. …»: cho biết đó là điều nào bằng --article N',
    );
  }
  const stray = lines.find((l) => l.number < first.number && isNumbered(l.shape));
  if (stray) {
    throw new PublishedTextError(
      stray.number,
      `«${excerpt(textOf(stray.shape))}» là khoản hoặc điểm nhưng nằm trước khoản 1 của Điều ${article}`,
    );
  }
  const last = lines.findLast((l) => isNumbered(l.shape))!.number;
  return { num: article, lines: lines.filter((l) => l.number >= first.number && l.number <= last) };
}

function textOf(shape: LineShape): string {
  switch (shape.kind) {
    case 'article':
      return shape.heading ? `Điều ${shape.num}. ${shape.heading}` : `Điều ${shape.num}.`;
    case 'para':
      return `${shape.num}. ${shape.heading}`;
    case 'subpara':
      return `${shape.para}.${shape.sub}. ${shape.heading}`;
    case 'point':
      return `${shape.num}) ${shape.text}`;
    case 'letterless':
      return `) ${shape.text}`;
    case 'other':
      return shape.text;
    case 'blank':
      return '';
  }
}

/** One article's lines, checked for order: clauses 1, 2, 3…; sub-clauses 3.1, 3.2…; points a, b, c… */
function readArticle(num: string, heading: string | undefined, lines: Line[]): PublishedArticle {
  const paragraphs: PublishedParagraph[] = [];
  const firstLine = lines[0]?.number ?? 0;
  const where = `Điều ${num}`;
  // Where each clause, sub-clause and point was first seen, for «lặp lại» messages.
  const seenAt = new Map<string, number>();
  let lastPointOf: { holder: string; letter?: string } = { holder: '' };

  for (const { number, shape } of lines) {
    const fail = (reason: string): never => {
      throw new PublishedTextError(number, reason);
    };
    const para = paragraphs.at(-1);
    switch (shape.kind) {
      case 'blank':
      case 'article':
        break;
      case 'other':
        fail(
          para
            ? `«${excerpt(shape.text)}» nằm giữa các khoản, điểm của ${where} nhưng không bắt đầu bằng số khoản hay chữ cái của điểm (một điểm thiếu chữ cái, hay một khoản, điểm viết tiếp xuống dòng?)`
            : `«${excerpt(shape.text)}» nằm giữa dòng «Điều ${num}.» và khoản 1 nhưng không đánh số; nội dung của sổ tay chỉ giữ các khoản, điểm đánh số`,
        );
        break;
      case 'letterless':
        fail(`điểm thiếu chữ cái trước dấu «)»: «${excerpt(textOf(shape))}»`);
        break;
      case 'para': {
        const first = seenAt.get(shape.num);
        if (first !== undefined) fail(`khoản ${shape.num} lặp lại (đã có ở dòng ${first})`);
        const expected = String(paragraphs.length + 1);
        if (shape.num !== expected) {
          fail(
            para
              ? `khoản ${shape.num} không đúng thứ tự: sau khoản ${para.num} phải là khoản ${expected}`
              : `khoản đầu tiên của ${where} phải là khoản 1, không phải khoản ${shape.num}`,
          );
        }
        if (para) checkNotEmpty(para);
        seenAt.set(shape.num, number);
        paragraphs.push({
          num: shape.num,
          heading: shape.heading,
          line: number,
          points: [],
          subparagraphs: [],
        });
        break;
      }
      case 'subpara': {
        const label = `${shape.para}.${shape.sub}`;
        if (!para) fail(`khoản ${label} nằm trước khoản nào của ${where}`);
        else if (shape.para !== para.num)
          fail(
            `khoản ${label} nằm trong khoản ${para.num} (dòng ${para.line}); khoản con của khoản ${para.num} đánh số ${para.num}.1, ${para.num}.2…`,
          );
        else {
          const first = seenAt.get(label);
          if (first !== undefined) fail(`khoản ${label} lặp lại (đã có ở dòng ${first})`);
          const previous = para.subparagraphs.at(-1);
          const expected = `${para.num}.${para.subparagraphs.length + 1}`;
          if (label !== expected) {
            fail(
              previous
                ? `khoản ${label} không đúng thứ tự: sau khoản ${previous.num} phải là khoản ${expected}`
                : `khoản con đầu tiên của khoản ${para.num} phải là khoản ${expected}, không phải khoản ${label}`,
            );
          }
          if (para.points.length > 0)
            fail(
              `khoản ${para.num} đã có điểm (từ dòng ${para.points[0]!.line}); một khoản có điểm hoặc có khoản con, không có cả hai`,
            );
          if (previous) checkNotEmpty(previous);
          seenAt.set(label, number);
          para.subparagraphs.push({ num: label, heading: shape.heading, line: number, points: [] });
        }
        break;
      }
      case 'point': {
        if (!para) fail(`điểm ${shape.num}) nằm trước khoản nào của ${where}`);
        const holder = para!.subparagraphs.at(-1) ?? para!;
        const holderLabel = `khoản ${holder.num}`;
        if (lastPointOf.holder !== holderLabel) lastPointOf = { holder: holderLabel };
        const key = `${holder.num} ${shape.num}`;
        const first = seenAt.get(key);
        if (first !== undefined)
          fail(`điểm ${shape.num} của ${holderLabel} lặp lại (đã có ở dòng ${first})`);
        if (!POINT_LETTERS.includes(shape.num)) {
          fail(
            `«${shape.num})»: văn bản tiếng Việt không đánh số điểm bằng chữ ${shape.num} (thứ tự là ${POINT_LETTERS.join(', ')})`,
          );
        }
        const allowed = nextLetters(lastPointOf.letter);
        if (!allowed.includes(shape.num))
          fail(orderMessage(shape.num, lastPointOf.letter, holderLabel));
        seenAt.set(key, number);
        lastPointOf.letter = shape.num;
        holder.points.push({ num: shape.num, text: shape.text, line: number });
        break;
      }
    }
  }
  const para = paragraphs.at(-1);
  if (!para) throw new PublishedTextError(firstLine, `${where} không có khoản nào («1. …»)`);
  checkNotEmpty(para);
  return {
    num,
    ...(heading ? { heading } : {}),
    line: firstLine,
    lastLine: lines.at(-1)?.number ?? firstLine,
    paragraphs,
  };
}

/** Why a point's letter cannot come here: a letter left out, or one out of order. */
function orderMessage(letter: string, previous: string | undefined, holder: string): string {
  const allowed = nextLetters(previous);
  const at = POINT_LETTERS.indexOf(letter);
  if (previous === undefined)
    return `điểm đầu tiên của ${holder} phải là điểm a, không phải điểm ${letter}`;
  const expected = allowed.join(' hoặc điểm ');
  if (at > POINT_LETTERS.indexOf(previous)) {
    // đ may be absent (the source of Article 7 goes from d to e): it is never missing.
    const missing = POINT_LETTERS.slice(POINT_LETTERS.indexOf(previous) + 1, at).filter(
      (l) => l !== 'đ',
    );
    return `điểm ${letter} đứng ngay sau điểm ${previous} của ${holder}: thiếu điểm ${missing.join(', ')} (sau điểm ${previous} phải là điểm ${expected})`;
  }
  return `điểm ${letter} không đúng thứ tự: sau điểm ${previous} của ${holder} phải là điểm ${expected}`;
}

/** The project's schema holds a clause with points or sub-clauses, and a sub-clause with points. */
function checkNotEmpty(holder: PublishedParagraph | PublishedSubparagraph): void {
  const subs = 'subparagraphs' in holder ? holder.subparagraphs : [];
  if (holder.points.length === 0 && subs.length === 0) {
    throw new PublishedTextError(
      holder.line,
      `khoản ${holder.num} không có điểm ${'subparagraphs' in holder ? 'hay khoản con ' : ''}nào; nội dung của sổ tay chỉ giữ khoản có điểm (a), b)…)`,
    );
  }
}

/** The non-blank lines not used, in runs (blank lines do not break a run). */
function leftOut(lines: Line[], used: ReadonlySet<number>): LeftOut[] {
  const runs: LeftOut[] = [];
  let run: LeftOut | undefined;
  for (const { number, shape } of lines) {
    if (used.has(number)) {
      run = undefined;
      continue;
    }
    if (shape.kind === 'blank') continue;
    const text = textOf(shape);
    if (run) {
      run.to = number;
      run.lines.push(text);
    } else {
      run = { from: number, to: number, lines: [text] };
      runs.push(run);
    }
  }
  return runs;
}
