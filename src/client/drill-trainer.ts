/**
 * <drill-report>: the trainer view's evaluation sheet and after-action report. A draft is
 * kept in localStorage as it is typed, saved as a JSON file, reopened from one (validated; a
 * bad file gets a clear message and changes nothing), exported as a PDF (aar-pdf-export.ts)
 * and printed. The format and its checks live in src/lib/drills/aar.ts, every sentence in
 * src/lib/drills/wording.ts; the markup of a new corrective action row is the page's
 * <template data-template="action-row">. Two tabs merge field by field (merge.ts).
 */
import {
  draftKey,
  emptyReport,
  evaluationsOutside,
  firstActionWithoutTask,
  linesOf,
  ratingCounts,
  reportFileName,
  serialiseReport,
  unsavedWork,
  type CorrectiveAction,
  type Rating,
  type Report,
} from '../lib/drills/aar.ts';
import { changeDraft, emptyDraft, type Draft } from '../lib/drills/draft.ts';
import {
  actionCellLabel,
  actionMissing,
  draftConflict,
  draftFile,
  draftSetAsideFile,
  draftUnusable,
  drillCodeGone,
  ratingSummary,
  replaceDraftQuestion,
  reportNotOpened,
  reportOpened,
  reportSaved,
  reportUnreadable,
  type ActionColumn,
} from '../lib/drills/wording.ts';
import { formatDateVi } from '../lib/vi.ts';
import { notify, SavedWork } from './saved.ts';
import { $, $$, fromTemplate, routeClick, show } from './dom.ts';
import { checkLength } from './length-check.ts';

/** The validator is fetched when there is something to read back or a report to save. */
let schema: Promise<typeof import('../lib/drills/aar-schema.ts')> | undefined;
const loadSchema = () => (schema ??= import('../lib/drills/aar-schema.ts'));

const EXERCISE_FIELDS = ['date', 'place', 'facilitator', 'evaluator', 'participants'] as const;
const COLUMNS: readonly ActionColumn[] = ['action', 'owner', 'due'];
type TextField = HTMLInputElement | HTMLTextAreaElement;

const clean = (value: string) => value.normalize('NFC').trim();
const cleanEnd = (value: string) => value.normalize('NFC').trimEnd();
/** A conflict's value as text: strings as they are, anything else as JSON. */
const asText = (value: unknown) =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

class DrillReport extends HTMLElement {
  private drill = '';
  private drillTitle = '';
  private injects: string[] = [];
  private key = '';
  /** Evaluations of injects this drill no longer has: kept so that saving loses nothing. */
  private kept: Report['evaluations'] = {};
  /** The draft as stored (src/lib/store/kept.ts): every field with the stamp of its last change. */
  private saved!: SavedWork<Draft>;
  private reader: Awaited<ReturnType<typeof loadSchema>> | undefined;
  /** Fields this tab changed that the other tabs may not have seen yet. */
  private edited = new Set<string>();
  /** The report as last saved to or opened from a file: a draft that differs is unsaved. */
  private filed = '';

  connectedCallback(): void {
    this.drill = this.dataset.aar ?? '';
    this.drillTitle = this.dataset.title ?? '';
    this.injects = (this.dataset.injects ?? '').split(' ');
    this.key = draftKey(this.drill);
    this.filed = this.blank();
    this.saved = new SavedWork<Draft>(
      {
        key: this.key,
        empty: () => emptyDraft(this.drill),
        load: (raw) => {
          const loaded = this.reader!.loadDraft(raw, this.drill);
          return { ...loaded, message: draftUnusable(loaded.message ?? '') };
        },
        serialise: (draft) => JSON.stringify(draft),
        merge: (mine, theirs) => this.reader!.mergeDrafts(mine, theirs),
        valid: (draft) => draft.drill === this.drill,
      },
      {
        box: () => $('[data-notices]', this),
        file: draftFile(this.drill),
        asideFile: draftSetAsideFile(this.drill),
        codeGone: drillCodeGone,
      },
    );
    void this.start();
  }

  private async start(): Promise<void> {
    await this.restoreDraft();
    this.addEventListener('input', (event) => {
      checkLength(event.target);
      this.keepDraft();
    });
    this.addEventListener('change', (event) => this.onChange(event));
    this.addEventListener('click', (event) => void this.onClick(event));
    $<HTMLInputElement>('[data-open]', this)?.addEventListener(
      'change',
      (event) => void this.onOpen(event.target as HTMLInputElement),
    );
    // Another tab changed the draft: merged in turn, one change after the other.
    this.saved.follow(
      async () => (this.reader ??= await loadSchema()),
      (raw) => this.mergeFromOtherTab(raw),
    );
    for (const tools of $$('[data-tools]', this)) show(tools, true);
    // The packet's print control at the top of the page, outside the report.
    for (const tools of $$('[data-top-tools]')) show(tools, true);
    $('[data-print-packet]')?.addEventListener('click', () => window.print());
    this.renderSummary(this.collect());
  }

  // ── the form ───────────────────────────────────────────────────────────

  private field(name: string): TextField | null {
    return $<TextField>(`[data-field="${name}"]`, this);
  }

  private list(name: string): HTMLTextAreaElement | null {
    return $<HTMLTextAreaElement>(`[data-list="${name}"]`, this);
  }

  private actionRows(): HTMLTableRowElement[] {
    return $$<HTMLTableRowElement>('[data-action-row]', this);
  }

  private cell(row: ParentNode, column: ActionColumn): HTMLInputElement | null {
    return $<HTMLInputElement>(`[data-col="${column}"]`, row);
  }

  /** The corrective action rows as typed, empty ones included. */
  private rowsAsTyped(): CorrectiveAction[] {
    return this.actionRows().map((row) => ({
      action: this.cell(row, 'action')?.value ?? '',
      owner: this.cell(row, 'owner')?.value ?? '',
      due: this.cell(row, 'due')?.value ?? '',
    }));
  }

  /** A new corrective action row from the template, numbered after the last. */
  private addRow(): HTMLTableRowElement | null {
    const row = fromTemplate<HTMLTableRowElement>(this, 'action-row');
    const body = $('[data-action-rows]', this);
    if (!row || !body) return null;
    const n = this.actionRows().length + 1;
    for (const column of COLUMNS) {
      const input = this.cell(row, column);
      const label = $<HTMLLabelElement>(`label[for="${input?.id}"]`, row);
      if (!input || !label) continue;
      input.id = `kp-${n}-${column}`;
      label.htmlFor = input.id;
      label.textContent = actionCellLabel(column, n);
    }
    body.append(row);
    return row;
  }

  /** The report as the form shows it. */
  private collect(): Report {
    const report = emptyReport(this.drill, this.drillTitle);
    for (const name of EXERCISE_FIELDS)
      report.exercise[name] = clean(this.field(name)?.value ?? '');
    report.evaluations = { ...this.kept };
    for (const id of this.injects) {
      const box = $(`[data-eval="${id}"]`, this) ?? this;
      const rating = ($<HTMLInputElement>('input:checked', box)?.value ?? null) as Rating | null;
      const note = cleanEnd($<HTMLTextAreaElement>('[data-note]', box)?.value ?? '');
      if (rating || note) report.evaluations[id] = { rating, note };
    }
    report.hotWash = cleanEnd(this.field('hotWash')?.value ?? '');
    report.strengths = linesOf(this.list('strengths')?.value ?? '');
    report.improvements = linesOf(this.list('improvements')?.value ?? '');
    report.actions = this.rowsAsTyped()
      .map((row) => ({ action: clean(row.action), owner: clean(row.owner), due: row.due }))
      .filter((action) => action.action || action.owner || action.due);
    return report;
  }

  /** Puts a report into the form. */
  private apply(report: Report): void {
    for (const name of EXERCISE_FIELDS) {
      const input = this.field(name);
      if (input) input.value = report.exercise[name];
    }
    this.kept = evaluationsOutside(report.evaluations, this.injects);
    this.applyEvaluations(report);
    const text = (element: TextField | null, value: string) => {
      if (element) element.value = value;
    };
    text(this.field('hotWash'), report.hotWash);
    text(this.list('strengths'), report.strengths.join('\n'));
    text(this.list('improvements'), report.improvements.join('\n'));
    this.applyActions(report.actions);
    this.renderSummary(report);
  }

  private applyEvaluations(report: Report): void {
    for (const id of this.injects) {
      const box = $(`[data-eval="${id}"]`, this) ?? this;
      const evaluation = report.evaluations[id];
      for (const radio of $$<HTMLInputElement>('input[type=radio]', box))
        radio.checked = radio.value === evaluation?.rating;
      const note = $<HTMLTextAreaElement>('[data-note]', box);
      if (note) note.value = evaluation?.note ?? '';
    }
  }

  /** The actions, one a row, with one empty row after them to type into. */
  private applyActions(actions: readonly CorrectiveAction[]): void {
    while (this.actionRows().length < actions.length + 1 && this.addRow());
    this.actionRows().forEach((row, index) => {
      for (const column of COLUMNS) {
        const input = this.cell(row, column);
        if (input) input.value = actions[index]?.[column] ?? '';
      }
    });
  }

  // ── render steps ───────────────────────────────────────────────────────

  /** Dates as paper shows them: dd/mm/yyyy, whatever the browser's locale does with the input. */
  private renderDates(): void {
    for (const input of $$<HTMLInputElement>('input[type=date]', this)) {
      const span = input.nextElementSibling;
      if (span?.classList.contains('print-date'))
        span.textContent = input.value ? formatDateVi(input.value) : '';
    }
  }

  private renderSummary(report: Report): void {
    this.renderDates();
    const summary = $('[data-rating-summary]', this);
    if (summary)
      summary.textContent = ratingSummary(this.injects.length, ratingCounts(report, this.injects));
    show(summary, true);
  }

  private showError(selector: string, message: string): void {
    const box = $(selector, this);
    if (box) box.textContent = message;
    show(box, message !== '');
  }

  private say(message: string): void {
    const status = $('[data-status]', this);
    if (status) status.textContent = message;
  }

  private notify(message: string): void {
    notify($('[data-notices]', this), message);
  }

  // ── the draft ──────────────────────────────────────────────────────────

  private blank(): string {
    return serialiseReport(emptyReport(this.drill, this.drillTitle));
  }

  private keepDraft(): void {
    const report = this.collect();
    this.renderSummary(report);
    const { draft, changed } = changeDraft(this.saved.state, report, Date.now());
    if (changed.length === 0) return;
    for (const path of changed) this.edited.add(path);
    this.saved.save(draft);
  }

  /** The draft of an earlier visit; a damaged one is set aside, never dropped. */
  private async restoreDraft(): Promise<void> {
    await this.saved.open(async () => (this.reader ??= await loadSchema()));
    if (this.reader) this.apply(this.reader.reportOf(this.saved.state, this.drillTitle));
    for (const field of $$<TextField>('[data-max]', this)) checkLength(field);
  }

  /** Checks the form as a saved file would be checked; shows the problem and returns null if there is one. */
  private async checked(): Promise<Report | null> {
    const report = this.collect();
    // The row as the trainer sees it: empty rows are skipped in the report, not on screen.
    const missing = firstActionWithoutTask(this.rowsAsTyped());
    let message = missing >= 0 ? actionMissing(missing + 1) : '';
    if (!message) {
      const parsed = (await loadSchema()).parseReport(serialiseReport(report), this.drill);
      if (!parsed.ok) message = parsed.message;
    }
    this.showError('[data-save-error]', message);
    return message ? null : report;
  }

  // ── events ─────────────────────────────────────────────────────────────

  private onChange(event: Event): void {
    if (!(event.target as Element).matches('[data-open]')) this.keepDraft();
  }

  private onClick(event: Event): void {
    routeClick(event, {
      'data-add-row': () => this.onAddRow(),
      'data-print': () => window.print(),
      'data-save-pdf': () => this.onSavePdf(),
      'data-save': () => this.onSave(),
    });
  }

  private onAddRow(): void {
    this.cell(this.addRow() ?? this, 'action')?.focus();
  }

  private async onSavePdf(): Promise<void> {
    const report = await this.checked();
    if (!report) return;
    const { downloadReportPdf } = await import('./aar-pdf-export.ts');
    const result = await downloadReportPdf(this, report);
    this.showError('[data-save-error]', result.ok ? '' : result.message);
    if (result.ok) this.say(result.message);
  }

  private async onSave(): Promise<void> {
    const report = await this.checked();
    if (!report) return;
    report.savedAt = new Date().toISOString();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(
      new Blob([serialiseReport(report)], { type: 'application/json' }),
    );
    link.download = reportFileName(report);
    document.body.append(link);
    link.click();
    link.remove();
    this.say(reportSaved(link.download));
    this.filed = serialiseReport({ ...report, savedAt: null });
  }

  private async onOpen(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const parsed = (await loadSchema()).parseReport(await file.text(), this.drill);
    input.value = '';
    // A draft not saved to a file is asked about before the file replaces it.
    const draft = serialiseReport({ ...this.collect(), savedAt: null });
    const replaces = parsed.ok && unsavedWork(draft, this.filed, this.blank());
    if (replaces && !window.confirm(replaceDraftQuestion(file.name))) {
      this.say(reportNotOpened(file.name));
      return;
    }
    if (!parsed.ok) {
      this.showError('[data-open-error]', reportUnreadable(file.name, parsed.message));
      return;
    }
    this.showError('[data-open-error]', '');
    this.apply(parsed.report);
    this.filed = serialiseReport({ ...parsed.report, savedAt: null });
    this.keepDraft();
    this.say(reportOpened(file.name));
  }

  /** Merges field by field; where both tabs changed a field, says so with both texts. */
  private mergeFromOtherTab(raw: string | null): void {
    const heard = this.saved.hear(raw);
    if (!heard.theirs) return;
    const { conflicts, edited } = this.reader!.followDraftEdits(
      heard.before,
      heard.theirs,
      this.saved.state,
      this.edited,
    );
    this.edited = edited;
    if (this.reader) this.apply(this.reader.reportOf(this.saved.state, this.drillTitle));
    for (const conflict of conflicts) {
      const where = this.reader!.fieldLabel(
        conflict.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      );
      this.notify(draftConflict(where, asText(conflict.kept), asText(conflict.mine)));
    }
  }
}

customElements.define('drill-report', DrillReport);
