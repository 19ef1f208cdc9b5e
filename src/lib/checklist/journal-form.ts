/**
 * The journal log's working part (the entries, the form, export and import) as HTML, made by
 * the log's code when it is opened: it needs that code anyway, and a role page's first visit
 * then carries none of it (docs/DESIGN.md, «Islands»). Only the handbook's own constant words
 * go in; nothing typed by a person is ever put into this HTML.
 */
import { FIELD_LABELS, KINDS } from './entries.ts';
import { ENTRY_KINDS, LIMITS } from './schema.ts';
import * as matter from './matter-wording.ts';

const TEXT_FIELDS = [
  {
    name: 'content',
    id: 'nk-noi-dung',
    required: true,
    rows: 3,
    hint: 'Việc đã làm, tình huống phát sinh hoặc thông tin nhận được; tối đa',
  },
  { name: 'direction', id: 'nk-chi-dao', required: false, rows: 2, hint: 'Tối đa' },
  {
    name: 'informed',
    id: 'nk-thong-bao',
    required: false,
    rows: 2,
    hint: 'Đơn vị, cá nhân có liên quan đã được thông báo; tối đa',
  },
  { name: 'result', id: 'nk-ket-qua', required: false, rows: 2, hint: 'Tối đa' },
] as const;

const kindChoice = (kind: (typeof ENTRY_KINDS)[number], index: number) =>
  `<p class="choice"><input type="radio" id="nk-loai-${kind}" name="kind" value="${kind}"${index === 0 ? ' checked' : ''}><label for="nk-loai-${kind}">${KINDS[kind].label}</label></p>`;

const textField = (field: (typeof TEXT_FIELDS)[number]) =>
  `<p class="field"><label for="${field.id}">${FIELD_LABELS[field.name]}${field.required ? '' : `<span class="optional"> (${field.name === 'result' ? 'không bắt buộc' : 'ghi khi có'})</span>`}</label>` +
  `<span class="hint" id="${field.id}-goi-y">${field.hint} ${LIMITS[field.name]} ký tự; chữ dài hơn một dòng được ghi tiếp ở các dòng dưới.</span>` +
  `<textarea id="${field.id}" name="${field.name}" rows="${field.rows}" data-max="${LIMITS[field.name]}"${field.required ? ' required' : ''} aria-describedby="${field.id}-goi-y nk-loi"></textarea></p>`;

/**
 * Receiving the handover, shown only while something is offered: the previous run's matters,
 * or those of a run file (its picker is with export and import); the list and its button are
 * drawn by the log's code (journal-log.ts). What receiving did is said just below it.
 */
const handoverHtml = (): string =>
  `<section class="journal-handover" aria-labelledby="nk-ban-giao" data-journal-handover hidden>` +
  `<h3 id="nk-ban-giao" tabindex="-1">${matter.receiveHeading}</h3>` +
  `<div data-handover-offer></div>` +
  `</section>` +
  `<div class="journal-result" role="status" data-handover-result></div>`;

/** The picker of a run file whose matters followed are received (not the run itself). */
const handoverFileHtml = (readingHref: string): string =>
  `<p class="field"><label for="nk-nhan-tep">${matter.receiveFromFile}</label><span class="hint" id="nk-nhan-tep-goi-y">${matter.receiveFromFileHint}${readingHref ? ` <a href="${readingHref}">Cách hiểu của sổ tay</a>.` : ''}</span><input type="file" id="nk-nhan-tep" accept=".json,application/json" aria-describedby="nk-nhan-tep-goi-y" data-handover-file></p>`;

/** The log's body after its loading line: receiving the handover, entries, the form for one, export and import. */
export const journalBodyHtml = (readingHref = ''): string =>
  handoverHtml() +
  `<p class="run-status" data-journal-state tabindex="-1"></p>` +
  `<ol class="journal-entries" data-journal-list></ol>` +
  `<template data-journal-entry><li class="journal-entry"><p class="entry-head"><strong></strong></p><p class="entry-content"></p><dl class="entry-parts"><dt></dt><dd></dd></dl><p class="entry-matter" data-matter-line hidden><span></span> <button type="button" data-matter-action></button></p><p class="run-actions"><button type="button" data-edit>Sửa</button><button type="button" data-remove>Xóa</button></p></li></template>` +
  `<form class="journal-form" data-journal-form novalidate hidden>` +
  `<h3 data-journal-legend tabindex="-1">Mục mới</h3>` +
  `<div class="journal-when">` +
  `<p class="field"><label for="nk-ngay">${FIELD_LABELS.date}</label><input type="date" id="nk-ngay" name="date" required aria-describedby="nk-loi"></p>` +
  `<p class="field"><label for="nk-gio">${FIELD_LABELS.time}</label><input type="time" id="nk-gio" name="time" required aria-describedby="nk-loi"></p>` +
  `</div>` +
  `<fieldset class="field journal-kinds"><legend>${FIELD_LABELS.kind}</legend>${ENTRY_KINDS.map(kindChoice).join('')}</fieldset>` +
  TEXT_FIELDS.map(textField).join('') +
  `<p class="approved"><input type="checkbox" id="nk-theo-doi" name="followUp" aria-describedby="nk-theo-doi-goi-y"><label for="nk-theo-doi">${matter.followUpLabel}</label></p>` +
  `<p class="hint" id="nk-theo-doi-goi-y">${matter.followUpHint}${readingHref ? ` <a href="${readingHref}">Cách hiểu của sổ tay</a>.` : ''}</p>` +
  `<p class="run-error" id="nk-loi" data-journal-error hidden></p>` +
  `<p class="run-actions"><button type="submit" data-journal-submit>Ghi vào nhật ký</button><button type="button" data-journal-cancel hidden>Hủy sửa</button></p>` +
  `</form>` +
  `<div class="journal-export" data-journal-export hidden>` +
  `<h3>Xuất, nhập</h3>` +
  `<p class="approved"><input type="checkbox" id="nk-viec-xong" data-journal-ticked><label for="nk-viec-xong">Đưa cả các việc đã đánh dấu xong hay không phát sinh trong danh sách vào nhật ký (loại «${KINDS['cong-viec'].label}», giờ là lúc đánh dấu)</label></p>` +
  `<p class="run-actions"><button type="button" data-journal-pdf>Xuất nhật ký (PDF)</button><button type="button" data-journal-json>Xuất ca ra tệp</button></p>` +
  `<p class="field"><label for="nk-nhap">Nhập ca từ tệp</label><span class="hint" id="nk-nhap-goi-y">Tệp do nút «Xuất ca ra tệp» tạo ra, ở máy này hoặc máy khác.</span><input type="file" id="nk-nhap" accept=".json,application/json" aria-describedby="nk-nhap-goi-y" data-journal-import></p>` +
  handoverFileHtml(readingHref) +
  `<div class="journal-result" role="status" data-journal-result></div>` +
  `</div>`;
