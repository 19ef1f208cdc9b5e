/**
 * `npm run journal` as a user runs it, for the CLI tests: spawned through npx tsx from a
 * folder of the test's own, with SOURCE_DATE_EPOCH cleared unless the test sets it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const JOURNAL_SCRIPT = resolve('scripts/journal.ts');

/** The environment the CLI runs in: the project's binaries first, no SOURCE_DATE_EPOCH unless given. */
export const cliEnv = (env: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  SOURCE_DATE_EPOCH: '',
  ...env,
  PATH: `${resolve('node_modules/.bin')}:${process.env.PATH}`,
});

/** Runs the journal CLI in `cwd` and waits for it. */
export function runJournal(args: string[], cwd: string, env: Record<string, string> = {}) {
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
