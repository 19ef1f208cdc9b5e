/**
 * Matters followed («việc đang theo dõi», src/lib/checklist/matters.ts): an entry kept open and
 * closed later with its result and time; handed over at the end of a night shift and received
 * by the morning's run, on the same device or from the exported run file; in the journal's
 * rows where it happened and where it closed; through two tabs and the store's invariants.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addEntry, inputOf, updateEntry } from '../../src/lib/checklist/entries.ts';
import {
  closeMatter,
  isOpenMatter,
  mattersToReceive,
  openMatters,
  originOf,
  pendingOf,
  previousRun,
  receiveMatters,
  reopenMatter,
  sinceText,
} from '../../src/lib/checklist/matters.ts';
import { endRun, startRun } from '../../src/lib/checklist/runs.ts';
import { ChecklistError, emptyStore } from '../../src/lib/checklist/state.ts';
import { LIMITS, type Store } from '../../src/lib/checklist/schema.ts';
import { storeSchema } from '../../src/lib/checklist/store-schema.ts';
import { fits } from '../../src/lib/checklist/invariants.ts';
import { entryKey, hearOtherTab, mergeStores } from '../../src/lib/checklist/merge.ts';
import {
  describeIssue,
  describeIssueVi,
  parseRunFile,
  runFile,
  serialiseRunFile,
} from '../../src/lib/checklist/run-file.ts';
import { journalLines } from '../../src/lib/journal/run.ts';
import { entryErrorOf } from '../support/journal-runs.ts';
import * as words from '../../src/lib/checklist/matter-wording.ts';

const ROLE = 'lanh-dao-ca-truc';
const ZONE = 'Asia/Ho_Chi_Minh';
/** An instant given as a wall time of Ho Chi Minh City (UTC+7). */
const vn = (wall: string) => new Date(Date.parse(`${wall}:00+07:00`));

const night = (store: Store = emptyStore(ROLE), timeZone = ZONE): Store =>
  startRun(
    store,
    {
      date: '2026-12-06',
      shiftStart: '19:30',
      shiftEnd: '07:30',
      shift: 'Ca đêm',
      officer: 'Nguyễn Văn An',
      timeZone,
    },
    timeZone === ZONE ? vn('2026-12-06T19:30') : new Date('2026-12-06T19:30:00Z'),
    'run-night',
  );
const morning = (store: Store, id = 'run-morning', date = '2026-12-07'): Store =>
  startRun(
    store,
    {
      date,
      shiftStart: '07:30',
      shiftEnd: '16:30',
      shift: 'Ca ngày',
      officer: 'Trần Thị Bình',
      timeZone: ZONE,
    },
    vn(`${date}T07:35`),
    id,
  );

const SEAL = 'Niêm phong container TCNU 123456-7 bị cắt, đang xác minh';
/** The night shift: an open matter at 23:10, an entry that is not one at 23:40, a matter closed by 02:00. */
function nightWithMatters(): Store {
  let store = night();
  store = addEntry(
    store,
    {
      date: '2026-12-06',
      time: '23:10',
      kind: 'tinh-huong',
      content: SEAL,
      direction: 'Yêu cầu Chi cục kiểm tra thực tế',
      result: 'Chờ Chi cục báo cáo',
      followUp: true,
    },
    'e-seal',
    vn('2026-12-06T23:12'),
  );
  store = addEntry(
    store,
    { date: '2026-12-06', time: '23:40', kind: 'thong-tin', content: 'Mưa lớn ở cảng' },
    'e-rain',
    vn('2026-12-06T23:41'),
  );
  store = addEntry(
    store,
    {
      date: '2026-12-07',
      time: '01:00',
      kind: 'tinh-huong',
      content: 'Camera cổng 3 mất tín hiệu',
      followUp: true,
    },
    'e-camera',
    vn('2026-12-07T01:01'),
  );
  return closeMatter(
    store,
    'e-camera',
    { date: '2026-12-07', time: '02:00', outcome: 'Đã khắc phục đường truyền' },
    vn('2026-12-07T02:01'),
  );
}

const valid = (store: Store): Store => {
  const parsed = storeSchema.safeParse(store);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(fits(store)).toBe(true);
  return store;
};
const entryError = entryErrorOf;

describe('a matter followed, in its own run', () => {
  it('is open until closed with its result and time; the closing can be taken back in one step', () => {
    const store = valid(nightWithMatters());
    const run = store.current!;
    expect(openMatters(run).map((entry) => entry.id)).toEqual(['e-seal']);
    const camera = run.journal.find((entry) => entry.id === 'e-camera')!;
    expect(camera).toMatchObject({
      followUp: true,
      closedAt: '2026-12-07T02:00',
      outcome: 'Đã khắc phục đường truyền',
    });
    expect(isOpenMatter(camera)).toBe(false);
    const reopened = valid(reopenMatter(store, 'e-camera', vn('2026-12-07T02:05')));
    const again = reopened.current!.journal.find((entry) => entry.id === 'e-camera')!;
    expect(again.closedAt).toBeUndefined();
    expect(again.outcome).toBeUndefined();
    expect(openMatters(reopened.current).map((entry) => entry.id)).toEqual(['e-seal', 'e-camera']);
  });

  it('refuses a closing before the entry, outside the shift, without a result, twice, or of an entry not followed', () => {
    const store = nightWithMatters();
    const close = (id: string, time: string, outcome = 'Xong', date = '2026-12-07') =>
      closeMatter(store, id, { date, time, outcome }, vn('2026-12-07T03:00'));
    expect(entryError(() => close('e-seal', '23:00', 'Xong', '2026-12-06'))).toEqual({
      field: 'time',
      message: 'Giờ: việc này ghi lúc 23:10; giờ kết thúc không được sớm hơn.',
    });
    expect(entryError(() => close('e-seal', '23:00', 'Xong', '2026-12-09')).field).toBe('time');
    expect(entryError(() => close('e-seal', '03:00', '   '))).toEqual({
      field: 'outcome',
      message: 'Kết quả khi kết thúc: cần ghi kết quả của việc.',
    });
    expect(entryError(() => close('e-seal', '03:00', 'x'.repeat(LIMITS.outcome + 1))).field).toBe(
      'outcome',
    );
    expect(entryError(() => close('e-seal', '25:00')).field).toBe('time');
    expect(() => close('e-camera', '03:00')).toThrow(/đã kết thúc lúc 02:00/);
    expect(() => close('e-rain', '03:00')).toThrow(ChecklistError);
  });

  it('keeps its closing and followed mark through an edit of its text', () => {
    const store = nightWithMatters();
    const camera = store.current!.journal.find((entry) => entry.id === 'e-camera')!;
    const edited = valid(
      updateEntry(
        store,
        'e-camera',
        { ...inputOf(camera), content: 'Camera cổng số 3 mất tín hiệu', followUp: false },
        vn('2026-12-07T03:00'),
      ),
    );
    expect(edited.current!.journal.find((entry) => entry.id === 'e-camera')).toMatchObject({
      content: 'Camera cổng số 3 mất tín hiệu',
      followUp: true,
      closedAt: '2026-12-07T02:00',
    });
    // Moving the entry after its own closing is refused, naming the time.
    expect(
      entryError(() =>
        updateEntry(
          store,
          'e-camera',
          { ...inputOf(camera), time: '02:30' },
          vn('2026-12-07T03:00'),
        ),
      ).field,
    ).toBe('time');
  });
});

describe('handed over to the next run', () => {
  it('on the same device: the morning run is offered the night’s open matters, receives them once, closes them', () => {
    const ended = endRun(nightWithMatters(), vn('2026-12-07T07:32'));
    const store = valid(morning(ended));
    const from = previousRun(store)!;
    expect(from.id).toBe('run-night');
    expect(mattersToReceive(store, from).map((entry) => entry.id)).toEqual(['e-seal']);

    const received = valid(receiveMatters(store, from, ['e-seal'], vn('2026-12-07T07:36')));
    const carried = received.current!.journal[0]!;
    expect(carried).toMatchObject({
      id: 'e-seal',
      at: '2026-12-07T07:36',
      kind: 'tinh-huong',
      content: SEAL,
      followUp: true,
      carriedFrom: {
        runId: 'run-night',
        entryId: 'e-seal',
        at: '2026-12-06T23:10',
        timeZone: ZONE,
        label: '06/12/2026 · Ca đêm 19:30–07:30 (hôm sau) · Nguyễn Văn An',
        pending:
          'Nội dung đã chỉ đạo: Yêu cầu Chi cục kiểm tra thực tế. Kết quả, ghi chú: Chờ Chi cục báo cáo',
      },
    });
    // The night's direction and result stay the night's: the morning's own parts are empty.
    expect([carried.direction, carried.informed, carried.result]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(sinceText(carried, received.current!)).toBe('23:10 06/12/2026');
    expect(mattersToReceive(received, from)).toEqual([]);
    // Received twice (a second press, the same file again): nothing more.
    expect(receiveMatters(received, from, ['e-seal'], vn('2026-12-07T07:40'))).toBe(received);

    const closed = valid(
      closeMatter(
        received,
        'e-seal',
        { date: '2026-12-07', time: '09:10', outcome: 'Đã lập biên bản, bàn giao Chi cục xử lý' },
        vn('2026-12-07T09:11'),
      ),
    );
    const lines = journalLines(closed.current!, {});
    expect(lines.map((line) => [line.at, line.content, line.result])).toEqual([
      [
        '2026-12-07T07:36',
        `Nhận bàn giao của ca 06/12/2026 · Ca đêm 19:30–07:30 (hôm sau) · Nguyễn Văn An, việc ghi lúc 23:10 06/12/2026: ${SEAL}`,
        'Ca trước ghi: Nội dung đã chỉ đạo: Yêu cầu Chi cục kiểm tra thực tế. Kết quả, ghi chú: Chờ Chi cục báo cáo; Kết thúc lúc 09:10',
      ],
      [
        '2026-12-07T09:10',
        `Kết thúc việc ghi lúc 07:36 (theo dõi từ 23:10 06/12/2026): ${SEAL}`,
        'Đã lập biên bản, bàn giao Chi cục xử lý',
      ],
    ]);
  });

  it('the night’s journal shows each matter where it happened, open or closed where it closed', () => {
    const run = endRun(nightWithMatters(), vn('2026-12-07T07:32')).history[0]!;
    expect(journalLines(run, {}).map((line) => [line.at, line.result ?? ''])).toEqual([
      ['2026-12-06T23:10', 'Chờ Chi cục báo cáo; Việc đang theo dõi, chưa kết thúc'],
      ['2026-12-06T23:40', ''],
      ['2026-12-07T01:00', 'Kết thúc lúc 02:00 07/12/2026'],
      ['2026-12-07T02:00', 'Đã khắc phục đường truyền'],
    ]);
  });

  it('from the run file exported on another device: the same matters, the same origin', () => {
    const ended = endRun(nightWithMatters(), vn('2026-12-07T07:32'));
    const text = serialiseRunFile(runFile(ended.history[0]!, vn('2026-12-07T07:33')));
    // Another device: its own store, nothing of the night.
    const other = morning(emptyStore(ROLE), 'run-other');
    const parsed = parseRunFile(text, vn('2026-12-07T07:40'));
    if (!parsed.ok) throw new Error(describeIssue(parsed.issue));
    const from = parsed.file.run;
    expect(mattersToReceive(other, from).map((entry) => entry.id)).toEqual(['e-seal']);
    const received = valid(receiveMatters(other, from, ['e-seal'], vn('2026-12-07T07:41')));
    expect(received.history).toEqual([]);
    expect(received.current!.journal[0]!.carriedFrom).toMatchObject({
      runId: 'run-night',
      at: '2026-12-06T23:10',
    });
  });

  it('carried on without closing, it is handed on again, keeping where it was first written', () => {
    let store = morning(endRun(nightWithMatters(), vn('2026-12-07T07:32')));
    store = receiveMatters(store, previousRun(store)!, ['e-seal'], vn('2026-12-07T07:36'));
    store = endRun(store, vn('2026-12-07T16:31'));
    store = startRun(
      store,
      {
        date: '2026-12-07',
        shiftStart: '16:30',
        shiftEnd: '19:30',
        shift: 'Ca chiều',
        timeZone: ZONE,
      },
      vn('2026-12-07T16:32'),
      'run-evening',
    );
    const from = previousRun(store)!;
    expect(from.id).toBe('run-morning');
    store = valid(receiveMatters(store, from, ['e-seal'], vn('2026-12-07T16:33')));
    expect(store.current!.journal[0]!.carriedFrom).toMatchObject({
      runId: 'run-night',
      entryId: 'e-seal',
      at: '2026-12-06T23:10',
    });
    expect(sinceText(store.current!.journal[0]!, store.current!)).toBe('23:10 06/12/2026');
  });

  it('written in another zone, it says that zone’s offset beside the time', () => {
    const london = endRun(
      addEntry(
        night(emptyStore(ROLE), 'Europe/London'),
        { date: '2026-12-06', time: '23:10', kind: 'tinh-huong', content: SEAL, followUp: true },
        'e-seal',
        new Date('2026-12-06T23:11:00Z'),
      ),
      new Date('2026-12-07T00:31:00Z'),
    );
    const store = receiveMatters(
      morning(london),
      previousRun(morning(london))!,
      ['e-seal'],
      vn('2026-12-07T07:36'),
    );
    expect(sinceText(store.current!.journal[0]!, store.current!)).toMatch(
      /^23:10 06\/12\/2026 \(GMT(?:\+0)?\)$/,
    );
  });

  it('two tabs receiving at once keep it once; a journal without room refuses and says how much fits', () => {
    const store = morning(endRun(nightWithMatters(), vn('2026-12-07T07:32')));
    const from = previousRun(store)!;
    const a = receiveMatters(store, from, ['e-seal'], vn('2026-12-07T07:36'));
    const b = receiveMatters(store, from, ['e-seal'], vn('2026-12-07T07:37'));
    const merged = valid(mergeStores(a, b));
    expect(merged.current!.journal.filter((entry) => entry.content === SEAL)).toHaveLength(1);
    expect(mergeStores(b, a)).toEqual(merged);

    let full = store;
    for (let index = 0; index < LIMITS.entries; index += 1)
      full = addEntry(
        full,
        { date: '2026-12-07', time: '08:00', kind: 'cong-viec', content: `Việc ${index}` },
        `e-${String(index).padStart(4, '0')}`,
        vn('2026-12-07T08:00'),
      );
    expect(() => receiveMatters(full, from, ['e-seal'], vn('2026-12-07T08:01'))).toThrow(
      /còn chỗ cho 0 mục, không đủ cho 1 việc/,
    );
  });

  it('a closing replaced at once by another tab’s edit of the entry is reported with both, never lost unseen', () => {
    const store = nightWithMatters();
    const seal = store.current!.journal.find((entry) => entry.id === 'e-seal')!;
    const closedHere = closeMatter(
      store,
      'e-seal',
      { date: '2026-12-07', time: '03:00', outcome: 'Đã xác minh' },
      vn('2026-12-07T03:00'),
    );
    const editedThere = updateEntry(
      store,
      'e-seal',
      { ...inputOf(seal), content: `${SEAL} (đã báo Chi cục)` },
      vn('2026-12-07T03:01'),
    );
    const key = entryKey('run-night', 'e-seal');
    const heard = hearOtherTab(closedHere, editedThere, new Set([key]), null);
    expect(
      heard.store.current!.journal.find((entry) => entry.id === 'e-seal')!.closedAt,
    ).toBeUndefined();
    expect(heard.replaced).toEqual([
      expect.objectContaining({
        kind: 'entry',
        entryId: 'e-seal',
        mine: expect.objectContaining({ closedAt: '2026-12-07T03:00', outcome: 'Đã xác minh' }),
      }),
    ]);
  });

  it('a clock set back before the run began cannot receive', () => {
    const store = morning(endRun(nightWithMatters(), vn('2026-12-07T07:32')));
    expect(() =>
      receiveMatters(store, previousRun(store)!, ['e-seal'], vn('2026-12-07T06:00')),
    ).toThrow(/sớm hơn lúc bắt đầu ca/);
  });
});

describe('files and stored states with matters', () => {
  const fileWith = (change: (entry: Record<string, unknown>) => void): string => {
    const run = endRun(nightWithMatters(), vn('2026-12-07T07:32')).history[0]!;
    const data = JSON.parse(serialiseRunFile(runFile(run, vn('2026-12-07T07:33')))) as {
      run: { journal: Record<string, unknown>[] };
    };
    change(data.run.journal.find((entry) => entry.id === 'e-camera')!);
    return JSON.stringify(data);
  };
  const refusal = (text: string) => {
    const parsed = parseRunFile(text, vn('2026-12-07T08:00'));
    if (parsed.ok) throw new Error('accepted');
    return { en: describeIssue(parsed.issue), vi: describeIssueVi(parsed.issue) };
  };

  it('reads back a run with matters exactly', () => {
    const run = endRun(nightWithMatters(), vn('2026-12-07T07:32')).history[0]!;
    const parsed = parseRunFile(
      fileWith(() => {}),
      vn('2026-12-07T08:00'),
    );
    expect(parsed.ok && parsed.file.run).toEqual(run);
  });

  it.each([
    [
      'a closing without its result',
      (entry: Record<string, unknown>) => delete entry.outcome,
      /^run\.journal\[2\]\.closedAt: a matter closed needs both/,
      /^Mục nhật ký thứ 3, ô «giờ kết thúc việc» ghi việc đã kết thúc mà thiếu giờ kết thúc hoặc kết quả\.$/,
    ],
    [
      'a closing of an entry not followed',
      (entry: Record<string, unknown>) => delete entry.followUp,
      /closes an entry that is not a matter followed/,
      /không phải việc đang theo dõi/,
    ],
    [
      'a closing before the entry',
      (entry: Record<string, unknown>) => (entry.closedAt = '2026-12-07T00:30'),
      /expected a closing not before the entry's own time \(at\), found "2026-12-07T00:30"/,
      /sớm hơn giờ ghi của chính mục đó/,
    ],
    [
      'a closing far outside the shift',
      (entry: Record<string, unknown>) => (entry.closedAt = '2026-12-07T23:30'),
      /closedAt: lies outside the run's shift/,
      /ô «giờ kết thúc việc» ở quá xa ca trực/,
    ],
    [
      'a closing on a day still to come',
      (entry: Record<string, unknown>) => (entry.closedAt = '2026-12-08T01:00'),
      /closedAt: lies after today/,
      /ở sau ngày hôm nay/,
    ],
    [
      'a followed mark that is not true',
      (entry: Record<string, unknown>) => (entry.followUp = false),
      /followUp: expected true, found false/,
      /ô «việc còn theo dõi» phải là true/,
    ],
    [
      'an origin in a zone no browser knows',
      (entry: Record<string, unknown>) =>
        (entry.carriedFrom = {
          runId: 'run-x',
          entryId: 'e-xx',
          at: '2026-12-06T10:00',
          timeZone: 'Mars/Olympus',
          label: 'Ca',
        }),
      /carriedFrom\.timeZone: expected a time zone name/,
      /múi giờ mà trình duyệt biết/,
    ],
  ])('refuses %s, saying where', (_name, change, en, vi) => {
    const problem = refusal(fileWith(change));
    expect(problem.en).toMatch(en);
    expect(problem.vi).toMatch(vi);
  });

  it('keeps the invariants whatever two tabs do to matters (generated sequences, fixed seed)', () => {
    type Step =
      | { tab: 0 | 1; kind: 'add'; minute: number; followUp: boolean }
      | { tab: 0 | 1; kind: 'close'; pick: number; minute: number }
      | { tab: 0 | 1; kind: 'reopen'; pick: number }
      | { tab: 0 | 1; kind: 'receive' }
      | { tab: 0 | 1; kind: 'hear' };
    const tab = fc.constantFrom<0 | 1>(0, 1);
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        tab,
        kind: fc.constant('add' as const),
        minute: fc.nat(500),
        followUp: fc.boolean(),
      }),
      fc.record({
        tab,
        kind: fc.constant('close' as const),
        pick: fc.nat(20),
        minute: fc.nat(500),
      }),
      fc.record({ tab, kind: fc.constant('reopen' as const), pick: fc.nat(20) }),
      fc.record({ tab, kind: fc.constant('receive' as const) }),
      fc.record({ tab, kind: fc.constant('hear' as const) }),
    );
    const start = morning(endRun(nightWithMatters(), vn('2026-12-07T07:32')));
    const from = previousRun(start)!;
    const wall = (minute: number) => {
      const at = new Date(vn('2026-12-07T07:36').getTime() + minute * 60_000);
      const text = new Date(at.getTime() + 7 * 3_600_000).toISOString();
      return { at, date: text.slice(0, 10), time: text.slice(11, 16) };
    };
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const tabs: [Store, Store] = [start, start];
        let clock = 0;
        steps.forEach((s, index) => {
          clock += 1;
          const mine = tabs[s.tab];
          const attempt = (change: () => Store) => {
            try {
              tabs[s.tab] = change();
            } catch (error) {
              if (!(error instanceof ChecklistError)) throw error;
            }
          };
          const pickOf = (pick: number) => {
            const journal = mine.current!.journal;
            return journal[pick % Math.max(journal.length, 1)]?.id ?? '';
          };
          if (s.kind === 'add') {
            const { at, date, time } = wall(s.minute);
            attempt(() =>
              addEntry(
                mine,
                { date, time, kind: 'cong-viec', content: `Việc ${index}`, followUp: s.followUp },
                `e-${s.tab}-${index}`,
                new Date(at.getTime() + clock),
              ),
            );
          } else if (s.kind === 'close') {
            const { date, time } = wall(s.minute);
            attempt(() =>
              closeMatter(
                mine,
                pickOf(s.pick),
                { date, time, outcome: `Kết quả ${index}` },
                wall(500 + clock).at,
              ),
            );
          } else if (s.kind === 'reopen') {
            attempt(() => reopenMatter(mine, pickOf(s.pick), wall(500 + clock).at));
          } else if (s.kind === 'receive') {
            attempt(() => receiveMatters(mine, from, ['e-seal'], wall(clock).at));
          } else {
            tabs[s.tab] = mergeStores(mine, tabs[1 - s.tab]!);
          }
          for (const store of tabs)
            expect(fits(store) && storeSchema.safeParse(store).success).toBe(true);
        });
        const merged = mergeStores(tabs[0], tabs[1]);
        expect(mergeStores(tabs[1], tabs[0])).toEqual(merged);
        expect(fits(merged)).toBe(true);
        // A matter received in both tabs is one entry.
        const carried = merged.current!.journal.filter((entry) => entry.carriedFrom);
        expect(carried.length).toBeLessThanOrEqual(1);
        expect(mattersToReceive(merged, from)).toEqual(
          carried.length === 1 ? [] : openMatters(from),
        );
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });
});

describe('what the pages and sheets say of matters followed', () => {
  const ended = endRun(nightWithMatters(), vn('2026-12-07T07:32'));
  const night = ended.history[0]!;
  const store = receiveMatters(morning(ended), night, ['e-seal'], vn('2026-12-07T07:36'));
  const run = store.current!;
  const [carried] = run.journal;
  const seal = night.journal.find((entry) => entry.id === 'e-seal')!;
  const camera = night.journal.find((entry) => entry.id === 'e-camera')!;

  it.each([
    [
      'the open matter, in its own run',
      words.openMatterLine(seal, night),
      'Việc đang theo dõi từ 23:10.',
    ],
    [
      'the matter received, in the morning',
      words.openMatterLine(carried!, run),
      'Việc đang theo dõi từ 23:10 06/12/2026, nhận bàn giao của ca 06/12/2026 · Ca đêm 19:30–07:30 (hôm sau) · Nguyễn Văn An. Ca trước ghi: Nội dung đã chỉ đạo: Yêu cầu Chi cục kiểm tra thực tế. Kết quả, ghi chú: Chờ Chi cục báo cáo.',
    ],
    [
      'a closed one',
      words.closedMatterLine(camera, night),
      'Theo dõi từ 01:00 07/12/2026; đã kết thúc lúc 02:00 07/12/2026: Đã khắc phục đường truyền.',
    ],
    ['the review, none', words.reviewMatters(0), 'Không còn việc đang theo dõi nào.'],
    [
      'the review, one',
      words.reviewMatters(1),
      'Việc đang theo dõi chưa kết thúc (1), nêu ở đầu tờ bàn giao ca:',
    ],
    [
      'a matter listed for the morning',
      words.matterSummary(seal, night, run),
      `23:10 06/12/2026 · ${SEAL}`,
    ],
    [
      'what is pending',
      words.pendingText(seal),
      'Nội dung đã chỉ đạo: Yêu cầu Chi cục kiểm tra thực tế. Kết quả, ghi chú: Chờ Chi cục báo cáo.',
    ],
    ['nothing yet', words.pendingText(camera), 'Chưa có kết quả.'],
    ['the run panel, read out', words.receiveNotice(2), ' (2 việc đang theo dõi)'],
    [
      'the log',
      words.receiveOffer(1, night),
      `Ca trước (${'06/12/2026 · Ca đêm 19:30–07:30 (hôm sau) · Nguyễn Văn An'}) còn 1 việc đang theo dõi. Việc được chọn được ghi vào nhật ký ca này thành một mục, vào lúc nhận; việc bỏ chọn không được ghi.`,
    ],
    [
      'the state in its row, open',
      words.matterRowResult(seal, night),
      'Chờ Chi cục báo cáo; Việc đang theo dõi, chưa kết thúc',
    ],
    ['a version in the two-tab notice, open', words.entryVersion(seal), `Đang theo dõi: ${SEAL}`],
    [
      'a version in the two-tab notice, closed',
      words.entryVersion(camera),
      'Đã kết thúc lúc 02:00 (Đã khắc phục đường truyền): Camera cổng 3 mất tín hiệu',
    ],
  ])('%s', (_name, said, expected) => {
    expect(said).toBe(expected);
  });
});

describe('at the edges', () => {
  it('the previous run is the one that ended last, never an older one behind a run begun later', () => {
    // The night, then the morning (which receives and closes the matter), then a clock set back
    // before a third run is started: the morning ended last but began after it.
    let store = morning(endRun(nightWithMatters(), vn('2026-12-07T07:32')));
    store = receiveMatters(store, previousRun(store)!, ['e-seal'], vn('2026-12-07T07:36'));
    store = closeMatter(
      store,
      'e-seal',
      { date: '2026-12-07', time: '09:10', outcome: 'Xong' },
      vn('2026-12-07T09:10'),
    );
    store = endRun(store, vn('2026-12-07T16:31'));
    store = startRun(
      store,
      { date: '2026-12-07', shiftStart: '07:30', shiftEnd: '16:30', timeZone: ZONE },
      vn('2026-12-07T07:00'),
      'run-clock-back',
    );
    expect(store.history.map((run) => run.id)).toEqual(['run-morning', 'run-night']);
    expect(previousRun(store)).toBeUndefined();
    expect(mattersToReceive(store, previousRun(store))).toEqual([]);
  });

  it('what a matter handed on many times carries stays within its limit, and says where it was shortened', () => {
    let entry = nightWithMatters().current!.journal.find((e) => e.id === 'e-seal')!;
    for (let hand = 0; hand < 5; hand += 1)
      entry = {
        ...entry,
        direction: 'đ'.repeat(LIMITS.direction),
        result: 'k'.repeat(LIMITS.result),
        carriedFrom: { ...originOf(entry, nightWithMatters().current!), pending: pendingOf(entry) },
      };
    const pending = pendingOf(entry)!;
    expect(pending.length).toBeLessThanOrEqual(LIMITS.pending);
    expect(pending.startsWith('(lược phần đầu) …')).toBe(true);
    expect(pending.endsWith(`Kết quả, ghi chú: ${'k'.repeat(LIMITS.result)}`)).toBe(true);
  });

  it('a closing row repeats the start of a long content, and names the row that holds it whole', () => {
    const store = addEntry(
      night(),
      {
        date: '2026-12-06',
        time: '23:10',
        kind: 'tinh-huong',
        content: 'x'.repeat(1000),
        followUp: true,
      },
      'e-long',
      vn('2026-12-06T23:11'),
    );
    const closed = closeMatter(
      store,
      'e-long',
      { date: '2026-12-06', time: '23:30', outcome: 'Xong' },
      vn('2026-12-06T23:31'),
    );
    const closing = journalLines(closed.current!, {})[1]!;
    expect(closing.kind).toBeUndefined();
    expect(closing.content).toBe(
      `Kết thúc việc ghi lúc 23:10: ${'x'.repeat(99)}… (toàn văn ở dòng lúc 23:10)`,
    );
  });
});

describe('a journal of matters closed', () => {
  it('a closing row takes at most three rows of the journal, whatever the length of its entry', async () => {
    const { getJournalFonts, getJournalForm } = await import('../../src/data/journal.ts');
    const { journalSize } = await import('../../src/lib/journal/pdf.ts');
    const { journalOfRun } = await import('../../src/lib/journal/run.ts');
    const form = getJournalForm();
    const rows = (store: Store) =>
      journalSize(form, journalOfRun(form, store.current!, {}).options, getJournalFonts()).rows;
    let open = night();
    let closed = night();
    const count = 40;
    for (let index = 0; index < count; index += 1) {
      const id = `e-${String(index).padStart(4, '0')}`;
      const input = {
        date: '2026-12-06',
        time: '23:10',
        kind: 'tinh-huong',
        content: `${index} ${'Niêm phong bị cắt, đang xác minh. '.repeat(40)}`.slice(
          0,
          LIMITS.content,
        ),
        followUp: true,
      };
      open = addEntry(open, input, id, vn('2026-12-06T23:11'));
      closed = closeMatter(
        addEntry(closed, input, id, vn('2026-12-06T23:11')),
        id,
        { date: '2026-12-07', time: '02:00', outcome: 'Đã khắc phục, lập biên bản' },
        vn('2026-12-07T02:01'),
      );
    }
    expect(rows(closed) - rows(open)).toBeLessThanOrEqual(3 * count);
  });
});
