/**
 * Two tabs of one role page, typing into the same notes and journal entry, and hearing each
 * other's writes late and in any order (fast-check, fixed seed). The browser delivers each
 * write as a storage event carrying the value written; a tab may make changes of its own
 * before it gets to merge it. Whatever the order:
 *
 * 1. once every write is heard, both tabs hold the same runs, and so does the storage; when
 *    one tab was closed first, the other holds every change of both, and so does the storage;
 * 2. no text is lost unseen: when a tab's last text of a note or an entry is not what both
 *    end with, and the change that won was made in the other tab without having seen it,
 *    the tab showed its text in a notice (`replacedEdits`), from which it can put it back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEntry, removeEntry, updateEntry } from '../../src/lib/checklist/entries.ts';
import { entryKey, hearOtherTab, mergeStores, noteKey } from '../../src/lib/checklist/merge.ts';
import type { Store } from '../../src/lib/checklist/schema.ts';
import { ChecklistError, emptyStore, serialise } from '../../src/lib/checklist/state.ts';
import { setNote } from '../../src/lib/checklist/printable.ts';
import { startRun } from '../../src/lib/checklist/runs.ts';

const SEED = 20261129;
const ROLE = 'lanh-dao-ca-truc';
const ITEMS = ['art_7__para_1__point_a', 'art_7__para_1__point_b'];
const START = Date.parse('2026-11-27T00:00:00.000Z');
const ENTRY = { date: '2026-11-27', time: '08:15', kind: 'cong-viec', content: 'Bắt đầu' } as const;

const shared = (): Store =>
  addEntry(
    startRun(
      emptyStore(ROLE),
      {
        date: '2026-11-27',
        shiftStart: '07:30',
        shiftEnd: '16:30',
        shift: '',
        officer: '',
        timeZone: 'Asia/Ho_Chi_Minh',
      },
      new Date(START),
      'run-0001',
    ),
    ENTRY,
    'e-0001',
    new Date(START),
  );

/** A change made in one tab, with the changes that tab had seen when it made it. */
interface Change {
  id: number;
  tab: number;
  /** "note:<item>" or "entry". */
  target: string;
  /** The text typed; null for the entry's removal. */
  text: string | null;
  stamp: number;
  knew: Set<number>;
}

interface Tab {
  store: Store;
  edited: Set<string>;
  /** Writes of the other tab not heard yet, as the storage events carry them. */
  inbox: { raw: string; knew: Set<number> }[];
  /** The changes this tab has seen: its own and those in every store it heard. */
  knows: Set<number>;
  /** The texts of this tab shown in a notice as replaced. */
  noticed: string[];
}

type Step =
  | { kind: 'note'; tab: number; item: number; second: number }
  | { kind: 'entry'; tab: number; second: number }
  | { kind: 'remove'; tab: number; second: number }
  | { kind: 'hear'; tab: number };

const tabIndex = fc.integer({ min: 0, max: 1 });
// Seconds of a clock both tabs share, often equal, so that changes tie on their stamps too.
const second = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('note' as const),
      tab: tabIndex,
      item: fc.nat(1),
      second,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('entry' as const), tab: tabIndex, second }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('remove' as const), tab: tabIndex, second }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('hear' as const), tab: tabIndex }) },
);

/** Plays the steps; then every write is heard, by both tabs, or by tab 0 only when tab 1 has been closed. */
function simulate(steps: readonly Step[], closed = false) {
  const start = shared();
  let storage = serialise(start);
  const tabs: Tab[] = [0, 1].map(() => ({
    store: start,
    edited: new Set(),
    inbox: [],
    knows: new Set(),
    noticed: [],
  }));
  const changes: Change[] = [];
  const runId = start.current!.id;

  // localStorage: setting the value it already holds fires no event in the other tab.
  const write = (from: number) => {
    const raw = serialise(tabs[from]!.store);
    if (raw === storage) return;
    storage = raw;
    tabs[1 - from]!.inbox.push({ raw, knew: new Set(tabs[from]!.knows) });
  };
  const hear = (index: number) => {
    const tab = tabs[index]!;
    const event = tab.inbox.shift();
    if (!event) return;
    const heard = hearOtherTab(tab.store, JSON.parse(event.raw) as Store, tab.edited, storage);
    tab.store = heard.store;
    tab.edited = heard.edited;
    for (const id of event.knew) tab.knows.add(id);
    for (const edit of heard.replaced)
      tab.noticed.push(edit.kind === 'note' ? edit.mine : edit.mine.content);
    if (heard.write) write(index);
  };

  steps.forEach((next, n) => {
    if (next.kind === 'hear') return hear(next.tab);
    const tab = tabs[next.tab]!;
    const now = new Date(START + 1000 + next.second * 1000);
    const text = `${'AB'[next.tab]}${n}`;
    let store: Store;
    try {
      store =
        next.kind === 'note'
          ? setNote(tab.store, ITEMS[next.item]!, text, now)
          : next.kind === 'entry'
            ? updateEntry(tab.store, 'e-0001', { ...ENTRY, content: text }, now)
            : removeEntry(tab.store, 'e-0001', now);
    } catch (error) {
      if (error instanceof ChecklistError) return; // The entry is gone in this tab: nothing to change.
      throw error;
    }
    const run = store.current!;
    const target = next.kind === 'note' ? `note:${ITEMS[next.item]}` : 'entry';
    const stamp =
      next.kind === 'note'
        ? run.items.find((item) => item.id === ITEMS[next.item])!.stamps!.note!
        : next.kind === 'entry'
          ? run.journal.find((entry) => entry.id === 'e-0001')!.stamp!
          : run.removed.find((record) => record.id === 'e-0001')!.stamp;
    changes.push({
      id: n,
      tab: next.tab,
      target,
      text: next.kind === 'remove' ? null : text,
      stamp,
      knew: new Set(tab.knows),
    });
    tab.knows.add(n);
    tab.store = store;
    if (next.kind === 'note') tab.edited.add(noteKey(runId, ITEMS[next.item]!));
    if (next.kind === 'entry') tab.edited.add(entryKey(runId, 'e-0001'));
    write(next.tab);
  });

  // Every write is heard in the end, in turn.
  let rounds = 0;
  while (tabs[0]!.inbox.length > 0 || (!closed && tabs[1]!.inbox.length > 0)) {
    if ((rounds += 1) > 1000) throw new Error('the tabs never settle');
    hear(0);
    if (!closed) hear(1);
  }
  return { tabs, changes, storage };
}

/** What a store ends with for a target: the text of a note or the entry, or null when the entry is gone. */
function finalOf(store: Store, target: string): { text: string | null; stamp: number } {
  const run = store.current!;
  if (target === 'entry') {
    const entry = run.journal.find((candidate) => candidate.id === 'e-0001');
    if (entry) return { text: entry.content, stamp: entry.stamp ?? 0 };
    return { text: null, stamp: run.removed.find((r) => r.id === 'e-0001')?.stamp ?? 0 };
  }
  const item = run.items.find((candidate) => `note:${candidate.id}` === target);
  return { text: item?.note ?? '', stamp: item?.stamps?.note ?? 0 };
}

/** Whether two stores hold the same runs, the order of their fields and items aside. */
const sameStore = (a: Store, b: Store) =>
  JSON.stringify(mergeStores(a, a)) === JSON.stringify(mergeStores(b, b));

const steps = fc.array(step, { minLength: 1, maxLength: 30 });

describe('two tabs typing into the same notes and entry, heard late and in any order', () => {
  it('end with the same runs in both tabs and in the storage (500 generated orders)', () => {
    fc.assert(
      fc.property(steps, (generated) => {
        const { tabs, storage } = simulate(generated);
        expect(sameStore(tabs[0]!.store, tabs[1]!.store)).toBe(true);
        expect(sameStore(tabs[0]!.store, JSON.parse(storage) as Store)).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('keep what a closed tab wrote, in the tab left open and in the storage (500 generated orders)', () => {
    fc.assert(
      fc.property(steps, (generated) => {
        const { tabs, storage } = simulate(generated, true);
        const [open, closed] = [tabs[0]!.store, tabs[1]!.store];
        expect(sameStore(mergeStores(open, closed), open)).toBe(true);
        expect(sameStore(open, JSON.parse(storage) as Store)).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('show a tab its text whenever a change made without seeing it replaced it (500 generated orders)', () => {
    fc.assert(
      fc.property(steps, (generated) => {
        const { tabs, changes } = simulate(generated);
        for (const target of ['note:' + ITEMS[0], 'note:' + ITEMS[1], 'entry']) {
          const final = finalOf(tabs[0]!.store, target);
          // The changes that could have given the end state: the removals of its stamp, or the text's one edit.
          const winners = changes.filter(
            (c) =>
              c.target === target &&
              (final.text === null
                ? c.text === null && c.stamp === final.stamp
                : c.text === final.text),
          );
          for (const tab of [0, 1]) {
            const last = changes.findLast((c) => c.tab === tab && c.target === target);
            if (!last || last.text === null || last.text === final.text) continue;
            if (winners.some((winner) => winner.knew.has(last.id))) continue;
            expect(tabs[tab]!.noticed, `${target}: ${last.text} of tab ${tab}`).toContain(
              last.text,
            );
          }
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('which edits a tab keeps tracking after hearing another tab', () => {
  const run = 'run-0001';
  const key = noteKey(run, ITEMS[0]!);
  const base = shared();
  const mine = setNote(base, ITEMS[0]!, 'ghi ở thẻ A', new Date(START + 2000));
  const tracked = (theirs: Store, edits: string[] = [key], own = mine) =>
    hearOtherTab(own, theirs, new Set(edits), null).edited;

  it('keeps an edit the other tab has not seen (an older store, heard late)', () => {
    expect(tracked(base)).toEqual(new Set([key]));
  });

  it('keeps it against another text with the same stamp that it wins over', () => {
    const same = setNote(base, ITEMS[0]!, 'ghi ở thẻ 0', new Date(START + 2000));
    expect(hearOtherTab(mine, same, new Set([key]), null).replaced).toEqual([]);
    expect(tracked(same)).toEqual(new Set([key]));
  });

  it('drops an edit the other tab holds, or that a later change replaced (and shows it)', () => {
    expect(tracked(mine)).toEqual(new Set());
    const later = setNote(mine, ITEMS[0]!, 'ghi ở thẻ B', new Date(START + 3000));
    expect(hearOtherTab(mine, later, new Set([key]), null).replaced).toHaveLength(1);
    expect(tracked(later)).toEqual(new Set());
  });

  it('keeps an entry edit until the other tab has it or removed it later', () => {
    const entry = entryKey(run, 'e-0001');
    const edited = updateEntry(
      base,
      'e-0001',
      { ...ENTRY, content: 'Sửa' },
      new Date(START + 2000),
    );
    expect(tracked(base, [entry], edited)).toEqual(new Set([entry]));
    expect(tracked(edited, [entry], edited)).toEqual(new Set());
    const removed = removeEntry(edited, 'e-0001', new Date(START + 3000));
    expect(tracked(removed, [entry], edited)).toEqual(new Set());
  });
});
