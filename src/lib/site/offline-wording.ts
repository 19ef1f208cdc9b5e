/**
 * What the offline copy's control says, as pure functions: sizes the way Vietnamese writes
 * them (decimal comma), the offer with its size before anything is downloaded, progress,
 * the outcome.
 */

const KB = 1024;
const MB = 1024 * KB;

/** 0 → "0 KB", 512 → "1 KB", 540_000 → "527 KB", 2_936_012 → "2,8 MB": a file that exists is never "0 KB". */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0 KB';
  if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / KB))} KB`;
}

/** The button before anything is known. */
export const OFFER_LABEL = 'Lưu để dùng khi mất mạng';

/** Once the size is known: what the copy holds and what it costs, asked before downloading. */
export function offerText(pages: number, bytes: number): string {
  return `Bản lưu gồm ${pages} trang, tìm kiếm và biểu mẫu trống: ${formatBytes(bytes)}. Tải về khi mạng cho phép; sau đó sổ tay dùng được khi mất mạng.`;
}

/** The button that starts the download, with its size. */
export const confirmLabel = (bytes: number): string => `Tải về (${formatBytes(bytes)})`;

/** While downloading. */
export const progressText = (done: number, total: number): string =>
  `Đang tải: ${formatBytes(done)} / ${formatBytes(total)}.`;

export const SAVED = 'Đã lưu: mọi trang, tìm kiếm và biểu mẫu trống dùng được khi mất mạng.';
export const INTERRUPTED = 'Chưa tải được hết (mạng bị ngắt?). Bấm lại để tải tiếp phần còn thiếu.';
export const RESUME_LABEL = 'Tải tiếp';
/** The list of files could not be fetched: most likely no network yet. */
export const OFFER_FAILED =
  'Chưa lấy được danh sách cần tải (máy đang mất mạng?). Bấm lại khi có mạng.';
/** The browser refused to store more: not the network's fault, and not cured by trying again. */
export const NO_SPACE = (bytes: number): string =>
  `Trình duyệt không còn chỗ để lưu bản dùng khi mất mạng (cần khoảng ${formatBytes(bytes)}). Hãy giải phóng bộ nhớ của trình duyệt, rồi bấm «Tải tiếp».`;
