/**
 * What the drills exercise: together their injects cite all 17 points of Article 7, and
 * the coverage the list page shows is computed from the citations, not written by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import {
  answerKeyFingerprint,
  coverage,
  optionLetter,
  pointsExercised,
} from '../../src/lib/drills/model.ts';

const handbook = loadHandbook('content');
const drills = loadContent('content').drills.map((d) => d.value);
const points = handbook.points.map((p) => p.eId);

describe('coverage of Article 7 by the drills', () => {
  it('counts 17 points in the law', () => {
    expect(points).toHaveLength(17);
  });

  it('exercises every one of the 17 points in some inject', () => {
    const byPoint = coverage(drills, points);
    const missing = [...byPoint].filter(([, ids]) => ids.length === 0).map(([eId]) => eId);
    expect(missing).toEqual([]);
  });

  it('counts only inject citations, a point for itself (a whole clause cited counts for no point)', () => {
    const drill = {
      injects: [{ cites: ['art_7__para_1__point_b'] }, { cites: ['art_7__para_2'] }],
    } as Parameters<typeof pointsExercised>[0];
    expect(pointsExercised(drill, points)).toEqual(['art_7__para_1__point_b']);
  });

  it('would notice a point no drill exercises', () => {
    const without = drills.map((drill) => ({
      ...drill,
      injects: drill.injects.map((inject) => ({
        ...inject,
        cites: inject.cites.filter((eId) => eId !== 'art_7__para_2__point_d'),
      })),
    }));
    const byPoint = coverage(without, points);
    expect(byPoint.get('art_7__para_2__point_d')).toEqual([]);
  });
});

describe('answer-key fingerprint', () => {
  const injects = [
    {
      id: 'a',
      options: [
        { id: 'x', text: 'X' },
        { id: 'y', text: 'Y' },
      ],
      correct: ['x'],
    },
    {
      id: 'b',
      options: [
        { id: 'p', text: 'P' },
        { id: 'q', text: 'Q' },
      ],
      correct: ['p', 'q'],
    },
  ];

  it('is stable, and ignores the order the correct answers are listed in', () => {
    const again = [injects[0]!, { ...injects[1]!, correct: ['q', 'p'] }];
    expect(answerKeyFingerprint(injects)).toBe(answerKeyFingerprint(again));
    expect(answerKeyFingerprint(injects)).toMatch(/^[0-9a-z]{7}$/);
  });

  it('changes when an answer, an option or an inject changes', () => {
    const base = answerKeyFingerprint(injects);
    expect(answerKeyFingerprint([{ ...injects[0]!, correct: ['y'] }, injects[1]!])).not.toBe(base);
    expect(
      answerKeyFingerprint([
        { ...injects[0]!, options: [...injects[0]!.options, { id: 'z', text: 'Z' }] },
        injects[1]!,
      ]),
    ).not.toBe(base);
    expect(answerKeyFingerprint([injects[0]!])).not.toBe(base);
  });

  it('differs between the real drills', () => {
    const prints = drills.map((drill) => answerKeyFingerprint(drill.injects));
    expect(new Set(prints).size).toBe(drills.length);
  });
});

it('letters options A, B, C…', () => {
  expect([0, 1, 2, 4].map(optionLetter)).toEqual(['A', 'B', 'C', 'E']);
});
