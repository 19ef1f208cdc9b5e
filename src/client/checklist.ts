/**
 * Shift runs on a role page: the custom element <shift-checklist> enhances the plain
 * checklist built by [role].astro. State rules live in src/lib/checklist (pure), and so does
 * every sentence the page shows (wording.ts); this file reads the page, stores runs in
 * localStorage, follows other tabs and draws. Loaded only on role pages. The journal log
 * waits for it with customElements.whenDefined and then `ready` (docs/DESIGN.md, «Islands»).
 *
 * Two tabs: every change is stamped (state.ts); when another tab writes, its runs are
 * merged with this tab's field by field (merge.ts, loaded only then) and the result is
 * written back, so neither tab's change is lost; where both changed the same note or
 * journal entry, the one kept and this tab's are both shown.
 */
import { notify as notifyIn, SavedWork } from './saved.ts';
import type { Backend } from '../lib/store/kept.ts';
import { $, $$, routeClick, show } from './dom.ts';
import { storageKey, type Run, type Store } from '../lib/checklist/schema.ts';
import {
  ChecklistError,
  emptyStore,
  findRun,
  itemOf,
  progress,
  serialise,
  setApproved,
  setDone,
} from '../lib/checklist/state.ts';
import { deviceTimeZone, localDate } from '../lib/checklist/time.ts';
import {
  approvalAnnouncement,
  approvedAtText,
  doneAtText,
  historyLinkText,
  noteRefused,
  shiftCodeGone,
  statusText,
  tickAnnouncement,
} from '../lib/checklist/wording.ts';
import type { PrintMode } from './shift-actions.ts';

/** This tab's own copy of what it wrote (kept.ts tabCopy): sessionStorage outlives a reload. */
const sessionBackend: Backend = {
  get: (key) => sessionStorage.getItem(key),
  set: (key, value) => sessionStorage.setItem(key, value),
  keys: () => Object.keys(sessionStorage),
};

/** What a shift needs now and then (printing, the end-of-shift review, the officer's name, conflicts): loaded on first use. */
const actions = () => import('./shift-actions.ts');
type Actions = Awaited<ReturnType<typeof actions>>;

/** Reads saved runs: validation, migrations and the recovery of damaged state (load.ts). */
const storeReader = () => import('../lib/checklist/load.ts');
type Reader = Awaited<ReturnType<typeof storeReader>>;
type Merger = typeof import('../lib/checklist/merge.ts');
/**
 * What a run needs once it is shown (run-shown.ts): the notes' check against the journal's font,
 * whose character list it brings, and the «không phát sinh trong ca» marks.
 */
type Printable = typeof import('./run-shown.ts');
let printable: Promise<Printable> | undefined;
let journalLoader: Promise<unknown> | undefined;

export interface ItemView {
  id: string;
  action: string;
  tick: HTMLInputElement | null;
  approve: HTMLInputElement | null;
  approvedAt: HTMLElement | null;
  note: HTMLInputElement | null;
  noteError: HTMLElement | null;
  doneAt: HTMLElement | null;
  run: HTMLElement | null;
}

export class ShiftRuns {
  readonly role: string;
  readonly key: string;
  readonly root: HTMLElement;
  readonly panel: HTMLElement;
  readonly history: HTMLElement;
  readonly items: ItemView[];
  readonly ids: string[];
  readonly moments: {
    element: HTMLElement;
    name: string;
    ids: string[];
    out: HTMLElement | null;
  }[];
  reader: Reader | undefined;
  merger: Merger | undefined;
  /** The runs as stored (src/lib/store/kept.ts), with the notices of what happened to them. */
  readonly saved: SavedWork<Store>;
  store: Store;
  /** The ended run being looked at (read-only), if any. */
  viewing: string | null = null;
  /** merge.ts keys of what this tab changed that the other tabs may not have seen yet. */
  edited = new Set<string>();
  readonly listeners: (() => void)[] = [];

  constructor(root: HTMLElement, panel: HTMLElement, history: HTMLElement) {
    this.root = root;
    this.panel = panel;
    this.history = history;
    this.role = root.dataset.checklist ?? '';
    this.key = storageKey(this.role);
    this.items = $$('[data-item]', root).map((li) => ({
      id: li.dataset.item ?? '',
      action: $('.duty-action', li)?.textContent?.trim() ?? '',
      tick: $<HTMLInputElement>('.tick', li),
      approve: $<HTMLInputElement>('[data-approve]', li),
      approvedAt: $('[data-approved-at]', li),
      note: $<HTMLInputElement>('[data-note]', li),
      noteError: $('[data-note-error]', li),
      doneAt: $('[data-done-at]', li),
      run: $('[data-run]', li),
    }));
    this.ids = this.items.map((item) => item.id);
    this.moments = $$('[data-moment]', root).map((element) => ({
      element,
      name: $('h2', element)?.textContent?.trim() ?? '',
      ids: $$('[data-item]', element).map((li) => li.dataset.item ?? ''),
      out: $('[data-progress]', element),
    }));
    this.saved = new SavedWork<Store>(
      {
        key: this.key,
        empty: () => emptyStore(this.role),
        // Read only when something is stored: the reader is loaded then (start, listen).
        load: (raw) => this.reader!.loadKept(raw, this.role),
        serialise,
        merge: (mine, theirs) => this.merger!.mergeStores(mine, theirs),
        // Checked on what a merge gives (the changes this page makes keep it by construction).
        valid: (store) => this.merger!.fits(store),
      },
      {
        box: () => $('[data-notices]', this.panel),
        file: `ca-truc-${this.role}.json`,
        asideFile: `ca-truc-${this.role}-ban-cat-rieng.json`,
        codeGone: shiftCodeGone,
      },
    );
    this.saved.tabCopy = sessionBackend;
    this.store = this.saved.state;
  }

  /** The edits this tab tracks outlive a reload with its own copy of the runs (sessionStorage). */
  keepEdits(): void {
    try {
      sessionStorage.setItem(`${this.key}:sua`, JSON.stringify([...this.edited]));
    } catch {
      // Storage blocked: the edits are tracked while the tab stays open.
    }
  }

  // ── storage ────────────────────────────────────────────────────────────

  notify(message: string): void {
    notifyIn($('[data-notices]', this.panel), message);
  }

  /** Runs what the actions module does; when its code is gone (a new version), offers a reload. */
  act(then: (act: Actions) => unknown): Promise<unknown> {
    return actions().then(then, () => this.saved.gone());
  }

  /** Applies a change, stores it and redraws; a refused change is shown, not thrown. */
  update(change: (store: Store) => Store, notes: readonly string[] = []): boolean {
    let next: Store;
    try {
      next = change(this.store);
    } catch (error) {
      if (!(error instanceof ChecklistError)) throw error;
      this.notify(error.message);
      return false;
    }
    return this.commit(
      next,
      notes.map((id) => `note:${next.current?.id}:${id}`),
    );
  }

  /** Stores a new state of the runs and redraws; `edited` are merge.ts keys of what this tab changed. */
  commit(store: Store, edited: readonly string[] = []): boolean {
    this.saved.save(store);
    this.store = store;
    for (const key of edited) this.edited.add(key);
    if (edited.length > 0) this.keepEdits();
    if (this.viewing && !findRun(this.store, this.viewing)) this.viewing = null;
    this.render();
    return true;
  }

  // ── drawing ────────────────────────────────────────────────────────────

  shown(): Run | null {
    return this.viewing ? (findRun(this.store, this.viewing) ?? null) : this.store.current;
  }

  announce(message: string): void {
    const announcer = $('[data-announce]', this.panel);
    if (announcer) announcer.textContent = message;
  }

  /** The last ended run, which can be opened again while no other run has started. */
  reopenable(): Run | undefined {
    return this.store.current ? undefined : this.store.history[0];
  }

  renderItems(run: Run | null, live: boolean): void {
    for (const item of this.items) {
      const state = itemOf(run, item.id);
      if (item.tick) {
        item.tick.checked = Boolean(state?.doneAt);
        item.tick.disabled = !live;
      }
      show(item.run, run !== null);
      if (item.doneAt && run) {
        item.doneAt.textContent = state?.doneAt ? doneAtText(run, state.doneAt) : '';
        show(item.doneAt, Boolean(state?.doneAt));
      }
      if (item.approve && run) {
        item.approve.checked = Boolean(state?.approvedAt);
        item.approve.disabled = !live;
        if (item.approvedAt)
          item.approvedAt.textContent = state?.approvedAt
            ? approvedAtText(run, state.approvedAt)
            : '';
      }
      // Every keystroke is stored, so a field differs from its note only when another tab changed
      // it or when this tab refused it (kept). A field being typed in keeps what is typed: the
      // next key stores it whole, never the other tab's text with this tab's keys mixed in; on
      // leaving it, it shows the kept text, and a notice shows the other (showReplaced).
      if (
        item.note &&
        item.note.getAttribute('aria-invalid') !== 'true' &&
        item.note !== document.activeElement
      ) {
        const typed = item.note.value.normalize('NFC');
        if ((typed.trim() === '' ? '' : typed) !== (state?.note ?? ''))
          item.note.value = state?.note ?? '';
      }
      if (item.note) item.note.readOnly = !live;
    }
  }

  /**
   * The counts show while a run is on screen; run-shown.ts (not-arising.ts), loaded with the
   * run, writes them after each redraw and puts the moment in progress first.
   */
  renderProgress(run: Run | null): void {
    for (const moment of this.moments) show(moment.out, run !== null);
    show($('[data-progress-sticky]', this.root), run !== null);
  }

  render(): void {
    const run = this.shown();
    const live = run !== null && this.viewing === null;
    this.renderItems(run, live);
    this.renderProgress(run);
    const status = $('[data-status]', this.panel);
    if (status) status.textContent = statusText(run, this.viewing !== null, deviceTimeZone());
    show($('[data-end]', this.panel), live);
    show($('[data-back]', this.panel), this.viewing !== null && this.store.current !== null);
    show(
      $('[data-reopen]', this.panel),
      this.reopenable() !== undefined &&
        (this.viewing === null || this.viewing === this.reopenable()?.id),
    );
    for (const button of $$('[data-print-mode="run"], [data-print-mode="handover"]', this.panel))
      show(button, run !== null);
    // During a shift the blank list is a Ctrl+P away; the row keeps to what the shift needs.
    show($('[data-print-mode="blank"]', this.panel), !live);
    const officer = $<HTMLDetailsElement>('[data-officer]', this.panel);
    show(officer, live);
    show($('[data-start-warning]', this.panel), this.store.current !== null);
    // Mid-shift the checklist comes first: the page's introduction waits below the history.
    this.panel.toggleAttribute('data-live', live);
    const intro = $('[data-role-intro]');
    if (intro) (live ? this.history : $('h1'))?.after(intro);
    const startBox = $<HTMLDetailsElement>('[data-start]', this.panel);
    if (startBox && !this.store.current && !this.viewing && !startBox.open) {
      startBox.open = true;
      this.fillStartForm();
    }
    const historyLink = $('[data-history-link]', this.panel);
    if (historyLink) historyLink.textContent = historyLinkText(this.store.history.length);
    show(historyLink, this.store.history.length > 0);
    // The history list is drawn by the actions module, loaded once there is a history.
    if (this.store.history.length > 0 || this.history.querySelector('[data-open-run]'))
      void this.act((act) => act.renderHistory(this));
    for (const listener of this.listeners) listener();
    if (run) void this.notes().then((code) => code?.wire(this));
    // A log opened before the page was wired is loaded now.
    if (run || $<HTMLDetailsElement>('[data-journal-open]')?.open) this.journal();
  }

  /**
   * The notes' check (the journal font's characters) and the «không phát sinh» marks, loaded
   * when a run is shown, before a note can be typed in it; undefined when its code is gone (a
   * new version: said once).
   */
  notes(): Promise<Printable | undefined> {
    printable ??= import('./run-shown.ts');
    return printable.catch(() => {
      printable = undefined;
      this.saved.gone();
      return undefined;
    });
  }

  /**
   * The journal log's loader (roles that keep the journal; the log shows by CSS once this
   * element is defined): loaded once there is a run to show, or when the log is opened.
   */
  journal(): void {
    if ($('[data-journal-log]'))
      journalLoader ??= import('./journal-loader.ts').catch(() => this.saved.gone());
  }

  // ── forms ──────────────────────────────────────────────────────────────

  /** The start form proposes today and the hours of the last run (units keep the same schedule). */
  fillStartForm(): void {
    const form = $<HTMLFormElement>('[data-start-form]', this.panel);
    if (!form) return;
    const set = (name: string, value: string) => {
      const input = form.elements.namedItem(name) as HTMLInputElement | null;
      if (input && (name === 'date' || input.value === '')) input.value = value;
    };
    set('date', localDate(new Date()));
    const last = this.store.current ?? this.store.history[0];
    if (last?.shiftStart && last.shiftEnd) {
      set('shiftStart', last.shiftStart);
      set('shiftEnd', last.shiftEnd);
    }
  }

  onTick(item: ItemView, target: HTMLInputElement): void {
    const now = new Date();
    if (target === item.tick) {
      if (!this.update((s) => setDone(s, item.id, target.checked, now))) return;
      const moment = this.moments.find((m) => m.ids.includes(item.id));
      const part = moment && { name: moment.name, ...progress(this.store.current, moment.ids) };
      this.announce(
        tickAnnouncement(target.checked, item.action, progress(this.store.current, this.ids), part),
      );
    } else if (this.update((s) => setApproved(s, item.id, target.checked, now))) {
      this.announce(approvalAnnouncement(target.checked, item.action));
    }
  }

  /** A note is saved as it is typed; text over the limit (or not printable) is kept in the field and refused there, never cut. */
  onNote(item: ItemView, { setNote }: Printable): void {
    const note = item.note!;
    let next: Store;
    try {
      next = setNote(this.store, item.id, note.value, new Date());
    } catch (error) {
      if (!(error instanceof ChecklistError)) throw error;
      note.setAttribute('aria-invalid', 'true');
      if (item.noteError) item.noteError.textContent = noteRefused(error.message);
      show(item.noteError, true);
      return;
    }
    note.removeAttribute('aria-invalid');
    show(item.noteError, false);
    this.commit(next, [`note:${next.current?.id}:${item.id}`]);
  }

  // ── end of shift ───────────────────────────────────────────────────────

  // ── wiring ─────────────────────────────────────────────────────────────

  listen(): void {
    this.root.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement;
      const item = this.items.find((entry) => entry.tick === target || entry.approve === target);
      if (item) this.onTick(item, target);
    });
    this.root.addEventListener('input', (event) => {
      const item = this.items.find((entry) => entry.note === event.target);
      // One promise for every keystroke: they are stored in the order typed, each the field as it is then.
      if (item?.note) void this.notes().then((code) => code && this.onNote(item, code));
    });
    // A note left shows the text kept (renderItems); drawing again on any focus change is cheap.
    this.root.addEventListener('focusout', () => this.render());
    $('[data-journal-open]')?.addEventListener('toggle', () => this.journal());
    const startForm = $<HTMLFormElement>('[data-start-form]', this.panel);
    startForm?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.act((act) => act.onStart(this, startForm));
    });
    const officerForm = $<HTMLFormElement>('[data-officer-form]', this.panel);
    officerForm?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.act((act) => act.saveOfficer(this, officerForm));
    });
    // A box's fields are filled as it opens, on its summary's click: 'toggle' fires later, and
    // would overwrite what a quick hand has typed by then.
    const onOpening = (box: HTMLDetailsElement | null, fill: () => void) =>
      $('summary', box ?? undefined)?.addEventListener('click', () => {
        if (box && !box.open) fill();
      });
    onOpening($<HTMLDetailsElement>('[data-officer]', this.panel), () => {
      const input = officerForm?.elements.namedItem('officer') as HTMLInputElement | null;
      if (input) input.value = this.store.current?.officer ?? '';
    });
    onOpening($<HTMLDetailsElement>('[data-start]', this.panel), () => this.fillStartForm());

    const closeReview = () => $<HTMLDialogElement>('[data-review]', this.panel)?.close();
    this.panel.addEventListener('click', (event) =>
      routeClick(event, {
        'data-print-mode': (button) =>
          this.act((act) => act.print(this, button.dataset.printMode as PrintMode)),
        'data-end': () => this.act((act) => act.openReview(this)),
        'data-review-confirm': () => this.act((act) => act.confirmEnd(this)),
        'data-review-cancel': closeReview,
        'data-review-handover': () => this.act((act) => act.print(this, 'handover')),
        // The review stays open: the officer ends the shift from it after the PDF.
        'data-review-journal-pdf': () =>
          this.root.dispatchEvent(new Event('checklist:journal-pdf')),
        'data-reopen': () => this.act((act) => act.onReopen(this)),
        'data-back': () => {
          this.viewing = null;
          this.render();
          $('[data-status]', this.panel)?.focus();
        },
      }),
    );

    this.history.addEventListener('click', (event) => {
      const runId = (event.target as Element).closest<HTMLElement>('[data-open-run]')?.dataset
        .openRun;
      if (!runId) return;
      this.viewing = runId;
      this.render();
      this.panel.scrollIntoView();
      $('[data-status]', this.panel)?.focus();
    });

    // After printing, Ctrl+P prints the blank checklist again (the sheet was filled only by the actions module).
    window.addEventListener(
      'afterprint',
      () => void this.act((act) => act.fillSheet(this, 'blank')),
    );
    // Another tab changed the runs of this role: merge, in the order the changes come, each as
    // it was written (newValue), not as the store is by the time it is heard: by then this tab
    // may have written over it, and the other tab's change would be lost.
    this.saved.follow(
      async () => {
        this.reader ??= await storeReader();
        this.merger ??= await import('../lib/checklist/merge.ts');
      },
      (raw) => this.act((act) => act.followOtherTab(this, raw)),
    );
  }

  // ── what the journal log uses ─────────────────────────────────────────

  /** The run on screen and whether it can be changed (the open one, not an ended one looked at). */
  view(): { run: Run | null; live: boolean } {
    return { run: this.shown(), live: this.viewing === null && this.store.current !== null };
  }

  /** Called after every redraw: a change here, in another tab, or another run opened. */
  onRender(listener: () => void): void {
    this.listeners.push(listener);
  }
}

/**
 * <shift-checklist data-checklist="role">: the checklist of a role page. Its shift runs are
 * ready once what is saved has been read (`ready`), before any click is taken.
 */
export class ShiftChecklist extends HTMLElement {
  ready: Promise<ShiftRuns | null> = Promise.resolve(null);

  connectedCallback(): void {
    // Until what is saved has been read, a tick would be drawn over by it unseen: none is taken.
    for (const input of $$<HTMLInputElement>('.tick', this)) input.disabled = true;
    this.ready = this.start();
  }

  async start(): Promise<ShiftRuns | null> {
    const panel = $('[data-run-panel]');
    const history = $('[data-history]');
    if (!panel || !history) return null;
    // The reader comes only when something is saved: a first visit does without it. It is
    // awaited before the page is wired, so that no click meets a store not yet read.
    const runs = new ShiftRuns(this, panel, history);
    try {
      runs.edited = new Set(
        JSON.parse(sessionStorage.getItem(`${runs.key}:sua`) ?? '[]') as string[],
      );
    } catch {
      // Nothing tracked, or storage blocked.
    }
    try {
      await runs.saved.open(async () => {
        runs.reader ??= await storeReader();
        runs.merger ??= await import('../lib/checklist/merge.ts');
      });
    } catch {
      // The reader's code is gone (a new version): say so, and take no tick over unread runs.
      show(panel, true);
      runs.saved.gone();
      return null;
    }
    runs.store = runs.saved.state;
    // What this tab wrote before a reload and another tab wrote over: merged back, and said.
    if (runs.saved.reclaimed) void runs.act((act) => act.followReclaimed(runs));
    // An open run's notes can be typed as soon as it is drawn: their check comes first.
    if (runs.store.current) await runs.notes();
    runs.listen();
    show(panel, true);
    show(history, true);
    runs.render();
    return runs;
  }
}

customElements.define('shift-checklist', ShiftChecklist);
