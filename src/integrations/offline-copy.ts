/**
 * After every other integration has written its files (PDFs, search index): writes
 * dist/sw.js with the versioned list of every file to precache, and dist/sitemap.xml.
 * Must come last in astro.config.mjs so that the list is complete.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { precacheFor, sitemapXml, type BuiltFile } from '../lib/site/offline.ts';

const WORKER_SOURCE = new URL('./service-worker.js', import.meta.url);

export function offline(): AstroIntegration {
  let base = '/';
  let site = 'http://localhost:4321';
  return {
    name: 'so-tay:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site ?? site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const files: BuiltFile[] = readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => {
            const full = join(entry.parentPath, entry.name);
            return { path: full.slice(root.length).split(sep).filter(Boolean).join('/'), bytes: readFileSync(full) };
          });
        const precache = precacheFor(files, base);
        const worker = [
          `const VERSION = ${JSON.stringify(precache.version)};`,
          `const PRECACHE = ${JSON.stringify(precache.urls)};`,
          readFileSync(WORKER_SOURCE, 'utf8'),
        ].join('\n');
        writeFileSync(join(root, 'sw.js'), worker);
        writeFileSync(join(root, 'sitemap.xml'), sitemapXml(files.map((file) => file.path), site, base));
        logger.info(
          `sw.js: version ${precache.version}, ${precache.urls.length} files, ${precache.bytes} bytes to precache, in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
