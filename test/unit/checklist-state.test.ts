import { describe, expect, it } from 'vitest';
import { LIMITS, storeSchema, type Store } from '../../src/lib/checklist/schema.ts';
import {
  ChecklistError,
  clockTime,
  emptyStore,
  endRun,
  findRun,
  itemOf,
  localDate,
  openItems,
  progress,
  runLabel,
  setApproved,
  setDone,
  setNote,
  startRun,
  unknownItems,
} from '../../src/lib/checklist/state.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';

const ROLE = 'lanh-dao-cap-phong-truc-ban';
const ITEMS = loadHandbook('content').dutiesOf(ROLE).map((d) => d.id);
const [A, B, C] = ITEMS as [string, string, string];
const at = (hhmm: string, day = '2026-11-27') => new Date(`${day}T${hhmm}:00.000Z`);

const started = (store: Store = emptyStore(ROLE), id = 'run-1', when = at('07:30')) =>
  startRun(store, { date: '2026-11-27', shift: 'Ca ngày', officer: 'Nguyễn Văn An' }, when, id);

/** Every state the reducers produce must pass the schema the page validates with on load. */
const valid = (store: Store) => {
  const result = storeSchema.safeParse(store);
  expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  return store;
};

describe('checklist runs (pure state)', () => {
  it('uses the duty ids of the content as item ids', () => {
    expect(ITEMS).toContain('art_7__para_2__point_c--thuc-hien');
    expect(ITEMS).toHaveLength(7);
  });

  it('starts a run with date, shift and an optional officer, all cleared', () => {
    const store = valid(started());
    expect(store.current).toEqual({
      id: 'run-1', role: ROLE, date: '2026-11-27', shift: 'Ca ngày', officer: 'Nguyễn Văn An',
      startedAt: '2026-11-27T07:30:00.000Z', endedAt: null, items: [], journal: [],
    });
    const noOfficer = valid(startRun(emptyStore(ROLE), { date: '2026-11-28', shift: '  Ca   đêm ' }, at('19:00'), 'run-2'));
    expect(noOfficer.current?.officer).toBe('');
    expect(noOfficer.current?.shift).toBe('Ca đêm');
  });

  it('rejects a bad run with a Vietnamese message naming the field, leaving the store as it was', () => {
    const store = emptyStore(ROLE);
    const frozen = JSON.stringify(store);
    const attempt = (input: { date: string; shift: string; officer?: string }) => () => startRun(store, input, at('07:00'), 'run-x');
    expect(attempt({ date: '2026-02-30', shift: 'Ca ngày' })).toThrow(/^Ngày trực:/);
    expect(attempt({ date: '27/11/2026', shift: 'Ca ngày' })).toThrow(ChecklistError);
    expect(attempt({ date: '2026-11-27', shift: '   ' })).toThrow(/^Ca trực: cần ghi/);
    expect(attempt({ date: '2026-11-27', shift: 'c'.repeat(LIMITS.shift + 1) })).toThrow(/^Ca trực: tối đa 60/);
    expect(attempt({ date: '2026-11-27', shift: 'Ca', officer: 'n'.repeat(LIMITS.officer + 1) })).toThrow(/^Người trực:/);
    expect(JSON.stringify(store)).toBe(frozen);
  });

  it('records the time of a tick, keeps the first time on a repeated tick, forgets it on untick', () => {
    let store = valid(setDone(started(), A, true, at('08:05')));
    expect(itemOf(store.current, A)?.doneAt).toBe('2026-11-27T08:05:00.000Z');
    store = setDone(store, A, true, at('09:00'));
    expect(itemOf(store.current, A)?.doneAt).toBe('2026-11-27T08:05:00.000Z');
    store = valid(setDone(store, A, false, at('09:10')));
    expect(itemOf(store.current, A)).toBeUndefined();
    expect(store.current?.items).toEqual([]);
  });

  it('never mutates the store it is given', () => {
    const before = setDone(started(), A, true, at('08:00'));
    const snapshot = JSON.stringify(before);
    setNote(before, A, 'đã báo cáo');
    setDone(before, A, false, at('08:30'));
    setApproved(before, C, true, at('08:40'));
    endRun(before, at('12:00'));
    started(before, 'run-2');
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('keeps a note per item (NFC), and drops it when emptied', () => {
    const decomposed = 'đã báo cáo lãnh đạo phòng lúc 22:10'.normalize('NFD');
    let store = valid(setNote(started(), B, decomposed));
    expect(itemOf(store.current, B)?.note).toBe('đã báo cáo lãnh đạo phòng lúc 22:10'.normalize('NFC'));
    expect(itemOf(store.current, B)?.doneAt).toBeUndefined();
    store = valid(setNote(store, B, '  '));
    expect(itemOf(store.current, B)).toBeUndefined();
    expect(() => setNote(store, B, 'x'.repeat(LIMITS.note + 1))).toThrow(/^Ghi chú: tối đa 300/);
  });

  it('marks approval with its time, independently of the tick', () => {
    let store = valid(setApproved(started(), C, true, at('10:00')));
    expect(itemOf(store.current, C)).toEqual({ id: C, approvedAt: '2026-11-27T10:00:00.000Z' });
    store = valid(setDone(store, C, true, at('10:20')));
    store = valid(setApproved(store, C, false, at('10:30')));
    expect(itemOf(store.current, C)).toEqual({ id: C, doneAt: '2026-11-27T10:20:00.000Z' });
  });

  it('refuses changes when no run is open', () => {
    expect(() => setDone(emptyStore(ROLE), A, true, at('08:00'))).toThrow(/Chưa có ca nào đang mở/);
    expect(() => endRun(emptyStore(ROLE), at('08:00'))).toThrow(ChecklistError);
    expect(() => setDone(started(), 'not-an-id', true, at('08:00'))).toThrow(/Not a checklist item id/);
  });

  it('ends a run into the history, and a new run starts clear with the old one in the history', () => {
    let store = setNote(setDone(started(), A, true, at('08:00')), A, 'xong');
    store = valid(started(store, 'run-2', at('19:30')));
    expect(store.current?.id).toBe('run-2');
    expect(store.current?.items).toEqual([]);
    expect(store.history.map((r) => [r.id, r.endedAt])).toEqual([['run-1', '2026-11-27T19:30:00.000Z']]);
    expect(itemOf(findRun(store, 'run-1'), A)).toEqual({ id: A, doneAt: '2026-11-27T08:00:00.000Z', note: 'xong' });
    store = valid(endRun(store, at('23:59')));
    expect(store.current).toBeNull();
    expect(store.history.map((r) => r.id)).toEqual(['run-2', 'run-1']);
  });

  it('keeps the 30 newest runs per role', () => {
    let store = emptyStore(ROLE);
    for (let n = 1; n <= 33; n += 1) store = endRun(started(store, `run-${n}`, at('07:00')), at('19:00'));
    valid(store);
    expect(store.history).toHaveLength(LIMITS.history);
    expect(store.history[0]?.id).toBe('run-33');
    expect(store.history.at(-1)?.id).toBe('run-4');
  });

  it('counts progress and lists the open items for a handover, in checklist order', () => {
    let store = started();
    expect(progress(store.current, ITEMS)).toEqual({ done: 0, total: 7 });
    store = setDone(setDone(store, C, true, at('09:00')), A, true, at('09:05'));
    store = setNote(store, B, 'chưa xong, chờ số liệu');
    expect(progress(store.current, ITEMS)).toEqual({ done: 2, total: 7 });
    expect(progress(store.current, [A, B])).toEqual({ done: 1, total: 2 });
    expect(openItems(store.current, ITEMS)).toEqual(ITEMS.filter((id) => id !== A && id !== C));
    expect(progress(null, ITEMS)).toEqual({ done: 0, total: 7 });
  });

  it('finds items recorded in a run that the checklist no longer has', () => {
    const store = setDone(setDone(started(), A, true, at('08:00')), 'art_7__para_2__point_a--cu', true, at('08:01'));
    const run = store.current;
    if (!run) throw new Error('no run');
    expect(unknownItems(run, ITEMS).map((i) => i.id)).toEqual(['art_7__para_2__point_a--cu']);
  });

  it('formats dates and times the Vietnamese way, with the day when a night shift crosses midnight', () => {
    expect(runLabel({ ...started().current!, officer: '' })).toBe('27/11/2026 · Ca ngày');
    expect(runLabel(started().current!)).toBe('27/11/2026 · Ca ngày · Nguyễn Văn An');
    const local = new Date(2026, 10, 27, 22, 10);
    expect(localDate(local)).toBe('2026-11-27');
    expect(clockTime(local.toISOString(), '2026-11-27')).toBe('22:10');
    const afterMidnight = new Date(2026, 10, 28, 1, 5);
    expect(clockTime(afterMidnight.toISOString(), '2026-11-27')).toBe('01:05 28/11');
  });
});
