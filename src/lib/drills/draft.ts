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
import type { Report } from './aar.ts';

export const DRAFT_FORMAT = 'so-tay-truc-ban/aar-nhap';
export const DRAFT_VERSION = 1;

export interface Draft {
  format: typeof DRAFT_FORMAT;
  version: typeof DRAFT_VERSION;
  drill: string;
  fields: Record<string, unknown>;
  stamps: Record<string, number>;
}

export const json = (value: unknown): string => JSON.stringify(value) ?? '';

/**
 * The report's own fields (what the trainer types), by path. A blank field is no field: a
 * tab that never touched it must not stamp its blank over what another tab typed there.
 */
export function fieldsOf(report: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    } else if (value !== '' && value !== null && value !== undefined) out[path] = value;
  };
  const { exercise, evaluations, hotWash, strengths, improvements, actions } = report;
  walk({ exercise, evaluations, hotWash, strengths, improvements, actions }, '');
  return out;
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
