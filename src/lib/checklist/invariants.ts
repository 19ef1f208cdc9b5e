/**
 * What every stored state of the shift runs keeps, whatever made it: the caps, stamps within
 * bounds, every tick and approval inside its run, a matter's closing after it and with its result. The store's validator (store-schema.ts)
 * checks the forms; these are what combining two valid states could break, so the one store
 * (src/lib/store/kept.ts) checks them on every merge and load, and an import on its result.
 * Loaded with the reader and the merge, never with a role page's first paint: the changes a
 * page makes (state.ts, entries.ts) keep them by construction.
 */
import { LIMITS, type Run, type Store } from './schema.ts';
import { highestStamp } from './state.ts';
import { STAMP_BOUND } from '../store/limits.ts';

/** The runs of a store, the open one first. */
export const runsOf = (store: Store): Run[] => [
  ...(store.current ? [store.current] : []),
  ...store.history,
];

/** The instants an item records: its tick or its «không phát sinh», and its approval. */
export const itemInstants = (item: Run['items'][number]): (string | undefined)[] => [
  item.doneAt,
  item.notArisenAt,
  item.approvedAt,
];

/** The latest instant recorded in a run (its start, ticks, «không phát sinh» marks, approvals, end). */
export function lastInstant(run: Run): string {
  let last = run.endedAt ?? run.startedAt;
  for (const item of run.items) for (const at of itemInstants(item)) if (at && at > last) last = at;
  return last;
}

/**
 * A journal entry's closing belongs to a matter followed, has its result, and is not before the
 * entry (both are wall times of the run's zone).
 */
export const closingFits = (entry: Run['journal'][number]): boolean =>
  entry.closedAt === undefined
    ? entry.outcome === undefined
    : entry.followUp === true && entry.outcome !== undefined && entry.closedAt >= entry.at;

/** Whether a store keeps every invariant above. */
export const fits = (store: Store): boolean =>
  store.history.length <= LIMITS.history &&
  highestStamp(store) <= STAMP_BOUND &&
  runsOf(store).every(
    (run) =>
      run.journal.length <= LIMITS.entries &&
      run.journal.every(closingFits) &&
      (run.endedAt === null || run.endedAt >= run.startedAt) &&
      run.items.every(
        (item) =>
          !(item.doneAt && item.notArisenAt) &&
          itemInstants(item).every(
            (at) => !at || (at >= run.startedAt && (run.endedAt === null || at <= run.endedAt)),
          ),
      ),
  );
