/**
 * A broken drill stops `astro build` itself (the content gate), with file, line, field,
 * found and expected, and leaves no site behind: the drill check runs in the same gate as
 * the rest of the content, before anything is rendered.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyContent } from '../support/content-copy.ts';
import { failedBuild } from '../support/failed-build.ts';

describe('astro build with a broken drill', () => {
  const copy = copyContent();
  const outDir = mkdtempSync(join(tmpdir(), 'so-tay-dist-'));
  afterAll(() => {
    copy.remove();
    rmSync(outDir, { recursive: true, force: true });
  });

  it(
    "stops with the drill's file, line, field, found and expected",
    { timeout: 180_000 },
    async () => {
      copyFileSync(
        'test/fixtures/drills/gui-ngoai-bai.mdx',
        join(copy.root, 'drills', 'gui-ngoai-bai.mdx'),
      );
      const failure = await failedBuild(copy.root, outDir);
      expect(failure, 'the build should have failed').toBeDefined();
      expect(failure?.code).not.toBe(0);
      expect(failure?.output).toContain(
        'drills/gui-ngoai-bai.mdx:35 injects[1].to: expected one of the drill\'s roles (cong-chuc-gshqtt, truong-phong-gshqtt) (found "lanh-dao-ca-truc")',
      );
      expect(existsSync(outDir)).toBe(false);
    },
  );
});
