/**
 * What the learning pages say, as pure functions: the states of a point (in words and a
 * shape, never colour alone), the day's count, the outcome of a round, an import, and why a
 * class file was refused. The browser code only places these strings.
 */
import { formatDateVi } from '../vi.ts';
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

/** A step of the path, done or not yet. */
export const stepStatus = (done: boolean): string => (done ? '✓ Đã xong' : '○ Chưa xong');

/** A drill of the path: every inject answered right at least once, or not yet. */
export const drillStatus = (done: boolean): string =>
  done ? '✓ Đã trả lời đúng mọi tình huống' : '○ Chưa làm xong';

/** The one button of the path when every step is done. */
export const PATH_COMPLETE = 'Bạn đã đi hết lộ trình. Tiếp tục ôn khi có câu đến hạn.';

/** When the code that saves the name or opens and writes files could not be loaded (a new version, offline). */
export const FILES_GONE =
  'Không tải được phần này của trang (mất kết nối, hoặc sổ tay vừa có bản mới). Tải lại trang rồi thử lại; tiến độ đã lưu không mất.';

/** When the questions could not be loaded (offline before the first visit, server gone). */
export const LOAD_FAILED = 'Không tải được câu hỏi. Hãy kiểm tra kết nối rồi bấm lại.';

/** The hint under a question whose options may be several. */
export const CHOOSE_FIRST = 'Hãy chọn một đáp án trước khi trả lời.';

/** Over the class table: what each shape means ("● đã thuộc · ◐ đang ôn · ○ chưa học"). */
export const stateLegend = (): string =>
  (['learnt', 'practising', 'new'] as const)
    .map((state) => `${STATE_SHAPES[state]} ${STATE_LABELS[state].toLowerCase()}`)
    .join(' · ');

/** Under the class table on paper: the shapes, and the mark of a point a drill found wanting. */
export const paperLegend = (): string =>
  `${stateLegend()}; dấu ! sau tên điểm: có tình huống diễn tập bị đánh giá «Chưa đạt».`;
