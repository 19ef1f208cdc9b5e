/**
 * Builders for the shift runs the journal tests share (the run file, the journal CLI, the
 * filled journal, the log's wording): a night shift's start form, a journal entry as the
 * form gives it, and entries added to a store in one go.
 */
import { addEntry, EntryError, type EntryInput } from '../../src/lib/checklist/entries.ts';
import type { Store } from '../../src/lib/checklist/schema.ts';

export const ZONE = 'Asia/Ho_Chi_Minh';

/** The start form of a night shift, 22:00 to 06:00 on 27/11/2026 in Hà Nội; `extra` changes any field. */
export const nightShift = (extra: Partial<Record<'shift' | 'officer', string>> = {}) => ({
  date: '2026-11-27',
  shiftStart: '22:00',
  shiftEnd: '06:00',
  shift: 'Ca đêm',
  officer: 'Nguyễn Văn An',
  timeZone: ZONE,
  ...extra,
});

/** An entry as the log's form gives it: on 27/11/2026, a «Tình huống phát sinh» unless `extra` says otherwise. */
export const entry = (
  time: string,
  content: string,
  extra: Partial<EntryInput> = {},
): EntryInput => ({
  date: '2026-11-27',
  time,
  kind: 'tinh-huong',
  content,
  ...extra,
});

/** The camera entry of the sample runs, with a direction, who was told and a result. */
export const cameraEntry = (result = 'Đã khắc phục'): EntryInput =>
  entry('22:15', 'Camera cổng số 3 mất tín hiệu', {
    direction: 'Kiểm tra đường truyền',
    informed: 'Đội Kỹ thuật',
    result,
  });

/** Adds entries to the open run, each under its id, all written at `now`. */
export const addEntries = (store: Store, entries: [string, EntryInput][], now: Date): Store =>
  entries.reduce((next, [id, input]) => addEntry(next, input, id, now), store);

/** The field and message of the EntryError `make` throws (the test fails if it throws none, or another). */
export function entryErrorOf(make: () => unknown): { field: string; message: string } {
  try {
    make();
  } catch (error) {
    if (error instanceof EntryError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('no EntryError');
}
