/**
 * «Không phát sinh trong ca»: an item that applies only when something arises (the page marks
 * it data-arise, from its point's words: src/lib/content/arising.ts) gets a button that marks
 * it as not arisen in this shift, with the time, and takes the mark back in one tap, and a link
 * to the handbook's reading that lets it (data-arise names it; the booklet states it); the
 * progress line and each moment's count say how many did not arise, apart from done and
 * undone. It writes those counts for every role page, and puts the moment in progress first.
 * Loaded with a run (run-shown.ts), never on a first visit without one: it draws after every
 * redraw of the checklist (onRender).
 */
import type { ShiftRuns } from './checklist.ts';
import { $, $$, el, show } from './dom.ts';
import { itemOf, progress } from '../lib/checklist/state.ts';
import { notArisenItems, setNotArisen } from '../lib/checklist/runs.ts';
import {
  momentTally,
  notArisenAnnouncement,
  notArisenAtText,
  notArisenButton,
  tallyWithNotArisen,
} from '../lib/checklist/review-wording.ts';
import stylesUrl from '../styles/not-arising.css?url';
import { readingAnchor } from '../lib/booklet/parts.ts';
import { routes, withBase } from '../lib/site/routes.ts';

interface Mark {
  id: string;
  action: string;
  box: HTMLElement;
  text: HTMLElement;
  button: HTMLButtonElement;
}

/** The button and its line, put in the item's part that shows with a run. */
function markOf(li: HTMLElement, action: string): Mark | undefined {
  const id = li.dataset.item ?? '';
  const place = $('[data-run]', li);
  if (!place) return undefined;
  const box = el('p');
  box.className = 'not-arisen';
  const text = el('span');
  const button = el('button');
  button.type = 'button';
  button.setAttribute('aria-describedby', `viec-${id}`);
  box.append(text, button);
  if (li.dataset.arise) {
    const reading = el('a', 'Cách hiểu của sổ tay');
    reading.href = withBase(
      import.meta.env.BASE_URL,
      `${routes.booklet()}#${readingAnchor(li.dataset.arise)}`,
    );
    box.append(reading);
  }
  $('[data-done-at]', place)?.after(box);
  return { id, action, box, text, button };
}

/**
 * Draws every mark, and the counts of the run on screen (done, and not arisen apart) with the
 * moment in progress first: the marks can be changed only on the open run.
 */
function draw(runs: ShiftRuns, marks: readonly Mark[]): void {
  const { run, live } = runs.view();
  const notArisen = new Set(notArisenItems(run, runs.ids));
  for (const mark of marks) {
    const state = itemOf(run, mark.id);
    const at = state?.notArisenAt;
    mark.text.textContent = run && at ? notArisenAtText(run, at) : '';
    show(mark.text, Boolean(at));
    mark.button.textContent = notArisenButton(Boolean(at));
    // A done item did not fail to arise: unticking it brings the button back.
    show(mark.button, live && !state?.doneAt);
    show(mark.box, Boolean(at) || (live && !state?.doneAt));
  }
  for (const moment of runs.moments) {
    const tally = progress(run, moment.ids);
    const count = moment.ids.filter((id) => notArisen.has(id)).length;
    if (moment.out) moment.out.textContent = momentTally(tally, count);
    // The moment in progress comes first: a moment settled (each item done or not arisen) goes to the end.
    moment.element.style.order = run && tally.done + count === tally.total ? '1' : '';
  }
  const whole = progress(run, runs.ids);
  for (const text of $$('[data-progress-text]'))
    text.textContent = tallyWithNotArisen(whole, notArisen.size);
  const bar = $<HTMLProgressElement>('progress', runs.root);
  if (bar) {
    bar.max = whole.total;
    bar.value = whole.done + notArisen.size;
  }
}

/** The checklist wired, once: checklist.ts calls wire after each redraw that shows a run. */
let wired: ShiftRuns | undefined;

/** Wires the marks of a role page's checklist, and draws them after every redraw. */
export function wire(runs: ShiftRuns): void {
  if (wired === runs) return;
  wired = runs;
  const marks = $$('[data-arise]', runs.root).flatMap((li) => {
    const mark = markOf(li, runs.items.find((item) => item.id === li.dataset.item)?.action ?? '');
    return mark ? [mark] : [];
  });
  // The button's look; without it (fetch failed) the button works all the same.
  if (marks.length > 0) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesUrl;
    document.head.append(link);
  }
  for (const mark of marks) {
    mark.button.addEventListener('click', () => {
      const marked = !itemOf(runs.store.current, mark.id)?.notArisenAt;
      if (!runs.update((store) => setNotArisen(store, mark.id, marked, new Date()))) return;
      const run = runs.store.current;
      runs.announce(
        notArisenAnnouncement(
          marked,
          mark.action,
          progress(run, runs.ids),
          notArisenItems(run, runs.ids).length,
        ),
      );
    });
  }
  runs.onRender(() => draw(runs, marks));
  draw(runs, marks);
}
