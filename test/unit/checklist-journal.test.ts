/**
 * The journal log of a shift run (src/lib/checklist/entries.ts): entry validation with
 * messages naming the field, add/edit/remove only while the run is open, time order, and
 * the words of point 2 d behind the kinds. Also the small validator (validator.ts) the stored
 * state and the run files are checked with.
 */
import { describe, expect, it } from 'vitest';
import { array, length, object, optional, string } from '../../src/lib/checklist/validator.ts';
import {
  addEntry,
  byTime,
  ENTRY_BASIS,
  entryFrom,
  inputOf,
  KINDS,
  removeEntry,
  unprintable,
  updateEntry,
  type EntryInput,
} from '../../src/lib/checklist/entries.ts';
import { ENTRY_KINDS, LIMITS, type Store } from '../../src/lib/checklist/schema.ts';
import { storeSchema } from '../../src/lib/checklist/store-schema.ts';
import { ChecklistError, emptyStore } from '../../src/lib/checklist/state.ts';
import { endRun, startRun } from '../../src/lib/checklist/runs.ts';
import { entryTime, runNow } from '../../src/lib/checklist/time.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { canonical } from '../../src/lib/vi.ts';
import { entryErrorOf } from '../support/journal-runs.ts';

const ROLE = 'lanh-dao-ca-truc';
const at = (iso: string) => new Date(iso);
const open = (): Store =>
  startRun(
    emptyStore(ROLE),
    {
      date: '2026-11-27',
      shiftStart: '22:00',
      shiftEnd: '06:00',
      shift: 'Ca đêm',
      officer: 'Nguyễn Văn An',
      timeZone: 'Asia/Ho_Chi_Minh',
    },
    at('2026-11-27T15:00:00.000Z'),
    'run-1',
  );
const NOW = at('2026-11-27T16:00:00.000Z');
/** Entries as the form gave them, stamps aside. */
const unstamped = <T extends { stamp?: number }>({ stamp: _stamp, ...rest }: T) => rest;
const input = (overrides: Partial<EntryInput> = {}): EntryInput => ({
  date: '2026-11-27',
  time: '22:15',
  kind: 'tinh-huong',
  content: 'Camera cổng số 3 mất tín hiệu',
  direction: 'Kiểm tra đường truyền',
  informed: 'Đội Kỹ thuật',
  result: 'Đã khắc phục lúc 22:40',
  ...overrides,
});
const valid = (store: Store) => {
  const result = storeSchema.safeParse(store);
  expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  return store;
};
const errorOf = entryErrorOf;

describe('journal entries', () => {
  it('names the kinds in the words of point 2 d', () => {
    const text = canonical(loadHandbook('content').provision(ENTRY_BASIS).text ?? '');
    expect(Object.keys(KINDS)).toEqual([...ENTRY_KINDS]);
    for (const kind of ENTRY_KINDS) {
      expect(text, kind).toContain(canonical(KINDS[kind].quote));
      // The label is the quote's own words, not a paraphrase.
      expect(canonical(KINDS[kind].quote)).toContain(
        canonical(KINDS[kind].label).toLocaleLowerCase('vi'),
      );
    }
  });

  it('keeps an entry as typed, in NFC, one space between words, and leaves out empty parts', () => {
    const entry = entryFrom(
      input({
        content: '  Tờ khai   nghi vấn\n luồng xanh '.normalize('NFD'),
        direction: ' ',
        informed: undefined,
        result: '',
      }),
      'e-0001',
    );
    expect(entry).toEqual({
      id: 'e-0001',
      at: '2026-11-27T22:15',
      kind: 'tinh-huong',
      content: 'Tờ khai nghi vấn luồng xanh',
    });
    expect(entry.content).toBe(entry.content.normalize('NFC'));
    // A time input may give seconds.
    expect(entryFrom(input({ time: '07:05:00' }), 'e-0002').at).toBe('2026-11-27T07:05');
  });

  it.each([
    ['an impossible date', { date: '2026-02-30' }, 'date', /^Ngày: cần một ngày có thật/],
    ['no time', { time: '' }, 'time', /^Giờ: cần giờ và phút/],
    ['24:00', { time: '24:00' }, 'time', /^Giờ:/],
    ['an unknown kind', { kind: 'khac' }, 'kind', /^Loại nội dung: hãy chọn một trong ba loại/],
    ['blank content', { content: ' \n ' }, 'content', /^Nội dung: cần ghi nội dung/],
    [
      'content over the limit',
      { content: 'x'.repeat(LIMITS.content + 1) },
      'content',
      new RegExp(`tối đa ${LIMITS.content} ký tự \\(đang có ${LIMITS.content + 1}`),
    ],
    [
      'a direction over the limit',
      { direction: 'x'.repeat(LIMITS.direction + 1) },
      'direction',
      new RegExp(`^Nội dung đã chỉ đạo: tối đa ${LIMITS.direction} `),
    ],
    [
      'a result over the limit',
      { result: 'x'.repeat(LIMITS.result + 1) },
      'result',
      new RegExp(`^Kết quả, ghi chú: tối đa ${LIMITS.result} `),
    ],
    [
      'text the font cannot show',
      { informed: 'Hải quan 海关' },
      'informed',
      /^Đã thông báo ý kiến của lãnh đạo đến: phông chữ của nhật ký không có «海», «关»/,
    ],
  ])('refuses %s, naming the field', (_what, overrides, field, message) => {
    const error = errorOf(() => entryFrom(input(overrides), 'e-0001'));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('counts the limit on the text as stored (spaces folded), so what the page accepts the format accepts', () => {
    const content = `${'a'.repeat(LIMITS.content)}   `;
    expect(entryFrom(input({ content }), 'e-0001').content).toHaveLength(LIMITS.content);
  });

  it('finds characters outside the journal font, and none in Vietnamese text', () => {
    expect(unprintable('Đã báo cáo lãnh đạo Cục Điều tra chống buôn lậu — “khẩn”')).toEqual([]);
    expect(unprintable('😀 ok ✓')).toEqual(['😀', '✓']);
  });

  it('adds, edits and removes entries of the open run, keeping them in time order', () => {
    let store = valid(
      addEntry(
        open(),
        input({ time: '23:05', kind: 'thong-tin', content: 'Chi cục báo cáo tờ khai nghi vấn' }),
        'e-0002',
        NOW,
      ),
    );
    store = valid(addEntry(store, input(), 'e-0001', NOW));
    store = valid(
      addEntry(
        store,
        input({
          date: '2026-11-28',
          time: '01:15',
          kind: 'cong-viec',
          content: 'Bàn giao số liệu',
        }),
        'e-0003',
        NOW,
      ),
    );
    expect(store.current?.journal.map((e) => [e.id, e.at])).toEqual([
      ['e-0001', '2026-11-27T22:15'],
      ['e-0002', '2026-11-27T23:05'],
      ['e-0003', '2026-11-28T01:15'],
    ]);
    store = valid(
      updateEntry(
        store,
        'e-0003',
        {
          ...inputOf(store.current!.journal[2]!),
          time: '21:00',
          date: '2026-11-27',
          result: 'xong',
        },
        NOW,
      ),
    );
    expect(store.current?.journal.map((e) => e.id)).toEqual(['e-0003', 'e-0001', 'e-0002']);
    expect(unstamped(store.current!.journal[0]!)).toEqual({
      id: 'e-0003',
      at: '2026-11-27T21:00',
      kind: 'cong-viec',
      content: 'Bàn giao số liệu',
      direction: 'Kiểm tra đường truyền',
      informed: 'Đội Kỹ thuật',
      result: 'xong',
    });
    store = valid(removeEntry(store, 'e-0001', NOW));
    expect(store.current?.journal.map((e) => e.id)).toEqual(['e-0003', 'e-0002']);
    // The removal is remembered, so that another tab's copy of the entry does not bring it back.
    expect(store.current?.removed.map((r) => r.id)).toEqual(['e-0001']);
    expect(() => removeEntry(store, 'e-0001', NOW)).toThrow(/Không tìm thấy mục nhật ký/);
  });

  it('gives the form back what an entry holds', () => {
    const entry = entryFrom(input({ informed: '' }), 'e-0001');
    expect(inputOf(entry)).toEqual({ ...input(), informed: '', followUp: false });
    expect(entryFrom(inputOf(entry), 'e-0001')).toEqual(entry);
  });

  it('changes nothing once the run has ended, or before one is started', () => {
    const ended = endRun(addEntry(open(), input(), 'e-0001', NOW), at('2026-11-28T00:00:00.000Z'));
    expect(ended.history[0]?.journal).toHaveLength(1);
    for (const change of [
      () => addEntry(ended, input(), 'e-0002', NOW),
      () => updateEntry(ended, 'e-0001', input(), NOW),
      () => removeEntry(ended, 'e-0001', NOW),
    ]) {
      expect(change).toThrow(ChecklistError);
      expect(change).toThrow(/Chưa có ca nào đang mở/);
    }
  });

  it(`holds at most ${LIMITS.entries} entries in a run`, () => {
    let store = open();
    for (let n = 0; n < LIMITS.entries; n += 1)
      store = addEntry(
        store,
        input({ content: `Mục ${n + 1}` }),
        `e-${String(n).padStart(4, '0')}`,
        NOW,
      );
    valid(store);
    expect(() => addEntry(store, input(), 'e-last', NOW)).toThrow(
      new RegExp(`tối đa ${LIMITS.entries} mục`),
    );
  });

  it('keeps entries of the same minute in the order they were written', () => {
    const a = entryFrom(input({ content: 'A' }), 'e-000a');
    const b = entryFrom(input({ content: 'B' }), 'e-000b');
    const c = entryFrom(input({ content: 'C', time: '22:00' }), 'e-000c');
    expect(byTime([a, b, c]).map((e) => e.content)).toEqual(['C', 'A', 'B']);
  });

  it('shows an entry time with the day when it is not the run’s date (night shifts)', () => {
    expect(entryTime('2026-11-27T22:15', '2026-11-27')).toBe('22:15');
    expect(entryTime('2026-11-28T01:15', '2026-11-27')).toBe('01:15 28/11/2026');
    // A new entry is dated in the run's zone: 18:05 UTC is 01:05 the next day in Vietnam.
    expect(runNow(open().current!, at('2026-11-27T18:05:00.000Z'))).toBe('2026-11-28T01:05');
  });

  it("refuses an entry outside the run by more than the shift's length, naming the time field", () => {
    const run = open().current!;
    expect(
      errorOf(() => entryFrom(input({ date: '2026-11-27', time: '08:15' }), 'e-0001', run)),
    ).toEqual({
      field: 'time',
      message: expect.stringMatching(
        /^Giờ: ngày giờ này ở quá xa ca trực \(22:00 – 06:00 28\/11\/2026 ngày 27\/11\/2026\)/,
      ),
    });
    expect(() =>
      addEntry(open(), input({ date: '2026-11-29', time: '10:00' }), 'e-0001', NOW),
    ).toThrow(/^Giờ: ngày giờ này ở quá xa ca trực/);
    expect(entryFrom(input({ date: '2026-11-27', time: '14:00' }), 'e-0001', run).at).toBe(
      '2026-11-27T14:00',
    );
  });

  it('is checked in the stored state: a bad entry makes its run unreadable (and set aside, not dropped)', () => {
    const store = addEntry(open(), input(), 'e-0001', NOW);
    const entry = store.current!.journal[0]!;
    const bad = [
      { ...entry, at: '2026-11-27 22:15' },
      { ...entry, kind: 'khac' },
      { ...entry, content: '' },
      { ...entry, content: entry.content.normalize('NFD') },
      { ...entry, extra: 1 },
    ];
    for (const broken of bad) {
      const result = storeSchema.safeParse({
        ...store,
        current: { ...store.current, journal: [broken] },
      });
      expect(result.success, JSON.stringify(broken)).toBe(false);
    }
    expect(
      storeSchema.safeParse({ ...store, current: { ...store.current, journal: [entry, entry] } })
        .error?.issues,
    ).toEqual([{ path: ['current', 'journal', 1], rule: 'duplicate', found: 'e-0001' }]);
  });
});

describe('the validator (validator.ts)', () => {
  const schema = object({
    name: string(...length(1, 5)),
    tags: array(string(), 2),
    note: optional(string()),
  });

  it('accepts what fits and hands it back as it is', () => {
    const value = { name: 'An', tags: ['a'] };
    expect(schema.safeParse(value)).toEqual({ success: true, data: value });
  });

  it('reports every problem with its path: missing, unknown and wrong fields, lengths, NFC, list sizes', () => {
    expect(schema.safeParse({ tags: ['a', 'b', 'c'], extra: true, note: 3 }).error?.issues).toEqual(
      [
        { path: ['name'], rule: 'missing' },
        { path: ['tags'], rule: 'max-items', limit: 2, found: 3 },
        { path: ['note'], rule: 'string', found: 3 },
        { path: ['extra'], rule: 'unknown-key' },
      ],
    );
    expect(schema.safeParse({ name: 'Nguyễn', tags: [] }).error?.issues).toEqual([
      { path: ['name'], rule: 'max', limit: 5, found: 'Nguyễn' },
    ]);
    expect(schema.safeParse({ name: 'Ả'.normalize('NFD'), tags: [] }).error?.issues[0]?.rule).toBe(
      'nfc',
    );
    expect(schema.safeParse({ name: '', tags: [1] }).error?.issues).toEqual([
      { path: ['name'], rule: 'empty', limit: undefined, found: '' },
      { path: ['tags', 0], rule: 'string', found: 1 },
    ]);
    expect(schema.safeParse([]).error?.issues).toEqual([{ path: [], rule: 'object', found: [] }]);
  });
});
