/**
 * `npm run journal -- [options]`: the duty journal (Phụ lục I) as a fillable PDF. The logic
 * of the command, run in process by `main` (scripts/journal.ts is the wrapper that gives it
 * the process and handles signals; the tests call it directly). Node only.
 *
 * Bad input gives exit code 2 with one message naming the option and writes nothing. Only
 * regular files are written: a target that is a symbolic link, a folder, a FIFO or a device
 * is refused before anything is built. Files are written to temporary names (flushed to
 * disk) and renamed only when every one is complete; an error, or the wrapper on Ctrl-C or
 * SIGTERM, removes the temporary files (and any folder made for them).
 */
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  MAX_FILE_CHARS,
  describeIssue,
  parseRunFile,
  pathText,
  type RunFile,
} from '../checklist/run-file.ts';
import { ContentError } from '../content/errors.ts';
import { loadJournalForm } from '../content/forms.ts';
import type { EntryPart, JournalForm } from '../content/forms-schema.ts';
import { loadHandbook, type Handbook } from '../content/handbook.ts';
import { readJournalFonts } from './font-files.ts';
import { journalOfRun, type JournalLine } from './run.ts';
import {
  JournalOptionError,
  JournalRowError,
  MAX_FILE_PAGES,
  MAX_PAGES,
  MAX_RANGE_DAYS,
  MIN_PAGES,
  quoteValue,
  dateRange,
  parseIsoDate,
  parsePages,
  parseShift,
  timestampFromEpoch,
  type JournalOptions,
} from './options.ts';
import { buildJournal, type JournalFonts } from './pdf.ts';
import type { CliIo } from '../cli-io.ts';
import { dayFileName } from './blank.ts';

/** Where one file is written when --out is not given. */
const DEFAULT_OUT = 'nhat-ky-truc-ban.pdf';

const HELP = `Usage: npm run journal -- [options]

Makes the duty journal (nhật ký trực ban, Phụ lục I) as a fillable PDF, laid out by
content/forms/phu-luc-1.yaml.

  --out FILE          where to write it (default ${DEFAULT_OUT})
  --pages N           number of pages, ${MIN_PAGES}–${MAX_PAGES} (default 1)
  --date YYYY-MM-DD   prefill the date
  --from YYYY-MM-DD --to YYYY-MM-DD
                      a range of days, at most ${MAX_RANGE_DAYS}; each day's pages carry its date
    with --out FILE   all the days in one file, in order (at most ${MAX_FILE_PAGES} pages), numbered
                      per day and through the file
    with --out-dir DIR
                      one file per day, named nhat-ky-truc-ban-YYYY-MM-DD.pdf, in DIR (made
                      if missing; default: the current folder)
  --agency "…"        the issuing body's line (default: the form's, content/forms/phu-luc-1.yaml),
                      set in capitals
  --unit "…"          the unit's line, set in bold capitals (default: the form's, if any)
  --shift HH:MM-HH:MM prefill the shift's start and end (24-hour clock)
  --entries FILE      fill the journal from a shift run file (Xuất ca (JSON) on a role
                      page, format so-tay-truc-ban/ca-truc): its date, start and end, the
                      officer's name and one row per journal entry, with as many pages as
                      the rows need (at least --pages); not with --date, --shift, --from/--to
  --ticked            with --entries: the run's ticked checklist items become rows too
                      ("Công việc thực hiện"), as the page's option does, and so do the
                      items marked as not arisen in the shift ("Không phát sinh trong ca")
  --help              show this help

The same inputs give the same bytes; SOURCE_DATE_EPOCH (seconds) sets the PDF's dates.
Only regular files are written: a target that is a link, a folder, a FIFO or a device is refused.
Progress goes to stderr when it is a terminal.
Exit status: 0 done, 2 bad input (nothing written), 1 broken content or other failure,
130/143 interrupted (temporary files removed).`;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

class UsageError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

const OPTIONS = {
  out: { type: 'string' },
  pages: { type: 'string' },
  date: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'out-dir': { type: 'string' },
  unit: { type: 'string' },
  agency: { type: 'string' },
  shift: { type: 'string' },
  entries: { type: 'string' },
  ticked: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false })
      .values;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option =
      /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? /(--[\w-]+)/.exec(message)?.[1] ?? 'arguments';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(option, 'unknown option (see --help)');
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(
        option,
        `unexpected argument ${quoteValue(/'([^']*)'/.exec(message)?.[1] ?? '')}: every value follows its option, e.g. --pages 10`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(
        /(--[\w-]+)/.exec(message)?.[1] ?? option,
        'expected a value after the option',
      );
    throw error;
  }
}

/** What a non-regular file is, for messages. */
function kindOf(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The folder a file goes into must exist and be a folder (a link to one will do); `what` names the option. */
function checkFolder(folder: string, what: string): void {
  let stats;
  try {
    stats = statSync(folder);
  } catch {
    throw new UsageError(what, `the folder ${quoteValue(folder)} does not exist`);
  }
  if (!stats.isDirectory()) throw new UsageError(what, `${quoteValue(folder)} is not a folder`);
}

/** A target may be missing or a regular file, never a link (it would be followed or replaced), a folder, a FIFO or a device. */
function checkFile(file: string, what: string): void {
  let stats;
  try {
    stats = lstatSync(file);
  } catch {
    return;
  }
  if (stats.isDirectory())
    throw new UsageError(what, `${quoteValue(file)} is a folder; give a file name`);
  if (stats.isSymbolicLink() || !stats.isFile())
    throw new UsageError(
      what,
      `${quoteValue(file)} is ${kindOf(stats)}; only a regular file is written (nothing was)`,
    );
}

function checkTarget(file: string, what: string): void {
  checkFolder(dirname(file), what);
  checkFile(file, what);
}

/** --out as given, resolved: "dir/" names a folder, whether it exists or not, never a file "dir". */
function outPath(io: CliIo, value: string | undefined): string {
  if (value !== undefined && /[\\/]$/.test(value))
    throw new UsageError('--out', `${quoteValue(value)} names a folder; give a file name`);
  return resolve(io.cwd, value ?? DEFAULT_OUT);
}

/** The temporary name a file is written under until every file of the run is complete. */
const temporaryName = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/**
 * Writes every file under a temporary name (flushed), then renames them all. Synchronous
 * writes with a turn of the event loop between files: an interrupt is handled between two
 * files, never in the middle of one, and removes every temporary file there is, and the
 * folders made for them (`folder` and its missing parents).
 */
async function writeAll(
  io: CliIo,
  files: { path: string; bytes: Uint8Array }[],
  what: string,
  folder?: string,
): Promise<void> {
  const temporary = new Set<string>();
  const madeFolders: string[] = [];
  const removeTemporary = (): void => {
    for (const temp of temporary) rmSync(temp, { force: true });
    temporary.clear();
    // Deepest first; a folder that holds anything (a file renamed into it) stays.
    for (const made of madeFolders.splice(0).reverse()) {
      try {
        rmdirSync(made);
      } catch {
        break;
      }
    }
  };
  const withdraw = io.onInterrupt?.(removeTemporary);
  try {
    if (folder) {
      const first = mkdirSync(folder, { recursive: true });
      if (first !== undefined)
        for (let path = folder; path.length >= first.length; path = dirname(path))
          madeFolders.unshift(path);
    }
    for (const { path, bytes } of files) {
      const temp = temporaryName(path);
      // 'wx': created here, never through a link or over another file.
      const fd = openSync(temp, 'wx', 0o644);
      temporary.add(temp);
      try {
        for (let offset = 0; offset < bytes.length;)
          offset += writeSync(fd, bytes, offset, bytes.length - offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The targets again, just before they are replaced: each still missing or a regular file.
    for (const { path } of files) checkFile(path, what);
    for (const { path } of files) {
      const temp = temporaryName(path);
      renameSync(temp, path);
      temporary.delete(temp);
    }
    madeFolders.length = 0;
  } catch (error) {
    removeTemporary();
    if (error instanceof UsageError) throw error;
    throw new UsageError(what, `cannot write there: ${(error as Error).message}`);
  } finally {
    withdraw?.();
  }
}

/** The first `most` bytes of a file: a file that grows while it is read is not read without end. */
function readAtMost(path: string, most: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(most);
    let length = 0;
    for (let read = -1; read !== 0 && length < most; length += read)
      read = readSync(fd, buffer, length, most - length, null);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Reads and checks a run file; every problem is a UsageError on --entries naming the file and the field. */
function readRunFile(io: CliIo, name: string): RunFile {
  const path = resolve(io.cwd, name);
  const limit = MAX_FILE_CHARS * 4;
  let bytes: Buffer;
  try {
    // What it is first: a folder, a FIFO (which would block) or a device (/dev/zero never
    // ends) is refused before anything is read; a regular file is read up to the limit only.
    const stats = statSync(path);
    if (stats.isDirectory())
      throw new UsageError('--entries', `${name} is a folder; give the run file (.json)`);
    if (!stats.isFile())
      throw new UsageError('--entries', `${name} is ${kindOf(stats)}; give the run file (.json)`);
    bytes = readAtMost(path, limit + 1);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      '--entries',
      code === 'ENOENT'
        ? `the file ${name} does not exist`
        : `cannot read ${name}: ${(error as Error).message}`,
    );
  }
  if (bytes.length > limit)
    throw new UsageError(
      '--entries',
      `${name}: ${bytes.length} bytes is too large for a shift run file`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError('--entries', `${name}: is not UTF-8 text`);
  }
  const parsed = parseRunFile(text, io.now());
  if (!parsed.ok) throw new UsageError('--entries', `${name}: ${describeIssue(parsed.issue)}`);
  return parsed.file;
}

/** The field of the run a table column comes from, for messages. */
const ENTRY_FIELD: Record<EntryPart, string> = {
  time: 'at',
  content: 'content',
  direction: 'direction',
  informed: 'informed',
  result: 'result',
};

/** Where a row's cell comes from in the run file: "run.journal[2].content" or the ticked item. */
function sourceOf(form: JournalForm, line: JournalLine | undefined, column: string): string {
  const part = form.table.columns.find((c) => c.id === column)?.fills;
  if (!line || !part) return `row ${column}`;
  if ('entry' in line.from) {
    // The row of a matter's closing holds its closing time and result.
    const field = line.from.closing
      ? { time: 'closedAt', result: 'outcome' }[part as string]
      : undefined;
    return pathText(['run', 'journal', line.from.entry, field ?? ENTRY_FIELD[part]]);
  }
  return `ticked item ${line.from.item} (${part})`;
}

/** Fills the journal from a run file; a run that cannot be set in the form is a UsageError on --entries. */
async function journalFromRun(
  { form, handbook, fonts }: Content,
  file: RunFile,
  name: string,
  ticked: boolean,
  base: JournalOptions,
): Promise<{ bytes: Uint8Array; rows: number }> {
  const { run } = file;
  const role = handbook.dutyHolders.find((r) => r.id === run.role);
  if (!role)
    throw new UsageError(
      '--entries',
      `${name}: run.role: ${JSON.stringify(run.role)} is not a role with a checklist in this handbook`,
    );
  const items = ticked
    ? handbook.dutiesOf(role.id).map((duty) => ({
        id: duty.id,
        action: duty.action,
        approval: duty.approval
          ? `Đã được ${handbook.role(duty.approval.by).name} phê duyệt`
          : undefined,
      }))
    : undefined;
  const { options, lines } = journalOfRun(form, run, { ticked: items });
  try {
    return { bytes: await buildJournal(form, { ...base, ...options }, fonts), rows: lines.length };
  } catch (error) {
    if (error instanceof JournalRowError)
      throw new UsageError(
        '--entries',
        `${name}: ${sourceOf(form, lines[error.row], error.column)}: ${error.message}`,
      );
    if (error instanceof JournalOptionError && error.option === 'header')
      throw new UsageError('--entries', `${name}: run.officer: ${error.message}`);
    if (error instanceof JournalOptionError && error.option === 'rows')
      throw new UsageError('--entries', `${name}: ${error.message}`);
    throw error;
  }
}

/** Progress on stderr, only when it is a terminal (a log or a pipe gets the summary line alone). */
function progress(
  io: CliIo,
  total: number,
): { step: (done: number, label: string) => void; end: () => void } {
  const tty = io.stderr.isTTY === true;
  return {
    step: (done, label) => {
      if (tty) io.stderr.write(`\r${done}/${total} ${label}\x1b[K`);
    },
    end: () => {
      if (tty) io.stderr.write('\r\x1b[K');
    },
  };
}

type Values = ReturnType<typeof parse>;
interface Content {
  form: JournalForm;
  fonts: JournalFonts;
  handbook: Handbook;
}

/** Options that cannot go together, refused before anything is read. */
function checkCombinations(values: Values): { batch: boolean } {
  const batch = values.from !== undefined || values.to !== undefined;
  if (batch) {
    if (values.from === undefined)
      throw new UsageError('--from', 'expected --from YYYY-MM-DD with --to');
    if (values.to === undefined)
      throw new UsageError('--to', 'expected --to YYYY-MM-DD with --from');
    if (values.date !== undefined)
      throw new UsageError('--date', 'cannot be used with --from/--to: each day gets its own date');
    if (values.out !== undefined && values['out-dir'] !== undefined) {
      throw new UsageError(
        '--out',
        'cannot be used with --out-dir: --out writes the days into one file, --out-dir one file per day',
      );
    }
  } else if (values['out-dir'] !== undefined) {
    throw new UsageError('--out-dir', 'is for --from/--to batches; use --out for one file');
  }
  if (values.entries !== undefined) {
    if (batch)
      throw new UsageError('--entries', 'cannot be used with --from/--to: a run fills one journal');
    if (values.date !== undefined)
      throw new UsageError('--date', "cannot be used with --entries: the date is the run's");
    if (values.shift !== undefined)
      throw new UsageError(
        '--shift',
        "cannot be used with --entries: the start and end are the run's",
      );
  } else if (values.ticked) {
    throw new UsageError('--ticked', 'is for --entries FILE');
  }
  return { batch };
}

/** The PDF's dates from SOURCE_DATE_EPOCH, if set. */
function sourceTimestamp(io: CliIo): Date | undefined {
  try {
    return timestampFromEpoch(io.env.SOURCE_DATE_EPOCH);
  } catch (error) {
    throw new UsageError(
      'SOURCE_DATE_EPOCH',
      (error as Error).message.replace(/^SOURCE_DATE_EPOCH /, ''),
    );
  }
}

/** Checks every value before reading content or touching the disk. */
function checkValues(io: CliIo, values: Values, batch: boolean) {
  const timestamp = sourceTimestamp(io);
  const pages = parsePages(values.pages);
  if (values.date !== undefined) parseIsoDate(values.date);
  if (values.shift !== undefined) parseShift(values.shift);
  const days = batch ? dateRange(values.from!, values.to!) : [];
  const oneFile = batch && values.out !== undefined;
  if (oneFile && days.length * pages > MAX_FILE_PAGES) {
    throw new UsageError(
      '--pages',
      `${days.length} days of ${pages} pages make ${days.length * pages} pages; one file holds at most ${MAX_FILE_PAGES}: use --out-dir for one file per day`,
    );
  }
  const options: JournalOptions = {
    pages,
    unit: values.unit,
    agency: values.agency,
    shift: values.shift,
    timestamp,
  };
  return { pages, days, oneFile, options };
}

/** --entries: the journal filled from a run file, to --out. */
async function writeFromRun(
  io: CliIo,
  content: Content,
  values: Values & { entries: string },
  runData: RunFile,
  options: JournalOptions,
): Promise<void> {
  const out = outPath(io, values.out);
  checkTarget(out, '--out');
  const { bytes, rows } = await journalFromRun(
    content,
    runData,
    values.entries,
    Boolean(values.ticked),
    options,
  );
  await writeAll(io, [{ path: out, bytes }], '--out');
  io.stdout.write(
    `Wrote ${values.out ?? DEFAULT_OUT} from ${values.entries}: ${rows} row${rows === 1 ? '' : 's'}, ${kb(bytes.length)}.\n`,
  );
}

/** One file to --out: one day's pages, or (`oneFile`) every day of the range in order. */
async function writeOneFile(
  io: CliIo,
  { form, fonts }: Content,
  values: Values,
  { pages, days, oneFile, options }: ReturnType<typeof checkValues>,
): Promise<void> {
  const out = outPath(io, values.out);
  checkTarget(out, '--out');
  const shown = progress(io, days.length);
  const bytes = await buildJournal(
    form,
    oneFile ? { ...options, dates: days } : { ...options, date: values.date },
    fonts,
    {
      onDay: (done) => shown.step(done, days[done - 1]!),
    },
  );
  shown.end();
  await writeAll(io, [{ path: out, bytes }], '--out');
  const total = oneFile ? days.length * pages : pages;
  const span = oneFile
    ? ` (${days[0]} to ${days.at(-1)}, ${days.length} day${days.length === 1 ? '' : 's'})`
    : '';
  io.stdout.write(
    `Wrote ${values.out ?? DEFAULT_OUT}: ${total} page${total === 1 ? '' : 's'}${span}, ${kb(bytes.length)}.\n`,
  );
}

/** The --out-dir folder as it is now: undefined when missing (made later), refused when it cannot be one. */
function existingFolder(outDir: string): Stats | undefined {
  let existing: Stats | undefined;
  try {
    existing = statSync(outDir);
  } catch {
    // Missing: made once everything is built. Under a file, it cannot be.
    for (let parent = dirname(outDir); ; parent = dirname(parent)) {
      let stats: Stats | undefined;
      try {
        stats = statSync(parent);
      } catch {
        if (dirname(parent) === parent) break;
        continue;
      }
      if (!stats.isDirectory())
        throw new UsageError('--out-dir', `${quoteValue(parent)} is not a folder`);
      break;
    }
  }
  if (existing && !existing.isDirectory())
    throw new UsageError('--out-dir', `${quoteValue(outDir)} is not a folder`);
  return existing;
}

/** One file per day; the folder is made (with its parents) when the files are written. */
async function writeDayFiles(
  io: CliIo,
  { form, fonts }: Content,
  values: Values,
  days: string[],
  options: JournalOptions,
): Promise<void> {
  const outDir = resolve(io.cwd, values['out-dir'] ?? '.');
  const existing = existingFolder(outDir);
  const files = days.map((day) => ({ day, path: join(outDir, dayFileName(day)) }));
  if (existing) for (const { path } of files) checkFile(path, '--out-dir');
  const shown = progress(io, days.length);
  const built: { path: string; bytes: Uint8Array }[] = [];
  for (const [index, { day, path }] of files.entries()) {
    built.push({ path, bytes: await buildJournal(form, { ...options, date: day }, fonts) });
    shown.step(index + 1, dayFileName(day));
  }
  shown.end();
  await writeAll(io, built, '--out-dir', outDir);
  const total = built.reduce((sum, file) => sum + file.bytes.length, 0);
  io.stdout.write(
    `Wrote ${built.length} file${built.length === 1 ? '' : 's'} to ${values['out-dir'] ?? '.'} (${days[0]} to ${days.at(-1)}), ${kb(total)} in all.\n`,
  );
}

async function run(io: CliIo, argv: string[]): Promise<void> {
  const values = parse(argv);
  if (values.help) {
    io.stdout.write(`${HELP}\n`);
    return;
  }
  const { batch } = checkCombinations(values);
  const checked = checkValues(io, values, batch);
  // A run file is input too: read and checked before the content.
  const runData = values.entries !== undefined ? readRunFile(io, values.entries) : undefined;

  // Content and fonts are the project's, wherever the command is run from.
  const projectRoot = resolve(import.meta.dirname, '../../..');
  const contentDir = resolve(projectRoot, io.env.CONTENT_ROOT ?? 'content');
  const handbook = loadHandbook(contentDir);
  const content = {
    handbook,
    form: loadJournalForm(contentDir, handbook),
    fonts: readJournalFonts(projectRoot),
  };
  if (runData && values.entries !== undefined) {
    const entries = { ...values, entries: values.entries };
    return writeFromRun(io, content, entries, runData, checked.options);
  }
  if (!batch || checked.oneFile) return writeOneFile(io, content, values, checked);
  return writeDayFiles(io, content, values, checked.days, checked.options);
}

/** The command-line name of each journal option, for messages. */
const FLAG: Record<string, string> = {
  pages: '--pages',
  date: '--date',
  unit: '--unit',
  agency: '--agency',
  shift: '--shift',
  from: '--from',
  to: '--to',
  dates: '--from/--to',
};

/**
 * Runs the command with the arguments after `npm run journal --`; returns the exit code: 0
 * done, 2 bad input (one message on stderr, nothing written), 1 broken content (its report on
 * stderr). Any other failure is thrown.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    await run(io, argv);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`journal: ${error.option}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof JournalOptionError) {
      io.stderr.write(`journal: ${FLAG[error.option] ?? error.option}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ContentError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
