/**
 * Shift runs of a role's checklist as pure functions: each takes a store and returns a new
 * one (never mutating), with the time passed in. Bad input throws a ChecklistError whose
 * message is Vietnamese and names the field, for the page to show as it is.
 */
import { ITEM_ID, FORMAT, VERSION, type ItemState, type Run, type Store } from './schema.ts';
import { runTime, shiftHours } from './time.ts';
import { formatDateVi } from '../vi.ts';

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

/** The highest stamp in the store: a new change gets one above it, so a clock set back never reorders changes. */
export function highestStamp(store: Store): number {
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

/** Refuses a change dated before the open run began: the device's clock was set back. */
export function checkClock(run: Run, now: Date, what: string): void {
  if (now.toISOString() < run.startedAt) {
    throw new ChecklistError(
      `Đồng hồ của máy đang chỉ ${runTime(run, now)}, sớm hơn lúc bắt đầu ca (${runTime(run, run.startedAt)}): hãy chỉnh lại đồng hồ rồi ${what}.`,
    );
  }
}

/** Applies a change to one item of the open run; items left with nothing recorded are dropped. */
export function updateItem(
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

/**
 * Ticks an item (recording the time) or unticks it (forgetting the time). Ticking again keeps
 * the first time. Either way the item no longer reads «không phát sinh»: one outcome, one stamp.
 */
export function setDone(store: Store, itemId: string, done: boolean, now: Date): Store {
  return updateItem(store, itemId, 'done', now, (item) => {
    if (done) item.doneAt ??= now.toISOString();
    else delete item.doneAt;
    delete item.notArisenAt;
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

/** A run of the store by id: the open one or one from the history. */
export const findRun = (store: Store, runId: string): Run | undefined =>
  store.current?.id === runId ? store.current : store.history.find((run) => run.id === runId);

/** "27/11/2026 · Ca ngày 07:30–16:30 · Nguyễn Văn A": how a run is named on the page and the sheets. */
export const runLabel = (run: Run): string =>
  [formatDateVi(run.date), [run.shift, shiftHours(run)].filter(Boolean).join(' '), run.officer]
    .filter(Boolean)
    .join(' · ');
