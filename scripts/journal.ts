/**
 * `npm run journal -- [options]`: the duty journal (Phụ lục I) as a fillable PDF. The command
 * is `main` in src/lib/journal/cli.ts (see `--help`); this wrapper gives it the process
 * (src/lib/cli-io.ts), which owns what only a process has: its exit code, and Ctrl-C or
 * SIGTERM while files are written, which removes the temporary files (and any folder made for
 * them) and exits 130 or 143.
 */
import { nodeIo } from '../src/lib/cli-io.ts';
import { main } from '../src/lib/journal/cli.ts';

process.exitCode = await main(process.argv.slice(2), nodeIo);
