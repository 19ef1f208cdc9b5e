/**
 * The journal log of a shift run (JournalLog.astro): add, edit and remove entries while
 * the run is open, export the filled journal (PDF) and the run (JSON), import a run.
 * Loaded when the log is first opened, on the pages of the roles that keep the journal;
 * pdf-lib and the fonts only when a PDF is asked for. State rules live in
 * src/lib/checklist (entries.ts, run-file.ts) and src/lib/journal/run.ts; this file reads
 * the form and draws.
 */
import type { ShiftRuns } from './checklist.ts';
import { ChecklistError, newId, runLabel } from '../lib/checklist/state.ts';
import { deviceTimeZone, entryTime, runNow, wallTimeIn } from '../lib/checklist/time.ts';
import { formatDateVi } from '../lib/vi.ts';
import { entryKey } from '../lib/checklist/merge.ts';
import { reloadNotice } from './stale.ts';
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
import {
  dropQuestion,
  importDeclined,
  importOutcome,
  importRefused,
  importTooLarge,
  otherRoleReason,
} from '../lib/checklist/import-wording.ts';
import regularUrl from '../lib/journal/fonts/Tinos-Regular.ttf?url';
import boldUrl from '../lib/journal/fonts/Tinos-Bold.ttf?url';

const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode) =>
  root.querySelector<T>(selector);

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

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export function startJournalLog(section: HTMLElement, api: ShiftRuns): void {
  const specUrl = section.dataset.journalSpec ?? '';
  const roleNames = JSON.parse(section.dataset.roleNames ?? '{}') as Record<string, string>;
  const form = $<HTMLFormElement>('[data-journal-form]', section)!;
  const list = $('[data-journal-list]', section)!;
  const state = $('[data-journal-state]', section)!;
  const legend = $('[data-journal-legend]', section)!;
  const error = $('[data-journal-error]', section)!;
  const submit = $<HTMLButtonElement>('[data-journal-submit]', section)!;
  const cancel = $<HTMLButtonElement>('[data-journal-cancel]', section)!;
  const exportBox = $('[data-journal-export]', section)!;
  const result = $('[data-journal-result]', section)!;
  const announcer = $('[data-journal-announce]', section)!;
  const pdfButton = $<HTMLButtonElement>('[data-journal-pdf]', section)!;
  const jsonButton = $<HTMLButtonElement>('[data-journal-json]', section)!;
  const ticked = $<HTMLInputElement>('[data-journal-ticked]', section)!;
  const importer = $<HTMLInputElement>('[data-journal-import]', section)!;
  const field = (name: string) =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | RadioNodeList | null;
  /** The entry being edited, if any. */
  let editing: string | null = null;
  /** Whether the date or time of a new entry was typed (else they follow the clock). */
  let timeTyped = false;
  let download: string | null = null;

  const announce = (message: string) => {
    announcer.textContent = message;
  };
  const say = (message: string, isError = false) => {
    result.replaceChildren(message);
    result.classList.toggle('run-error', isError);
  };
  const clearError = () => {
    error.hidden = true;
    error.textContent = '';
    for (const element of form.querySelectorAll('[aria-invalid]'))
      element.removeAttribute('aria-invalid');
  };
  const setValue = (name: string, value: string) => {
    const element = field(name);
    if (element) element.value = value;
  };
  // A new entry is dated in the run's zone, whatever this device's is.
  const setNow = () => {
    const run = api.view().run;
    const [date, time] = (
      run ? runNow(run, new Date()) : wallTimeIn(new Date(), deviceTimeZone())
    ).split('T');
    setValue('date', date ?? '');
    setValue('time', time ?? '');
  };
  const resetForm = () => {
    form.reset();
    setNow();
    timeTyped = false;
    clearError();
  };
  const stopEditing = () => {
    editing = null;
    legend.textContent = 'Mục mới';
    submit.textContent = 'Ghi vào nhật ký';
    cancel.hidden = true;
    resetForm();
  };

  /** One entry: time and kind, content, then the parts that were filled. */
  function entryItem(entry: JournalEntry, run: Run, live: boolean): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'journal-entry';
    const head = document.createElement('p');
    head.className = 'entry-head';
    head.id = `nk-muc-${entry.id}`;
    const time = document.createElement('strong');
    time.textContent = entryTime(entry.at, run.date);
    head.append(time, ` · ${KINDS[entry.kind].label}`);
    const content = document.createElement('p');
    content.className = 'entry-content';
    content.textContent = entry.content;
    li.append(head, content);
    const parts = (['direction', 'informed', 'result'] as const).filter((name) => entry[name]);
    if (parts.length > 0) {
      const dl = document.createElement('dl');
      dl.className = 'entry-parts';
      for (const name of parts) {
        const dt = document.createElement('dt');
        dt.textContent = FIELD_LABELS[name];
        const dd = document.createElement('dd');
        dd.textContent = entry[name] ?? '';
        dl.append(dt, dd);
      }
      li.append(dl);
    }
    if (live) {
      const actions = document.createElement('p');
      actions.className = 'run-actions';
      for (const [action, label] of [
        ['edit', 'Sửa'],
        ['remove', 'Xóa'],
      ] as const) {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset[action] = entry.id;
        button.textContent = label;
        button.setAttribute('aria-describedby', head.id);
        actions.append(button);
      }
      li.append(actions);
    }
    return li;
  }

  function render(): void {
    const { run, live } = api.view();
    const entries = byTime(run?.journal ?? []);
    list.replaceChildren(...(run ? entries.map((entry) => entryItem(entry, run, live)) : []));
    list.hidden = entries.length === 0;
    const count =
      entries.length === 0 ? 'chưa có mục nào' : `${entries.length} mục, theo thứ tự thời gian`;
    state.textContent = !run
      ? 'Chưa có ca nào đang mở. Bắt đầu ca mới ở phần “Ca trực” để ghi nhật ký.'
      : live
        ? `Nhật ký của ca đang mở: ${count}.`
        : `Nhật ký của ca đã qua ${runLabel(run)} (chỉ xem): ${count}.`;
    if (editing && (!live || !run?.journal.some((entry) => entry.id === editing))) {
      stopEditing();
      if (live) say('Mục đang sửa đã bị xóa ở nơi khác; biểu mẫu trở về ghi mục mới.', true);
    }
    form.hidden = !live;
    exportBox.hidden = false;
    pdfButton.hidden = jsonButton.hidden = !run;
    ticked.parentElement!.hidden = !run;
  }

  function fail(caught: unknown): void {
    if (!(caught instanceof ChecklistError)) throw caught;
    error.textContent = caught.message;
    error.hidden = false;
    const name = caught instanceof EntryError ? caught.field : 'content';
    const target = form.querySelector<HTMLElement>(`[name="${name}"]`);
    target?.setAttribute('aria-invalid', 'true');
    target?.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearError();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    const input: EntryInput = {
      date: text('date'),
      time: text('time'),
      kind: text('kind'),
      content: text('content'),
      direction: text('direction'),
      informed: text('informed'),
      result: text('result'),
    };
    const id = editing ?? newId();
    const now = new Date();
    try {
      const next = editing
        ? updateEntry(api.store, editing, input, now)
        : addEntry(api.store, input, id, now);
      api.commit(next, [entryKey(next.current?.id ?? '', id)]);
      dropDraft();
    } catch (caught) {
      fail(caught);
      return;
    }
    const entry = api.view().run?.journal.find((e) => e.id === id);
    const what = entry
      ? `${entryTime(entry.at, api.view().run?.date ?? '')} · ${KINDS[entry.kind].label}`
      : '';
    announce(editing ? `Đã lưu thay đổi của mục ${what}.` : `Đã ghi vào nhật ký: ${what}.`);
    const edited = editing;
    stopEditing();
    if (edited) document.querySelector<HTMLElement>(`[data-edit="${edited}"]`)?.focus();
    else form.querySelector<HTMLElement>('[name="content"]')?.focus();
  });

  // A new entry is dated when it is written: the time follows the clock until it is typed.
  form.addEventListener('input', (event) => {
    const name = (event.target as HTMLInputElement).name;
    if (name === 'date' || name === 'time') timeTyped = true;
  });
  form.addEventListener('focusin', () => {
    if (!editing && !timeTyped) setNow();
  });

  cancel.addEventListener('click', () => {
    const edited = editing;
    stopEditing();
    if (edited) document.querySelector<HTMLElement>(`[data-edit="${edited}"]`)?.focus();
  });

  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button');
    const run = api.view().run;
    if (!button || !run) return;
    const entry = run.journal.find((e) => e.id === (button.dataset.edit ?? button.dataset.remove));
    if (!entry) return;
    const time = entryTime(entry.at, run.date);
    if (button.dataset.edit) {
      editing = entry.id;
      clearError();
      for (const [name, value] of Object.entries(inputOf(entry))) setValue(name, value);
      legend.textContent = `Sửa mục lúc ${time}`;
      submit.textContent = 'Lưu thay đổi';
      cancel.hidden = false;
      legend.focus();
      return;
    }
    if (!window.confirm(`Xóa mục nhật ký lúc ${time}: “${short(entry.content)}”?`)) return;
    try {
      api.commit(removeEntry(api.store, entry.id, new Date()));
    } catch (caught) {
      if (!(caught instanceof ChecklistError)) throw caught;
      say(caught.message, true);
      return;
    }
    announce(`Đã xóa mục lúc ${time}.`);
    state.focus();
  });

  /** Offers a file: starts the download and leaves a link to download it again. */
  function offer(bytes: BlobPart, type: string, name: string, message: string): void {
    if (download) URL.revokeObjectURL(download);
    download = URL.createObjectURL(new Blob([bytes], { type }));
    const link = document.createElement('a');
    link.href = download;
    link.download = name;
    link.textContent = `Tải lại ${name}`;
    say(message);
    result.append(' ', link);
    link.click();
  }

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

  /** Says which line of the journal could not be set, in words a user can act on. */
  function rowProblem(
    caught: JournalRowError,
    run: Run,
    lines: JournalLine[],
    spec: JournalForm,
  ): string {
    const line = lines[caught.row];
    const part = spec.table.columns.find((column) => column.id === caught.column)?.fills;
    const label =
      part === 'time'
        ? 'thời gian'
        : part === 'content'
          ? 'nội dung'
          : part
            ? FIELD_LABELS[part].toLowerCase()
            : caught.column;
    const which = !line
      ? `Dòng ${caught.row + 1}`
      : 'entry' in line.from
        ? `Mục nhật ký lúc ${entryTime(line.at, run.date)}`
        : `Việc “${short(line.content)}”`;
    const cause = caught.message.includes('cannot show')
      ? `có ký tự phông chữ của nhật ký không có (${[...caught.message.matchAll(/U\+[0-9A-F]+ \((.)\)/gu)].map((m) => m[1]).join(' ')})`
      : 'quá dài để in vừa một dòng nhật ký; hãy viết gọn lại';
    return `${which}: ô “${label}” ${cause}.`;
  }

  pdfButton.addEventListener('click', async () => {
    const { run } = api.view();
    if (!run) return;
    say('Đang tạo nhật ký (PDF)…');
    pdfButton.disabled = true;
    let lines: JournalLine[] = [];
    let form: JournalForm | undefined;
    let pdf: typeof import('../lib/journal/pdf.ts');
    try {
      pdf = await import('../lib/journal/pdf.ts');
    } catch {
      // A tab left open across a new version asks for code that is no longer there.
      result.replaceChildren(
        reloadNotice(
          'Không tải được phần tạo nhật ký (PDF): sổ tay trên máy chủ đã có phiên bản mới.',
        ),
      );
      pdfButton.disabled = false;
      return;
    }
    try {
      const { buildJournal } = pdf;
      const { fonts, spec } = await loadAssets(specUrl);
      form = spec;
      const journal = journalOfRun(spec, run, {
        ticked: ticked.checked ? checklistItems() : undefined,
      });
      lines = journal.lines;
      const bytes = await buildJournal(spec, journal.options, fonts);
      const pages = Math.max(1, Math.ceil(lines.length / spec.table.rowsPerPage));
      offer(
        bytes as BlobPart,
        'application/pdf',
        dayFileName(run.date),
        `Đã tạo nhật ký ngày ${formatDateVi(run.date)}: ${lines.length} dòng, ${pages} trang (PDF, ${formatSize(bytes.length)}).`,
      );
    } catch (caught) {
      if (caught instanceof JournalRowError && form)
        say(`Chưa tạo được nhật ký. ${rowProblem(caught, run, lines, form)}`, true);
      else if (caught instanceof JournalOptionError) {
        say(
          'Chưa tạo được nhật ký: tên người trực quá dài hoặc có ký tự phông chữ của nhật ký không có.',
          true,
        );
      } else {
        say('Không tạo được nhật ký. Hãy tải lại trang rồi thử lại.', true);
        throw caught;
      }
    } finally {
      pdfButton.disabled = false;
    }
  });

  jsonButton.addEventListener('click', () => {
    const { run } = api.view();
    if (!run) return;
    offer(
      serialiseRunFile(runFile(run, new Date())),
      'application/json',
      runFileName(run),
      `Đã xuất ca ${runLabel(run)} ra tệp.`,
    );
  });

  importer.addEventListener('change', async () => {
    const file = importer.files?.[0];
    if (!file) return;
    importer.value = '';
    const refuse = (reason: string) => say(importRefused(file.name, reason), true);
    if (file.size > MAX_FILE_CHARS) return refuse(importTooLarge);
    const parsed = parseRunFile(await file.text(), new Date());
    if (!parsed.ok) return refuse(describeIssueVi(parsed.issue));
    const { run } = parsed.file;
    if (run.role !== api.role) return refuse(otherRoleReason(roleNames[run.role] ?? run.role));
    let imported;
    try {
      imported = importRun(api.store, run, newId());
    } catch (caught) {
      if (!(caught instanceof ChecklistError)) throw caught;
      return refuse(caught.message);
    }
    if (imported.dropped) {
      if (!window.confirm(dropQuestion(imported.run, imported.dropped)))
        return say(importDeclined(imported.run));
    }
    if (imported.outcome !== 'same') api.commit(imported.store);
    say(importOutcome(imported, run.id));
  });

  // What is typed into the form outlives a reload of the page (e.g. after a new version).
  const draftKey = `so-tay-truc-ban:nhat-ky-nhap:${api.role}`;
  const dropDraft = () => sessionStorage.removeItem(draftKey);
  form.addEventListener('input', () => {
    if (editing) return;
    const data = Object.fromEntries(
      [...new FormData(form)].map(([name, value]) => [name, String(value)]),
    );
    try {
      sessionStorage.setItem(draftKey, JSON.stringify(data));
    } catch {
      // Storage full or blocked: the draft is only on screen.
    }
  });

  api.onRender(render);
  stopEditing();
  try {
    const draft = JSON.parse(sessionStorage.getItem(draftKey) ?? 'null') as Record<
      string,
      string
    > | null;
    if (draft) {
      for (const [name, value] of Object.entries(draft)) if (name !== 'kind') setValue(name, value);
      const kind = form.querySelector<HTMLInputElement>(
        `[name="kind"][value="${CSS.escape(draft.kind ?? '')}"]`,
      );
      if (kind) kind.checked = true;
      timeTyped = true;
    }
  } catch {
    dropDraft();
  }
  render();
  $('[data-journal-loading]', section)?.remove();
}
