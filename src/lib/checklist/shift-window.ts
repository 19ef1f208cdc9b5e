/**
 * The shift of a run as a window of wall times, and whether a journal entry's time belongs
 * to it: what the journal log, run files and the CLI check. Apart from time.ts, which a role
 * page's first paint carries, since only code loaded later needs it.
 */
import type { Run } from './schema.ts';

/** Minutes since 1970 of a wall time "yyyy-mm-ddTHH:MM", read as if it were UTC: for comparing wall times. */
export const wallMinutes = (at: string): number =>
  Date.UTC(
    Number(at.slice(0, 4)),
    Number(at.slice(5, 7)) - 1,
    Number(at.slice(8, 10)),
    Number(at.slice(11, 13)),
    Number(at.slice(14, 16)),
  ) / 60_000;

/** A wall time back from minutes (the inverse of wallMinutes). */
export const wallFromMinutes = (minutes: number): string =>
  new Date(minutes * 60_000).toISOString().slice(0, 16);

/** Length of a shift in minutes: an end not after its start is on the next day (a night shift). */
export const shiftMinutes = (start: string, end: string): number => {
  const [sh, sm] = start.split(':').map(Number) as [number, number];
  const [eh, em] = end.split(':').map(Number) as [number, number];
  const span = eh * 60 + em - (sh * 60 + sm);
  return span > 0 ? span : span + 24 * 60;
};

/** The shift as two wall times, start and end, or undefined for a run kept before shifts had times. */
export function shiftWindow(
  run: Pick<Run, 'date' | 'shiftStart' | 'shiftEnd'>,
): { start: string; end: string; minutes: number } | undefined {
  if (!run.shiftStart || !run.shiftEnd) return undefined;
  const start = `${run.date}T${run.shiftStart}`;
  const minutes = shiftMinutes(run.shiftStart, run.shiftEnd);
  return { start, end: wallFromMinutes(wallMinutes(start) + minutes), minutes };
}

/**
 * Whether a wall time belongs to the run: within the shift, or outside it by no more than
 * the shift's own length (a task written up after the handover, a call taken early).
 */
export function withinRun(run: Pick<Run, 'date' | 'shiftStart' | 'shiftEnd'>, at: string): boolean {
  const window = shiftWindow(run);
  if (!window) return at.slice(0, 10) >= run.date;
  const minutes = wallMinutes(at);
  return (
    minutes >= wallMinutes(window.start) - window.minutes &&
    minutes <= wallMinutes(window.end) + window.minutes
  );
}
