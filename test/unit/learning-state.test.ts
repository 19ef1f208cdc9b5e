/**
 * The learner's progress on the device (issue 19): validated on load, damaged or newer
 * progress set aside (never used, never deleted), two tabs merged losing no answer, and the
 * file that moves it to another device read back the same.
 */
import { describe, expect, it } from 'vitest';
import {
  answerInstant,
  emptyState,
  LEARNING_VERSION,
  loadState,
  markStep,
  mergeStates,
  recordAnswer,
  serialiseState,
  setLearner,
  stateFileName,
  type LearningState,
} from '../../src/lib/learning/state.ts';

const answer = (id: string, q: string, day: string, right = true) => ({
  id,
  q,
  day,
  at: `${day}T08:00:00.000Z`,
  right,
});
const base = setLearner(emptyState(), '  Nguyễn Văn Đạt ', 'cong-chuc-gshqtt', 1);
const one = recordAnswer(
  markStep(base, 'doc:cong-chuc-gshqtt', '2026-11-29'),
  answer('t1-1', 'role:x', '2026-11-29'),
);

describe('loading stored progress', () => {
  it('reads back what it wrote', () => {
    expect(loadState(serialiseState(one))).toEqual({ ok: true, state: one, problem: null });
    expect(one.learner.name).toBe('Nguyễn Văn Đạt');
  });
  it('starts fresh when nothing is stored', () =>
    expect(loadState(null)).toEqual({ ok: true, state: emptyState(), problem: null }));

  it.each<[string, string, 'damaged' | 'newer' | 'other-format']>([
    ['not JSON', '{"format": "so-tay', 'damaged'],
    ['a list', '[]', 'damaged'],
    [
      'a later version',
      JSON.stringify({ ...one, version: LEARNING_VERSION + 1, extra: 1 }),
      'newer',
    ],
    [
      "another format (a drill's progress)",
      JSON.stringify({ format: 'so-tay-truc-ban/drill', version: 1 }),
      'other-format',
    ],
    [
      'an answer without a day',
      JSON.stringify({ ...one, answers: [{ ...one.answers[0], day: undefined }] }),
      'damaged',
    ],
    [
      'the same answer twice',
      JSON.stringify({ ...one, answers: [one.answers[0], one.answers[0]] }),
      'damaged',
    ],
    ['an unknown field', JSON.stringify({ ...one, score: 3 }), 'damaged'],
    [
      'a name not in NFC',
      JSON.stringify({ ...one, learner: { ...one.learner, name: 'Đa\u0323t' } }),
      'damaged',
    ],
  ])('%s: refused as %s, with a fresh state', (_why, raw, problem) => {
    expect(loadState(raw)).toEqual({ ok: false, state: emptyState(), problem });
  });

  it('keeps answers to questions the content no longer asks (they count for nothing, and are saved again)', () => {
    const old = recordAnswer(one, answer('t1-2', 'role:an-item-since-removed', '2026-11-29'));
    const loaded = loadState(serialiseState(old));
    expect(loaded.ok && loaded.state.answers.map((a) => a.q)).toEqual([
      'role:x',
      'role:an-item-since-removed',
    ]);
  });
});

describe('two tabs', () => {
  const a = recordAnswer(one, answer('a-1', 'q1', '2026-11-29'));
  const b = setLearner(
    recordAnswer(
      recordAnswer(one, answer('b-1', 'q1', '2026-11-29', false)),
      answer('b-2', 'q2', '2026-11-30'),
    ),
    'Nguyễn Văn Đạt',
    'truong-phong-gshqtt',
    5,
  );

  it('keep every answer of both, once, whatever order they merge in', () => {
    const ab = mergeStates(a, b);
    expect(ab.answers.map((x) => x.id).sort()).toEqual(['a-1', 'b-1', 'b-2', 't1-1']);
    expect(serialiseState(ab)).toBe(serialiseState(mergeStates(b, a)));
    expect(serialiseState(mergeStates(ab, a))).toBe(serialiseState(ab));
  });
  it('keep the later learner fields and the first day a step was marked', () => {
    const later = markStep(b, 'flows:cong-chuc-gshqtt', '2026-11-30');
    const early = markStep(emptyState(), 'flows:cong-chuc-gshqtt', '2026-11-28');
    const merged = mergeStates(mergeStates(a, later), early);
    expect(merged.learner.role).toBe('truong-phong-gshqtt');
    expect(merged.marks).toEqual([
      { step: 'doc:cong-chuc-gshqtt', day: '2026-11-29' },
      { step: 'flows:cong-chuc-gshqtt', day: '2026-11-28' },
    ]);
  });
  it('a later learner change wins even when typed in the tab with the lower clock', () => {
    const s: LearningState = setLearner(b, 'Lê Thị Hòa', null, 0);
    expect(s.learner.stamp).toBe(6);
    expect(mergeStates(b, s).learner.name).toBe('Lê Thị Hòa');
  });
});

describe('the instant of an answer', () => {
  it('is now, or just after the latest answer when the clock has not moved (a frozen clock keeps the order)', () => {
    const now = new Date('2026-11-29T08:00:00.000Z');
    expect(answerInstant(emptyState(), now)).toBe('2026-11-29T08:00:00.000Z');
    expect(answerInstant(one, now)).toBe('2026-11-29T08:00:00.001Z');
    expect(answerInstant(one, new Date('2026-11-29T09:00:00.000Z'))).toBe(
      '2026-11-29T09:00:00.000Z',
    );
  });
});

describe('the progress file', () => {
  it.each([
    ['Nguyễn Văn Đạt', 'hoc-tap-nguyen-van-dat-2026-11-29.json'],
    ['', 'hoc-tap-2026-11-29.json'],
    ['Lê Thị Hòa / lớp 2', 'hoc-tap-le-thi-hoa-lop-2-2026-11-29.json'],
  ])('%s → %s', (name, file) =>
    expect(stateFileName(setLearner(emptyState(), name, null, 1), '2026-11-29')).toBe(file),
  );
});
