/**
 * What a shift needs now and then, loaded on first use so that a role page's first paint
 * stays small (checklist.ts): the paper sheets, the end-of-shift review, the officer's name,
 * and the notice that shows both texts when two tabs changed the same note or entry.
 */
import { $, $$, el, short, type PrintMode, type ShiftRuns } from './checklist.ts';
import type { ReplacedEdit } from '../lib/checklist/merge.ts';
import { ChecklistError, endRun, itemOf, newId, openItems, runLabel, setNote, setOfficer } from '../lib/checklist/state.ts';
import type { Run } from '../lib/checklist/schema.ts';
import { runTime, shiftHours } from '../lib/checklist/time.ts';
import { formatDateVi } from '../lib/vi.ts';

/** Fills the paper sheet: blank as built, filled for "In ca này", open items only for "In bàn giao ca". */
export function fillSheet(runs: ShiftRuns, mode: PrintMode): void {
  const sheet = $('[data-sheet]');
  if (!sheet) return;
  const run = mode === 'blank' ? null : runs.shown();
  const open = new Set(openItems(run, runs.ids));
  const title = $('[data-sheet-title]', sheet);
  if (title) title.textContent = mode === 'handover' ? 'Bàn giao ca: việc còn mở' : 'Danh sách việc trong ca trực';
  for (const field of $$('[data-sheet-field]', sheet)) {
    const name = field.dataset.sheetField;
    field.textContent = !run ? '' : name === 'date' ? formatDateVi(run.date) : name === 'shift' ? [run.shift, shiftHours(run)].filter(Boolean).join(' ') : run.officer;
  }
  const note = $('[data-sheet-handover]', sheet);
  if (note && run) {
    const made = runTime(run, new Date());
    note.textContent =
      open.size === 0 ? `Mọi việc trong danh sách đã xong (lập lúc ${made}).` : `Còn ${open.size}/${runs.ids.length} việc chưa xong (lập lúc ${made}).`;
  }
  note?.toggleAttribute('hidden', mode !== 'handover');
  for (const row of $$('[data-sheet-item]', sheet)) {
    const state = itemOf(run, row.dataset.sheetItem ?? '');
    $('[data-sheet-done]', row)?.classList.toggle('on', Boolean(state?.doneAt));
    $('[data-sheet-approved]', row)?.classList.toggle('on', Boolean(state?.approvedAt));
    const time = $('[data-sheet-time]', row);
    if (time) time.textContent = run && state?.doneAt ? runTime(run, state.doneAt) : '';
    const text = $('[data-sheet-note]', row);
    if (text) text.textContent = state?.note ?? '';
    row.toggleAttribute('hidden', !(mode !== 'handover' || open.has(row.dataset.sheetItem ?? '')));
  }
  for (const group of $$('tbody', sheet)) group.toggleAttribute('hidden', $$('[data-sheet-item]:not([hidden])', group).length === 0);
  const signer = $('[data-sheet-signer]', sheet);
  if (signer) signer.textContent = mode === 'handover' ? 'Người bàn giao ca' : 'Người trực ca';
}

export function print(runs: ShiftRuns, mode: PrintMode): void {
  fillSheet(runs, mode);
  window.print();
}

/** Saves the officer's name of the open run, or puts the refusal next to the field. */
export function saveOfficer(runs: ShiftRuns, form: HTMLFormElement): void {
  runs.clearErrors(form);
  const value = String(new FormData(form).get('officer') ?? '');
  try {
    runs.commit(setOfficer(runs.store, value, new Date()));
  } catch (error) {
    if (!(error instanceof ChecklistError)) throw error;
    runs.fieldError(form, error);
    return;
  }
  const box = $<HTMLDetailsElement>('[data-officer]', runs.panel);
  if (box) box.open = false;
  runs.announce('Đã lưu tên người trực.');
}

/** Fills the review of the open run: its times, what is still open per moment, approvals, the journal. */
function fillReview(runs: ShiftRuns, dialog: HTMLDialogElement, run: Run): void {
  const line = $('[data-review-run]', dialog);
  if (line) line.textContent = `${runLabel(run)}. Mở sổ lúc ${runTime(run, run.startedAt)}; ${runs.counts(run).toLowerCase()}.`;
  const open = new Set(openItems(run, runs.ids));
  const groups = runs.moments
    .map((moment) => ({ name: moment.name, items: moment.ids.filter((id) => open.has(id)) }))
    .filter((group) => group.items.length > 0);
  const actionOf = (id: string) => runs.items.find((item) => item.id === id)?.action ?? id;
  $('[data-review-open]', dialog)?.replaceChildren(
    ...(groups.length === 0
      ? [el('p', 'Mọi việc trong danh sách đã xong.')]
      : [
          el('p', `Còn ${open.size} việc chưa xong:`),
          ...groups.flatMap((group) => {
            const list = el('ul');
            list.append(...group.items.map((id) => el('li', actionOf(id))));
            return [el('h3', group.name), list];
          }),
        ]),
  );
  const pending = runs.items.filter((item) => item.approve && itemOf(run, item.id)?.doneAt && !itemOf(run, item.id)?.approvedAt);
  const approvals = $('[data-review-approvals]', dialog);
  if (approvals) {
    approvals.textContent =
      pending.length === 0
        ? 'Không có việc đã xong nào còn chờ ghi nhận phê duyệt.'
        : `Đã xong nhưng chưa ghi nhận phê duyệt: ${pending.map((item) => item.action).join('; ')}.`;
  }
  const journal = $('[data-review-journal]', dialog);
  if (journal) journal.textContent = `Nhật ký của ca: ${run.journal.length === 0 ? 'chưa có mục nào' : `${run.journal.length} mục`}.`;
}

/** "Kết thúc ca…": the review, from which the officer confirms (or prints, or exports, or goes back). */
export function openReview(runs: ShiftRuns): void {
  const run = runs.store.current;
  const dialog = $<HTMLDialogElement>('[data-review]', runs.panel);
  if (!run || !dialog) return;
  fillReview(runs, dialog, run);
  dialog.showModal();
  $('#xem-lai-ca', dialog)?.focus();
}

export function confirmEnd(runs: ShiftRuns): void {
  const dialog = $<HTMLDialogElement>('[data-review]', runs.panel);
  const open = openItems(runs.store.current, runs.ids).length;
  const ended = runs.store.current?.id ?? null;
  const done = runs.update((store) => endRun(store, new Date()));
  dialog?.close();
  if (!done) return;
  // The ended run stays on screen, read-only, with "Mở lại" until another run starts.
  runs.viewing = ended;
  runs.render();
  runs.announce(
    `Đã kết thúc ca; ${open === 0 ? 'mọi việc đã xong' : `còn ${open} việc chưa xong`}. Ca được lưu trong “Các ca đã qua”; có thể mở lại cho đến khi bắt đầu ca mới.`,
  );
  $('[data-status]', runs.panel)?.focus();
}

/** Says that another tab's value replaced this tab's, shows both, and offers to put this tab's back. */
export function showReplaced(runs: ShiftRuns, edits: readonly ReplacedEdit[]): void {
  const box = $('[data-notices]', runs.panel);
  if (!box) return;
  for (const edit of edits) {
    const notice = el('div');
    notice.className = 'notice';
    notice.setAttribute('role', 'alert');
    const button = el('button', edit.kind === 'note' ? 'Dùng ghi chú của thẻ này' : 'Ghi lại mục của thẻ này');
    button.type = 'button';
    if (edit.kind === 'note') {
      const action = runs.items.find((item) => item.id === edit.itemId)?.action ?? edit.itemId;
      notice.append(
        el('p', `Ghi chú của việc ‘${short(action)}’ vừa được sửa ở một thẻ khác cùng lúc với thẻ này.`),
        el('p', `Đang giữ: ‘${short(edit.kept) || '(trống)'}’. Bản ở thẻ này: ‘${short(edit.mine) || '(trống)'}’.`),
      );
      button.addEventListener('click', () => {
        if (runs.update((store) => setNote(store, edit.itemId, edit.mine, new Date()), [edit.itemId])) notice.remove();
      });
    } else {
      notice.append(
        el('p', `Mục nhật ký lúc ${edit.mine.at.slice(11, 16)} vừa được ${edit.kept ? 'sửa' : 'xóa'} ở một thẻ khác cùng lúc với thẻ này.`),
        el('p', `${edit.kept ? `Đang giữ: ‘${short(edit.kept.content)}’. ` : ''}Bản ở thẻ này: ‘${short(edit.mine.content)}’.`),
      );
      button.addEventListener('click', async () => {
        const { addEntry, inputOf } = await import('../lib/checklist/entries.ts');
        if (runs.update((store) => addEntry(store, inputOf(edit.mine), newId(), new Date()))) notice.remove();
      });
    }
    notice.append(button);
    box.append(notice);
  }
}
