/**
 * Times of a shift run. A run keeps the zone it was started in (run.timeZone); its instants
 * (ticks, start, end) are shown in that zone on any device, and its journal entries are wall
 * times of that zone, so one sheet never mixes two zones. The shift itself is two times of
 * day (shiftStart, shiftEnd); an end not after the start falls on the next day.
 */
import type { Run } from './schema.ts';
import { formatDateVi } from '../vi.ts';

const pad = (value: number) => String(value).padStart(2, '0');

/** The zone of this device, as Intl knows it. */
export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Whether this JavaScript knows the zone (Node and browsers ship the IANA database). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Whether two zones show the same clock at an instant ("Asia/Saigon" is "Asia/Ho_Chi_Minh"). */
export const sameClock = (a: string, b: string, at: string | Date): boolean =>
  a === b || wallTimeIn(at, a) === wallTimeIn(at, b);

/** A zone as a person reads it: its offset at an instant, "GMT+7". */
export function zoneLabel(timeZone: string, at: string | Date): string {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone,
    timeZoneName: 'shortOffset',
  }).formatToParts(typeof at === 'string' ? new Date(at) : at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of an instant in a zone: "2026-11-27T22:15". */
export function wallTimeIn(instant: string | Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** The yyyy-mm-dd of a Date on this device: the default date of a new run. */
export const localDate = (now: Date): string =>
  `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/**
 * "22:15" of a wall time; with the whole date ("01:15 28/11/2026") when it falls on another
 * day than the run's date, as on a night shift: a sheet never leaves the year to be guessed.
 */
export const entryTime = (at: string, runDate: string): string =>
  at.slice(0, 10) === runDate
    ? at.slice(11, 16)
    : `${at.slice(11, 16)} ${formatDateVi(at.slice(0, 10))}`;

/** The same for an instant of a run (a tick, its start or end), in the run's zone. */
export const runTime = (run: Pick<Run, 'date' | 'timeZone'>, instant: string | Date): string =>
  entryTime(wallTimeIn(instant, run.timeZone), run.date);

/** The wall time "now" in the run's zone: when a new journal entry is dated by default. */
export const runNow = (run: Pick<Run, 'timeZone'>, now: Date): string =>
  wallTimeIn(now, run.timeZone);

/** "07:30–16:30" of a run, with "(hôm sau)" when the end falls on the next day. */
export const shiftHours = (run: Pick<Run, 'shiftStart' | 'shiftEnd'>): string =>
  run.shiftStart && run.shiftEnd
    ? `${run.shiftStart}–${run.shiftEnd}${run.shiftEnd <= run.shiftStart ? ' (hôm sau)' : ''}`
    : '';
