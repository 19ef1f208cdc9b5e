/**
 * The journal generator on /bieu-mau/: builds the PDF in the browser with the same module
 * as the command line, from the form layout the page carries as JSON — one day, or a range
 * of days in one file (one download), with the page count shown before and progress during.
 * Nothing leaves the device; the fonts are the site's own files, fetched on first use. Every
 * sentence is made in src/lib/journal/wording.ts; the file's line comes from the page's
 * <template> (docs/DESIGN.md, «Islands»).
 */
import type { JournalForm } from '../lib/content/forms-schema.ts';
import { dayFileName, formatSize, rangeFileName } from '../lib/journal/blank.ts';
import {
  JournalOptionError,
  dateRange,
  parsePages,
  type JournalOptionName,
} from '../lib/journal/options.ts';
import type { JournalFonts } from '../lib/journal/pdf.ts';
import {
  errorBoxOf,
  fileLinkText,
  fileMeta,
  generatorStatus,
  missingInput,
  optionMessage,
  pageTotal,
  progressText,
} from '../lib/journal/wording.ts';
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

/** Today, as the device's clock and zone have it: the usual choice. */
const today = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

interface ErrorBox {
  input: HTMLInputElement;
  box: HTMLElement;
}

export class JournalGenerator {
  readonly form: HTMLFormElement;
  readonly spec: JournalForm;
  readonly unit: HTMLInputElement;
  /** Absent when the form has no agency line to change. */
  readonly agency: HTMLInputElement | null;
  readonly from: HTMLInputElement;
  readonly to: HTMLInputElement;
  readonly fromLabel: HTMLLabelElement;
  readonly rangeBox: HTMLElement;
  readonly shiftStart: HTMLInputElement;
  readonly shiftEnd: HTMLInputElement;
  readonly pages: HTMLInputElement;
  readonly status: HTMLElement;
  readonly total: HTMLElement;
  readonly bar: HTMLProgressElement;
  readonly list: HTMLUListElement;
  readonly submit: HTMLButtonElement;
  readonly errorBoxes: Record<string, ErrorBox>;
  /** The object URLs of the files offered, revoked when the form is sent again. */
  urls: string[] = [];

  /** The generator of the page, if it has one: the form and the layout it carries. */
  static start(): JournalGenerator | null {
    const form = document.querySelector<HTMLFormElement>('#tao-nhat-ky');
    const spec = document.querySelector('#mau-nhat-ky')?.textContent;
    if (!form || !spec) return null;
    const generator = new JournalGenerator(form, JSON.parse(spec) as JournalForm);
    generator.listen();
    generator.renderMode();
    form.hidden = false;
    return generator;
  }

  constructor(form: HTMLFormElement, spec: JournalForm) {
    this.form = form;
    this.spec = spec;
    this.unit = this.find('#don-vi');
    this.agency = form.querySelector<HTMLInputElement>('#co-quan');
    this.from = this.find('#tu-ngay');
    this.to = this.find('#den-ngay');
    this.fromLabel = this.find('label[for="tu-ngay"]');
    this.rangeBox = this.find('[data-range]');
    this.shiftStart = this.find('#ca-tu');
    this.shiftEnd = this.find('#ca-den');
    this.pages = this.find('#so-trang');
    this.status = this.find('#trang-thai-tao');
    this.total = this.find('#so-trang-tong');
    this.bar = this.find('#tien-do');
    this.list = this.find('#tep-da-tao');
    this.submit = this.find('button[type="submit"]');
    this.errorBoxes = {
      ...(this.agency ? { agency: { input: this.agency, box: this.find('#co-quan-loi') } } : {}),
      unit: { input: this.unit, box: this.find('#don-vi-loi') },
      date: { input: this.from, box: this.find('#ngay-loi') },
      shift: { input: this.shiftStart, box: this.find('#ca-loi') },
      pages: { input: this.pages, box: this.find('#so-trang-loi') },
    };
    if (!this.from.value) this.from.value = today();
  }

  find<T extends HTMLElement>(selector: string): T {
    const element = this.form.querySelector<T>(selector);
    if (!element) throw new Error(`Missing ${selector}`);
    return element;
  }

  listen(): void {
    this.form.addEventListener('change', (event) => {
      if ((event.target as HTMLInputElement).name === 'mode') this.renderMode();
    });
    this.form.addEventListener('input', () => this.renderTotal());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.onSubmit();
    });
    // Start fetching the builder and fonts as soon as someone begins to fill the form.
    this.form.addEventListener('focusin', () => this.onFirstFocus(), { once: true });
  }

  isRange(): boolean {
    return (
      this.form.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value === 'range'
    );
  }

  // ── drawing ────────────────────────────────────────────────────────────

  /** One day or a range: the end date shown and required, the start's label. */
  renderMode(): void {
    const range = this.isRange();
    this.rangeBox.hidden = !range;
    this.to.required = range;
    this.fromLabel.textContent =
      (range ? this.fromLabel.dataset.labelRange : this.fromLabel.dataset.labelDay) ?? 'Ngày';
    this.renderTotal();
  }

  /** How many pages the file will have, said before it is made (nothing for one day). */
  renderTotal(): void {
    if (!this.isRange()) {
      this.total.textContent = '';
      return;
    }
    try {
      const perDay = parsePages(this.pages.value);
      const days =
        this.from.value && this.to.value ? dateRange(this.from.value, this.to.value).length : null;
      this.total.textContent = pageTotal(days, perDay);
    } catch (error) {
      // The reason is shown beside its field when the form is sent.
      if (!(error instanceof JournalOptionError)) throw error;
      this.total.textContent = '';
    }
  }

  clearErrors(): void {
    for (const { input, box } of Object.values(this.errorBoxes)) {
      input.removeAttribute('aria-invalid');
      box.hidden = true;
      box.textContent = '';
    }
    this.to.removeAttribute('aria-invalid');
  }

  showError(option: JournalOptionName, message: string): void {
    const target = this.errorBoxes[errorBoxOf(option)] ?? this.errorBoxes.date!;
    const input = option === 'to' ? this.to : target.input;
    input.setAttribute('aria-invalid', 'true');
    target.box.textContent = message;
    target.box.hidden = false;
    this.status.textContent = generatorStatus.refused;
    input.focus();
  }

  /** The file made, from the page's template: its link, pages and size. */
  renderFile(days: string[], bytes: Uint8Array): void {
    const href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
    this.urls.push(href);
    const template = this.form.querySelector<HTMLTemplateElement>('template[data-file]')!;
    const item = template.content.cloneNode(true) as DocumentFragment;
    const link = item.querySelector('a')!;
    link.href = href;
    link.download = days.length > 1 ? rangeFileName(days[0]!, days.at(-1)!) : dayFileName(days[0]!);
    link.textContent = fileLinkText(this.spec.name, days);
    const pages = days.length * parsePages(this.pages.value);
    link.after(fileMeta(pages, formatSize(bytes.length)));
    this.list.append(item);
  }

  // ── events ─────────────────────────────────────────────────────────────

  onFirstFocus(): void {
    void loadBuilder();
    void loadFonts();
  }

  /** What must be filled before anything is made: refused with a message beside its field. */
  checkInputs(): boolean {
    if (!this.from.value) {
      this.showError('date', this.isRange() ? missingInput.from : missingInput.day);
      return false;
    }
    if (this.isRange() && !this.to.value) {
      this.showError('to', missingInput.to);
      return false;
    }
    if (Boolean(this.shiftStart.value) !== Boolean(this.shiftEnd.value)) {
      this.showError('shift', missingInput.shift);
      return false;
    }
    return true;
  }

  async onSubmit(): Promise<void> {
    this.clearErrors();
    for (const href of this.urls) URL.revokeObjectURL(href);
    this.urls = [];
    this.list.replaceChildren();
    if (!this.checkInputs()) return;
    this.submit.disabled = true;
    try {
      await this.build();
    } catch (error) {
      if (error instanceof JournalOptionError) this.showError(error.option, optionMessage(error));
      else {
        this.status.textContent = generatorStatus.failed;
        throw error;
      }
    } finally {
      this.submit.disabled = false;
      this.bar.hidden = true;
    }
  }

  /** Makes the file: for a range, a bar and a count, with a pause each day so that the page can show them. */
  async build(): Promise<void> {
    const days = dateRange(this.from.value, this.isRange() ? this.to.value : this.from.value);
    const options = {
      pages: this.pages.value,
      agency: this.agency ? this.agency.value : undefined,
      // An emptied box is a blank line to write by hand, not the form's default.
      unit: this.unit.value.trim() === '' ? null : this.unit.value,
      shift: this.shiftStart.value ? `${this.shiftStart.value}-${this.shiftEnd.value}` : undefined,
    };
    this.status.textContent = generatorStatus.working;
    const [{ buildJournal }, journalFonts] = await Promise.all([loadBuilder(), loadFonts()]);
    const range = days.length > 1;
    this.bar.hidden = !range;
    this.bar.max = days.length;
    this.bar.value = 0;
    const bytes = await buildJournal(
      this.spec,
      range ? { ...options, dates: days } : { ...options, date: days[0] },
      journalFonts,
      { onDay: (done, count) => this.onDay(done, count) },
    );
    this.renderFile(days, bytes);
    this.status.textContent = generatorStatus.made;
  }

  async onDay(done: number, count: number): Promise<void> {
    this.bar.value = done;
    this.status.textContent = progressText(done, count);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
