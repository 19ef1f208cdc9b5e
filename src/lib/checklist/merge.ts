/**
 * Two tabs, one store: merging a role's runs as another tab wrote them with the runs of
 * this tab, losing no change. Every field that a person changes carries a stamp (state.ts,
 * entries.ts); for each field the change with the higher stamp wins, and ties go to the
 * same side in both tabs (the larger JSON), so the merge gives the same store whichever
 * tab makes it, in whatever order the tabs hear of each other. Removed journal entries
 * leave a stamped record, so that an older copy does not bring them back.
 *
 * What a tab changed that the merge replaced with another tab's value (a note or a journal
 * entry edited in both) is reported by `replacedEdits`, for the page to show both; a tab keeps
 * tracking its edits until the other tab has seen them (`hearOtherTab`), not merely until it
 * next hears from it, since what it hears may be older than its edits.
 */
import { LIMITS, type ItemState, type JournalEntry, type Run, type Store } from './schema.ts';
import { lastInstant, runsOf } from './invariants.ts';

export { fits } from './invariants.ts';

const json = (value: unknown): string => JSON.stringify(value) ?? '';

/** The winner of two stamped values: the higher stamp, then the larger JSON. */
function pick<T>(a: T, aStamp: number, b: T, bStamp: number): T {
  if (aStamp !== bStamp) return aStamp > bStamp ? a : b;
  return json(a) >= json(b) ? a : b;
}

/**
 * The item's fields under each stamp. An item's outcome is one: done (doneAt), did not arise
 * in the shift (notArisenAt), or neither; one stamp orders it, so a merge takes both fields
 * from the same side and never gives an item both.
 */
const ITEM_FIELDS = [
  ['done', ['doneAt', 'notArisenAt']],
  ['approved', ['approvedAt']],
  ['note', ['note']],
] as const;

type ItemField = (typeof ITEM_FIELDS)[number][1][number];

function mergeItem(a: ItemState, b: ItemState): ItemState {
  const merged: ItemState = { id: a.id };
  const stamps: NonNullable<ItemState['stamps']> = {};
  const part = (item: ItemState, fields: readonly ItemField[]) =>
    Object.fromEntries(fields.map((field) => [field, item[field]]));
  for (const [stampKey, fields] of ITEM_FIELDS) {
    const aStamp = a.stamps?.[stampKey] ?? 0;
    const bStamp = b.stamps?.[stampKey] ?? 0;
    const value = pick(part(a, fields), aStamp, part(b, fields), bStamp);
    for (const field of fields) {
      const kept = value[field];
      if (kept !== undefined) merged[field] = kept;
    }
    const stamp = Math.max(aStamp, bStamp);
    if (stamp > 0) stamps[stampKey] = stamp;
  }
  if (Object.keys(stamps).length > 0) merged.stamps = stamps;
  return merged;
}

/**
 * Union by id of two lists, merging the items both have (and each lone item with itself, so
 * that its fields come out in the same order); in id order, so both tabs list them alike.
 */
function unionById<T extends { id: string }>(
  a: readonly T[],
  b: readonly T[],
  merge: (x: T, y: T) => T,
): T[] {
  const byId = new Map<string, T>();
  for (const item of a) byId.set(item.id, item);
  for (const item of b) {
    const other = byId.get(item.id);
    byId.set(item.id, other ? merge(other, item) : merge(item, item));
  }
  for (const item of a)
    if (!b.some((other) => other.id === item.id)) byId.set(item.id, merge(item, item));
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** A run's own fields: what "stamp" orders. */
type RunFields = Omit<Run, 'items' | 'journal' | 'removed'>;
const fieldsOf = ({
  items: _items,
  journal: _journal,
  removed: _removed,
  ...fields
}: Run): RunFields => fields;

export function mergeRun(a: Run, b: Run): Run {
  const fields = pick(fieldsOf(a), a.stamp, fieldsOf(b), b.stamp);
  const items = unionById(a.items, b.items, mergeItem);
  const removed = unionById(a.removed, b.removed, (x, y) => (x.stamp >= y.stamp ? x : y));
  const removedAt = new Map(removed.map((record) => [record.id, record.stamp]));
  const entries = unionById(a.journal, b.journal, (x, y) => pick(x, x.stamp ?? 0, y, y.stamp ?? 0));
  // An entry edited after it was removed elsewhere stays (the later change wins). Two tabs
  // that each added an entry to a full journal cannot both keep theirs: the earliest
  // LIMITS.entries stay (the same in every tab), and the tab whose entry went shows its text
  // (replacedEdits), so a merge never gives a store over its cap.
  const journal = entries
    .filter((entry) => (removedAt.get(entry.id) ?? -1) < (entry.stamp ?? 0))
    .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, LIMITS.entries);
  const kept = new Set(journal.map((entry) => entry.id));
  return { ...fields, items, journal, removed: removed.filter((record) => !kept.has(record.id)) };
}

const byStartDesc = (x: Run, y: Run) =>
  x.startedAt > y.startedAt
    ? -1
    : x.startedAt < y.startedAt
      ? 1
      : x.id > y.id
        ? -1
        : x.id < y.id
          ? 1
          : 0;

/**
 * Merges two states of one role's runs. Runs are matched by id and merged field by field;
 * if both tabs started a run, the newer stays open and the older is ended when the newer
 * began, as starting a run on one tab would have done; the history keeps the newest 30.
 */
export function mergeStores(a: Store, b: Store): Store {
  if (a.role !== b.role) throw new Error(`Cannot merge runs of ${a.role} with runs of ${b.role}`);
  const runs = unionById(
    [...(a.current ? [a.current] : []), ...a.history],
    [...(b.current ? [b.current] : []), ...b.history],
    mergeRun,
  ).sort(byStartDesc);
  let current: Run | null = null;
  const ended: Run[] = [];
  runs.forEach((run, index) => {
    if (run.endedAt !== null) ended.push(run);
    else if (current === null && index === 0) current = run;
    else {
      // Open, but a newer run has begun: it ended when the next run began, or at its own last
      // tick if a tab went on ticking it after that (an end before a tick would be refused).
      const next = runs[index - 1]!;
      const last = lastInstant(run);
      const endedAt = next.startedAt > last ? next.startedAt : last;
      ended.push({ ...run, endedAt, stamp: run.stamp + 1 });
    }
  });
  ended.sort((x, y) =>
    x.endedAt! > y.endedAt! ? -1 : x.endedAt! < y.endedAt! ? 1 : byStartDesc(x, y),
  );
  return { ...a, current, history: ended.slice(0, LIMITS.history) };
}

/** A change of this tab that the merge replaced by another tab's: both are shown. */
export type ReplacedEdit =
  | { kind: 'note'; runId: string; itemId: string; mine: string; kept: string }
  | {
      kind: 'entry';
      runId: string;
      entryId: string;
      mine: JournalEntry;
      kept: JournalEntry | null;
    };

/** Keys of the edits a tab tracks: "note:<run>:<item>" and "entry:<run>:<entry>". */
export const noteKey = (runId: string, itemId: string): string => `note:${runId}:${itemId}`;
export const entryKey = (runId: string, entryId: string): string => `entry:${runId}:${entryId}`;

const runsById = (store: Store) => new Map(runsOf(store).map((run) => [run.id, run]));

/** The edits among `edited` (keys above) found in `store`: each note's item and each entry, by run. */
function* editsIn(store: Store, edited: ReadonlySet<string>) {
  for (const run of runsOf(store)) {
    for (const item of run.items)
      if (edited.has(noteKey(run.id, item.id)))
        yield { key: noteKey(run.id, item.id), run, item, entry: undefined };
    for (const entry of run.journal)
      if (edited.has(entryKey(run.id, entry.id)))
        yield { key: entryKey(run.id, entry.id), run, item: undefined, entry };
  }
}

/** The edits among `edited` (keys above) whose value in `merged` is no longer this tab's (`mine`). */
export function replacedEdits(
  mine: Store,
  merged: Store,
  edited: ReadonlySet<string>,
): ReplacedEdit[] {
  const out: ReplacedEdit[] = [];
  const mergedRuns = runsById(merged);
  for (const { run, item, entry } of editsIn(mine, edited)) {
    const other = mergedRuns.get(run.id);
    if (!other) continue;
    if (item) {
      const kept = other.items.find((candidate) => candidate.id === item.id)?.note ?? '';
      if ((item.note ?? '') !== kept)
        out.push({ kind: 'note', runId: run.id, itemId: item.id, mine: item.note ?? '', kept });
    } else if (entry) {
      const kept = other.journal.find((candidate) => candidate.id === entry.id) ?? null;
      if (json(kept) !== json(entry))
        out.push({ kind: 'entry', runId: run.id, entryId: entry.id, mine: entry, kept });
    }
  }
  return out;
}

/** One copy's version of an edit: its note's text with its stamp, or its journal entry whole (null once removed). */
function versionIn(run: Run | undefined, edit: { item?: ItemState; entry?: JournalEntry }) {
  if (edit.item) {
    const item = run?.items.find((candidate) => candidate.id === edit.item?.id);
    return json([item?.note ?? '', item?.stamps?.note ?? 0]);
  }
  return json(run?.journal.find((candidate) => candidate.id === edit.entry?.id) ?? null);
}

/**
 * The edits among `edited` that the merge kept and `theirs` does not hold yet: the other tab
 * may be changing them still, without having seen them. They stay tracked until a store comes
 * back that holds them, or a change that replaces them (which `replacedEdits` then reports).
 * Versions are compared whole, stamps included: two tabs can give two texts the same stamp.
 */
function unseenEdits(
  mine: Store,
  theirs: Store,
  merged: Store,
  edited: ReadonlySet<string>,
): Set<string> {
  const [theirRuns, mergedRuns] = [runsById(theirs), runsById(merged)];
  const unseen = new Set<string>();
  for (const edit of editsIn(mine, edited)) {
    const version = versionIn(edit.run, edit);
    if (
      versionIn(mergedRuns.get(edit.run.id), edit) === version &&
      versionIn(theirRuns.get(edit.run.id), edit) !== version
    )
      unseen.add(edit.key);
  }
  return unseen;
}

/**
 * What a tab's edits became when it heard another tab's store (`theirs`) and took the merge
 * (`merged`): those the merge replaced, to show with both texts, and those still to track
 * (the other tab has not seen them yet). The second half of the one cross-tab step; the
 * first (merge, write back unless the storage holds the merge) is the store's (kept.ts).
 */
export function followEdits(
  mine: Store,
  theirs: Store,
  merged: Store,
  edited: ReadonlySet<string>,
): { replaced: ReplacedEdit[]; edited: Set<string> } {
  return {
    replaced: replacedEdits(mine, merged, edited),
    edited: unseenEdits(mine, theirs, merged, edited),
  };
}

/**
 * What a tab does on hearing the store another tab wrote (`theirs`), with `stored` the text the
 * storage holds now: it takes the merge of both, shows the edits of its own that the merge
 * replaced, keeps tracking those the other tab has not seen yet, and writes the merge unless
 * the storage holds it already. The storage may hold this tab's own later write by then, which
 * the merge must replace, or the merge would last only as long as this tab stays open.
 */
export function hearOtherTab(
  mine: Store,
  theirs: Store,
  edited: ReadonlySet<string>,
  stored: string | null,
) {
  const merged = mergeStores(mine, theirs);
  return {
    store: merged,
    ...followEdits(mine, theirs, merged, edited),
    // The same text as state.ts serialise(merged).
    write: json(merged) !== stored,
  };
}
