/**
 * What the shift checklist says on first paint, as pure functions of the run: the status
 * line, the counts and the announcements read out after each change. What is said only now
 * and then (sheets, the end-of-shift review, a change made in another tab) is in
 * review-wording.ts, loaded with the code that says it. The page (src/client/checklist.ts)
 * only puts these strings in place, so every sentence is unit-tested here.
 */
import type { Run } from './schema.ts';
import { runLabel } from './state.ts';
import { runTime, sameClock, zoneLabel } from './time.ts';

/** Done and total items, as progress() counts them. */
export interface Tally {
  done: number;
  total: number;
}

/** "Đã xong 3/12 việc": the whole run. */
export const runTally = ({ done, total }: Tally): string => `Đã xong ${done}/${total} việc`;

export const doneAtText = (run: Run, doneAt: string): string => `Xong lúc ${runTime(run, doneAt)}`;

export const approvedAtText = (run: Run, approvedAt: string): string =>
  `(lúc ${runTime(run, approvedAt)})`;

export const historyLinkText = (count: number): string => `Các ca đã qua (${count})`;

/** Where the device's clock differs from the run's zone, the status line names the run's zone. */
const zoneNote = (run: Run, deviceZone: string): string =>
  sameClock(run.timeZone, deviceZone, run.startedAt)
    ? ''
    : ` (giờ ${zoneLabel(run.timeZone, run.startedAt)}, nơi ghi ca)`;

/** The line above the checklist: no run, the open run, or an ended run being looked at. */
export function statusText(run: Run | null, viewing: boolean, deviceZone: string): string {
  if (!run)
    return 'Chưa có ca nào đang mở. Bắt đầu ca mới để đánh dấu việc đã xong, ghi giờ và ghi chú.';
  const zone = zoneNote(run, deviceZone);
  if (viewing) {
    return `Ca đã kết thúc (chỉ xem): ${runLabel(run)}; kết thúc lúc ${run.endedAt ? runTime(run, run.endedAt) : ''}${zone}.`;
  }
  return `Ca đang mở: ${runLabel(run)}; mở sổ lúc ${runTime(run, run.startedAt)}${zone}.`;
}

/** Read out after a tick: the item, its moment's progress, the whole run's. */
export function tickAnnouncement(
  done: boolean,
  action: string,
  whole: Tally,
  moment?: { name: string } & Tally,
): string {
  return (
    `${done ? 'Đã xong' : 'Bỏ đánh dấu'}: ${action}. ` +
    (moment ? `${moment.name}: ${moment.done}/${moment.total}. ` : '') +
    `Cả ca: ${runTally(whole).toLowerCase()}.`
  );
}

export const approvalAnnouncement = (approved: boolean, action: string): string =>
  approved ? `Đã ghi nhận phê duyệt: ${action}.` : `Bỏ ghi nhận phê duyệt: ${action}.`;

export const startedAnnouncement = (run: Run): string => `Đã bắt đầu ca mới: ${runLabel(run)}.`;

export const reopenedAnnouncement = (run: Run): string => `Đã mở lại ca ${runLabel(run)}.`;

export const noteRefused = (message: string): string => `${message} Ghi chú chưa được lưu.`;

/** The checklist's code loaded on first use (the review, printing, a merge) is gone: a new version. */
export const shiftCodeGone =
  'Trang không tải được phần cần dùng: sổ tay trên máy chủ đã có phiên bản mới.';
