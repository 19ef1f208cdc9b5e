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
