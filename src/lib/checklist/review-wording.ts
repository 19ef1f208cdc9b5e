/**
 * What the shift checklist says now and then, loaded with src/client/shift-actions.ts and
 * not-arising.ts: the paper sheets, the end-of-shift review and its announcement, the
 * officer's name, «không phát sinh trong ca» and its counts (also in the journal's rows), and
 * the notice of a change made at once in another tab. Unit-tested with wording.ts.
 */
import type { Run } from './schema.ts';
import { runLabel } from './state.ts';
import { runTime } from './time.ts';
import { runTally, type Tally } from './wording.ts';

/** A long text cut for a one-line notice: at most 80 characters, the cut marked with "…". */
export const short = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

export const endedAnnouncement = (open: number, notArisen = 0): string =>
  `Đã kết thúc ca; ${open > 0 ? `còn ${open} việc chưa xong` : notArisen > 0 ? `không còn việc nào chưa xong, ${notArisenCount(notArisen)}` : 'mọi việc đã xong'}. Ca được lưu trong «Các ca đã qua»; có thể mở lại cho đến khi bắt đầu ca mới.`;

// ── «không phát sinh trong ca» (src/lib/content/arising.ts says which items) ──

/** What an item that did not arise reads as: on the page, the sheets and in the journal. */
export const NOT_ARISEN = 'Không phát sinh trong ca';

/** "3 việc không phát sinh": counted apart from done and undone. */
export const notArisenCount = (count: number): string => `${count} việc không phát sinh`;

/** The run's tally with the items that did not arise: "Đã xong 6/9 việc, 3 việc không phát sinh". */
export const tallyWithNotArisen = (tally: Tally, notArisen: number): string =>
  notArisen === 0 ? runTally(tally) : `${runTally(tally)}, ${notArisenCount(notArisen)}`;

/** One moment of the shift: "Đã xong 1/2"; "Đã xong 1/3, 2 không phát sinh". */
export const momentTally = ({ done, total }: Tally, notArisen = 0): string =>
  `Đã xong ${done}/${total}${notArisen === 0 ? '' : `, ${notArisen} không phát sinh`}`;

/** Under an item marked so: "Không phát sinh trong ca (ghi lúc 10:15)". */
export const notArisenAtText = (run: Run, at: string): string =>
  `${NOT_ARISEN} (ghi lúc ${runTime(run, at)})`;

/** The item's button: marks it, or takes the mark back (one tap either way). */
export const notArisenButton = (marked: boolean): string =>
  marked ? 'Bỏ đánh dấu không phát sinh' : NOT_ARISEN;

/** Read out after marking an item, or taking the mark back. */
export const notArisenAnnouncement = (
  marked: boolean,
  action: string,
  tally: Tally,
  notArisen: number,
): string =>
  `${marked ? NOT_ARISEN : 'Bỏ đánh dấu không phát sinh'}: ${action}. Cả ca: ${tallyWithNotArisen(tally, notArisen).toLowerCase()}.`;

/** The words after an ended run's name in the history list (drawn with the history, shift-actions.ts). */
export const historyLine = (run: Run, tally: Tally, notArisen = 0): string =>
  ` ${tallyWithNotArisen(tally, notArisen).toLowerCase()}, kết thúc lúc ${run.endedAt ? runTime(run, run.endedAt) : ''}`;

export const officerSavedAnnouncement = 'Đã lưu tên người trực.';

// ── paper sheets ───────────────────────────────────────────────────────

export const sheetTitle = (handover: boolean): string =>
  handover ? 'Bàn giao ca: việc còn mở' : 'Danh sách việc trong ca trực';

export const sheetSigner = (handover: boolean): string =>
  handover ? 'Người bàn giao ca' : 'Người trực ca';

/**
 * The sheet's note: how many items are still open, how many did not arise, and when the sheet
 * was made (the handover sheet; the run's sheet says the same of the whole run).
 */
export const handoverNote = (open: number, total: number, made: string, notArisen = 0): string =>
  open === 0
    ? notArisen === 0
      ? `Mọi việc trong danh sách đã xong (lập lúc ${made}).`
      : `Không còn việc nào chưa xong: ${total - notArisen} việc đã xong, ${notArisenCount(notArisen)} trong ca (lập lúc ${made}).`
    : `Còn ${open}/${total} việc chưa xong${notArisen === 0 ? '' : `; ${notArisenCount(notArisen)}`} (lập lúc ${made}).`;

// ── end-of-shift review ────────────────────────────────────────────────

export const reviewRunLine = (run: Run, tally: Tally, notArisen = 0): string =>
  `${runLabel(run)}. Mở sổ lúc ${runTime(run, run.startedAt)}; ${tallyWithNotArisen(tally, notArisen).toLowerCase()}.`;

export const reviewOpenHeading = (open: number, notArisen = 0): string =>
  open > 0
    ? `Còn ${open} việc chưa xong:`
    : notArisen > 0
      ? 'Không còn việc nào chưa xong.'
      : 'Mọi việc trong danh sách đã xong.';

/** Above the items marked «không phát sinh trong ca», which the review lists apart. */
export const reviewNotArisen = (count: number): string => `${NOT_ARISEN} (${count} việc):`;

export const reviewApprovals = (pending: readonly string[]): string =>
  pending.length === 0
    ? 'Không có việc đã xong nào còn chờ ghi nhận phê duyệt.'
    : `Đã xong nhưng chưa ghi nhận phê duyệt: ${pending.join('; ')}.`;

export const reviewJournal = (entries: number): string =>
  `Nhật ký của ca: ${entries === 0 ? 'chưa có mục nào' : `${entries} mục`}.`;

// ── a change made at once in another tab ───────────────────────────────

/** The two lines of the notice and its button, for a note both tabs changed. */
export function replacedNoteNotice(
  action: string,
  kept: string,
  mine: string,
): [string, string, string] {
  return [
    `Ghi chú của việc ‘${short(action)}’ vừa được sửa ở một thẻ khác cùng lúc với thẻ này.`,
    `Đang giữ: ‘${short(kept) || '(trống)'}’. Bản ở thẻ này: ‘${short(mine) || '(trống)'}’.`,
    'Dùng ghi chú của thẻ này',
  ];
}

/**
 * Another tab wrote a note while this tab was typing it (the field kept what was typed, so
 * the two are never mixed); this tab's next key keeps its own text, and the other is shown.
 */
export function overtypedNoteNotice(action: string, theirs: string): [string, string, string] {
  return [
    `Trong lúc thẻ này gõ ghi chú của việc ‘${short(action)}’, một thẻ khác đã ghi vào đó.`,
    `Đang giữ bản gõ ở thẻ này. Bản ở thẻ kia: ‘${short(theirs) || '(trống)'}’.`,
    'Dùng ghi chú của thẻ kia',
  ];
}

/** The same for a journal entry, edited or removed in the other tab (`kept` is then null). */
export function replacedEntryNotice(
  at: string,
  kept: string | null,
  mine: string,
): [string, string, string] {
  return [
    `Mục nhật ký lúc ${at.slice(11, 16)} vừa được ${kept !== null ? 'sửa' : 'xóa'} ở một thẻ khác cùng lúc với thẻ này.`,
    `${kept !== null ? `Đang giữ: ‘${short(kept)}’. ` : ''}Bản ở thẻ này: ‘${short(mine)}’.`,
    'Ghi lại mục của thẻ này',
  ];
}
