import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { copyContent } from '../support/content-copy.ts';

const run = promisify(execFile);

describe('astro build with broken content', () => {
  const copy = copyContent();
  const outDir = mkdtempSync(join(tmpdir(), 'so-tay-dist-'));
  afterAll(() => {
    copy.remove();
    rmSync(outDir, { recursive: true, force: true });
  });

  it(
    'stops with file, field, found and expected, and leaves no earlier site behind',
    { timeout: 120_000 },
    async () => {
      // An earlier, complete-looking build in the output folder must not survive a failed build.
      mkdirSync(join(outDir, 'dieu-7'), { recursive: true });
      writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>old</title>');
      copy.edit('duties/lanh-dao-ca-truc.yaml', 'moments: [ghi-nhat-ky]', 'moments: [cuoi-ca]');

      const build = run(resolve('node_modules/.bin/astro'), ['build'], {
        env: {
          ...process.env,
          CONTENT_ROOT: copy.root,
          OUT_DIR: outDir,
          ASTRO_TELEMETRY_DISABLED: '1',
        },
      });
      const failure = await build.then(
        () => undefined,
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(failure, 'the build should have failed').toBeDefined();
      expect(failure?.code).not.toBe(0);
      const output = `${failure?.stdout}\n${failure?.stderr}`;
      expect(output).toContain(
        'duties/lanh-dao-ca-truc.yaml:77 [8].moments[0]: expected a moment id from moments.yaml (dat-trong-diem, trong-ca, khi-phat-sinh, ngoai-gio, ghi-nhat-ky) (found "cuoi-ca")',
      );
      expect(existsSync(outDir)).toBe(false);
    },
  );
});
