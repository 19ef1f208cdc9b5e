/**
 * The README's `npm run journal` examples, run as written, one after the other, in a fresh
 * folder that stands in for a clone: the project's files linked in, nothing made yet (no
 * nhat-ky/ folder). The one input a user brings, the shift run file ca-truc.json, is
 * exported the way a role page exports it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
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
import { addEntry } from '../../src/lib/checklist/entries.ts';
import { runFile, serialiseRunFile } from '../../src/lib/checklist/run-file.ts';
import { emptyStore } from '../../src/lib/checklist/state.ts';
import { endRun, startRun } from '../../src/lib/checklist/runs.ts';

const root = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'journal-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The README's journal commands, comments dropped. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return blocks
    .flatMap((block) => block.split('\n'))
    .filter((line) => line.startsWith('npm run journal'))
    .map((line) => line.replace(/\s+#.*$/, ''));
}

it('runs every `npm run journal` example of the README as written', { timeout: 300_000 }, () => {
  const commands = readmeCommands();
  // One example of each way to call it: a blank file, one day, a range in one file, one file a day, a run.
  const way = (command: string) =>
    ['--entries', '--out-dir', '--from', '--date', '--pages'].find((option) =>
      command.includes(` ${option} `),
    );
  expect(commands.map(way)).toEqual(['--pages', '--date', '--from', '--out-dir', '--entries']);
  for (const name of ['package.json', 'node_modules', 'scripts', 'src', 'content', 'tsconfig.json'])
    symlinkSync(join(root, name), join(dir, name));
  // A shift run exported from a role page ("Xuất ca (JSON)").
  let store = startRun(
    emptyStore('lanh-dao-ca-truc'),
    {
      date: '2026-11-27',
      shiftStart: '07:30',
      shiftEnd: '16:30',
      shift: 'Ca ngày',
      officer: 'Lê Văn Cường',
      timeZone: 'Asia/Ho_Chi_Minh',
    },
    new Date('2026-11-27T00:30:00.000Z'),
    'run-0001',
  );
  store = addEntry(
    store,
    {
      date: '2026-11-27',
      time: '08:15',
      kind: 'tinh-huong',
      content: 'Camera cổng số 3 mất tín hiệu',
    },
    'e-0001',
    new Date('2026-11-27T01:20:00.000Z'),
  );
  store = endRun(store, new Date('2026-11-27T09:30:00.000Z'));
  writeFileSync(
    join(dir, 'ca-truc.json'),
    serialiseRunFile(runFile(store.history[0]!, new Date('2026-11-27T09:35:00.000Z'))),
  );

  for (const command of commands) {
    const result = spawnSync('sh', ['-c', command], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '' },
    });
    expect(result.status, `${command}\n${result.stderr}`).toBe(0);
    expect(result.stdout, command).toMatch(/^Wrote /m);
  }
  const made = readdirSync(dir)
    .filter((name) => /\.pdf$|^nhat-ky$/.test(name))
    .sort();
  expect(made).toEqual(['nhat-ky', 'nhat-ky-truc-ban.pdf', 'nhat-ky.pdf', 'thang-1.pdf']);
  expect(readdirSync(join(dir, 'nhat-ky'))).toHaveLength(365);
  expect(execFileSync('pdfinfo', [join(dir, 'thang-1.pdf')], { encoding: 'utf8' })).toMatch(
    /^Pages:\s+31$/m,
  );
  // The heading as the README says: today's organisation by default, the options where given.
  const top = (file: string) =>
    execFileSync('pdftotext', ['-layout', '-l', '1', join(dir, file), '-'], { encoding: 'utf8' });
  expect(top('nhat-ky.pdf')).toMatch(/^\s*BỘ TÀI CHÍNH\s.*\n\s*CỤC HẢI QUAN\s/);
  expect(top('thang-1.pdf')).toMatch(/^\s*CỤC HẢI QUAN\s.*\n\s*CHI CỤC HẢI QUAN KHU VỰC I\s/);
});
