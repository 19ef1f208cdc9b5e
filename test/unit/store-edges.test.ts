/**
 * The one store's rules, one case each (src/lib/store/kept.ts, read.ts), and the edges of
 * what it keeps that the pages and files reach: set-aside that is true when storage is full,
 * bounded copies, a write before the store is read, hostile keys, far stamps, impossible
 * dates and ticks outside their run, the salvage's count.
 */
import { describe, expect, it } from 'vitest';
import { loadKept, loadStore } from '../../src/lib/checklist/load.ts';
import { mergeStores } from '../../src/lib/checklist/merge.ts';
import { parseRunFile, runFile, serialiseRunFile } from '../../src/lib/checklist/run-file.ts';
import { startRun } from '../../src/lib/checklist/runs.ts';
import { LIMITS, storageKey, type Store } from '../../src/lib/checklist/schema.ts';
import { storeSchema } from '../../src/lib/checklist/store-schema.ts';
import { emptyStore, serialise, setDone } from '../../src/lib/checklist/state.ts';
import { object, string } from '../../src/lib/checklist/validator.ts';
import { learningKind, loadFile } from '../../src/lib/learning/kind.ts';
import { setLearner, emptyState } from '../../src/lib/learning/state.ts';
import { Kept, type Backend, type Kind } from '../../src/lib/store/kept.ts';
import { asidePrefix, FILE_STAMP_MAX, MAX_ASIDE } from '../../src/lib/store/limits.ts';
import { hearStore, openStore } from '../../src/lib/store/read.ts';
import { asideWhere, notSaved } from '../../src/lib/store/wording.ts';

const ROLE = 'lanh-dao-ca-truc';
const NOW = new Date('2026-11-27T09:00:00.000Z');

/** A storage that may be full (writes throw) or blocked (everything throws). */
function memory(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  const state = { full: false, blocked: false };
  const backend: Backend = {
    get: (key) => {
      if (state.blocked) throw new Error('blocked');
      return map.get(key) ?? null;
    },
    set: (key, value) => {
      if (state.blocked || state.full) throw new Error('QuotaExceededError');
      map.set(key, value);
    },
    keys: () => {
      if (state.blocked) throw new Error('blocked');
      return [...map.keys()];
    },
  };
  return { map, state, backend };
}

const kind: Kind<Store> = {
  key: storageKey(ROLE),
  empty: () => emptyStore(ROLE),
  load: (raw) => loadKept(raw, ROLE),
  serialise,
  merge: mergeStores,
  valid: () => true,
};

const opened = () =>
  startRun(
    emptyStore(ROLE),
    { date: '2026-11-27', shiftStart: '07:30', shiftEnd: '16:30', timeZone: 'Asia/Ho_Chi_Minh' },
    NOW,
    'run-0001',
  );

const NEWER = JSON.stringify({ format: 'so-tay-truc-ban/checklist', version: 9, role: ROLE });

describe('the one store', () => {
  it('copies a newer store aside before writing over it, and says so', () => {
    const { map, backend } = memory({ [kind.key]: NEWER });
    const kept = new Kept(kind, backend, () => NOW);
    const aside = openStore(kept);
    expect(aside?.where).toBe('stored');
    expect(map.get(`${asidePrefix(kind.key)}${NOW.toISOString()}`)).toBe(NEWER);
    expect(kept.save(opened())).toBe('saved');
    expect(asideWhere('stored')).toBe('Bản lưu cũ được cất riêng trong trình duyệt, không bị xóa.');
  });

  it('with storage full, holds the newer store: nothing is written over it until it is downloaded, and the notice does not say it was kept', () => {
    const { map, state, backend } = memory({ [kind.key]: NEWER });
    state.full = true;
    const kept = new Kept(kind, backend, () => NOW);
    const aside = openStore(kept);
    expect(aside?.where).toBe('held');
    expect(asideWhere('held')).not.toMatch(/không bị xóa|được cất/);
    state.full = false;
    expect(kept.save(opened())).toBe('held');
    expect(map.get(kind.key)).toBe(NEWER);
    expect(notSaved('held')).toMatch(/tải bản cũ về máy/);
    kept.release();
    expect(kept.save(opened())).toBe('saved');
  });

  it('never sets the same text aside twice, and at most MAX_ASIDE copies', () => {
    const { map, backend } = memory();
    let clock = NOW.getTime();
    const kept = new Kept(kind, backend, () => new Date((clock += 1000)));
    openStore(kept);
    for (let n = 0; n < 3; n += 1) hearStore(kept, '{not json');
    expect([...map.keys()].filter((k) => k.startsWith(asidePrefix(kind.key)))).toHaveLength(1);
    for (let n = 0; n < 10; n += 1) hearStore(kept, `{not json ${n}`);
    expect([...map.keys()].filter((k) => k.startsWith(asidePrefix(kind.key)))).toHaveLength(
      MAX_ASIDE,
    );
    expect(kept.held).not.toBeNull();
  });

  it('writes nothing before the stored state is read, and a blocked storage reads as nothing', () => {
    const { map, state, backend } = memory({ [kind.key]: serialise(opened()) });
    const kept = new Kept(kind, backend);
    expect(kept.save(emptyStore(ROLE))).toBe('not-ready');
    expect(JSON.parse(map.get(kind.key)!).current).not.toBeNull();
    state.blocked = true;
    const blocked = new Kept(kind, backend);
    expect(openStore(blocked)).toBeNull();
    expect(blocked.save(opened())).toBe('failed');
  });

  it('does not write back what another tab wrote that cannot be read, so two versions never ping-pong', () => {
    const { map, backend } = memory({ [kind.key]: serialise(opened()) });
    const kept = new Kept(kind, backend, () => NOW);
    openStore(kept);
    map.set(kind.key, NEWER);
    const heard = hearStore(kept, NEWER);
    expect(heard.saved).toBe('unchanged');
    expect(heard.aside?.where).toBe('stored');
    expect(map.get(kind.key)).toBe(NEWER);
  });
});

describe('what the stores keep', () => {
  it('refuses "__proto__" and "constructor" as fields (own keys only)', () => {
    const schema = object({ name: string() });
    for (const key of ['__proto__', 'constructor', 'toString'])
      expect(schema.safeParse(JSON.parse(`{"name":"a","${key}":1}`)).success, key).toBe(false);
  });

  it('refuses an instant that does not exist (31 February) and a zone Intl does not know', () => {
    const store = opened();
    const run = store.current!;
    expect(
      storeSchema.safeParse({
        ...store,
        current: { ...run, startedAt: '2026-02-31T01:00:00.000Z' },
      }).success,
    ).toBe(false);
    expect(
      storeSchema.safeParse({ ...store, current: { ...run, timeZone: 'America/Nowhere' } }).success,
    ).toBe(false);
    expect(storeSchema.safeParse(store).success).toBe(true);
  });

  it('refuses a run file with a tick before the run began or after it ended, or a far stamp', () => {
    const ticked = setDone(
      opened(),
      'art_7__para_1__point_a',
      true,
      new Date(NOW.getTime() + 60_000),
    );
    const file = runFile(ticked.current!, NOW);
    const reread = (change: (f: ReturnType<typeof runFile>) => void) => {
      const copy = JSON.parse(serialiseRunFile(file)) as ReturnType<typeof runFile>;
      change(copy);
      return parseRunFile(JSON.stringify(copy), new Date('2026-12-07T00:00:00.000Z'));
    };
    expect(reread(() => undefined).ok).toBe(true);
    const early = reread((f) => (f.run.items[0]!.doneAt = '2001-01-01T00:00:00.000Z'));
    expect(early.ok ? '' : early.issue.rule).toBe('before-start');
    const late = reread((f) => {
      f.run.endedAt = new Date(NOW.getTime() + 120_000).toISOString();
      f.run.items[0]!.doneAt = '2026-12-01T00:00:00.000Z';
    });
    expect(late.ok ? '' : late.issue.rule).toBe('after-end');
    const far = reread((f) => (f.run.stamp = Number.MAX_SAFE_INTEGER));
    expect(far.ok ? '' : far.issue.rule).toBe('stamp');
    const feb = reread((f) => (f.run.startedAt = '2026-02-31T01:00:00.000Z'));
    expect(feb.ok).toBe(false);
  });

  it("refuses a learner's file with a far stamp, which would make every later rename unstorable", () => {
    const state = {
      ...emptyState(),
      learner: { name: 'An', role: null, stamp: Number.MAX_SAFE_INTEGER },
    };
    const loaded = loadFile(JSON.stringify(state));
    expect(loaded.ok ? '' : loaded.problem).toBe('far-stamp');
    const fine = { ...state, learner: { ...state.learner, stamp: FILE_STAMP_MAX } };
    const renamed = setLearner(fine, 'Bình', null, NOW.getTime());
    expect(learningKind.valid(renamed)).toBe(true);
  });

  it('counts the runs a salvage keeps as kept (never one more than the store holds)', () => {
    const history = Array.from({ length: LIMITS.history + 1 }, (_, n) => ({
      ...opened().current!,
      id: `run-${String(n).padStart(4, '0')}`,
      startedAt: new Date(NOW.getTime() - (n + 2) * 86_400_000).toISOString(),
      endedAt: new Date(NOW.getTime() - (n + 1) * 86_400_000).toISOString(),
    }));
    const store = { ...opened(), history };
    const loaded = loadStore(serialise(store), ROLE);
    expect(loaded.store.history).toHaveLength(LIMITS.history);
    expect(loaded.notice?.message).toContain(
      `giữ lại ${LIMITS.history + 1} ca, 1 ca không đọc được`,
    );
  });
});
