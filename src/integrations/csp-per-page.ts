/**
 * Trims each built page's CSP to the hashes of its own inline scripts (src/lib/site/csp.ts).
 * Runs first at build end, before the search index and the offline copy read the pages.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { keepOwnScriptHashes } from '../lib/site/csp.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

export function cspPerPage(): AstroIntegration {
  return {
    name: 'so-tay:csp-per-page',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
          file.endsWith('.html'),
        );
        for (const page of pages) {
          const file = join(root, page);
          const html = readFileSync(file, 'utf8');
          const trimmed = keepOwnScriptHashes(html, sha256);
          if (trimmed !== html) writeFileSync(file, trimmed);
        }
        logger.info(`${pages.length} pages: script hashes of their own inline scripts only`);
      },
    },
  };
}
