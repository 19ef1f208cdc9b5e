/**
 * Shift runs of a role's checklist as pure functions: each takes a store and returns a new
 * one (never mutating), with the time passed in. Bad input throws a ChecklistError whose
 * message is Vietnamese and names the field, for the page to show as it is.
 */
import { JOURNAL_CHARSET, missingCharacters } from '../journal/charset.ts';
import {
  CLOCK,
  isCalendarDate,
  ITEM_ID,
  LIMITS,
  FORMAT,
  VERSION,
  type ItemState,
  type Run,
  type Store,
} from './schema.ts';
import { isKnownTimeZone, runTime, shiftHours, wallTimeIn } from './time.ts';
import { canonical, formatDateVi } from '../vi.ts';

export class ChecklistError extends Error {
  override name = 'ChecklistError';
  /** The form field the message is about, where there is one (the page puts the message there). */
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

export const emptyStore = (role: string): Store => ({
  format: FORMAT,
  version: VERSION,
  role,
  current: null,
  history: [],
});

/** The text to store (load.ts reads it back). */
export const serialise = (store: Store): string => JSON.stringify(store);

export interface RunInput {
  /** yyyy-mm-dd, as an <input type="date"> gives it. */
  date: string;
  /** "HH:MM", as an <input type="time"> gives them. */
  shiftStart: string;
  shiftEnd: string;
  /** The shift's name in the unit's schedule (optional). */
  shift?: string | undefined;
  officer?: string | undefined;
  /** The zone the run is kept in: the device's, when it starts. */
  timeZone: string;
}

const FONT = new Set([...JOURNAL_CHARSET].map((char) => char.codePointAt(0)!));

/** Characters of `text` the journal's font cannot show: text the journal would print must have none. */
export const unprintable = (text: string): string[] => missingCharacters(text, FONT);

/** Throws, naming the field, when text that goes into the journal is too long or has characters its font lacks. */
export function checkPrintable(label: string, field: string, value: string, max: number): void {
  if (value.length > max)
    throw new ChecklistError(
      `${label}: tối đa ${max} ký tự (đang có ${value.length}); hãy viết gọn lại.`,
      field,
    );
  const missing = unprintable(value);
  if (missing.length > 0) {
    throw new ChecklistError(
      `${label}: phông chữ của nhật ký không có ${missing.map((char) => `«${char}»`).join(', ')}; hãy bỏ hoặc thay các ký tự này.`,
      field,
    );
  }
}

/** The highest stamp in the store: a new change gets one above it, so a clock set back never reorders changes. */
function highestStamp(store: Store): number {
  let high = 0;
  for (const run of [...(store.current ? [store.current] : []), ...store.history]) {
    high = Math.max(high, run.stamp);
    for (const item of run.items)
      high = Math.max(
        high,
        item.stamps?.done ?? 0,
        item.stamps?.approved ?? 0,
        item.stamps?.note ?? 0,
      );
    for (const entry of run.journal) high = Math.max(high, entry.stamp ?? 0);
    for (const removed of run.removed) high = Math.max(high, removed.stamp);
  }
  return high;
}

/** The stamp of a change made at `now`. */
export const nextStamp = (store: Store, now: Date): number =>
  Math.max(now.getTime(), highestStamp(store) + 1);

/** The runs of a store, the open one first. */
export const runsOf = (store: Store): Run[] => [
  ...(store.current ? [store.current] : []),
  ...store.history,
];

/** The latest instant recorded in a run (its start, ticks, approvals, end). */
export function lastInstant(run: Run): string {
  let last = run.endedAt ?? run.startedAt;
  for (const item of run.items)
    for (const at of [item.doneAt, item.approvedAt]) if (at && at > last) last = at;
  return last;
}

/**
 * What every stored state keeps, checked on every save, merge and import (the store's
 * validator checks the forms; these are what combining two valid states could break):
 * the caps, stamps within bounds, every tick and approval inside its run.
 */
export const fits = (store: Store): boolean =>
  store.history.length <= LIMITS.history &&
  highestStamp(store) <= Number.MAX_SAFE_INTEGER &&
  runsOf(store).every(
    (run) =>
      run.journal.length <= LIMITS.entries &&
      (run.endedAt === null || run.endedAt >= run.startedAt) &&
      run.items.every((item) =>
        [item.doneAt, item.approvedAt].every(
          (at) => !at || (at >= run.startedAt && (run.endedAt === null || at <= run.endedAt)),
        ),
      ),
  );

/** Refuses a change dated before the open run began: the device's clock was set back. */
function checkClock(run: Run, now: Date, what: string): void {
  if (now.toISOString() < run.startedAt) {
    throw new ChecklistError(
      `Đồng hồ của máy đang chỉ ${runTime(run, now)}, sớm hơn lúc bắt đầu ca (${runTime(run, run.startedAt)}): hãy chỉnh lại đồng hồ rồi ${what}.`,
    );
  }
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

/** Applies a change to one item of the open run; items left with nothing recorded are dropped. */
function updateItem(
  store: Store,
  itemId: string,
  field: 'done' | 'approved' | 'note',
  now: Date,
  change: (item: ItemState) => ItemState,
): Store {
  const run = store.current;
  if (!run) throw new ChecklistError('Chưa có ca nào đang mở: bấm «Bắt đầu ca mới» trước.');
  // A tick or an approval is dated: one before the run began would be a false record.
  if (field !== 'note') checkClock(run, now, field === 'done' ? 'đánh dấu' : 'ghi phê duyệt');
  if (!ITEM_ID.test(itemId)) throw new Error(`Not a checklist item id: ${JSON.stringify(itemId)}`);
  const before = run.items.find((item) => item.id === itemId) ?? { id: itemId };
  // The stamp stays when a field is cleared, so that another tab's older value does not come back.
  const after = {
    ...change({ ...before }),
    stamps: { ...before.stamps, [field]: nextStamp(store, now) },
  };
  const index = run.items.findIndex((item) => item.id === itemId);
  const items =
    index < 0
      ? [...run.items, after]
      : run.items.map((item) => (item.id === itemId ? after : item));
  return { ...store, current: { ...run, items } };
}

/** Ticks an item (recording the time) or unticks it (forgetting the time). Ticking again keeps the first time. */
export function setDone(store: Store, itemId: string, done: boolean, now: Date): Store {
  return updateItem(store, itemId, 'done', now, (item) => {
    if (done) item.doneAt ??= now.toISOString();
    else delete item.doneAt;
    return item;
  });
}

/** Marks an item as approved ("đã được … phê duyệt"), recording when, or clears the mark. */
export function setApproved(store: Store, itemId: string, approved: boolean, now: Date): Store {
  return updateItem(store, itemId, 'approved', now, (item) => {
    if (approved) item.approvedAt ??= now.toISOString();
    else delete item.approvedAt;
    return item;
  });
}

/**
 * Sets an item's note as typed (NFC); an empty or blank note removes it. A ticked item's
 * note goes into the journal, so it must be printable.
 */
export function setNote(store: Store, itemId: string, note: string, now: Date): Store {
  const value = note.normalize('NFC');
  checkPrintable('Ghi chú', 'note', value, LIMITS.note);
  return updateItem(store, itemId, 'note', now, (item) => {
    if (value.trim() === '') delete item.note;
    else item.note = value;
    return item;
  });
}

/** The recorded state of an item in a run. */
export const itemOf = (run: Run | null | undefined, itemId: string): ItemState | undefined =>
  run?.items.find((item) => item.id === itemId);

/** How many of the given items are ticked in the run. */
export function progress(
  run: Run | null | undefined,
  itemIds: readonly string[],
): { done: number; total: number } {
  return { done: itemIds.filter((id) => itemOf(run, id)?.doneAt).length, total: itemIds.length };
}

/** The items not yet ticked, in the given order: what a handover lists. */
export const openItems = (run: Run | null | undefined, itemIds: readonly string[]): string[] =>
  itemIds.filter((id) => !itemOf(run, id)?.doneAt);

/** A run of the store by id: the open one or one from the history. */
export const findRun = (store: Store, runId: string): Run | undefined =>
  store.current?.id === runId ? store.current : store.history.find((run) => run.id === runId);

/** Items recorded in a run that are no longer on the checklist (e.g. after the content changed). */
export const unknownItems = (run: Run, itemIds: readonly string[]): ItemState[] =>
  run.items.filter((item) => !itemIds.includes(item.id));

/** A run's or entry's id: the time in base 36 and six random characters. */
export const newId = (now = new Date()): string =>
  `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** "27/11/2026 · Ca ngày 07:30–16:30 · Nguyễn Văn A": how a run is named on the page and the sheets. */
export const runLabel = (run: Run): string =>
  [formatDateVi(run.date), [run.shift, shiftHours(run)].filter(Boolean).join(' '), run.officer]
    .filter(Boolean)
    .join(' · ');
