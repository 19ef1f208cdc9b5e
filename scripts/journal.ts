/**
 * `npm run journal -- [options]`: the duty journal (Phụ lục I) as a fillable PDF. The command
 * is `main` in src/lib/journal/cli.ts (see `--help`); this wrapper gives it the process and
 * owns what only a process has: its exit code, and Ctrl-C or SIGTERM while files are written,
 * which removes the temporary files (and any folder made for them) and exits 130 or 143.
 */
import { main, type CliIo } from '../src/lib/journal/cli.ts';

const io: CliIo = {
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
    return () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
  },
};

process.exitCode = await main(process.argv.slice(2), io);
