/**
 * What a command-line tool's `main(argv, io)` may touch of its process: its folder, its
 * environment, two writers, the clock and, while files are written, who to tell about a
 * cleanup. Tests pass their own and read what was written; scripts/ pass `nodeIo` and set the
 * exit code main returns. `main` itself never exits the process nor listens to signals.
 */
export interface CliIo {
  /** Relative paths on the command line are taken from here (the shell's working folder). */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  /** Progress is shown only when `isTTY` is true (a terminal); a log or a pipe gets the summary. */
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** The time now (a run file dated after today is refused). */
  now(): Date;
  /**
   * While files are written, `main` hands over the cleanup that removes them (and any folder
   * made for them) and withdraws it, with the function returned, once they are in place: the
   * process runs it on Ctrl-C or SIGTERM, then exits 130 or 143. Tests may leave it out.
   */
  onInterrupt?(cleanup: () => void): () => void;
}

/** The real process: its folder, environment, streams, clock and signals. */
export const nodeIo: CliIo = {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
  onInterrupt(cleanup) {
    const onSignal = (signal: NodeJS.Signals) => {
      cleanup();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // Under `npm run`, a signal sent to npm alone may end npm and its shell and not this
    // process, which would go on writing after the cancel: a parent gone (this process handed
    // to another) is taken as SIGTERM.
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid !== parent) onSignal('SIGTERM');
    }, 200);
    watch.unref();
    return () => {
      clearInterval(watch);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
  },
};
