/**
 * The widths of the journal form's columns and header lines as the booklet draws the blank
 * journal (/in/): shares of the same widths the PDFs use (content/forms/phu-luc-1.yaml), as a
 * stylesheet the build writes next to the page (src/pages/in/mau-nhat-ky.css.ts). A stylesheet,
 * not style attributes: the pages' Content-Security-Policy allows no inline style.
 */
import type { JournalForm } from '../content/forms-schema.ts';

/** Points of the sheet sizes the form may use (portrait: width × height). */
const SHEETS = { A4: [595.28, 841.89], A3: [841.89, 1190.55] } as const;

const share = (part: number, whole: number) => ((part / whole) * 100).toFixed(2);

/** The width the PDF lays the form out in: the sheet's, turned as the form says, less its margins. */
export function formWidth(form: JournalForm): number {
  const [short, long] = SHEETS[form.page.size];
  const width = form.page.orientation === 'landscape' ? long : short;
  return width - form.page.margins.left - form.page.margins.right;
}

/**
 * CSS giving each column its share of the table, and each header line's blank its share of the
 * form's width (`cqi`: the form is a size container, booklet.css).
 */
export function journalFormCss(form: JournalForm): string {
  const total = form.table.columns.reduce((sum, column) => sum + column.width, 0);
  const width = formWidth(form);
  const columns = form.table.columns.map(
    (column) => `.bk-form-table .bk-col-${column.id} { width: ${share(column.width, total)}%; }`,
  );
  const blanks = form.fields
    .flat()
    .map(
      (field) =>
        `.bk-form-blank[data-field='${field.id}'] { width: ${share(field.width, width)}cqi; }`,
    );
  return `/* The blank journal's widths, from content/forms/phu-luc-1.yaml. */\n${[...columns, ...blanks].join('\n')}\n`;
}
