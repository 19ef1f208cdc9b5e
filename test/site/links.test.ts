/**
 * Every internal link and resource of every built page resolves to a file in dist/, and
 * every "#fragment" to an element of the target page. Static: no browser needed.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLink, findLinks, parsePage, type LinkCheckContext } from '../support/links.ts';
import {
  basePath,
  distDir,
  listBuiltPages,
  listFiles,
  siteBaseUrl,
  siteOrigin,
} from '../support/site.ts';

const ctx: LinkCheckContext = { distDir, basePath, origin: siteOrigin };
const pages = listBuiltPages();
let internalChecked = 0;
let fragmentsChecked = 0;

describe('internal links', () => {
  it.each(pages.map((p) => [p.path, p] as const))(
    '%s: every internal link resolves',
    (_name, page) => {
      const links = findLinks(parsePage(readFileSync(page.file, 'utf8')));
      const broken: string[] = [];
      for (const link of links) {
        // The 404 page is served at any unknown URL, so a relative link there resolves differently each time.
        if (
          page.distPath === '404.html' &&
          link.raw !== '' &&
          !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(link.raw)
        ) {
          broken.push(`${page.path}: ${link.where}="${link.raw}" → relative link on the 404 page`);
          continue;
        }
        const verdict = checkLink(link.raw, page.url, ctx);
        if (verdict.kind === 'broken')
          broken.push(`${page.path}: ${link.where}="${link.raw}" → ${verdict.why}`);
        if (verdict.kind === 'ok') {
          internalChecked += 1;
          if (verdict.fragment) fragmentsChecked += 1;
        }
      }
      expect(broken, broken.join('\n')).toEqual([]);
    },
  );

  it('every url() in the built CSS resolves', () => {
    const broken: string[] = [];
    for (const file of listFiles().filter((f) => f.endsWith('.css'))) {
      const css = readFileSync(file, 'utf8');
      const cssUrl = new URL(relative(distDir, file).split('\\').join('/'), siteBaseUrl).href;
      for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g)) {
        const raw = (match[2] ?? '').trim();
        if (raw.startsWith('#')) continue; // SVG filter/marker references inside the same document
        const verdict = checkLink(raw, cssUrl, ctx);
        if (verdict.kind === 'broken')
          broken.push(`${relative(distDir, file)}: url(${raw}) → ${verdict.why}`);
      }
    }
    expect(broken, broken.join('\n')).toEqual([]);
  });

  // Guards the guard: a parser that found nothing would pass every page above.
  it('actually checked links and fragments', () => {
    expect(internalChecked).toBeGreaterThan(pages.length * 5);
    expect(fragmentsChecked).toBeGreaterThan(0);
  });
});
