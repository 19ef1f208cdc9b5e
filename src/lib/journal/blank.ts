/** The blank journals the site offers for printing: built with the site, written to dist/bieu-mau/. */
export const BLANK_JOURNALS = [
  { pages: 1, file: 'nhat-ky-truc-ban-1-trang.pdf' },
  { pages: 10, file: 'nhat-ky-truc-ban-10-trang.pdf' },
] as const;

/** Folder of the site (and of dist/) that holds them. */
export const BLANK_JOURNAL_DIR = 'bieu-mau';

/** File name of one day's journal in a batch: "nhat-ky-truc-ban-2025-03-04.pdf". */
export const dayFileName = (isoDate: string): string => `nhat-ky-truc-ban-${isoDate}.pdf`;

/** File name of a range in one file: "nhat-ky-truc-ban-2026-01-01-den-2026-01-31.pdf". */
export const rangeFileName = (from: string, to: string): string =>
  `nhat-ky-truc-ban-${from}-den-${to}.pdf`;

/** "39,8 KB": a file size the way a Vietnamese reader writes it. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
}
