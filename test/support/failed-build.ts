/** Runs `astro build` on a content copy that is broken on purpose, and hands back how it failed. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface BuildFailure {
  code: number;
  /** stdout and stderr together: where the content gate's messages land. */
  output: string;
}

/** The failure of a build of `contentRoot` into `outDir`, or undefined when it succeeded. */
export async function failedBuild(
  contentRoot: string,
  outDir: string,
): Promise<BuildFailure | undefined> {
  return run(resolve('node_modules/.bin/astro'), ['build'], {
    env: {
      ...process.env,
      CONTENT_ROOT: contentRoot,
      OUT_DIR: outDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  }).then(
    () => undefined,
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: `${error.stdout}\n${error.stderr}`,
    }),
  );
}
