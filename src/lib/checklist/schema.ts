/**
 * The stored form of a role's shift runs, as kept in the browser (localStorage, one key
 * per role). Validated with zod/mini because this module ships to the browser.
 *
 * Format, version 1 (JSON):
 *
 *   { "format": "so-tay-truc-ban/checklist", "version": 1, "role": "<role id>",
 *     "current": Run | null,            // the open run, if any
 *     "history": Run[] }                // ended runs, newest first, at most 30
 *
 *   Run = { "id", "role", "date": "yyyy-mm-dd", "shift", "officer" ("" when not given),
 *           "startedAt": instant, "endedAt": instant | null,
 *           "items": [{ "id": item id, "doneAt"?: instant, "approvedAt"?: instant, "note"?: text }] }
 *
 * Instants are UTC ISO strings ("2026-11-27T15:10:00.000Z"). Item ids are the duty ids of
 * the content (point eId + "--suffix"), so rewording an item keeps its ticks. Only items
 * touched in a run are listed. A later version adds fields (e.g. a journal per run) by
 * bumping VERSION and adding a migration in load.ts; objects are strict, so a field this
 * version does not know makes the state invalid and it is set aside, never dropped.
 */
import * as z from 'zod/mini';

export const FORMAT = 'so-tay-truc-ban/checklist';
export const VERSION = 1;

export const LIMITS = {
  /** Characters in a note ("đã báo cáo lãnh đạo phòng lúc 22:10" is 35). */
  note: 300,
  shift: 60,
  officer: 80,
  /** Ended runs kept per role. */
  history: 30,
} as const;

/** A calendar date, yyyy-mm-dd, that exists (no 31/02). */
export const isCalendarDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
/** A checklist item id: a point eId, with "--suffix" where one point yields several items. */
export const ITEM_ID = /^art_[0-9a-z]+(?:__[a-z]+_[0-9a-zđ]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const nfc = (value: string) => value === value.normalize('NFC');
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max), z.refine(nfc));
const instant = z.string().check(z.regex(INSTANT), z.refine((value) => !Number.isNaN(Date.parse(value))));

export const itemStateSchema = z.strictObject({
  id: z.string().check(z.regex(ITEM_ID)),
  doneAt: z.optional(instant),
  approvedAt: z.optional(instant),
  note: z.optional(text(1, LIMITS.note)),
});

export const runSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9-]{4,40}$/)),
  role: z.string().check(z.regex(SLUG)),
  date: z.string().check(z.refine(isCalendarDate)),
  shift: text(1, LIMITS.shift),
  officer: text(0, LIMITS.officer),
  startedAt: instant,
  endedAt: z.nullable(instant),
  items: z.array(itemStateSchema).check(
    z.refine((items) => new Set(items.map((item) => item.id)).size === items.length),
  ),
});

export const storeSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  role: z.string().check(z.regex(SLUG)),
  current: z.nullable(runSchema),
  history: z.array(runSchema).check(z.maxLength(LIMITS.history)),
}).check(
  // The open run is open, history runs are ended, and every run belongs to the store's role.
  z.refine(
    (store) =>
      (!store.current || (store.current.endedAt === null && store.current.role === store.role)) &&
      store.history.every((run) => run.endedAt !== null && run.role === store.role),
  ),
);

export type ItemState = z.infer<typeof itemStateSchema>;
export type Run = z.infer<typeof runSchema>;
export type Store = z.infer<typeof storeSchema>;

/** The localStorage key of a role's runs. */
export const storageKey = (role: string): string => `so-tay-truc-ban:checklist:${role}`;

/** Where state that could not be used is kept, so that nothing is lost. */
export const setAsideKey = (role: string, now: Date): string => `${storageKey(role)}:set-aside:${now.toISOString()}`;
