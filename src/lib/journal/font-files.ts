/**
 * The journal's font files read from disk (Node only; not part of index.ts, which the
 * browser imports): for the build and the command line. The browser fetches the same
 * files as assets.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JournalFonts } from './pdf.ts';

/** Where the committed fonts are, from the project root. */
const JOURNAL_FONT_DIR = 'src/lib/journal/fonts';

/** Both faces, read from the project under `projectRoot`. */
export function readJournalFonts(projectRoot: string): JournalFonts {
  const read = (file: string) =>
    new Uint8Array(readFileSync(resolve(projectRoot, JOURNAL_FONT_DIR, file)));
  return { regular: read('Tinos-Regular.ttf'), bold: read('Tinos-Bold.ttf') };
}
