/**
 * The README's `npm run law` examples, run as written, one after the other, in a fresh folder
 * that stands in for a clone (the project's files linked in). The one input an editor brings,
 * the new published text van-ban-moi.txt, is the amended copy of the source's Article 7.
 */
import { spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleSchema } from '../../src/lib/content/schema.ts';
import { amendedText } from '../support/law-texts.ts';

const root = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'law-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The README's law commands, comments dropped. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((match) => match[1]!.split('\n'))
    .filter((line) => line.startsWith('npm run law'))
    .map((line) => line.replace(/\s+#.*$/, ''));
}

it('runs every `npm run law` example of the README as written', { timeout: 120_000 }, () => {
  const commands = readmeCommands();
  expect(commands.map((command) => command.split(' ')[4])).toEqual(['diff', 'diff', 'import']);
  for (const name of ['package.json', 'node_modules', 'scripts', 'src', 'content', 'tsconfig.json'])
    symlinkSync(join(root, name), join(dir, name));
  writeFileSync(join(dir, 'van-ban-moi.txt'), amendedText());

  const statuses = commands.map((command) => {
    const result = spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr, command).not.toMatch(/^law: /m);
    return result.status;
  });
  // The source itself: nothing differs; the amended text: something does; the import: done.
  expect(statuses).toEqual([0, 1, 0]);
  expect(
    readdirSync(dir)
      .filter((name) => /\.(html|yaml)$/.test(name))
      .sort(),
  ).toEqual(['dieu-7-moi.yaml', 'doi-chieu.html']);
  expect(readFileSync(join(dir, 'doi-chieu.html'), 'utf8')).toContain('<ins>bằng văn bản</ins>');
  const article = articleSchema.parse(parse(readFileSync(join(dir, 'dieu-7-moi.yaml'), 'utf8')));
  expect(article.paragraphs[0]!.points!.map((p) => p.num)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e']);
});
