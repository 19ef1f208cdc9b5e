/**
 * After every other integration has written its files (PDFs, search index): writes dist/sw.js
 * with the version and the small shell it caches on install, dist/offline.json listing the
 * full offline copy with its size (fetched only when a person chooses to save the handbook),
 * and dist/sitemap.xml. Must come last in astro.config.mjs so that the lists are complete.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  lazyModules,
  offlineFiles,
  sitemapXml,
  type BuiltFile,
} from '../lib/site/offline-files.ts';

const WORKER_SOURCE = new URL('./service-worker.js', import.meta.url);

export function offlineCopy(): AstroIntegration {
  let base = '/';
  let site = 'http://localhost:4321';
  return {
    name: 'so-tay:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site ?? site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const files: BuiltFile[] = readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => {
            const full = join(entry.parentPath, entry.name);
            return {
              path: full.slice(root.length).split(sep).filter(Boolean).join('/'),
              bytes: readFileSync(full),
            };
          });
        const offline = offlineFiles(files, base);
        const worker = [
          `const VERSION = ${JSON.stringify(offline.version)};`,
          `const SHELL = ${JSON.stringify(offline.shell)};`,
          `const LAZY = ${JSON.stringify(await lazyModules(files, base))};`,
          readFileSync(WORKER_SOURCE, 'utf8'),
        ].join('\n');
        writeFileSync(join(root, 'sw.js'), worker);
        const copy = {
          version: offline.version,
          bytes: offline.copyBytes,
          pages: offline.pages,
          files: offline.copy,
        };
        writeFileSync(join(root, 'offline.json'), JSON.stringify(copy));
        writeFileSync(
          join(root, 'sitemap.xml'),
          sitemapXml(
            files.map((file) => file.path),
            site,
            base,
          ),
        );
        logger.info(
          `sw.js: version ${offline.version}, shell of ${offline.shell.length} files (${offline.shellBytes} bytes); offline copy of ${offline.copy.length} files (${offline.copyBytes} bytes) on request, in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
