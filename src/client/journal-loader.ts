/**
 * Shows the journal log (JournalLog.astro) once the shift checklist runs, keeps its count
 * and the run panel's link up to date, and loads the log's code (journal-log.ts, and with it
 * the PDF module) only when the log is opened. Waits for <shift-checklist> with
 * customElements.whenDefined and its `ready` promise. Named functions over the page's one
 * log, not a class: this runs on first paint of a role page, whose byte budget a class's
 * unminifiable member names would break.
 */
import type { ShiftChecklist, ShiftRuns } from './checklist.ts';
import type { JournalLog } from './journal-log.ts';
import { reloadNotice } from './saved.ts';
import { journalCodeGone, journalCount, journalLinkText } from '../lib/checklist/journal-count.ts';

const section = document.querySelector<HTMLElement>('[data-journal-log]');
const details = section?.querySelector<HTMLDetailsElement>('[data-journal-open]');
/** The run panel's "Nhật ký ca trực (N mục)", which opens the log. */
const link = document.querySelector<HTMLAnchorElement>('[data-journal-link]');
/** The log started, or being started; undefined again when its code could not be fetched. */
let started: Promise<JournalLog | null> | undefined;

function renderCount(log: HTMLElement, runs: ShiftRuns): void {
  const { run } = runs.view();
  const count = log.querySelector('[data-journal-count]');
  if (count) count.textContent = journalCount(run);
  if (link) {
    link.textContent = journalLinkText(run);
    link.hidden = !run;
  }
}

function openLog(log: HTMLElement, runs: ShiftRuns): Promise<JournalLog | null> {
  started ??= import('./journal-log.ts').then(
    async ({ JournalLog, styled }) => {
      await styled();
      const journal = new JournalLog(log, runs);
      journal.start();
      return journal;
    },
    () => {
      // A tab left open across a new version: the log's code was renamed.
      log.querySelector('[data-journal-loading]')?.replaceWith(reloadNotice(journalCodeGone));
      started = undefined;
      return null;
    },
  );
  return started;
}

/**
 * "Xuất nhật ký (PDF)" from the end-of-shift review: made as from the log, the review left
 * open (the shift is ended from it) and saying what was made, with the file again, or why not.
 */
async function onReviewPdf(log: HTMLElement, runs: ShiftRuns) {
  const out = runs.panel.querySelector('[data-review-result]');
  const journal = await openLog(log, runs);
  if (!journal) {
    out?.replaceChildren(reloadNotice(journalCodeGone));
    return;
  }
  await journal.onPdf();
  out?.replaceChildren(...[...journal.result.childNodes].map((node) => node.cloneNode(true)));
  out?.scrollIntoView({ block: 'nearest' });
}

function start(log: HTMLElement, box: HTMLDetailsElement, runs: ShiftRuns): void {
  link?.addEventListener('click', () => (box.open = true));
  runs.onRender(() => renderCount(log, runs));
  box.addEventListener('toggle', () => void (box.open && openLog(log, runs)));
  runs.root.addEventListener('checklist:journal-pdf', () => void onReviewPdf(log, runs));
  renderCount(log, runs);
  if (box.open) void openLog(log, runs);
}

if (section && details) {
  void customElements.whenDefined('shift-checklist').then(async () => {
    const runs = await document.querySelector<ShiftChecklist>('shift-checklist')?.ready;
    if (runs) start(section, details, runs);
  });
}
