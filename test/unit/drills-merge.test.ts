/**
 * Two tabs of one drill (src/lib/drills/merge.ts): a trainee's answers given in either tab
 * are all kept, whatever the order the tabs hear of each other (fast-check, fixed seed); a
 * trainer's draft merges field by field, reporting only a field both tabs changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Report } from '../../src/lib/drills/aar.ts';
import { mergeProgress } from '../../src/lib/drills/merge.ts';
import { changeDraft, emptyDraft, type Draft } from '../../src/lib/drills/draft.ts';
import { followDraftEdits, mergeDrafts, reportOf } from '../../src/lib/drills/draft-merge.ts';
import {
  answer,
  currentInject,
  missed,
  retryMissed,
  startProgress,
  type Progress,
} from '../../src/lib/drills/progress.ts';

const INJECTS = ['a', 'b', 'c', 'd'];
const CORRECT: Record<string, string[]> = { a: ['1'], b: ['2'], c: ['1'], d: ['3'] };
const start = () => startProgress('bai', 'khoa', INJECTS);

/** Answers the current inject (right or wrong), or retries when the round is over. */
function step(progress: Progress, right: boolean): Progress {
  const inject = currentInject(progress);
  if (inject === null) return missed(progress).length > 0 ? retryMissed(progress) : progress;
  return answer(progress, inject, right ? CORRECT[inject]! : ['9'], CORRECT[inject]!);
}
const play = (from: Progress, steps: boolean[]) => steps.reduce(step, from);
const answersGiven = (progress: Progress) =>
  Object.values(progress.history).reduce((sum, list) => sum + list.length, 0);

describe('trainee progress in two tabs', () => {
  it('keeps every answer given in either tab, the same whichever tab merges (300 generated pairs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 6 }),
        fc.array(fc.boolean(), { maxLength: 8 }),
        fc.array(fc.boolean(), { maxLength: 8 }),
        (shared, a, b) => {
          const base = play(start(), shared);
          const tabA = play(base, a);
          const tabB = play(base, b);
          const ab = mergeProgress(tabA, tabB);
          expect(JSON.stringify(mergeProgress(tabB, tabA))).toBe(JSON.stringify(ab));
          expect(JSON.stringify(mergeProgress(ab, ab))).toBe(JSON.stringify(ab));
          // No answer lost: each tab's answers to each inject are in the merged history, in order
          // (two tabs giving the same answer to the same inject count once).
          const within = (inner: boolean[], outer: boolean[]) => {
            let at = 0;
            for (const value of outer) if (at < inner.length && inner[at] === value) at += 1;
            return at === inner.length;
          };
          for (const tab of [tabA, tabB]) {
            for (const [id, list] of Object.entries(tab.history))
              expect(within(list, ab.history[id] ?? [])).toBe(true);
          }
          expect(answersGiven(ab)).toBeGreaterThanOrEqual(
            Math.max(answersGiven(tabA), answersGiven(tabB)),
          );
        },
      ),
      { seed: 20261129, numRuns: 300 },
    );
  });

  it('goes on with the later round', () => {
    const done = play(start(), [false, true, true, true]);
    const retried = retryMissed(done);
    expect(mergeProgress(done, retried).round).toBe(2);
    expect(mergeProgress(done, retried).queue).toEqual(['a']);
  });
});

describe("a trainer's draft in two tabs (stamped per field: draft.ts)", () => {
  const edit = (report: Report, change: (r: Report) => void): Report => {
    const copy = structuredClone(report);
    change(copy);
    return copy;
  };
  /** A tab's draft after the trainer typed `change` into `base` at `ms`. */
  const typed = (base: Draft, change: (r: Report) => void, ms: number) =>
    changeDraft(base, edit(reportOf(base, 'Bài'), change), ms).draft;
  const empty = emptyDraft('bai');

  it('keeps the fields each tab changed, and a row only one tab added', () => {
    const mine = typed(
      empty,
      (r) => {
        r.exercise.place = 'Phòng họp 2';
        r.actions.push({ action: 'Bổ sung quy trình', owner: 'Phòng GSQL', due: '' });
      },
      1000,
    );
    const theirs = typed(
      empty,
      (r) => {
        r.hotWash = 'Báo cáo chậm 10 phút';
        r.evaluations.x = { rating: 'dat', note: '' };
      },
      2000,
    );
    const report = reportOf(mergeDrafts(mine, theirs), 'Bài');
    expect(report.exercise.place).toBe('Phòng họp 2');
    expect(report.hotWash).toBe('Báo cáo chậm 10 phút');
    expect(report.evaluations).toEqual({ x: { rating: 'dat', note: '' } });
    expect(report.actions).toEqual([{ action: 'Bổ sung quy trình', owner: 'Phòng GSQL', due: '' }]);
    expect(report.strengths).toEqual([]);
    expect(mergeDrafts(mine, theirs)).toEqual(mergeDrafts(theirs, mine));
  });

  it('never stamps a blank a tab did not touch over what another tab typed (the drills-tabs race)', () => {
    // Tab B typed only the place, later than tab A typed the evaluator.
    const a = typed(empty, (r) => (r.exercise.evaluator = 'Trần Thị Bình'), 1000);
    const b = typed(empty, (r) => (r.exercise.place = 'Phòng B1'), 2000);
    const merged = reportOf(mergeDrafts(a, b), 'Bài');
    expect([merged.exercise.evaluator, merged.exercise.place]).toEqual([
      'Trần Thị Bình',
      'Phòng B1',
    ]);
  });

  it('keeps one text in both tabs for a field both changed, whichever merges, and the tab whose text lost reports it', () => {
    const mine = typed(empty, (r) => (r.hotWash = 'của thẻ A'), 1000);
    const theirs = typed(empty, (r) => (r.hotWash = 'của thẻ B'), 1000);
    const [ab, ba] = [mergeDrafts(mine, theirs), mergeDrafts(theirs, mine)];
    expect(ab).toEqual(ba);
    expect(reportOf(ab, 'Bài').hotWash).toBe('của thẻ B');
    expect(followDraftEdits(mine, theirs, ab, new Set(['hotWash'])).conflicts).toEqual([
      { path: 'hotWash', kept: 'của thẻ B', mine: 'của thẻ A' },
    ]);
    expect(followDraftEdits(theirs, mine, ba, new Set(['hotWash'])).conflicts).toEqual([]);
  });

  it('keeps a field cleared later over the older text (the clearing is stamped)', () => {
    const a = typed(empty, (r) => (r.hotWash = 'Bản 1'), 1000);
    const cleared = typed(a, (r) => (r.hotWash = ''), 3000);
    expect(reportOf(mergeDrafts(a, cleared), 'Bài').hotWash).toBe('');
  });
});
