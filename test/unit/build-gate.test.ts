import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyContent } from '../support/content-copy.ts';
import { failedBuild } from '../support/failed-build.ts';

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

      const failure = await failedBuild(copy.root, outDir);
      expect(failure, 'the build should have failed').toBeDefined();
      expect(failure?.code).not.toBe(0);
      expect(failure?.output).toContain(
        'duties/lanh-dao-ca-truc.yaml:79 [8].moments[0]: expected a moment id from moments.yaml (dat-trong-diem, trong-ca, khi-phat-sinh, ngoai-gio, ghi-nhat-ky) (found "cuoi-ca")',
      );
      expect(existsSync(outDir)).toBe(false);
    },
  );

  it(
    'stops on a generated practice question the law does not support (the question gate)',
    { timeout: 120_000 },
    async () => {
      const question = copyContent();
      try {
        // The officer's approval under 3.2 c loses the reading its answer rests on.
        question.edit(
          'duties/cong-chuc-gshqtt.yaml',
          '    by: lanh-dao-phong-gshqtt\n  reading: lanh-dao-phong-phe-duyet\n',
          '    by: lanh-dao-phong-gshqtt\n',
        );
        const failure = await failedBuild(question.root, outDir);
        expect(failure, 'the build should have failed').toBeDefined();
        expect(failure?.code).not.toBe(0);
        expect(failure?.output).toContain(
          'duties/cong-chuc-gshqtt.yaml:25 [3]: expected practice question approval:art_7__para_3__subpara_2__point_c--thuc-hien to pass the question gate (rule "answer")',
        );
      } finally {
        question.remove();
      }
    },
  );
});
