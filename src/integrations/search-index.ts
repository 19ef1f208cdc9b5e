/**
 * Builds the Pagefind index after Astro has written the site: the HTML pages that mark
 * their content with data-pagefind-body, plus one record per point of the law and per
 * checklist item (src/lib/search/records.ts).
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { contentRoot } from '../lib/content/root.ts';
import { searchRecords, spaceTableCells } from '../lib/search/records.ts';
import { dWordVocabulary } from '../lib/search/vocabulary.ts';
import { getHandbook } from '../data/handbook.ts';

/** File name of the d/đ vocabulary beside the Pagefind index. */
export const VOCABULARY_FILE = 'd-words.json';
/** File name of the index's size (its chunks' bytes), read by the search page before warming it. */
export const INDEX_SIZE_FILE = 'index-size.json';

/** The site's pages: their path under the site's folder and their HTML. */
const htmlPages = (site: string): { file: string; html: string }[] =>
  readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({ file, html: readFileSync(join(site, file), 'utf8') }));

/** The text of each page's <main>: what Pagefind indexes, give or take the ignored parts. */
const mainTexts = (pages: { html: string }[]): string[] =>
  pages.map(({ html }) => {
    const main = /<main[\s>][\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    return main.replace(/<[^>]+>/g, ' ');
  });

const fail = (step: string, errors: string[]) => {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
};

export function searchIndex(): AstroIntegration {
  return {
    name: 'so-tay:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({
          forceLanguage: 'vi',
          // What a page shows only with its script (hidden until then: errors, results, progress)
          // and its buttons' words are the same on every page: nobody searches for them. The
          // hidden holders of a page's filter and role meta stay.
          excludeSelectors: ['[hidden]:not([data-pagefind-filter])', 'button'],
        });
        fail('start', errors);
        if (!index) throw new Error('Pagefind returned no index');
        try {
          // Each page as a file of the site's folder would be read, with its table cells spaced.
          const pages = htmlPages(site);
          for (const { file, html } of pages) {
            const added = await index.addHTMLFile({
              sourcePath: file.split(sep).join('/'),
              content: spaceTableCells(html),
            });
            fail(`index ${file}`, added.errors);
          }
          const records = searchRecords(getHandbook(contentRoot()));
          for (const record of records)
            fail(`index ${record.url}`, (await index.addCustomRecord(record)).errors);
          fail(
            'write the index',
            (await index.writeFiles({ outputPath: join(site, 'pagefind') })).errors,
          );
          // Pagefind also writes its ready-made UIs (~430 KB); the handbook uses its JS API and its
          // worker (searching off the page's main thread), and the offline copy holds every file left.
          for (const file of readdirSync(join(site, 'pagefind'))) {
            if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file))
              rmSync(join(site, 'pagefind', file));
          }
          const vocabulary = dWordVocabulary([
            ...mainTexts(pages),
            ...records.map((record) => record.content),
          ]);
          writeFileSync(join(site, 'pagefind', VOCABULARY_FILE), JSON.stringify(vocabulary));
          const chunks = join(site, 'pagefind', 'index');
          const indexBytes = readdirSync(chunks).reduce(
            (sum, file) => sum + statSync(join(chunks, file)).size,
            0,
          );
          writeFileSync(join(site, 'pagefind', INDEX_SIZE_FILE), JSON.stringify({ indexBytes }));
          logger.info(
            `indexed ${pages.length} pages and ${records.length} points and checklist items in ${Math.round(performance.now() - started)} ms`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
