/**
 * The half of a trainer's draft (draft.ts) that reads and merges: the report a draft holds,
 * a draft from a report, the merge of two tabs' drafts and the edits it replaced. Loaded with
 * the draft's reader (aar-schema.ts), never with the trainer page's first paint.
 */
import { emptyReport, type Report } from './aar.ts';
import { emptyDraft, fieldsOf, json, type Draft } from './draft.ts';

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
