import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScripts, keepOwnScriptHashes } from '../../src/lib/site/csp.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');
const hash = (text: string) => `'sha256-${sha256(text)}'`;
const page = (policy: string, body: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
const scriptSrc = (html: string) => /script-src[^;"]*/.exec(html)?.[0].trim();

describe('inlineScripts', () => {
  it.each([
    ['an inline module', '<script type="module">go()</script>', ['go()']],
    ['a classic script', '<script>one()</script><script>two()</script>', ['one()', 'two()']],
    ['an external file', '<script type="module" src="/a.js"></script>', []],
    ['a JSON data block', '<script type="application/json">{"a":1}</script>', []],
  ])('%s', (_name, body, expected) => {
    expect(inlineScripts(page("default-src 'self'", body))).toEqual(expected);
  });
});

describe('keepOwnScriptHashes', () => {
  const others = [hash('elsewhere()'), hash('another()')];

  it('keeps the hash of the script on the page and drops the others', () => {
    const html = page(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${others[0]} ${hash('go()')} ${others[1]}; style-src 'self' ${others[0]};`,
      '<script type="module">go()</script>',
    );
    const out = keepOwnScriptHashes(html, sha256);
    expect(scriptSrc(out)).toBe(`script-src 'self' 'wasm-unsafe-eval' ${hash('go()')}`);
    // Other directives, style hashes included, are left as they were.
    expect(out).toContain(`style-src 'self' ${others[0]};`);
    expect(out).toContain("default-src 'self';");
  });

  it('leaves no hash on a page without inline scripts, and keeps its other sources', () => {
    const out = keepOwnScriptHashes(page(`script-src 'self' ${others[0]}`, '<p>text</p>'), sha256);
    expect(scriptSrc(out)).toBe("script-src 'self'");
  });

  it('changes nothing on a page without a CSP', () => {
    const html = '<html><body><script>go()</script></body></html>';
    expect(keepOwnScriptHashes(html, sha256)).toBe(html);
  });
});
