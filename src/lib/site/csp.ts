/**
 * Astro writes the hashes of every inline script of the whole site into each page's CSP. A page
 * needs only the hashes of its own inline scripts: the others are bytes that no compression can
 * shrink (about 350 B gzip a page) and permissions the page never uses.
 */

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const DATA_TYPES = /type="(application\/(ld\+)?json|text\/template)"/i;

/** The texts of the scripts that run inline on the page (not data blocks, not external files). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .filter((match) => !DATA_TYPES.test(match[0].slice(0, match[0].indexOf('>'))))
    .map((match) => match[1] ?? '');
}

/**
 * The page with its CSP's script-src keeping only the hashes of the page's own inline scripts;
 * every other source and directive is left as it was. `sha256` gives the base64 digest of a text.
 */
export function keepOwnScriptHashes(html: string, sha256: (text: string) => string): string {
  const meta = META.exec(html);
  if (!meta) return html;
  const own = new Set(inlineScripts(html).map((text) => `'sha256-${sha256(text)}'`));
  const policy = (meta[1] ?? '')
    .split(';')
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name !== 'script-src') return directive;
      const kept = sources.filter((source) => !source.startsWith("'sha256-") || own.has(source));
      return ` ${[name, ...kept].join(' ')}`;
    })
    .join(';');
  return html.replace(meta[0], meta[0].replace(meta[1] ?? '', policy));
}
