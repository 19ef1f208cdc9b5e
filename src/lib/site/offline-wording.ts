/**
 * What the offline copy's control says, as pure functions: sizes the way Vietnamese writes
 * them (decimal comma), the offer with its size before anything is downloaded, progress,
 * the outcome, and why it stopped (a full disk is not a lost connection); and what the page
 * shown offline for a page not saved says.
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
export const RESUME_LABEL = 'Tải tiếp';

/**
 * Why a download stopped, as the control tells it: each cause named as what it is, with what
 * to do. `quota`: the browser refused to store more; `network`: the connection failed;
 * `server`: the server answered with an error (`status`), e.g. a file of an older version.
 */
export type CopyFailure =
  | { kind: 'quota'; needed: number; free?: number | undefined }
  | { kind: 'network'; done: number; total: number }
  | { kind: 'server'; status: number };

export function failureText(failure: CopyFailure): string {
  switch (failure.kind) {
    case 'quota': {
      const room =
        failure.free === undefined
          ? ''
          : `, trình duyệt chỉ còn cho trang này khoảng ${formatBytes(Math.max(0, failure.free))}`;
      return `Máy không còn đủ chỗ để lưu: phần còn lại cần ${formatBytes(failure.needed)}${room}. Hãy giải phóng chỗ trên máy (hoặc xóa dữ liệu của các trang web khác trong trình duyệt), rồi bấm «${RESUME_LABEL}»: phần đã tải vẫn được giữ.`;
    }
    case 'network':
      return `Mất mạng khi đang tải: đã lưu ${formatBytes(failure.done)} / ${formatBytes(failure.total)}. Khi có mạng, bấm «${RESUME_LABEL}» để tải phần còn thiếu.`;
    case 'server':
      return `Máy chủ không gửi được một tệp (mã ${failure.status}): có thể sổ tay vừa có bản mới. Hãy tải lại trang rồi bấm lại.`;
  }
}

/** Pressed with no connection: the list of what to save cannot be fetched. */
export const OFFLINE_NOW =
  'Máy đang mất mạng: chưa lấy được danh sách để lưu. Khi có mạng, bấm lại nút này.';

/** The page shown, offline, for a page not saved: how many pages are saved on this device. */
export function savedPagesText(count: number): string {
  return count === 0
    ? 'Chưa có trang nào của sổ tay được lưu trên máy này.'
    : `${count} trang đã lưu trên máy này, mở được ngay khi mất mạng:`;
}
