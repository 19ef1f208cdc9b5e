/**
 * What site tests need to know about the built site: where dist/ is, where it is served,
 * and every page it contains. Values come from test/support/site-setup.ts (globalSetup).
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inject } from 'vitest';

export const distDir = inject('distDir');
/** "/" or e.g. "/so-tay/". */
export const basePath = inject('basePath');
/** http://127.0.0.1:PORT */
export const siteOrigin = inject('siteOrigin');
/** origin + base path, ending in "/". */
export const siteBaseUrl = inject('siteBaseUrl');

/**
 * The served URL of a site path given without the base ("/dieu-7/#x" →
 * "http://127.0.0.1:PORT/so-tay/dieu-7/#x").
 */
export function siteUrl(path: string): string {
  return new URL(path.replace(/^\/+/, ''), siteBaseUrl).href;
}

export interface BuiltPage {
  /** Absolute path of the .html file. */
  file: string;
  /** Path inside dist/, with "/" separators: "vai-tro/lanh-dao-ca-truc/index.html". */
  distPath: string;
  /** The path a visitor uses, with the base: "/so-tay/vai-tro/lanh-dao-ca-truc/". */
  path: string;
  /** The full served URL. */
  url: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.isFile() ? [full] : [];
  });
}

/** Every file under a directory, absolute paths, sorted. */
export function listFiles(dir: string = distDir): string[] {
  return walk(dir).sort();
}

/**
 * Every built page (each *.html under dist/), mapped to the URL that serves it:
 * "x/index.html" → "/x/", "404.html" → "/404.html". Sorted by path.
 */
export function listBuiltPages(
  dir: string = distDir,
  base: string = basePath,
  baseUrl: string = siteBaseUrl,
): BuiltPage[] {
  return listFiles(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const distPath = relative(dir, file).split(sep).join('/');
      const sitePath =
        distPath === 'index.html' ? '' : distPath.replace(/(^|\/)index\.html$/, '$1');
      return { file, distPath, path: base + sitePath, url: new URL(sitePath, baseUrl).href };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
