/**
 * What the page, the sheets and the journal say of matters followed («việc đang theo dõi»,
 * matters.ts): in the journal log, the end-of-shift review, the handover sheet, the offer to
 * receive them in the next run, and the journal's rows. Unit-tested with the other wordings.
 */
import type { JournalEntry, Run } from './schema.ts';
import { entryTime } from './time.ts';
import { sinceText } from './matters.ts';

/** The name of a matter followed, on every page and sheet. */
export const MATTER = 'Việc đang theo dõi';

/** The entry form's checkbox, and its hint. */
export const followUpLabel = 'Việc còn theo dõi (chưa có kết quả cuối)';
export const followUpHint =
  'Việc còn theo dõi được nêu khi kết thúc ca và ở đầu tờ bàn giao; ca sau nhận bàn giao để theo dõi tiếp hoặc ghi kết quả.';

/** Under an open matter in the log: "Việc đang theo dõi từ 23:10 06/12/2026". */
export const openMatterLine = (entry: JournalEntry, run: Run): string =>
  `${MATTER} từ ${sinceText(entry, run)}${entry.carriedFrom ? ` (nhận bàn giao từ ca ${entry.carriedFrom.label})` : ''}.`;

/** Under a closed one: "Theo dõi từ 23:10 06/12/2026 (…); đã kết thúc lúc 09:10: Đã lập biên bản". */
export const closedMatterLine = (entry: JournalEntry, run: Run): string =>
  `Theo dõi từ ${sinceText(entry, run)}${entry.carriedFrom ? ` (nhận bàn giao từ ca ${entry.carriedFrom.label})` : ''}; đã kết thúc lúc ${entryTime(entry.closedAt ?? '', run.date)}: ${entry.outcome ?? ''}`;

export const closeButton = 'Ghi kết thúc việc…';
export const reopenButton = 'Bỏ ghi kết thúc';
export const closeLegend = (time: string): string => `Kết thúc việc ghi lúc ${time}`;
export const closeSubmit = 'Ghi kết thúc';

export const closedAnnouncement = (time: string): string => `Đã ghi kết thúc việc ghi lúc ${time}.`;
export const reopenedAnnouncement = (time: string): string =>
  `Việc ghi lúc ${time} lại là việc đang theo dõi.`;

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

/** The review's line above the open matters: they are handed over with the shift. */
export const reviewMatters = (count: number): string =>
  count === 0
    ? 'Không còn việc đang theo dõi nào.'
    : `${MATTER} (${count}), sẽ bàn giao cho ca sau:`;

/**
 * One matter in a list: "23:10 06/12/2026 · Niêm phong container bị cắt, đang xác minh"; of
 * `run`, shown in `shownIn` (the run receiving it).
 */
export const matterSummary = (entry: JournalEntry, run: Run, shownIn: Run = run): string =>
  `${sinceText(entry, run, shownIn)} · ${entry.content}`;

/** The handover sheet's heading and column heads for the matters, which lead it. */
export const sheetMattersHeading = (count: number): string => `${MATTER} (${count})`;
export const sheetMattersColumns = [
  'Từ lúc',
  'Nội dung',
  'Người theo dõi',
  'Tình trạng đến lúc bàn giao',
] as const;
/** Who follows the matter: the run's officer, or a blank to write in. */
export const followedBy = (run: Run): string => run.officer || '';
/** What is pending: what was directed, and the matter's result so far, or that there is none yet. */
export const pendingText = (entry: JournalEntry): string =>
  [
    entry.direction ? `Đã chỉ đạo: ${entry.direction}` : '',
    entry.result ? `Đến nay: ${entry.result}` : 'Chưa có kết quả',
  ]
    .filter(Boolean)
    .join('. ');

// ── receiving the handover ─────────────────────────────────────────────

export const receiveHeading = 'Nhận bàn giao';
/** Read out after the run panel's «Nhận bàn giao» (on screen the button stays short: a phone's row does not wrap). */
export const receiveNotice = (count: number): string => ` (${count} việc đang theo dõi)`;
/** The offer in the journal log, naming the run it comes from. */
export const receiveOffer = (count: number, from: Run): string =>
  `Ca trước (${fromLabel(from)}) còn ${count} việc đang theo dõi.`;
const fromLabel = (run: Run): string => {
  const parts = [run.shift, run.officer].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : `ngày ${run.date.split('-').reverse().join('/')}`;
};
export const receiveButton = (count: number): string => `Nhận ${count} việc vào nhật ký ca này`;
export const receiveFromFile = 'Nhận bàn giao từ tệp ca trực';
export const receiveFromFileHint =
  'Tệp ca trực do người trực ca trước xuất ở máy khác («Xuất ca ra tệp»); chỉ các việc đang theo dõi được nhận, ca đó không được thêm vào máy này.';
export const receivedAnnouncement = (count: number): string =>
  `Đã nhận ${count} việc đang theo dõi vào nhật ký ca này; mỗi việc được theo dõi tiếp cho đến khi ghi kết thúc.`;
export const nothingToReceive = (label: string): string =>
  `Ca ${label} không còn việc đang theo dõi nào mà ca này chưa nhận.`;

// ── the journal's rows ─────────────────────────────────────────────────

/** A received matter's row begins with where it came from. */
export const receivedRowPrefix = (entry: JournalEntry, run: Run): string =>
  entry.carriedFrom
    ? `Nhận bàn giao ${MATTER.toLowerCase()} từ ${sinceText(entry, run)} (ca ${entry.carriedFrom.label}): `
    : '';

/** The state of a matter in its own row's result cell. */
export const matterRowState = (entry: JournalEntry, run: Run): string =>
  entry.closedAt === undefined
    ? `${MATTER}, chưa kết thúc`
    : `Kết thúc lúc ${entryTime(entry.closedAt, run.date)}`;

/** The content of the row at a matter's closing. */
export const closingRowContent = (entry: JournalEntry, run: Run): string =>
  `Kết thúc ${MATTER.toLowerCase()} từ ${sinceText(entry, run)}: ${entry.content}`;
