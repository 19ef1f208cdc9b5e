/**
 * What the page, the sheets and the journal say of matters followed («việc đang theo dõi»,
 * matters.ts): in the journal log, the end-of-shift review, the handover sheet, the offer to
 * receive them in the next run, and the journal's rows. Unit-tested in matters.test.ts.
 */
import type { JournalEntry, Run } from './schema.ts';
import { entryTime } from './time.ts';
import { runLabel } from './state.ts';
import { pendingOf, sinceText } from './matters.ts';

/** The name of a matter followed, on every page and sheet. */
export const MATTER = 'Việc đang theo dõi';

/** The entry form's checkbox, and its hint. */
export const followUpLabel = `${MATTER} (chưa có kết quả cuối cùng)`;
export const followUpHint =
  'Việc đang theo dõi được nêu khi kết thúc ca và ở đầu tờ bàn giao; ca sau có thể nhận vào nhật ký của mình để theo dõi tiếp.';

/** Where a received matter comes from: ", nhận bàn giao của ca 06/12/2026 · Ca đêm …". */
const receivedFrom = (entry: JournalEntry): string =>
  entry.carriedFrom ? `, nhận bàn giao của ca ${entry.carriedFrom.label}` : '';

/** What the outgoing shift had written of a received matter: " Ca trước ghi: …". */
const handedOver = (entry: JournalEntry): string =>
  entry.carriedFrom?.pending ? ` Ca trước ghi: ${sentence(entry.carriedFrom.pending)}` : '';

/** A text ending as a sentence does. */
const sentence = (text: string): string => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** Under an open matter in the log: "Việc đang theo dõi từ 23:10 06/12/2026, nhận bàn giao của ca …". */
export const openMatterLine = (entry: JournalEntry, run: Run): string =>
  `${MATTER} từ ${sinceText(entry, run)}${receivedFrom(entry)}.${handedOver(entry)}`;

/** Under a closed one: "Theo dõi từ 23:10 06/12/2026, …; đã kết thúc lúc 09:10: Đã lập biên bản". */
export const closedMatterLine = (entry: JournalEntry, run: Run): string =>
  `Theo dõi từ ${sinceText(entry, run)}${receivedFrom(entry)}; đã kết thúc lúc ${entryTime(entry.closedAt ?? '', run.date)}: ${sentence(entry.outcome ?? '')}${handedOver(entry)}`;

export const closeButton = 'Ghi kết thúc việc…';
export const reopenButton = 'Bỏ ghi kết thúc';
export const closeLegend = (time: string): string => `Ghi kết thúc cho việc ghi lúc ${time}`;
export const closeDate = 'Ngày kết thúc';
export const closeTime = 'Giờ kết thúc';
export const closeHint = 'Nhật ký (PDF) có thêm một dòng ở giờ này, ghi kết quả.';
export const closeSubmit = 'Ghi kết thúc';

export const closedAnnouncement = (time: string): string =>
  `Đã ghi kết thúc cho việc ghi lúc ${time}.`;
export const reopenedAnnouncement = (time: string): string =>
  `Việc ghi lúc ${time} trở lại là việc đang theo dõi.`;

/**
 * An entry as the two-tab notice shows each version of it: its content, and whether it is a
 * matter followed or closed (two versions may differ in that alone).
 */
export const entryVersion = (entry: JournalEntry): string =>
  // The state first: the notice shortens long texts, and two versions may differ in it alone.
  entry.closedAt !== undefined
    ? `Đã kết thúc lúc ${entry.closedAt.slice(11, 16)} (${entry.outcome ?? ''}): ${entry.content}`
    : entry.followUp
      ? `Đang theo dõi: ${entry.content}`
      : entry.content;

// ── the review, the handover sheet ─────────────────────────────────────

/** The review's line above the open matters, which the handover sheet names first. */
export const reviewMatters = (count: number): string =>
  count === 0
    ? 'Không còn việc đang theo dõi nào.'
    : `${MATTER} chưa kết thúc (${count}), nêu ở đầu tờ bàn giao ca:`;

/** The review, when the previous run's matters were not all received. */
export const reviewUnreceived = (count: number): string =>
  `Ca trước còn ${count} việc đang theo dõi mà ca này chưa nhận.`;

/**
 * One matter in a list: "23:10 06/12/2026 · Niêm phong container bị cắt, đang xác minh"; of
 * `run`, shown in `shownIn` (the run receiving it).
 */
export const matterSummary = (entry: JournalEntry, run: Run, shownIn: Run = run): string =>
  `${sinceText(entry, run, shownIn)} · ${entry.content}`;

/** The handover sheet's heading, note and column heads for the matters, which lead it. */
export const sheetMattersHeading = (count: number): string => `${MATTER} (${count})`;
export const sheetMattersNote =
  'Các mục nhật ký được đánh dấu là việc đang theo dõi. Cách trình bày của sổ tay: Điều 7 không quy định việc bàn giao ca.';
export const sheetMattersColumns = ['Từ lúc', 'Nội dung', 'Tình trạng đến lúc bàn giao'] as const;
/** What is pending: what was directed, who was told, the result so far, or that there is none yet. */
export const pendingText = (entry: JournalEntry): string =>
  sentence(pendingOf(entry) ?? 'Chưa có kết quả');

// ── receiving the handover ─────────────────────────────────────────────

export const receiveHeading = 'Nhận bàn giao';
/** Read out after the run panel's «Nhận bàn giao» (on screen the button stays short: a phone's row does not wrap). */
export const receiveNotice = (count: number): string => ` (${count} việc đang theo dõi)`;
/** The offer in the journal log, naming the run it comes from and what receiving does. */
export const receiveOffer = (count: number, from: Run): string =>
  `Ca trước (${runLabel(from)}) còn ${count} việc đang theo dõi. Việc được chọn được ghi vào nhật ký ca này thành một mục, vào lúc nhận; việc bỏ chọn không được ghi.`;
export const receiveButton = (count: number): string => `Nhận ${count} việc vào nhật ký ca này`;
export const receiveFromFile = 'Nhận bàn giao từ tệp ca trực (máy khác)';
export const receiveFromFileHint =
  'Tệp do người trực ca trước xuất bằng nút «Xuất ca ra tệp» ở máy khác; chỉ các việc đang theo dõi được nhận, ca đó không được thêm vào «Các ca đã qua» của máy này.';
export const receivedAnnouncement = (count: number): string =>
  `Đã nhận ${count} việc đang theo dõi vào nhật ký ca này; mỗi việc được theo dõi tiếp cho đến khi ghi kết thúc.`;
export const nothingToReceive = (label: string): string =>
  `Ca trong tệp (${label}) không còn việc đang theo dõi nào mà ca này chưa nhận.`;
export const nothingReceived =
  'Không có việc nào được nhận thêm: các việc này đã có trong nhật ký ca này (có thể đã nhận ở thẻ khác).';

// ── the journal's rows ─────────────────────────────────────────────────

/** A received matter's row begins with where it came from. */
export const receivedRowPrefix = (entry: JournalEntry, run: Run): string =>
  entry.carriedFrom
    ? `Nhận bàn giao của ca ${entry.carriedFrom.label}, việc ghi lúc ${sinceText(entry, run)}: `
    : '';

/** The result cell of a matter's own row: what the shift before wrote, the entry's result, its state. */
export const matterRowResult = (entry: JournalEntry, run: Run): string =>
  [
    entry.carriedFrom?.pending ? `Ca trước ghi: ${entry.carriedFrom.pending}` : '',
    entry.result ?? '',
    entry.closedAt === undefined
      ? `${MATTER}, chưa kết thúc`
      : `Kết thúc lúc ${entryTime(entry.closedAt, run.date)}`,
  ]
    .filter(Boolean)
    .join('; ');

/** Closing rows repeat at most this much of the content; its own row holds it whole. */
const CLOSING_CONTENT = 100;

/** The content of the row at a matter's closing: which entry it closes, and the start of its content. */
export function closingRowContent(entry: JournalEntry, run: Run): string {
  const row = entryTime(entry.at, run.date);
  const content =
    entry.content.length <= CLOSING_CONTENT
      ? entry.content
      : `${entry.content.slice(0, CLOSING_CONTENT - 1)}… (toàn văn ở dòng lúc ${row})`;
  return `Kết thúc việc ghi lúc ${row}${entry.carriedFrom ? ` (theo dõi từ ${sinceText(entry, run)})` : ''}: ${content}`;
}
