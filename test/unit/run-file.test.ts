/**
 * The shift run file (src/lib/checklist/run-file.ts): what "Xuất ca (JSON)" writes and
 * `npm run journal -- --entries` reads. Round trip, every kind of bad file with the
 * message naming where and what, and importing a run into a device's runs without losing one.
 */
import { describe, expect, it } from 'vitest';
import {
  describeIssue,
  describeIssueVi,
  importRun,
  parseRunFile,
  RUN_FILE_FORMAT,
  runFile,
  runFileName,
  serialiseRunFile,
  type RunFile,
} from '../../src/lib/checklist/run-file.ts';
import { LIMITS, type Run, type Store } from '../../src/lib/checklist/schema.ts';
import { storeSchema } from '../../src/lib/checklist/store-schema.ts';
import { emptyStore, setDone } from '../../src/lib/checklist/state.ts';
import { setNote } from '../../src/lib/checklist/printable.ts';
import { endRun, startRun } from '../../src/lib/checklist/runs.ts';
import { addEntries, cameraEntry, entry, nightShift, ZONE } from '../support/journal-runs.ts';

const ROLE = 'lanh-dao-cap-phong-truc-ban';
const EXPORTED = new Date('2026-11-28T00:20:00.000Z');
/** When the file is read: the morning after the night shift. */
const READ = new Date('2026-11-28T01:00:00.000Z');
const NIGHT = nightShift();
const DAY = (date: string) => ({
  date,
  shiftStart: '07:30',
  shiftEnd: '16:30',
  shift: 'Ca ngày',
  officer: '',
  timeZone: ZONE,
});

function sampleRun(id = 'run-0001', shift = 'Ca đêm'): Run {
  const now = new Date('2026-11-27T16:10:00.000Z');
  let store = startRun(
    emptyStore(ROLE),
    { ...NIGHT, shift },
    new Date('2026-11-27T15:10:00.000Z'),
    id,
  );
  store = setNote(
    setDone(store, 'art_7__para_2__point_b', true, new Date('2026-11-27T15:20:00.000Z')),
    'art_7__para_2__point_b',
    'đã phân công',
    now,
  );
  store = addEntries(
    store,
    [
      ['e-0001', cameraEntry()],
      ['e-0002', entry('23:05', 'Chi cục báo cáo tờ khai nghi vấn', { kind: 'thong-tin' })],
    ],
    now,
  );
  return store.current!;
}
const fileText = (run = sampleRun()) => serialiseRunFile(runFile(run, EXPORTED));
/** The file as JSON, changed by `edit`, as text again. */
const edited = (edit: (file: Record<string, any>) => void) => {
  const data = JSON.parse(fileText()) as Record<string, any>;
  edit(data);
  return JSON.stringify(data);
};
const problem = (text: string) => {
  const parsed = parseRunFile(text, READ);
  if (parsed.ok) throw new Error('the file was accepted');
  return { en: describeIssue(parsed.issue), vi: describeIssueVi(parsed.issue) };
};

describe('the run file', () => {
  it("reads back exactly the run it was written from, with its format, version and time; the zone is the run's own", () => {
    const run = sampleRun();
    const text = fileText(run);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = parseRunFile(text, READ);
    expect(parsed).toEqual({
      ok: true,
      file: { format: RUN_FILE_FORMAT, version: 4, exportedAt: '2026-11-28T00:20:00.000Z', run },
    });
    expect(run.timeZone).toBe(ZONE);
    // Written by editors that add a byte order mark, too.
    expect(parseRunFile(`\uFEFF${text}`, READ).ok).toBe(true);
  });

  it('reads a version 1 file: the run takes the zone the file named, and has no shift times', () => {
    const {
      shiftStart: _s,
      shiftEnd: _e,
      timeZone: _z,
      removed: _r,
      stamp: _t,
      ...old
    } = sampleRun();
    const v1 = {
      format: RUN_FILE_FORMAT,
      version: 1,
      exportedAt: EXPORTED.toISOString(),
      timeZone: 'Europe/London',
      run: {
        ...old,
        items: old.items.map(({ stamps: _st, ...item }) => item),
        journal: old.journal.map(({ stamp: _st, ...e }) => e),
      },
    };
    const parsed = parseRunFile(JSON.stringify(v1), READ);
    if (!parsed.ok) throw new Error(describeIssue(parsed.issue));
    expect(parsed.file.version).toBe(4);
    expect(parsed.file.run).toMatchObject({
      timeZone: 'Europe/London',
      shiftStart: null,
      shiftEnd: null,
      removed: [],
      stamp: 0,
    });
    expect(problem(JSON.stringify({ ...v1, timeZone: 'Mars/Olympus_Mons' })).en).toMatch(
      /^timeZone: expected a time zone name/,
    );
  });

  it.each([2, 3])(
    'reads a version %i file (no matter followed, nor in version 2 an item marked «không phát sinh») as it is, as version 4',
    (version) => {
      const run = sampleRun();
      const parsed = parseRunFile(
        edited((f) => (f.version = version)),
        READ,
      );
      expect(parsed).toEqual({
        ok: true,
        file: { format: RUN_FILE_FORMAT, version: 4, exportedAt: EXPORTED.toISOString(), run },
      });
    },
  );

  it('names the file after the run’s date and shift, in ASCII', () => {
    expect(runFileName(sampleRun())).toBe('ca-truc-2026-11-27-ca-dem.json');
    expect(runFileName(sampleRun('run-0002', 'Ca 1 (07:30–16:30) Đội Đặc nhiệm'))).toBe(
      'ca-truc-2026-11-27-ca-1-07-30-16-30-doi-dac-nhiem.json',
    );
  });

  const bad: [string, string, RegExp, RegExp][] = [
    [
      'not JSON at all',
      'Nhật ký ca đêm',
      /^the file: is not JSON \(/,
      /^Tệp không phải tệp JSON đọc được/,
    ],
    [
      'a truncated file',
      fileText().slice(0, 200),
      /^the file: is not JSON/,
      /^Tệp không phải tệp JSON/,
    ],
    ['a list', '[]', /^the file: expected an object, found \[\]/, /^Tệp không đúng cấu trúc/],
    [
      'another format',
      JSON.stringify({ format: 'so-tay-truc-ban/checklist', version: 2 }),
      /^format: expected "so-tay-truc-ban\/ca-truc": this is not a shift run file of the handbook, found "so-tay-truc-ban\/checklist"/,
      /^Ô «định dạng» của tệp không phải tệp ca trực của sổ tay\./,
    ],
    [
      'a newer version',
      edited((f) => (f.version = 5)),
      /^version: is 5: the file was written by a newer version of the handbook; this one reads version 4/,
      /định dạng 5\); trang này chỉ đọc được định dạng 4/,
    ],
    [
      'an older or odd version',
      edited((f) => (f.version = '2')),
      /^version: expected 4, found "2"/,
      /^Ô «phiên bản» của tệp phải là 4\./,
    ],
    [
      'an item both done and not arisen',
      edited((f) => (f.run.items[0].notArisenAt = f.run.items[0].doneAt)),
      /^run\.items\[0\]\.notArisenAt: marks the item as not arisen in the shift, yet it is done/,
      /^Việc thứ 1 đã ghi, ô «giờ ghi không phát sinh» ghi việc không phát sinh trong ca, mà việc lại đã xong/,
    ],
    [
      'no journal',
      edited((f) => delete f.run.journal),
      /^run\.journal: is missing/,
      /^Ô «nhật ký» của ca bị thiếu\./,
    ],
    [
      'a missing content',
      edited((f) => delete f.run.journal[1].content),
      /^run\.journal\[1\]\.content: is missing/,
      /^Mục nhật ký thứ 2, ô «nội dung» bị thiếu\./,
    ],
    [
      'a bad entry time',
      edited((f) => (f.run.journal[1].at = '2026-11-27T25:00')),
      /^run\.journal\[1\]\.at: expected a local time written YYYY-MM-DDTHH:MM \(24-hour clock\), e\.g\. "2026-11-27T22:15", found "2026-11-27T25:00"/,
      /^Mục nhật ký thứ 2, ô «thời gian» phải là ngày giờ có thật/,
    ],
    [
      'an entry time without its date',
      edited((f) => (f.run.journal[0].at = '22:15')),
      /^run\.journal\[0\]\.at: expected a local time/,
      /thời gian/,
    ],
    [
      'a bad start instant',
      edited((f) => (f.run.startedAt = '2026-11-27 15:10')),
      /^run\.startedAt: expected a UTC time written like "2026-11-27T15:10:00\.000Z", found "2026-11-27 15:10"/,
      /^Ô «lúc bắt đầu ghi ca» của ca không hợp lệ\./,
    ],
    [
      'a bad run date',
      edited((f) => (f.run.date = '2026-02-30')),
      /^run\.date: expected a real date written YYYY-MM-DD, found "2026-02-30"/,
      /ngày trực/,
    ],
    [
      'an unknown kind',
      edited((f) => (f.run.journal[0].kind = 'khac')),
      /^run\.journal\[0\]\.kind: expected one of "cong-viec", "tinh-huong", "thong-tin", found "khac"/,
      /loại nội dung/,
    ],
    [
      'a field this format does not have',
      edited((f) => (f.run.journal[0].priority = 'cao')),
      /^run\.journal\[0\]\.priority: is not a field of this format/,
      /^Mục nhật ký thứ 1, ô «priority» không thuộc định dạng này\./,
    ],
    [
      'decomposed (NFD) text',
      edited((f) => (f.run.journal[0].content = 'Tờ khai'.normalize('NFD'))),
      /^run\.journal\[0\]\.content: expected Unicode NFC/,
      /dạng tổ hợp/,
    ],
    [
      'text over the limit',
      edited((f) => (f.run.journal[0].result = 'x'.repeat(LIMITS.result + 1))),
      new RegExp(
        `^run\\.journal\\[0\\]\\.result: expected at most ${LIMITS.result} characters, found ${LIMITS.result + 1}`,
      ),
      new RegExp(`^Mục nhật ký thứ 1, ô «kết quả, ghi chú» dài quá ${LIMITS.result} ký tự\\.`),
    ],
    [
      'text the font cannot show',
      edited((f) => (f.run.journal[0].informed = 'Hải quan 海关')),
      /^run\.journal\[0\]\.informed: the journal's font cannot show U\+6D77 \(海\), U\+5173 \(关\)/,
      /ký tự phông chữ của nhật ký không có: «海», «关»/,
    ],
    [
      'a note the font cannot show',
      edited((f) => (f.run.items[0].note = 'ok ✓')),
      /^run\.items\[0\]\.note: the journal's font cannot show U\+2713/,
      /^Việc thứ 1 đã ghi, ô «ghi chú»/,
    ],
    [
      'a repeated entry id',
      edited((f) => (f.run.journal[1].id = f.run.journal[0].id)),
      /^run\.journal\[1\]: repeats the id "e-0001"/,
      /bị trùng mã/,
    ],
    [
      'an unknown time zone',
      edited((f) => (f.run.timeZone = 'Mars/Olympus_Mons')),
      /^run\.timeZone: expected a time zone name such as "Asia\/Ho_Chi_Minh", found "Mars\/Olympus_Mons"/,
      /^Ô «múi giờ» của ca không phải múi giờ mà trình duyệt biết\./,
    ],
    [
      'an end before the start',
      edited((f) => (f.run.endedAt = '2026-11-27T15:00:00.000Z')),
      /^run\.endedAt: expected a time not before the run's start/,
      /^Ô «lúc kết thúc ghi ca» của ca sớm hơn lúc bắt đầu ca\./,
    ],
    [
      'a run dated 2099',
      edited((f) => (f.run.date = '2099-11-27')),
      /^run\.date: lies after today \(2026-11-28 in the run's time zone\), found "2099-11-27"/,
      /^Ô «ngày trực» của ca ở sau ngày hôm nay\./,
    ],
    [
      'an entry far outside the shift',
      edited((f) => (f.run.journal[1].at = '2026-11-27T08:00')),
      /^run\.journal\[1\]\.at: lies outside the run's shift by more than the shift's own length, found "2026-11-27T08:00"/,
      /^Mục nhật ký thứ 2, ô «thời gian» ở quá xa ca trực/,
    ],
    [
      'an entry after today',
      edited((f) => (f.run.journal[1].at = '2026-12-01T08:00')),
      /^run\.journal\[1\]\.at: lies after today/,
      /ở sau ngày hôm nay/,
    ],
    [
      'an officer the font cannot show',
      edited((f) => (f.run.officer = 'An 😀')),
      /^run\.officer: the journal's font cannot show U\+1F600/,
      /^Ô «người trực» của ca có ký tự/,
    ],
    [
      'an end of shift equal to its start',
      edited((f) => (f.run.shiftEnd = '22:00')),
      /^run\.shiftEnd: expected an end of shift other than its start/,
      /trùng giờ bắt đầu ca/,
    ],
    [
      'a shift start that is no time',
      edited((f) => (f.run.shiftStart = '7h30')),
      /^run\.shiftStart: expected a time of day written HH:MM/,
      /^Ô «giờ bắt đầu ca» của ca phải là giờ:phút/,
    ],
    [
      'too many entries',
      edited(
        (f) =>
          (f.run.journal = Array.from({ length: LIMITS.entries + 1 }, (_, i) => ({
            ...f.run.journal[0],
            id: `e-${String(i).padStart(4, '0')}`,
          }))),
      ),
      /^run\.journal: expected at most 100 entries, found 101/,
      /có quá 100 mục/,
    ],
  ];
  it.each(bad)('refuses %s, saying where and what', (_what, text, english, vietnamese) => {
    const { en, vi } = problem(text);
    expect(en).toMatch(english);
    expect(vi).toMatch(vietnamese);
  });
});

describe('importing a run', () => {
  const store = (): Store => {
    let s = startRun(
      emptyStore(ROLE),
      DAY('2026-11-26'),
      new Date('2026-11-26T01:00:00.000Z'),
      'run-here',
    );
    s = endRun(s, new Date('2026-11-26T10:00:00.000Z'));
    return s;
  };
  const ended = (run: Run): Run => ({ ...run, endedAt: '2026-11-28T00:10:00.000Z' });
  const valid = (s: Store) => expect(storeSchema.safeParse(s).success).toBe(true);

  it('opens an unfinished run when none is open here', () => {
    const run = sampleRun();
    const result = importRun(store(), run, 'new-id-0001');
    expect(result.outcome).toBe('current');
    expect(result.store.current).toEqual(run);
    valid(result.store);
  });

  it('refuses an unfinished run while another is open here, changing nothing', () => {
    const here = startRun(
      store(),
      DAY('2026-11-28'),
      new Date('2026-11-28T01:00:00.000Z'),
      'run-open',
    );
    expect(() => importRun(here, sampleRun(), 'new-id-0001')).toThrow(
      /đang mở ca 28\/11\/2026 · Ca ngày 07:30–16:30\. Hãy kết thúc ca đang mở rồi nhập lại/,
    );
  });

  it('puts an ended run into the history by its end, newest first', () => {
    const result = importRun(store(), ended(sampleRun()), 'new-id-0001');
    expect(result.outcome).toBe('history');
    expect(result.store.history.map((r) => r.id)).toEqual(['run-0001', 'run-here']);
    valid(result.store);
  });

  it('leaves a run that is already here alone, even with its fields in another order', () => {
    const first = importRun(store(), ended(sampleRun()), 'new-id-0001').store;
    const reordered = JSON.parse(
      JSON.stringify(
        ended(sampleRun()),
        Object.keys(ended(sampleRun()))
          .reverse()
          .concat([
            'id',
            'at',
            'kind',
            'content',
            'direction',
            'informed',
            'result',
            'doneAt',
            'note',
            'stamps',
            'done',
            'stamp',
          ]),
      ),
    ) as Run;
    const again = importRun(first, reordered, 'new-id-0002');
    expect(again.outcome).toBe('same');
    expect(again.store).toBe(first);
  });

  it('keeps both when the same run differs here and in the file', () => {
    const first = importRun(store(), ended(sampleRun()), 'new-id-0001').store;
    const changed = { ...ended(sampleRun()), officer: 'Trần Thị Bình' };
    const result = importRun(first, changed, 'new-id-0002');
    expect(result.outcome).toBe('history');
    expect(result.run.id).toBe('new-id-0002');
    expect(result.store.history.map((r) => [r.id, r.officer])).toEqual([
      ['run-0001', 'Nguyễn Văn An'],
      ['new-id-0002', 'Trần Thị Bình'],
      ['run-here', ''],
    ]);
    valid(result.store);
  });

  const fullHistory = () => {
    let full = emptyStore(ROLE);
    for (let n = 0; n < LIMITS.history; n += 1) {
      full = endRun(
        startRun(
          full,
          { ...DAY('2026-12-01'), shift: `Ca ${n}` },
          new Date(Date.UTC(2026, 11, 1, n)),
          `run-${String(n).padStart(4, '0')}`,
        ),
        new Date(Date.UTC(2026, 11, 1, n, 30)),
      );
    }
    return full;
  };

  it('refuses a run of another role, and one older than every kept run when the history is full', () => {
    expect(() => importRun(emptyStore('lanh-dao-ca-truc'), sampleRun(), 'new-id-0001')).toThrow(
      /vai trò khác/,
    );
    expect(() => importRun(fullHistory(), ended(sampleRun()), 'new-id-0001')).toThrow(
      /cũ hơn cả 30 ca/,
    );
  });

  it('says which run a full history would lose, so that the page asks first', () => {
    const full = fullHistory();
    const newer = {
      ...ended(sampleRun()),
      date: '2026-12-02',
      endedAt: '2026-12-02T10:00:00.000Z',
    };
    const result = importRun(full, newer, 'new-id-0001');
    expect(result.dropped?.id).toBe('run-0000');
    expect(result.store.history).toHaveLength(LIMITS.history);
    expect(result.store.history.map((r) => r.id)).not.toContain('run-0000');
    expect(importRun(store(), ended(sampleRun()), 'new-id-0002').dropped).toBeUndefined();
  });

  it('writes files that the importer and the command line read (the same check)', () => {
    const file: RunFile = runFile(ended(sampleRun()), EXPORTED);
    expect(parseRunFile(serialiseRunFile(file), READ)).toEqual({ ok: true, file });
  });
});
