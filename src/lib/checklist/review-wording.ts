/**
 * What the shift checklist says now and then, loaded with src/client/shift-actions.ts: the
 * paper sheets, the end-of-shift review and its announcement, the officer's name, and the
 * notice of a change made at once in another tab. Unit-tested with wording.ts.
 */
import type { Run } from './schema.ts';
import { runLabel } from './state.ts';
import { runTime } from './time.ts';
import { runTally, type Tally } from './wording.ts';

/** A long text cut for a one-line notice: at most 80 characters, the cut marked with "…". */
export const short = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

export const endedAnnouncement = (open: number): string =>
  `Đã kết thúc ca; ${open === 0 ? 'mọi việc đã xong' : `còn ${open} việc chưa xong`}. Ca được lưu trong «Các ca đã qua»; có thể mở lại cho đến khi bắt đầu ca mới.`;

export const officerSavedAnnouncement = 'Đã lưu tên người trực.';

// ── paper sheets ───────────────────────────────────────────────────────

export const sheetTitle = (handover: boolean): string =>
  handover ? 'Bàn giao ca: việc còn mở' : 'Danh sách việc trong ca trực';

export const sheetSigner = (handover: boolean): string =>
  handover ? 'Người bàn giao ca' : 'Người trực ca';

/** The handover sheet's note: how many items are still open, and when the sheet was made. */
export const handoverNote = (open: number, total: number, made: string): string =>
  open === 0
    ? `Mọi việc trong danh sách đã xong (lập lúc ${made}).`
    : `Còn ${open}/${total} việc chưa xong (lập lúc ${made}).`;

// ── end-of-shift review ────────────────────────────────────────────────

export const reviewRunLine = (run: Run, tally: Tally): string =>
  `${runLabel(run)}. Mở sổ lúc ${runTime(run, run.startedAt)}; ${runTally(tally).toLowerCase()}.`;

export const reviewOpenHeading = (open: number): string =>
  open === 0 ? 'Mọi việc trong danh sách đã xong.' : `Còn ${open} việc chưa xong:`;

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
