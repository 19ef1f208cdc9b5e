/** html-validate (recommended rules, test/support/htmlvalidate.json) over every built page: zero errors. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { listBuiltPages } from '../support/site.ts';

const configFile = resolve(import.meta.dirname, '../support/htmlvalidate.json');
const config = JSON.parse(readFileSync(configFile, 'utf8')) as ConfigData;
// A static loader: only our config applies, whatever .htmlvalidate.json files lie around.
const validator = new HtmlValidate(new StaticConfigLoader(config));
const pages = listBuiltPages();

const describeMessage = (page: string, m: Message) =>
  `${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (at ${m.selector})` : ''}`;

describe('html-validate', () => {
  it('finds the built pages (the home page and the 404 page at least)', () => {
    expect(pages.map((p) => p.distPath)).toEqual(expect.arrayContaining(['index.html', '404.html']));
  });

  it.each(pages.map((p) => [p.distPath, p] as const))('%s has no errors', async (_name, page) => {
    const report = await validator.validateString(readFileSync(page.file, 'utf8'), page.file);
    const messages = report.results.flatMap((r) => r.messages);
    const warnings = messages.filter((m) => m.severity < 2);
    if (warnings.length > 0) console.warn(warnings.map((m) => describeMessage(page.distPath, m)).join('\n'));
    const errors = messages.filter((m) => m.severity >= 2).map((m) => describeMessage(page.distPath, m));
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
