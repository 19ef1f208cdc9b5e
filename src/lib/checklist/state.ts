/**
 * Shift runs of a role's checklist as pure functions: each takes a store and returns a new
 * one (never mutating), with the time passed in. Bad input throws a ChecklistError whose
 * message is Vietnamese and names the field, for the page to show as it is.
 */
import { isCalendarDate, ITEM_ID, LIMITS, FORMAT, VERSION, type ItemState, type Run, type Store } from './schema.ts';

export class ChecklistError extends Error {
  override name = 'ChecklistError';
}

export const emptyStore = (role: string): Store => ({ format: FORMAT, version: VERSION, role, current: null, history: [] });

/** The text to store (load.ts reads it back). */
export const serialise = (store: Store): string => JSON.stringify(store);

export interface RunInput {
  /** yyyy-mm-dd, as an <input type="date"> gives it. */
  date: string;
  shift: string;
  officer?: string | undefined;
}

const clean = (value: string): string => value.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Ends the open run (if any) at `now` and puts it first in the history, keeping the newest 30. */
function closeCurrent(store: Store, now: Date): Store {
  if (!store.current) return store;
  const ended: Run = { ...store.current, endedAt: now.toISOString() };
  return { ...store, current: null, history: [ended, ...store.history].slice(0, LIMITS.history) };
}

/** Starts a new run; a run still open is ended first and kept in the history. */
export function startRun(store: Store, input: RunInput, now: Date, id: string): Store {
  const date = input.date.trim();
  const shift = clean(input.shift);
  const officer = clean(input.officer ?? '');
  if (!isCalendarDate(date)) throw new ChecklistError('Ngày trực: cần một ngày có thật (ngày/tháng/năm).');
  if (shift === '') throw new ChecklistError('Ca trực: cần ghi ca trực, ví dụ theo lịch trực của đơn vị.');
  if (shift.length > LIMITS.shift) throw new ChecklistError(`Ca trực: tối đa ${LIMITS.shift} ký tự.`);
  if (officer.length > LIMITS.officer) throw new ChecklistError(`Người trực: tối đa ${LIMITS.officer} ký tự.`);
  if (!/^[a-z0-9-]{4,40}$/.test(id)) throw new Error(`Run id must be 4–40 of [a-z0-9-]: ${JSON.stringify(id)}`);
  const run: Run = {
    id,
    role: store.role,
    date,
    shift,
    officer,
    startedAt: now.toISOString(),
    endedAt: null,
    items: [],
    journal: [],
  };
  return { ...closeCurrent(store, now), current: run };
}

/** Ends the open run. */
export function endRun(store: Store, now: Date): Store {
  if (!store.current) throw new ChecklistError('Chưa có ca nào đang mở để kết thúc.');
  return closeCurrent(store, now);
}

/** Applies a change to one item of the open run; items left with nothing recorded are dropped. */
function updateItem(store: Store, itemId: string, change: (item: ItemState) => ItemState): Store {
  const run = store.current;
  if (!run) throw new ChecklistError('Chưa có ca nào đang mở: bấm “Bắt đầu ca mới” trước.');
  if (!ITEM_ID.test(itemId)) throw new Error(`Not a checklist item id: ${JSON.stringify(itemId)}`);
  const before = run.items.find((item) => item.id === itemId) ?? { id: itemId };
  const after = change({ ...before });
  const empty = after.doneAt === undefined && after.approvedAt === undefined && after.note === undefined;
  const others = run.items.filter((item) => item.id !== itemId);
  const index = run.items.findIndex((item) => item.id === itemId);
  const items = empty ? others : index < 0 ? [...run.items, after] : run.items.map((item) => (item.id === itemId ? after : item));
  return { ...store, current: { ...run, items } };
}

/** Ticks an item (recording the time) or unticks it (forgetting the time). Ticking again keeps the first time. */
export function setDone(store: Store, itemId: string, done: boolean, now: Date): Store {
  return updateItem(store, itemId, (item) => {
    if (done) item.doneAt ??= now.toISOString();
    else delete item.doneAt;
    return item;
  });
}

/** Marks an item as approved ("đã được … phê duyệt"), recording when, or clears the mark. */
export function setApproved(store: Store, itemId: string, approved: boolean, now: Date): Store {
  return updateItem(store, itemId, (item) => {
    if (approved) item.approvedAt ??= now.toISOString();
    else delete item.approvedAt;
    return item;
  });
}

/** Sets an item's note as typed (NFC); an empty or blank note removes it. */
export function setNote(store: Store, itemId: string, note: string): Store {
  const value = note.normalize('NFC');
  if (value.length > LIMITS.note) throw new ChecklistError(`Ghi chú: tối đa ${LIMITS.note} ký tự.`);
  return updateItem(store, itemId, (item) => {
    if (value.trim() === '') delete item.note;
    else item.note = value;
    return item;
  });
}

/** The recorded state of an item in a run. */
export const itemOf = (run: Run | null | undefined, itemId: string): ItemState | undefined =>
  run?.items.find((item) => item.id === itemId);

/** How many of the given items are ticked in the run. */
export function progress(run: Run | null | undefined, itemIds: readonly string[]): { done: number; total: number } {
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

const pad = (value: number) => String(value).padStart(2, '0');

/** dd/mm/yyyy of a yyyy-mm-dd date. */
export const dateVi = (date: string): string => date.split('-').reverse().join('/');

/** The local yyyy-mm-dd of an instant: the default date of a new run. */
export const localDate = (now: Date): string => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** The wall-clock time of a Date on this device: "2026-11-27T22:15" (how journal entries keep time). */
export const wallTimeOf = (now: Date): string => `${localDate(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;

/**
 * "22:15" of a wall time; with the date ("01:15 28/11") when it falls on another day than
 * the run's date, as on a night shift.
 */
export const entryTime = (at: string, runDate: string): string =>
  at.slice(0, 10) === runDate ? at.slice(11, 16) : `${at.slice(11, 16)} ${dateVi(at.slice(0, 10)).slice(0, 5)}`;

/** The same for an instant (a tick's time), in local time. */
export const clockTime = (instant: string, runDate: string): string => entryTime(wallTimeOf(new Date(instant)), runDate);

/** A run's or entry's id: the time in base 36 and six random characters. */
export const newId = (now = new Date()): string => `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** "27/11/2026 · Ca đêm · Nguyễn Văn A": how a run is named on the page and the sheets. */
export const runLabel = (run: Run): string => [dateVi(run.date), run.shift, run.officer].filter(Boolean).join(' · ');
