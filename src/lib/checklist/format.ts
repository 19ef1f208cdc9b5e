/**
 * The stored form of a role's shift runs, as kept in the browser (localStorage, one key
 * per role), and its rules, which ship to every role page. Validated by store-schema.ts with
 * validator.ts (a few hundred bytes).
 *
 * Format, version 5 (JSON):
 *
 *   { "format": "so-tay-truc-ban/checklist", "version": 5, "role": "<role id>",
 *     "current": Run | null,            // the open run, if any
 *     "history": Run[] }                // ended runs, newest first, at most 30
 *
 *   Run = { "id", "role", "date": "yyyy-mm-dd",
 *           "shift": name of the shift as the unit calls it ("" when not given),
 *           "shiftStart", "shiftEnd": "HH:MM" | null,   // the shift as scheduled; an end
 *                                      // not after the start is on the next day; null
 *                                      // only in runs kept before version 3
 *           "timeZone": IANA zone the run was kept in: its instants show in this zone
 *           "officer" ("" when not given),
 *           "startedAt": instant, "endedAt": instant | null,
 *           "items": [{ "id": item id, "doneAt"?: instant, "notArisenAt"?: instant,
 *                       "approvedAt"?: instant, "note"?: text,
 *                       "stamps"?: { "done"?, "approved"?, "note"? } }],
 *                                      // an item is done, or did not arise in the shift
 *                                      // (notArisenAt: marked «không phát sinh trong ca»,
 *                                      // src/lib/content/arising.ts), or neither: one outcome,
 *                                      // stamped by "done", so two tabs never give it both
 *           "journal": [Entry], "removed": [{ "id", "stamp" }],
 *           "stamp": n }                // when the run's own fields last changed
 *
 *   Entry = { "id", "at": wall time "yyyy-mm-ddTHH:MM" in the run's zone,
 *             "kind": "cong-viec" | "tinh-huong" | "thong-tin",
 *             "content": text, "direction"?: text, "informed"?: text, "result"?: text,
 *             "followUp"?: true,              // a matter still followed («việc đang theo dõi»)
 *             "closedAt"?: wall time, "outcome"?: text,   // when it was closed, and its result
 *             "carriedFrom"?: { "runId", "entryId", "at": wall time, "timeZone", "label" },
 *                                      // received at handover («Nhận bàn giao»): where the matter
 *                                      // was first written (that run's id, label and zone, the
 *                                      // entry's id and wall time, and "pending"?: what it had
 *                                      // written of it); the entry's own "at" is when this run
 *                                      // received it, its own parts are this shift's
 *             "stamp"?: n }
 *
 * Instants are UTC ISO strings ("2026-11-27T15:10:00.000Z"). Stamps (merge.ts) order the
 * changes that two tabs make to the same field: milliseconds of a clock that never runs
 * backwards on one device. Item ids are the duty ids of the content (point eId + "--suffix"),
 * so rewording an item keeps its ticks. Version 4 added notArisenAt, version 5 the matters
 * followed (followUp, closedAt, outcome, carriedFrom): an older store is read as it is, and an
 * older page refuses a newer store as newer instead of setting it aside as damaged. A later version bumps VERSION and adds a migration
 * in load.ts; objects are strict, so a field this version does not know makes the state
 * invalid and it is set aside, never dropped.
 */

export const FORMAT = 'so-tay-truc-ban/checklist';
export const VERSION = 5;

export const LIMITS = {
  /** Characters in a note ("đã báo cáo lãnh đạo phòng lúc 22:10" is 35). */
  note: 300,
  shift: 60,
  /**
   * Characters in the officer's name: at this length any name in the journal's character
   * set still fits its header box at the smallest type (checked in the tests).
   */
  officer: 40,
  /** Ended runs kept per role. */
  history: 30,
  /** Journal entries in one run: ten pages of the journal. */
  entries: 100,
  /**
   * Characters per field of a journal entry: enough for a real incident («Xe 51C-123.45 …
   * niêm phong bị cắt …», with what was done and who was told); the journal goes on in the
   * rows below a text longer than one row.
   */
  content: 1000,
  direction: 500,
  informed: 500,
  result: 500,
  /** The result a matter followed is closed with. */
  outcome: 500,
  /** Characters in the name of the run a matter was received from ("06/12/2026 · Ca đêm 19:30–07:30 (hôm sau) · …"). */
  label: 200,
  /** What the outgoing shift had written of a matter received: what was directed, who was told, the result so far. */
  pending: 1600,
} as const;

/** A calendar date, yyyy-mm-dd, that exists (no 31/02). */
export const isCalendarDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** A wall-clock time to the minute, "2026-11-27T22:15", on a real date. */
export const isWallTime = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d$/.test(value) && isCalendarDate(value.slice(0, 10));

/** A time of day to the minute, "07:30". */
export const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** A UTC instant as JavaScript writes it: "2026-11-27T15:10:00.000Z". */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
/** A checklist item id: a point eId, with "--suffix" where one point yields several items. */
export const ITEM_ID = /^art_[0-9a-z]+(?:__[a-z]+_[0-9a-zđ]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
/** Ids of runs and journal entries, made by the page. */
export const RUN_ID = /^[a-z0-9-]{4,40}$/;

/** What a journal entry records, in the words of point 2 d (labels in entries.ts). */
export const ENTRY_KINDS = ['cong-viec', 'tinh-huong', 'thong-tin'] as const;

/** IANA zone names ("Asia/Ho_Chi_Minh", "UTC"); whether this JavaScript knows it is checked where it is used. */
export const TIME_ZONE = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;
