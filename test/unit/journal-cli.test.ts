/**
 * `npm run journal`, its `main` called in process: files written, bad input exiting 2 with
 * one message naming the option and leaving no file, broken content exiting 1,
 * byte-identical output, a range in one file, targets that are not regular files refused,
 * progress only on a terminal. As a real process (spawned through npx tsx), the exit codes a
 * shell sees, and Ctrl-C or SIGTERM in the write phase of a year's batch leaving no
 * temporary file.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent } from '../support/content-copy.ts';
import { cliEnv, journal, JOURNAL_SCRIPT, runJournal, tempDirs } from '../support/journal-cli.ts';

const tempDir = tempDirs('journal-cli-');
const run = journal;

describe('npm run journal', { timeout: 120_000 }, () => {
  it('writes nhat-ky-truc-ban.pdf by default, the same bytes every time', async () => {
    const dir = tempDir();
    const first = await run([], dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Wrote nhat-ky-truc-ban\.pdf: 1 page, [\d.]+ KB\./);
    const bytes = readFileSync(join(dir, 'nhat-ky-truc-ban.pdf'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await run(['--out', 'again.pdf'], dir)).status).toBe(0);
    expect(readFileSync(join(dir, 'again.pdf')).equals(bytes)).toBe(true);
    // SOURCE_DATE_EPOCH dates the PDF, still reproducibly.
    expect(
      (await run(['--out', 'dated-1.pdf'], dir, { SOURCE_DATE_EPOCH: '1735787045' })).status,
    ).toBe(0);
    expect(
      (await run(['--out', 'dated-2.pdf'], dir, { SOURCE_DATE_EPOCH: '1735787045' })).status,
    ).toBe(0);
    const dated = readFileSync(join(dir, 'dated-1.pdf'));
    expect(dated.equals(readFileSync(join(dir, 'dated-2.pdf')))).toBe(true);
    expect(dated.equals(bytes)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([
      'again.pdf',
      'dated-1.pdf',
      'dated-2.pdf',
      'nhat-ky-truc-ban.pdf',
    ]);
  });

  it('writes one file per day for --from/--to --out-dir, making the folder and its parents; no progress when stderr is not a terminal', async () => {
    const dir = tempDir();
    const result = await run(
      [
        '--from',
        '2024-02-28',
        '--to',
        '2024-03-01',
        '--out-dir',
        'nhat-ky/2024',
        '--unit',
        'Cục Hải quan',
        '--shift',
        '07:30-16:30',
        '--pages',
        '2',
      ],
      dir,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(dir, 'nhat-ky', '2024')).sort()).toEqual([
      'nhat-ky-truc-ban-2024-02-28.pdf',
      'nhat-ky-truc-ban-2024-02-29.pdf',
      'nhat-ky-truc-ban-2024-03-01.pdf',
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Wrote 3 files to nhat-ky\/2024 /);
  });

  it('writes a 31-day month as one PDF: each day’s pages in order, each page with its date, qpdf-clean', async () => {
    const dir = tempDir();
    const result = await run(
      [
        '--from',
        '2026-01-01',
        '--to',
        '2026-01-31',
        '--pages',
        '2',
        '--out',
        'thang-1.pdf',
        '--agency',
        'Bộ Tài chính',
        '--unit',
        'Cục Hải quan',
      ],
      dir,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^Wrote thang-1\.pdf: 62 pages \(2026-01-01 to 2026-01-31, 31 days\), [\d.]+ KB\.\n$/,
    );
    const file = join(dir, 'thang-1.pdf');
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(
      /No syntax or stream encoding errors found/,
    );
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .slice(0, -1);
    expect(pages).toHaveLength(62);
    pages.forEach((text, index) => {
      const day = String(Math.floor(index / 2) + 1).padStart(2, '0');
      expect(text, `page ${index + 1}`).toContain(`Ngày: ${day}/01/2026`);
      expect(text, `page ${index + 1}`).toContain(
        `Trang ${(index % 2) + 1}/2 · trang ${index + 1}/62 của tệp`,
      );
      expect(text).toMatch(/^\s*BỘ TÀI CHÍNH\s/);
      expect(text).toMatch(/\n\s*CỤC HẢI QUAN\s/);
    });
  });

  it('refuses a symbolic link, a FIFO, a folder or a device as --out (exit 2), leaving each unchanged', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.pdf'), 'keep me');
    symlinkSync('real.pdf', join(dir, 'link.pdf'));
    symlinkSync('nowhere.pdf', join(dir, 'dangling.pdf'));
    execFileSync('mkfifo', [join(dir, 'fifo.pdf')]);
    mkdirSync(join(dir, 'folder.pdf'));
    const before = readdirSync(dir).sort();
    for (const [target, kind] of [
      ['link.pdf', /is a symbolic link/],
      ['dangling.pdf', /is a symbolic link/],
      ['fifo.pdf', /is a FIFO/],
      ['folder.pdf', /is a folder/],
      ['/dev/null', /is a device/],
    ] as const) {
      const result = await run(['--out', target], dir);
      expect(result.status, target).toBe(2);
      expect(result.stderr).toMatch(/^journal: --out: /);
      expect(result.stderr).toMatch(kind);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readlinkSync(join(dir, 'link.pdf'))).toBe('real.pdf');
    expect(readFileSync(join(dir, 'real.pdf'), 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'fifo.pdf')).isFIFO()).toBe(true);
    expect(readdirSync(join(dir, 'folder.pdf'))).toEqual([]);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    // One day's target in --out-dir that is a link: the whole batch is refused, nothing written.
    mkdirSync(join(dir, 'out'));
    symlinkSync('../real.pdf', join(dir, 'out', 'nhat-ky-truc-ban-2026-01-02.pdf'));
    const batch = await run(
      ['--from', '2026-01-01', '--to', '2026-01-03', '--out-dir', 'out'],
      dir,
    );
    expect(batch.status).toBe(2);
    expect(batch.stderr).toMatch(
      /^journal: --out-dir: ".*nhat-ky-truc-ban-2026-01-02\.pdf" is a symbolic link/,
    );
    expect(readdirSync(join(dir, 'out'))).toEqual(['nhat-ky-truc-ban-2026-01-02.pdf']);
  });

  it('shows its progress on stderr only when it is a terminal, and clears the line after', async () => {
    const dir = tempDir();
    const args = ['--from', '2024-02-28', '--to', '2024-03-01'];
    const days = await run([...args, '--out-dir', 'ngay'], dir, {}, { isTTY: true });
    expect(days.status, days.stderr).toBe(0);
    expect(days.stderr).toBe(
      ['2024-02-28', '2024-02-29', '2024-03-01']
        .map((day, index) => `\r${index + 1}/3 nhat-ky-truc-ban-${day}.pdf\x1b[K`)
        .join('') + '\r\x1b[K',
    );
    const month = await run([...args, '--out', 'thang.pdf'], dir, {}, { isTTY: true });
    expect(month.status, month.stderr).toBe(0);
    expect(month.stderr).toBe(
      '\r1/3 2024-02-28\x1b[K\r2/3 2024-02-29\x1b[K\r3/3 2024-03-01\x1b[K\r\x1b[K',
    );
    expect((await run([...args, '--out', 'thang-2.pdf'], dir)).stderr).toBe('');
  });

  it('exits 1 on broken content with its report, writing nothing', async () => {
    const dir = tempDir();
    const content = copyContent();
    try {
      content.edit(
        'forms/phu-luc-1.yaml',
        'refersTo: art_7__para_2__point_d',
        'refersTo: art_7__para_9__point_z',
      );
      const result = await run([], dir, { CONTENT_ROOT: content.root });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('forms/phu-luc-1.yaml');
      expect(result.stderr).toContain('art_7__para_9__point_z');
      expect(result.stdout).toBe('');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      content.remove();
    }
  });

  it('prints the options for --help', async () => {
    const result = await run(['--help'], tempDir());
    expect(result.status).toBe(0);
    for (const option of [
      '--out',
      '--pages',
      '--date',
      '--from',
      '--to',
      '--out-dir',
      '--agency',
      '--unit',
      '--shift',
      '--help',
    ]) {
      expect(result.stdout).toContain(option);
    }
  });

  const bad: [string, string[], string, RegExp][] = [
    ['an unknown option', ['--colour', 'red'], '--colour', /unknown option/],
    ['pages out of range', ['--pages', '201'], '--pages', /from 1 to 200, found 201/],
    ['pages not a number', ['--pages', 'ten'], '--pages', /whole number/],
    ['pages with a space', ['--pages', ' 5'], '--pages', /whole number from 1 to 200, found " 5"/],
    ['pages as an exponent', ['--pages', '1e1'], '--pages', /whole number/],
    ['a date with a space', ['--date', '2026-01-05 '], '--date', /YYYY-MM-DD/],
    ['pages without a value', ['--pages'], '--pages', /expected a value/],
    ['an impossible date', ['--date', '2025-02-29'], '--date', /does not exist/],
    ['from after to', ['--from', '2025-03-02', '--to', '2025-03-01'], '--to', /on or after --from/],
    [
      'a range over 366 days',
      ['--from', '2024-01-01', '--to', '2025-01-01'],
      '--to',
      /at most 366 days, found 367/,
    ],
    ['--from without --to', ['--from', '2025-03-01'], '--to', /expected --to/],
    [
      'an unwritable path (no such folder)',
      ['--out', 'no/such/folder/x.pdf'],
      '--out',
      /does not exist/,
    ],
    ['an unwritable path (a folder)', ['--out', '.'], '--out', /is a folder/],
    ['an unwritable path (under a file)', ['--out', 'file.txt/x.pdf'], '--out', /is not a folder/],
    [
      'an --out-dir under a file',
      ['--from', '2025-03-01', '--to', '2025-03-02', '--out-dir', 'file.txt/x'],
      '--out-dir',
      /"[^"]*file\.txt" is not a folder/,
    ],
    [
      '--out with --out-dir',
      ['--from', '2025-03-01', '--to', '2025-03-02', '--out', 'a.pdf', '--out-dir', 'x'],
      '--out',
      /cannot be used with --out-dir/,
    ],
    [
      'a range too long for one file',
      ['--from', '2024-01-01', '--to', '2024-12-31', '--pages', '3', '--out', 'nam.pdf'],
      '--pages',
      /1098 pages; one file holds at most 1000/,
    ],
    [
      'an --agency too long for its line',
      ['--agency', 'Bộ Tài chính '.repeat(10)],
      '--agency',
      /too long for its line/,
    ],
    [
      'an --agency the font cannot show',
      ['--agency', 'Hải quan 海关'],
      '--agency',
      /cannot show U\+6D77/,
    ],
    [
      'prefill text the font cannot show',
      ['--unit', 'Hải quan 海关'],
      '--unit',
      /cannot show U\+6D77 \(海\)/,
    ],
    ['a unit too long for its line', ['--unit', 'Phòng '.repeat(60)], '--unit', /too long/],
    [
      'a 5,000-character unit, quoted in part',
      ['--unit', 'x'.repeat(5000)],
      '--unit',
      /^journal: --unit: "X{79}…" \(5000 characters\) is too long/,
    ],
    [
      'a long stray argument, quoted in part',
      ['y'.repeat(500)],
      'arguments',
      /unexpected argument "y{79}…" \(500 characters\)/,
    ],
    ['a malformed shift', ['--shift', '24:00-08:00'], '--shift', /HH:MM-HH:MM/],
    ['a stray argument', ['journal.pdf'], 'arguments', /unexpected argument "journal\.pdf"/],
    ['a bad SOURCE_DATE_EPOCH', [], 'SOURCE_DATE_EPOCH', /whole seconds/],
  ];
  it.each(bad)(
    'exits 2 for %s, naming the option, writing nothing',
    async (_, args, option, message) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'file.txt'), 'not a folder');
      const result = await run(
        args,
        dir,
        option === 'SOURCE_DATE_EPOCH' ? { SOURCE_DATE_EPOCH: 'yesterday' } : {},
      );
      expect(result.status).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^journal: ${option.replace(/[-]/g, '\\-')}: `));
      expect(lines[0]).toMatch(message);
      expect(readdirSync(dir)).toEqual(['file.txt']);
    },
  );
});

describe('npm run journal as a process', { timeout: 120_000 }, () => {
  it('exits 0 when the file is written and 2 on bad input, as a shell sees it', () => {
    const dir = tempDir();
    const done = runJournal(['--out', 'x.pdf'], dir);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/^Wrote x\.pdf: 1 page, [\d.]+ KB\.\n$/);
    const bad = runJournal(['--pages', '201'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^journal: --pages: [^\n]*from 1 to 200, found 201\n$/);
    expect(readdirSync(dir)).toEqual(['x.pdf']);
  });

  it.each([
    ['Ctrl-C', 'SIGINT'],
    ['SIGTERM', 'SIGTERM'],
  ] as const)(
    'leaves no temporary file (and no folder it made) when %s comes in the write phase of a year’s batch',
    async (_, signal) => {
      const dir = tempDir();
      const out = join(dir, 'nam', '2024');
      // Its own process group, so that the signal reaches npx, tsx and node as Ctrl-C in a terminal does.
      const child = spawn(
        'npx',
        [
          '--prefix',
          resolve('.'),
          'tsx',
          JOURNAL_SCRIPT,
          '--from',
          '2024-01-01',
          '--to',
          '2024-12-31',
          '--out-dir',
          'nam/2024',
        ],
        {
          cwd: dir,
          detached: true,
          stdio: 'ignore',
          env: cliEnv(),
        },
      );
      const exited = new Promise<void>((done) => child.on('exit', () => done()));
      let temporaries = 0;
      for (let waited = 0; temporaries === 0 && waited < 110_000; waited += 2) {
        await new Promise((wait) => setTimeout(wait, 2));
        try {
          temporaries = readdirSync(out).filter((name) => name.endsWith('.tmp')).length;
        } catch {
          // Not made yet: the year is still being built.
        }
      }
      expect(temporaries, 'the write phase was seen').toBeGreaterThan(0);
      process.kill(-child.pid!, signal);
      await exited;
      // npx ends at once on SIGTERM, before the node it started has cleaned up: wait for the
      // whole group to be gone.
      for (let waited = 0; waited < 20_000; waited += 5) {
        try {
          process.kill(-child.pid!, 0);
        } catch {
          break;
        }
        await new Promise((wait) => setTimeout(wait, 5));
      }
      // Nothing at all: the temporary files are gone, and so are the folders made for them.
      expect(readdirSync(dir, { recursive: true })).toEqual([]);
    },
  );
});
