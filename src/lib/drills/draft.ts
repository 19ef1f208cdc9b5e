/**
 * A trainer's report draft as kept in the browser, one of the stores of src/lib/store/kept.ts:
 * the report's fields by path ("exercise.place", "evaluations.x.note", "actions.0.owner"),
 * each with the stamp of its last change, so that two tabs merge it as they merge shift runs:
 * per field, the higher stamp wins and a tie goes to the larger value, the same in both tabs
 * whatever the order they hear each other in. (The three-way merge this replaces decided from
 * the last draft each tab had read, and two tabs could settle on different values of a field.)
 * A field cleared keeps its stamp, so that an older value does not come back.
 *
 * Format, version 1 (JSON):
 *
 *   { "format": "so-tay-truc-ban/aar-nhap", "version": 1, "drill": "<drill id>",
 *     "fields": { "<path>": value }, "stamps": { "<path>": n } }
 *
 * A draft stored before (a report as saved to a file) is read as one whose fields all have
 * stamp 0.
 */
import { emptyReport, type Report } from './aar.ts';

export const DRAFT_FORMAT = 'so-tay-truc-ban/aar-nhap';
export const DRAFT_VERSION = 1;

export interface Draft {
  format: typeof DRAFT_FORMAT;
  version: typeof DRAFT_VERSION;
  drill: string;
  fields: Record<string, unknown>;
  stamps: Record<string, number>;
}

const json = (value: unknown): string => JSON.stringify(value) ?? '';

/** The report's own fields (what the trainer types), by path; empty lists and objects stand for nothing. */
export function fieldsOf(report: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    } else out[path] = value;
  };
  const { exercise, evaluations, hotWash, strengths, improvements, actions } = report;
  walk({ exercise, evaluations, hotWash, strengths, improvements, actions }, '');
  return out;
}

/** The report a draft holds (lists in the order of their indexes, gaps closed). */
export function reportOf(draft: Draft, drillTitle: string): Report {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(draft.fields)) {
    const parts = path.split('.');
    let node = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  const asList = (value: unknown) =>
    value && typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([, inner]) => inner)
      : [];
  const report = emptyReport(draft.drill, drillTitle);
  return {
    ...report,
    exercise: { ...report.exercise, ...(root.exercise as Report['exercise'] | undefined) },
    evaluations: Object.fromEntries(
      Object.entries((root.evaluations ?? {}) as Record<string, object>).map(([id, inner]) => [
        id,
        { rating: null, note: '', ...inner },
      ]),
    ) as Report['evaluations'],
    hotWash: (root.hotWash as string | undefined) ?? '',
    strengths: asList(root.strengths) as string[],
    improvements: asList(root.improvements) as string[],
    // A row merged from two tabs (one removed it, the other changed a cell) lacks nothing.
    actions: asList(root.actions).map((row) => ({
      action: '',
      owner: '',
      due: '',
      ...(row as object),
    })),
  };
}

const highest = (draft: Draft): number => Math.max(0, ...Object.values(draft.stamps));

/**
 * The draft after the trainer's change: each field whose value differs from `before` gets a
 * stamp above every stamp so far (and not before `now`, in ms); the others keep theirs.
 * Returns the paths changed too, for the page to track as its edits.
 */
export function changeDraft(
  before: Draft,
  report: Report,
  now: number,
): { draft: Draft; changed: string[] } {
  const fields = fieldsOf(report);
  const stamp = Math.max(now, highest(before) + 1);
  const stamps = { ...before.stamps };
  const changed: string[] = [];
  for (const path of new Set([...Object.keys(before.fields), ...Object.keys(fields)])) {
    if (json(before.fields[path]) === json(fields[path])) continue;
    stamps[path] = stamp;
    changed.push(path);
  }
  return { draft: { ...before, fields, stamps }, changed };
}

export const emptyDraft = (drill: string): Draft => ({
  format: DRAFT_FORMAT,
  version: DRAFT_VERSION,
  drill,
  fields: {},
  stamps: {},
});

/** A draft from a report (a draft stored before version 1, or a file opened): every field at stamp 0. */
export const draftFromReport = (report: Report): Draft => ({
  ...emptyDraft(report.drill),
  fields: fieldsOf(report),
});

/** Two drafts of one drill as one: per field the higher stamp, then the larger value. */
export function mergeDrafts(a: Draft, b: Draft): Draft {
  const fields: Record<string, unknown> = {};
  const stamps: Record<string, number> = {};
  const paths = new Set([
    ...Object.keys(a.fields),
    ...Object.keys(b.fields),
    ...Object.keys(a.stamps),
    ...Object.keys(b.stamps),
  ]);
  for (const path of [...paths].sort()) {
    const [sa, sb] = [a.stamps[path] ?? 0, b.stamps[path] ?? 0];
    const [va, vb] = [a.fields[path], b.fields[path]];
    const value = sa !== sb ? (sa > sb ? va : vb) : json(va) >= json(vb) ? va : vb;
    if (value !== undefined) fields[path] = value;
    if (Math.max(sa, sb) > 0) stamps[path] = Math.max(sa, sb);
  }
  return { ...a, fields, stamps };
}

/** A field this tab changed that the merge replaced with the other tab's value: both are shown. */
export interface DraftConflict {
  path: string;
  kept: unknown;
  mine: unknown;
}

/**
 * What this tab's edits (paths) became when it took the merge of another tab's draft: those
 * replaced (shown with both values), and those still to track, the other tab not having seen
 * them yet. The same step as the shift runs' (src/lib/checklist/merge.ts, followEdits).
 */
export function followDraftEdits(
  mine: Draft,
  theirs: Draft,
  merged: Draft,
  edited: ReadonlySet<string>,
): { conflicts: DraftConflict[]; edited: Set<string> } {
  const conflicts: DraftConflict[] = [];
  const unseen = new Set<string>();
  const version = (draft: Draft, path: string) =>
    json([draft.fields[path] ?? null, draft.stamps[path] ?? 0]);
  for (const path of edited) {
    if (json(merged.fields[path]) !== json(mine.fields[path]))
      conflicts.push({ path, kept: merged.fields[path] ?? '', mine: mine.fields[path] ?? '' });
    else if (version(theirs, path) !== version(mine, path)) unseen.add(path);
  }
  return { conflicts, edited: unseen };
}
