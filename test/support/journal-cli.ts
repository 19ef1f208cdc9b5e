/**
 * The journal CLI for its tests. `journal` calls `main` in this process, as the command runs
 * it from the folder `cwd` (no SOURCE_DATE_EPOCH unless the test sets it); `runJournal`
 * spawns `npm run journal`'s script through npx tsx, for the few tests that need a real
 * process (exit codes as a shell sees them, signals).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../src/lib/journal/cli.ts';

export const JOURNAL_SCRIPT = resolve('scripts/journal.ts');

/** What a run of the CLI gave: its exit code and everything it wrote to stdout and stderr. */
interface JournalResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the journal CLI's `main` in this process, in `cwd`, with only `env` as its environment. */
export async function journal(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  { isTTY = false }: { isTTY?: boolean } = {},
): Promise<JournalResult> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    cwd,
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY },
    now: () => new Date(),
  });
  return { status, stdout, stderr };
}

/** The environment the spawned CLI runs in: the project's binaries first, no SOURCE_DATE_EPOCH unless given. */
export const cliEnv = (env: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  SOURCE_DATE_EPOCH: '',
  ...env,
  PATH: `${resolve('node_modules/.bin')}:${process.env.PATH}`,
});

/** Spawns the journal CLI in `cwd` and waits for it. */
export function runJournal(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): JournalResult {
  const result = spawnSync('npx', ['--prefix', resolve('.'), 'tsx', JOURNAL_SCRIPT, ...args], {
    cwd,
    encoding: 'utf8',
    env: cliEnv(env),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A maker of fresh temporary folders named `prefix…`, all removed after the file's tests. */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}
