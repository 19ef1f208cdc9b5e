/**
 * Leitner scheduling on a fixed clock (issue 19): due dates per box, and a point learnt only
 * after right answers on two different days, the last one right.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  cardsOf,
  localDay,
  pointState,
  queueFor,
  type Answer,
} from '../../src/lib/learning/schedule.ts';

let n = 0;
const answer = (q: string, day: string, right: boolean, time = '08:00:00'): Answer => ({
  id: `a${++n}`,
  q,
  day,
  at: `${day}T${time}.000Z`,
  right,
});

describe('calendar days', () => {
  it.each([
    ['2026-11-29', 1, '2026-11-30'],
    ['2026-11-30', 2, '2026-12-02'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i → %s', (day, days, expected) => expect(addDays(day, days)).toBe(expected));

  it("reads the learner's own calendar day from a clock", () => {
    expect(localDay(new Date(2026, 10, 29, 23, 59))).toBe('2026-11-29');
  });
});

describe('Leitner boxes', () => {
  it.each([
    [[true], 1, '2026-11-30'],
    [[true, true], 2, '2026-12-01'],
    [[true, true, true], 3, '2026-12-03'],
    [[true, true, true, true, true, true, true], 5, '2026-12-15'],
    [[true, false], 0, '2026-11-29'],
  ])('answers %j on one day → box %i, due %s', (rights, box, due) => {
    const cards = cardsOf(
      rights.map((right, i) => answer('q', '2026-11-29', right, `08:0${i}:00`)),
    );
    expect(cards.get('q')).toEqual({ box, due });
  });

  it('replays answers in time order, whatever order they are stored in', () => {
    const list = [
      answer('q', '2026-11-30', true),
      answer('q', '2026-11-29', false),
      answer('q', '2026-11-29', true, '09:00:00'),
    ];
    expect(cardsOf(list).get('q')).toEqual({ box: 2, due: '2026-12-02' });
    expect(cardsOf([...list].reverse()).get('q')).toEqual({ box: 2, due: '2026-12-02' });
  });
});

describe('the state of a point', () => {
  const qs = new Set(['q1', 'q2']);
  it.each<[string, Answer[], string]>([
    ['nothing answered', [], 'new'],
    ['answers to other points only', [answer('other', '2026-11-29', true)], 'new'],
    [
      'right on one day, however often',
      [answer('q1', '2026-11-29', true), answer('q2', '2026-11-29', true, '09:00:00')],
      'practising',
    ],
    [
      'right on two days',
      [answer('q1', '2026-11-29', true), answer('q2', '2026-11-30', true)],
      'learnt',
    ],
    [
      'right on two days, then wrong',
      [
        answer('q1', '2026-11-29', true),
        answer('q2', '2026-11-30', true),
        answer('q1', '2026-11-30', false, '09:00:00'),
      ],
      'practising',
    ],
    [
      'wrong, then right the next day',
      [answer('q1', '2026-11-29', false), answer('q1', '2026-11-30', true)],
      'practising',
    ],
  ])('%s → %s', (_why, answers, expected) => expect(pointState(answers, qs)).toBe(expected));
});

describe('what to practise today', () => {
  const day1 = '2026-11-29';
  const answers = [
    answer('a', day1, true),
    answer('b', day1, false),
    answer('c', day1, true),
    answer('c', day1, true, '09:00:00'),
  ];

  it('on the same day: the question answered wrong, then the new ones; the next review date', () => {
    expect(queueFor(answers, ['a', 'b', 'c', 'd'], day1)).toEqual({
      due: ['b'],
      fresh: ['d'],
      nextDue: '2026-11-30',
    });
  });
  it('the next day: the overdue first, lowest box first; c (box 2) waits one day more', () => {
    expect(queueFor(answers, ['a', 'b', 'c', 'd'], '2026-11-30')).toEqual({
      due: ['b', 'a'],
      fresh: ['d'],
      nextDue: '2026-12-01',
    });
  });
  it('nothing due and nothing new: only the next date', () => {
    expect(queueFor([answer('a', day1, true)], ['a'], day1)).toEqual({
      due: [],
      fresh: [],
      nextDue: '2026-11-30',
    });
  });
});
