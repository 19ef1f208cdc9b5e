/**
 * `npm run journal -- [options]`: the duty journal (Phụ lục I) as a fillable PDF.
 * Bad input exits 2 with one message naming the option and writes nothing: files are
 * written to a temporary name and renamed only when every one is complete.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_FILE_CHARS, describeIssue, parseRunFile, pathText, type RunFile } from '../src/lib/checklist/run-file.ts';
import { ContentError } from '../src/lib/content/errors.ts';
import type { EntryPart, JournalForm } from '../src/lib/content/forms-schema.ts';
import { loadJournalForm } from '../src/lib/content/forms.ts';
import { loadHandbook, type Handbook } from '../src/lib/content/handbook.ts';
import { getJournalFonts, getJournalForm } from '../src/data/journal.ts';
import { journalOfRun, type JournalLine } from '../src/lib/journal/run.ts';
import {
  JournalOptionError,
  JournalRowError,
  MAX_PAGES,
  MAX_RANGE_DAYS,
  MIN_PAGES,
  buildJournal,
  dateRange,
  dayFileName,
  parseIsoDate,
  parsePages,
  parseShift,
  timestampFromEpoch,
  type JournalFonts,
  type JournalOptions,
} from '../src/lib/journal/index.ts';

const HELP = `Usage: npm run journal -- [options]

Makes the duty journal (nhật ký trực ban, Phụ lục I) as a fillable PDF, laid out by
content/forms/phu-luc-1.yaml.

  --out FILE          where to write it (default nhat-ky-truc-ban.pdf)
  --pages N           number of pages, ${MIN_PAGES}–${MAX_PAGES} (default 1)
  --date YYYY-MM-DD   prefill the date
  --from YYYY-MM-DD --to YYYY-MM-DD [--out-dir DIR]
                      one file per day, named nhat-ky-truc-ban-YYYY-MM-DD.pdf, in DIR
                      (default: the current folder); at most ${MAX_RANGE_DAYS} days
  --unit "…"          prefill the unit line
  --shift HH:MM-HH:MM prefill the shift's start and end (24-hour clock)
  --entries FILE      fill the journal from a shift run file (Xuất ca (JSON) on a role
                      page, format so-tay-truc-ban/ca-truc): its date, start and end, the
                      officer's name and one row per journal entry, with as many pages as
                      the rows need (at least --pages); not with --date, --shift, --from/--to
  --ticked            with --entries: the run's ticked checklist items become rows too
                      ("Công việc thực hiện"), as the page's option does
  --help              show this help

The same inputs give the same bytes; SOURCE_DATE_EPOCH (seconds) sets the PDF's dates.
Exit status: 0 done, 2 bad input (nothing written), 1 broken content or other failure.`;

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
  shift: { type: 'string' },
  entries: { type: 'string' },
  ticked: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? /(--[\w-]+)/.exec(message)?.[1] ?? 'arguments';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(option, 'unknown option (see --help)');
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(option, `unexpected argument ${JSON.stringify(/'([^']*)'/.exec(message)?.[1] ?? '')}: every value follows its option, e.g. --pages 10`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(/(--[\w-]+)/.exec(message)?.[1] ?? option, 'expected a value after the option');
    throw error;
  }
}

/** The folder a file goes into must exist and be a folder; `what` names the option. */
function checkFolder(folder: string, what: string): void {
  let stats;
  try {
    stats = statSync(folder);
  } catch {
    throw new UsageError(what, `the folder ${folder} does not exist`);
  }
  if (!stats.isDirectory()) throw new UsageError(what, `${folder} is not a folder`);
}

function checkTarget(file: string, what: string): void {
  checkFolder(dirname(file), what);
  try {
    if (statSync(file).isDirectory()) throw new UsageError(what, `${file} is a folder; give a file name`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
  }
}

/** Writes every file under a temporary name, then renames them all; on any failure removes what it wrote. */
function writeAll(files: { path: string; bytes: Uint8Array }[], what: string): void {
  const temps: string[] = [];
  try {
    for (const { path, bytes } of files) {
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      temps.push(temp);
      writeFileSync(temp, bytes);
    }
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true });
    throw new UsageError(what, `cannot write there: ${(error as Error).message}`);
  }
  files.forEach(({ path }, index) => renameSync(temps[index]!, path));
}

/** Reads and checks a run file; every problem is a UsageError on --entries naming the file and the field. */
function readRunFile(name: string): RunFile {
  let bytes: Buffer;
  try {
    if (statSync(name).isDirectory()) throw new UsageError('--entries', `${name} is a folder; give the run file (.json)`);
    bytes = readFileSync(name);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError('--entries', code === 'ENOENT' ? `the file ${name} does not exist` : `cannot read ${name}: ${(error as Error).message}`);
  }
  if (bytes.length > MAX_FILE_CHARS * 4) throw new UsageError('--entries', `${name}: ${bytes.length} bytes is too large for a shift run file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError('--entries', `${name}: is not UTF-8 text`);
  }
  const parsed = parseRunFile(text, new Date());
  if (!parsed.ok) throw new UsageError('--entries', `${name}: ${describeIssue(parsed.issue)}`);
  return parsed.file;
}

/** The field of the run a table column comes from, for messages. */
const ENTRY_FIELD: Record<EntryPart, string> = { time: 'at', content: 'content', direction: 'direction', informed: 'informed', result: 'result' };

/** Where a row's cell comes from in the run file: "run.journal[2].content" or the ticked item. */
function sourceOf(form: JournalForm, line: JournalLine | undefined, column: string): string {
  const part = form.table.columns.find((c) => c.id === column)?.fills;
  if (!line || !part) return `row ${column}`;
  if ('entry' in line.from) return pathText(['run', 'journal', line.from.entry, ENTRY_FIELD[part]]);
  return `ticked item ${line.from.item} (${part})`;
}

/** Fills the journal from a run file; a run that cannot be set in the form is a UsageError on --entries. */
async function journalFromRun(
  { form, handbook, fonts }: { form: JournalForm; handbook: Handbook; fonts: JournalFonts },
  file: RunFile,
  name: string,
  ticked: boolean,
  base: JournalOptions,
): Promise<{ bytes: Uint8Array; rows: number }> {
  const { run } = file;
  const role = handbook.dutyHolders.find((r) => r.id === run.role);
  if (!role) throw new UsageError('--entries', `${name}: run.role: ${JSON.stringify(run.role)} is not a role with a checklist in this handbook`);
  const items = ticked
    ? handbook.dutiesOf(role.id).map((duty) => ({
        id: duty.id,
        action: duty.action,
        approval: duty.approval ? `Đã được ${handbook.role(duty.approval.by).name} phê duyệt` : undefined,
      }))
    : undefined;
  const { options, lines } = journalOfRun(form, run, { ticked: items });
  try {
    return { bytes: await buildJournal(form, { ...base, ...options }, fonts), rows: lines.length };
  } catch (error) {
    if (error instanceof JournalRowError) throw new UsageError('--entries', `${name}: ${sourceOf(form, lines[error.row], error.column)}: ${error.message}`);
    if (error instanceof JournalOptionError && error.option === 'header') throw new UsageError('--entries', `${name}: run.officer: ${error.message}`);
    if (error instanceof JournalOptionError && error.option === 'rows') throw new UsageError('--entries', `${name}: ${error.message}`);
    throw error;
  }
}

async function main(argv: string[]): Promise<void> {
  const values = parse(argv);
  if (values.help) {
    console.log(HELP);
    return;
  }
  const batch = values.from !== undefined || values.to !== undefined;
  if (batch) {
    if (values.from === undefined) throw new UsageError('--from', 'expected --from YYYY-MM-DD with --to');
    if (values.to === undefined) throw new UsageError('--to', 'expected --to YYYY-MM-DD with --from');
    if (values.date !== undefined) throw new UsageError('--date', 'cannot be used with --from/--to: each day gets its own date');
    if (values.out !== undefined) throw new UsageError('--out', 'cannot be used with --from/--to: the files are named by date; use --out-dir');
  } else if (values['out-dir'] !== undefined) {
    throw new UsageError('--out-dir', 'is for --from/--to batches; use --out for one file');
  }
  if (values.entries !== undefined) {
    if (batch) throw new UsageError('--entries', 'cannot be used with --from/--to: a run fills one journal');
    if (values.date !== undefined) throw new UsageError('--date', "cannot be used with --entries: the date is the run's");
    if (values.shift !== undefined) throw new UsageError('--shift', "cannot be used with --entries: the start and end are the run's");
  } else if (values.ticked) {
    throw new UsageError('--ticked', 'is for --entries FILE');
  }

  let timestamp: Date | undefined;
  try {
    timestamp = timestampFromEpoch(process.env.SOURCE_DATE_EPOCH);
  } catch (error) {
    throw new UsageError('SOURCE_DATE_EPOCH', (error as Error).message.replace(/^SOURCE_DATE_EPOCH /, ''));
  }
  // Check every value before reading content or touching the disk.
  const pages = parsePages(values.pages);
  if (values.date !== undefined) parseIsoDate(values.date);
  if (values.shift !== undefined) parseShift(values.shift);
  const days = batch ? dateRange(values.from!, values.to!) : [];
  const options: JournalOptions = { pages, unit: values.unit, shift: values.shift, timestamp };
  // A run file is input too: read and checked before the content.
  const runData = values.entries !== undefined ? readRunFile(values.entries) : undefined;

  // Content and fonts are the project's, wherever the command is run from.
  const projectRoot = resolve(import.meta.dirname, '..');
  const contentDir = resolve(projectRoot, process.env.CONTENT_ROOT ?? 'content');
  // A run needs the handbook too (its role, its items): load it once for both.
  const handbook = runData ? loadHandbook(contentDir) : undefined;
  const form = handbook ? loadJournalForm(contentDir, handbook) : getJournalForm(contentDir);
  const fonts = getJournalFonts(projectRoot);

  if (runData && handbook && values.entries !== undefined) {
    const out = resolve(values.out ?? 'nhat-ky-truc-ban.pdf');
    checkTarget(out, '--out');
    const { bytes, rows } = await journalFromRun({ form, handbook, fonts }, runData, values.entries, Boolean(values.ticked), options);
    writeAll([{ path: out, bytes }], '--out');
    console.log(`Wrote ${values.out ?? 'nhat-ky-truc-ban.pdf'} from ${values.entries}: ${rows} row${rows === 1 ? '' : 's'}, ${kb(bytes.length)}.`);
    return;
  }

  if (!batch) {
    const out = resolve(values.out ?? 'nhat-ky-truc-ban.pdf');
    checkTarget(out, '--out');
    const bytes = await buildJournal(form, { ...options, date: values.date }, fonts);
    writeAll([{ path: out, bytes }], '--out');
    console.log(`Wrote ${values.out ?? 'nhat-ky-truc-ban.pdf'}: ${pages} page${pages === 1 ? '' : 's'}, ${kb(bytes.length)}.`);
    return;
  }

  const outDir = resolve(values['out-dir'] ?? '.');
  checkFolder(outDir, '--out-dir');
  const files: { path: string; bytes: Uint8Array }[] = [];
  const tty = process.stderr.isTTY;
  let lastReported = -1;
  for (const [index, day] of days.entries()) {
    files.push({ path: join(outDir, dayFileName(day)), bytes: await buildJournal(form, { ...options, date: day }, fonts) });
    const done = index + 1;
    const tenth = Math.floor((done * 10) / days.length);
    if (tty) process.stderr.write(`\r${done}/${days.length} ${dayFileName(day)}`);
    else if (tenth !== lastReported || done === days.length) process.stderr.write(`${done}/${days.length} ${dayFileName(day)}\n`);
    lastReported = tenth;
  }
  if (tty) process.stderr.write('\n');
  writeAll(files, '--out-dir');
  const total = files.reduce((sum, file) => sum + file.bytes.length, 0);
  console.log(`Wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${values['out-dir'] ?? '.'} (${days[0]} to ${days.at(-1)}), ${kb(total)} in all.`);
}

const FLAG: Record<string, string> = { pages: '--pages', date: '--date', unit: '--unit', shift: '--shift', from: '--from', to: '--to' };

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`journal: ${error.option}: ${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof JournalOptionError) {
    console.error(`journal: ${FLAG[error.option] ?? error.option}: ${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof ContentError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
