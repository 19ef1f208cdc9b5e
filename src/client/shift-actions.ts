/**
 * What a shift needs now and then, loaded on first use so that a role page's first paint
 * stays small (checklist.ts): the paper sheets, the end-of-shift review, the officer's name,
 * and the notice that shows both texts when two tabs changed the same note or entry.
 */
import { $, $$, el, show } from './dom.ts';
import { reopenedAnnouncement, startedAnnouncement } from '../lib/checklist/wording.ts';
import { deviceTimeZone } from '../lib/checklist/time.ts';
import type { ReplacedEdit } from '../lib/checklist/merge.ts';
import type { Heard } from '../lib/store/kept.ts';
import type { SavedWork } from './saved.ts';
import { ChecklistError, findRun, itemOf, progress, runLabel } from '../lib/checklist/state.ts';
import { setNote } from '../lib/checklist/printable.ts';
import {
  endRun,
  newId,
  notArisenItems,
  openItems,
  reopenRun,
  setOfficer,
  startRun,
} from '../lib/checklist/runs.ts';
import type { JournalEntry, Run, Store } from '../lib/checklist/schema.ts';
import { runTime, shiftHours } from '../lib/checklist/time.ts';
import { formatDateVi } from '../lib/vi.ts';
import { mattersToReceive, openMatters, previousRun, sinceText } from '../lib/checklist/matters.ts';
import {
  entryVersion,
  matterSummary,
  pendingText,
  reviewMatters,
  sheetMattersColumns,
  sheetMattersHeading,
  sheetMattersNote,
  reviewUnreceived,
} from '../lib/checklist/matter-wording.ts';
import {
  endedAnnouncement,
  overtypedNoteNotice,
  handoverNote,
  historyLine,
  NOT_ARISEN,
  officerSavedAnnouncement,
  replacedEntryNotice,
  replacedNoteNotice,
  reviewApprovals,
  reviewJournal,
  reviewNotArisen,
  reviewOpenHeading,
  reviewRunLine,
  sheetSigner,
  sheetTitle,
} from '../lib/checklist/review-wording.ts';

export type PrintMode = 'blank' | 'run' | 'handover';

/**
 * What these actions use of a role page's runs (ShiftRuns in checklist.ts): declared here, so
 * that this module, which checklist.ts loads on first use, imports nothing back from it.
 */
interface ShiftRuns {
  readonly panel: HTMLElement;
  readonly history: HTMLElement;
  /** The runs as stored, and the merge's code once loaded (checklist.ts). */
  readonly saved: SavedWork<Store>;
  merger: typeof import('../lib/checklist/merge.ts') | undefined;
  /** merge.ts keys of what this tab changed that the other tabs may not have seen yet. */
  edited: Set<string>;
  keepEdits(): void;
  reopenable(): Run | undefined;
  readonly items: readonly {
    id: string;
    action: string;
    approve: HTMLInputElement | null;
    note: HTMLInputElement | null;
    noteError: HTMLElement | null;
  }[];
  readonly ids: string[];
  readonly moments: readonly { name: string; ids: string[] }[];
  store: Store;
  /** The ended run being looked at (read-only), if any. */
  viewing: string | null;
  shown(): Run | null;
  update(change: (store: Store) => Store, notes?: readonly string[]): boolean;
  commit(store: Store): void;
  render(): void;
  announce(message: string): void;
}

/**
 * Fills the paper sheet: blank as built, filled for "In ca này", open items only for "In bàn
 * giao ca". An item marked «không phát sinh trong ca» is neither: its box holds a dash, its note
 * says so, and the note above the table counts it apart.
 */
export function fillSheet(runs: ShiftRuns, mode: PrintMode): void {
  const sheet = $('[data-sheet]');
  if (!sheet) return;
  const run = mode === 'blank' ? null : runs.shown();
  fillSheetMatters(sheet, mode === 'handover' ? run : null);
  const open = new Set(openItems(run, runs.ids));
  const notArisen = notArisenItems(run, runs.ids).length;
  const title = $('[data-sheet-title]', sheet);
  if (title) title.textContent = sheetTitle(mode === 'handover');
  for (const field of $$('[data-sheet-field]', sheet)) {
    const name = field.dataset.sheetField;
    field.textContent = !run
      ? ''
      : name === 'date'
        ? formatDateVi(run.date)
        : name === 'shift'
          ? [run.shift, shiftHours(run)].filter(Boolean).join(' ')
          : run.officer;
  }
  const note = $('[data-sheet-handover]', sheet);
  if (note && run) {
    note.textContent = handoverNote(
      open.size,
      runs.ids.length,
      runTime(run, new Date()),
      notArisen,
    );
  }
  // The run's sheet says it too when some item did not arise: done, undone and not arisen apart.
  note?.toggleAttribute('hidden', !(mode === 'handover' || (mode === 'run' && notArisen > 0)));
  for (const row of $$('[data-sheet-item]', sheet)) {
    const state = itemOf(run, row.dataset.sheetItem ?? '');
    const done = $('[data-sheet-done]', row);
    done?.classList.toggle('on', Boolean(state?.doneAt));
    if (done) done.textContent = state?.notArisenAt ? '–' : '';
    $('[data-sheet-approved]', row)?.classList.toggle('on', Boolean(state?.approvedAt));
    const at = state?.doneAt ?? state?.notArisenAt;
    const time = $('[data-sheet-time]', row);
    if (time) time.textContent = run && at ? runTime(run, at) : '';
    const text = $('[data-sheet-note]', row);
    if (text)
      text.textContent = [state?.notArisenAt ? NOT_ARISEN : '', state?.note ?? '']
        .filter(Boolean)
        .join('; ');
    row.toggleAttribute('hidden', !(mode !== 'handover' || open.has(row.dataset.sheetItem ?? '')));
  }
  for (const group of $$('tbody[data-sheet-moment]', sheet))
    group.toggleAttribute('hidden', $$('[data-sheet-item]:not([hidden])', group).length === 0);
  const signer = $('[data-sheet-signer]', sheet);
  if (signer) signer.textContent = sheetSigner(mode === 'handover');
}

/**
 * The handover sheet's first part, where the run has any: its matters followed (what, since
 * when, who follows it, what is pending), written here on first use, like the sheet's rows.
 */
function fillSheetMatters(sheet: HTMLElement, run: Run | null): void {
  $('[data-sheet-matters]', sheet)?.remove();
  const matters = openMatters(run);
  // Room for the matters on the one page: the items' rows (left tall to write in by hand) shrink.
  for (const cell of $$('[data-sheet-item] td', sheet))
    cell.style.height = matters.length > 0 ? '8mm' : '';
  if (!run || matters.length === 0) return;
  const box = el('div');
  box.dataset.sheetMatters = '';
  const heading = el('p', sheetMattersHeading(matters.length));
  heading.className = 'sheet-handover';
  const note = el('p', sheetMattersNote);
  note.className = 'sheet-small';
  const table = el('table');
  table.className = 'sheet-table';
  const columns = el('colgroup');
  for (const width of ['24mm', '', '70mm']) {
    const column = el('col');
    column.style.width = width;
    columns.append(column);
  }
  const head = el('tr');
  head.append(
    ...sheetMattersColumns.map((name) => {
      const cell = el('th', name);
      cell.scope = 'col';
      return cell;
    }),
  );
  const rows = matters.map((entry) => {
    const row = el('tr');
    row.append(
      ...[sinceText(entry, run), entry.content, pendingText(entry)].map((text) => el('td', text)),
    );
    return row;
  });
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  tbody.append(...rows);
  table.append(columns, thead, tbody);
  box.append(heading, note, table);
  $('[data-sheet-handover]', sheet)?.after(box);
}

export function print(runs: ShiftRuns, mode: PrintMode): void {
  fillSheet(runs, mode);
  window.print();
}

/** Puts a refused field's message next to it. */
export function fieldError(form: HTMLFormElement, error: ChecklistError): void {
  const name = error.field ?? '';
  const out = $(`[data-error-for="${name}"]`, form) ?? $('[data-error-for]', form);
  if (out) {
    out.textContent = error.message;
    show(out, true);
  }
  const input = $<HTMLInputElement>(`[name="${name}"]`, form);
  input?.setAttribute('aria-invalid', 'true');
  input?.focus();
}

function clearErrors(form: HTMLFormElement): void {
  for (const out of $$('[data-error-for]', form)) show(out, false);
  for (const input of $$('[aria-invalid]', form)) input.removeAttribute('aria-invalid');
}

/** «Bắt đầu ca mới»: a new run from the start form, or the refusal next to its field. */
export function onStart(runs: ShiftRuns, form: HTMLFormElement): void {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  const now = new Date();
  clearErrors(form);
  let started: Store;
  try {
    const input = {
      date: text('date'),
      shiftStart: text('shiftStart'),
      shiftEnd: text('shiftEnd'),
      shift: text('shift'),
      officer: text('officer'),
      timeZone: deviceTimeZone(),
    };
    started = startRun(runs.store, input, now, newId(now));
  } catch (error) {
    if (!(error instanceof ChecklistError)) throw error;
    fieldError(form, error);
    return;
  }
  runs.viewing = null;
  form.reset();
  const startBox = $<HTMLDetailsElement>('[data-start]', runs.panel);
  if (startBox) startBox.open = false;
  runs.commit(started);
  runs.announce(startedAnnouncement(runs.store.current!));
  $('[data-status]', runs.panel)?.focus();
}

/** Saves the officer's name of the open run, or puts the refusal next to the field. */
export function saveOfficer(runs: ShiftRuns, form: HTMLFormElement): void {
  clearErrors(form);
  const value = String(new FormData(form).get('officer') ?? '');
  try {
    runs.commit(setOfficer(runs.store, value, new Date()));
  } catch (error) {
    if (!(error instanceof ChecklistError)) throw error;
    fieldError(form, error);
    return;
  }
  const box = $<HTMLDetailsElement>('[data-officer]', runs.panel);
  if (box) box.open = false;
  runs.announce(officerSavedAnnouncement);
}

/** Fills the review of the open run: its times, what is still open per moment, approvals, the journal. */
function fillReview(runs: ShiftRuns, dialog: HTMLDialogElement, run: Run): void {
  const notArisen = notArisenItems(run, runs.ids);
  const line = $('[data-review-run]', dialog);
  if (line) line.textContent = reviewRunLine(run, progress(run, runs.ids), notArisen.length);
  const open = new Set(openItems(run, runs.ids));
  const groups = runs.moments
    .map((moment) => ({ name: moment.name, items: moment.ids.filter((id) => open.has(id)) }))
    .filter((group) => group.items.length > 0);
  const actionOf = (id: string) => runs.items.find((item) => item.id === id)?.action ?? id;
  const listOf = (ids: readonly string[]) => {
    const list = el('ul');
    list.append(...ids.map((id) => el('li', actionOf(id))));
    return list;
  };
  $('[data-review-open]', dialog)?.replaceChildren(
    el('p', reviewOpenHeading(open.size, notArisen.length)),
    ...groups.flatMap((group) => [el('h3', group.name), listOf(group.items)]),
    // Apart from done and undone: what did not arise in this shift, listed as the open items are.
    ...(notArisen.length > 0
      ? [el('p', reviewNotArisen(notArisen.length)), listOf(notArisen)]
      : []),
  );
  const pending = runs.items.filter(
    (item) => item.approve && itemOf(run, item.id)?.doneAt && !itemOf(run, item.id)?.approvedAt,
  );
  const approvals = $('[data-review-approvals]', dialog);
  if (approvals) {
    approvals.textContent = reviewApprovals(pending.map((item) => item.action));
  }
  const journal = $('[data-review-journal]', dialog);
  if (journal) journal.textContent = reviewJournal(run.journal.length);
  // The matters followed go with the shift to the next one: listed, to be seen before ending.
  const matters = openMatters(run);
  // Matters the previous run left open that this one has not received are said too.
  const unreceived = mattersToReceive(runs.store, previousRun(runs.store)).length;
  $('[data-review-matters]', dialog)?.replaceChildren(
    ...(unreceived > 0 ? [el('p', reviewUnreceived(unreceived))] : []),
    el('p', reviewMatters(matters.length)),
    ...(matters.length > 0 ? [listOfMatters(matters, run)] : []),
  );
}

const listOfMatters = (matters: readonly JournalEntry[], run: Run) => {
  const list = el('ul');
  list.append(...matters.map((entry) => el('li', matterSummary(entry, run))));
  return list;
};

/**
 * The review's dialog, written on first use (a first visit does without it). The journal's
 * line and PDF are there for the roles that keep the journal: those whose page has the log.
 */
function reviewDialog(runs: ShiftRuns): HTMLDialogElement {
  const made = $<HTMLDialogElement>('[data-review]', runs.panel);
  if (made) return made;
  const journal = $('[data-journal-log]') !== null;
  runs.panel.insertAdjacentHTML(
    'beforeend',
    `<dialog class="run-review" aria-labelledby="xem-lai-ca" data-review>` +
      `<h2 id="xem-lai-ca" tabindex="-1">Xem lại trước khi kết thúc ca</h2>` +
      // What goes on into the next shift (the matters followed) comes first, then what is left.
      `<p data-review-run></p>` +
      (journal ? `<div data-review-matters></div>` : '') +
      `<div data-review-open></div><p data-review-approvals></p>` +
      (journal ? `<p data-review-journal></p>` : '') +
      `<p class="hint">Sau khi kết thúc, vẫn mở lại được ca này cho đến khi bắt đầu ca mới.</p>` +
      // What the PDF made (or why not) shows just above the buttons, where the officer is.
      (journal ? `<div role="status" data-review-result></div>` : '') +
      `<p class="run-actions"><button type="button" data-review-handover>In bàn giao ca</button>` +
      (journal ? `<button type="button" data-review-journal-pdf>Xuất nhật ký (PDF)</button>` : '') +
      `<button type="button" data-review-cancel>Chưa kết thúc, quay lại ca</button>` +
      `<button type="button" class="warning" data-review-confirm>Kết thúc ca</button></p>` +
      `</dialog>`,
  );
  return $<HTMLDialogElement>('[data-review]', runs.panel)!;
}

/** "Kết thúc ca…": the review, from which the officer confirms (or prints, or exports, or goes back). */
export function openReview(runs: ShiftRuns): void {
  const run = runs.store.current;
  const dialog = reviewDialog(runs);
  if (!run || !dialog) return;
  fillReview(runs, dialog, run);
  $('[data-review-result]', dialog)?.replaceChildren();
  dialog.showModal();
  $('#xem-lai-ca', dialog)?.focus();
}

export function confirmEnd(runs: ShiftRuns): void {
  const dialog = $<HTMLDialogElement>('[data-review]', runs.panel);
  const open = openItems(runs.store.current, runs.ids).length;
  const notArisen = notArisenItems(runs.store.current, runs.ids).length;
  const ended = runs.store.current?.id ?? null;
  const done = runs.update((store) => endRun(store, new Date()));
  dialog?.close();
  if (!done) return;
  // The ended run stays on screen, read-only, with "Mở lại" until another run starts.
  runs.viewing = ended;
  runs.render();
  runs.announce(endedAnnouncement(open, notArisen));
  $('[data-status]', runs.panel)?.focus();
}

/** The notices of this tab's edits that another tab's replaced, by merge.ts key (one page, one set of runs). */
const replaced = new Map<string, { edit: ReplacedEdit; notice: HTMLElement }>();

/** Says that another tab's value replaced this tab's, shows both, and offers to put this tab's back. */
export function showReplaced(runs: ShiftRuns, edits: readonly ReplacedEdit[]): void {
  const box = $('[data-notices]', runs.panel);
  if (!box) return;
  for (const edit of edits) {
    // One notice per note or entry: a later replacement of the same one takes its place.
    const key = replacedKey(runs.merger!, edit);
    replaced.get(key)?.notice.remove();
    const [what, both, again] =
      edit.kind === 'note'
        ? replacedNoteNotice(
            runs.items.find((item) => item.id === edit.itemId)?.action ?? edit.itemId,
            edit.kept,
            edit.mine,
          )
        : replacedEntryNotice(
            edit.mine.at,
            edit.kept ? entryVersion(edit.kept) : null,
            entryVersion(edit.mine),
          );
    const place = (made: HTMLElement) =>
      edit.kind === 'note' ? byNote(runs, edit, made, box) : box.append(made);
    const notice = choiceNotice(place, [what, both, again], async () => {
      const kept =
        edit.kind === 'note'
          ? runs.update(
              (store) => setNote(store, edit.itemId, edit.mine, new Date()),
              [edit.itemId],
            )
          : await putBackEntry(runs, edit.mine);
      if (kept && replaced.get(key)?.notice === notice) replaced.delete(key);
      return kept;
    });
    replaced.set(key, { edit, notice });
  }
}

/** Two texts and a button that uses the one not kept; the notice goes once that is stored. */
function choiceNotice(
  place: (notice: HTMLElement) => void,
  [what, both, again]: readonly [string, string, string],
  use: () => boolean | Promise<boolean>,
): HTMLElement {
  const notice = el('div');
  notice.className = 'notice';
  notice.setAttribute('role', 'alert');
  notice.append(el('p', what), el('p', both));
  const button = el('button', again);
  button.type = 'button';
  button.addEventListener('click', async () => {
    if (await use()) notice.remove();
  });
  notice.append(button);
  place(notice);
  return notice;
}

/**
 * A note's notice goes where the note is typed: just after its field (and its error), inside
 * the item, since a phone shows a few items and the run panel's box is far up the page. One
 * notice per note: a newer one takes the place of the one there. While the field is being
 * typed in, the notice is scrolled into view (focus stays in the field). A note whose field
 * is not on the page, or not showing that run, has its notice in the run panel's box.
 */
function byNote(
  runs: ShiftRuns,
  { runId, itemId }: { runId: string; itemId: string },
  notice: HTMLElement,
  box: Element,
): void {
  const item = runs.items.find((entry) => entry.id === itemId);
  const after = item?.noteError ?? item?.note?.parentElement;
  if (!item?.note || !after || runs.shown()?.id !== runId || item.note.closest('[hidden]')) {
    box.append(notice);
    return;
  }
  notice.dataset.noteNotice = '';
  after.parentElement?.querySelector(':scope > [data-note-notice]')?.remove();
  after.after(notice);
  if (document.activeElement !== item.note) return;
  // Scrolled in with its margin, not flush against the screen's edge (lazy code, not the CSS).
  notice.style.scrollMarginBlock = '0.75rem';
  notice.scrollIntoView({ block: 'nearest' });
}

/** merge.ts's key of an edit (its code is loaded: replacements are found by it). */
const replacedKey = (
  merger: typeof import('../lib/checklist/merge.ts'),
  edit: ReplacedEdit,
): string =>
  edit.kind === 'note'
    ? merger.noteKey(edit.runId, edit.itemId)
    : merger.entryKey(edit.runId, edit.entryId);

/**
 * A notice shown earlier names the text that was kept then; the other tab may have gone on
 * typing. Each notice is kept true: it shows what is stored now, and goes once this tab's
 * text is what is stored again.
 */
function refreshReplaced(runs: ShiftRuns): void {
  for (const [key, { edit, notice }] of replaced) {
    const run = findRun(runs.store, edit.runId);
    const now =
      edit.kind === 'note'
        ? JSON.stringify(itemOf(run, edit.itemId)?.note ?? '')
        : JSON.stringify(run?.journal.find((entry) => entry.id === edit.entryId) ?? null);
    if (now === JSON.stringify(edit.mine)) {
      notice.remove();
      replaced.delete(key);
    } else if (now !== JSON.stringify(edit.kept))
      showReplaced(runs, [{ ...edit, kept: JSON.parse(now) } as ReplacedEdit]);
  }
}

/** Puts this tab's journal entry back, as a new entry (the entries module loads on first use). */
async function putBackEntry(runs: ShiftRuns, mine: JournalEntry): Promise<boolean> {
  const { addEntry, inputOf } = await import('../lib/checklist/entries.ts');
  return runs.update((store) => addEntry(store, inputOf(mine), newId(), new Date()));
}

/** Another tab wrote the runs of this role: take the merge of both (the store writes it back if needed). */
export function followOtherTab(runs: ShiftRuns, raw: string | null): void {
  // What another tab wrote that cannot be read is set aside with a notice, never merged.
  follow(runs, runs.saved.hear(raw));
}

/** Opening found this tab's own copy holding what the storage lost: merged back (read.ts reclaim). */
export function followReclaimed(runs: ShiftRuns): void {
  const heard = runs.saved.reclaimed;
  runs.saved.reclaimed = null;
  if (heard) follow(runs, heard);
}

function follow(runs: ShiftRuns, heard: Heard<Store>): void {
  runs.saved.said(heard.saved);
  runs.store = runs.saved.state;
  const followed = heard.theirs
    ? runs.merger!.followEdits(heard.before, heard.theirs, runs.store, runs.edited)
    : { replaced: [], edited: runs.edited };
  runs.edited = followed.edited;
  runs.keepEdits();
  if (runs.viewing && !findRun(runs.store, runs.viewing)) runs.viewing = null;
  runs.render();
  refreshReplaced(runs);
  if (followed.replaced.length > 0) showReplaced(runs, followed.replaced);
  watchOvertyping(runs, heard.before);
}

/** The other tab's text of each note being typed here when it arrived, by item (see below). */
const overtyped = new Map<string, string>();

/**
 * A note field being typed in keeps what is typed (checklist.ts, renderItems) when another
 * tab's text arrives; nobody here has seen that text. If this tab types on, its next key
 * stores its own text over it: a notice then shows the other, with a button to use it. If the
 * field is left without a key, it shows the other tab's text (nothing was replaced).
 */
function watchOvertyping(runs: ShiftRuns, before: Store): void {
  const item = runs.items.find((entry) => entry.note && entry.note === document.activeElement);
  const field = item?.note;
  if (!item || !field) return;
  const theirs = itemOf(runs.store.current, item.id)?.note ?? '';
  if (theirs === (itemOf(before.current, item.id)?.note ?? '') || theirs === field.value) return;
  const watching = overtyped.has(item.id);
  overtyped.set(item.id, theirs);
  if (watching) return;
  const stop = () => {
    overtyped.delete(item.id);
    field.removeEventListener('input', onKey);
    field.removeEventListener('blur', stop);
  };
  const onKey = () => {
    const text = overtyped.get(item.id) ?? '';
    stop();
    // A notice that the other tab's text was kept over this tab's is no longer true.
    const key = runs.merger!.noteKey(runs.store.current?.id ?? '', item.id);
    replaced.get(key)?.notice.remove();
    replaced.delete(key);
    const box = $('[data-notices]', runs.panel);
    if (box)
      choiceNotice(
        (notice) =>
          byNote(runs, { runId: runs.store.current?.id ?? '', itemId: item.id }, notice, box),
        overtypedNoteNotice(item.action, text),
        () => runs.update((store) => setNote(store, item.id, text, new Date()), [item.id]),
      );
  };
  field.addEventListener('input', onKey);
  field.addEventListener('blur', stop);
}

/** The history of ended runs, each a button that opens it (drawn once there is a history). */
export function renderHistory(runs: ShiftRuns): void {
  const list = $('[data-history-list]', runs.history);
  if (!list) return;
  list.replaceChildren(
    ...runs.store.history.map((run) => {
      const li = el('li');
      const button = el('button', runLabel(run));
      button.type = 'button';
      button.dataset.openRun = run.id;
      li.append(
        button,
        el('span', historyLine(run, progress(run, runs.ids), notArisenItems(run, runs.ids).length)),
      );
      return li;
    }),
  );
  show($('[data-history-empty]', runs.history), runs.store.history.length === 0);
}

/** «Mở lại»: the run ended last is open again, while no other run has started since. */
export function onReopen(runs: ShiftRuns): void {
  const last = runs.reopenable();
  if (!last) return;
  if (!runs.update((s) => reopenRun(s, last.id, new Date()))) return;
  runs.viewing = null;
  runs.render();
  runs.announce(reopenedAnnouncement(runs.store.current!));
  $('[data-status]', runs.panel)?.focus();
}
