/**
 * A published article compared with the article the handbook stores, provision by
 * provision: each point unchanged, changed (with the words added and removed), removed or
 * added, and the headings that differ. Texts are compared as the build's fidelity gate
 * compares them: NFC, runs of white space as one space.
 *
 * The word diff is jsdiff's `diffWords` (the `diff` package, which Astro already brings): its
 * tokeniser keeps a Vietnamese word with its tone marks whole and punctuation apart, so that
 * "báo cáo," → "báo cáo bằng văn bản," shows three words added, not "cáo," replaced.
 */
import { diffArrays, diffWords } from 'diff';
import type { Provision } from './provisions.ts';
import { canonical } from '../vi.ts';

/** A run of the text, with its own spaces: the parts joined give the text back. */
export type WordPart = { kind: 'same' | 'added' | 'removed'; text: string };

export type ChangeStatus = 'unchanged' | 'changed' | 'removed' | 'added';

export interface PointChange {
  eId: string;
  /** "điểm b khoản 1 Điều 7". */
  label: string;
  status: ChangeStatus;
  /** The stored text (absent for an added point). */
  before?: string;
  /** The published text (absent for a removed point). */
  after?: string;
  /** For a changed point: its words, kept, removed and added, in reading order. */
  words?: WordPart[];
}

/** A heading of the article, a clause or a sub-clause that differs (or a clause added or removed). */
export interface HeadingChange {
  eId: string;
  label: string;
  status: Exclude<ChangeStatus, 'unchanged'>;
  before?: string;
  after?: string;
  words?: WordPart[];
}

export interface ArticleDiff {
  num: string;
  /** Whether the handbook has this article at all (else every point is added). */
  stored: boolean;
  points: PointChange[];
  headings: HeadingChange[];
}

/** The words of two texts, kept, removed and added. */
export function wordDiff(before: string, after: string): WordPart[] {
  return diffWords(canonical(before), canonical(after)).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

/**
 * A changed run's spaces, kept out of its marks: " trong ca trực " → [" ", "trong ca trực",
 * " "], so that a mark never starts or ends with a space.
 */
export function spaced(text: string): [string, string, string] {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  return [match?.[1] ?? '', match?.[2] ?? text, match?.[3] ?? ''];
}

const same = (a: string | undefined, b: string | undefined): boolean =>
  canonical(a ?? '') === canonical(b ?? '');

/**
 * Compares one article: `stored` is the handbook's provisions of it (none: a new article),
 * `published` the provisions of the published text, both in document order.
 */
export function diffArticle(
  num: string,
  stored: readonly Provision[],
  published: readonly Provision[],
): ArticleDiff {
  const before = new Map(stored.map((p) => [p.eId, p]));
  const after = new Map(published.map((p) => [p.eId, p]));
  // Both lists in document order, merged so that a removed point stays where it was.
  const order = diffArrays(
    stored.map((p) => p.eId),
    published.map((p) => p.eId),
  ).flatMap((part) => part.value);

  const points: PointChange[] = [];
  const headings: HeadingChange[] = [];
  for (const eId of order) {
    const old = before.get(eId);
    const now = after.get(eId);
    const provision = (now ?? old)!;
    if (provision.kind === 'point') {
      points.push(pointChange(eId, provision.label, old?.text, now?.text));
      continue;
    }
    const heading = headingChange(eId, provision, old, now);
    if (heading) headings.push(heading);
  }
  return { num, stored: stored.length > 0, points, headings };
}

function pointChange(
  eId: string,
  label: string,
  before: string | undefined,
  after: string | undefined,
): PointChange {
  if (before === undefined) return { eId, label, status: 'added', after: after ?? '' };
  if (after === undefined) return { eId, label, status: 'removed', before };
  if (same(before, after)) return { eId, label, status: 'unchanged', before, after };
  return { eId, label, status: 'changed', before, after, words: wordDiff(before, after) };
}

/** A clause or sub-clause added or removed is a heading added or removed; an article's heading may come or go alone. */
function headingChange(
  eId: string,
  provision: Provision,
  old: Provision | undefined,
  now: Provision | undefined,
): HeadingChange | undefined {
  const label = provision.kind === 'article' ? `tiêu đề Điều ${provision.num}` : provision.label;
  const before = old?.heading;
  const after = now?.heading;
  if (provision.kind !== 'article' && (!old || !now)) {
    return {
      eId,
      label,
      status: old ? 'removed' : 'added',
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
    };
  }
  if (same(before, after)) return undefined;
  if (before === undefined) return { eId, label, status: 'added', after: after ?? '' };
  if (after === undefined) return { eId, label, status: 'removed', before };
  return { eId, label, status: 'changed', before, after, words: wordDiff(before, after) };
}

/** How many points are in each state. */
export function countPoints(diffs: readonly ArticleDiff[]): Record<ChangeStatus, number> {
  const counts: Record<ChangeStatus, number> = { unchanged: 0, changed: 0, removed: 0, added: 0 };
  for (const diff of diffs) for (const point of diff.points) counts[point.status]++;
  return counts;
}

/** Whether anything differs: a point or a heading. */
export const hasChanges = (diffs: readonly ArticleDiff[]): boolean =>
  diffs.some((d) => d.headings.length > 0 || d.points.some((p) => p.status !== 'unchanged'));
