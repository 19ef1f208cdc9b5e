/**
 * Static link checking over a built site: finds every URL-bearing attribute in a page
 * (parsed with html-validate's DOM, so comments and script text are not mistaken for
 * markup) and says whether each internal one resolves to a file in dist/ — and, for
 * "#fragment" links, to an element with that id in the target page.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, StaticConfigLoader, type HtmlElement } from 'html-validate';

/** Elements and attributes that load or link to a URL. srcset holds a list. */
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcset'],
  ['source[src]', 'src'],
  ['source[srcset]', 'srcset'],
  ['iframe[src]', 'src'],
  ['video[poster]', 'poster'],
  ['object[data]', 'data'],
  ['form[action]', 'action'],
  ['blockquote[cite]', 'cite'],
  ['q[cite]', 'cite'],
];

export interface FoundLink {
  /** How it appears: `a[href]`. */
  where: string;
  /** The attribute value, entities decoded. */
  raw: string;
}

const parserConfig = await new StaticConfigLoader({
  extends: ['html-validate:recommended'],
}).getConfigFor('page.html');

/** Parses a page into html-validate's DOM. */
export function parsePage(html: string): HtmlElement {
  return new Parser(parserConfig).parseHtml(html);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** The parser keeps attribute values raw: decode the character references a URL can hold. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Every URL a page links to or loads. */
export function findLinks(root: HtmlElement): FoundLink[] {
  return URL_ATTRIBUTES.flatMap(([selector, attribute]) =>
    root.querySelectorAll(selector).flatMap((element) => {
      const value = element.getAttribute(attribute)?.value;
      if (typeof value !== 'string') return [];
      const decoded = decodeEntities(value).trim();
      const urls =
        attribute === 'srcset'
          ? decoded.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
          : [decoded];
      return urls.map((raw) => ({ where: selector, raw }));
    }),
  );
}

/** Every id in a page, plus <a name>, the other thing a fragment can point at. */
export function findAnchors(root: HtmlElement): Set<string> {
  const ids = root.querySelectorAll('[id]').map((e) => e.id ?? '');
  const names = root
    .querySelectorAll('a[name]')
    .map((e) => String(e.getAttribute('name')?.value ?? ''));
  return new Set([...ids, ...names].filter(Boolean));
}

export interface LinkCheckContext {
  distDir: string;
  /** "/" or "/so-tay/". */
  basePath: string;
  /** The origin the pages are served from: a link elsewhere is external. */
  origin: string;
}

export type LinkVerdict =
  | { kind: 'external' }
  | { kind: 'ok'; file: string; fragment: string | null }
  | { kind: 'broken'; why: string };

const anchorsCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let anchors = anchorsCache.get(file);
  if (!anchors) {
    anchors = findAnchors(parsePage(readFileSync(file, 'utf8')));
    anchorsCache.set(file, anchors);
  }
  return anchors;
}

/**
 * Resolves one link found on the page served at `pageUrl`, checking the target file and,
 * for HTML targets, the fragment.
 */
export function checkLink(raw: string, pageUrl: string, ctx: LinkCheckContext): LinkVerdict {
  if (raw === '') return { kind: 'ok', file: '', fragment: null }; // "" is the page itself
  if (/^(mailto|tel|data):/i.test(raw)) return { kind: 'external' };
  if (/^javascript:/i.test(raw))
    return { kind: 'broken', why: 'javascript: URL (pages work without JavaScript)' };
  let url: URL;
  try {
    url = new URL(raw, pageUrl);
  } catch {
    return { kind: 'broken', why: 'not a valid URL' };
  }
  if (url.origin !== ctx.origin) {
    // The built site must not point at a development server; everything else is another site.
    if (/^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname)) {
      return {
        kind: 'broken',
        why: `absolute URL to ${url.host}, which only exists on a developer's machine`,
      };
    }
    return { kind: 'external' };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'broken', why: 'malformed percent-encoding' };
  }
  if (!pathname.startsWith(ctx.basePath)) {
    return { kind: 'broken', why: `outside the base path ${ctx.basePath}` };
  }
  const relativePath = pathname.slice(ctx.basePath.length);
  const file = join(
    ctx.distDir,
    relativePath === '' || relativePath.endsWith('/') ? `${relativePath}index.html` : relativePath,
  );
  if (!existsSync(file)) {
    return {
      kind: 'broken',
      why: `no file dist/${relativePath === '' || relativePath.endsWith('/') ? `${relativePath}index.html` : relativePath}`,
    };
  }
  if (statSync(file).isDirectory()) {
    return {
      kind: 'broken',
      why: `a directory without its trailing slash (the site uses trailingSlash: 'always')`,
    };
  }
  if (!url.hash) return { kind: 'ok', file, fragment: null };
  let fragment: string;
  try {
    fragment = decodeURIComponent(url.hash.slice(1));
  } catch {
    return { kind: 'broken', why: 'malformed percent-encoding in the fragment' };
  }
  // "#" and "#top" scroll to the top by definition (HTML: "scroll to the fragment").
  if (!file.endsWith('.html') || fragment === '' || fragment.toLowerCase() === 'top')
    return { kind: 'ok', file, fragment: null };
  if (!anchorsOf(file).has(fragment)) {
    return {
      kind: 'broken',
      why: `no element with id="${fragment}" in dist/${file.slice(ctx.distDir.length + 1)}`,
    };
  }
  return { kind: 'ok', file, fragment };
}
