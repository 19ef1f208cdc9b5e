/**
 * Every sentence the drill islands show (trainee mode, the trainer's report, the quiz), from
 * src/lib/drills/wording.ts, and the report rules the trainer's form applies (aar.ts). The
 * browser tests then check behaviour: that these lines reach the page at the right moment.
 */
import { describe, expect, it } from 'vitest';
import {
  emptyReport,
  evaluationsOutside,
  firstActionWithoutTask,
  unsavedWork,
} from '../../src/lib/drills/aar.ts';
import {
  actionCellLabel,
  actionMissing,
  answerFeedback,
  draftConflict,
  draftSetAsideFile,
  draftUnusable,
  drillScoreLine,
  missedLine,
  progressSetAsideFile,
  quizFeedback,
  quizHead,
  quizProgress,
  quizScore,
  ratingSummary,
  replaceDraftQuestion,
  reportNotOpened,
  reportOpened,
  reportSaved,
  reportUnreadable,
  retryLine,
} from '../../src/lib/drills/wording.ts';

describe('trainee mode', () => {
  it.each([
    [true, ['B'], 'Đúng. Căn cứ ở ngay dưới đây.'],
    [true, ['A', 'C'], 'Đúng. Căn cứ ở ngay dưới đây.'],
    [false, ['B'], 'Chưa đúng. Đáp án đúng là B; xem giải thích và căn cứ dưới đây.'],
    [false, ['A', 'C'], 'Chưa đúng. Các đáp án đúng là A, C; xem giải thích và căn cứ dưới đây.'],
  ] as const)('feedback when right=%s with %j', (right, letters, line) =>
    expect(answerFeedback(right, letters)).toBe(line),
  );

  it.each([
    [2, 1, 3, 'Làm lại lần 1: tình huống 1/3 trong số các tình huống chưa đúng.'],
    [4, 2, 2, 'Làm lại lần 3: tình huống 2/2 trong số các tình huống chưa đúng.'],
  ])('retry round %i, %i of %i', (round, position, count, line) =>
    expect(retryLine(round, position, count)).toBe(line),
  );

  it.each([
    [{ first: 3, solved: 3, total: 5 }, 1, 'Lần trả lời đầu: đúng 3/5 tình huống.'],
    [
      { first: 3, solved: 5, total: 5 },
      3,
      'Lần trả lời đầu: đúng 3/5 tình huống. Sau 2 lượt làm lại: đã đúng 5/5.',
    ],
  ])('score %j in round %i', (score, round, line) =>
    expect(drillScoreLine(score, round)).toBe(line),
  );

  it.each([
    ['Tình huống 2/5 · 09:15', 'Ai báo cáo?', 'Tình huống 2/5: Ai báo cáo?'],
    ['  Tình huống 1/5  ', 'Ai duyệt?', 'Tình huống 1/5: Ai duyệt?'],
  ])('a missed inject headed %j', (head, question, line) =>
    expect(missedLine(head, question)).toBe(line),
  );

  it('names the file of progress set aside', () =>
    expect(progressSetAsideFile('nghi-van')).toBe('dien-tap-nghi-van-ban-cat-rieng.json'));
});

describe("the trainer's report", () => {
  it.each([
    [
      { dat: 0, 'dat-mot-phan': 0, 'chua-dat': 0, none: 4 },
      4,
      'Tổng hợp 4 thẻ: đạt 0, đạt một phần 0, chưa đạt 0, chưa đánh giá 4.',
    ],
    [
      { dat: 2, 'dat-mot-phan': 1, 'chua-dat': 1, none: 0 },
      4,
      'Tổng hợp 4 thẻ: đạt 2, đạt một phần 1, chưa đạt 1, chưa đánh giá 0.',
    ],
  ])('tally %j', (counts, injects, line) => expect(ratingSummary(injects, counts)).toBe(line));

  it.each([
    ['action', 1, 'Việc cần làm, dòng 1'],
    ['owner', 4, 'Người chịu trách nhiệm, dòng 4'],
    ['due', 12, 'Thời hạn, dòng 12'],
  ] as const)('the label of %s in row %i', (column, row, label) =>
    expect(actionCellLabel(column, row)).toBe(label),
  );

  it.each([
    [
      actionMissing(2),
      'Hành động khắc phục, dòng 2: cần ghi việc cần làm (hoặc xóa trắng cả dòng).',
    ],
    [
      draftUnusable('Lỗi X.'),
      'Bản nháp lưu trong trình duyệt không dùng được nên trang bắt đầu với phiếu trống. Lỗi X.',
    ],
    [draftSetAsideFile('nghi-van'), 'bao-cao-sau-dien-tap-nghi-van-ban-cat-rieng.json'],
    [reportSaved('a.json'), 'Đã lưu báo cáo thành tệp a.json.'],
    [
      replaceDraftQuestion('a.json'),
      'Phiếu trên trang có nội dung chưa lưu thành tệp. Mở «a.json» sẽ thay toàn bộ nội dung đó. Vẫn mở?',
    ],
    [reportNotOpened('a.json'), 'Chưa mở «a.json»; phiếu trên trang giữ nguyên.'],
    [reportUnreadable('a.json', 'Lỗi X.'), 'Không mở được «a.json». Lỗi X.'],
    [reportOpened('a.json'), 'Đã mở báo cáo từ tệp a.json.'],
    [
      draftConflict('điểm mạnh', 'A', 'B'),
      'Ô điểm mạnh vừa được sửa ở một thẻ khác cùng lúc với thẻ này. Đang giữ: ‘A’. Bản ở thẻ này: ‘B’.',
    ],
  ])('%s', (line, expected) => expect(line).toBe(expected));

  it('quotes file names between « », never between the curly quotes that hold the law', () => {
    for (const line of [replaceDraftQuestion('x'), reportNotOpened('x'), reportUnreadable('x', '')])
      expect(line).not.toMatch(/[“”]/);
  });

  it.each([
    [[], -1],
    [[{ action: '', owner: '', due: '' }], -1],
    [[{ action: 'Sửa quy trình', owner: 'An', due: '2026-12-01' }], -1],
    [[{ action: ' ', owner: 'An', due: '' }], 0],
    [
      [
        { action: 'Việc', owner: '', due: '' },
        { action: '', owner: '', due: '2026-12-01' },
      ],
      1,
    ],
    [[{ action: '', owner: '  ', due: '' }], -1],
  ])('rows %j: the first without a task is %i', (rows, index) =>
    expect(firstActionWithoutTask(rows)).toBe(index),
  );

  it.each([
    [{}, ['i1'], {}],
    [{ i1: { rating: 'dat', note: '' } }, ['i1'], {}],
    [
      { old: { rating: null, note: 'x' }, i1: { rating: 'dat', note: '' } },
      ['i1', 'i2'],
      { old: { rating: null, note: 'x' } },
    ],
  ] as const)('evaluations %j of injects %j: kept aside %j', (evaluations, injects, kept) =>
    expect(evaluationsOutside(evaluations, injects)).toEqual(kept),
  );

  const blank = JSON.stringify(emptyReport('d', 'T'));
  it.each([
    ['the blank form', blank, 'filed', false],
    ['the form as last filed', 'filed', 'filed', false],
    ['a form typed since', 'typed', 'filed', true],
    ['a form typed, never filed', 'typed', blank, true],
  ])('%s is unsaved work: %s', (_what, draft, filed, unsaved) =>
    expect(unsavedWork(draft, filed, blank)).toBe(unsaved),
  );
});

describe('the quiz', () => {
  it.each([
    [0, 10, 'Câu 1/10'],
    [9, 10, 'Câu 10/10'],
    [2, 4, 'Câu 3/4'],
  ])('heading of question %i of %i', (index, count, line) =>
    expect(quizHead(index, count)).toBe(line),
  );

  it.each([
    [quizProgress(0, 0), 'Đã trả lời đúng 0/0 câu.'],
    [quizProgress(1, 1), 'Đã trả lời đúng 1/1 câu.'],
    [quizScore(7, 10), 'Đúng 7/10 câu.'],
    [quizFeedback(true, 'Đáp án: Lãnh đạo ca trực'), 'Đúng.'],
    [quizFeedback(false, 'Đáp án: Lãnh đạo ca trực'), 'Chưa đúng. Đáp án: Lãnh đạo ca trực.'],
  ])('%s', (line, expected) => expect(line).toBe(expected));
});
