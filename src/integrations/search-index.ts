/**
 * Builds the Pagefind index after Astro has written the site: the HTML pages that mark
 * their content with data-pagefind-body, plus one record per point of the law and per
 * checklist item (src/lib/search/records.ts).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { contentRoot } from '../lib/content/root.ts';
import { searchRecords } from '../lib/search/records.ts';
import { dWordVocabulary } from '../lib/search/vocabulary.ts';
import { getHandbook } from '../data/handbook.ts';

/** File name of the d/đ vocabulary beside the Pagefind index. */
export const VOCABULARY_FILE = 'd-words.json';

/** The text of each page's <main>: what Pagefind indexes, give or take the ignored parts. */
function mainTexts(site: string): string[] {
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(join(site, file), 'utf8');
      const main = /<main[\s>][\s\S]*<\/main>/.exec(html)?.[0] ?? '';
      return main.replace(/<[^>]+>/g, ' ');
    });
}

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
          const pages = await index.addDirectory({ path: site });
          fail(`index ${site}`, pages.errors);
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
            ...mainTexts(site),
            ...records.map((record) => record.content),
          ]);
          writeFileSync(join(site, 'pagefind', VOCABULARY_FILE), JSON.stringify(vocabulary));
          logger.info(
            `indexed ${pages.page_count} pages and ${records.length} points and checklist items in ${Math.round(performance.now() - started)} ms`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
