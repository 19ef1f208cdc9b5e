/**
 * A shift run as a file: what "Xuất ca ra tệp" writes, "Nhập ca từ tệp" reads and
 * `npm run journal -- --entries FILE` fills a journal from. Versioned and checked on
 * reading; every problem is reported with where it is (a path such as
 * run.journal[2].at) and what was expected, in English for the command line and in
 * Vietnamese for the page.
 *
 * Format "so-tay-truc-ban/ca-truc", version 4 (UTF-8 JSON):
 *
 *   { "format": "so-tay-truc-ban/ca-truc", "version": 4,
 *     "exportedAt": instant,            // when the file was written (UTC)
 *     "run": Run }                       // as stored, version 5 (schema.ts): the run
 *                                        // carries its zone and the shift's times, items
 *                                        // may be marked «không phát sinh», entries may be
 *                                        // matters followed, closed, received at handover
 *
 * Version 3 files (no matter followed) and version 2 files (a run of store version 3: no item
 * marked «không phát sinh» either) are read as they are. Version 1 files (a run of store version 2 beside the zone of the device that
 * wrote the file) are read as version 3: the run takes that zone and has no shift times.
 * Text must be NFC and within the limits of schema.ts, and journal text must be in the
 * journal font's character set. A run must be possible: it ends after it starts, its
 * entries belong to its shift (time.ts, withinRun), nothing of it lies after the day it is
 * read on. A file of a later version is refused, not guessed at.
 */
import { describeCharacter } from '../journal/charset.ts';
import { isObject, literal, matches, object, string, type Issue, type Infer } from './validator.ts';
import { INSTANT, LIMITS, TIME_ZONE, type Run, type Store } from './schema.ts';
import { runSchema } from './store-schema.ts';
import { ChecklistError, runLabel } from './state.ts';
import { unprintable } from './printable.ts';
import { FILE_STAMP_MAX } from '../store/limits.ts';
import { closingFits, fits } from './invariants.ts';
import { isKnownTimeZone, wallTimeIn } from './time.ts';
import { withinRun } from './shift-window.ts';

export { isKnownTimeZone };

export const RUN_FILE_FORMAT = 'so-tay-truc-ban/ca-truc';
export const RUN_FILE_VERSION = 4;

export const runFileSchema = object({
  format: literal(RUN_FILE_FORMAT),
  version: literal(RUN_FILE_VERSION),
  exportedAt: string(matches(INSTANT, 'instant')),
  run: runSchema,
});

export type RunFile = Infer<typeof runFileSchema>;

/** The file for a run, exported at `now`: the run carries its own zone, whatever the exporting device's. */
export const runFile = (run: Run, now: Date): RunFile => ({
  format: RUN_FILE_FORMAT,
  version: RUN_FILE_VERSION,
  exportedAt: now.toISOString(),
  run,
});

/** Version 1 → 2: the file's zone moves into the run, which gets no shift times. */
function fromVersion1(data: Record<string, unknown>): Record<string, unknown> {
  const { timeZone, run, ...rest } = data;
  if (typeof timeZone !== 'string' || !TIME_ZONE.test(timeZone) || !isKnownTimeZone(timeZone))
    return { ...rest, version: 1, timeZone, run };
  const upgraded = isObject(run)
    ? { ...run, shiftStart: null, shiftEnd: null, timeZone, removed: [], stamp: 0 }
    : run;
  return { ...rest, version: RUN_FILE_VERSION, run: upgraded };
}

/**
 * What makes a run impossible, whatever its fields' forms: the first problem, or undefined.
 * `now` is when it is read: nothing of the run may lie after that day in the run's zone.
 */
export function runProblem(run: Run, now: Date): Issue | undefined {
  if (!isKnownTimeZone(run.timeZone))
    return { path: ['run', 'timeZone'], rule: 'time-zone', found: run.timeZone };
  if (run.shiftStart !== null && run.shiftStart === run.shiftEnd)
    return { path: ['run', 'shiftEnd'], rule: 'same-as-start', found: run.shiftEnd };
  if ((run.shiftStart === null) !== (run.shiftEnd === null))
    return { path: ['run', run.shiftStart === null ? 'shiftStart' : 'shiftEnd'], rule: 'missing' };
  if (run.endedAt !== null && run.endedAt < run.startedAt)
    return { path: ['run', 'endedAt'], rule: 'before-start', found: run.endedAt };
  // A tick or an approval is part of the record: it happened while the run was open.
  for (const [index, item] of run.items.entries()) {
    // An item is done or did not arise, never both (merge.ts keeps them one outcome).
    if (item.doneAt && item.notArisenAt)
      return { path: ['run', 'items', index, 'notArisenAt'], rule: 'done-and-not-arisen' };
    for (const field of ['doneAt', 'notArisenAt', 'approvedAt'] as const) {
      const at = item[field];
      if (at && at < run.startedAt)
        return { path: ['run', 'items', index, field], rule: 'before-start', found: at };
      if (at && run.endedAt !== null && at > run.endedAt)
        return { path: ['run', 'items', index, field], rule: 'after-end', found: at };
    }
  }
  // Stamps order changes; one far in the future would outrank every later change here.
  const stamps = [
    run.stamp,
    ...run.items.flatMap((item) => Object.values(item.stamps ?? {})),
    ...run.journal.map((entry) => entry.stamp ?? 0),
    ...run.removed.map((entry) => entry.stamp),
  ];
  const far = stamps.find((stamp) => stamp > FILE_STAMP_MAX);
  if (far !== undefined) return { path: ['run', 'stamp'], rule: 'stamp', found: far };
  const today = wallTimeIn(now, run.timeZone).slice(0, 10);
  if (run.date > today)
    return { path: ['run', 'date'], rule: 'future', limit: today, found: run.date };
  for (const field of ['startedAt', 'endedAt'] as const) {
    const instant = run[field];
    if (instant !== null && wallTimeIn(instant, run.timeZone).slice(0, 10) > today)
      return { path: ['run', field], rule: 'future', limit: today, found: instant };
  }
  for (const [index, entry] of run.journal.entries()) {
    for (const field of ['at', 'closedAt'] as const) {
      const at = entry[field];
      if (at === undefined) continue;
      if (at.slice(0, 10) > today)
        return { path: ['run', 'journal', index, field], rule: 'future', limit: today, found: at };
      if (!withinRun(run, at))
        return { path: ['run', 'journal', index, field], rule: 'outside-run', found: at };
    }
    // A matter's closing: of a matter followed, with its result, not before the entry.
    if (!closingFits(entry)) {
      const rule =
        entry.closedAt === undefined || entry.outcome === undefined
          ? 'closing-incomplete'
          : entry.followUp !== true
            ? 'closed-not-followed'
            : 'closed-before-entry';
      return { path: ['run', 'journal', index, 'closedAt'], rule, found: entry.closedAt };
    }
  }
  if (unprintable(run.officer).length > 0)
    return { path: ['run', 'officer'], rule: 'charset', limit: unprintable(run.officer) };
  // Text that goes into the journal must be printable with its font.
  for (const [index, entry] of run.journal.entries()) {
    for (const field of ['content', 'direction', 'informed', 'result', 'outcome'] as const) {
      const missing = unprintable(entry[field] ?? '');
      if (missing.length > 0)
        return { path: ['run', 'journal', index, field], rule: 'charset', limit: missing };
    }
    const missing = unprintable(
      `${entry.carriedFrom?.label ?? ''}${entry.carriedFrom?.pending ?? ''}`,
    );
    if (missing.length > 0)
      return { path: ['run', 'journal', index, 'carriedFrom'], rule: 'charset', limit: missing };
  }
  for (const [index, item] of run.items.entries()) {
    const missing = unprintable(item.note ?? '');
    if (missing.length > 0)
      return { path: ['run', 'items', index, 'note'], rule: 'charset', limit: missing };
  }
  return undefined;
}

/** The file's text: indented, one field a line, so that it reads and diffs well. */
export const serialiseRunFile = (file: RunFile): string => `${JSON.stringify(file, null, 2)}\n`;

/** "ca-truc-2026-11-27-ca-dem.json": a file name from the run's date and shift, ASCII only. */
export function runFileName(run: Run): string {
  const shift = run.shift
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `ca-truc-${run.date}${shift ? `-${shift}` : ''}.json`;
}

export type ParsedRunFile = { ok: true; file: RunFile } | { ok: false; issue: Issue };

/**
 * Reads a run file. Never throws: the first problem comes back as an issue with its
 * path — the JSON itself, the format, the version, then each field in turn.
 */
export function parseRunFile(text: string, now: Date): ParsedRunFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, issue: { path: [], rule: 'json', found: (error as Error).message } };
  }
  if (!isObject(data)) return { ok: false, issue: { path: [], rule: 'object', found: data } };
  if (data.format !== RUN_FILE_FORMAT)
    return {
      ok: false,
      issue: { path: ['format'], rule: 'format', limit: RUN_FILE_FORMAT, found: data.format },
    };
  if (
    typeof data.version === 'number' &&
    Number.isInteger(data.version) &&
    data.version > RUN_FILE_VERSION
  ) {
    return {
      ok: false,
      issue: { path: ['version'], rule: 'newer', limit: RUN_FILE_VERSION, found: data.version },
    };
  }
  if (data.version === 2 || data.version === 3) {
    // Versions 3 and 4 added what older files lack only (notArisenAt; the matters followed): their runs read as they are.
    data = { ...data, version: RUN_FILE_VERSION };
  } else if (data.version === 1) {
    data = fromVersion1(data);
    if (!isObject(data) || data.version === 1)
      return {
        ok: false,
        issue: {
          path: ['timeZone'],
          rule: 'time-zone',
          found: (data as Record<string, unknown>).timeZone,
        },
      };
  }
  const parsed = runFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issue: parsed.error.issues[0]! };
  const problem = runProblem(parsed.data.run, now);
  return problem ? { ok: false, issue: problem } : { ok: true, file: parsed.data };
}

/** "run.journal[2].at" */
export const pathText = (path: Issue['path']): string =>
  path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('') || 'the file';

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** The values an issue lists: allowed values, or characters the font lacks. */
const list = (limit: unknown): string[] => (Array.isArray(limit) ? (limit as string[]) : []);

/** What an issue says in English, for the command line: "run.journal[2].at: expected …, found …". */
export function describeIssue(issue: Issue): string {
  const { rule, limit, found } = issue;
  const f = found === undefined ? '' : `, found ${shown(found)}`;
  const text = (): string => {
    switch (rule) {
      case 'json':
        return `is not JSON (${String(found)})`;
      case 'object':
        return `expected an object${f}`;
      case 'array':
        return `expected a list${f}`;
      case 'string':
        return `expected text${f}`;
      case 'missing':
        return 'is missing';
      case 'unknown-key':
        return 'is not a field of this format';
      case 'format':
        return `expected ${shown(limit)}: this is not a shift run file of the handbook${f}`;
      case 'newer':
        return `is ${String(found)}: the file was written by a newer version of the handbook; this one reads version ${String(limit)}`;
      case 'literal':
        return `expected ${shown(limit)}${f}`;
      case 'one-of':
        return `expected one of ${list(limit)
          .map((value) => JSON.stringify(value))
          .join(', ')}${f}`;
      case 'nfc':
        return 'expected Unicode NFC (composed) text';
      case 'empty':
        return 'must not be empty';
      case 'min':
        return `expected at least ${String(limit)} characters${f}`;
      case 'max':
        return `expected at most ${String(limit)} characters, found ${typeof found === 'string' ? found.length : '?'}`;
      case 'max-items':
        return `expected at most ${String(limit)} entries, found ${String(found)}`;
      case 'duplicate':
        return `repeats the id ${shown(found)}`;
      case 'instant':
        return `expected a UTC time written like "2026-11-27T15:10:00.000Z"${f}`;
      case 'wall-time':
        return `expected a local time written YYYY-MM-DDTHH:MM (24-hour clock), e.g. "2026-11-27T22:15"${f}`;
      case 'date':
        return `expected a real date written YYYY-MM-DD${f}`;
      case 'time-zone':
        return `expected a time zone name such as "Asia/Ho_Chi_Minh"${f}`;
      case 'id':
        return `expected an id of 4–40 characters a-z, 0-9 and "-"${f}`;
      case 'item-id':
        return `expected a checklist item id such as "art_7__para_1__point_e"${f}`;
      case 'slug':
        return `expected a role id such as "lanh-dao-ca-truc"${f}`;
      case 'charset':
        return `the journal's font cannot show ${list(limit).map(describeCharacter).join(', ')}`;
      case 'clock':
        return `expected a time of day written HH:MM (24-hour clock), e.g. "07:30"${f}`;
      case 'same-as-start':
        return `expected an end of shift other than its start${f}`;
      case 'before-start':
        return `expected a time not before the run's start (startedAt)${f}`;
      case 'after-end':
        return `expected a time not after the run's end (endedAt)${f}`;
      case 'stamp':
        return `expected a change stamp before the year 2100 (milliseconds since 1970)${f}`;
      case 'future':
        return `lies after today (${String(limit)} in the run's time zone)${f}`;
      case 'outside-run':
        return `lies outside the run's shift by more than the shift's own length${f}`;
      case 'done-and-not-arisen':
        return 'marks the item as not arisen in the shift, yet it is done (doneAt): an item is one or the other';
      case 'closing-incomplete':
        return 'a matter closed needs both when (closedAt) and its result (outcome)';
      case 'closed-not-followed':
        return 'closes an entry that is not a matter followed (followUp)';
      case 'closed-before-entry':
        return `expected a closing not before the entry's own time (at)${f}`;
      case 'integer':
        return `expected a whole number${f}`;
      case 'range':
        return `expected a number from ${list(limit).join(' to ')}${f}`;
      default:
        return `is not valid (${rule})${f}`;
    }
  };
  return `${pathText(issue.path)}: ${text()}`;
}

const RUN_FIELDS: Record<string, string> = {
  id: 'mã ca',
  role: 'vai trò',
  date: 'ngày trực',
  shift: 'tên ca',
  shiftStart: 'giờ bắt đầu ca',
  shiftEnd: 'giờ kết thúc ca',
  timeZone: 'múi giờ',
  officer: 'người trực',
  startedAt: 'lúc bắt đầu ghi ca',
  endedAt: 'lúc kết thúc ghi ca',
  items: 'danh sách việc',
  journal: 'nhật ký',
};
const ENTRY_FIELDS: Record<string, string> = {
  id: 'mã mục',
  at: 'thời gian',
  kind: 'loại nội dung',
  content: 'nội dung',
  direction: 'nội dung đã chỉ đạo',
  informed: 'thông báo ý kiến của lãnh đạo',
  result: 'kết quả, ghi chú',
  followUp: 'việc còn theo dõi',
  closedAt: 'giờ kết thúc việc',
  outcome: 'kết quả khi kết thúc',
  carriedFrom: 'nhận bàn giao từ',
};
const ITEM_FIELDS: Record<string, string> = {
  id: 'mã việc',
  doneAt: 'giờ xong',
  notArisenAt: 'giờ ghi không phát sinh',
  approvedAt: 'giờ phê duyệt',
  note: 'ghi chú',
};
const FILE_FIELDS: Record<string, string> = {
  format: 'định dạng',
  version: 'phiên bản',
  exportedAt: 'thời điểm xuất',
  timeZone: 'múi giờ',
};

/** Where the issue is, in words: "mục nhật ký thứ 3, ô «thời gian»". */
function whereVi(path: Issue['path']): string {
  const [top, field, index, part] = path;
  const quoted = (name: string | undefined, fallback: unknown) => `«${name ?? String(fallback)}»`;
  if (top !== 'run')
    return path.length === 0 ? 'Tệp' : `Ô ${quoted(FILE_FIELDS[String(top)], top)} của tệp`;
  if (field === 'journal' && typeof index === 'number') {
    return `Mục nhật ký thứ ${index + 1}${part === undefined ? '' : `, ô ${quoted(ENTRY_FIELDS[String(part)], part)}`}`;
  }
  if (field === 'items' && typeof index === 'number') {
    return `Việc thứ ${index + 1} đã ghi${part === undefined ? '' : `, ô ${quoted(ITEM_FIELDS[String(part)], part)}`}`;
  }
  return field === undefined
    ? 'Phần «ca» của tệp'
    : `Ô ${quoted(RUN_FIELDS[String(field)], field)} của ca`;
}

/** What an issue says in Vietnamese, for the page. */
export function describeIssueVi(issue: Issue): string {
  const { rule, limit, found } = issue;
  const text = (): string => {
    switch (rule) {
      case 'json':
        return 'không phải tệp JSON đọc được (có thể đã bị cắt hoặc sửa hỏng)';
      case 'object':
        return 'không đúng cấu trúc của tệp ca trực';
      case 'format':
        return 'không phải tệp ca trực của sổ tay';
      case 'newer':
        return `được tạo bởi phiên bản sổ tay mới hơn (định dạng ${String(found)}); trang này chỉ đọc được định dạng ${String(limit)}`;
      case 'literal':
        return `phải là ${shown(limit)}`;
      case 'missing':
        return 'bị thiếu';
      case 'unknown-key':
        return 'không thuộc định dạng này';
      case 'nfc':
        return 'chứa chữ ở dạng tổ hợp (không phải NFC)';
      case 'empty':
        return 'bị để trống';
      case 'max':
        return `dài quá ${String(limit)} ký tự`;
      case 'max-items':
        return `có quá ${String(limit)} mục`;
      case 'duplicate':
        return 'bị trùng mã';
      case 'wall-time':
        return 'phải là ngày giờ có thật, dạng 2026-11-27T22:15';
      case 'charset':
        return `có ký tự phông chữ của nhật ký không có: ${list(limit)
          .map((char) => `«${char}»`)
          .join(', ')}`;
      case 'clock':
        return 'phải là giờ:phút, ví dụ 07:30';
      case 'same-as-start':
        return 'trùng giờ bắt đầu ca';
      case 'before-start':
        return 'sớm hơn lúc bắt đầu ca';
      case 'after-end':
        return 'muộn hơn lúc kết thúc ca';
      case 'stamp':
        return 'có dấu thời gian thay đổi quá xa (sau năm 2100)';
      case 'future':
        return 'ở sau ngày hôm nay';
      case 'outside-run':
        return 'ở quá xa ca trực (ngoài ca quá độ dài của ca)';
      case 'done-and-not-arisen':
        return 'ghi việc không phát sinh trong ca, mà việc lại đã xong: mỗi việc chỉ là một trong hai';
      case 'closing-incomplete':
        return 'ghi việc đã kết thúc mà thiếu giờ kết thúc hoặc kết quả';
      case 'closed-not-followed':
        return 'ghi kết thúc cho một mục không phải việc đang theo dõi';
      case 'closed-before-entry':
        return 'sớm hơn giờ ghi của chính mục đó';
      case 'time-zone':
        return 'không phải múi giờ mà trình duyệt biết';
      default:
        return 'không hợp lệ';
    }
  };
  return `${whereVi(issue.path)} ${text()}.`;
}
/** The largest run the page accepts from a file, in characters (a full run is about 100 KB). */
export const MAX_FILE_CHARS = 2_000_000;

/** JSON with keys in order: two runs are the same whatever order a file lists their fields in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    isObject(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

/** Where an imported run went: opened as the current run, into the history, or nowhere because it is already here. */
export type ImportOutcome = 'current' | 'history' | 'same';

export interface ImportResult {
  store: Store;
  outcome: ImportOutcome;
  run: Run;
  /** The oldest run of a full history, which the import pushes out: the page asks first. */
  dropped?: Run | undefined;
}

/**
 * Puts a run read from a file into a role's runs, losing nothing: an open run becomes the
 * open run (only if none is open here), an ended one joins the history in order of its
 * end; a run already here unchanged is left alone, and one here with other content is
 * imported under a new id, so that both are kept. Refusals are ChecklistErrors.
 */
export function importRun(store: Store, run: Run, newId: string): ImportResult {
  if (run.role !== store.role)
    throw new ChecklistError('Tệp là ca của một vai trò khác; hãy nhập trên trang của vai trò đó.');
  const here =
    store.current?.id === run.id ? store.current : store.history.find((kept) => kept.id === run.id);
  if (here && canonical(here) === canonical(run)) return { store, outcome: 'same', run: here };
  const imported = here ? { ...run, id: newId } : run;
  // Whatever comes in keeps what every stored state keeps (caps, stamps, ticks in their run).
  const open = imported.endedAt === null;
  if (!fits({ ...store, current: open ? imported : null, history: open ? [] : [imported] }))
    throw new ChecklistError('Ca trong tệp vượt quá giới hạn trang giữ được, nên không nhập.');
  if (imported.endedAt === null) {
    if (store.current) {
      throw new ChecklistError(
        `Tệp là một ca chưa kết thúc (${runLabel(run)}), mà trên máy này đang mở ca ${runLabel(store.current)}. Hãy kết thúc ca đang mở rồi nhập lại.`,
      );
    }
    return { store: { ...store, current: imported }, outcome: 'current', run: imported };
  }
  const history = [...store.history, imported].sort((a, b) =>
    a.endedAt! < b.endedAt! ? 1 : a.endedAt! > b.endedAt! ? -1 : 0,
  );
  if (history.indexOf(imported) >= LIMITS.history) {
    throw new ChecklistError(
      `Ca trong tệp cũ hơn cả ${LIMITS.history} ca đang giữ trên máy này (trang chỉ giữ ${LIMITS.history} ca gần nhất), nên không nhập.`,
    );
  }
  return {
    store: { ...store, history: history.slice(0, LIMITS.history) },
    outcome: 'history',
    run: imported,
    dropped: history[LIMITS.history],
  };
}
