/**
 * What the learning pages say, as pure functions: the states of a point (in words and a
 * shape, never colour alone), the day's count, the outcome of a round, an import, and why a
 * class file was refused. The browser code only places these strings.
 */
import { formatDateVi } from '../vi.ts';
import type { Refusal } from './class.ts';
import type { PointState } from './schedule.ts';

export const STATE_LABELS: Record<PointState, string> = {
  new: 'Chưa học',
  practising: 'Đang ôn',
  learnt: 'Đã thuộc',
};

/** A shape per state, read aloud by its label: ○ not seen, ◐ practising, ● learnt. */
export const STATE_SHAPES: Record<PointState, string> = { new: '○', practising: '◐', learnt: '●' };

/** "Hôm nay cần ôn 3 câu", with the new questions left, or that nothing is due and when to come back. */
export function dueLine(due: number, fresh: number, nextDue: string | null): string {
  if (due === 0 && fresh === 0) {
    return nextDue
      ? `Hôm nay không còn câu nào cần ôn. Lần ôn tới: ngày ${formatDateVi(nextDue)}.`
      : 'Không còn câu nào cần ôn.';
  }
  const parts = [`Hôm nay cần ôn ${due} câu`];
  if (fresh > 0) parts.push(`còn ${fresh} câu chưa làm`);
  return `${parts.join(', ')}.`;
}

/** "Đã thuộc 2/5 điểm." */
export const learntLine = (learnt: number, total: number): string =>
  `Đã thuộc ${learnt}/${total} điểm.`;

/** On a question whose answer is the handbook's own arrangement (questions.ts `layout`). */
export const LAYOUT_NOTE =
  'Câu này hỏi cách sắp xếp của sổ tay, không phải quy định của Điều 7, nên không được tính vào «Đã thuộc» của điểm.';

/** After an answer. */
export const answerVerdict = (right: boolean): string => (right ? 'Đúng.' : 'Chưa đúng.');

/** After a round. */
export const roundLine = (right: number, asked: number): string =>
  `Lượt này đúng ${right}/${asked} câu.`;

/** Why stored progress was not used; where it went follows (src/lib/store/wording.ts). */
export function storedProblem(problem: 'damaged' | 'newer'): string {
  const why =
    problem === 'newer'
      ? 'Tiến độ học được lưu bởi một phiên bản mới hơn của sổ tay'
      : 'Tiến độ học lưu trong trình duyệt bị hỏng hoặc không đúng định dạng';
  return `${why}, nên trang bắt đầu lại từ đầu.`;
}

/** The outcome of opening a progress file on this device. */
export function importLine(
  file: string,
  outcome: 'merged' | 'not-saved' | 'damaged' | 'newer' | 'other-format' | 'far-stamp' | 'too-many',
  answers = 0,
): string {
  if (outcome === 'merged')
    return `Đã mở tệp «${file}»: thêm ${answers} câu trả lời vào tiến độ trên máy này.`;
  if (outcome === 'not-saved')
    return `Đã đọc tệp «${file}» (${answers} câu trả lời mới), nhưng trình duyệt không cho lưu (bộ nhớ đầy hoặc bị chặn): tiến độ chỉ còn trên trang này. Hãy giữ tệp, giải phóng bộ nhớ của trình duyệt rồi mở lại tệp.`;
  if (outcome === 'too-many')
    return `Không mở được tệp «${file}»: gộp với tiến độ trên máy này thì vượt quá số câu trả lời trang giữ được. Tiến độ trên máy này giữ nguyên.`;
  if (outcome === 'far-stamp')
    return `Không mở được tệp «${file}»: thời điểm sửa tên trong tệp không hợp lệ (sau năm 2100). Tiến độ trên máy này giữ nguyên.`;
  if (outcome === 'newer')
    return `Không mở được tệp «${file}»: tệp do một phiên bản mới hơn của sổ tay tạo ra. Tiến độ trên máy này giữ nguyên.`;
  if (outcome === 'other-format')
    return `Không mở được tệp «${file}»: đây không phải tệp tiến độ học. Tiến độ trên máy này giữ nguyên.`;
  return `Không mở được tệp «${file}»: tệp bị hỏng hoặc không đúng định dạng. Tiến độ trên máy này giữ nguyên.`;
}

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

/** A step of the path, done or not yet. */
export const stepStatus = (done: boolean): string => (done ? '✓ Đã xong' : '○ Chưa xong');

/** A drill of the path: every inject answered right at least once, or not yet. */
export const drillStatus = (done: boolean): string =>
  done ? '✓ Đã trả lời đúng mọi tình huống' : '○ Chưa làm xong';

/** The one button of the path when every step is done. */
export const PATH_COMPLETE = 'Bạn đã đi hết lộ trình. Tiếp tục ôn khi có câu đến hạn.';

/** When the questions could not be loaded (offline before the first visit, server gone). */
export const LOAD_FAILED = 'Không tải được câu hỏi. Hãy kiểm tra kết nối rồi bấm lại.';

/** The hint under a question whose options may be several. */
export const CHOOSE_FIRST = 'Hãy chọn một đáp án trước khi trả lời.';

/** Above the class table. */
export const learnerCount = (n: number): string => `Số học viên: ${n}.`;

/** Over the class table: what each shape means ("● đã thuộc · ◐ đang ôn · ○ chưa học"). */
export const stateLegend = (): string =>
  (['learnt', 'practising', 'new'] as const)
    .map((state) => `${STATE_SHAPES[state]} ${STATE_LABELS[state].toLowerCase()}`)
    .join(' · ');

/** Under the class table on paper: the shapes, and the mark of a point a drill found wanting. */
export const paperLegend = (): string =>
  `${stateLegend()}; dấu ! sau tên điểm: có tình huống diễn tập bị đánh giá «Chưa đạt».`;

/** A point's share in the class table on paper: "3/12". */
export const paperShare = (learnt: number, total: number): string => `${learnt}/${total}`;
