/**
 * The options a journal is made with, checked the same way for the command line, the
 * build and the browser. Every problem is a JournalOptionError naming the option, so
 * each caller can say which input was wrong.
 */

/** The options a caller may give; text is normalised to NFC before use. */
export interface JournalOptions {
  /** Number of pages, 1–200 (default 1); text as typed is checked too. */
  pages?: number | string | undefined;
  /** Prefills the date field: an ISO date, yyyy-mm-dd. */
  date?: string | undefined;
  /**
   * Prefills the unit line (set in bold capitals); the form's `default` when absent; null
   * leaves the line blank (the page's generator when its box is emptied).
   */
  unit?: string | null | undefined;
  /** Replaces the issuing body's line (set in capitals); the form's text when absent. */
  agency?: string | undefined;
  /**
   * A range in one file: each date's sheets in order (`pages` each), every page with its
   * own date, numbered per day and through the file. Not with `date`, `header` or `rows`.
   */
  dates?: readonly string[] | undefined;
  /** Prefills the shift's start and end: "HH:MM-HH:MM". */
  shift?: string | undefined;
  /**
   * The PDF's creation and modification date. Absent: the PDF carries no date, so the
   * same inputs always give the same bytes (the CLI passes SOURCE_DATE_EPOCH here).
   */
  timestamp?: Date | undefined;
  /** Header fields filled by id (e.g. a name from a shift run); NFC, one line each. */
  header?: Readonly<Record<string, string>> | undefined;
  /**
   * Table rows, one per journal entry, each cell by column id. Pages are added as the
   * rows need them (at least `pages`); long text is set smaller to stay in its cell.
   */
  rows?: readonly Readonly<Record<string, string>>[] | undefined;
}

export type JournalOptionName =
  'pages' | 'date' | 'unit' | 'agency' | 'shift' | 'from' | 'to' | 'dates' | 'header' | 'rows';

export class JournalOptionError extends Error {
  readonly option: JournalOptionName;
  constructor(option: JournalOptionName, message: string) {
    super(message);
    this.name = 'JournalOptionError';
    this.option = option;
  }
}

export const MIN_PAGES = 1;
export const MAX_PAGES = 200;
/** The longest date range one batch may cover (a leap year). */
export const MAX_RANGE_DAYS = 366;
/** The most pages one file may hold (a year of one-page days with room to spare; more is for --out-dir). */
export const MAX_FILE_PAGES = 1000;
/** The most characters of a bad value an error message repeats. */
export const MAX_QUOTED = 80;

/** A value as an error message shows it: quoted, cut to about MAX_QUOTED characters, with its length when cut. */
export function quoteValue(value: string): string {
  const chars = [...value];
  if (chars.length <= MAX_QUOTED) return JSON.stringify(value);
  return `${JSON.stringify(`${chars.slice(0, MAX_QUOTED - 1).join('')}…`)} (${chars.length} characters)`;
}

/** A table cell that cannot be filled: `row` counts from 0 over all pages, `column` is the column id. */
export class JournalRowError extends JournalOptionError {
  readonly row: number;
  readonly column: string;
  constructor(row: number, column: string, message: string) {
    super('rows', message);
    this.name = 'JournalRowError';
    this.row = row;
    this.column = column;
  }
}

/** Checks a page count given as a number or as the text of an option. */
export function parsePages(value: number | string | undefined): number {
  if (value === undefined) return MIN_PAGES;
  // Strict: digits only, no spaces, signs, decimals or exponents (" 5", "+5", "5.0", "5e0").
  const text = String(value);
  if (!/^[0-9]+$/.test(text)) {
    throw new JournalOptionError(
      'pages',
      `expected a whole number from ${MIN_PAGES} to ${MAX_PAGES}, found ${quoteValue(text)}`,
    );
  }
  const pages = Number(text);
  if (pages < MIN_PAGES || pages > MAX_PAGES) {
    throw new JournalOptionError(
      'pages',
      `expected a number of pages from ${MIN_PAGES} to ${MAX_PAGES}, found ${pages}`,
    );
  }
  return pages;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a real calendar date written yyyy-mm-dd; throws for 2025-02-30 and the like. */
export function parseIsoDate(value: string, option: JournalOptionName = 'date'): number {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (!match)
    throw new JournalOptionError(
      option,
      `expected a date written YYYY-MM-DD, found ${quoteValue(value)}`,
    );
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (
    year < 1900 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw new JournalOptionError(
      option,
      `expected a real calendar date, found ${quoteValue(value)}, which does not exist`,
    );
  }
  return time / DAY_MS;
}

const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Every date from `from` to `to`, both included, as yyyy-mm-dd; at most 366 days. */
export function dateRange(from: string, to: string): string[] {
  const first = parseIsoDate(from, 'from');
  const last = parseIsoDate(to, 'to');
  if (last < first)
    throw new JournalOptionError('to', `expected a date on or after --from (${from}), found ${to}`);
  const count = last - first + 1;
  if (count > MAX_RANGE_DAYS) {
    throw new JournalOptionError(
      'to',
      `expected a range of at most ${MAX_RANGE_DAYS} days, found ${count} days (${from} to ${to})`,
    );
  }
  return Array.from({ length: count }, (_, index) => isoOfDay(first + index));
}

/** "07:30-16:30" → ["07:30", "16:30"]; a shift may run past midnight ("22:00-06:00"). */
export function parseShift(value: string): [string, string] {
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(value);
  if (!match) {
    throw new JournalOptionError(
      'shift',
      `expected the shift's start and end written HH:MM-HH:MM (24-hour clock, e.g. 07:30-16:30), found ${quoteValue(value)}`,
    );
  }
  const [start, end] = [`${match[1]}:${match[2]}`, `${match[3]}:${match[4]}`];
  // The same rule as the page's start form (startRun): a shift ends at another time.
  if (start === end)
    throw new JournalOptionError(
      'shift',
      `expected an end of shift other than its start, found ${quoteValue(value)}`,
    );
  return [start, end];
}

/** Reads SOURCE_DATE_EPOCH (seconds since 1970, as reproducible builds use it); undefined when unset. */
export function timestampFromEpoch(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[0-9]+$/.test(value))
    throw new Error(
      `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01, found ${quoteValue(value)}`,
    );
  // A date a PDF can carry (D:YYYYMMDD…, four-digit years): no later than 9999-12-31.
  const date = new Date(Number(value) * 1000);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999)
    throw new Error(
      `SOURCE_DATE_EPOCH must be a time no later than 9999-12-31 (253402300799), found ${quoteValue(value)}`,
    );
  return date;
}
