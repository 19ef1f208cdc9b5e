/**
 * The journal log of a shift run: what point 2 d says the duty journal records, entered
 * while the shift goes on. Pure functions over the store, like state.ts; loaded only on
 * the pages of the roles that keep the journal (points 1 e and 2 d), never with every
 * role page. Bad input throws an EntryError naming the field, in Vietnamese.
 */
import {
  ENTRY_KINDS,
  isWallTime,
  LIMITS,
  RUN_ID,
  type EntryKind,
  type JournalEntry,
  type Run,
  type Store,
} from './schema.ts';
import { ChecklistError, nextStamp } from './state.ts';
import { unprintable } from './printable.ts';
import { entryTime } from './time.ts';
import { shiftWindow, withinRun } from './shift-window.ts';
import { canonical, formatDateVi } from '../vi.ts';

export { unprintable };

/** The point whose words name the kinds and parts of an entry. */
export const ENTRY_BASIS = 'art_7__para_2__point_d';

/** Each kind, with the words of point 2 d it stands for (checked against the text in the tests). */
export const KINDS: Readonly<Record<EntryKind, { label: string; quote: string }>> = {
  'cong-viec': { label: 'Công việc thực hiện', quote: 'nội dung công việc thực hiện khi trực ban' },
  'tinh-huong': { label: 'Tình huống phát sinh', quote: 'tình huống phát sinh' },
  'thong-tin': { label: 'Thông tin tiếp nhận', quote: 'thông tin tiếp nhận khi trực ban' },
};

export type EntryField =
  'date' | 'time' | 'kind' | 'content' | 'direction' | 'informed' | 'result' | 'outcome';

/** Field names as the page and its messages say them. */
export const FIELD_LABELS: Readonly<Record<EntryField, string>> = {
  date: 'Ngày',
  time: 'Giờ',
  kind: 'Loại nội dung',
  content: 'Nội dung',
  direction: 'Nội dung đã chỉ đạo',
  informed: 'Đã thông báo ý kiến của lãnh đạo đến',
  result: 'Kết quả, ghi chú',
  outcome: 'Kết quả khi kết thúc',
};

export class EntryError extends ChecklistError {
  override name = 'EntryError';
  declare readonly field: EntryField;
  constructor(field: EntryField, message: string) {
    super(`${FIELD_LABELS[field]}: ${message}`, field);
  }
}

/** An entry as a form gives it: date and time as <input type="date"> and <input type="time"> do. */
export interface EntryInput {
  date: string;
  time: string;
  kind: string;
  content: string;
  direction?: string | undefined;
  informed?: string | undefined;
  result?: string | undefined;
  /** «Việc còn theo dõi»: the matter stays open until it is closed with its result (matters.ts). */
  followUp?: boolean | undefined;
}

/** Text as stored: NFC, one space between words (a journal row has no line breaks). */
const clean = (value: string | undefined): string => canonical(value ?? '');

export function checkText(
  field: 'content' | 'direction' | 'informed' | 'result' | 'outcome',
  value: string,
): void {
  if (value.length > LIMITS[field]) {
    throw new EntryError(
      field,
      `tối đa ${LIMITS[field]} ký tự (đang có ${value.length}); hãy viết gọn lại.`,
    );
  }
  const missing = unprintable(value);
  if (missing.length > 0) {
    throw new EntryError(
      field,
      `phông chữ của nhật ký không có ${missing.map((char) => `«${char}»`).join(', ')}; hãy bỏ hoặc thay các ký tự này.`,
    );
  }
}

/** Checks and cleans an entry; throws an EntryError naming the first field that is wrong. */
export function entryFrom(input: EntryInput, id: string, run?: Run): JournalEntry {
  if (!RUN_ID.test(id))
    throw new Error(`Entry id must be 4–40 of [a-z0-9-]: ${JSON.stringify(id)}`);
  const date = input.date.trim();
  const time = input.time.trim().slice(0, 5);
  if (!isWallTime(`${date}T00:00`))
    throw new EntryError('date', 'cần một ngày có thật (ngày/tháng/năm).');
  if (!isWallTime(`${date}T${time}`)) throw new EntryError('time', 'cần giờ và phút, ví dụ 22:15.');
  if (run && !withinRun(run, `${date}T${time}`)) throw new EntryError('time', outsideRun(run));
  if (!(ENTRY_KINDS as readonly string[]).includes(input.kind))
    throw new EntryError('kind', 'hãy chọn một trong ba loại.');
  const entry: JournalEntry = {
    id,
    at: `${date}T${time}`,
    kind: input.kind as EntryKind,
    content: clean(input.content),
  };
  if (entry.content === '') throw new EntryError('content', 'cần ghi nội dung.');
  checkText('content', entry.content);
  for (const field of ['direction', 'informed', 'result'] as const) {
    const value = clean(input[field]);
    if (value === '') continue;
    checkText(field, value);
    entry[field] = value;
  }
  if (input.followUp) entry.followUp = true;
  return entry;
}

/** Why a time does not belong to a run, in words for the page. */
export function outsideRun(run: Run): string {
  const window = shiftWindow(run);
  if (!window) return `ngày giờ ghi phải từ ngày trực ${formatDateVi(run.date)} trở đi.`;
  const span = `${entryTime(window.start, run.date)} – ${entryTime(window.end, run.date)}`;
  return `ngày giờ này ở quá xa ca trực (${span} ngày ${formatDateVi(run.date)}); mục nhật ký chỉ được ghi trong ca, hoặc trước, sau ca không quá độ dài của ca.`;
}

/** Entries in the order of their times; entries with the same time keep their order. */
export const byTime = <T extends { at: string }>(entries: readonly T[]): T[] =>
  entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) =>
      a.entry.at < b.entry.at ? -1 : a.entry.at > b.entry.at ? 1 : a.index - b.index,
    )
    .map(({ entry }) => entry);

/** Applies a change to the open run's journal; the journal can change only while the run is open. */
export function updateJournal(
  store: Store,
  change: (journal: JournalEntry[], run: Run) => JournalEntry[],
  removed?: Run['removed'],
): Store {
  const run = store.current;
  if (!run)
    throw new ChecklistError('Chưa có ca nào đang mở: bấm «Bắt đầu ca mới» trước khi ghi nhật ký.');
  return {
    ...store,
    current: {
      ...run,
      journal: byTime(change([...run.journal], run)),
      removed: removed ?? run.removed,
    },
  };
}

/** Adds an entry to the open run. */
export function addEntry(store: Store, input: EntryInput, id: string, now: Date): Store {
  return updateJournal(store, (journal, run) => {
    if (journal.length >= LIMITS.entries) {
      throw new ChecklistError(
        `Nhật ký của một ca có tối đa ${LIMITS.entries} mục; hãy kết thúc ca này và ghi tiếp ở ca mới.`,
      );
    }
    if (journal.some((entry) => entry.id === id) || run.removed.some((entry) => entry.id === id))
      throw new Error(`Entry id already used: ${id}`);
    return [...journal, { ...entryFrom(input, id, run), stamp: nextStamp(store, now) }];
  });
}

export const find = (journal: JournalEntry[], entryId: string): number => {
  const index = journal.findIndex((entry) => entry.id === entryId);
  if (index < 0)
    throw new ChecklistError('Không tìm thấy mục nhật ký này (có thể đã bị xóa ở thẻ khác).');
  return index;
};

/**
 * Replaces an entry of the open run, keeping its id, where it was received from, and its
 * closing (a matter closed stays one followed: its closing is taken back with reopenMatter).
 */
export function updateEntry(store: Store, entryId: string, input: EntryInput, now: Date): Store {
  return updateJournal(store, (journal, run) => {
    const index = find(journal, entryId);
    const { closedAt, outcome, carriedFrom } = journal[index]!;
    const closed = closedAt !== undefined;
    journal[index] = {
      ...entryFrom({ ...input, followUp: input.followUp || closed }, entryId, run),
      ...(closed && { closedAt, outcome }),
      ...(carriedFrom && { carriedFrom }),
      stamp: nextStamp(store, now),
    };
    if (closedAt !== undefined && closedAt < journal[index].at)
      throw new EntryError(
        'time',
        `việc này đã kết thúc lúc ${entryTime(closedAt, run.date)}; giờ ghi không được muộn hơn.`,
      );
    return journal;
  });
}

/** Removes an entry from the open run; the removal is remembered so that another tab's copy does not bring it back. */
export function removeEntry(store: Store, entryId: string, now: Date): Store {
  const removed = [
    ...(store.current?.removed ?? []),
    { id: entryId, stamp: nextStamp(store, now) },
  ];
  return updateJournal(
    store,
    (journal) => {
      journal.splice(find(journal, entryId), 1);
      return journal;
    },
    removed,
  );
}

/** The form's values for an entry: what "Sửa" puts back into the fields. */
export const inputOf = (entry: JournalEntry): Required<EntryInput> => ({
  date: entry.at.slice(0, 10),
  time: entry.at.slice(11, 16),
  kind: entry.kind,
  content: entry.content,
  direction: entry.direction ?? '',
  informed: entry.informed ?? '',
  result: entry.result ?? '',
  followUp: entry.followUp === true,
});
