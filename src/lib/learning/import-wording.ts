/**
 * What the learning path says when a progress file is opened: apart from wording.ts, it comes
 * with the code that opens files, on first use.
 */
/** The outcome of opening a progress file on this device. */
export function importLine(
  file: string,
  outcome: 'merged' | 'not-saved' | 'damaged' | 'newer' | 'other-format' | 'far-stamp' | 'too-many',
  answers = 0,
): string {
  if (outcome === 'merged')
    return `Đã mở tệp «${file}»: thêm ${answers} câu trả lời vào tiến độ trên máy này.`;
  if (outcome === 'not-saved')
    return `Đã đọc tệp «${file}» (${answers} câu trả lời mới), nhưng trình duyệt không cho lưu (bộ nhớ đầy hoặc bị chặn): tiến độ chỉ còn trên trang này. Hãy giữ tệp, giải phóng bộ nhớ của trình duyệt rồi mở lại tệp.`;
  if (outcome === 'too-many')
    return `Không mở được tệp «${file}»: gộp với tiến độ trên máy này thì vượt quá số câu trả lời trang giữ được. Tiến độ trên máy này giữ nguyên.`;
  if (outcome === 'far-stamp')
    return `Không mở được tệp «${file}»: thời điểm sửa tên trong tệp không hợp lệ (sau năm 2100). Tiến độ trên máy này giữ nguyên.`;
  if (outcome === 'newer')
    return `Không mở được tệp «${file}»: tệp do một phiên bản mới hơn của sổ tay tạo ra. Tiến độ trên máy này giữ nguyên.`;
  if (outcome === 'other-format')
    return `Không mở được tệp «${file}»: đây không phải tệp tiến độ học. Tiến độ trên máy này giữ nguyên.`;
  return `Không mở được tệp «${file}»: tệp bị hỏng hoặc không đúng định dạng. Tiến độ trên máy này giữ nguyên.`;
}
