import { describe, expect, it } from 'vitest';
import { LIMITS, type Store } from '../../src/lib/checklist/schema.ts';
import { storeSchema } from '../../src/lib/checklist/store-schema.ts';
import {
  ChecklistError,
  emptyStore,
  findRun,
  itemOf,
  progress,
  runLabel,
  setApproved,
  setDone,
  type RunInput,
} from '../../src/lib/checklist/state.ts';
import { setNote } from '../../src/lib/checklist/printable.ts';
import {
  endRun,
  openItems,
  reopenRun,
  setOfficer,
  startRun,
  unknownItems,
} from '../../src/lib/checklist/runs.ts';
import { localDate, runTime, sameClock, zoneLabel } from '../../src/lib/checklist/time.ts';
import { shiftWindow, withinRun } from '../../src/lib/checklist/shift-window.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';

const ROLE = 'lanh-dao-cap-phong-truc-ban';
const ITEMS = loadHandbook('content')
  .dutiesOf(ROLE)
  .map((d) => d.id);
const [A, B, C] = ITEMS as [string, string, string];
const at = (hhmm: string, day = '2026-11-27') => new Date(`${day}T${hhmm}:00.000Z`);

const ZONE = 'Asia/Ho_Chi_Minh';
const DAY: RunInput = {
  date: '2026-11-27',
  shiftStart: '07:30',
  shiftEnd: '16:30',
  shift: 'Ca ngày',
  officer: 'Nguyễn Văn An',
  timeZone: ZONE,
};
const started = (store: Store = emptyStore(ROLE), id = 'run-1', when = at('07:30')) =>
  startRun(store, DAY, when, id);
/** An item's recorded values, stamps aside. */
const values = (store: Store, id: string) => {
  const { stamps: _stamps, ...rest } = itemOf(store.current, id) ?? { id };
  return rest;
};

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

  it("starts a run with its date, the shift's hours, the zone it is kept in, an optional name and officer", () => {
    const store = valid(started());
    expect(store.current).toEqual({
      id: 'run-1',
      role: ROLE,
      date: '2026-11-27',
      shift: 'Ca ngày',
      shiftStart: '07:30',
      shiftEnd: '16:30',
      timeZone: ZONE,
      officer: 'Nguyễn Văn An',
      startedAt: '2026-11-27T07:30:00.000Z',
      endedAt: null,
      items: [],
      journal: [],
      removed: [],
      stamp: at('07:30').getTime(),
    });
    const night = valid(
      startRun(
        emptyStore(ROLE),
        {
          ...DAY,
          date: '2026-11-28',
          shift: '  Ca   đêm ',
          officer: undefined,
          shiftStart: '22:00',
          shiftEnd: '06:00',
        },
        at('19:00', '2026-11-28'),
        'run-2',
      ),
    );
    expect(night.current?.officer).toBe('');
    expect(night.current?.shift).toBe('Ca đêm');
    expect(shiftWindow(night.current!)).toEqual({
      start: '2026-11-28T22:00',
      end: '2026-11-29T06:00',
      minutes: 480,
    });
    expect(
      valid(startRun(emptyStore(ROLE), { ...DAY, shift: '' }, at('07:00'), 'run-3')).current?.shift,
    ).toBe('');
  });

  it('rejects a bad run with a Vietnamese message naming the field, leaving the store as it was', () => {
    const store = emptyStore(ROLE);
    const frozen = JSON.stringify(store);
    const attempt = (input: Partial<RunInput>) => () =>
      startRun(store, { ...DAY, ...input }, at('07:00'), 'run-x');
    const field = (input: Partial<RunInput>) => {
      try {
        attempt(input)();
      } catch (error) {
        return [(error as ChecklistError).field, (error as Error).message];
      }
      return undefined;
    };
    expect(field({ date: '2026-02-30' })).toEqual(['date', expect.stringMatching(/^Ngày trực:/)]);
    expect(attempt({ date: '27/11/2026' })).toThrow(ChecklistError);
    expect(field({ date: '2026-11-28' })).toEqual([
      'date',
      expect.stringMatching(/^Ngày trực: 28\/11\/2026 còn chưa đến/),
    ]);
    expect(field({ shiftStart: '' })).toEqual([
      'shiftStart',
      expect.stringMatching(/^Giờ bắt đầu ca:/),
    ]);
    expect(field({ shiftEnd: '24:00' })).toEqual([
      'shiftEnd',
      expect.stringMatching(/^Giờ kết thúc ca:/),
    ]);
    expect(field({ shiftEnd: '07:30' })).toEqual([
      'shiftEnd',
      'Giờ kết thúc ca: cần khác giờ bắt đầu ca.',
    ]);
    expect(field({ shift: 'c'.repeat(LIMITS.shift + 1) })).toEqual([
      'shift',
      expect.stringMatching(/^Tên ca: tối đa 60/),
    ]);
    expect(field({ officer: 'n'.repeat(LIMITS.officer + 1) })).toEqual([
      'officer',
      expect.stringMatching(/^Người trực: tối đa 40 ký tự \(đang có 41\)/),
    ]);
    // Names the journal's font cannot show would make the journal impossible to export.
    expect(field({ officer: 'Nguyễn 😀' })).toEqual([
      'officer',
      expect.stringMatching(/^Người trực: phông chữ của nhật ký không có «😀»/),
    ]);
    expect(field({ officer: 'محمد' })?.[0]).toBe('officer');
    expect(JSON.stringify(store)).toBe(frozen);
  });

  it("lets the officer's name change while the run is open, with the same rules", () => {
    const store = valid(setOfficer(started(), '  Trần   Thị Bình ', at('08:00')));
    expect(store.current?.officer).toBe('Trần Thị Bình');
    expect(() => setOfficer(store, '😀', at('08:01'))).toThrow(/^Người trực:/);
    expect(() => setOfficer(emptyStore(ROLE), 'A', at('08:01'))).toThrow(ChecklistError);
  });

  it('refuses to end a run before it began (a clock set back), and reopens the run ended last', () => {
    const store = started(emptyStore(ROLE), 'run-1', at('23:50'));
    expect(() => endRun(store, at('22:20'))).toThrow(
      /^Đồng hồ của máy đang chỉ 05:20 28\/11\/2026, sớm hơn lúc bắt đầu ca \(06:50 28\/11\/2026\)/,
    );
    const ended = valid(endRun(store, at('23:55')));
    const reopened = valid(reopenRun(ended, 'run-1', at('23:56')));
    expect(reopened.current?.id).toBe('run-1');
    expect(reopened.current?.endedAt).toBeNull();
    expect(reopened.history).toEqual([]);
    expect(() => reopenRun(reopened, 'run-1', at('23:57'))).toThrow(/Đã có một ca đang mở/);
    const next = endRun(started(ended, 'run-2', at('23:58')), at('23:59'));
    expect(() => reopenRun(next, 'run-1', at('23:59'))).toThrow(
      /Chỉ mở lại được ca vừa kết thúc gần nhất/,
    );
  });

  it('records the time of a tick, keeps the first time on a repeated tick, forgets it on untick', () => {
    let store = valid(setDone(started(), A, true, at('08:05')));
    expect(itemOf(store.current, A)?.doneAt).toBe('2026-11-27T08:05:00.000Z');
    store = setDone(store, A, true, at('09:00'));
    expect(itemOf(store.current, A)?.doneAt).toBe('2026-11-27T08:05:00.000Z');
    store = valid(setDone(store, A, false, at('09:10')));
    expect(values(store, A)).toEqual({ id: A });
    // The untick is remembered (stamped), so that another tab's older tick does not come back.
    expect(itemOf(store.current, A)?.stamps?.done).toBe(at('09:10').getTime());
  });

  it('never mutates the store it is given', () => {
    const before = setDone(started(), A, true, at('08:00'));
    const snapshot = JSON.stringify(before);
    setNote(before, A, 'đã báo cáo', at('08:20'));
    setDone(before, A, false, at('08:30'));
    setApproved(before, C, true, at('08:40'));
    endRun(before, at('12:00'));
    started(before, 'run-2');
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('keeps a note per item (NFC), and drops it when emptied', () => {
    const decomposed = 'đã báo cáo lãnh đạo phòng lúc 22:10'.normalize('NFD');
    let store = valid(setNote(started(), B, decomposed, at('08:00')));
    expect(itemOf(store.current, B)?.note).toBe(
      'đã báo cáo lãnh đạo phòng lúc 22:10'.normalize('NFC'),
    );
    expect(itemOf(store.current, B)?.doneAt).toBeUndefined();
    store = valid(setNote(store, B, '  ', at('08:01')));
    expect(values(store, B)).toEqual({ id: B });
    // Too long or not printable: refused with the count, never cut.
    expect(() => setNote(store, B, 'x'.repeat(10_000), at('08:02'))).toThrow(
      /^Ghi chú: tối đa 300 ký tự \(đang có 10000\)/,
    );
    expect(() => setNote(store, B, 'ok 👍', at('08:02'))).toThrow(
      /^Ghi chú: phông chữ của nhật ký không có «👍»/,
    );
  });

  it('marks approval with its time, independently of the tick', () => {
    let store = valid(setApproved(started(), C, true, at('10:00')));
    expect(values(store, C)).toEqual({ id: C, approvedAt: '2026-11-27T10:00:00.000Z' });
    store = valid(setDone(store, C, true, at('10:20')));
    store = valid(setApproved(store, C, false, at('10:30')));
    expect(values(store, C)).toEqual({ id: C, doneAt: '2026-11-27T10:20:00.000Z' });
  });

  it('refuses changes when no run is open', () => {
    expect(() => setDone(emptyStore(ROLE), A, true, at('08:00'))).toThrow(/Chưa có ca nào đang mở/);
    expect(() => endRun(emptyStore(ROLE), at('08:00'))).toThrow(ChecklistError);
    expect(() => setDone(started(), 'not-an-id', true, at('08:00'))).toThrow(
      /Not a checklist item id/,
    );
  });

  it('ends a run into the history, and a new run starts clear with the old one in the history', () => {
    let store = setNote(setDone(started(), A, true, at('08:00')), A, 'xong', at('08:01'));
    store = valid(started(store, 'run-2', at('19:30')));
    expect(store.current?.id).toBe('run-2');
    expect(store.current?.items).toEqual([]);
    expect(store.history.map((r) => [r.id, r.endedAt])).toEqual([
      ['run-1', '2026-11-27T19:30:00.000Z'],
    ]);
    expect(itemOf(findRun(store, 'run-1'), A)).toMatchObject({
      id: A,
      doneAt: '2026-11-27T08:00:00.000Z',
      note: 'xong',
    });
    store = valid(endRun(store, at('23:59')));
    expect(store.current).toBeNull();
    expect(store.history.map((r) => r.id)).toEqual(['run-2', 'run-1']);
  });

  it('keeps the 30 newest runs per role', () => {
    let store = emptyStore(ROLE);
    for (let n = 1; n <= 33; n += 1)
      store = endRun(started(store, `run-${n}`, at('07:00')), at('19:00'));
    valid(store);
    expect(store.history).toHaveLength(LIMITS.history);
    expect(store.history[0]?.id).toBe('run-33');
    expect(store.history.at(-1)?.id).toBe('run-4');
  });

  it('counts progress and lists the open items for a handover, in checklist order', () => {
    let store = started();
    expect(progress(store.current, ITEMS)).toEqual({ done: 0, total: 7 });
    store = setDone(setDone(store, C, true, at('09:00')), A, true, at('09:05'));
    store = setNote(store, B, 'chưa xong, chờ số liệu', at('09:06'));
    expect(progress(store.current, ITEMS)).toEqual({ done: 2, total: 7 });
    expect(progress(store.current, [A, B])).toEqual({ done: 1, total: 2 });
    expect(openItems(store.current, ITEMS)).toEqual(ITEMS.filter((id) => id !== A && id !== C));
    expect(progress(null, ITEMS)).toEqual({ done: 0, total: 7 });
  });

  it('finds items recorded in a run that the checklist no longer has', () => {
    const store = setDone(
      setDone(started(), A, true, at('08:00')),
      'art_7__para_2__point_a--cu',
      true,
      at('08:01'),
    );
    const run = store.current;
    if (!run) throw new Error('no run');
    expect(unknownItems(run, ITEMS).map((i) => i.id)).toEqual(['art_7__para_2__point_a--cu']);
  });

  it("formats dates and times the Vietnamese way, in the run's zone, with the day when a night shift crosses midnight", () => {
    expect(runLabel({ ...started().current!, officer: '' })).toBe(
      '27/11/2026 · Ca ngày 07:30–16:30',
    );
    expect(
      runLabel({ ...started().current!, shift: '', shiftStart: '22:00', shiftEnd: '06:00' }),
    ).toBe('27/11/2026 · 22:00–06:00 (hôm sau) · Nguyễn Văn An');
    const local = new Date(2026, 10, 27, 22, 10);
    expect(localDate(local)).toBe('2026-11-27');
    const run = started().current!;
    // 15:10 UTC is 22:10 in Vietnam, whatever the zone of the machine running this test.
    expect(runTime(run, '2026-11-27T15:10:00.000Z')).toBe('22:10');
    expect(runTime(run, '2026-11-27T18:05:00.000Z')).toBe('01:05 28/11/2026');
    expect(runTime({ ...run, timeZone: 'Europe/London' }, '2026-11-27T15:10:00.000Z')).toBe(
      '15:10',
    );
  });

  it('tells zones apart by their clocks, and names a zone by its offset', () => {
    expect(sameClock('Asia/Saigon', 'Asia/Ho_Chi_Minh', '2026-11-27T15:10:00.000Z')).toBe(true);
    expect(sameClock('Europe/London', 'Asia/Ho_Chi_Minh', '2026-11-27T15:10:00.000Z')).toBe(false);
    expect(zoneLabel('Asia/Ho_Chi_Minh', '2026-11-27T15:10:00.000Z')).toBe('GMT+7');
    expect(zoneLabel('Europe/London', '2026-07-01T12:00:00.000Z')).toBe('GMT+1');
  });

  it('takes journal times within the shift, or outside it by no more than its length', () => {
    const run = started().current!;
    expect(withinRun(run, '2026-11-27T08:15')).toBe(true);
    expect(withinRun(run, '2026-11-26T22:30')).toBe(true);
    expect(withinRun(run, '2026-11-26T22:29')).toBe(false);
    expect(withinRun(run, '2026-11-28T01:30')).toBe(true);
    expect(withinRun(run, '2026-11-28T01:31')).toBe(false);
  });
});
