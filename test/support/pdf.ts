/**
 * A PDF read back as poppler and qpdf read it (the tools a reviewer would use): `qpdf --check`
 * must pass, and pdftotext gives each page's text. One helper for every test that opens a
 * PDF the project made. Needs qpdf and poppler-utils (installed by .ci/run).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfText {
  /** Each page's text as pdftotext gives it (NFC), in page order. */
  pages: string[];
  /** Every page's text, white space squashed to single spaces. */
  text: string;
}

/** pdftotext's modes: `layout` keeps columns apart, `raw` keeps content order (table cells whole). */
export type PdfTextMode = 'layout' | 'raw' | 'plain';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Checks PDF bytes with `qpdf --check` (throws with qpdf's words if it fails; `check: false`
 * skips it) and reads their text with pdftotext.
 */
export function readPdf(
  bytes: Uint8Array,
  { mode = 'layout', check = true }: { mode?: PdfTextMode; check?: boolean } = {},
): PdfText {
  const dir = mkdtempSync(join(tmpdir(), 'so-tay-pdf-'));
  try {
    const file = join(dir, 'read.pdf');
    writeFileSync(file, bytes);
    if (check) execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
    const flags = mode === 'plain' ? [] : [`-${mode}`];
    const out = execFileSync('pdftotext', [...flags, file, '-'], { encoding: 'utf8' }).normalize(
      'NFC',
    );
    // pdftotext ends every page with a form feed.
    const pages = out.split('\f').slice(0, -1);
    return { pages, text: squash(pages.join(' ')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The type sizes pdf.js draws each form field's text at, by field name: the font sizes of
 * the text operators in each widget's appearance, as pdf.js renders the page with them.
 */
export async function fieldTextSizes(bytes: Uint8Array): Promise<Map<string, number[]>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const doc = await task.promise;
  const sizes = new Map<string, number[]>();
  try {
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const names = new Map(
        (await page.getAnnotations()).map((a) => [a.id as string, a.fieldName as string]),
      );
      const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.ENABLE });
      let field = '';
      ops.fnArray.forEach((fn, index) => {
        const args = ops.argsArray[index] as unknown[];
        if (fn === pdfjs.OPS.beginAnnotation) field = names.get(args[0] as string) ?? '';
        else if (fn === pdfjs.OPS.endAnnotation) field = '';
        else if (fn === pdfjs.OPS.setFont && field)
          sizes.set(field, [...(sizes.get(field) ?? []), args[1] as number]);
      });
    }
  } finally {
    await task.destroy();
  }
  return sizes;
}
