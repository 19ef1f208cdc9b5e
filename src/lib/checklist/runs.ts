/**
 * Starting, naming and ending shift runs, and what a handover lists: pure functions like
 * state.ts, kept apart from it because only code loaded on first use needs them (the start
 * form, the end-of-shift review, run files), so a role page's first paint does not carry them.
 */
import { CLOCK, isCalendarDate, LIMITS, type ItemState, type Run, type Store } from './schema.ts';
import {
  ChecklistError,
  checkClock,
  itemOf,
  nextStamp,
  updateItem,
  type RunInput,
} from './state.ts';
import { checkPrintable } from './printable.ts';
import { isKnownTimeZone, wallTimeIn } from './time.ts';
import { canonical, formatDateVi } from '../vi.ts';

/** A run's or entry's id: the time in base 36 and six random characters. */
export const newId = (now = new Date()): string =>
  `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Reopens the run that was ended last (undo of "Kết thúc ca"), while no other run has
 * started since: the last ended run is the newest in the history.
 */
export function reopenRun(store: Store, runId: string, now: Date): Store {
  if (store.current)
    throw new ChecklistError('Đã có một ca đang mở, nên không mở lại ca đã kết thúc.');
  const [last, ...rest] = store.history;
  if (!last || last.id !== runId)
    throw new ChecklistError('Chỉ mở lại được ca vừa kết thúc gần nhất.');
  return {
    ...store,
    current: { ...last, endedAt: null, stamp: nextStamp(store, now) },
    history: rest,
  };
}

/** Ends the open run (if any) at `now` and puts it first in the history, keeping the newest 30. */
function closeCurrent(store: Store, now: Date): Store {
  if (!store.current) return store;
  const ended: Run = { ...store.current, endedAt: now.toISOString(), stamp: nextStamp(store, now) };
  return { ...store, current: null, history: [ended, ...store.history].slice(0, LIMITS.history) };
}

/** The officer's name as stored, checked: it goes into the journal's header. */
function officerOf(value: string): string {
  const officer = canonical(value);
  checkPrintable('Người trực', 'officer', officer, LIMITS.officer);
  return officer;
}

/** Starts a new run; a run still open is ended first and kept in the history. */
export function startRun(store: Store, input: RunInput, now: Date, id: string): Store {
  const date = input.date.trim();
  const shift = canonical(input.shift ?? '');
  if (!isKnownTimeZone(input.timeZone))
    throw new Error(`Unknown time zone: ${JSON.stringify(input.timeZone)}`);
  if (!isCalendarDate(date))
    throw new ChecklistError('Ngày trực: cần một ngày có thật (ngày/tháng/năm).', 'date');
  if (date > wallTimeIn(now, input.timeZone).slice(0, 10)) {
    throw new ChecklistError(
      `Ngày trực: ${formatDateVi(date)} còn chưa đến; ca trực bắt đầu trong ngày hôm nay hoặc trước đó.`,
      'date',
    );
  }
  if (!CLOCK.test(input.shiftStart))
    throw new ChecklistError('Giờ bắt đầu ca: cần giờ và phút, ví dụ 07:30.', 'shiftStart');
  if (!CLOCK.test(input.shiftEnd))
    throw new ChecklistError('Giờ kết thúc ca: cần giờ và phút, ví dụ 16:30.', 'shiftEnd');
  if (input.shiftStart === input.shiftEnd)
    throw new ChecklistError('Giờ kết thúc ca: cần khác giờ bắt đầu ca.', 'shiftEnd');
  if (shift.length > LIMITS.shift)
    throw new ChecklistError(
      `Tên ca: tối đa ${LIMITS.shift} ký tự (đang có ${shift.length}).`,
      'shift',
    );
  const officer = officerOf(input.officer ?? '');
  if (!/^[a-z0-9-]{4,40}$/.test(id))
    throw new Error(`Run id must be 4–40 of [a-z0-9-]: ${JSON.stringify(id)}`);
  // Ending the open run now would end it before it began.
  if (store.current) checkClock(store.current, now, 'bắt đầu ca mới');
  const closed = closeCurrent(store, now);
  const run: Run = {
    id,
    role: store.role,
    date,
    shift,
    shiftStart: input.shiftStart,
    shiftEnd: input.shiftEnd,
    timeZone: input.timeZone,
    officer,
    startedAt: now.toISOString(),
    endedAt: null,
    items: [],
    journal: [],
    removed: [],
    stamp: nextStamp(closed, now),
  };
  return { ...closed, current: run };
}

/** Changes the officer's name of the open run. */
export function setOfficer(store: Store, officer: string, now: Date): Store {
  if (!store.current) throw new ChecklistError('Chưa có ca nào đang mở.');
  return {
    ...store,
    current: { ...store.current, officer: officerOf(officer), stamp: nextStamp(store, now) },
  };
}

/** Ends the open run. */
export function endRun(store: Store, now: Date): Store {
  const run = store.current;
  if (!run) throw new ChecklistError('Chưa có ca nào đang mở để kết thúc.');
  // A clock set back would give a run that ends before it began.
  checkClock(run, now, 'kết thúc ca');
  return closeCurrent(store, now);
}

/** The items neither ticked nor marked «không phát sinh trong ca», in the given order: what a handover lists. */
export const openItems = (run: Run | null | undefined, itemIds: readonly string[]): string[] =>
  itemIds.filter((id) => !itemOf(run, id)?.doneAt && !itemOf(run, id)?.notArisenAt);

/** The items marked «không phát sinh trong ca», in the given order. */
export const notArisenItems = (run: Run | null | undefined, itemIds: readonly string[]): string[] =>
  itemIds.filter((id) => itemOf(run, id)?.notArisenAt);

/**
 * Marks an item that applies only when something arises (src/lib/content/arising.ts) as not
 * arisen in this shift, recording when, or takes the mark back: its outcome, like a tick, so
 * it replaces a tick and is ordered by the same stamp (merge.ts).
 */
export function setNotArisen(store: Store, itemId: string, notArisen: boolean, now: Date): Store {
  return updateItem(store, itemId, 'done', now, (item) => {
    delete item.doneAt;
    if (notArisen) item.notArisenAt ??= now.toISOString();
    else delete item.notArisenAt;
    return item;
  });
}

/** Items recorded in a run that are no longer on the checklist (e.g. after the content changed). */
export const unknownItems = (run: Run, itemIds: readonly string[]): ItemState[] =>
  run.items.filter((item) => !itemIds.includes(item.id));
