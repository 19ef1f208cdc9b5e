/**
 * Spans of the law and quotations, as pure functions over strings. Used by integrity.ts
 * for two build gates: (1) every `carries` span of a checklist item or flow step is a
 * verbatim part of the point it cites, and every word of a point is carried by some
 * checklist item (connecting words aside); (2) text between curly double quotes “…” in
 * the content is the law: a verbatim part of a point cited by the same statement.
 * Matching ignores the case of the first letter only (a quotation may start mid-sentence)
 * and runs of white space (YAML folds lines).
 */
import { canonical, upperFirst } from '../vi.ts';

/** Words that join the parts of a point; a point counts as carried without them. */
export const CONNECTING_WORDS: ReadonlySet<string> = new Set([
  'và', 'để', 'thì', 'khi', 'của', 'các', 'với', 'theo', 'cho', 'về', 'đến', 'lên', 'tại', 'trong', 'có',
]);

const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

const isWordChar = (char: string): boolean => /[\p{L}\p{N}]/u.test(char);

/**
 * Where `span` occurs in `text`, as whole words: start offsets in the canonical text. The
 * first letter's case is aside (a quotation may start mid-sentence, a span at its start).
 */
export function occurrences(text: string, span: string): number[] {
  const haystack = canonical(text);
  const needle = canonical(span);
  if (needle === '') return [];
  const found = new Set<number>();
  for (const candidate of new Set([needle, lowerFirst(needle), upperFirst(needle)])) {
    for (let at = haystack.indexOf(candidate); at !== -1; at = haystack.indexOf(candidate, at + 1)) {
      const before = haystack.charAt(at - 1);
      const after = haystack.charAt(at + candidate.length);
      const wholeStart = at === 0 || !isWordChar(before) || !isWordChar(candidate.charAt(0));
      const wholeEnd = after === '' || !isWordChar(after) || !isWordChar(candidate.charAt(candidate.length - 1));
      if (wholeStart && wholeEnd) found.add(at);
    }
  }
  return [...found].sort((a, b) => a - b);
}

export const contains = (text: string, span: string): boolean => occurrences(text, span).length > 0;

interface Word {
  word: string;
  start: number;
  end: number;
}

/** The words of a text with their offsets in the canonical text; punctuation is not a word. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of canonical(text).matchAll(/[\p{L}\p{N}][\p{L}\p{N}/.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)) {
    words.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/**
 * The runs of words of `text` that no span covers, connecting words aside, each run as it
 * reads in the text (e.g. "chịu trách nhiệm"). A span that occurs several times covers each.
 */
export function uncarried(text: string, spans: readonly string[]): string[] {
  const body = canonical(text);
  const covered: [number, number][] = spans.flatMap((span) => {
    const length = canonical(span).length;
    return occurrences(body, span).map((at): [number, number] => [at, at + length]);
  });
  const runs: string[] = [];
  let run: Word[] = [];
  const isConnecting = (w: Word) => CONNECTING_WORDS.has(w.word.toLocaleLowerCase('vi'));
  const close = () => {
    // Connecting words at either end are aside; a run made only of them is carried.
    const first = run.findIndex((w) => !isConnecting(w));
    const last = run.findLastIndex((w) => !isConnecting(w));
    if (first !== -1) runs.push(body.slice(run[first]!.start, run[last]!.end));
    run = [];
  };
  for (const word of wordsOf(body)) {
    const isCovered = covered.some(([from, to]) => word.start >= from && word.end <= to);
    if (isCovered) close();
    else run.push(word);
  }
  close();
  return runs;
}

const notWord = '[^\\p{L}\\p{N}]';

/**
 * Words that make a duty conditional or exclusive. A checklist item's action keeps each one
 * that its carried words have: «chỉ thực hiện khi …» shown as «Thực hiện … khi …» reads as a
 * permission, not a restriction. «chỉ» before «đạo» is "direct", not "only".
 */
export const CONDITION_WORDS: readonly { words: string; pattern: RegExp }[] = [
  { words: 'chỉ', pattern: new RegExp(`(?:^|${notWord})chỉ(?!${notWord}*đạo)(?=${notWord}|$)`, 'iu') },
  { words: 'sau khi', pattern: new RegExp(`(?:^|${notWord})sau khi(?=${notWord}|$)`, 'iu') },
  { words: 'khi', pattern: new RegExp(`(?:^|${notWord})khi(?=${notWord}|$)`, 'iu') },
  { words: 'ngoài giờ hành chính', pattern: new RegExp(`(?:^|${notWord})ngoài giờ hành chính(?=${notWord}|$)`, 'iu') },
];

/** The condition words (CONDITION_WORDS) a text has, in the list's order. */
export const conditionWordsIn = (text: string): string[] =>
  CONDITION_WORDS.filter(({ pattern }) => pattern.test(canonical(text))).map(({ words }) => words);

/** A quotation found in a text: what is between “ and ”, and where it starts. */
export interface Quotation {
  quote: string;
  /** Offset of the opening mark in the text given. */
  index: number;
}

/** Every “…” in a text. An opening mark without its closing one is a quotation to the end. */
export function quotationsIn(text: string): Quotation[] {
  const found: Quotation[] = [];
  for (const match of text.matchAll(/“([^”]*)(?:”|$)/g)) found.push({ quote: match[1] ?? '', index: match.index });
  return found;
}

/** Word-level edit distance (insertions, deletions, substitutions), case-insensitive. */
function wordDistance(a: string[], b: string[]): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * The passage of `texts` nearest to `quote`: the window of words, as long as the quote
 * give or take two words, with the fewest word edits. For error messages only.
 */
export function nearestPassage(quote: string, texts: readonly string[]): string | undefined {
  const target = wordsOf(quote).map((w) => w.word.toLocaleLowerCase('vi'));
  if (target.length === 0) return undefined;
  let best: { passage: string; distance: number } | undefined;
  for (const text of texts) {
    const body = canonical(text);
    const words = wordsOf(body);
    for (let size = Math.max(1, target.length - 2); size <= target.length + 2; size++) {
      for (let start = 0; start + size <= words.length; start++) {
        const window = words.slice(start, start + size);
        const distance = wordDistance(target, window.map((w) => w.word.toLocaleLowerCase('vi')));
        if (!best || distance < best.distance) best = { passage: body.slice(window[0]!.start, window.at(-1)!.end), distance };
      }
    }
  }
  return best?.passage;
}

/**
 * Points named in prose, the way the handbook writes them: "điểm c khoản 3.2" (Điều 7).
 * Returns "3.2 c"-style keys: clause number and point letter.
 */
export function pointsNamedIn(text: string): { clause: string; point: string }[] {
  const named: { clause: string; point: string }[] = [];
  for (const match of text.matchAll(/điểm\s+([a-zđ])\s+khoản\s+([0-9]+(?:\.[0-9]+)?)/giu)) {
    named.push({ point: match[1]!.toLocaleLowerCase('vi'), clause: match[2]! });
  }
  return named;
}
