/**
 * Every sentence the drill pages' scripts show (trainee mode, the trainer's report, the quiz
 * «Ai làm việc này?»), as pure functions: the islands in src/client/ only put them on the
 * page, and test/unit/drills-wording.test.ts checks them with tables. Titles, file names and
 * the names of buttons go between « »; curly quotes hold the law only.
 */
import { RATING_LABELS, RATINGS, type Rating } from './aar.ts';

// ── trainee mode ───────────────────────────────────────────────────────────

/** The line under an answered inject; `letters` are the right options' letters (A, B…). */
export const answerFeedback = (right: boolean, letters: readonly string[]): string =>
  right
    ? 'Đúng. Căn cứ ở ngay dưới đây.'
    : `Chưa đúng. ${letters.length > 1 ? 'Các đáp án đúng là' : 'Đáp án đúng là'} ${letters.join(', ')}; xem giải thích và căn cứ dưới đây.`;

/** Where a retry round is: `position` (from 1) of `count` missed injects, in round `round` (≥ 2). */
export const retryLine = (round: number, position: number, count: number): string =>
  `Làm lại lần ${round - 1}: tình huống ${position}/${count} trong số các tình huống chưa đúng.`;

/** The score at the end: first answers, and after retries how many are now right. */
export const drillScoreLine = (
  score: { first: number; solved: number; total: number },
  round: number,
): string =>
  `Lần trả lời đầu: đúng ${score.first}/${score.total} tình huống.` +
  (round > 1 ? ` Sau ${round - 1} lượt làm lại: đã đúng ${score.solved}/${score.total}.` : '');

/** A missed inject in the result's list: its heading's first part ("Tình huống 2/5") and question. */
export const missedLine = (head: string, question: string): string =>
  `${head.split('·')[0]?.trim() ?? ''}: ${question}`;

/** The file name offered for the progress on the page, when it could not be stored. */
export const progressFile = (drill: string): string => `dien-tap-${drill}.json`;

/** Code the page loads on first use is gone: the server has a new version. */
export const drillCodeGone =
  'Trang không tải được phần cần dùng: sổ tay trên máy chủ đã có phiên bản mới.';

/** The file name offered for progress set aside as unreadable. */
export const progressSetAsideFile = (drill: string): string =>
  `dien-tap-${drill}-ban-cat-rieng.json`;

// ── the trainer's after-action report ──────────────────────────────────────

/** The tally under the evaluation sheet: each rating, then the injects not rated yet. */
export const ratingSummary = (
  injects: number,
  counts: Record<Rating, number> & { none: number },
): string =>
  `Tổng hợp ${injects} thẻ: ` +
  RATINGS.map((rating) => `${RATING_LABELS[rating].toLowerCase()} ${counts[rating]}`).join(', ') +
  `, chưa đánh giá ${counts.none}.`;

export type ActionColumn = 'action' | 'owner' | 'due';

const COLUMN_NAMES: Record<ActionColumn, string> = {
  action: 'Việc cần làm',
  owner: 'Người chịu trách nhiệm',
  due: 'Thời hạn',
};

/** The (visually hidden) label of a cell of the corrective actions table, row `row` from 1. */
export const actionCellLabel = (column: ActionColumn, row: number): string =>
  `${COLUMN_NAMES[column]}, dòng ${row}`;

/** A corrective action row with an owner or a date but nothing to do. */
export const actionMissing = (row: number): string =>
  `Hành động khắc phục, dòng ${row}: cần ghi việc cần làm (hoặc xóa trắng cả dòng).`;

/** The file name offered for the draft on the page, when it could not be stored. */
export const draftFile = (drill: string): string => `bao-cao-sau-dien-tap-${drill}-ban-nhap.json`;

/** A stored draft that cannot be read: the page starts blank and says why. */
export const draftUnusable = (problem: string): string =>
  `Bản nháp lưu trong trình duyệt không dùng được nên trang bắt đầu với phiếu trống. ${problem}`;

/** The file name offered for a draft set aside as unreadable. */
export const draftSetAsideFile = (drill: string): string =>
  `bao-cao-sau-dien-tap-${drill}-ban-cat-rieng.json`;

export const reportSaved = (file: string): string => `Đã lưu báo cáo thành tệp ${file}.`;

export const replaceDraftQuestion = (file: string): string =>
  `Phiếu trên trang có nội dung chưa lưu thành tệp. Mở «${file}» sẽ thay toàn bộ nội dung đó. Vẫn mở?`;

export const reportNotOpened = (file: string): string =>
  `Chưa mở «${file}»; phiếu trên trang giữ nguyên.`;

export const reportUnreadable = (file: string, problem: string): string =>
  `Không mở được «${file}». ${problem}`;

export const reportOpened = (file: string): string => `Đã mở báo cáo từ tệp ${file}.`;

/** Two tabs changed one field at once: which field, the text kept and this tab's. */
export const draftConflict = (where: string, kept: string, mine: string): string =>
  `Ô ${where} vừa được sửa ở một thẻ khác cùng lúc với thẻ này. Đang giữ: ‘${kept}’. Bản ở thẻ này: ‘${mine}’.`;

// ── the quiz «Ai làm việc này?» ────────────────────────────────────────────

/** The heading of the question at `index` (from 0) of a round of `count`. */
export const quizHead = (index: number, count: number): string => `Câu ${index + 1}/${count}`;

/** The running count while a round goes on: right answers of those answered. */
export const quizProgress = (right: number, answered: number): string =>
  `Đã trả lời đúng ${right}/${answered} câu.`;

export const quizScore = (right: number, count: number): string => `Đúng ${right}/${count} câu.`;

/** The line under an answered question; `answer` is the page's "Đáp án: <role>". */
export const quizFeedback = (right: boolean, answer: string): string =>
  right ? 'Đúng.' : `Chưa đúng. ${answer}.`;
