/**
 * The offer to receive the handover, a button first in the run panel's actions: on a page that
 * keeps the journal, once the open run has not received the matters followed («việc đang theo
 * dõi») that the run ended before it on this device left open. Its button opens the journal log
 * at its «Nhận bàn giao» part, where journal-log.ts lists them. Loaded with a run (run-shown.ts),
 * never on a first visit without one.
 */
import type { ShiftRuns } from './checklist.ts';
import { $, el, show } from './dom.ts';
import { mattersToReceive, previousRun } from '../lib/checklist/matters.ts';
import { receiveHeading, receiveNotice } from '../lib/checklist/matter-wording.ts';

let wired: ShiftRuns | undefined;

/** Focuses the log's «Nhận bàn giao» heading once the log's code has drawn it (a few frames at most). */
function goToHandover(tries = 300): void {
  const heading = document.getElementById('nk-ban-giao');
  if (heading && !heading.closest('[hidden]')) {
    heading.scrollIntoView({ block: 'start' });
    heading.focus();
  } else if (tries > 0) requestAnimationFrame(() => goToHandover(tries - 1));
}

export function offerHandover(runs: ShiftRuns): void {
  const log = $<HTMLDetailsElement>('[data-journal-open]');
  if (wired === runs || !log) return;
  wired = runs;
  // A button first in the run's row of actions: no line more above the checklist on a phone.
  const button = el('button');
  button.type = 'button';
  button.className = 'primary run-handover';
  $('.run-actions', runs.panel)?.prepend(button);
  button.addEventListener('click', () => {
    log.open = true;
    goToHandover();
  });
  const draw = () => {
    const from = previousRun(runs.store);
    const count = runs.view().live && from ? mattersToReceive(runs.store, from).length : 0;
    show(button, count > 0);
    // Short on screen, so that the row does not wrap on a phone; the count is read out with it.
    if (count > 0) button.replaceChildren(receiveHeading, el('span', receiveNotice(count)));
    button.lastElementChild?.classList.add('visually-hidden');
  };
  runs.onRender(draw);
  draw();
}
