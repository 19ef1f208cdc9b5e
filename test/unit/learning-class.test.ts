/**
 * The class view's aggregation (issue 19): per point, the share of learners who have learnt it,
 * worst first; bad and duplicate learner files refused with the file named; the points an
 * after-action report rated "chưa đạt".
 */
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { emptyReport, serialiseReport } from '../../src/lib/drills/aar.ts';
import { parseReport } from '../../src/lib/drills/aar-schema.ts';
import { aggregateClass, paperTable } from '../../src/lib/learning/class.ts';
import { failedPoints } from '../../src/lib/learning/class-reports.ts';
import { generateQuestions } from '../../src/lib/learning/questions.ts';
import {
  emptyState,
  LEARNING_VERSION,
  recordAnswer,
  serialiseState,
  setLearner,
} from '../../src/lib/learning/state.ts';
import { refusalLine, shareLine } from '../../src/lib/learning/class-wording.ts';

const handbook = loadHandbook('content');
const drills = loadContent('content').drills.map((d) => d.value);
const questions = generateQuestions(handbook, drills);
const points = handbook.points.map((p) => p.eId);
const [P1, P2, P3] = points as [string, string, string];
const qOf = (point: string) => questions.find((q) => q.point === point)!.id;

let n = 0;
/** A learner who answered right on two days for `learnt`, once for `practising`. */
function learner(name: string, learnt: string[], practising: string[] = []): string {
  let s = setLearner(emptyState(), name, 'lanh-dao-ca-truc', 1);
  const add = (point: string, day: string) =>
    (s = recordAnswer(s, {
      id: `x${++n}`,
      q: qOf(point),
      day,
      at: `${day}T08:00:00.000Z`,
      right: true,
    }));
  for (const p of learnt) {
    add(p, '2026-11-28');
    add(p, '2026-11-29');
  }
  for (const p of practising) add(p, '2026-11-29');
  return serialiseState(s);
}

describe('a class of three', () => {
  const files = [
    { name: 'an.json', text: learner('An', [P1, P2], [P3]) },
    { name: 'binh.json', text: learner('Bình', [P1]) },
    { name: 'chi.json', text: learner('Chi', [P1, P2]) },
  ];
  const view = aggregateClass(files, questions, points);

  it("reads every learner with each point's state", () => {
    expect(view.refused).toEqual([]);
    expect(view.learners.map((l) => [l.name, l.states[P1], l.states[P2], l.states[P3]])).toEqual([
      ['An', 'learnt', 'learnt', 'practising'],
      ['Bình', 'learnt', 'new', 'new'],
      ['Chi', 'learnt', 'learnt', 'new'],
    ]);
    expect(view.learners[0]).toMatchObject({
      from: '2026-11-28',
      to: '2026-11-29',
      file: 'an.json',
    });
  });

  it("gives each point's share learnt, worst first, ties in the law's order", () => {
    const share = (p: string) => view.shares.find((s) => s.point === p)!;
    expect([share(P1), share(P2), share(P3)].map((s) => shareLine(s.learnt, s.total))).toEqual([
      '3/3 người (100 %)',
      '2/3 người (67 %)',
      '0/3 người (0 %)',
    ]);
    expect(view.shares.map((s) => s.point).slice(-2)).toEqual([P2, P1]);
    expect(view.shares[0]!.point).toBe(P3);
    expect(view.shares.length).toBe(points.length);
  });
});

describe('files refused, the others kept', () => {
  const good = learner('An', [P1]);
  it.each([
    [
      'not JSON',
      'hỏng.json',
      '{"format":',
      'Không nhận tệp «hỏng.json»: tệp bị hỏng hoặc không đúng định dạng.',
    ],
    [
      'an after-action report',
      'bao-cao.json',
      serialiseReport(emptyReport('ghi-nhat-ky', 'Ghi nhật ký')),
      'Không nhận tệp «bao-cao.json»: đây không phải tệp tiến độ học.',
    ],
    [
      'a later version',
      'moi.json',
      JSON.stringify({ ...JSON.parse(good), version: LEARNING_VERSION + 1 }),
      'Không nhận tệp «moi.json»: tệp do một phiên bản mới hơn của sổ tay tạo ra.',
    ],
    [
      'no learner name',
      'khong-ten.json',
      learner('', [P1]),
      'Không nhận tệp «khong-ten.json»: tệp chưa ghi tên người học.',
    ],
    [
      'the same learner again (another case)',
      'an-2.json',
      learner('an', [P2]),
      'Không nhận tệp «an-2.json»: trùng người học với tệp «an.json».',
    ],
    [
      'the same answers under another name',
      'ban-sao.json',
      good.replace('"An"', '"Ân"'),
      'Không nhận tệp «ban-sao.json»: trùng người học với tệp «an.json».',
    ],
  ])('%s', (_why, name, text, message) => {
    const view = aggregateClass(
      [
        { name: 'an.json', text: good },
        { name, text },
      ],
      questions,
      points,
    );
    expect(view.learners.map((l) => l.file)).toEqual(['an.json']);
    expect(view.refused.map(refusalLine)).toEqual([message]);
  });
});

describe('points a drill\'s after-action report rated "chưa đạt"', () => {
  const drill = drills.find((d) => d.id === 'nghi-van-trong-gio')!;
  const [first, second] = drill.injects as [
    (typeof drill.injects)[number],
    (typeof drill.injects)[number],
  ];
  it("are the points cited by the injects with that rating, in the law's order", () => {
    const report = emptyReport(drill.id, drill.title);
    report.evaluations[first.id] = { rating: 'chua-dat', note: '' };
    report.evaluations[second.id] = { rating: 'dat', note: '' };
    const expected = points.filter((p) =>
      first.cites.some((c) => c === p || c.startsWith(`${p}__`)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(failedPoints(serialiseReport(report), drills, points)).toEqual({
      ok: true,
      points: expected,
    });
  });
  it.each([
    ['not JSON', 'x'],
    ['a learner file', learner('An', [])],
    ['a report on an unknown drill', serialiseReport(emptyReport('khong-co', 'Không có'))],
  ])('%s: not a report', (_why, text) =>
    expect(failedPoints(text, drills, points)).toMatchObject({ ok: false }),
  );
  // A report the trainer page refuses (parseReport) marks nothing here either: the class view
  // once counted files the drill's own page would not open.
  it.each([
    ['a newer version', (r: Record<string, unknown>) => (r.version = 99)],
    [
      'a field of the wrong kind',
      (r: Record<string, unknown>) => ((r.exercise as Record<string, unknown>).participants = 7),
    ],
  ])('a report the trainer page refuses (%s) is refused here', (_why, spoil) => {
    const report = emptyReport(drill.id, drill.title);
    report.evaluations[first.id] = { rating: 'chua-dat', note: '' };
    const data = JSON.parse(serialiseReport(report)) as Record<string, unknown>;
    spoil(data);
    const raw = JSON.stringify(data);
    expect(failedPoints(raw, drills, points)).toEqual({
      ok: false,
      message: (parseReport(raw, drill.id) as { message: string }).message,
    });
  });
});

describe('the class on paper', () => {
  it('has a row for every learner, however many, and a column per point in the screen order', () => {
    const names = Array.from({ length: 12 }, (_, i) => `Học viên ${i + 1}`);
    const files = names.map((name, i) => ({
      name: `${i}.json`,
      text: learner(name, i % 3 === 0 ? [P1, P2] : [P1], i % 2 ? [P3] : []),
    }));
    const view = aggregateClass(files, questions, points);
    const table = paperTable(view, (point) => `nhãn ${point}`, new Set([P2]));
    expect(table.rows.map((row) => row.name)).toEqual(names);
    expect(table.columns.map((c) => c.point)).toEqual(view.shares.map((s) => s.point));
    expect(table.columns).toHaveLength(points.length);
    expect(table.columns.find((c) => c.point === P2)).toEqual({
      point: P2,
      label: `nhãn ${P2}`,
      failed: true,
    });
    expect(table.columns.filter((c) => c.failed)).toHaveLength(1);
    const column = (point: string) => table.columns.findIndex((c) => c.point === point);
    expect(table.rows[0]?.states[column(P2)]).toBe('learnt');
    expect(table.rows[1]?.states[column(P2)]).toBe('new');
    expect(table.rows[1]?.states[column(P3)]).toBe('practising');
    expect(table.shares[column(P1)]).toEqual({ learnt: 12, total: 12 });
    expect(table.shares[column(P2)]).toEqual({ learnt: 4, total: 12 });
  });
});
