/** Practice rounds and their lines (issue 19), on the real generated questions. */
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { generateQuestions } from '../../src/lib/learning/questions.ts';
import {
  questionHead,
  questionsIn,
  rightLine,
  ROUND_LENGTH,
  roundFor,
  scopeOf,
  scopeTitle,
  subjectLine,
  type PracticeData,
} from '../../src/lib/learning/practice.ts';

const handbook = loadHandbook('content');
const questions = generateQuestions(handbook, []);
const data: PracticeData = {
  questions,
  provisions: Object.fromEntries(
    handbook.provisions.map((p) => [p.eId, { label: p.label, text: p.text ?? '', href: '' }]),
  ),
  readings: {},
  holders: Object.fromEntries(handbook.points.map((p) => [p.eId, handbook.holderOf(p.eId).id])),
  roles: Object.fromEntries(handbook.roles.map((r) => [r.id, r.name])),
};
const P = 'art_7__para_3__subpara_2__point_c';

describe('practice scope', () => {
  it.each([
    [
      '?vai-tro=cong-chuc-gshqtt',
      { role: 'cong-chuc-gshqtt' },
      'Luyện tập: Công chức Phòng Giám sát hải quan trực tuyến',
    ],
    [`?diem=${P}`, { point: P }, 'Luyện tập: điểm c khoản 3.2 Điều 7'],
    ['?vai-tro=tong-cuc-truong', null, 'Luyện tập: cả bốn vai trò'],
    ['?diem=art_7__para_9__point_z', null, 'Luyện tập: cả bốn vai trò'],
    ['', null, 'Luyện tập: cả bốn vai trò'],
  ])('%s', (search, scope, title) => {
    expect(scopeOf(search, data)).toEqual(scope);
    expect(scopeTitle(data, scope)).toBe(title);
  });

  it("a role's questions are those on the points it holds; a point's, those on it", () => {
    const own = questionsIn(data, { role: 'cong-chuc-gshqtt' });
    expect(new Set(own.map((q) => q.point))).toEqual(
      new Set(['art_7__para_3__subpara_2__point_a', 'art_7__para_3__subpara_2__point_b', P]),
    );
    expect(questionsIn(data, { point: P }).every((q) => q.point === P)).toBe(true);
    expect(questionsIn(data, null)).toHaveLength(questions.length);
  });
});

describe('a round', () => {
  const own = questionsIn(data, { role: 'cong-chuc-gshqtt' });
  it('is at most ROUND_LENGTH new questions on the first day', () => {
    expect(roundFor([], own, '2026-11-29')).toEqual(own.slice(0, ROUND_LENGTH).map((q) => q.id));
  });
  it('puts due questions before new ones', () => {
    const answers = [
      { id: 'a', q: own[3]!.id, day: '2026-11-28', at: '2026-11-28T08:00:00.000Z', right: true },
    ];
    expect(roundFor(answers, own, '2026-11-29')[0]).toBe(own[3]!.id);
  });
});

describe('lines', () => {
  it.each([
    [0, 10, 'Câu 1/10'],
    [9, 10, 'Câu 10/10'],
  ])('questionHead(%i, %i)', (i, n, line) => expect(questionHead(i, n)).toBe(line));
  it("states every right option, and quotes the handbook's line in guillemets", () => {
    expect(
      rightLine({
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
          { id: 'c', text: 'C' },
        ],
        correct: ['a', 'c'],
      }),
    ).toBe('Đáp án: A; C.');
    expect(subjectLine('Ghi nhật ký')).toBe('Việc: «Ghi nhật ký»');
  });
});
