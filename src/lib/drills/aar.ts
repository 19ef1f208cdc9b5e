/**
 * The trainer's evaluation and after-action report (HSEEP) of one drill, as saved to and
 * reopened from a JSON file (and kept as a draft in the browser). Reading a file back is
 * aar-schema.ts (zod/mini), fetched by the page only when it has something to read.
 *
 * Format, version 1 (JSON):
 *
 *   { "format": "so-tay-truc-ban/aar", "version": 1, "drill": "<drill id>", "drillTitle": "…",
 *     "exercise": { "date": "yyyy-mm-dd" | "", "place", "facilitator", "evaluator", "participants" },
 *     "evaluations": { "<inject id>": { "rating": "dat" | "dat-mot-phan" | "chua-dat" | null, "note": "…" } },
 *     "hotWash": "…", "strengths": ["…"], "improvements": ["…"],
 *     "actions": [{ "action": "…", "owner": "…", "due": "yyyy-mm-dd" | "" }],
 *     "savedAt": "<UTC instant>" | null }
 *
 * Evaluations of injects the drill no longer has are kept as they are, so that saving
 * again loses nothing.
 */

export const AAR_FORMAT = 'so-tay-truc-ban/aar';
export const AAR_VERSION = 1;

export const RATINGS = ['dat', 'dat-mot-phan', 'chua-dat'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = {
  dat: 'Đạt',
  'dat-mot-phan': 'Đạt một phần',
  'chua-dat': 'Chưa đạt',
};

export const AAR_LIMITS = { short: 200, note: 2000, long: 6000, list: 30 } as const;

/** A calendar date, yyyy-mm-dd, that exists (no 31/02). */
export const isCalendarDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
};

/** An after-action report (validated when read back by aar-schema.ts). */
export interface Report {
  format: typeof AAR_FORMAT;
  version: typeof AAR_VERSION;
  drill: string;
  drillTitle: string;
  exercise: {
    date: string;
    place: string;
    facilitator: string;
    evaluator: string;
    participants: string;
  };
  evaluations: Record<string, Evaluation>;
  hotWash: string;
  strengths: string[];
  improvements: string[];
  actions: CorrectiveAction[];
  savedAt: string | null;
}
export interface Evaluation {
  rating: Rating | null;
  note: string;
}
export interface CorrectiveAction {
  action: string;
  owner: string;
  due: string;
}

export const emptyReport = (drill: string, drillTitle: string): Report => ({
  format: AAR_FORMAT,
  version: AAR_VERSION,
  drill,
  drillTitle,
  exercise: { date: '', place: '', facilitator: '', evaluator: '', participants: '' },
  evaluations: {},
  hotWash: '',
  strengths: [],
  improvements: [],
  actions: [],
  savedAt: null,
});

/** The file's text: indented JSON, readable in any editor. */
export const serialiseReport = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;

/** "bao-cao-sau-dien-tap-<drill>-<date>.json" */
export const reportFileName = (report: Report): string =>
  `bao-cao-sau-dien-tap-${report.drill}${report.exercise.date ? `-${report.exercise.date}` : ''}.json`;

/** One item per non-empty line of a textarea (NFC, trimmed). */
export const linesOf = (value: string): string[] =>
  value
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** How many injects got each rating (of the injects given), and how many are not rated yet. */
export function ratingCounts(
  report: Report,
  injects: readonly string[],
): Record<Rating | 'none', number> {
  const counts = { dat: 0, 'dat-mot-phan': 0, 'chua-dat': 0, none: 0 };
  for (const id of injects) counts[report.evaluations[id]?.rating ?? 'none'] += 1;
  return counts;
}

/** The localStorage key of a drill's draft report. */
export const draftKey = (drill: string): string => `so-tay-truc-ban:aar:${drill}`;

/**
 * The first corrective action row (index from 0) that names an owner or a date but nothing to
 * do, as the trainer sees the rows (before empty rows are dropped); -1 when there is none.
 */
export const firstActionWithoutTask = (rows: readonly CorrectiveAction[]): number =>
  rows.findIndex((row) => !row.action.normalize('NFC').trim() && (row.owner.trim() || row.due));

/** The evaluations of injects the drill no longer has: kept aside so that saving loses nothing. */
export const evaluationsOutside = (
  evaluations: Report['evaluations'],
  injects: readonly string[],
): Report['evaluations'] =>
  Object.fromEntries(Object.entries(evaluations).filter(([id]) => !injects.includes(id)));

/**
 * Whether the form holds work that opening a file would replace unseen: it differs from the
 * report last saved to or opened from a file, and from a blank form. All three serialised,
 * with savedAt null.
 */
export const unsavedWork = (draft: string, filed: string, blank: string): boolean =>
  draft !== filed && draft !== blank;
