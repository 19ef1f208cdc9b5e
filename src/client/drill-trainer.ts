/**
 * The trainer view's evaluation sheet and after-action report: a draft kept in
 * localStorage as it is typed, saved as a JSON file, reopened from one (validated; a bad
 * file gets a clear message and changes nothing), exported as a PDF (aar-pdf-export.ts) and
 * printed. The format and its checks live in src/lib/drills/aar.ts.
 */
import {
  draftKey,
  emptyReport,
  linesOf,
  RATING_LABELS,
  RATINGS,
  ratingCounts,
  reportFileName,
  serialiseReport,
  type Rating,
  type Report,
} from '../lib/drills/aar.ts';
import { formatDateVi } from '../lib/vi.ts';
import { notify, readStored, writeStored } from './browser-storage.ts';

/** The validator (zod) is fetched when there is something to read back or a report to save. */
let schema: Promise<typeof import('../lib/drills/aar-schema.ts')> | undefined;
const parseReport = async (raw: string, drill: string) =>
  (await (schema ??= import('../lib/drills/aar-schema.ts'))).parseReport(raw, drill);

type Field = 'date' | 'place' | 'facilitator' | 'evaluator' | 'participants';
type TextField = HTMLInputElement | HTMLTextAreaElement;

const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) =>
  root.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => [
  ...root.querySelectorAll<T>(selector),
];
const show = (element: Element | null | undefined, visible: boolean) =>
  element?.toggleAttribute('hidden', !visible);
const clean = (value: string) => value.normalize('NFC').trim();

async function start(form: HTMLElement): Promise<void> {
  const drill = form.dataset.aar ?? '';
  const title = form.dataset.title ?? '';
  const injects = (form.dataset.injects ?? '').split(' ');
  const key = draftKey(drill);
  const rows = $('[data-action-rows]', form);
  const template = $<HTMLTableRowElement>('[data-action-row]', form)?.cloneNode(true) as
    HTMLTableRowElement | undefined;
  const status = $('[data-status]', form);
  const openError = $('[data-open-error]', form);
  const saveError = $('[data-save-error]', form);
  const summary = $('[data-rating-summary]', form);
  /** Evaluations of injects this drill no longer has: kept so that saving loses nothing. */
  let kept: Report['evaluations'] = {};

  const field = (name: string) => $<TextField>(`[data-field="${name}"]`, form);
  const list = (name: string) => $<HTMLTextAreaElement>(`[data-list="${name}"]`, form);
  const actionRows = () => $$<HTMLTableRowElement>('[data-action-row]', form);
  const cell = (row: Element, col: string) => $<HTMLInputElement>(`[data-col="${col}"]`, row);

  function addRow(): HTMLTableRowElement | undefined {
    if (!template || !rows) return undefined;
    const row = template.cloneNode(true) as HTMLTableRowElement;
    const n = actionRows().length + 1;
    for (const input of $$<HTMLInputElement>('input, textarea', row)) {
      input.value = '';
      input.id = input.id.replace(/^kp-\d+/, `kp-${n}`);
    }
    for (const label of $$<HTMLLabelElement>('label', row)) {
      label.htmlFor = label.htmlFor.replace(/^kp-\d+/, `kp-${n}`);
      label.textContent = (label.textContent ?? '').replace(/\d+$/, String(n));
    }
    rows.append(row);
    return row;
  }

  /** The report as the form shows it. */
  function collect(): Report {
    const report = emptyReport(drill, title);
    for (const name of ['date', 'place', 'facilitator', 'evaluator', 'participants'] as Field[]) {
      report.exercise[name] = clean(field(name)?.value ?? '');
    }
    report.evaluations = { ...kept };
    for (const id of injects) {
      const box = $(`[data-eval="${id}"]`, form);
      const rating = ($<HTMLInputElement>('input:checked', box ?? form)?.value ??
        null) as Rating | null;
      const note = ($<HTMLTextAreaElement>('[data-note]', box ?? form)?.value ?? '')
        .normalize('NFC')
        .trimEnd();
      if (rating || note) report.evaluations[id] = { rating, note };
    }
    report.hotWash = (field('hotWash')?.value ?? '').normalize('NFC').trimEnd();
    report.strengths = linesOf(list('strengths')?.value ?? '');
    report.improvements = linesOf(list('improvements')?.value ?? '');
    report.actions = actionRows()
      .map((row) => ({
        action: clean(cell(row, 'action')?.value ?? ''),
        owner: clean(cell(row, 'owner')?.value ?? ''),
        due: cell(row, 'due')?.value ?? '',
      }))
      .filter((action) => action.action || action.owner || action.due);
    return report;
  }

  /** Puts a report into the form. */
  function apply(report: Report): void {
    for (const name of ['date', 'place', 'facilitator', 'evaluator', 'participants'] as Field[]) {
      const input = field(name);
      if (input) input.value = report.exercise[name];
    }
    kept = {};
    for (const [id, evaluation] of Object.entries(report.evaluations))
      if (!injects.includes(id)) kept[id] = evaluation;
    for (const id of injects) {
      const box = $(`[data-eval="${id}"]`, form);
      const evaluation = report.evaluations[id];
      for (const radio of $$<HTMLInputElement>('input[type=radio]', box ?? form))
        radio.checked = radio.value === evaluation?.rating;
      const note = $<HTMLTextAreaElement>('[data-note]', box ?? form);
      if (note) note.value = evaluation?.note ?? '';
    }
    const hotWash = field('hotWash');
    if (hotWash) hotWash.value = report.hotWash;
    const strengths = list('strengths');
    if (strengths) strengths.value = report.strengths.join('\n');
    const improvements = list('improvements');
    if (improvements) improvements.value = report.improvements.join('\n');
    while (actionRows().length < report.actions.length + 1 && addRow());
    actionRows().forEach((row, index) => {
      const action = report.actions[index];
      for (const col of ['action', 'owner', 'due'] as const) {
        const input = cell(row, col);
        if (input) input.value = action?.[col] ?? '';
      }
    });
    renderSummary(report);
  }

  /** Dates as paper shows them: dd/mm/yyyy, whatever the browser's locale does with the input. */
  function renderDates(): void {
    for (const input of $$<HTMLInputElement>('input[type=date]', form)) {
      const span = input.nextElementSibling;
      if (span?.classList.contains('print-date'))
        span.textContent = input.value ? formatDateVi(input.value) : '';
    }
  }

  function renderSummary(report: Report): void {
    renderDates();
    const counts = ratingCounts(report, injects);
    if (summary) {
      summary.textContent =
        `Tổng hợp ${injects.length} thẻ: ` +
        RATINGS.map((rating) => `${RATING_LABELS[rating].toLowerCase()} ${counts[rating]}`).join(
          ', ',
        ) +
        `, chưa đánh giá ${counts.none}.`;
    }
    show(summary, true);
  }

  /** Checks the form as a saved file would be checked; shows the problem and returns null if there is one. */
  async function checked(): Promise<Report | null> {
    const report = collect();
    // The row as the trainer sees it: empty rows are skipped in the report, not on screen.
    const missing = actionRows().findIndex(
      (row) =>
        !clean(cell(row, 'action')?.value ?? '') &&
        (cell(row, 'owner')?.value.trim() || cell(row, 'due')?.value),
    );
    let message =
      missing >= 0
        ? `Hành động khắc phục, dòng ${missing + 1}: cần ghi việc cần làm (hoặc xóa trắng cả dòng).`
        : '';
    if (!message) {
      const parsed = await parseReport(serialiseReport(report), drill);
      if (!parsed.ok) message = parsed.message;
    }
    if (saveError) saveError.textContent = message;
    show(saveError, message !== '');
    return message ? null : report;
  }

  let draftFailed = false;
  /** The last draft read from the other tabs, and what this tab stored since: what a merge needs (merge.ts). */
  let base: Report = emptyReport(drill, title);
  let written: Report[] = [];
  /** The report as last saved to or opened from a file: a draft that differs is unsaved. */
  let filed = serialiseReport(emptyReport(drill, title));
  const keepDraft = () => {
    const report = collect();
    renderSummary(report);
    written = [...written.slice(-49), report];
    if (!writeStored(key, serialiseReport(report)) && !draftFailed) {
      draftFailed = true;
      notify(
        $('[data-notices]', form),
        'Trình duyệt không cho giữ bản nháp (bộ nhớ đầy hoặc bị chặn): hãy lưu báo cáo thành tệp để khỏi mất.',
      );
    }
  };

  // The draft of an earlier visit; a damaged one is set aside, never dropped.
  const raw = readStored(key);
  if (raw !== null) {
    const parsed = await parseReport(raw, drill);
    if (parsed.ok) {
      apply(parsed.report);
      base = parsed.report;
    } else {
      const aside = `${key}:set-aside:${new Date().toISOString()}`;
      const saved = writeStored(aside, raw);
      notify(
        $('[data-notices]', form),
        `Bản nháp lưu trong trình duyệt không dùng được nên trang bắt đầu với phiếu trống. ${parsed.message}`,
        {
          key: saved ? aside : key,
          raw,
          file: `bao-cao-sau-dien-tap-${drill}-ban-cat-rieng.json`,
        },
      );
    }
  }

  form.addEventListener('input', keepDraft);
  form.addEventListener('change', (event) => {
    if (!(event.target as Element).matches('[data-open]')) keepDraft();
  });

  form.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    if (button.hasAttribute('data-add-row')) {
      cell(addRow() ?? form, 'action')?.focus();
    } else if (button.hasAttribute('data-print')) {
      window.print();
    } else if (button.hasAttribute('data-save-pdf')) {
      const report = await checked();
      if (!report) return;
      const { downloadReportPdf } = await import('./aar-pdf-export.ts');
      const result = await downloadReportPdf(form, report);
      if (saveError) saveError.textContent = result.ok ? '' : result.message;
      show(saveError, !result.ok);
      if (status && result.ok) status.textContent = result.message;
    } else if (button.hasAttribute('data-save')) {
      const report = await checked();
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
      if (status) status.textContent = `Đã lưu báo cáo thành tệp ${link.download}.`;
      filed = serialiseReport({ ...report, savedAt: null });
    }
  });

  $<HTMLInputElement>('[data-open]', form)?.addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const parsed = await parseReport(await file.text(), drill);
    input.value = '';
    // A draft not saved to a file is asked about before the file replaces it.
    const draft = serialiseReport({ ...collect(), savedAt: null });
    if (parsed.ok && draft !== filed && draft !== serialiseReport(emptyReport(drill, title))) {
      if (
        !window.confirm(
          `Phiếu trên trang có nội dung chưa lưu thành tệp. Mở «${file.name}» sẽ thay toàn bộ nội dung đó. Vẫn mở?`,
        )
      ) {
        if (status) status.textContent = `Chưa mở “${file.name}”; phiếu trên trang giữ nguyên.`;
        return;
      }
    }
    if (!parsed.ok) {
      if (openError) openError.textContent = `Không mở được “${file.name}”. ${parsed.message}`;
      show(openError, true);
      return;
    }
    show(openError, false);
    apply(parsed.report);
    filed = serialiseReport({ ...parsed.report, savedAt: null });
    keepDraft();
    if (status) status.textContent = `Đã mở báo cáo từ tệp ${file.name}.`;
  });

  // Another tab changed the draft: merge field by field; where both changed a field, say so with both texts.
  let queue = Promise.resolve();
  window.addEventListener('storage', (event) => {
    if (event.key !== key || event.newValue === null) return;
    const raw = event.newValue;
    queue = queue.then(async () => {
      const parsed = await parseReport(raw, drill);
      if (!parsed.ok) return;
      const [{ mergeDraft }, { fieldLabel }] = await Promise.all([
        import('../lib/drills/merge.ts'),
        (schema ??= import('../lib/drills/aar-schema.ts')),
      ]);
      const { report, conflicts } = mergeDraft(base, collect(), parsed.report, written);
      base = parsed.report;
      written = [];
      apply(report);
      if (serialiseReport(report) !== raw) keepDraft();
      else renderSummary(report);
      for (const conflict of conflicts) {
        const where = fieldLabel(
          conflict.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        );
        const text = (value: unknown) =>
          typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
        notify(
          $('[data-notices]', form),
          `Ô ${where} vừa được sửa ở một thẻ khác cùng lúc với thẻ này. Đang giữ: ‘${text(conflict.kept)}’. Bản ở thẻ này: ‘${text(conflict.mine)}’.`,
        );
      }
    });
  });

  for (const tools of $$('[data-tools]', form)) show(tools, true);
  renderSummary(collect());
}

const form = document.querySelector<HTMLElement>('[data-aar]');
if (form) void start(form);
