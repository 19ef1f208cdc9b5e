/**
 * Matters followed («việc đang theo dõi»): a journal entry kept open (followUp) until it is
 * closed with its result and time, handed over at the end of a shift and received by the next
 * run («Nhận bàn giao»), from this device's previous run or from a run file the outgoing
 * officer exported. The handbook's reading viec-dang-theo-doi (content/readings.yaml) says
 * what the law gives for it (points 2 d and 3.1 c) and what it leaves open. Pure functions
 * over the store, like entries.ts; bad input throws an EntryError naming the field.
 */
import type { JournalEntry, Run, Store } from './schema.ts';
import { ChecklistError, checkClock, nextStamp, runLabel } from './state.ts';
import {
  byTime,
  checkText,
  entryFrom,
  EntryError,
  FIELD_LABELS,
  find,
  outsideRun,
  updateJournal,
} from './entries.ts';
import { entryTime, runNow, sameClock, zoneLabel } from './time.ts';
import { withinRun } from './shift-window.ts';
import { canonical } from '../vi.ts';
import { LIMITS } from './format.ts';

export type Origin = NonNullable<JournalEntry['carriedFrom']>;

/** Whether an entry is a matter still followed: kept open and not closed yet. */
export const isOpenMatter = (entry: JournalEntry): boolean =>
  entry.followUp === true && entry.closedAt === undefined;

/** The open matters of a run, in the order of their times. */
export const openMatters = (run: Run | null | undefined): JournalEntry[] =>
  byTime(run?.journal ?? []).filter(isOpenMatter);

/** Where a matter was first written: its run and entry, its wall time, that run's zone and name. */
export const originOf = (entry: JournalEntry, run: Run): Origin =>
  entry.carriedFrom ?? {
    runId: run.id,
    entryId: entry.id,
    at: entry.at,
    timeZone: run.timeZone,
    label: runLabel(run),
  };

const sameOrigin = (a: Origin, b: Origin): boolean =>
  a.runId === b.runId && a.entryId === b.entryId;

/**
 * Since when a matter of `run` is followed, as `shownIn` (by default that run) shows it:
 * "23:10 06/12/2026" (the date when not that run's), in the zone it was written in, that zone's
 * offset added when its clock is not the zone of `shownIn`.
 */
export function sinceText(entry: JournalEntry, run: Run, shownIn: Run = run): string {
  const origin = originOf(entry, run);
  const time = entryTime(origin.at, shownIn.date);
  const instant = new Date(`${origin.at}:00Z`);
  return sameClock(origin.timeZone, shownIn.timeZone, instant)
    ? time
    : `${time} (${zoneLabel(origin.timeZone, instant)})`;
}

/** What a form gives to close a matter: the date and time it closed, and its result. */
export interface CloseInput {
  date: string;
  time: string;
  outcome: string;
}

/** Closes an open matter of the open run with its result, at a time of the run's shift. */
export function closeMatter(store: Store, entryId: string, input: CloseInput, now: Date): Store {
  if (store.current) checkClock(store.current, now, 'ghi kết thúc');
  return updateJournal(store, (journal, run) => {
    const index = find(journal, entryId);
    const entry = journal[index]!;
    if (!entry.followUp) throw new ChecklistError('Mục này không phải việc đang theo dõi.');
    if (entry.closedAt !== undefined)
      throw new ChecklistError(
        `Việc này đã kết thúc lúc ${entryTime(entry.closedAt, run.date)} (có thể ở thẻ khác).`,
      );
    const at = `${input.date.trim()}T${input.time.trim().slice(0, 5)}`;
    // The date and time are checked as an entry's are.
    entryFrom({ date: input.date, time: input.time, kind: entry.kind, content: '-' }, entry.id);
    if (!withinRun(run, at)) throw new EntryError('time', outsideRun(run));
    if (at < entry.at)
      throw new EntryError(
        'time',
        `việc này ghi lúc ${entryTime(entry.at, run.date)}; giờ kết thúc không được sớm hơn.`,
      );
    const outcome = canonical(input.outcome);
    if (outcome === '') throw new EntryError('outcome', 'cần ghi kết quả của việc.');
    checkText('outcome', outcome);
    journal[index] = { ...entry, closedAt: at, outcome, stamp: nextStamp(store, now) };
    return journal;
  });
}

/** Takes a matter's closing back: it is followed again (one tap). */
export function reopenMatter(store: Store, entryId: string, now: Date): Store {
  if (store.current) checkClock(store.current, now, 'bỏ ghi kết thúc');
  return updateJournal(store, (journal) => {
    const index = find(journal, entryId);
    const { closedAt: _closedAt, outcome: _outcome, ...entry } = journal[index]!;
    journal[index] = { ...entry, stamp: nextStamp(store, now) };
    return journal;
  });
}

/**
 * What a matter's shift had written of it besides its content: what was directed, who was told,
 * the result so far, and what its own earlier shift had handed over. Undefined when nothing.
 */
export function pendingOf(entry: JournalEntry): string | undefined {
  const parts = [
    entry.carriedFrom?.pending,
    entry.direction && `${FIELD_LABELS.direction}: ${entry.direction}`,
    entry.informed && `${FIELD_LABELS.informed}: ${entry.informed}`,
    entry.result && `${FIELD_LABELS.result}: ${entry.result}`,
  ].filter(Boolean);
  if (parts.length === 0) return undefined;
  const text = parts.join('. ');
  // A matter handed on many times: its oldest words go first, and the text says so.
  const cut = '(lược phần đầu) …';
  return text.length <= LIMITS.pending
    ? text
    : `${cut}${text.slice(text.length - LIMITS.pending + cut.length)}`;
}

/** Whether the open run has received a matter already (or received it and removed it since). */
function received(run: Run, matter: JournalEntry, from: Run): boolean {
  const origin = originOf(matter, from);
  return (
    run.journal.some(
      (entry) => entry.id === origin.entryId || sameOrigin(originOf(entry, run), origin),
    ) || run.removed.some((record) => record.id === origin.entryId)
  );
}

/** The matters of `from` still open that the open run has not received: what «Nhận bàn giao» offers. */
export function mattersToReceive(store: Store, from: Run | undefined): JournalEntry[] {
  const run = store.current;
  if (!run || !from || from.id === run.id) return [];
  return openMatters(from).filter((matter) => !received(run, matter, from));
}

/** The run this device's open run takes its handover from: the one that ended last. */
export function previousRun(store: Store): Run | undefined {
  const last = store.history[0];
  // Never an older run: one that ended last but began after the open run (a clock set back,
  // a run imported from a device ahead) offers nothing, rather than matters received since.
  return store.current && last && last.startedAt <= store.current.startedAt ? last : undefined;
}

/**
 * Receives matters of `from` into the open run's journal, written at `now`, followed on. Each
 * keeps where it was first written (carriedFrom) and takes that entry's id, so that two tabs
 * receiving it at once, or a file received twice, give it once. Those received already are
 * left; the journal's cap is kept.
 */
export function receiveMatters(
  store: Store,
  from: Run,
  entryIds: readonly string[],
  now: Date,
): Store {
  const run = store.current;
  if (!run) throw new ChecklistError('Chưa có ca nào đang mở: bấm «Bắt đầu ca mới» trước.');
  checkClock(run, now, 'nhận bàn giao');
  if (from.role !== run.role)
    throw new ChecklistError('Ca bàn giao là ca của một vai trò khác; không nhận được ở đây.');
  const matters = mattersToReceive(store, from).filter((matter) => entryIds.includes(matter.id));
  if (matters.length === 0) return store;
  if (run.journal.length + matters.length > LIMITS.entries)
    throw new ChecklistError(
      `Nhật ký của ca này còn chỗ cho ${LIMITS.entries - run.journal.length} mục, không đủ cho ${matters.length} việc nhận bàn giao; hãy bỏ chọn bớt.`,
    );
  const [date = '', time = ''] = runNow(run, now).split('T');
  const stamp = nextStamp(store, now);
  return updateJournal(store, (journal) => [
    ...journal,
    ...matters.map((matter) => {
      // What the outgoing shift had written (directed, told, the result so far) stays its own:
      // the new entry's parts are this shift's, so its journal never dates the night's direction now.
      const pending = pendingOf(matter);
      const carriedFrom = { ...originOf(matter, from), ...(pending && { pending }) };
      return {
        ...entryFrom(
          { date, time, kind: matter.kind, content: matter.content, followUp: true },
          carriedFrom.entryId,
          run,
        ),
        carriedFrom,
        stamp,
      };
    }),
  ]);
}
