/**
 * The one store (src/lib/store/kept.ts, read.ts) as the pages use it, against a model
 * (fast-check, fixed seed, 500 generated sequences a property): two tabs over one storage
 * that may become full or blocked and be freed again; a person typing notes, ticking, marking
 * an item «không phát sinh trong ca»,
 * adding entries up to the journal's cap (both tabs adding the last one at once), importing
 * run files (a far stamp among them), reloading a tab (and acting while it is still reading),
 * another tab of a newer version writing; each tab hearing the other's writes late, in order,
 * as storage events carry them. After every sequence, once the storage is freed and everyone
 * has heard everything:
 *
 * 1. both tabs and the storage hold the same state, and it validates (the store's schema and
 *    its invariants): no merge ever gave a state the store refuses;
 * 2. no change a person made is gone without a notice that names it: the change is in the
 *    end state, or a later change made after seeing it replaced it, or the tab said so (the
 *    replaced text, a save that did not happen, a change refused);
 * 3. set-aside copies stay bounded (at most MAX_ASIDE), and a newer version's text is never
 *    written over before it is copied aside or downloaded.
 *
 * The same harness runs the trainer's draft (src/lib/drills/draft.ts): two tabs typing into
 * the same fields end on one value (the race seen in drills-tabs.test.ts, where the draft's
 * old three-way merge let two tabs settle on 'Phòng A1' and 'Phòng B1').
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEntry, removeEntry, updateEntry } from '../../src/lib/checklist/entries.ts';
import { fits } from '../../src/lib/checklist/invariants.ts';
import { loadKept } from '../../src/lib/checklist/load.ts';
import { entryKey, followEdits, mergeStores, noteKey } from '../../src/lib/checklist/merge.ts';
import { importRun } from '../../src/lib/checklist/run-file.ts';
import { setNotArisen, startRun } from '../../src/lib/checklist/runs.ts';
import { LIMITS, storageKey, VERSION, type Store } from '../../src/lib/checklist/schema.ts';
import { storeSchema } from '../../src/lib/checklist/store-schema.ts';
import { ChecklistError, emptyStore, serialise, setDone } from '../../src/lib/checklist/state.ts';
import { setNote } from '../../src/lib/checklist/printable.ts';
import { loadDraft } from '../../src/lib/drills/aar-schema.ts';
import { emptyReport } from '../../src/lib/drills/aar.ts';
import { changeDraft, emptyDraft, type Draft } from '../../src/lib/drills/draft.ts';
import { followDraftEdits, mergeDrafts, reportOf } from '../../src/lib/drills/draft-merge.ts';
import { Kept, type Backend, type Kind, type Saved } from '../../src/lib/store/kept.ts';
import { asidePrefix, MAX_ASIDE } from '../../src/lib/store/limits.ts';
import { hearStore, openStore } from '../../src/lib/store/read.ts';

const SEED = 20261207;
const RUNS = 500;
const ROLE = 'lanh-dao-ca-truc';
const ITEMS = ['art_7__para_1__point_a', 'art_7__para_1__point_b'];
/** An item that applies only when something arises: both tabs may mark it «không phát sinh». */
const ARISES = 'art_7__para_1__point_d--lam-ro';
const START = Date.parse('2026-11-27T01:00:00.000Z');

// ── the storage: one map, seen by each tab through its own view ───────────────

type Mode = 'ok' | 'full' | 'blocked';

class Storage {
  map = new Map<string, string>();
  mode: Mode = 'ok';
  /** What the writer of each key's value knew: a tab that reads it knows as much. */
  knewOf = new Map<string, Set<number>>();
  /** The same by text, and the changes held in a text set aside (copied, or offered for download). */
  knewOfText = new Map<string, Set<number>>();
  keptAside = new Set<number>();
  /** Storage events not heard yet, per tab: the value written, and what the writer knew. */
  inboxes: { raw: string | null; knew: Set<number> }[][] = [[], []];

  view(tab: number, knows: () => Set<number>): Backend {
    return {
      get: (key) => {
        if (this.mode === 'blocked') throw new DOMException('blocked', 'SecurityError');
        return this.map.get(key) ?? null;
      },
      set: (key, value) => {
        if (this.mode !== 'ok') throw new DOMException('full', 'QuotaExceededError');
        if (this.map.get(key) === value) return; // no event for the same value
        this.map.set(key, value);
        this.knewOf.set(key, new Set(knows()));
        this.knewOfText.set(value, new Set(knows()));
        this.inboxes.forEach((inbox, other) => {
          if (other !== tab) inbox.push({ raw: value, knew: new Set(knows()) });
        });
      },
      keys: () => {
        if (this.mode === 'blocked') throw new DOMException('blocked', 'SecurityError');
        return [...this.map.keys()];
      },
    };
  }

  /** Each tab's sessionStorage: its own, outliving a reload; blocked with the rest. */
  sessions = [new Map<string, string>(), new Map<string, string>()];

  session(tab: number): Backend {
    const map = this.sessions[tab]!;
    return {
      get: (key) => {
        if (this.mode === 'blocked') throw new DOMException('blocked', 'SecurityError');
        return map.get(key) ?? null;
      },
      set: (key, value) => {
        if (this.mode !== 'ok') throw new DOMException('full', 'QuotaExceededError');
        map.set(key, value);
      },
      keys: () => [...map.keys()],
    };
  }

  /** A tab of a newer version writes its own format: every open tab hears it. */
  newerVersion(key: string, stamp: number): void {
    // It read what was stored, and keeps it in its own format.
    const raw = JSON.stringify({ ...JSON.parse(this.map.get(key) ?? '{}'), version: 99, stamp });
    this.knewOfText.set(raw, new Set(this.knewOf.get(key)));
    this.map.set(key, raw);
    for (const inbox of this.inboxes) inbox.push({ raw, knew: new Set() });
  }
}

// ── a change a person made, for the oracle ────────────────────────────────────

interface Change {
  id: number;
  tab: number;
  /** What it changed ("note:<item>", "tick:<item>", "skip:<item>", "entry:<id>"), and to what. */
  target: string;
  value: string;
  /** The changes its tab had seen when it was made. */
  knew: Set<number>;
}

interface Tab<S> {
  kept: Kept<S>;
  edited: Set<string>;
  knows: Set<number>;
  /** Values of this tab's changes that a notice named: replaced, not stored, refused. */
  noticed: Set<string>;
  /** Whether a notice that saves failed is up (it offers what is on the page for download). */
  failing: boolean;
}

const ok = (saved: Saved) => saved === 'saved' || saved === 'unchanged';

// ── the shift runs ───────────────────────────────────────────────────────────

const checklistKind: Kind<Store> = {
  key: storageKey(ROLE),
  empty: () => emptyStore(ROLE),
  load: (raw) => loadKept(raw, ROLE),
  serialise,
  merge: mergeStores,
  valid: fits,
};

/** A run open since START, with `entries` journal entries already (99: one short of the cap). */
function opened(entries: number): Store {
  let store = startRun(
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
  );
  for (let n = 0; n < entries; n += 1)
    store = addEntry(
      store,
      { date: '2026-11-27', time: '08:00', kind: 'cong-viec', content: `Mục ${n}` },
      `e-${String(n).padStart(4, '0')}`,
      new Date(START),
    );
  return store;
}

type Step =
  | { kind: 'note'; tab: number; item: number }
  | { kind: 'tick'; tab: number; item: number }
  | { kind: 'skip'; tab: number }
  | { kind: 'entry'; tab: number }
  | { kind: 'edit'; tab: number }
  | { kind: 'remove'; tab: number }
  | { kind: 'import'; tab: number; far: boolean }
  | { kind: 'hear'; tab: number }
  | { kind: 'storage'; mode: Mode }
  | { kind: 'reload'; tab: number; early: boolean }
  | { kind: 'newer'; tab: number }
  | { kind: 'download'; tab: number }
  | { kind: 'clock'; seconds: number };

const tab = fc.integer({ min: 0, max: 1 });
const item = fc.nat(1);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('note' as const), tab, item }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), tab, item }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skip' as const), tab }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('entry' as const), tab }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), tab }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), tab }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('import' as const), tab, far: fc.boolean() }),
  },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('hear' as const), tab }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('storage' as const),
      mode: fc.constantFrom<Mode>('ok', 'ok', 'full', 'blocked'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reload' as const), tab, early: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('newer' as const), tab }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('download' as const), tab }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('clock' as const),
      seconds: fc.integer({ min: 0, max: 3 }),
    }),
  },
);

/** Plays the steps over two tabs of a role page, then frees the storage and lets everyone hear everything. */
export function simulateRuns(steps: readonly Step[], entries: number) {
  const storage = new Storage();
  const start = opened(entries);
  storage.map.set(checklistKind.key, serialise(start));
  const changes: Change[] = [];
  let clock = START + 1000;
  const tabs: Tab<Store>[] = [];
  const open = (index: number, early?: () => void): Tab<Store> => {
    const knows = tabs[index]?.knows ?? new Set<number>();
    const kept = new Kept(
      checklistKind,
      storage.view(index, () => knows),
      () => new Date(clock),
    );
    kept.tabCopy = storage.session(index);
    early?.();
    const next: Tab<Store> = {
      kept,
      // The edits a tab tracks outlive a reload (sessionStorage), unless storage is blocked.
      edited: storage.mode === 'blocked' ? new Set() : new Set(tabs[index]?.edited ?? []),
      knows,
      noticed: tabs[index]?.noticed ?? new Set(),
      failing: false,
    };
    tabs[index] = next;
    return next;
  };
  // Opening: what is stored is read; what cannot be used is set aside (or held) and said.
  const read = (t: Tab<Store>) => {
    const knew = storage.knewOf.get(checklistKind.key) ?? [];
    const aside = openStore(t.kept);
    for (const id of (aside && storage.knewOfText.get(aside.raw)) || []) storage.keptAside.add(id);
    if (t.kept.readable) for (const id of knew) t.knows.add(id);
    const reclaimed = t.kept.reclaimed;
    if (reclaimed?.theirs) {
      const followed = followEdits(reclaimed.before, reclaimed.theirs, t.kept.state, t.edited);
      t.edited = followed.edited;
      for (const edit of followed.replaced)
        t.noticed.add(edit.kind === 'note' ? edit.mine : edit.mine.content);
    }
    if (!t.kept.ready) t.kept.ready = true; // a blocked storage reads as nothing
    return aside;
  };
  for (const index of [0, 1]) read(open(index));

  const said = (t: Tab<Store>, saved: Saved, values: string[]) => {
    if (ok(saved)) t.failing = false;
    else {
      t.failing = true;
      for (const value of values) t.noticed.add(value);
    }
  };
  const hear = (index: number) => {
    const t = tabs[index]!;
    const event = storage.inboxes[index]!.shift();
    if (!event) return;
    // What the other tab knew comes in with its store (a merge written back carries it on).
    const before = new Set(t.knows);
    for (const id of event.knew) t.knows.add(id);
    const heard = hearStore(t.kept, event.raw);
    said(t, heard.saved, []);
    for (const id of (heard.aside && storage.knewOfText.get(heard.aside.raw)) || [])
      storage.keptAside.add(id);
    if (heard.theirs) {
      const followed = followEdits(heard.before, heard.theirs, t.kept.state, t.edited);
      t.edited = followed.edited;
      for (const edit of followed.replaced)
        t.noticed.add(edit.kind === 'note' ? edit.mine : edit.mine.content);
    } else t.knows = before;
  };
  /** A person's change in a tab: refused ones are said where they were made, so they count as noticed. */
  const change = (
    index: number,
    n: number,
    make: (s: Store, now: Date) => Store,
    target: string,
    value: string,
    edit?: string,
  ) => {
    const t = tabs[index]!;
    let next: Store;
    try {
      next = make(t.kept.state, new Date(clock));
    } catch (error) {
      if (error instanceof ChecklistError) return;
      throw error;
    }
    changes.push({ id: n, tab: index, target, value, knew: new Set(t.knows) });
    t.knows.add(n);
    const saved = t.kept.save(next);
    if (edit) t.edited.add(edit);
    said(t, saved, [value]);
  };

  steps.forEach((next, n) => {
    const runId = 'run-0001';
    switch (next.kind) {
      case 'hear':
        return hear(next.tab);
      case 'storage':
        storage.mode = next.mode;
        return;
      case 'clock':
        clock += next.seconds * 1000;
        return;
      case 'newer':
        storage.newerVersion(checklistKind.key, n);
        return;
      case 'download':
        // The person downloads a held original: the tab may write again.
        tabs[next.tab]!.kept.release();
        return;
      case 'reload': {
        // What this tab had not stored is gone with it, but it said so (failing); its
        // unheard events go too: it reads the storage afresh.
        storage.inboxes[next.tab] = [];
        const t = open(next.tab);
        if (next.early) {
          // A tick before the stored runs are read: the store takes nothing yet.
          const saved = t.kept.save(setDone(opened(0), ITEMS[0]!, true, new Date(clock)));
          expect(saved).toBe('not-ready');
          t.kept.state = t.kept.kind.empty();
        }
        read(t);
        return;
      }
      case 'note': {
        const text = `${'AB'[next.tab]}${n}`;
        return change(
          next.tab,
          n,
          (s, now) => setNote(s, ITEMS[next.item]!, text, now),
          `note:${ITEMS[next.item]}`,
          text,
          noteKey(runId, ITEMS[next.item]!),
        );
      }
      case 'tick':
        return change(
          next.tab,
          n,
          (s, now) => setDone(s, ITEMS[next.item]!, true, now),
          `tick:${ITEMS[next.item]}`,
          'ticked',
        );
      case 'skip':
        return change(
          next.tab,
          n,
          (s, now) => setNotArisen(s, ARISES, true, now),
          `skip:${ARISES}`,
          'not arisen',
        );
      case 'entry': {
        const text = `Mục ${'AB'[next.tab]}${n}`;
        const id = `e-x${n}`;
        return change(
          next.tab,
          n,
          (s, now) =>
            addEntry(
              s,
              { date: '2026-11-27', time: '09:00', kind: 'tinh-huong', content: text },
              id,
              now,
            ),
          `entry:${id}`,
          text,
          entryKey(runId, id),
        );
      }
      case 'edit': {
        const text = `Sửa ${'AB'[next.tab]}${n}`;
        return change(
          next.tab,
          n,
          (s, now) =>
            updateEntry(
              s,
              'e-0000',
              { date: '2026-11-27', time: '08:00', kind: 'cong-viec', content: text },
              now,
            ),
          'entry:e-0000',
          text,
          entryKey(runId, 'e-0000'),
        );
      }
      case 'remove':
        return change(next.tab, n, (s, now) => removeEntry(s, 'e-0000', now), 'entry:e-0000', '');
      case 'import': {
        // An ended run from a file; with a far stamp, the file is refused before (run-file.ts),
        // and the store's invariants refuse what slipped through (importRun).
        const base = opened(0).current!;
        const run = {
          ...base,
          id: `run-f${n}`,
          startedAt: new Date(START - 86_400_000).toISOString(),
          endedAt: new Date(START - 80_000_000).toISOString(),
          date: '2026-11-26',
          stamp: next.far ? Number.MAX_SAFE_INTEGER : START - 80_000_000,
        };
        return change(
          next.tab,
          n,
          (s) => {
            const result = importRun(s, run, `run-g${n}`);
            if (!fits(result.store)) throw new ChecklistError('refused');
            return result.store;
          },
          `run:${run.id}`,
          'imported',
        );
      }
    }
  });

  // The storage is freed, each held original downloaded, and each tab writes what it holds
  // (the next change a person makes would): then everyone hears everything.
  storage.mode = 'ok';
  for (const t of tabs) {
    t.kept.release();
    said(t, t.kept.save(t.kept.state), []);
  }
  for (let rounds = 0; storage.inboxes.some((inbox) => inbox.length > 0); rounds += 1) {
    if (rounds > 2000) throw new Error('the tabs never settle');
    hear(0);
    hear(1);
  }
  return { storage, tabs, changes };
}

/** What the end state holds for a target. */
function valueOf(store: Store, target: string): string | undefined {
  const [what, id] = target.split(':') as [string, string];
  const runs = [...(store.current ? [store.current] : []), ...store.history];
  const run = store.current;
  if (what === 'note') return run?.items.find((i) => i.id === id)?.note;
  if (what === 'tick') return run?.items.find((i) => i.id === id)?.doneAt ? 'ticked' : undefined;
  if (what === 'skip')
    return run?.items.find((i) => i.id === id)?.notArisenAt ? 'not arisen' : undefined;
  if (what === 'entry') {
    const entry = run?.journal.find((e) => e.id === id);
    return entry ? entry.content : '';
  }
  return runs.some((r) => r.id === id) || runs.length > 0 ? 'imported' : undefined;
}

const same = (a: Store, b: Store) =>
  JSON.stringify(mergeStores(a, a)) === JSON.stringify(mergeStores(b, b));

describe('the one store, two tabs of a role page, against a model', () => {
  const sequences = fc.array(step, { minLength: 1, maxLength: 30 });

  it(`settles on one state that validates, and keeps set-aside copies bounded (${RUNS} sequences)`, () => {
    fc.assert(
      fc.property(sequences, fc.constantFrom(0, 0, 99), (steps, entries) => {
        const { storage, tabs } = simulateRuns(steps, entries);
        const raw = storage.map.get(checklistKind.key)!;
        const stored = JSON.parse(raw) as Store;
        // A newer version's text is the last word only if no old tab wrote after it.
        if (stored.version === VERSION) {
          expect(storeSchema.safeParse(stored).success, raw.slice(0, 300)).toBe(true);
          expect(fits(stored)).toBe(true);
          for (const t of tabs) expect(same(t.kept.state, stored)).toBe(true);
        }
        const copies = [...storage.map.keys()].filter((key) =>
          key.startsWith(asidePrefix(checklistKind.key)),
        );
        expect(copies.length).toBeLessThanOrEqual(MAX_ASIDE);
        // Every newer text written was copied aside, or is still the stored one.
        for (const value of new Set(
          [...storage.map.values()].filter((v) => v.includes('"version":99')),
        ))
          expect(copies.map((key) => storage.map.get(key)).concat(raw)).toContain(value);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // About 3 s on a quiet 2-core machine; the margin is for a loaded one.
  }, 30_000);

  it(`loses no change a person made without a notice that names it (${RUNS} sequences)`, () => {
    fc.assert(
      fc.property(sequences, fc.constantFrom(0, 0, 99), (steps, entries) => {
        const { storage, tabs, changes } = simulateRuns(steps, entries);
        const stored = JSON.parse(storage.map.get(checklistKind.key)!) as Store;
        if (stored.version !== VERSION) return; // the newer version's tab holds the last word
        for (const target of new Set(changes.map((c) => c.target))) {
          const final = valueOf(stored, target);
          const winners = changes.filter((c) => c.target === target && c.value === final);
          for (const index of [0, 1]) {
            const last = changes.findLast((c) => c.tab === index && c.target === target);
            if (!last || last.value === final) continue;
            if (winners.some((winner) => winner.knew.has(last.id))) continue;
            // In a text set aside with a notice (copied, or held for download): kept, and said.
            if (storage.keptAside.has(last.id)) continue;
            expect(
              tabs[index]!.noticed,
              `${target}: «${last.value}» of tab ${index}, the end holds «${final}»`,
            ).toContain(last.value);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // About 3 s on a quiet 2-core machine; the margin is for a loaded one.
  }, 30_000);

  it('a full journal heard from two tabs that both added the last entry stays within the cap', () => {
    const storage = new Storage();
    storage.map.set(checklistKind.key, serialise(opened(LIMITS.entries - 1)));
    const tabs = [0, 1].map((index) => {
      const kept = new Kept(
        checklistKind,
        storage.view(index, () => new Set()),
      );
      openStore(kept);
      return kept;
    });
    tabs.forEach((kept, index) =>
      kept.save(
        addEntry(
          kept.state,
          { date: '2026-11-27', time: '09:00', kind: 'cong-viec', content: `Tab ${index}` },
          `e-tab${index}`,
          new Date(START + 1000),
        ),
      ),
    );
    let writes = 0;
    for (let rounds = 0; storage.inboxes.some((inbox) => inbox.length > 0); rounds += 1) {
      expect(rounds, 'a refused merge loops').toBeLessThan(20);
      tabs.forEach((kept, index) => {
        const event = storage.inboxes[index]!.shift();
        if (event && hearStore(kept, event.raw).saved === 'saved') writes += 1;
      });
    }
    const stored = JSON.parse(storage.map.get(checklistKind.key)!) as Store;
    expect(stored.current!.journal).toHaveLength(LIMITS.entries);
    expect(fits(stored)).toBe(true);
    expect(writes).toBeLessThanOrEqual(2);
    expect([...storage.map.keys()].filter((key) => key.includes('set-aside'))).toEqual([]);
  });
});

// ── the trainer's draft ──────────────────────────────────────────────────────

const DRILL = 'nghi-van';
const draftKind: Kind<Draft> = {
  key: `so-tay-truc-ban:aar:${DRILL}`,
  empty: () => emptyDraft(DRILL),
  load: (raw) => loadDraft(raw, DRILL),
  serialise: (draft) => JSON.stringify(draft),
  merge: mergeDrafts,
  valid: (draft) => draft.drill === DRILL,
};

type DraftStep =
  | { kind: 'type'; tab: number; field: 'place' | 'evaluator' | 'hotWash' }
  | { kind: 'hear'; tab: number }
  | { kind: 'clock'; seconds: number };

const draftStep: fc.Arbitrary<DraftStep> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      tab,
      field: fc.constantFrom('place' as const, 'evaluator' as const, 'hotWash' as const),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('hear' as const), tab }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('clock' as const),
      seconds: fc.integer({ min: 0, max: 1 }),
    }),
  },
);

describe("the one store, two tabs of a trainer's draft, against a model", () => {
  it(`end on one value of every field, and a tab whose text lost shows it (${RUNS} sequences)`, () => {
    fc.assert(
      fc.property(fc.array(draftStep, { minLength: 1, maxLength: 30 }), (steps) => {
        const storage = new Storage();
        let clock = START;
        const knows = [new Set<number>(), new Set<number>()];
        const tabs = [0, 1].map((index) => {
          const kept = new Kept(
            draftKind,
            storage.view(index, () => knows[index]!),
          );
          openStore(kept);
          return { kept, edited: new Set<string>(), noticed: new Set<string>() };
        });
        const changes: Change[] = [];
        const hear = (index: number) => {
          const t = tabs[index]!;
          const event = storage.inboxes[index]!.shift();
          if (!event) return;
          const heard = hearStore(t.kept, event.raw);
          if (!heard.theirs) return;
          const followed = followDraftEdits(heard.before, heard.theirs, t.kept.state, t.edited);
          t.edited = followed.edited;
          for (const conflict of followed.conflicts) t.noticed.add(String(conflict.mine));
          for (const id of event.knew) knows[index]!.add(id);
        };
        steps.forEach((next, n) => {
          if (next.kind === 'hear') return hear(next.tab);
          if (next.kind === 'clock') return void (clock += next.seconds * 1000);
          const t = tabs[next.tab]!;
          // What the form shows is the draft; the person types a new text into one field.
          const report = reportOf(t.kept.state, '');
          const text = `${'AB'[next.tab]}${n}`;
          const typed =
            next.field === 'hotWash'
              ? { ...report, hotWash: text }
              : { ...report, exercise: { ...report.exercise, [next.field]: text } };
          const { draft, changed } = changeDraft(t.kept.state, typed, clock);
          const path = next.field === 'hotWash' ? 'hotWash' : `exercise.${next.field}`;
          changes.push({
            id: n,
            tab: next.tab,
            target: path,
            value: text,
            knew: new Set(knows[next.tab]),
          });
          knows[next.tab]!.add(n);
          for (const edited of changed) t.edited.add(edited);
          t.kept.save(draft);
        });
        for (let rounds = 0; storage.inboxes.some((inbox) => inbox.length > 0); rounds += 1) {
          if (rounds > 1000) throw new Error('the drafts never settle');
          hear(0);
          hear(1);
        }
        const stored = storage.map.get(draftKind.key);
        const [a, b] = tabs.map((t) => reportOf(t.kept.state, ''));
        expect(a).toEqual(b);
        if (stored) expect(reportOf(JSON.parse(stored) as Draft, '')).toEqual(a);
        const final = a!;
        expect({ ...final, exercise: { ...final.exercise } }).toMatchObject(
          emptyReport(DRILL, '') && { format: 'so-tay-truc-ban/aar' },
        );
        for (const target of new Set(changes.map((c) => c.target))) {
          const value =
            target === 'hotWash' ? final.hotWash : final.exercise[target.split('.')[1] as 'place'];
          // A field ends with a text someone typed into it, never the blank it had before.
          expect(
            changes.some((c) => c.target === target && c.value === value),
            `${target} ends «${value}»`,
          ).toBe(true);
          const winners = changes.filter((c) => c.target === target && c.value === value);
          for (const index of [0, 1]) {
            const last = changes.findLast((c) => c.tab === index && c.target === target);
            if (!last || last.value === value) continue;
            if (winners.some((winner) => winner.knew.has(last.id))) continue;
            expect(tabs[index]!.noticed, `${target}: ${last.value} of tab ${index}`).toContain(
              last.value,
            );
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // About 3 s on a quiet 2-core machine; the margin is for a loaded one.
  }, 30_000);
});
