import { describe, expect, it } from 'vitest';
import { loadStore, MIGRATIONS, type Migration } from '../../src/lib/checklist/load.ts';
import {
  FORMAT,
  setAsideKey,
  storageKey,
  VERSION,
  type Run,
  type Store,
} from '../../src/lib/checklist/schema.ts';
import { storeSchema } from '../../src/lib/checklist/store-schema.ts';
import { emptyStore, serialise, setDone } from '../../src/lib/checklist/state.ts';
import { setNote } from '../../src/lib/checklist/printable.ts';
import { endRun, setNotArisen, startRun } from '../../src/lib/checklist/runs.ts';
import { deviceTimeZone } from '../../src/lib/checklist/time.ts';
import { addEntry, inputOf, updateEntry } from '../../src/lib/checklist/entries.ts';
import { closeMatter } from '../../src/lib/checklist/matters.ts';

const ROLE = 'cong-chuc-gshqtt';
const ITEM = 'art_7__para_3__subpara_2__point_c--bao-cao';
const at = (hhmm: string) => new Date(`2026-11-27T${hhmm}:00.000Z`);
const run = (store: Store, id: string, shift: string) =>
  startRun(
    store,
    {
      date: '2026-11-27',
      shiftStart: '07:30',
      shiftEnd: '16:30',
      shift,
      officer: 'Trần Thị Bình',
      timeZone: 'Asia/Ho_Chi_Minh',
    },
    at('07:00'),
    id,
  );

/** Two ended runs and an open one with a tick and a note. */
function sample(): Store {
  let store = endRun(
    setDone(run(emptyStore(ROLE), 'run-1', 'Ca 1'), ITEM, true, at('08:00')),
    at('11:00'),
  );
  store = endRun(run(store, 'run-2', 'Ca 2'), at('15:00'));
  store = setNote(
    setDone(run(store, 'run-3', 'Ca 3'), ITEM, true, at('16:00')),
    ITEM,
    'đã báo cáo lãnh đạo phòng lúc 16:05',
    at('16:05'),
  );
  return store;
}

const expectUsable = (store: Store) => expect(storeSchema.safeParse(store).success).toBe(true);

describe('loading stored runs', () => {
  it('starts empty when nothing is stored', () => {
    expect(loadStore(null, ROLE)).toEqual({
      store: emptyStore(ROLE),
      notice: null,
      setAside: null,
    });
  });

  it('reads back exactly what it stored, with no notice', () => {
    const store = sample();
    const loaded = loadStore(serialise(store), ROLE);
    expect(loaded.store).toEqual(store);
    expect(loaded.notice).toBeNull();
    expect(loaded.setAside).toBeNull();
  });

  it('sets aside text that is not JSON (e.g. a truncated write), and starts over with a notice', () => {
    const raw = serialise(sample()).slice(0, 120);
    const loaded = loadStore(raw, ROLE);
    expect(loaded.store).toEqual(emptyStore(ROLE));
    expect(loaded.notice?.kind).toBe('corrupt');
    expect(loaded.notice?.message).toMatch(/bị hỏng/);
    expect(loaded.setAside).toBe(raw);
  });

  it.each([
    ['an array', '[1,2,3]'],
    ['null', 'null'],
    ['another format', JSON.stringify({ format: 'other', version: 1, role: ROLE })],
    ['another role', serialise(emptyStore('lanh-dao-ca-truc'))],
    ['a fractional version', JSON.stringify({ ...emptyStore(ROLE), version: 0.5 })],
  ])('sets aside %s', (_what, raw) => {
    const loaded = loadStore(raw, ROLE);
    expect(loaded.notice?.kind).toBe('corrupt');
    expect(loaded.setAside).toBe(raw);
    expect(loaded.store).toEqual(emptyStore(ROLE));
  });

  it('sets aside state from a newer version instead of guessing at it', () => {
    const raw = JSON.stringify({ ...sample(), version: VERSION + 1, journal: [] });
    const loaded = loadStore(raw, ROLE);
    expect(loaded.notice?.kind).toBe('newer');
    expect(loaded.notice?.message).toContain(`định dạng ${VERSION + 1}`);
    expect(loaded.setAside).toBe(raw);
    expect(loaded.store).toEqual(emptyStore(ROLE));
  });

  it('sets aside a version older than any migration (0), instead of guessing at it', () => {
    expect(Object.keys(MIGRATIONS)).toEqual(['1', '2', '3', '4']);
    const raw = JSON.stringify({ ...sample(), version: 0 });
    const loaded = loadStore(raw, ROLE);
    expect(loaded.notice?.kind).toBe('older');
    expect(loaded.setAside).toBe(raw);
  });

  /** A run as version 2 stored it: no shift times, zone, removals or stamps. */
  const asVersion2 = ({
    shiftStart: _s,
    shiftEnd: _e,
    timeZone: _z,
    removed: _r,
    stamp: _t,
    ...run
  }: Run) => ({
    ...run,
    items: run.items.map(({ stamps: _stamps, ...item }) => item),
    journal: run.journal.map(({ stamp: _stamp, ...entry }) => entry),
  });
  /** What a version 2 run becomes: this device's zone, no shift times (they were never asked), stamp 0. */
  const fromVersion2 = (run: Run): Run => ({
    ...asVersion2(run),
    shiftStart: null,
    shiftEnd: null,
    timeZone: deviceTimeZone(),
    removed: [],
    stamp: 0,
  });
  const migrated = (store: Store): Store => ({
    ...store,
    current: store.current && fromVersion2(store.current),
    history: store.history.map(fromVersion2),
  });

  describe('version 4 → 5 (an entry may be a matter followed, closed, received at handover)', () => {
    it('loads v4 runs as they were, says so, keeps the v4 text, and a matter closed reads back', () => {
      expect(VERSION).toBe(5);
      const store = addEntry(
        sample(),
        {
          date: '2026-11-27',
          time: '16:02',
          kind: 'tinh-huong',
          content: 'Niêm phong container bị cắt, đang xác minh',
        },
        'e-0001',
        at('16:02'),
      );
      const raw = JSON.stringify({ ...store, version: 4 });
      const loaded = loadStore(raw, ROLE);
      expect(loaded.store).toEqual(store);
      expect(loaded.notice?.kind).toBe('migrated');
      expect(loaded.setAside).toBe(raw);
      const entryId = store.current!.journal[0]!.id;
      const followed = updateEntry(
        store,
        entryId,
        { ...inputOf(store.current!.journal[0]!), followUp: true },
        at('16:05'),
      );
      const closed = closeMatter(
        followed,
        entryId,
        { date: store.current!.date, time: '16:20', outcome: 'Đã xác minh' },
        at('16:20'),
      );
      expect(closed.current!.journal[0]).toMatchObject({ followUp: true, outcome: 'Đã xác minh' });
      expect(loadStore(serialise(closed), ROLE)).toEqual({
        store: closed,
        notice: null,
        setAside: null,
      });
    });
  });

  describe('version 3 → 4 (an item may be marked «không phát sinh trong ca»)', () => {
    it('loads v3 runs as they were, says so, keeps the v3 text, and an item marked so reads back', () => {
      const store = sample();
      const raw = JSON.stringify({ ...store, version: 3 });
      const loaded = loadStore(raw, ROLE);
      expect(loaded.store).toEqual(store);
      expect(loaded.notice?.kind).toBe('migrated');
      expect(loaded.setAside).toBe(raw);
      const marked = setNotArisen(store, ITEM, true, at('16:10'));
      expect(loadStore(serialise(marked), ROLE)).toEqual({
        store: marked,
        notice: null,
        setAside: null,
      });
    });
  });

  describe('version 2 → 3 (shift times, the zone of the run, stamps for merging tabs)', () => {
    const version2 = (store: Store) =>
      JSON.stringify({
        ...store,
        version: 2,
        current: store.current && asVersion2(store.current),
        history: store.history.map(asVersion2),
      });

    it('loads v2 runs as v4 in the zone of this device, without inventing shift times, and keeps the v2 text', () => {
      const raw = version2(sample());
      const loaded = loadStore(raw, ROLE);
      expect(loaded.store).toEqual(migrated(sample()));
      expect(loaded.store.current?.shiftStart).toBeNull();
      expect(loaded.notice?.kind).toBe('migrated');
      expect(loaded.notice?.message).toMatch(/không mất ca nào/);
      expect(loaded.setAside).toBe(raw);
      expectUsable(loaded.store);
      // Stored again, it reads back as v4 with no notice.
      expect(loadStore(serialise(loaded.store), ROLE)).toEqual({
        store: loaded.store,
        notice: null,
        setAside: null,
      });
    });
  });

  describe('version 1 → 2 → 3 (a journal on every run)', () => {
    /** What version 1 stored: the v2 runs without "journal". */
    const version1 = (store: Store) => {
      const strip = (run: Run) => {
        const { journal: _journal, ...rest } = asVersion2(run);
        return rest;
      };
      return JSON.stringify({
        ...store,
        version: 1,
        current: store.current && strip(store.current),
        history: store.history.map(strip),
      });
    };

    it('loads v1 runs as v4 with an empty journal each, nothing else changed, and keeps the v1 text', () => {
      const store = sample();
      const raw = version1(store);
      expect(raw).not.toContain('journal');
      const loaded = loadStore(raw, ROLE);
      expect(loaded.store).toEqual(migrated(store));
      expect(loaded.store.current?.journal).toEqual([]);
      expect(loaded.store.history.map((r) => r.journal)).toEqual([[], []]);
      expect(loaded.notice?.kind).toBe('migrated');
      expect(loaded.setAside).toBe(raw);
      expectUsable(loaded.store);
    });

    it('migrates an empty v1 store (no run yet)', () => {
      const raw = JSON.stringify({
        format: FORMAT,
        version: 1,
        role: ROLE,
        current: null,
        history: [],
      });
      const loaded = loadStore(raw, ROLE);
      expect(loaded.store).toEqual(emptyStore(ROLE));
      expect(loaded.notice?.kind).toBe('migrated');
    });

    it('keeps the sound runs of a damaged v1 store, migrated', () => {
      const data = JSON.parse(version1(sample())) as Record<string, unknown> & {
        history: Record<string, unknown>[];
      };
      data.history[0] = { ...data.history[0], startedAt: 'yesterday' };
      const raw = JSON.stringify(data);
      const loaded = loadStore(raw, ROLE);
      expect(loaded.notice?.kind).toBe('partial');
      expect(loaded.notice?.message).toContain('giữ lại 2 ca, 1 ca không đọc được');
      expect(loaded.store.current?.journal).toEqual([]);
      expect(loaded.store.history.map((r) => [r.id, r.journal])).toEqual([['run-1', []]]);
      expect(loaded.setAside).toBe(raw);
      expectUsable(loaded.store);
    });

    it('does not overwrite a "journal" a v1 run should not have had: that run counts as damaged', () => {
      const data = JSON.parse(version1(sample())) as { current: Record<string, unknown> };
      data.current.journal = 'x';
      const loaded = loadStore(JSON.stringify(data), ROLE);
      expect(loaded.notice?.kind).toBe('partial');
      expect(loaded.store.current).toBeNull();
      expect(loaded.store.history).toHaveLength(2);
    });
  });

  // The chain is exercised with a migration written here, from a made-up version 0 that
  // kept a run's ticks as { itemId: instant }; the first real one comes with a later version.
  describe('the migration chain', () => {
    const ticksToItems: Migration = (old) => {
      const convert = (r: Record<string, unknown>) => {
        const { ticks, ...rest } = r as { ticks: Record<string, string> };
        return { ...rest, items: Object.entries(ticks).map(([id, doneAt]) => ({ id, doneAt })) };
      };
      return {
        ...old,
        version: 1,
        current: old.current ? convert(old.current as Record<string, unknown>) : null,
        history: (old.history as Record<string, unknown>[]).map(convert),
      };
    };
    const current = asVersion2(sample().current!);
    const { items: _items, journal: _journal, ...bare } = current;
    const version0 = JSON.stringify({
      format: FORMAT,
      version: 0,
      role: ROLE,
      current: { ...bare, ticks: { [ITEM]: '2026-11-27T16:00:00.000Z' } },
      history: [],
    });

    it('migrates step by step, validates the result, and keeps the old text', () => {
      const loaded = loadStore(version0, ROLE, { ...MIGRATIONS, 0: ticksToItems });
      expect(loaded.notice?.kind).toBe('migrated');
      expect(loaded.notice?.message).toMatch(/không mất ca nào/);
      expect(loaded.store.current?.items).toEqual([
        { id: ITEM, doneAt: '2026-11-27T16:00:00.000Z' },
      ]);
      expect(loaded.setAside).toBe(version0);
      expectUsable(loaded.store);
    });

    it('sets aside state whose migration fails', () => {
      const broken: Migration = () => {
        throw new Error('bug in a migration');
      };
      const loaded = loadStore(version0, ROLE, { ...MIGRATIONS, 0: broken });
      expect(loaded.notice?.kind).toBe('corrupt');
      expect(loaded.setAside).toBe(version0);
      expect(loaded.store).toEqual(emptyStore(ROLE));
    });

    it('sets aside state that a migration leaves invalid', () => {
      const loaded = loadStore(version0, ROLE, {
        ...MIGRATIONS,
        0: (old) => ({ ...old, version: 1 }),
      });
      expect(loaded.notice?.kind).toBe('corrupt');
      expect(loaded.setAside).toBe(version0);
    });
  });

  it('keeps the valid runs when some are damaged, and says how many', () => {
    const data = JSON.parse(serialise(sample())) as Record<string, unknown> & {
      history: Record<string, unknown>[];
    };
    data.history[1] = { ...data.history[1], date: '2026-13-01' };
    const raw = JSON.stringify(data);
    const loaded = loadStore(raw, ROLE);
    expect(loaded.notice?.kind).toBe('partial');
    expect(loaded.notice?.message).toContain('giữ lại 2 ca, 1 ca không đọc được');
    expect(loaded.store.current?.id).toBe('run-3');
    expect(loaded.store.current?.items[0]?.note).toBe('đã báo cáo lãnh đạo phòng lúc 16:05');
    expect(loaded.store.history.map((r) => r.id)).toEqual(['run-2']);
    expect(loaded.setAside).toBe(raw);
    expectUsable(loaded.store);
  });

  it('treats a field it does not know as damage (strict), keeping the text rather than dropping the field', () => {
    const data = JSON.parse(serialise(sample())) as { current: Record<string, unknown> };
    data.current.journal = [{ time: '16:10' }];
    const raw = JSON.stringify(data);
    const loaded = loadStore(raw, ROLE);
    expect(loaded.notice?.kind).toBe('partial');
    expect(loaded.store.current).toBeNull();
    expect(loaded.store.history).toHaveLength(2);
    expect(loaded.setAside).toBe(raw);
  });

  it('rejects an open run marked as ended, duplicate items, bad instants and non-NFC text', () => {
    const store = sample();
    const current = store.current!;
    const cases: Store['current'][] = [
      { ...current, endedAt: '2026-11-27T17:00:00.000Z' },
      { ...current, items: [...current.items, ...current.items] },
      { ...current, items: [{ id: ITEM, doneAt: '2026-11-27 16:00' }] },
      { ...current, shift: 'Ca đêm'.normalize('NFD') },
    ];
    for (const bad of cases) {
      const loaded = loadStore(JSON.stringify({ ...store, current: bad }), ROLE);
      expect(loaded.notice?.kind, JSON.stringify(bad)).toBe('partial');
      expect(loaded.store.current).toBeNull();
      expect(loaded.store.history).toHaveLength(2);
    }
  });

  it('never throws and always returns a usable store, whatever the damage', () => {
    const raw = serialise(sample());
    // A fixed pseudo-random sequence, so a failure can be replayed.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const kinds = new Set<string>();
    for (let n = 0; n < 500; n += 1) {
      const position = Math.floor(random() * raw.length);
      const damaged =
        n % 3 === 0
          ? raw.slice(0, position)
          : n % 3 === 1
            ? raw.slice(0, position) +
              '"x{]9'.charAt(Math.floor(random() * 5)) +
              raw.slice(position + 1)
            : raw.slice(0, position) + raw.slice(position + 1 + Math.floor(random() * 8));
      const loaded = loadStore(damaged, ROLE);
      expectUsable(loaded.store);
      expect(loaded.setAside === null).toBe(loaded.notice === null);
      kinds.add(loaded.notice?.kind ?? 'none');
    }
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['corrupt', 'partial']));
  });

  it('names the storage keys per role, with a distinct key for state set aside', () => {
    expect(storageKey(ROLE)).toBe('so-tay-truc-ban:checklist:cong-chuc-gshqtt');
    expect(setAsideKey(ROLE, at('08:00'))).toBe(
      'so-tay-truc-ban:checklist:cong-chuc-gshqtt:set-aside:2026-11-27T08:00:00.000Z',
    );
  });
});
