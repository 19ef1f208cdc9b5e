/**
 * What the pages say about saved work, whatever the store (kept.ts): where text that could
 * not be used went, and a save that did not happen. Each sentence says what happened and
 * what to do; one that says work was kept is said only when it was (tested where keeping
 * failed).
 */
import type { Aside, Saved } from './kept.ts';

/** After the store's own sentence (what was wrong with it), where the old copy is. */
export const asideWhere = (where: Aside['where']): string =>
  where === 'stored'
    ? 'Bản lưu cũ được cất riêng trong trình duyệt, không bị xóa.'
    : 'Trình duyệt không còn chỗ (hoặc bị chặn) nên không cất được bản cũ: hãy tải bản cũ về máy ngay. Trang chưa ghi gì đè lên bản cũ cho đến khi bạn tải.';

/** The link to the old copy: kept in the browser, or only on the page until downloaded. */
export const downloadOld = (where: 'stored' | 'held'): string =>
  where === 'stored' ? 'Tải bản đã cất về máy' : 'Tải bản cũ về máy';

/** Once the held copy is downloaded. */
export const HELD_RELEASED = 'Đã tải bản cũ về máy. Từ giờ trang lưu lại như thường.';

/** A change that was not stored: why, and what to do. */
export function notSaved(saved: Saved): string {
  if (saved === 'not-ready')
    return 'Chưa lưu thay đổi: trang còn đang đọc dữ liệu đã lưu. Hãy làm lại sau giây lát.';
  if (saved === 'stale')
    return 'Chưa lưu thay đổi: trang này là bản cũ của sổ tay và không gộp được với thay đổi của thẻ khác, nên không ghi đè lên chúng. Hãy tải bản hiện tại về máy, rồi tải lại trang.';
  if (saved === 'held')
    return 'Chưa lưu thay đổi: trang đang chờ bạn tải bản cũ về máy (xem thông báo ở trên), để không ghi đè lên nó.';
  return 'Trình duyệt không cho lưu (bộ nhớ đầy hoặc bị chặn): thay đổi mới chỉ còn trên trang này và sẽ mất khi đóng trang. Hãy tải bản hiện tại về máy, rồi giải phóng bộ nhớ của trình duyệt.';
}

/** The link to what is on the page now. */
export const DOWNLOAD_NOW = 'Tải bản hiện tại về máy';

/** Once a save succeeds again after failing. */
export const SAVED_AGAIN = 'Đã lưu lại được: mọi thay đổi trên trang nay đã nằm trong trình duyệt.';
