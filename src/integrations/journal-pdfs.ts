/**
 * Writes the blank duty journals (1 page and 10 pages) into the built site, under
 * /bieu-mau/. The layout is checked when the build starts, so a broken form stops the
 * build before anything is rendered, with the file, field and what was expected.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildBlankJournals, getJournalForm } from '../data/journal.ts';
import { BLANK_JOURNAL_DIR } from '../lib/journal/blank.ts';

export function journalPdfs(): AstroIntegration {
  return {
    name: 'so-tay:journal-pdfs',
    hooks: {
      'astro:config:setup': () => {
        getJournalForm();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const folder = join(fileURLToPath(dir), BLANK_JOURNAL_DIR);
        mkdirSync(folder, { recursive: true });
        for (const journal of await buildBlankJournals()) {
          writeFileSync(join(folder, journal.file), journal.bytes);
          logger.info(
            `${BLANK_JOURNAL_DIR}/${journal.file}: ${journal.pages} page(s), ${journal.bytes.length} bytes`,
          );
        }
        // `npm run bench` reads "in N ms" to say where the build time goes.
        logger.info(`journals written in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
