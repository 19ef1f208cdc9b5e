/**
 * A shift run as a filled journal (Phụ lục I): the header from the run (date, the shift's
 * start and end as scheduled, the officer's name in the field of the run's role) and one table row per
 * line — the entries of the run's journal log and, if asked, its ticked checklist items as
 * "công việc" entries. Which column takes which part of an entry, and which header field
 * takes whose name, is read from the form (`fills`, `holder`), not written here. Pure: the
 * page and `npm run journal -- --entries` both call it, so the same run gives the same rows.
 */
import type { JournalForm } from '../content/forms-schema.ts';
import { byTime, KINDS } from '../checklist/entries.ts';
import { entryTime, runTime, wallTimeIn } from '../checklist/time.ts';
import type { EntryKind, JournalEntry, Run } from '../checklist/schema.ts';
import { JournalOptionError, type JournalOptions } from './options.ts';
import { NOT_ARISEN } from '../checklist/review-wording.ts';
import {
  closingRowContent,
  matterRowResult,
  receivedRowPrefix,
} from '../checklist/matter-wording.ts';

/** A row of the journal before layout: an entry of the log, or a ticked item. */
export interface JournalLine {
  /** Wall clock, "2026-11-27T22:15". */
  at: string;
  /** Its kind, named before its content; none on the row that closes a matter followed. */
  kind?: EntryKind | undefined;
  content: string;
  direction?: string | undefined;
  informed?: string | undefined;
  result?: string | undefined;
  /**
   * Where it comes from: the index of the entry in the run's journal (closing: the row of a
   * matter's closing, at its time, with its result), or the item id.
   */
  from: { entry: number; closing?: true } | { item: string };
}

/** A checklist item as the journal names it. */
export interface ChecklistItemText {
  id: string;
  /** The item's short wording, e.g. "Chỉ đạo thu thập, đánh giá tình hình". */
  action: string;
  /** For items that need approval: how the approval mark reads, e.g. "Đã được Lãnh đạo ca trực phê duyệt". */
  approval?: string | undefined;
}

export interface RunJournalOptions {
  /**
   * When given, the run's ticked items among these become "công việc" lines, and so do those
   * marked «không phát sinh trong ca», their result saying so.
   */
  ticked?: readonly ChecklistItemText[] | undefined;
}

export { wallTimeIn };

/**
 * The run's lines in time order: its journal entries, and its ticked items if asked. A matter
 * followed says so in its result cell, one received at handover says where from, and a matter
 * closed has a second row at its closing, with its result.
 */
export function journalLines(run: Run, options: RunJournalOptions): JournalLine[] {
  const lines: JournalLine[] = run.journal.flatMap((entry: JournalEntry, index) => {
    const line: JournalLine = {
      at: entry.at,
      kind: entry.kind,
      content: `${receivedRowPrefix(entry, run)}${entry.content}`,
      direction: entry.direction,
      informed: entry.informed,
      result: entry.followUp ? matterRowResult(entry, run) : entry.result,
      from: { entry: index },
    };
    if (entry.closedAt === undefined) return [line];
    // No kind: a closing is not a new «tình huống phát sinh», it ends the entry it names.
    const closing: JournalLine = {
      at: entry.closedAt,
      content: closingRowContent(entry, run),
      result: entry.outcome,
      from: { entry: index, closing: true },
    };
    return [line, closing];
  });
  for (const item of options.ticked ?? []) {
    const state = run.items.find((recorded) => recorded.id === item.id);
    // An item marked «không phát sinh trong ca» says so in its row, at the time it was marked.
    if (state?.notArisenAt) {
      lines.push({
        at: wallTimeIn(state.notArisenAt, run.timeZone),
        kind: 'cong-viec',
        content: item.action,
        result: [NOT_ARISEN, state.note ?? ''].filter(Boolean).join('; '),
        from: { item: item.id },
      });
      continue;
    }
    if (!state?.doneAt) continue;
    const approved =
      item.approval && state.approvedAt
        ? `${item.approval} lúc ${runTime(run, state.approvedAt)}`
        : '';
    const result = [state.note ?? '', approved].filter(Boolean).join('; ');
    lines.push({
      at: wallTimeIn(state.doneAt, run.timeZone),
      kind: 'cong-viec',
      content: item.action,
      result: result || undefined,
      from: { item: item.id },
    });
  }
  // Stable: at the same minute, log entries first (in their stored order), then items in checklist order.
  return byTime(lines);
}

/** Table rows for the lines, cell by column id, as the form's `fills` says. */
export function journalRows(
  form: JournalForm,
  run: Run,
  lines: readonly JournalLine[],
): Record<string, string>[] {
  const columnOf = new Map(
    form.table.columns.flatMap((column) =>
      column.fills ? [[column.fills, column.id] as const] : [],
    ),
  );
  return lines.map((line) => {
    const parts = {
      time: entryTime(line.at, run.date),
      content: line.kind ? `${KINDS[line.kind].label}: ${line.content}` : line.content,
      direction: line.direction ?? '',
      informed: line.informed ?? '',
      result: line.result ?? '',
    };
    const row: Record<string, string> = {};
    for (const [part, text] of Object.entries(parts)) {
      if (text === '') continue;
      const column = columnOf.get(part as keyof typeof parts);
      // A part with nowhere to go would be lost: the form must give it a column.
      if (!column)
        throw new JournalOptionError(
          'rows',
          `content/forms/phu-luc-1.yaml: no column "fills: ${part}", so the journal cannot hold it`,
        );
      row[column] = text;
    }
    return row;
  });
}

/**
 * Header fields from the run, by field id: the shift's start and end as scheduled (not when
 * the page was opened or closed), and the officer's name in the field of the run's role.
 */
export function journalHeader(form: JournalForm, run: Run): Record<string, string> {
  const fields = [
    ...form.header.agency.flatMap((line) => ('field' in line ? [line.field] : [])),
    ...form.fields.flat(),
  ];
  const header: Record<string, string> = {};
  for (const field of fields) {
    if (field.prefill === 'shiftStart' && run.shiftStart) header[field.id] = run.shiftStart;
    if (field.prefill === 'shiftEnd' && run.shiftEnd) header[field.id] = run.shiftEnd;
    if (field.holder === run.role && run.officer !== '') header[field.id] = run.officer;
  }
  return header;
}

/** Everything a run puts into its journal: options for buildJournal (date, header, rows) and the lines behind the rows. */
export function journalOfRun(
  form: JournalForm,
  run: Run,
  options: RunJournalOptions,
): { options: JournalOptions; lines: JournalLine[] } {
  const lines = journalLines(run, options);
  return {
    options: {
      date: run.date,
      header: journalHeader(form, run),
      rows: journalRows(form, run, lines),
    },
    lines,
  };
}
