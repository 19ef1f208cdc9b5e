/**
 * What a command-line tool's `main(argv, io)` may touch of its process: two writers, the
 * folder it runs in and the environment. Tests pass their own and read what was written;
 * scripts/ pass `nodeIo` and set the exit code main returns.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Relative paths on the command line are taken from here. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
};
