/**
 * What the journal generator on /bieu-mau/ (src/client/journal-generator.ts) says: the page
 * count announced before a range is made, the progress, the file made, and a Vietnamese
 * message for each option the PDF module refuses in English. Pure, so that every sentence is
 * unit-tested (test/unit/journal-wording.test.ts).
 */
import {
  MAX_FILE_PAGES,
  MAX_PAGES,
  MAX_RANGE_DAYS,
  MIN_PAGES,
  type JournalOptionError,
  type JournalOptionName,
} from './options.ts';
import { formatDateVi } from '../vi.ts';

/** "1.098": thousands the way Vietnamese writes them. */
export const numberVi = (value: number): string => value.toLocaleString('vi-VN');

const fileLimit = `Một tệp chứa tối đa ${numberVi(MAX_FILE_PAGES)} trang`;

/** The characters the module names in its message ("U+1F600 (😀)"), space-separated. */
const charsIn = (message: string): string =>
  [...message.matchAll(/U\+[0-9A-F]+ \((.)\)/gu)].map((match) => match[1]).join(' ');

/** Vietnamese for what the module reports in English, by option. */
export function optionMessage(error: Pick<JournalOptionError, 'option' | 'message'>): string {
  const chars = charsIn(error.message);
  const fontLacks = `Phông chữ của mẫu không có các ký tự: ${chars}. Hãy bỏ hoặc thay các ký tự này.`;
  switch (error.option) {
    case 'unit':
      return chars
        ? fontLacks
        : 'Tên đơn vị quá dài so với dòng đơn vị trên mẫu. Hãy viết gọn lại.';
    case 'agency':
      if (chars) return fontLacks;
      if (error.message.includes('empty')) return 'Hãy ghi tên cơ quan.';
      return 'Tên cơ quan quá dài so với dòng đầu của mẫu. Hãy viết gọn lại.';
    case 'dates':
      return `${fileLimit}. Hãy bớt số ngày hoặc số trang mỗi ngày.`;
    case 'pages':
      return `Số trang phải là số nguyên từ ${MIN_PAGES} đến ${MAX_PAGES}.`;
    case 'shift':
      return 'Giờ ca trực chưa đúng: cần cả giờ bắt đầu và giờ kết thúc, dạng giờ:phút.';
    case 'to':
      return error.message.includes('at most')
        ? `Khoảng ngày dài nhất là ${MAX_RANGE_DAYS} ngày.`
        : 'Ngày kết thúc phải trùng hoặc sau ngày bắt đầu.';
    default:
      return 'Ngày không có thật hoặc chưa đủ ngày, tháng, năm.';
  }
}

/** Before a range is made: how many pages its file will have (null: the dates are not both chosen). */
export function pageTotal(days: number | null, perDay: number): string {
  if (days === null) return 'Chọn ngày bắt đầu và ngày kết thúc để biết tệp có bao nhiêu trang.';
  const all = days * perDay;
  const text = `${days} ngày × ${perDay} trang = ${numberVi(all)} trang, trong một tệp.`;
  return all > MAX_FILE_PAGES
    ? `${text} ${fileLimit}: hãy bớt số ngày hoặc số trang mỗi ngày.`
    : text;
}

/** A field left empty or half filled, refused before anything is made. */
export const missingInput = {
  day: 'Hãy chọn ngày trực.',
  from: 'Hãy chọn ngày bắt đầu.',
  to: 'Hãy chọn ngày kết thúc.',
  shift: 'Cần cả giờ bắt đầu và giờ kết thúc của ca, hoặc để trống cả hai.',
} as const;

export const generatorStatus = {
  refused: 'Chưa tạo được tệp: xem lỗi ở trên.',
  working: 'Đang tạo…',
  made: 'Đã tạo tệp: bấm vào tên tệp để tải về.',
  failed: 'Không tạo được tệp. Hãy tải lại trang rồi thử lại.',
} as const;

export const progressText = (done: number, count: number): string =>
  `Đang tạo… ${done}/${count} ngày`;

/** The link to the file made: the form's name and its day, or its first and last day. */
export const fileLinkText = (formName: string, days: readonly string[]): string =>
  days.length > 1
    ? `${formName} từ ngày ${formatDateVi(days[0]!)} đến ngày ${formatDateVi(days.at(-1)!)}`
    : `${formName} ngày ${formatDateVi(days[0]!)}`;

/** Beside the link: " (PDF, 2 trang, 41,2 KB)"; `size` is already in words. */
export const fileMeta = (pages: number, size: string): string => ` (PDF, ${pages} trang, ${size})`;

/** Where each refused option is shown: the date box takes the range's options too. */
export const errorBoxOf = (option: JournalOptionName): string =>
  option === 'from' || option === 'to' || option === 'dates' ? 'date' : option;
