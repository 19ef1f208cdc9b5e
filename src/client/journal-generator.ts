/**
 * The journal generator on /bieu-mau/: builds the PDF in the browser with the same module
 * as the command line, from the form layout the page carries as JSON — one day, or a range
 * of days in one file (one download), with the page count shown before and progress during.
 * Nothing leaves the device; the fonts are the site's own files, fetched on first use.
 */
import type { JournalForm } from '../lib/content/forms-schema.ts';
import { dayFileName, formatSize, rangeFileName } from '../lib/journal/blank.ts';
import {
  JournalOptionError,
  MAX_FILE_PAGES,
  MAX_PAGES,
  MAX_RANGE_DAYS,
  MIN_PAGES,
  dateRange,
  parsePages,
  type JournalOptionName,
} from '../lib/journal/options.ts';
import type { JournalFonts } from '../lib/journal/pdf.ts';
import { formatDateVi } from '../lib/vi.ts';
import regularUrl from '../lib/journal/fonts/Tinos-Regular.ttf?url';
import boldUrl from '../lib/journal/fonts/Tinos-Bold.ttf?url';

// pdf-lib and fontkit are most of the weight: fetched when the form is first used, not with the page.
const loadBuilder = () => import('../lib/journal/pdf.ts');

let fonts: Promise<JournalFonts> | undefined;
const loadFonts = (): Promise<JournalFonts> => {
  const get = async (href: string) => {
    const response = await fetch(href);
    if (!response.ok) throw new Error(`${href}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  fonts ??= Promise.all([get(regularUrl), get(boldUrl)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  return fonts;
};

/** "1.098": thousands the way Vietnamese writes them. */
const number = (value: number): string => value.toLocaleString('vi-VN');

/** Vietnamese messages for what the module reports in English, by option. */
function messageFor(error: JournalOptionError): string {
  const chars = [...error.message.matchAll(/U\+[0-9A-F]+ \((.)\)/gu)]
    .map((match) => match[1])
    .join(' ');
  switch (error.option) {
    case 'unit':
      if (chars)
        return `Phông chữ của mẫu không có các ký tự: ${chars}. Hãy bỏ hoặc thay các ký tự này.`;
      return 'Tên đơn vị quá dài so với dòng đơn vị trên mẫu. Hãy viết gọn lại.';
    case 'agency':
      if (chars)
        return `Phông chữ của mẫu không có các ký tự: ${chars}. Hãy bỏ hoặc thay các ký tự này.`;
      if (error.message.includes('empty')) return 'Hãy ghi tên cơ quan.';
      return 'Tên cơ quan quá dài so với dòng đầu của mẫu. Hãy viết gọn lại.';
    case 'dates':
      return `Một tệp chứa tối đa ${number(MAX_FILE_PAGES)} trang. Hãy bớt số ngày hoặc số trang mỗi ngày.`;
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

export function startJournalGenerator(): void {
  const formElement = document.querySelector<HTMLFormElement>('#tao-nhat-ky');
  const specElement = document.querySelector('#mau-nhat-ky');
  if (!formElement || !specElement?.textContent) return;
  const generator = formElement;
  const spec = JSON.parse(specElement.textContent) as JournalForm;
  const field = <T extends HTMLElement>(selector: string): T => {
    const element = generator.querySelector<T>(selector);
    if (!element) throw new Error(`Missing ${selector}`);
    return element;
  };
  const unit = field<HTMLInputElement>('#don-vi');
  // Absent when the form has no agency line to change.
  const agency = generator.querySelector<HTMLInputElement>('#co-quan');
  const from = field<HTMLInputElement>('#tu-ngay');
  const to = field<HTMLInputElement>('#den-ngay');
  const fromLabel = field<HTMLLabelElement>('label[for="tu-ngay"]');
  const rangeBox = field<HTMLElement>('[data-range]');
  const shiftStart = field<HTMLInputElement>('#ca-tu');
  const shiftEnd = field<HTMLInputElement>('#ca-den');
  const pages = field<HTMLInputElement>('#so-trang');
  const status = field<HTMLElement>('#trang-thai-tao');
  const total = field<HTMLElement>('#so-trang-tong');
  const bar = field<HTMLProgressElement>('#tien-do');
  const list = field<HTMLUListElement>('#tep-da-tao');
  const submit = field<HTMLButtonElement>('button[type="submit"]');
  const errorBoxes: Record<string, { input: HTMLInputElement; box: HTMLElement }> = {
    ...(agency ? { agency: { input: agency, box: field('#co-quan-loi') } } : {}),
    unit: { input: unit, box: field('#don-vi-loi') },
    date: { input: from, box: field('#ngay-loi') },
    shift: { input: shiftStart, box: field('#ca-loi') },
    pages: { input: pages, box: field('#so-trang-loi') },
  };
  const boxFor = (option: JournalOptionName) =>
    errorBoxes[option === 'from' || option === 'to' || option === 'dates' ? 'date' : option] ??
    errorBoxes.date!;
  let urls: string[] = [];

  const isRange = () =>
    generator.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value === 'range';
  /** How many pages the file will have, said before it is made (nothing for one day). */
  const showTotal = () => {
    if (!isRange()) return void (total.textContent = '');
    let text = 'Chọn ngày bắt đầu và ngày kết thúc để biết tệp có bao nhiêu trang.';
    try {
      const perDay = parsePages(pages.value);
      if (from.value && to.value) {
        const count = dateRange(from.value, to.value).length;
        const all = count * perDay;
        text = `${count} ngày × ${perDay} trang = ${number(all)} trang, trong một tệp.`;
        if (all > MAX_FILE_PAGES)
          text += ` Một tệp chứa tối đa ${number(MAX_FILE_PAGES)} trang: hãy bớt số ngày hoặc số trang mỗi ngày.`;
      }
    } catch (error) {
      // The reason is shown beside its field when the form is sent.
      if (!(error instanceof JournalOptionError)) throw error;
      text = '';
    }
    total.textContent = text;
  };
  const syncMode = () => {
    rangeBox.hidden = !isRange();
    to.required = isRange();
    fromLabel.textContent =
      (isRange() ? fromLabel.dataset.labelRange : fromLabel.dataset.labelDay) ?? 'Ngày';
    showTotal();
  };
  generator.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).name === 'mode') syncMode();
  });
  generator.addEventListener('input', showTotal);
  // Today, as the device's clock and zone have it: the usual choice.
  if (!from.value) {
    const now = new Date();
    from.value = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  }

  const clearErrors = () => {
    for (const { input, box } of Object.values(errorBoxes)) {
      input.removeAttribute('aria-invalid');
      box.hidden = true;
      box.textContent = '';
    }
    to.removeAttribute('aria-invalid');
  };
  const showError = (option: JournalOptionName, message: string) => {
    const target = boxFor(option);
    const input = option === 'to' ? to : target.input;
    input.setAttribute('aria-invalid', 'true');
    target.box.textContent = message;
    target.box.hidden = false;
    status.textContent = 'Chưa tạo được tệp: xem lỗi ở trên.';
    input.focus();
  };

  generator.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    for (const href of urls) URL.revokeObjectURL(href);
    urls = [];
    list.replaceChildren();
    if (!from.value)
      return showError('date', isRange() ? 'Hãy chọn ngày bắt đầu.' : 'Hãy chọn ngày trực.');
    if (isRange() && !to.value) return showError('to', 'Hãy chọn ngày kết thúc.');
    if (Boolean(shiftStart.value) !== Boolean(shiftEnd.value)) {
      return showError('shift', 'Cần cả giờ bắt đầu và giờ kết thúc của ca, hoặc để trống cả hai.');
    }
    submit.disabled = true;
    try {
      const days = isRange() ? dateRange(from.value, to.value) : dateRange(from.value, from.value);
      const options = {
        pages: pages.value,
        agency: agency ? agency.value : undefined,
        unit: unit.value.trim() === '' ? undefined : unit.value,
        shift: shiftStart.value ? `${shiftStart.value}-${shiftEnd.value}` : undefined,
      };
      status.textContent = 'Đang tạo…';
      const [{ buildJournal }, journalFonts] = await Promise.all([loadBuilder(), loadFonts()]);
      const range = days.length > 1;
      // Progress for a range: a bar and a count, with a pause each day so that the page can show them.
      bar.hidden = !range;
      bar.max = days.length;
      bar.value = 0;
      const bytes = await buildJournal(
        spec,
        range ? { ...options, dates: days } : { ...options, date: days[0] },
        journalFonts,
        {
          onDay: async (done, count) => {
            bar.value = done;
            status.textContent = `Đang tạo… ${done}/${count} ngày`;
            await new Promise((resolve) => setTimeout(resolve, 0));
          },
        },
      );
      const href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
      urls.push(href);
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = href;
      link.download = range ? rangeFileName(days[0]!, days.at(-1)!) : dayFileName(days[0]!);
      link.textContent = range
        ? `${spec.name} từ ngày ${formatDateVi(days[0]!)} đến ngày ${formatDateVi(days.at(-1)!)}`
        : `${spec.name} ngày ${formatDateVi(days[0]!)}`;
      item.append(
        link,
        ` (PDF, ${days.length * parsePages(options.pages)} trang, ${formatSize(bytes.length)})`,
      );
      list.append(item);
      status.textContent = 'Đã tạo tệp: bấm vào tên tệp để tải về.';
    } catch (error) {
      if (error instanceof JournalOptionError) showError(error.option, messageFor(error));
      else {
        status.textContent = 'Không tạo được tệp. Hãy tải lại trang rồi thử lại.';
        throw error;
      }
    } finally {
      submit.disabled = false;
      bar.hidden = true;
    }
  });

  // Start fetching the builder and fonts as soon as someone begins to fill the form.
  generator.addEventListener(
    'focusin',
    () => {
      void loadBuilder();
      void loadFonts();
    },
    { once: true },
  );
  syncMode();
  generator.hidden = false;
}
