/**
 * The journal generator on /bieu-mau/: builds the PDFs in the browser with the same
 * module as the command line, from the form layout the page carries as JSON. Nothing
 * leaves the device; the fonts are the site's own files, fetched on first use.
 */
import type { JournalForm } from '../lib/content/forms-schema.ts';
import { dayFileName, formatSize } from '../lib/journal/blank.ts';
import { JournalOptionError, MAX_PAGES, MAX_RANGE_DAYS, MIN_PAGES, dateRange, type JournalOptionName } from '../lib/journal/options.ts';
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
  fonts ??= Promise.all([get(regularUrl), get(boldUrl)]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
};

/** Vietnamese messages for what the module reports in English, by option. */
function messageFor(error: JournalOptionError): string {
  const chars = [...error.message.matchAll(/U\+[0-9A-F]+ \((.)\)/gu)].map((match) => match[1]).join(' ');
  switch (error.option) {
    case 'unit':
      if (chars) return `Phông chữ của mẫu không có các ký tự: ${chars}. Hãy bỏ hoặc thay các ký tự này.`;
      return 'Tên đơn vị quá dài so với dòng đơn vị trên mẫu. Hãy viết gọn lại.';
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
  const from = field<HTMLInputElement>('#tu-ngay');
  const to = field<HTMLInputElement>('#den-ngay');
  const fromLabel = field<HTMLLabelElement>('label[for="tu-ngay"]');
  const rangeBox = field<HTMLElement>('[data-range]');
  const shiftStart = field<HTMLInputElement>('#ca-tu');
  const shiftEnd = field<HTMLInputElement>('#ca-den');
  const pages = field<HTMLInputElement>('#so-trang');
  const status = field<HTMLElement>('#trang-thai-tao');
  const list = field<HTMLUListElement>('#tep-da-tao');
  const submit = field<HTMLButtonElement>('button[type="submit"]');
  const errorBoxes: Record<string, { input: HTMLInputElement; box: HTMLElement }> = {
    unit: { input: unit, box: field('#don-vi-loi') },
    date: { input: from, box: field('#ngay-loi') },
    shift: { input: shiftStart, box: field('#ca-loi') },
    pages: { input: pages, box: field('#so-trang-loi') },
  };
  const boxFor = (option: JournalOptionName) =>
    errorBoxes[option === 'from' || option === 'to' ? 'date' : option] ?? errorBoxes.date!;
  let urls: string[] = [];

  const isRange = () => generator.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value === 'range';
  const syncMode = () => {
    rangeBox.hidden = !isRange();
    to.required = isRange();
    fromLabel.textContent = (isRange() ? fromLabel.dataset.labelRange : fromLabel.dataset.labelDay) ?? 'Ngày';
  };
  generator.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).name === 'mode') syncMode();
  });

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
    if (!from.value) return showError('date', isRange() ? 'Hãy chọn ngày bắt đầu.' : 'Hãy chọn ngày trực.');
    if (isRange() && !to.value) return showError('to', 'Hãy chọn ngày kết thúc.');
    if (Boolean(shiftStart.value) !== Boolean(shiftEnd.value)) {
      return showError('shift', 'Cần cả giờ bắt đầu và giờ kết thúc của ca, hoặc để trống cả hai.');
    }
    submit.disabled = true;
    try {
      const days = isRange() ? dateRange(from.value, to.value) : dateRange(from.value, from.value);
      const options = {
        pages: pages.value,
        unit: unit.value.trim() === '' ? undefined : unit.value,
        shift: shiftStart.value ? `${shiftStart.value}-${shiftEnd.value}` : undefined,
      };
      status.textContent = 'Đang tạo…';
      const [{ buildJournal }, journalFonts] = await Promise.all([loadBuilder(), loadFonts()]);
      for (const [index, day] of days.entries()) {
        const bytes = await buildJournal(spec, { ...options, date: day }, journalFonts);
        const href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
        urls.push(href);
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = href;
        link.download = dayFileName(day);
        link.textContent = `${spec.name} ngày ${formatDateVi(day)}`;
        item.append(link, ` (PDF, ${formatSize(bytes.length)})`);
        list.append(item);
        if (days.length > 1) status.textContent = `Đang tạo… ${index + 1}/${days.length}`;
      }
      status.textContent = days.length === 1 ? 'Đã tạo 1 tệp: bấm vào tên tệp để tải về.' : `Đã tạo ${days.length} tệp: bấm vào từng tên tệp để tải về.`;
    } catch (error) {
      if (error instanceof JournalOptionError) showError(error.option, messageFor(error));
      else {
        status.textContent = 'Không tạo được tệp. Hãy tải lại trang rồi thử lại.';
        throw error;
      }
    } finally {
      submit.disabled = false;
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
