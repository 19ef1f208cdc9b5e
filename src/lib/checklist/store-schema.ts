/**
 * The validators of the stored runs (format.ts describes the format): validator.ts schemas,
 * loaded with load.ts and run-file.ts only, never with the first paint of a role page.
 */
import {
  array,
  integer,
  length,
  literal,
  matches,
  nullable,
  object,
  oneOf,
  optional,
  refine,
  satisfies,
  string,
  type Infer,
} from './validator.ts';
import {
  CLOCK,
  ENTRY_KINDS,
  FORMAT,
  INSTANT,
  isCalendarDate,
  isWallTime,
  ITEM_ID,
  LIMITS,
  RUN_ID,
  TIME_ZONE,
  VERSION,
} from './format.ts';
import { isKnownTimeZone } from './time.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (min: number, max: number) => string(...length(min, max));
/** An instant that exists: Date.parse takes 31 February as 3 March, so it must read back the same. */
const realInstant = (value: string): boolean => {
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
};
const instant = string(matches(INSTANT, 'instant'), satisfies(realInstant, 'instant'));
const id = string(matches(RUN_ID, 'id'));
const stamp = integer(0, Number.MAX_SAFE_INTEGER);
const wallTime = string(satisfies(isWallTime, 'wall-time'));

export const itemStateSchema = object({
  id: string(matches(ITEM_ID, 'item-id')),
  doneAt: optional(instant),
  notArisenAt: optional(instant),
  approvedAt: optional(instant),
  note: optional(text(1, LIMITS.note)),
  stamps: optional(
    object({ done: optional(stamp), approved: optional(stamp), note: optional(stamp) }),
  ),
});

export const entrySchema = object({
  id,
  at: wallTime,
  kind: oneOf(ENTRY_KINDS),
  content: text(1, LIMITS.content),
  direction: optional(text(1, LIMITS.direction)),
  informed: optional(text(1, LIMITS.informed)),
  result: optional(text(1, LIMITS.result)),
  followUp: optional(literal(true)),
  closedAt: optional(wallTime),
  outcome: optional(text(1, LIMITS.outcome)),
  carriedFrom: optional(
    object({
      runId: id,
      entryId: id,
      at: wallTime,
      timeZone: string(matches(TIME_ZONE, 'time-zone'), satisfies(isKnownTimeZone, 'time-zone')),
      label: text(1, LIMITS.label),
      pending: optional(text(1, LIMITS.pending)),
    }),
  ),
  stamp: optional(stamp),
});

export const runSchema = object({
  id,
  role: string(matches(SLUG, 'slug')),
  date: string(satisfies(isCalendarDate, 'date')),
  shift: text(0, LIMITS.shift),
  shiftStart: nullable(string(matches(CLOCK, 'clock'))),
  shiftEnd: nullable(string(matches(CLOCK, 'clock'))),
  // A zone this JavaScript knows: a stored run in any other would break every render.
  timeZone: string(matches(TIME_ZONE, 'time-zone'), satisfies(isKnownTimeZone, 'time-zone')),
  officer: text(0, LIMITS.officer),
  startedAt: instant,
  endedAt: nullable(instant),
  items: array(itemStateSchema, Number.MAX_SAFE_INTEGER, (item) => item.id),
  journal: array(entrySchema, LIMITS.entries, (entry) => entry.id),
  removed: array(object({ id, stamp }), Number.MAX_SAFE_INTEGER, (entry) => entry.id),
  stamp,
});

export const storeSchema = refine(
  object({
    format: literal(FORMAT),
    version: literal(VERSION),
    role: string(matches(SLUG, 'slug')),
    current: nullable(runSchema),
    history: array(runSchema, LIMITS.history),
  }),
  // The open run is open, history runs are ended, and every run belongs to the store's role.
  (store) =>
    (!store.current || (store.current.endedAt === null && store.current.role === store.role)) &&
    store.history.every((run) => run.endedAt !== null && run.role === store.role),
  'store',
);

export type ItemState = Infer<typeof itemStateSchema>;
export type JournalEntry = Infer<typeof entrySchema>;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export type Run = Infer<typeof runSchema>;
export type Store = Infer<typeof storeSchema>;
