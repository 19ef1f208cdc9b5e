/**
 * The journal CLI at the edges an adversarial pass found (in-process, main(argv, io)): input
 * that is not a regular file (a device that never ends, a FIFO that never answers) refused
 * before anything is read; a SOURCE_DATE_EPOCH a PDF date cannot carry; a shift that ends when
 * it begins, as the page refuses it; an --out that names a folder; a run file whose ticks lie
 * outside the run. Each exits 2 with one message naming the option, and writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFile, serialiseRunFile } from '../../src/lib/checklist/run-file.ts';
import { startRun } from '../../src/lib/checklist/runs.ts';
import { emptyStore, setDone } from '../../src/lib/checklist/state.ts';
import { journal, tempDirs } from '../support/journal-cli.ts';

const tempDir = tempDirs('journal-cli-edges-');

describe('the journal CLI at its edges', () => {
  it('refuses a device as --entries before reading it (/dev/zero never ends)', async () => {
    const dir = tempDir();
    const result = await journal(['--entries', '/dev/zero', '--out', 'x.pdf'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'journal: --entries: /dev/zero is a device; give the run file (.json)\n',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a FIFO as --entries instead of waiting on it', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'ca.json')]);
    const result = await journal(['--entries', 'ca.json', '--out', 'x.pdf'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'journal: --entries: ca.json is a FIFO (named pipe); give the run file (.json)\n',
    );
  });

  it('refuses a SOURCE_DATE_EPOCH past the year 9999, which a PDF date cannot carry', async () => {
    const dir = tempDir();
    const result = await journal(['--out', 'x.pdf'], dir, {
      SOURCE_DATE_EPOCH: '99999999999999999',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^journal: SOURCE_DATE_EPOCH: [^\n]*9999-12-31/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a shift that ends when it begins, as the page does', async () => {
    const dir = tempDir();
    const result = await journal(['--shift', '07:30-07:30', '--out', 'x.pdf'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^journal: --shift: expected an end of shift other than its start/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an --out that names a folder ("dir/"), instead of writing a file named "dir"', async () => {
    const dir = tempDir();
    const result = await journal(['--out', 'thu-muc/'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('journal: --out: "thu-muc/" names a folder; give a file name\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a run file whose tick is dated years after the run ended', async () => {
    const dir = tempDir();
    const now = new Date('2026-12-07T01:00:00.000Z');
    const store = setDone(
      startRun(
        emptyStore('lanh-dao-ca-truc'),
        {
          date: '2026-12-07',
          shiftStart: '07:30',
          shiftEnd: '16:30',
          timeZone: 'Asia/Ho_Chi_Minh',
        },
        now,
        'run-0001',
      ),
      'art_7__para_1__point_a',
      true,
      new Date(now.getTime() + 60_000),
    );
    const file = runFile(
      { ...store.current!, endedAt: new Date(now.getTime() + 3_600_000).toISOString() },
      now,
    );
    file.run.items[0]!.doneAt = '2099-06-01T03:00:00.000Z';
    writeFileSync(join(dir, 'ca.json'), serialiseRunFile(file));
    const result = await journal(['--entries', 'ca.json', '--ticked', '--out', 'x.pdf'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^journal: --entries: ca\.json: run\.items\[0\]\.doneAt: expected a time not after the run's end/,
    );
  });
});
