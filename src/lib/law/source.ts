/**
 * Reads the law out of the source document: the lines from `law.from` to `law.to`,
 * split into clauses ("1. …"), sub-clauses ("3.1. …") and lettered points ("a) …").
 * The result is what the stored article must match, word for word.
 */
import { canonical } from '../vi.ts';

export interface SourcePoint {
  num: string;
  text: string;
}
export interface SourceSubparagraph {
  num: string;
  heading: string;
  points: SourcePoint[];
}
export interface SourceParagraph {
  num: string;
  heading: string;
  points: SourcePoint[];
  subparagraphs: SourceSubparagraph[];
}

export class SourceParseError extends Error {}

/** Extracts the law between two markers; throws a SourceParseError if the text is not shaped as expected. */
export function parseLaw(sourceText: string, law: { from: string; to: string }): SourceParagraph[] {
  const lines = sourceText
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const start = lines.findIndex((line) => line === canonical(law.from));
  const end = lines.findIndex((line, index) => index >= start && line.endsWith(canonical(law.to)));
  if (start < 0) throw new SourceParseError(`The source has no line "${law.from}"`);
  if (end < 0)
    throw new SourceParseError(`The source has no line ending "${law.to}" after "${law.from}"`);

  const paragraphs: SourceParagraph[] = [];
  for (const line of lines.slice(start, end + 1)) {
    const sub = /^(\d+\.\d+)\.\s+(.+)$/.exec(line);
    const para = /^(\d+)\.\s+(.+)$/.exec(line);
    const point = /^([a-zđ])\)\s+(.+)$/.exec(line);
    const current = paragraphs.at(-1);
    if (sub?.[1] && sub[2]) {
      if (!current) throw new SourceParseError(`Sub-clause before any clause: "${line}"`);
      current.subparagraphs.push({ num: sub[1], heading: sub[2], points: [] });
    } else if (para?.[1] && para[2]) {
      paragraphs.push({ num: para[1], heading: para[2], points: [], subparagraphs: [] });
    } else if (point?.[1] && point[2]) {
      if (!current) throw new SourceParseError(`Point before any clause: "${line}"`);
      const holder = current.subparagraphs.at(-1) ?? current;
      holder.points.push({ num: point[1], text: point[2] });
    } else {
      throw new SourceParseError(`Unexpected line inside the law: "${line}"`);
    }
  }
  return paragraphs;
}

/** The first word where two texts differ (after NFC and white-space normalisation), for error messages. */
export function firstDifference(
  actual: string,
  expected: string,
): { index: number; found: string; expected: string } | undefined {
  const a = canonical(actual).split(' ');
  const e = canonical(expected).split(' ');
  for (let index = 0; index < Math.max(a.length, e.length); index++) {
    if (a[index] !== e[index])
      return { index, found: a[index] ?? '(end)', expected: e[index] ?? '(end)' };
  }
  return undefined;
}
