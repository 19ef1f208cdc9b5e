/** What the learning pages say (issue 19), as tables: the browser tests check behaviour only. */
import { describe, expect, it } from 'vitest';
import { drillSolved, nextStep, pathStatus } from '../../src/lib/learning/path.ts';
import { emptyState, markStep } from '../../src/lib/learning/state.ts';
import {
  answerVerdict,
  drillStatus,
  dueLine,
  stepStatus,
  learntLine,
  roundLine,
  STATE_LABELS,
  STATE_SHAPES,
  storedProblem,
} from '../../src/lib/learning/wording.ts';
import { aarLine, shareLine } from '../../src/lib/learning/class-wording.ts';
import { importLine } from '../../src/lib/learning/import-wording.ts';

describe('wording', () => {
  it.each([
    [3, 0, null, 'Hôm nay cần ôn 3 câu.'],
    [0, 12, null, 'Hôm nay cần ôn 0 câu, còn 12 câu chưa làm.'],
    [2, 5, '2026-11-30', 'Hôm nay cần ôn 2 câu, còn 5 câu chưa làm.'],
    [0, 0, '2026-12-02', 'Hôm nay không còn câu nào cần ôn. Lần ôn tới: ngày 02/12/2026.'],
    [0, 0, null, 'Không còn câu nào cần ôn.'],
  ])('dueLine(%i, %i, %s) → %s', (due, fresh, next, line) =>
    expect(dueLine(due, fresh, next)).toBe(line),
  );

  it.each([
    ['merged', 4, 'Đã mở tệp «a.json»: thêm 4 câu trả lời vào tiến độ trên máy này.'],
    [
      'damaged',
      0,
      'Không mở được tệp «a.json»: tệp bị hỏng hoặc không đúng định dạng. Tiến độ trên máy này giữ nguyên.',
    ],
    [
      'newer',
      0,
      'Không mở được tệp «a.json»: tệp do một phiên bản mới hơn của sổ tay tạo ra. Tiến độ trên máy này giữ nguyên.',
    ],
    [
      'other-format',
      0,
      'Không mở được tệp «a.json»: đây không phải tệp tiến độ học. Tiến độ trên máy này giữ nguyên.',
    ],
  ] as const)('importLine %s', (outcome, n, line) =>
    expect(importLine('a.json', outcome, n)).toBe(line),
  );

  it.each([
    [0, 0, 'Chưa có người học'],
    [1, 3, '1/3 người (33 %)'],
    [3, 3, '3/3 người (100 %)'],
  ])('shareLine(%i, %i) → %s', (a, b, line) => expect(shareLine(a, b)).toBe(line));

  it.each([
    [
      { refused: 'đây không phải báo cáo sau diễn tập của một bài trong sổ tay.' },
      'Không nhận tệp «r.json»: đây không phải báo cáo sau diễn tập của một bài trong sổ tay.',
    ],
    [0, 'Báo cáo «r.json» không có tình huống nào bị đánh giá «Chưa đạt».'],
    [2, 'Báo cáo «r.json»: 2 điểm có tình huống bị đánh giá «Chưa đạt», được đánh dấu trong bảng.'],
  ] as const)('aarLine(%o)', (points, line) => expect(aarLine('r.json', points)).toBe(line));

  it.each([
    [true, 'Đúng.'],
    [false, 'Chưa đúng.'],
  ])('answerVerdict(%s)', (right, line) => expect(answerVerdict(right)).toBe(line));

  it.each([
    [true, '✓ Đã xong', '✓ Đã trả lời đúng mọi tình huống'],
    [false, '○ Chưa xong', '○ Chưa làm xong'],
  ])('a step or drill done: %s', (done, step, drill) => {
    expect(stepStatus(done)).toBe(step);
    expect(drillStatus(done)).toBe(drill);
  });

  it('says every state in words and a distinct shape', () => {
    expect(Object.values(STATE_LABELS)).toEqual(['Chưa học', 'Đang ôn', 'Đã thuộc']);
    expect(new Set(Object.values(STATE_SHAPES)).size).toBe(3);
    expect(learntLine(2, 5)).toBe('Đã thuộc 2/5 điểm.');
    expect(roundLine(7, 10)).toBe('Lượt này đúng 7/10 câu.');
    expect(storedProblem('newer')).toBe(
      'Tiến độ học được lưu bởi một phiên bản mới hơn của sổ tay, nên trang bắt đầu lại từ đầu.',
    );
  });
});

describe('the path', () => {
  const role = 'cong-chuc-gshqtt';
  it.each([
    ['nothing done', emptyState(), ['new'], [false], 'doc'],
    ['read', markStep(emptyState(), `doc:${role}`, '2026-11-29'), ['new'], [false], 'flows'],
    [
      'another role read only',
      markStep(emptyState(), 'doc:lanh-dao-ca-truc', '2026-11-29'),
      ['new'],
      [false],
      'doc',
    ],
    [
      'read and walked, practising',
      markStep(markStep(emptyState(), `doc:${role}`, 'x'), `flows:${role}`, 'x'),
      ['learnt', 'practising'],
      [true],
      'practice',
    ],
    [
      'all learnt, a drill left',
      markStep(markStep(emptyState(), `doc:${role}`, 'x'), `flows:${role}`, 'x'),
      ['learnt'],
      [true, false],
      'drills',
    ],
    [
      'complete',
      markStep(markStep(emptyState(), `doc:${role}`, 'x'), `flows:${role}`, 'x'),
      ['learnt'],
      [true, true],
      null,
    ],
  ] as const)('%s → next: %s', (_why, state, points, drills, next) => {
    expect(nextStep(pathStatus(state, role, points, drills))).toBe(next);
  });

  it.each([
    [null, false],
    ['{', false],
    [JSON.stringify({ history: { a: [false, true], b: [true] } }), true],
    [JSON.stringify({ history: { a: [false], b: [true] } }), false],
    [JSON.stringify({ history: { b: [true] } }), false],
  ])('drillSolved(%s) → %s', (raw, solved) => expect(drillSolved(raw, ['a', 'b'])).toBe(solved));
});
