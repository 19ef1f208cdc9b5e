/** html-validate (recommended rules, test/support/htmlvalidate.json) over every built page: zero errors. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { listBuiltPages } from '../support/site.ts';

const configFile = resolve(import.meta.dirname, '../support/htmlvalidate.json');
/** JSON plus "//" comments (so each disabled rule can carry its reason) and trailing commas. */
function parseCommentedJson(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
      out += '\n';
    } else {
      if (c === '"') inString = true;
      out += c;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}
const config = parseCommentedJson(readFileSync(configFile, 'utf8')) as ConfigData;
// A static loader: only our config applies, whatever .htmlvalidate.json files lie around.
const validator = new HtmlValidate(new StaticConfigLoader(config));
const pages = listBuiltPages();

const describeMessage = (page: string, m: Message) =>
  `${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (at ${m.selector})` : ''}`;

describe('html-validate', () => {
  it('finds the built pages (the home page and the 404 page at least)', () => {
    expect(pages.map((p) => p.distPath)).toEqual(
      expect.arrayContaining(['index.html', '404.html']),
    );
  });

  it.each(pages.map((p) => [p.distPath, p] as const))('%s has no errors', async (_name, page) => {
    const report = await validator.validateString(readFileSync(page.file, 'utf8'), page.file);
    const messages = report.results.flatMap((r) => r.messages);
    const warnings = messages.filter((m) => m.severity < 2);
    if (warnings.length > 0)
      console.warn(warnings.map((m) => describeMessage(page.distPath, m)).join('\n'));
    const errors = messages
      .filter((m) => m.severity >= 2)
      .map((m) => describeMessage(page.distPath, m));
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
