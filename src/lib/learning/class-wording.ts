/**
 * What the class view says (refused files, shares, after-action reports): apart from
 * wording.ts so that the learning path's first visit does not carry it.
 */
import type { Refusal } from './class.ts';

/** Why the class view left a file out. */
export function refusalLine(refusal: Refusal): string {
  const head = `Không nhận tệp «${refusal.file}»`;
  switch (refusal.why) {
    case 'duplicate':
      return `${head}: trùng người học với tệp «${refusal.of}».`;
    case 'no-name':
      return `${head}: tệp chưa ghi tên người học.`;
    case 'newer':
      return `${head}: tệp do một phiên bản mới hơn của sổ tay tạo ra.`;
    case 'other-format':
      return `${head}: đây không phải tệp tiến độ học.`;
    default:
      return `${head}: tệp bị hỏng hoặc không đúng định dạng.`;
  }
}

/** "2/3 người (67 %)"; "0/0" reads as no learner. */
export function shareLine(learnt: number, total: number): string {
  if (total === 0) return 'Chưa có người học';
  return `${learnt}/${total} người (${Math.round((learnt / total) * 100)} %)`;
}

/** After adding an after-action report: the points it marks, or why it was not taken. */
export function aarLine(file: string, points: number | { refused: string }): string {
  if (typeof points === 'object') return `Không nhận tệp «${file}»: ${points.refused}`;
  return points === 0
    ? `Báo cáo «${file}» không có tình huống nào bị đánh giá «Chưa đạt».`
    : `Báo cáo «${file}»: ${points} điểm có tình huống bị đánh giá «Chưa đạt», được đánh dấu trong bảng.`;
}

/** Above the class table. */
export const learnerCount = (n: number): string => `Số học viên: ${n}.`;

/** A point's share in the class table on paper: "3/12". */
export const paperShare = (learnt: number, total: number): string => `${learnt}/${total}`;
