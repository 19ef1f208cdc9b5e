/**
 * The journal log of a shift run (JournalLog.astro): add, edit and remove entries while
 * the run is open, export the filled journal (PDF) and the run (JSON), import a run.
 * Loaded by journal-loader.ts when the log is first opened, on the pages of the roles that
 * keep the journal; pdf-lib and the fonts only when a PDF is asked for. State rules live in
 * src/lib/checklist (entries.ts, run-file.ts) and src/lib/journal/run.ts, every sentence in
 * journal-wording.ts and import-wording.ts; the entries are drawn from the form's
 * <template>. This class reads the form and draws (docs/DESIGN.md, «Islands»).
 */
import type { ShiftRuns } from './checklist.ts';
import { $ } from './dom.ts';
import { journalBodyHtml } from '../lib/checklist/journal-form.ts';
import stylesUrl from '../styles/journal-log.css?url';
import { ChecklistError, runLabel } from '../lib/checklist/state.ts';
import { LIMITS } from '../lib/checklist/schema.ts';
import { newId } from '../lib/checklist/runs.ts';
import { deviceTimeZone, entryTime, runNow, wallTimeIn } from '../lib/checklist/time.ts';
import { entryKey } from '../lib/checklist/merge.ts';
import { reloadNotice } from './saved.ts';
import { notSaved } from '../lib/store/wording.ts';
import { checkLength } from './length-check.ts';
import {
  addEntry,
  byTime,
  EntryError,
  FIELD_LABELS,
  inputOf,
  KINDS,
  removeEntry,
  updateEntry,
  type EntryInput,
} from '../lib/checklist/entries.ts';
import {
  describeIssueVi,
  importRun,
  MAX_FILE_CHARS,
  parseRunFile,
  runFile,
  runFileName,
  serialiseRunFile,
} from '../lib/checklist/run-file.ts';
import type { JournalEntry, Run } from '../lib/checklist/schema.ts';
import type { JournalForm } from '../lib/content/forms-schema.ts';
import { dayFileName, formatSize } from '../lib/journal/blank.ts';
import { JournalOptionError, JournalRowError } from '../lib/journal/options.ts';
import type { JournalFonts } from '../lib/journal/pdf.ts';
import { journalOfRun, type ChecklistItemText, type JournalLine } from '../lib/journal/run.ts';
import { squashSpace } from '../lib/vi.ts';
import * as importWords from '../lib/checklist/import-wording.ts';
import * as words from '../lib/checklist/journal-wording.ts';
import * as matterWords from '../lib/checklist/matter-wording.ts';
import {
  closeMatter,
  mattersToReceive,
  previousRun,
  receiveMatters,
  reopenMatter,
} from '../lib/checklist/matters.ts';
import { readingAnchor } from '../lib/booklet/parts.ts';
import { withinRun } from '../lib/checklist/shift-window.ts';
import { routes, withBase } from '../lib/site/routes.ts';
import regularUrl from '../lib/journal/fonts/Tinos-Regular.ttf?url';
import boldUrl from '../lib/journal/fonts/Tinos-Bold.ttf?url';

type PdfModule = typeof import('../lib/journal/pdf.ts');

const get = async (href: string): Promise<Response> => {
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href}: ${response.status}`);
  return response;
};

/** The fonts and the form's layout (/bieu-mau/mau-nhat-ky.json): fetched for the first PDF, then kept. */
let assets: Promise<{ fonts: JournalFonts; spec: JournalForm }> | undefined;
const loadAssets = (specUrl: string) => {
  const bytes = async (href: string) => new Uint8Array(await (await get(href)).arrayBuffer());
  assets ??= Promise.all([
    bytes(regularUrl),
    bytes(boldUrl),
    get(specUrl).then((r) => r.json() as Promise<JournalForm>),
  ]).then(([regular, bold, spec]) => ({ fonts: { regular, bold }, spec }));
  return assets;
};

/** The checklist items as the page shows them, in its order: what ticked items become. */
const checklistItems = (): ChecklistItemText[] =>
  [...document.querySelectorAll<HTMLElement>('[data-checklist] [data-item]')].map((li) => {
    const approval = $(`label[for="duyet-${li.dataset.item}"]`, li);
    return {
      id: li.dataset.item ?? '',
      action: squashSpace($('.duty-action', li)?.textContent ?? ''),
      approval: approval ? squashSpace(approval.textContent ?? '') : undefined,
    };
  });

/**
 * The working part's styles, fetched with this code (journal-form.ts says why); the log is
 * drawn once they apply, or without them if they cannot be fetched: it works all the same.
 */
export function styled(): Promise<void> {
  return new Promise((done) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesUrl;
    link.onload = link.onerror = () => done();
    document.head.append(link);
  });
}

/** The parts of an entry shown under its content, when filled. */
const PARTS = ['direction', 'informed', 'result'] as const;

export class JournalLog {
  readonly section: HTMLElement;
  readonly runs: ShiftRuns;
  readonly specUrl: string;
  readonly roleNames: Record<string, string>;
  readonly form: HTMLFormElement;
  readonly list: HTMLElement;
  readonly state: HTMLElement;
  readonly legend: HTMLElement;
  readonly error: HTMLElement;
  readonly submit: HTMLButtonElement;
  readonly cancel: HTMLButtonElement;
  readonly exportBox: HTMLElement;
  readonly result: HTMLElement;
  readonly announcer: HTMLElement;
  readonly pdfButton: HTMLButtonElement;
  readonly jsonButton: HTMLButtonElement;
  readonly ticked: HTMLInputElement;
  readonly importer: HTMLInputElement;
  readonly handover: HTMLElement;
  readonly handoverFile: HTMLInputElement;
  readonly handoverResult: HTMLElement;
  /** A run file read for its matters («Nhận bàn giao từ tệp»), until they are received. */
  fileOffer: Run | null = null;
  /** The form closing a matter, while one is open: kept across redraws of the list. */
  closing: { entryId: string; form: HTMLFormElement } | null = null;
  /** Where what is typed in the form is kept, so that it outlives a reload (e.g. after a new version). */
  readonly draftKey: string;
  /** The entry being edited, if any. */
  editing: string | null = null;
  /** Whether the date or time of a new entry was typed (else they follow the clock). */
  timeTyped = false;
  /** The object URL of the last file offered. */
  download: string | null = null;

  constructor(section: HTMLElement, runs: ShiftRuns) {
    const find = <T extends HTMLElement = HTMLElement>(selector: string) =>
      $<T>(selector, section)!;
    // The working part is written here, not in the page: it needs this code anyway.
    const reading = section.dataset.followReading;
    $('[data-journal-body]', section)?.insertAdjacentHTML(
      'afterbegin',
      journalBodyHtml(
        reading
          ? withBase(import.meta.env.BASE_URL, `${routes.booklet()}#${readingAnchor(reading)}`)
          : '',
      ),
    );
    this.section = section;
    this.runs = runs;
    this.specUrl = section.dataset.journalSpec ?? '';
    this.roleNames = JSON.parse(section.dataset.roleNames ?? '{}') as Record<string, string>;
    this.form = find<HTMLFormElement>('[data-journal-form]');
    this.list = find('[data-journal-list]');
    this.state = find('[data-journal-state]');
    this.legend = find('[data-journal-legend]');
    this.error = find('[data-journal-error]');
    this.submit = find<HTMLButtonElement>('[data-journal-submit]');
    this.cancel = find<HTMLButtonElement>('[data-journal-cancel]');
    this.exportBox = find('[data-journal-export]');
    this.result = find('[data-journal-result]');
    this.announcer = find('[data-journal-announce]');
    this.pdfButton = find<HTMLButtonElement>('[data-journal-pdf]');
    this.jsonButton = find<HTMLButtonElement>('[data-journal-json]');
    this.ticked = find<HTMLInputElement>('[data-journal-ticked]');
    this.importer = find<HTMLInputElement>('[data-journal-import]');
    this.handover = find('[data-journal-handover]');
    this.handoverFile = find<HTMLInputElement>('[data-handover-file]');
    this.handoverResult = find('[data-handover-result]');
    this.draftKey = `so-tay-truc-ban:nhat-ky-nhap:${runs.role}`;
  }

  /** Wires the log, restores a draft and draws it; the loading line goes. */
  start(): void {
    this.listen();
    this.runs.onRender(() => this.render());
    this.stopEditing();
    this.restoreDraft();
    this.render();
    $('[data-journal-loading]', this.section)?.remove();
  }

  listen(): void {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.onSubmit();
    });
    this.form.addEventListener('input', (event) => this.onInput(event));
    this.form.addEventListener('focusin', () => this.onFocus());
    this.cancel.addEventListener('click', () => this.onCancel());
    this.list.addEventListener('click', (event) => this.onListClick(event));
    this.pdfButton.addEventListener('click', () => void this.onPdf());
    this.jsonButton.addEventListener('click', () => this.onJson());
    this.importer.addEventListener('change', () => void this.onImport());
    this.handoverFile.addEventListener('change', () => void this.onHandoverFile());
    this.handover.addEventListener('click', (event) => this.onReceive(event));
  }

  // ── the form ───────────────────────────────────────────────────────────

  field(name: string): HTMLInputElement | HTMLTextAreaElement | RadioNodeList | null {
    return this.form.elements.namedItem(name) as
      HTMLInputElement | HTMLTextAreaElement | RadioNodeList | null;
  }

  setValue(name: string, value: string | boolean): void {
    const element = this.field(name);
    if (element instanceof HTMLInputElement && element.type === 'checkbox')
      element.checked = value === true || value === 'on';
    else if (element) element.value = String(value);
  }

  /** A new entry is dated in the run's zone, whatever this device's is. */
  setNow(): void {
    const run = this.runs.view().run;
    const now = new Date();
    const [date, time] = (run ? runNow(run, now) : wallTimeIn(now, deviceTimeZone())).split('T');
    this.setValue('date', date ?? '');
    this.setValue('time', time ?? '');
  }

  clearError(): void {
    this.error.hidden = true;
    this.error.textContent = '';
    for (const element of this.form.querySelectorAll('[aria-invalid]'))
      element.removeAttribute('aria-invalid');
  }

  /** Back to a new entry: the form emptied and dated now. */
  stopEditing(): void {
    this.editing = null;
    this.showTitles(null);
    this.cancel.hidden = true;
    this.form.reset();
    this.setNow();
    this.timeTyped = false;
    this.clearError();
  }

  showTitles(editingTime: string | null): void {
    const titles = words.formTitles(editingTime);
    this.legend.textContent = titles.legend;
    this.submit.textContent = titles.submit;
  }

  /** Puts a refused entry's message under the form and focuses the field it names. */
  fail(caught: unknown): void {
    if (!(caught instanceof ChecklistError)) throw caught;
    this.error.textContent = caught.message;
    this.error.hidden = false;
    const name = caught instanceof EntryError ? caught.field : 'content';
    const target = this.form.querySelector<HTMLElement>(`[name="${name}"]`);
    target?.setAttribute('aria-invalid', 'true');
    target?.focus();
  }

  announce(message: string): void {
    this.announcer.textContent = message;
  }

  /** The line under the export buttons: what was made, or why not. */
  say(message: string, isError = false): void {
    this.result.replaceChildren(message);
    this.result.classList.toggle('run-error', isError);
  }

  /** Focuses the edit button of an entry (after its edit ends), else the content field. */
  focusAfter(edited: string | null): void {
    if (edited) document.querySelector<HTMLElement>(`[data-edit="${edited}"]`)?.focus();
    else this.form.querySelector<HTMLElement>('[name="content"]')?.focus();
  }

  // ── drawing ────────────────────────────────────────────────────────────

  /** A copy of the entry template's content. */
  template(): DocumentFragment {
    const template = $<HTMLTemplateElement>('template[data-journal-entry]', this.section)!;
    return template.content.cloneNode(true) as DocumentFragment;
  }

  /** One entry: time and kind, content, the parts that were filled, and (while live) its buttons. */
  renderEntry(entry: JournalEntry, run: Run, live: boolean): Element {
    const view = this.template();
    const head = $('.entry-head', view)!;
    head.id = `nk-muc-${entry.id}`;
    $('strong', head)!.textContent = entryTime(entry.at, run.date);
    head.append(` · ${KINDS[entry.kind].label}`);
    $('.entry-content', view)!.textContent = entry.content;
    // The template's one term and value are copied for each part filled, then dropped.
    const parts = $('dl', view)!;
    const [term, value] = [...parts.children];
    for (const name of PARTS.filter((part) => entry[part])) {
      const pair = [term!.cloneNode(), value!.cloneNode()];
      pair[0]!.textContent = FIELD_LABELS[name];
      pair[1]!.textContent = entry[name] ?? '';
      parts.append(...pair);
    }
    term!.remove();
    value!.remove();
    if (parts.childElementCount === 0) parts.remove();
    this.renderMatter(view, entry, run, live, head.id);
    const buttons = $('.entry-head ~ .run-actions', view)!;
    if (!live) buttons.remove();
    for (const button of buttons.querySelectorAll('button')) {
      button.setAttribute(button.hasAttribute('data-edit') ? 'data-edit' : 'data-remove', entry.id);
      button.setAttribute('aria-describedby', head.id);
    }
    return view.firstElementChild!;
  }

  /** A matter followed: since when (or its closing), and the button that closes it or takes the closing back. */
  renderMatter(
    view: DocumentFragment,
    entry: JournalEntry,
    run: Run,
    live: boolean,
    headId: string,
  ): void {
    const line = $('[data-matter-line]', view)!;
    if (!entry.followUp) return line.remove();
    line.hidden = false;
    const closed = entry.closedAt !== undefined;
    $('span', line)!.textContent = closed
      ? matterWords.closedMatterLine(entry, run)
      : matterWords.openMatterLine(entry, run);
    const button = $<HTMLButtonElement>('button', line)!;
    if (!live) return button.remove();
    button.textContent = closed ? matterWords.reopenButton : matterWords.closeButton;
    button.setAttribute(closed ? 'data-reopen-matter' : 'data-close-matter', entry.id);
    button.setAttribute('aria-describedby', headId);
  }

  render(): void {
    const { run, live } = this.runs.view();
    const entries = byTime(run?.journal ?? []);
    this.list.replaceChildren(
      ...(run ? entries.map((entry) => this.renderEntry(entry, run, live)) : []),
    );
    this.placeClosing(run, live);
    this.renderHandover(run, live);
    this.list.hidden = entries.length === 0;
    this.state.textContent = words.journalStateText(run, live);
    if (this.editing && (!live || !run?.journal.some((entry) => entry.id === this.editing))) {
      if (live) {
        // Removed in another tab: the text being edited stays in the form, now a new entry.
        this.editing = null;
        this.showTitles(null);
        this.cancel.hidden = true;
        this.saveDraft();
        this.say(words.editedEntryGone, true);
      } else this.stopEditing();
    }
    this.form.hidden = !live;
    // A new entry's date and time follow the clock until typed: a log opened in the night shows
    // the morning's run dated now, not at the hour the log was first opened.
    if (live && !this.editing && !this.timeTyped) this.setNow();
    this.exportBox.hidden = false;
    this.pdfButton.hidden = this.jsonButton.hidden = !run;
    this.ticked.parentElement!.hidden = !run;
  }

  // ── entries ────────────────────────────────────────────────────────────

  onSubmit(): void {
    this.clearError();
    const data = new FormData(this.form);
    const text = (name: string) => String(data.get(name) ?? '');
    const input: EntryInput = {
      date: text('date'),
      time: text('time'),
      kind: text('kind'),
      content: text('content'),
      direction: text('direction'),
      informed: text('informed'),
      result: text('result'),
      followUp: data.get('followUp') !== null,
    };
    const edited = this.editing;
    const id = edited ?? newId();
    const now = new Date();
    try {
      const next = edited
        ? updateEntry(this.runs.store, edited, input, now)
        : addEntry(this.runs.store, input, id, now);
      if (!this.runs.commit(next, [entryKey(next.current?.id ?? '', id)])) return;
    } catch (caught) {
      this.fail(caught);
      return;
    }
    // Not stored (storage full or blocked): said here, where it was typed; the draft stays.
    const saved = this.runs.saved.last;
    const stored = saved === 'saved' || saved === 'unchanged';
    if (stored) this.dropDraft();
    const run = this.runs.view().run;
    const entry = run?.journal.find((e) => e.id === id);
    this.announce(
      words.savedAnnouncement(edited !== null, entry ? words.entryHeadline(entry, run!.date) : ''),
    );
    this.stopEditing();
    if (!stored) this.say(notSaved(saved), true);
    this.focusAfter(edited);
  }

  /** A new entry is dated when it is written: the time follows the clock until it is typed. */
  onInput(event: Event): void {
    checkLength(event.target);
    const name = (event.target as HTMLInputElement).name;
    if (name === 'date' || name === 'time') this.timeTyped = true;
    this.saveDraft();
  }

  onFocus(): void {
    if (!this.editing && !this.timeTyped) this.setNow();
  }

  onCancel(): void {
    const edited = this.editing;
    this.stopEditing();
    if (edited) this.focusAfter(edited);
  }

  onListClick(event: Event): void {
    const button = (event.target as Element).closest<HTMLButtonElement>('button');
    const run = this.runs.view().run;
    if (!button || !run) return;
    const { edit, remove, closeMatter: close, reopenMatter: reopen } = button.dataset;
    const entry = run.journal.find((e) => e.id === (edit ?? remove ?? close ?? reopen));
    if (!entry) return;
    if (edit) this.onEdit(entry, run);
    else if (remove) this.onRemove(entry, run);
    else if (close) this.onCloseMatter(entry, run);
    else if (reopen) this.onReopenMatter(entry, run);
  }

  // ── matters followed ───────────────────────────────────────────────────

  /** Opens the form that closes a matter, under its entry, dated now in the run's zone. */
  onCloseMatter(entry: JournalEntry, run: Run): void {
    const time = entryTime(entry.at, run.date);
    const form = document.createElement('form');
    form.className = 'journal-close';
    form.noValidate = true;
    const [date, clock] = runNow(run, new Date()).split('T');
    form.innerHTML =
      `<h4 tabindex="-1"></h4><p class="hint" id="nk-kt-goi-y-dong">${matterWords.closeHint}</p>` +
      `<div class="journal-when">` +
      `<p class="field"><label for="nk-kt-ngay">${matterWords.closeDate}</label><input type="date" id="nk-kt-ngay" name="date" required aria-describedby="nk-kt-goi-y-dong nk-kt-loi"></p>` +
      `<p class="field"><label for="nk-kt-gio">${matterWords.closeTime}</label><input type="time" id="nk-kt-gio" name="time" required aria-describedby="nk-kt-goi-y-dong nk-kt-loi"></p></div>` +
      `<p class="field"><label for="nk-kt-ket-qua">${FIELD_LABELS.outcome}</label><span class="hint" id="nk-kt-goi-y">Tối đa ${LIMITS.outcome} ký tự.</span>` +
      `<textarea id="nk-kt-ket-qua" name="outcome" rows="2" required data-max="${LIMITS.outcome}" aria-describedby="nk-kt-goi-y nk-kt-loi"></textarea></p>` +
      `<p class="run-error" id="nk-kt-loi" hidden></p>` +
      `<p class="run-actions"><button type="submit"></button><button type="button" data-close-cancel>Hủy</button></p>`;
    $('h4', form)!.textContent = matterWords.closeLegend(time);
    $('[type="submit"]', form)!.textContent = matterWords.closeSubmit;
    (form.elements.namedItem('date') as HTMLInputElement).value = date ?? '';
    (form.elements.namedItem('time') as HTMLInputElement).value = clock ?? '';
    form.addEventListener('input', (event) => checkLength(event.target));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.onCloseSubmit(entry.id, time, form);
    });
    $('[data-close-cancel]', form)!.addEventListener('click', () => {
      this.closing = null;
      form.remove();
      document.querySelector<HTMLElement>(`[data-close-matter="${entry.id}"]`)?.focus();
    });
    this.closing?.form.remove();
    this.closing = { entryId: entry.id, form };
    this.placeClosing(run, true);
    $<HTMLElement>('h4', form)!.focus();
  }

  /** Puts the closing form back under its entry after a redraw; drops it once the matter is closed or gone. */
  placeClosing(run: Run | null, live: boolean): void {
    if (!this.closing) return;
    const entry = run?.journal.find((candidate) => candidate.id === this.closing?.entryId);
    const item = document.getElementById(`nk-muc-${this.closing.entryId}`)?.parentElement;
    if (!live || !entry || entry.closedAt !== undefined || !item) {
      this.closing.form.remove();
      this.closing = null;
      return;
    }
    item.append(this.closing.form);
  }

  onCloseSubmit(entryId: string, time: string, form: HTMLFormElement): void {
    const data = new FormData(form);
    const error = $('.run-error', form)!;
    const input = {
      date: String(data.get('date') ?? ''),
      time: String(data.get('time') ?? ''),
      outcome: String(data.get('outcome') ?? ''),
    };
    try {
      const next = closeMatter(this.runs.store, entryId, input, new Date());
      // Tracked as an edit: if another tab changes the entry at once, both are shown (merge.ts).
      if (!this.runs.commit(next, [entryKey(next.current?.id ?? '', entryId)])) return;
    } catch (caught) {
      if (!(caught instanceof ChecklistError)) throw caught;
      error.textContent = caught.message;
      error.hidden = false;
      const field = caught instanceof EntryError ? caught.field : 'outcome';
      form.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
      return;
    }
    const saved = this.runs.saved.last;
    if (saved !== 'saved' && saved !== 'unchanged') this.say(notSaved(saved), true);
    this.announce(matterWords.closedAnnouncement(time));
    document.querySelector<HTMLElement>(`[data-reopen-matter="${entryId}"]`)?.focus();
  }

  onReopenMatter(entry: JournalEntry, run: Run): void {
    const time = entryTime(entry.at, run.date);
    try {
      const next = reopenMatter(this.runs.store, entry.id, new Date());
      if (!this.runs.commit(next, [entryKey(next.current?.id ?? '', entry.id)])) return;
    } catch (caught) {
      if (!(caught instanceof ChecklistError)) throw caught;
      this.say(caught.message, true);
      return;
    }
    this.announce(matterWords.reopenedAnnouncement(time));
    document.querySelector<HTMLElement>(`[data-close-matter="${entry.id}"]`)?.focus();
  }

  // ── receiving the handover ─────────────────────────────────────────────

  /** The run whose matters are offered: a file read for them, else this device's previous run. */
  handoverSource(): { from: Run; fromFile: boolean } | null {
    if (this.fileOffer) return { from: this.fileOffer, fromFile: true };
    const from = previousRun(this.runs.store);
    return from ? { from, fromFile: false } : null;
  }

  /** The offer: each matter with a box (all ticked) and one button that receives those ticked. */
  renderHandover(run: Run | null, live: boolean): void {
    const box = $('[data-handover-offer]', this.handover)!;
    const source = live ? this.handoverSource() : null;
    const matters = source ? mattersToReceive(this.runs.store, source.from) : [];
    if (source?.fromFile && matters.length === 0) this.fileOffer = null;
    // Shown only while something is offered; the file's picker only while a run is open.
    this.handover.hidden = matters.length === 0;
    this.handoverFile.parentElement!.hidden = !live;
    const shown = box.dataset.shown ?? '';
    const key = source ? `${source.from.id}:${matters.map((entry) => entry.id).join(',')}` : '';
    // Redrawn only when what is offered changes, so that boxes a person unticked stay so.
    if (shown === key) return;
    box.dataset.shown = key;
    box.replaceChildren();
    if (!source || !run || matters.length === 0) return;
    const lead = document.createElement('p');
    lead.textContent = matterWords.receiveOffer(matters.length, source.from);
    const list = document.createElement('ul');
    list.className = 'handover-list';
    for (const entry of matters) {
      const item = document.createElement('li');
      const check = document.createElement('input');
      check.type = 'checkbox';
      check.checked = true;
      check.id = `nk-nhan-${entry.id}`;
      check.value = entry.id;
      const label = document.createElement('label');
      label.htmlFor = check.id;
      label.textContent = matterWords.matterSummary(entry, source.from, run);
      item.append(check, label);
      list.append(item);
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'primary';
    button.dataset.receive = '';
    button.textContent = matterWords.receiveButton(matters.length);
    list.addEventListener('change', () => {
      const count = list.querySelectorAll('input:checked').length;
      button.textContent = matterWords.receiveButton(count);
      button.disabled = count === 0;
    });
    box.append(lead, list, button);
  }

  onReceive(event: Event): void {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-receive]');
    const source = this.handoverSource();
    if (!button || !source) return;
    const ids = [
      ...this.handover.querySelectorAll<HTMLInputElement>('.handover-list input:checked'),
    ].map((check) => check.value);
    let next;
    try {
      next = receiveMatters(this.runs.store, source.from, ids, new Date());
    } catch (caught) {
      if (!(caught instanceof ChecklistError)) throw caught;
      this.handoverResult.textContent = caught.message;
      this.handoverResult.classList.add('run-error');
      return;
    }
    // What was added, not what was ticked: another tab may have received some already.
    const added =
      (next.current?.journal.length ?? 0) - (this.runs.store.current?.journal.length ?? 0);
    if (!this.runs.commit(next)) return;
    const saved = this.runs.saved.last;
    this.handoverResult.classList.toggle('run-error', saved !== 'saved' && saved !== 'unchanged');
    this.handoverResult.textContent =
      saved !== 'saved' && saved !== 'unchanged'
        ? notSaved(saved)
        : added > 0
          ? matterWords.receivedAnnouncement(added)
          : matterWords.nothingReceived;
    this.state.focus();
  }

  /** A run file read for its matters only: the run itself is not added to this device. */
  async onHandoverFile(): Promise<void> {
    const file = this.handoverFile.files?.[0];
    if (!file) return;
    this.handoverFile.value = '';
    this.handoverResult.classList.remove('run-error');
    const checked = await this.readImport(file);
    if (typeof checked === 'string') {
      this.handoverResult.textContent = importWords.importRefused(file.name, checked);
      this.handoverResult.classList.add('run-error');
      return;
    }
    if (mattersToReceive(this.runs.store, checked).length === 0) {
      this.fileOffer = null;
      this.handoverResult.textContent = matterWords.nothingToReceive(runLabel(checked));
    } else {
      this.fileOffer = checked;
      this.handoverResult.textContent = '';
    }
    this.render();
    $<HTMLElement>('#nk-ban-giao', this.handover)?.focus();
  }

  onEdit(entry: JournalEntry, run: Run): void {
    this.editing = entry.id;
    this.clearError();
    for (const [name, value] of Object.entries(inputOf(entry))) this.setValue(name, value);
    this.showTitles(entryTime(entry.at, run.date));
    this.cancel.hidden = false;
    this.legend.focus();
  }

  onRemove(entry: JournalEntry, run: Run): void {
    const time = entryTime(entry.at, run.date);
    if (!window.confirm(words.removeQuestion(time, entry.content))) return;
    try {
      this.runs.commit(removeEntry(this.runs.store, entry.id, new Date()));
    } catch (caught) {
      if (!(caught instanceof ChecklistError)) throw caught;
      this.say(caught.message, true);
      return;
    }
    this.announce(words.removedAnnouncement(time));
    this.state.focus();
  }

  // ── the draft ──────────────────────────────────────────────────────────

  /** sessionStorage, or null where site data is blocked (its getter then throws). */
  drafts(): Storage | null {
    try {
      return sessionStorage;
    } catch {
      return null;
    }
  }

  saveDraft(): void {
    if (this.editing) return;
    const data = Object.fromEntries(
      [...new FormData(this.form)].map(([name, value]) => [name, String(value)]),
    );
    try {
      this.drafts()?.setItem(this.draftKey, JSON.stringify(data));
    } catch {
      // Storage full: the draft is only on screen.
    }
  }

  dropDraft(): void {
    try {
      this.drafts()?.removeItem(this.draftKey);
    } catch {
      // Nothing to drop where storage is blocked.
    }
  }

  /** The draft of an earlier visit, if any; a draft that cannot be read is dropped, never fatal. */
  restoreDraft(): void {
    let draft: Record<string, string> | null = null;
    try {
      draft = JSON.parse(this.drafts()?.getItem(this.draftKey) ?? 'null') as Record<
        string,
        string
      > | null;
    } catch {
      this.dropDraft();
    }
    if (!draft || typeof draft !== 'object') return;
    for (const [name, value] of Object.entries(draft))
      if (name !== 'kind' && typeof value === 'string') this.setValue(name, value);
    const kind = this.form.querySelector<HTMLInputElement>(
      `[name="kind"][value="${CSS.escape(String(draft.kind ?? ''))}"]`,
    );
    if (kind) kind.checked = true;
    // A draft of an earlier run (the night's, in the morning) keeps its text, dated now.
    const run = this.runs.view().run;
    const at = `${String(draft.date ?? '')}T${String(draft.time ?? '')}`;
    this.timeTyped = !run || withinRun(run, at);
    if (!this.timeTyped) this.setNow();
  }

  // ── exports and import ─────────────────────────────────────────────────

  /** Offers a file: starts the download and leaves a link to download it again. */
  offer(bytes: BlobPart, type: string, name: string, message: string): void {
    if (this.download) URL.revokeObjectURL(this.download);
    this.download = URL.createObjectURL(new Blob([bytes], { type }));
    const link = document.createElement('a');
    link.href = this.download;
    link.download = name;
    link.textContent = words.downloadAgain(name);
    this.say(message);
    this.result.append(' ', link);
    link.click();
  }

  async onPdf(): Promise<void> {
    const { run } = this.runs.view();
    if (!run) return;
    this.say(words.pdfInProgress);
    this.pdfButton.disabled = true;
    try {
      const pdf = await this.pdfModule();
      if (pdf) await this.writePdf(run, pdf);
    } finally {
      this.pdfButton.disabled = false;
    }
  }

  /** The PDF writer, or null (and a notice) when a tab left open across a new version cannot fetch it. */
  async pdfModule(): Promise<PdfModule | null> {
    try {
      return await import('../lib/journal/pdf.ts');
    } catch {
      this.result.replaceChildren(reloadNotice(words.pdfCodeGone));
      return null;
    }
  }

  async writePdf(run: Run, { buildJournal, journalSize }: PdfModule): Promise<void> {
    const made: { spec?: JournalForm; lines: JournalLine[] } = { lines: [] };
    try {
      const { fonts, spec } = await loadAssets(this.specUrl);
      made.spec = spec;
      const ticked = this.ticked.checked ? checklistItems() : undefined;
      const journal = journalOfRun(spec, run, { ticked });
      made.lines = journal.lines;
      const bytes = await buildJournal(spec, journal.options, fonts);
      // Rows as placed, not entries: a long text goes on in the rows below it.
      const { rows, pages } = journalSize(spec, journal.options, fonts);
      const message = words.pdfMade(run.date, rows, pages, formatSize(bytes.length));
      this.offer(bytes as BlobPart, 'application/pdf', dayFileName(run.date), message);
    } catch (caught) {
      this.pdfRefused(caught, run, made);
    }
  }

  /** Says why the journal could not be made: the row and cell, the officer's name, or a failure (thrown on). */
  pdfRefused(
    caught: unknown,
    run: Run,
    { spec, lines }: { spec?: JournalForm; lines: JournalLine[] },
  ) {
    if (caught instanceof JournalRowError && spec) {
      const part = spec.table.columns.find((column) => column.id === caught.column)?.fills;
      const label = words.partLabel(part, caught.column);
      const line = lines[caught.row];
      this.say(
        words.rowProblem(caught.row, line, run.date, label, words.rowCause(caught.message)),
        true,
      );
    } else if (caught instanceof JournalOptionError) {
      // Too many rows for one file is said as such, not blamed on the officer's name.
      this.say(caught.option === 'rows' ? words.pdfTooLong : words.pdfOptionRefused, true);
    } else {
      this.say(words.pdfFailed, true);
      throw caught;
    }
  }

  onJson(): void {
    const { run } = this.runs.view();
    if (!run) return;
    const text = serialiseRunFile(runFile(run, new Date()));
    this.offer(text, 'application/json', runFileName(run), words.runExported(run));
  }

  async onImport(): Promise<void> {
    const file = this.importer.files?.[0];
    if (!file) return;
    this.importer.value = '';
    const checked = await this.readImport(file);
    if (typeof checked === 'string') this.say(importWords.importRefused(file.name, checked), true);
    else this.applyImport(file.name, checked);
  }

  /** The run in a file, or why it cannot be imported here. */
  async readImport(file: File): Promise<Run | string> {
    if (file.size > MAX_FILE_CHARS) return importWords.importTooLarge;
    const parsed = parseRunFile(await file.text(), new Date());
    if (!parsed.ok) return describeIssueVi(parsed.issue);
    const { run } = parsed.file;
    if (run.role !== this.runs.role)
      return importWords.otherRoleReason(this.roleNames[run.role] ?? run.role);
    return run;
  }

  /** Adds the run to this device's, asking first when the oldest would be pushed out. */
  applyImport(fileName: string, run: Run): void {
    let imported;
    try {
      imported = importRun(this.runs.store, run, newId());
    } catch (caught) {
      if (!(caught instanceof ChecklistError)) throw caught;
      this.say(importWords.importRefused(fileName, caught.message), true);
      return;
    }
    if (
      imported.dropped &&
      !window.confirm(importWords.dropQuestion(imported.run, imported.dropped))
    )
      return this.say(importWords.importDeclined(imported.run));
    if (imported.outcome !== 'same') this.runs.commit(imported.store);
    this.say(importWords.importOutcome(imported, run.id));
  }
}
