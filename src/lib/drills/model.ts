/**
 * What the drill pages derive from a drill at build time: the points it exercises, the
 * fingerprint of its answer key (stored progress made against another key is not reused),
 * option letters and right answers, and the hot-wash questions every drill asks.
 */
import type { Drill, Inject } from '../content/drills-schema.ts';
import { isWithin } from '../law/eid.ts';

/** A drill with its id (the file name), as the pages use it. */
export type DrillWithId = Drill & { id: string };

/** "A", "B", "C"…: how cards and pages name the options. */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);

/** The right options of an inject as the answer key writes them: "A. …; C. …". */
export const rightAnswers = (inject: Pick<Inject, 'options' | 'correct'>): string =>
  inject.options
    .map((option, o) => ({ option, letter: optionLetter(o) }))
    .filter(({ option }) => inject.correct.includes(option.id))
    .map(({ option, letter }) => `${letter}. ${option.text}`)
    .join('; ');

/**
 * The points (eIds of lettered points, from `points`) that the drill's injects cite, in the
 * order of `points`. A clause cited whole counts for none of its points: it exercises no
 * one point.
 */
export function pointsExercised(
  drill: Pick<Drill, 'injects'>,
  points: readonly string[],
): string[] {
  const cited = new Set(drill.injects.flatMap((inject) => inject.cites));
  return points.filter((point) => [...cited].some((eId) => isWithin(eId, point)));
}

/** Which drills exercise each point: the coverage the index page shows and the tests check. */
export function coverage(
  drills: readonly DrillWithId[],
  points: readonly string[],
): Map<string, string[]> {
  const map = new Map<string, string[]>(points.map((point) => [point, []]));
  for (const drill of drills) {
    for (const point of pointsExercised(drill, points)) map.get(point)?.push(drill.id);
  }
  return map;
}

/**
 * A short fingerprint of the answer key (inject ids, their options and correct answers,
 * in order). The trainee page stores it with the progress: when the key changes, saved
 * answers no longer mean what they meant, and the page starts again.
 */
export function answerKeyFingerprint(
  injects: readonly Pick<Inject, 'id' | 'options' | 'correct'>[],
): string {
  const text = injects
    .map(
      (inject) =>
        `${inject.id}:${inject.options.map((o) => o.id).join(',')}=${[...inject.correct].sort().join(',')}`,
    )
    .join(';');
  // FNV-1a, 32 bits: enough to tell two versions of one drill apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** Hot-wash questions of every drill (HSEEP), asked before the drill's own. */
export const HOT_WASH_PROMPTS: readonly string[] = [
  'Điều gì diễn ra tốt? Vai trò nào đã làm đúng việc của mình mà không cần nhắc?',
  'Ở tình huống nào người tham gia lúng túng hoặc làm khác hành động mong đợi? Vì sao?',
  'Chỗ nào Điều 7 không quy định mà đơn vị cần tự thống nhất cách làm?',
  'Cần sửa gì, ai làm, đến khi nào? (ghi vào phần hành động khắc phục)',
];
