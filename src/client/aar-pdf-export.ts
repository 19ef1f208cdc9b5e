/**
 * "Tải báo cáo PDF" on the trainer page: the report as the form shows it, under the heading
 * the page shows (the journal form's, with the agency and unit as typed), made into a PDF in
 * the browser (src/lib/drills/aar-pdf.ts, the journal's fonts) and downloaded. Fetched by
 * drill-trainer.ts on the first click only: pdf-lib is most of its weight.
 */
import { capitals, type DocumentHeading, type HeadingKey } from '../lib/documents/heading.ts';
import { AarPdfError, aarPdf, reportPdfName, type AarSheet } from '../lib/drills/aar-pdf.ts';
import type { Report } from '../lib/drills/aar.ts';
import regularUrl from '../lib/journal/fonts/Tinos-Regular.ttf?url';
import boldUrl from '../lib/journal/fonts/Tinos-Bold.ttf?url';

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function fetchBytes(href: string): Promise<Uint8Array> {
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The evaluation sheet's headings and questions, as the page prints them. */
function sheetOf(form: HTMLElement): AarSheet {
  return {
    injects: [...form.querySelectorAll<HTMLElement>('[data-eval]')].map((box) => ({
      id: box.dataset.eval ?? '',
      heading: text(box.querySelector('legend')),
      question: text(box.querySelector('p')),
    })),
  };
}

/** The heading as the page shows it: each line of the agency block (a field's value as typed), the motto. */
function headingOf(form: HTMLElement): DocumentHeading {
  const lines = [
    ...form.querySelectorAll<HTMLElement>(
      '.doc-agency [data-heading], .doc-agency [data-heading-text]',
    ),
  ].map((element) => ({
    text: capitals(
      element instanceof HTMLInputElement ? element.value : (element.textContent ?? ''),
    ),
    strong: element.dataset.strong !== undefined,
    key: element.dataset.heading as HeadingKey | undefined,
  }));
  return { lines, motto: [...form.querySelectorAll('[data-motto]')].map((p) => text(p)) };
}

/** Makes and downloads the PDF; returns what to tell the trainer (an error says what to change). */
export async function downloadReportPdf(
  form: HTMLElement,
  report: Report,
): Promise<{ ok: boolean; message: string }> {
  let bytes: Uint8Array;
  try {
    const [regular, bold] = await Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]);
    bytes = await aarPdf(report, sheetOf(form), { regular, bold }, headingOf(form));
  } catch (caught) {
    if (caught instanceof AarPdfError) {
      return {
        ok: false,
        message: `Phông chữ của bản PDF không có các ký tự: ${caught.characters.join(' ')}. Hãy bỏ hoặc thay các ký tự này rồi tải lại.`,
      };
    }
    return {
      ok: false,
      message:
        'Không tạo được bản PDF (không tải được phông chữ của sổ tay). Hãy thử lại; báo cáo trên trang vẫn còn nguyên.',
    };
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  link.download = reportPdfName(report);
  document.body.append(link);
  link.click();
  link.remove();
  return { ok: true, message: `Đã tải báo cáo thành tệp ${link.download}.` };
}
