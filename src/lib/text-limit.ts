/**
 * What a page says at a field whose text is over its limit (src/client/length-check.ts):
 * apart from the store's wording, so that a form's first paint carries this sentence only.
 */

/** Said at a field whose text is over what a file or the journal can hold: the text stays as typed. */
export const textTooLong = (max: number, count: number): string =>
  `Tối đa ${max} ký tự, đang có ${count}: hãy viết gọn lại. Chữ đã gõ vẫn giữ nguyên trong ô; khi đủ ngắn mới ghi và xuất được.`;
