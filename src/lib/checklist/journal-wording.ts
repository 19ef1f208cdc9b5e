/**
 * What the journal log of a shift run says (src/client/journal-log.ts): its state line, the
 * form's heading, the announcements after each change, the question before an entry is
 * removed, and what an export gives or why it could not be made. Pure, so that every
 * sentence is unit-tested (test/unit/journal-wording.test.ts); the import's sentences are in
 * import-wording.ts. Names of buttons, sections, fields and what the officer typed are quoted
 * with « »: curly quotes hold the law only.
 */
import { FIELD_LABELS, KINDS } from './entries.ts';
import type { JournalEntry, Run } from './schema.ts';
import { runLabel } from './state.ts';
import { entryTime } from './time.ts';
import type { EntryPart } from '../content/forms-schema.ts';
import type { JournalLine } from '../journal/run.ts';
import { formatDateVi } from '../vi.ts';
import { MAX_PAGES } from '../journal/options.ts';

/** What the officer typed, cut to 60 characters where a sentence quotes it. */
export const shortText = (text: string): string =>
  text.length > 60 ? `${text.slice(0, 57)}…` : text;

/** "22:15 · Tình huống phát sinh": an entry's time (with its day when not the run's) and kind. */
export const entryHeadline = (entry: Pick<JournalEntry, 'at' | 'kind'>, runDate: string): string =>
  `${entryTime(entry.at, runDate)} · ${KINDS[entry.kind].label}`;

/** The line above the entries: no run, the open run, or an ended run looked at. */
export function journalStateText(run: Run | null, live: boolean): string {
  if (!run) return 'Chưa có ca nào đang mở. Bắt đầu ca mới ở phần «Ca trực» để ghi nhật ký.';
  const count = run.journal.length;
  const entries = count === 0 ? 'chưa có mục nào' : `${count} mục, theo thứ tự thời gian`;
  return live
    ? `Nhật ký của ca đang mở: ${entries}.`
    : `Nhật ký của ca đã qua ${runLabel(run)} (chỉ xem): ${entries}.`;
}

/** The form's heading and its button: a new entry, or the entry being edited. */
export const formTitles = (editingTime: string | null): { legend: string; submit: string } =>
  editingTime === null
    ? { legend: 'Mục mới', submit: 'Ghi vào nhật ký' }
    : { legend: `Sửa mục lúc ${editingTime}`, submit: 'Lưu thay đổi' };

/** Said when the entry being edited was removed in another tab. */
export const editedEntryGone =
  'Mục đang sửa đã bị xóa ở thẻ khác. Nội dung bạn đang sửa vẫn còn trong biểu mẫu: bấm «Ghi vào nhật ký» để ghi thành mục mới, hoặc xóa đi nếu không cần.';

/** Read out once an entry is written; `headline` is entryHeadline's. */
export const savedAnnouncement = (edited: boolean, headline: string): string =>
  edited ? `Đã lưu thay đổi của mục ${headline}.` : `Đã ghi vào nhật ký: ${headline}.`;

/** Asked before an entry is removed. */
export const removeQuestion = (time: string, content: string): string =>
  `Xóa mục nhật ký lúc ${time}: «${shortText(content)}»?`;

export const removedAnnouncement = (time: string): string => `Đã xóa mục lúc ${time}.`;

// ── exports ──────────────────────────────────────────────────────────────

export const pdfInProgress = 'Đang tạo nhật ký (PDF)…';
export const pdfCodeGone =
  'Không tải được phần tạo nhật ký (PDF): sổ tay trên máy chủ đã có phiên bản mới.';
export const pdfOptionRefused =
  'Chưa tạo được nhật ký: tên người trực quá dài hoặc có ký tự phông chữ của nhật ký không có.';
export const pdfTooLong = `Chưa tạo được nhật ký: nội dung dài hơn ${MAX_PAGES} trang, số trang tối đa của một tệp. Hãy viết gọn các mục dài nhất, rồi xuất lại.`;
export const pdfFailed = 'Không tạo được nhật ký. Hãy tải lại trang rồi thử lại.';

/** The journal made: its day, rows, pages and size (already in words, e.g. "12,3 KB"). */
export const pdfMade = (date: string, rows: number, pages: number, size: string): string =>
  `Đã tạo nhật ký ngày ${formatDateVi(date)}: ${rows} dòng, ${pages} trang (PDF, ${size}).`;

export const runExported = (run: Run): string => `Đã xuất ca ${runLabel(run)} ra tệp.`;

/** The link left after a download, to get the file again. */
export const downloadAgain = (fileName: string): string => `Tải lại ${fileName}`;

/** What the row refused says: characters the font lacks (listed), or text too long for one row. */
export type RowCause = { missing: string[] } | 'too-long';

/** The characters named in the PDF module's message ("U+1F600 (😀)"), in order. */
export const missingInMessage = (message: string): string[] =>
  [...message.matchAll(/U\+[0-9A-F]+ \((.)\)/gu)].map((match) => match[1] ?? '');

/** Why the PDF module refused a cell, from its message. */
export const rowCause = (message: string): RowCause =>
  message.includes('cannot show') ? { missing: missingInMessage(message) } : 'too-long';

/** The cell's name as the form's labels say it, for the part of an entry a column fills. */
export function partLabel(part: EntryPart | undefined, column: string): string {
  if (part === 'time') return 'thời gian';
  if (part === 'content') return 'nội dung';
  return part ? FIELD_LABELS[part].toLowerCase() : column;
}

/** Which line of the journal could not be set, and why, in words a user can act on. */
export function rowProblem(
  row: number,
  line: Pick<JournalLine, 'at' | 'content' | 'from'> | undefined,
  runDate: string,
  label: string,
  cause: RowCause,
): string {
  const which = !line
    ? `Dòng ${row + 1}`
    : 'entry' in line.from
      ? `Mục nhật ký lúc ${entryTime(line.at, runDate)}`
      : `Việc «${shortText(line.content)}»`;
  const why =
    cause === 'too-long'
      ? 'quá dài để in vừa một dòng nhật ký; hãy viết gọn lại'
      : `có ký tự phông chữ của nhật ký không có (${cause.missing.join(' ')})`;
  return `Chưa tạo được nhật ký. ${which}: ô «${label}» ${why}.`;
}
