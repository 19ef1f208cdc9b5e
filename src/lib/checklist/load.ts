/**
 * Reading stored runs back: parse, migrate older versions, validate, and when something
 * is wrong keep what can be kept. Never throws; whatever cannot be used as it is comes back
 * as `setAside` (the raw text, for the page to keep under another key) with a notice.
 */
import { isObject } from './validator.ts';
import type { Loaded as KeptLoaded, Problem } from '../store/kept.ts';
import { FORMAT, LIMITS, VERSION, type Run, type Store } from './schema.ts';
import { runSchema, storeSchema } from './store-schema.ts';
import { emptyStore } from './state.ts';
import { fits } from './invariants.ts';
import { deviceTimeZone } from './time.ts';

/** Turns a stored object of version n into version n + 1 (plain JSON in and out). */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** Version 1 → 2: every run gets a journal, empty. Anything else is left for the checks to catch. */
const addJournal = (run: unknown): unknown =>
  isObject(run) && !('journal' in run) ? { ...run, journal: [] } : run;

/**
 * Version 2 → 3: runs get the zone they were kept in (this device's: version 2 showed every
 * time in the zone of the device at hand), no shift times (they were not asked; the journal
 * leaves them blank to fill by hand), no removed entries, and stamp 0.
 */
const addShift = (run: unknown): unknown =>
  isObject(run)
    ? {
        ...run,
        shiftStart: null,
        shiftEnd: null,
        timeZone: deviceTimeZone(),
        removed: [],
        stamp: 0,
      }
    : run;

/** Applies `change` to every run of a stored object. */
const eachRun = (
  old: Record<string, unknown>,
  version: number,
  change: (run: unknown) => unknown,
) => ({
  ...old,
  version,
  current: old.current === null ? null : change(old.current),
  history: Array.isArray(old.history) ? old.history.map(change) : old.history,
});

/** migrations[n] upgrades version n to n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (old) => eachRun(old, 2, addJournal),
  2: (old) => eachRun(old, 3, addShift),
  // Version 4 lets an item record that it did not arise (notArisenAt): version 3 runs lack nothing.
  3: (old) => ({ ...old, version: 4 }),
  // Version 5 lets an entry be a matter followed (followUp, closedAt, outcome, carriedFrom): version 4 runs lack nothing.
  4: (old) => ({ ...old, version: 5 }),
};

export type NoticeKind = 'corrupt' | 'partial' | 'newer' | 'older' | 'migrated';

export interface Notice {
  kind: NoticeKind;
  /** Vietnamese, for the page. */
  message: string;
}

export interface Loaded {
  store: Store;
  notice: Notice | null;
  /** The stored text to keep under another key (null when it was used as it is). */
  setAside: string | null;
}

/** Keeps the runs that are valid on their own when the whole store is not. */
function salvage(
  data: Record<string, unknown>,
  role: string,
): { store: Store; kept: number; lost: number } {
  const store = emptyStore(role);
  let kept = 0;
  let lost = 0;
  const runOf = (value: unknown, open: boolean): Run | undefined => {
    const parsed = runSchema.safeParse(value);
    return parsed.success &&
      parsed.data.role === role &&
      (parsed.data.endedAt === null) === open &&
      fits({ ...store, current: open ? parsed.data : null, history: open ? [] : [parsed.data] })
      ? parsed.data
      : undefined;
  };
  if (data.current !== null && data.current !== undefined) {
    store.current = runOf(data.current, true) ?? null;
    if (store.current) kept += 1;
    else lost += 1;
  }
  if (Array.isArray(data.history)) {
    const valid = data.history
      .map((value) => runOf(value, false))
      .filter((run): run is Run => run !== undefined);
    // Counted as kept once in the store: runs past the history's cap are in the copy set aside.
    store.history = valid.slice(0, LIMITS.history);
    kept += store.history.length;
    lost += data.history.length - store.history.length;
  }
  return { store, kept, lost };
}

/** What the page says, by what happened to the stored runs. */
const MESSAGES = {
  unreadable: `Dữ liệu ca trực lưu trong trình duyệt bị hỏng (không đọc được), nên trang bắt đầu lại từ đầu.`,
  foreign: `Dữ liệu ca trực lưu trong trình duyệt không đúng định dạng của trang này, nên trang bắt đầu lại từ đầu.`,
  newer: (version: number) =>
    `Dữ liệu ca trực được lưu bởi một phiên bản mới hơn của sổ tay (định dạng ${version}); trang này chỉ đọc được định dạng ${VERSION}. Hãy mở bản sổ tay mới nhất để dùng tiếp.`,
  older: (version: number) =>
    `Dữ liệu ca trực ở định dạng cũ (${version}) mà trang này không chuyển đổi được.`,
  migrationFailed: `Không chuyển được dữ liệu ca trực sang định dạng mới, nên trang bắt đầu lại từ đầu.`,
  migrated: `Dữ liệu ca trực đã được chuyển sang định dạng mới của sổ tay; không mất ca nào.`,
  nothingKept: `Dữ liệu ca trực lưu trong trình duyệt bị hỏng, không giữ được ca nào, nên trang bắt đầu lại từ đầu.`,
  partial: (kept: number, lost: number) =>
    `Dữ liệu ca trực lưu trong trình duyệt bị hỏng một phần: giữ lại ${kept} ca, ${lost} ca không đọc được.`,
};

/** Stored runs that cannot be used at all: the page starts afresh and keeps the text aside. */
class Refused {
  constructor(readonly notice: Notice) {}
}

/**
 * Reads the stored text of a role's runs (null when there is none). Corrupted, foreign or
 * older state is migrated where possible, otherwise replaced by what could be salvaged,
 * and always handed back in `setAside` with a notice saying what happened.
 */
export function loadStore(
  raw: string | null,
  role: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): Loaded {
  if (raw === null) return { store: emptyStore(role), notice: null, setAside: null };
  try {
    const stored = parseStored(raw, role);
    return validate(migrate(stored, migrations), stored.version < VERSION, role, raw);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return { store: emptyStore(role), notice: error.notice, setAside: raw };
  }
}

/** The stored object, when it is this page's format at a version this page can read or upgrade. */
function parseStored(raw: string, role: string): Record<string, unknown> & { version: number } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new Refused({ kind: 'corrupt', message: MESSAGES.unreadable });
  }
  if (
    !isObject(data) ||
    data.format !== FORMAT ||
    !Number.isInteger(data.version) ||
    data.role !== role
  ) {
    throw new Refused({ kind: 'corrupt', message: MESSAGES.foreign });
  }
  const version = data.version as number;
  if (version > VERSION) throw new Refused({ kind: 'newer', message: MESSAGES.newer(version) });
  return { ...data, version };
}

const PROBLEMS: Record<NoticeKind, Problem> = {
  corrupt: 'damaged',
  partial: 'partial',
  newer: 'newer',
  older: 'older',
  migrated: 'migrated',
};

/** loadStore in the terms of the one store (src/lib/store/kept.ts). */
export function loadKept(raw: string, role: string): KeptLoaded<Store> {
  const loaded = loadStore(raw, role);
  return {
    state: loaded.store,
    problem: loaded.notice ? PROBLEMS[loaded.notice.kind] : null,
    message: loaded.notice?.message ?? '',
  };
}

/** Upgrades an older stored object one version at a time. */
function migrate(
  stored: Record<string, unknown> & { version: number },
  migrations: Readonly<Record<number, Migration>>,
): Record<string, unknown> {
  let data: Record<string, unknown> = stored;
  for (let version = stored.version; version < VERSION; version += 1) {
    const step = migrations[version];
    if (!step) throw new Refused({ kind: 'older', message: MESSAGES.older(stored.version) });
    let next: unknown;
    try {
      next = step(data);
    } catch {
      next = undefined;
    }
    if (!isObject(next)) throw new Refused({ kind: 'corrupt', message: MESSAGES.migrationFailed });
    data = next;
  }
  return data;
}

/** The store when it is valid as a whole; otherwise the runs that are valid on their own. */
function validate(
  data: Record<string, unknown>,
  migrated: boolean,
  role: string,
  raw: string,
): Loaded {
  const parsed = storeSchema.safeParse(data);
  if (parsed.success && fits(parsed.data)) {
    return migrated
      ? {
          store: parsed.data,
          notice: { kind: 'migrated', message: MESSAGES.migrated },
          setAside: raw,
        }
      : { store: parsed.data, notice: null, setAside: null };
  }
  const { store, kept, lost } = salvage(data, role);
  if (kept === 0) throw new Refused({ kind: 'corrupt', message: MESSAGES.nothingKept });
  return {
    store,
    notice: { kind: 'partial', message: MESSAGES.partial(kept, lost) },
    setAside: raw,
  };
}
