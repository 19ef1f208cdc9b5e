/**
 * `npm run journal` as a user runs it (spawned through npx tsx): files written, bad input
 * exiting 2 with one message naming the option and leaving no file, byte-identical output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = resolve('scripts/journal.ts');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'journal-cli-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync('npx', ['--prefix', resolve('.'), 'tsx', script, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '', ...env, PATH: `${resolve('node_modules/.bin')}:${process.env.PATH}` },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run journal', { timeout: 120_000 }, () => {
  it('writes nhat-ky-truc-ban.pdf by default, the same bytes every time', () => {
    const dir = tempDir();
    const first = run([], dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Wrote nhat-ky-truc-ban\.pdf: 1 page, [\d.]+ KB\./);
    const bytes = readFileSync(join(dir, 'nhat-ky-truc-ban.pdf'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(run(['--out', 'again.pdf'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'again.pdf')).equals(bytes)).toBe(true);
    // SOURCE_DATE_EPOCH dates the PDF, still reproducibly.
    expect(run(['--out', 'dated-1.pdf'], dir, { SOURCE_DATE_EPOCH: '1735787045' }).status).toBe(0);
    expect(run(['--out', 'dated-2.pdf'], dir, { SOURCE_DATE_EPOCH: '1735787045' }).status).toBe(0);
    const dated = readFileSync(join(dir, 'dated-1.pdf'));
    expect(dated.equals(readFileSync(join(dir, 'dated-2.pdf')))).toBe(true);
    expect(dated.equals(bytes)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['again.pdf', 'dated-1.pdf', 'dated-2.pdf', 'nhat-ky-truc-ban.pdf']);
  });

  it('writes one file per day for --from/--to, with a progress line', () => {
    const dir = tempDir();
    const result = run(['--from', '2024-02-28', '--to', '2024-03-01', '--out-dir', dir, '--unit', 'Cục Hải quan', '--shift', '07:30-16:30', '--pages', '2'], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'nhat-ky-truc-ban-2024-02-28.pdf',
      'nhat-ky-truc-ban-2024-02-29.pdf',
      'nhat-ky-truc-ban-2024-03-01.pdf',
    ]);
    expect(result.stderr).toMatch(/3\/3 nhat-ky-truc-ban-2024-03-01\.pdf/);
    expect(result.stdout).toMatch(/Wrote 3 files/);
  });

  it('prints the options for --help', () => {
    const result = run(['--help'], tempDir());
    expect(result.status).toBe(0);
    for (const option of ['--out', '--pages', '--date', '--from', '--to', '--out-dir', '--unit', '--shift', '--help']) {
      expect(result.stdout).toContain(option);
    }
  });

  const bad: [string, string[], string, RegExp][] = [
    ['an unknown option', ['--colour', 'red'], '--colour', /unknown option/],
    ['pages out of range', ['--pages', '201'], '--pages', /from 1 to 200, found 201/],
    ['pages not a number', ['--pages', 'ten'], '--pages', /whole number/],
    ['pages without a value', ['--pages'], '--pages', /expected a value/],
    ['an impossible date', ['--date', '2025-02-29'], '--date', /does not exist/],
    ['from after to', ['--from', '2025-03-02', '--to', '2025-03-01'], '--to', /on or after --from/],
    ['a range over 366 days', ['--from', '2024-01-01', '--to', '2025-01-01'], '--to', /at most 366 days, found 367/],
    ['--from without --to', ['--from', '2025-03-01'], '--to', /expected --to/],
    ['an unwritable path (no such folder)', ['--out', 'no/such/folder/x.pdf'], '--out', /does not exist/],
    ['an unwritable path (a folder)', ['--out', '.'], '--out', /is a folder/],
    ['an unwritable path (under a file)', ['--out', 'file.txt/x.pdf'], '--out', /is not a folder/],
    ['an unwritable --out-dir', ['--from', '2025-03-01', '--to', '2025-03-02', '--out-dir', 'missing'], '--out-dir', /does not exist/],
    ['prefill text the font cannot show', ['--unit', 'Hải quan 海关'], '--unit', /cannot show U\+6D77 \(海\)/],
    ['a unit too long for its line', ['--unit', 'Phòng '.repeat(60)], '--unit', /too long/],
    ['a malformed shift', ['--shift', '24:00-08:00'], '--shift', /HH:MM-HH:MM/],
    ['a stray argument', ['journal.pdf'], 'arguments', /unexpected argument "journal\.pdf"/],
    ['a bad SOURCE_DATE_EPOCH', [], 'SOURCE_DATE_EPOCH', /whole seconds/],
  ];
  it.each(bad)('exits 2 for %s, naming the option, writing nothing', (_, args, option, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file.txt'), 'not a folder');
    const result = run(args, dir, option === 'SOURCE_DATE_EPOCH' ? { SOURCE_DATE_EPOCH: 'yesterday' } : {});
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^journal: ${option.replace(/[-]/g, '\\-')}: `));
    expect(lines[0]).toMatch(message);
    expect(readdirSync(dir)).toEqual(['file.txt']);
  });
});
