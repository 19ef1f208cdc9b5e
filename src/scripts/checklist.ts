/**
 * Shift runs on a role page: enhances the plain checklist built by [role].astro. State
 * logic lives in src/lib/checklist (pure); this file reads the page, stores runs in
 * localStorage and draws them. Loaded only on role pages.
 */
import { notify as notifyIn, readStored, writeStored } from './browser-storage.ts';
import type { ChecklistHost } from './checklist-api.ts';
import { setAsideKey, storageKey, type Run, type Store } from '../lib/checklist/schema.ts';
import {
  clockTime,
  dateVi,
  emptyStore,
  endRun,
  findRun,
  itemOf,
  localDate,
  newId,
  openItems,
  progress,
  runLabel,
  serialise,
  setApproved,
  setDone,
  setNote,
  startRun,
} from '../lib/checklist/state.ts';

type PrintMode = 'blank' | 'run' | 'handover';

const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => root.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => [...root.querySelectorAll<T>(selector)];
const show = (element: Element | null, visible: boolean) => element?.toggleAttribute('hidden', !visible);

/** Reads saved runs: validation, migrations and the recovery of damaged state (load.ts). */
const storeReader = () => import('../lib/checklist/load.ts');

async function start(root: HTMLElement): Promise<void> {
  const role = root.dataset.checklist ?? '';
  const key = storageKey(role);
  // The reader comes only when something is saved: a first visit does without it. It is
  // awaited before the page is wired, so that no click meets a store not yet read.
  const saved = readStored(key);
  let reader = saved === null ? undefined : await storeReader();
  const panelOrNull = $('[data-run-panel]');
  const historyOrNull = $('[data-history]');
  if (!panelOrNull || !historyOrNull) return;
  const panel: HTMLElement = panelOrNull;
  const history: HTMLElement = historyOrNull;

  const items = $$('[data-item]', root).map((li) => ({
    id: li.dataset.item ?? '',
    action: $('.duty-action', li)?.textContent?.trim() ?? '',
    tick: $<HTMLInputElement>('.tick', li),
    approve: $<HTMLInputElement>('[data-approve]', li),
    approvedAt: $('[data-approved-at]', li),
    note: $<HTMLInputElement>('[data-note]', li),
    doneAt: $('[data-done-at]', li),
    run: $('[data-run]', li),
  }));
  const ids = items.map((item) => item.id);
  const moments = $$('[data-moment]', root).map((section) => ({
    name: $('h2', section)?.textContent?.trim() ?? '',
    ids: $$('[data-item]', section).map((li) => li.dataset.item ?? ''),
    out: $('[data-progress]', section),
  }));
  const status = $('[data-status]', panel);
  const announcer = $('[data-announce]', panel);
  const form = $<HTMLFormElement>('[data-start-form]', panel);
  const startBox = $<HTMLDetailsElement>('[data-start]', panel);
  const formError = $('[data-start-error]', panel);
  const bar = $<HTMLProgressElement>('progress', panel);

  let store: Store;
  /** The ended run being looked at (read-only), if any. */
  let viewing: string | null = null;
  let saveFailed = false;
  /** Redrawn with the page: the journal log, where the role keeps one. */
  const listeners: (() => void)[] = [];

  const notify = (message: string, setAside?: { key: string; raw: string }) =>
    notifyIn($('[data-notices]', panel), message, setAside && { ...setAside, file: `ca-truc-${role}-ban-cat-rieng.json` });

  const write = (name: string, value: string): boolean => {
    if (writeStored(name, value)) return true;
    if (!saveFailed) notify('Trình duyệt không cho lưu (bộ nhớ đầy hoặc bị chặn): thay đổi chỉ còn đến khi đóng trang này.');
    saveFailed = true;
    return false;
  };

  /** Takes the stored text as the state (the reader is there whenever there is text). */
  const load = (raw: string | null) => {
    if (raw === null) {
      store = emptyStore(role);
      return;
    }
    if (!reader) throw new Error('checklist: saved runs to read, and no reader loaded');
    const loaded = reader.loadStore(raw, role);
    store = loaded.store;
    if (loaded.setAside !== null) {
      const aside = setAsideKey(role, new Date());
      // Replace the stored state only once the original is safe under its new key.
      const kept = write(aside, loaded.setAside) && write(key, serialise(store));
      notify(loaded.notice?.message ?? '', kept ? { key: aside, raw: loaded.setAside } : { key, raw: loaded.setAside });
    }
  };

  const shown = (): Run | null => (viewing ? findRun(store, viewing) ?? null : store.current);

  const announce = (message: string) => {
    if (announcer) announcer.textContent = message;
  };
  const counts = (run: Run | null) => {
    const all = progress(run, ids);
    return `Đã xong ${all.done}/${all.total} việc`;
  };

  function render(): void {
    const run = shown();
    const live = run !== null && viewing === null;
    for (const item of items) {
      const state = itemOf(run, item.id);
      if (item.tick) {
        item.tick.checked = Boolean(state?.doneAt);
        item.tick.disabled = !live;
      }
      show(item.run, run !== null);
      if (item.doneAt && run) {
        item.doneAt.textContent = state?.doneAt ? `Xong lúc ${clockTime(state.doneAt, run.date)}` : '';
        show(item.doneAt, Boolean(state?.doneAt));
      }
      if (item.approve && run) {
        item.approve.checked = Boolean(state?.approvedAt);
        item.approve.disabled = !live;
        if (item.approvedAt) item.approvedAt.textContent = state?.approvedAt ? `(lúc ${clockTime(state.approvedAt, run.date)})` : '';
      }
      if (item.note && document.activeElement !== item.note) item.note.value = state?.note ?? '';
      if (item.note) item.note.readOnly = !live;
    }
    for (const moment of moments) {
      const { done, total } = progress(run, moment.ids);
      if (moment.out) moment.out.textContent = `Đã xong ${done}/${total}`;
      show(moment.out, run !== null);
    }
    const all = progress(run, ids);
    if (bar) {
      bar.max = all.total;
      bar.value = all.done;
    }
    const text = $('[data-progress-text]', panel);
    if (text) text.textContent = counts(run);
    show($('[data-progress-all]', panel), run !== null);
    if (status) {
      status.textContent = viewing && run
        ? `Đang xem ca đã qua (chỉ xem): ${runLabel(run)}, kết thúc lúc ${run.endedAt ? clockTime(run.endedAt, run.date) : ''}.`
        : run
          ? `Ca đang mở: ${runLabel(run)}, bắt đầu lúc ${clockTime(run.startedAt, run.date)}.`
          : 'Chưa có ca nào đang mở. Bắt đầu ca mới để đánh dấu việc đã xong, ghi giờ và ghi chú.';
    }
    show($('[data-end]', panel), live);
    show($('[data-back]', panel), viewing !== null);
    for (const button of $$('[data-print-mode="run"], [data-print-mode="handover"]', panel)) show(button, run !== null);
    show($('[data-start-warning]', panel), store.current !== null);
    if (startBox && !store.current && !viewing) startBox.open = true;
    for (const listener of listeners) listener();
  }

  function renderHistory(): void {
    const list = $('[data-history-list]', history);
    if (!list) return;
    list.replaceChildren(
      ...store.history.map((run) => {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.openRun = run.id;
        button.textContent = runLabel(run);
        const detail = document.createElement('span');
        detail.textContent = ` ${counts(run).toLowerCase()}, kết thúc lúc ${run.endedAt ? clockTime(run.endedAt, run.date) : ''}`;
        li.append(button, detail);
        return li;
      }),
    );
    show($('[data-history-empty]', history), store.history.length === 0);
  }

  /** Applies a change to the open run, stores it and redraws; a refused change is shown, not thrown. */
  function update(change: (store: Store) => Store): boolean {
    try {
      store = change(store);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error));
      return false;
    }
    write(key, serialise(store));
    render();
    return true;
  }

  // The paper sheet: blank as built, filled for "In ca này", open items only for "In bàn giao ca".
  function fillSheet(mode: PrintMode): void {
    const sheet = $('[data-sheet]');
    if (!sheet) return;
    const run = mode === 'blank' ? null : shown();
    const open = new Set(openItems(run, ids));
    const title = $('[data-sheet-title]', sheet);
    if (title) title.textContent = mode === 'handover' ? 'Bàn giao ca: việc còn mở' : 'Danh sách việc trong ca trực';
    for (const field of $$('[data-sheet-field]', sheet)) {
      const name = field.dataset.sheetField as 'date' | 'shift' | 'officer';
      field.textContent = run ? (name === 'date' ? dateVi(run.date) : run[name]) : '';
    }
    const note = $('[data-sheet-handover]', sheet);
    if (note && run) {
      const now = new Date().toISOString();
      note.textContent =
        open.size === 0
          ? `Mọi việc trong danh sách đã xong (lập lúc ${clockTime(now, run.date)}).`
          : `Còn ${open.size}/${ids.length} việc chưa xong (lập lúc ${clockTime(now, run.date)}).`;
    }
    show(note, mode === 'handover');
    for (const row of $$('[data-sheet-item]', sheet)) {
      const state = itemOf(run, row.dataset.sheetItem ?? '');
      $('[data-sheet-done]', row)?.classList.toggle('on', Boolean(state?.doneAt));
      $('[data-sheet-approved]', row)?.classList.toggle('on', Boolean(state?.approvedAt));
      const time = $('[data-sheet-time]', row);
      if (time) time.textContent = run && state?.doneAt ? clockTime(state.doneAt, run.date) : '';
      const text = $('[data-sheet-note]', row);
      if (text) text.textContent = state?.note ?? '';
      show(row, mode !== 'handover' || open.has(row.dataset.sheetItem ?? ''));
    }
    for (const group of $$('tbody', sheet)) show(group, $$('[data-sheet-item]:not([hidden])', group).length > 0);
    const signer = $('[data-sheet-signer]', sheet);
    if (signer) signer.textContent = mode === 'handover' ? 'Người bàn giao ca' : 'Người trực ca';
  }

  // Events
  root.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    const item = items.find((entry) => entry.tick === target || entry.approve === target);
    if (!item) return;
    const now = new Date();
    if (target === item.tick) {
      if (!update((s) => setDone(s, item.id, target.checked, now))) return;
      const moment = moments.find((m) => m.ids.includes(item.id));
      const part = moment ? progress(store.current, moment.ids) : null;
      announce(
        `${target.checked ? 'Đã xong' : 'Bỏ đánh dấu'}: ${item.action}. ` +
          (moment && part ? `${moment.name}: ${part.done}/${part.total}. ` : '') +
          `Cả ca: ${counts(store.current).toLowerCase()}.`,
      );
    } else if (update((s) => setApproved(s, item.id, target.checked, now))) {
      announce(target.checked ? `Đã ghi nhận phê duyệt: ${item.action}.` : `Bỏ ghi nhận phê duyệt: ${item.action}.`);
    }
  });
  root.addEventListener('input', (event) => {
    const item = items.find((entry) => entry.note === event.target);
    if (item?.note) update((s) => setNote(s, item.id, item.note?.value ?? ''));
  });

  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const input = { date: String(data.get('date') ?? ''), shift: String(data.get('shift') ?? ''), officer: String(data.get('officer') ?? '') };
    const now = new Date();
    const id = newId(now);
    try {
      store = startRun(store, input, now, id);
    } catch (error) {
      if (formError) formError.textContent = error instanceof Error ? error.message : String(error);
      show(formError, true);
      return;
    }
    show(formError, false);
    write(key, serialise(store));
    viewing = null;
    form.reset();
    resetDate();
    if (startBox) startBox.open = false;
    render();
    renderHistory();
    announce(`Đã bắt đầu ca mới: ${runLabel(store.current as Run)}.`);
    status?.focus();
  });

  panel.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    const mode = button.dataset.printMode as PrintMode | undefined;
    if (mode) {
      fillSheet(mode);
      window.print();
    } else if (button.hasAttribute('data-end')) {
      const open = openItems(store.current, ids).length;
      if (!update((s) => endRun(s, new Date()))) return;
      renderHistory();
      announce(`Đã kết thúc ca; ${open === 0 ? 'mọi việc đã xong' : `còn ${open} việc chưa xong`}. Ca được lưu trong “Các ca đã qua”.`);
      status?.focus();
    } else if (button.hasAttribute('data-back')) {
      viewing = null;
      render();
      status?.focus();
    }
  });

  history.addEventListener('click', (event) => {
    const runId = (event.target as Element).closest<HTMLElement>('[data-open-run]')?.dataset.openRun;
    if (!runId) return;
    viewing = runId;
    render();
    status?.focus();
  });

  // After printing, Ctrl+P prints the blank checklist again.
  window.addEventListener('afterprint', () => fillSheet('blank'));
  // Another tab changed the runs of this role: follow it.
  window.addEventListener('storage', async (event) => {
    if (event.key !== key) return;
    if (event.newValue !== null) reader ??= await storeReader();
    load(event.newValue);
    if (viewing && !findRun(store, viewing)) viewing = null;
    render();
    renderHistory();
  });

  const dateInput = $<HTMLInputElement>('[name="date"]', panel);
  const resetDate = () => {
    if (dateInput) dateInput.value = localDate(new Date());
  };

  // The form proposes today's date whenever it is opened.
  startBox?.addEventListener('toggle', () => {
    if (startBox.open) resetDate();
  });

  load(saved);
  resetDate();
  show(panel, true);
  show(history, true);
  render();
  renderHistory();

  (root as ChecklistHost).checklist = {
    role,
    store: () => store,
    shown: () => ({ run: shown(), live: viewing === null && store.current !== null }),
    commit(next) {
      store = next;
      if (viewing && !findRun(store, viewing)) viewing = null;
      write(key, serialise(store));
      render();
      renderHistory();
    },
    onRender: (listener) => void listeners.push(listener),
  };
  root.dispatchEvent(new Event('checklist:ready'));
}

const root = document.querySelector<HTMLElement>('[data-checklist]');
if (root) void start(root);
