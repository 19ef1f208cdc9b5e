/**
 * An item marked «không phát sinh trong ca» in a shift run (src/lib/checklist/runs.ts
 * setNotArisen): its time, one tap each way, one outcome with a tick, merged from two tabs
 * with nothing lost, in the journal's rows, and what the page, the review and the sheets say.
 * Which items can be marked is arising-items.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { fits } from '../../src/lib/checklist/invariants.ts';
import { mergeStores } from '../../src/lib/checklist/merge.ts';
import {
  handoverNote,
  momentTally,
  notArisenAnnouncement,
  reviewNotArisen,
  reviewOpenHeading,
  reviewRunLine,
  tallyWithNotArisen,
} from '../../src/lib/checklist/review-wording.ts';
import {
  endRun,
  notArisenItems,
  openItems,
  setNotArisen,
  startRun,
} from '../../src/lib/checklist/runs.ts';
import type { Store } from '../../src/lib/checklist/schema.ts';
import { ChecklistError, emptyStore, progress, setDone } from '../../src/lib/checklist/state.ts';
import { journalLines } from '../../src/lib/journal/run.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';

const handbook = loadHandbook('content');

const ROLE = 'lanh-dao-ca-truc';
const ZONE = 'Asia/Ho_Chi_Minh';
const SKIP = 'art_7__para_1__point_d--lam-ro';
const TICK = 'art_7__para_1__point_c';
const IDS = handbook.dutiesOf(ROLE).map((duty) => duty.id);
/** An instant of 27/11/2026 given in UTC: 00:30 is 07:30 in Hà Nội. */
const at = (hhmm: string) => new Date(`2026-11-27T${hhmm}:00.000Z`);
const dayShift = (): Store =>
  startRun(
    emptyStore(ROLE),
    {
      date: '2026-11-27',
      shiftStart: '07:30',
      shiftEnd: '16:30',
      shift: 'Ca ngày',
      timeZone: ZONE,
    },
    at('00:30'),
    'run-0001',
  );
const itemIn = (store: Store, id: string) => store.current?.items.find((item) => item.id === id);

describe('an item marked «không phát sinh trong ca»', () => {
  it('records when, is neither done nor open, and the mark comes off in one change', () => {
    const marked = setNotArisen(dayShift(), SKIP, true, at('03:00'));
    expect(itemIn(marked, SKIP)).toMatchObject({ notArisenAt: at('03:00').toISOString() });
    expect(itemIn(marked, SKIP)?.doneAt).toBeUndefined();
    expect(progress(marked.current, IDS)).toEqual({ done: 0, total: 9 });
    expect(notArisenItems(marked.current, IDS)).toEqual([SKIP]);
    expect(openItems(marked.current, IDS)).not.toContain(SKIP);
    expect(openItems(marked.current, IDS)).toHaveLength(8);
    // Marking again keeps the first time, as ticking does.
    expect(itemIn(setNotArisen(marked, SKIP, true, at('04:00')), SKIP)?.notArisenAt).toBe(
      at('03:00').toISOString(),
    );
    const undone = setNotArisen(marked, SKIP, false, at('03:01'));
    expect(itemIn(undone, SKIP)?.notArisenAt).toBeUndefined();
    expect(openItems(undone.current, IDS)).toContain(SKIP);
  });

  it('and a tick replace each other: an item is one or the other, never both', () => {
    const marked = setNotArisen(dayShift(), SKIP, true, at('03:00'));
    const ticked = setDone(marked, SKIP, true, at('03:05'));
    expect(itemIn(ticked, SKIP)).toMatchObject({ doneAt: at('03:05').toISOString() });
    expect(itemIn(ticked, SKIP)?.notArisenAt).toBeUndefined();
    const again = setNotArisen(ticked, SKIP, true, at('03:10'));
    expect(itemIn(again, SKIP)?.doneAt).toBeUndefined();
    expect(fits(again) && fits(ticked)).toBe(true);
    const both = structuredClone(again);
    both.current!.items[0]!.doneAt = at('03:00').toISOString();
    expect(fits(both)).toBe(false);
  });

  it('is refused before the run began (a clock set back), and without an open run', () => {
    expect(() => setNotArisen(dayShift(), SKIP, true, at('00:10'))).toThrow(ChecklistError);
    expect(() => setNotArisen(emptyStore(ROLE), SKIP, true, at('03:00'))).toThrow(ChecklistError);
  });

  it('merges from two tabs with nothing lost: one tab’s mark and the other’s tick, note and entry all stay', () => {
    const shared = dayShift();
    const a = setNotArisen(shared, SKIP, true, at('03:00'));
    const b = setDone(shared, TICK, true, at('03:01'));
    for (const merged of [mergeStores(a, b), mergeStores(b, a)]) {
      expect(itemIn(merged, SKIP)?.notArisenAt).toBe(at('03:00').toISOString());
      expect(itemIn(merged, TICK)?.doneAt).toBe(at('03:01').toISOString());
      expect(fits(merged)).toBe(true);
    }
    expect(mergeStores(a, b)).toEqual(mergeStores(b, a));
  });

  it('against a tick of the same item in another tab: the later one stands whole, the same in both tabs', () => {
    const shared = dayShift();
    const a = setNotArisen(shared, SKIP, true, at('03:00'));
    const b = setDone(shared, SKIP, true, at('03:02'));
    const merged = mergeStores(a, b);
    expect(mergeStores(b, a)).toEqual(merged);
    expect(itemIn(merged, SKIP)).toMatchObject({ doneAt: at('03:02').toISOString() });
    expect(itemIn(merged, SKIP)?.notArisenAt).toBeUndefined();
    // Taken back in one tab after the other tab's mark: the mark does not come back.
    const undone = setNotArisen(a, SKIP, false, at('03:05'));
    expect(itemIn(mergeStores(undone, a), SKIP)?.notArisenAt).toBeUndefined();
  });

  it('stays with its run when the run ends, and counts apart in the journal’s rows', () => {
    const ended = endRun(setNotArisen(dayShift(), SKIP, true, at('03:00')), at('09:00'));
    const run = ended.history[0]!;
    expect(notArisenItems(run, IDS)).toEqual([SKIP]);
    const items = handbook.dutiesOf(ROLE).map((duty) => ({ id: duty.id, action: duty.action }));
    expect(journalLines(run, { ticked: items })).toEqual([
      {
        at: '2026-11-27T10:00',
        kind: 'cong-viec',
        content: handbook.dutiesOf(ROLE).find((duty) => duty.id === SKIP)!.action,
        result: 'Không phát sinh trong ca',
        from: { item: SKIP },
      },
    ]);
    // Without the checklist's items, the journal holds the log alone, as before.
    expect(journalLines(run, {})).toEqual([]);
  });
});

describe('what the page, the review and the sheets say of it', () => {
  it('counts it apart from done and undone', () => {
    expect(tallyWithNotArisen({ done: 6, total: 9 }, 3)).toBe(
      'Đã xong 6/9 việc, 3 việc không phát sinh',
    );
    expect(tallyWithNotArisen({ done: 6, total: 9 }, 0)).toBe('Đã xong 6/9 việc');
    expect(momentTally({ done: 0, total: 3 }, 3)).toBe('Đã xong 0/3, 3 không phát sinh');
    expect(reviewOpenHeading(0, 3)).toBe('Không còn việc nào chưa xong.');
    expect(reviewOpenHeading(0)).toBe('Mọi việc trong danh sách đã xong.');
    expect(reviewOpenHeading(2, 3)).toBe('Còn 2 việc chưa xong:');
    expect(reviewNotArisen(3)).toBe('Không phát sinh trong ca (3 việc):');
    expect(handoverNote(0, 9, '16:20', 3)).toBe(
      'Không còn việc nào chưa xong: 6 việc đã xong, 3 việc không phát sinh trong ca (lập lúc 16:20).',
    );
    expect(handoverNote(2, 9, '16:20', 3)).toBe(
      'Còn 2/9 việc chưa xong; 3 việc không phát sinh (lập lúc 16:20).',
    );
    expect(handoverNote(2, 9, '16:20')).toBe('Còn 2/9 việc chưa xong (lập lúc 16:20).');
    const run = dayShift().current!;
    expect(reviewRunLine(run, { done: 6, total: 9 }, 3)).toBe(
      '27/11/2026 · Ca ngày 07:30–16:30. Mở sổ lúc 07:30; đã xong 6/9 việc, 3 việc không phát sinh.',
    );
    expect(notArisenAnnouncement(true, 'Việc A', { done: 6, total: 9 }, 3)).toBe(
      'Không phát sinh trong ca: Việc A. Cả ca: đã xong 6/9 việc, 3 việc không phát sinh.',
    );
    expect(notArisenAnnouncement(false, 'Việc A', { done: 6, total: 9 }, 2)).toBe(
      'Bỏ đánh dấu không phát sinh: Việc A. Cả ca: đã xong 6/9 việc, 2 việc không phát sinh.',
    );
  });
});
