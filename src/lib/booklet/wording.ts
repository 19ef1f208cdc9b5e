/**
 * Every sentence the booklet page (/in/) shows while it lays the handbook out in pages, as
 * pure functions: src/client/booklet.ts only puts them on the page, and
 * test/unit/booklet.test.ts checks them with tables. Names of buttons go between « ».
 */
import type { Paper } from './paper.ts';

/** What the print dialog needs for this paper (a browser that ignores the page's own size asks). */
export const printHint = (paper: Paper): string =>
  paper.id === 'a5'
    ? 'Trong hộp thoại in, chọn khổ giấy A5, tỉ lệ 100%; để in hai trang A5 trên một tờ A4, chọn 2 trang mỗi tờ.'
    : 'Trong hộp thoại in, chọn khổ giấy A4, tỉ lệ 100%.';

/** While the pages are being laid out: `pages` done so far (0 before the first). */
export const paginating = (paper: Paper, pages: number): string =>
  pages === 0
    ? `Đang dàn trang khổ ${paper.name}…`
    : `Đang dàn trang khổ ${paper.name}: đã xong ${pages} trang…`;

/** When the booklet is laid out and ready to print. */
export const ready = (paper: Paper, pages: number): string =>
  `Đã dàn trang xong: ${pages} trang khổ ${paper.name}, mục lục ghi số trang của từng phần. ` +
  `Bấm «In sổ tay» hoặc Ctrl+P. ${printHint(paper)}`;

/** When Paged.js failed: printing still gives the whole handbook, as one long document. */
export const FAILED =
  'Không dàn trang được trên trình duyệt này. Bản in vẫn đủ nội dung, đúng thứ tự, nhưng không có số ' +
  'trang, và mục lục không ghi số trang.';

/** A part's first page, beside its entry in the on-screen contents. */
export const pageOf = (page: number): string => `tr. ${page}`;
