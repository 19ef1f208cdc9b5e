/**
 * Reading a saved after-action report back (format in aar.ts), with the browser state's one
 * validator (src/lib/checklist/validator.ts). A bad file gets one Vietnamese message that
 * names the field; the caller changes nothing. Kept apart from aar.ts so that the page
 * fetches it only when it needs it. A draft kept in the browser is read with the same
 * schema at `DRAFT_TEXT_MAX` characters a field: text is kept as typed, and the limits of a
 * file are said at the field (and on saving), never by cutting it.
 */
import {
  array,
  literal,
  matches,
  nullable,
  object,
  oneOf,
  record,
  satisfies,
  string,
  integer,
  type Schema,
} from '../checklist/validator.ts';
import type { Loaded } from '../store/kept.ts';
import { DRAFT_FORMAT, DRAFT_VERSION, emptyDraft, type Draft } from './draft.ts';
import { draftFromReport, mergeDrafts, reportOf } from './draft-merge.ts';

export { followDraftEdits, mergeDrafts, reportOf } from './draft-merge.ts';
import {
  AAR_FORMAT,
  AAR_LIMITS,
  AAR_VERSION,
  isCalendarDate,
  RATINGS,
  type Report,
} from './aar.ts';

/** Characters a field of a draft may hold (a file holds AAR_LIMITS). */
export const DRAFT_TEXT_MAX = 100_000;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The report's schema: a file's text limits, or a draft's (DRAFT_TEXT_MAX). */
function reportSchema(draft: boolean): Schema<Report> {
  const text = (max: number, min = 0) =>
    string(
      satisfies((value) => value === value.normalize('NFC'), 'nfc'),
      (value) => value.length < min && ['empty'],
      (value) => value.length > (draft ? DRAFT_TEXT_MAX : max) && ['max', max],
    );
  const date = string(satisfies((value) => value === '' || isCalendarDate(value), 'date'));
  const list = <T>(item: Schema<T>) => array(item, AAR_LIMITS.list);
  const schema = object({
    format: literal(AAR_FORMAT),
    version: literal(AAR_VERSION),
    drill: string(matches(SLUG, 'slug')),
    drillTitle: text(AAR_LIMITS.short),
    exercise: object({
      date,
      place: text(AAR_LIMITS.short),
      facilitator: text(AAR_LIMITS.short),
      evaluator: text(AAR_LIMITS.short),
      participants: text(AAR_LIMITS.note),
    }),
    evaluations: record(
      string(matches(SLUG, 'slug')),
      object({ rating: nullable(oneOf(RATINGS)), note: text(AAR_LIMITS.note) }),
    ),
    hotWash: text(AAR_LIMITS.long),
    strengths: list(text(AAR_LIMITS.note, 1)),
    improvements: list(text(AAR_LIMITS.note, 1)),
    actions: list(
      object({ action: text(AAR_LIMITS.note, 1), owner: text(AAR_LIMITS.short), due: date }),
    ),
    savedAt: nullable(string(satisfies((value) => !Number.isNaN(Date.parse(value)), 'instant'))),
  });
  return schema as Schema<Report>;
}

const FILE_SCHEMA = reportSchema(false);
const DRAFT_SCHEMA = reportSchema(true);

/** Names of the fields, as the form labels them, for messages about a bad file. */
const FIELD_NAMES: Record<string, string> = {
  format: 'loại tệp',
  version: 'định dạng',
  drill: 'bài diễn tập',
  drillTitle: 'tên bài diễn tập',
  exercise: 'thông tin buổi diễn tập',
  date: 'ngày',
  place: 'địa điểm',
  facilitator: 'người điều hành',
  evaluator: 'người đánh giá',
  participants: 'người tham gia',
  evaluations: 'phiếu đánh giá',
  rating: 'mức đánh giá',
  note: 'ghi chú',
  hotWash: 'ghi chép buổi rút kinh nghiệm',
  strengths: 'điểm mạnh',
  improvements: 'điểm cần cải thiện',
  actions: 'hành động khắc phục',
  action: 'việc cần làm',
  owner: 'người chịu trách nhiệm',
  due: 'thời hạn',
  savedAt: 'thời điểm lưu',
};

/** "hành động khắc phục số 2 › thời hạn": where a field is, in the form's words. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  path.forEach((segment, index) => {
    if (typeof segment === 'number') parts[parts.length - 1] += ` số ${segment + 1}`;
    else if (path[index - 1] === 'evaluations') parts.push(`tình huống «${String(segment)}»`);
    else parts.push(FIELD_NAMES[String(segment)] ?? String(segment));
  });
  return parts.join(' › ') || 'toàn bộ tệp';
}

export type Parsed = { ok: true; report: Report } | { ok: false; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a saved report for the drill `drill`. On failure, one message in Vietnamese says
 * what is wrong and where; nothing else changes.
 */
export function parseReport(raw: string, drill: string, draft = false): Parsed {
  const fail = (message: string): Parsed => ({ ok: false, message });
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    return fail('Không đọc được tệp: đây không phải tệp JSON, hoặc tệp đã bị cắt, bị sửa hỏng.');
  }
  if (!isObject(data) || data.format !== AAR_FORMAT) {
    return fail(
      'Tệp này không phải báo cáo sau diễn tập của Sổ tay trực ban (thiếu "format": "so-tay-truc-ban/aar").',
    );
  }
  if (typeof data.version === 'number' && data.version > AAR_VERSION) {
    return fail(
      `Tệp được lưu bởi phiên bản mới hơn của sổ tay (định dạng ${data.version}); trang này chỉ đọc được định dạng ${AAR_VERSION}.`,
    );
  }
  if (typeof data.drill === 'string' && data.drill !== drill) {
    const title =
      typeof data.drillTitle === 'string' ? `«${data.drillTitle}»` : JSON.stringify(data.drill);
    return fail(
      `Tệp là báo cáo của bài diễn tập khác (${title}), không phải của bài này. Hãy mở tệp đó ở trang của bài ấy.`,
    );
  }
  const parsed = (draft ? DRAFT_SCHEMA : FILE_SCHEMA).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const where = fieldLabel(path);
    let found: unknown = data;
    for (const segment of path)
      found =
        isObject(found) || Array.isArray(found)
          ? (found as Record<PropertyKey, unknown>)[segment]
          : undefined;
    const json = JSON.stringify(found) ?? '';
    const value =
      found === undefined
        ? 'thiếu trường này'
        : `giá trị ${json.length > 60 ? `${json.slice(0, 59)}…` : json}`;
    return fail(
      `Tệp có chỗ không hợp lệ ở «${where}» (${value}). Báo cáo đang mở trên trang không bị thay đổi.`,
    );
  }
  return { ok: true, report: parsed.data };
}

const PATH = /^[\w-]+(?:\.[\w-]+){0,3}$/;

const draftSchema = object({
  format: literal(DRAFT_FORMAT),
  version: literal(DRAFT_VERSION),
  drill: string(matches(SLUG, 'slug')),
  fields: record(string(matches(PATH, 'path')), nullable(string())),
  stamps: record(string(matches(PATH, 'path')), integer(0, Number.MAX_SAFE_INTEGER)),
});

/**
 * Reads a draft kept in the browser: this format, or a report as stored before drafts had
 * stamps (read as one, every field at stamp 0). What cannot be used comes back with a
 * problem and the message the page shows (the store sets the text aside).
 */
export function loadDraft(raw: string, drill: string): Loaded<Draft> {
  const fresh = emptyDraft(drill);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    data = undefined;
  }
  if (isObject(data) && data.format === AAR_FORMAT) {
    const parsed = parseReport(raw, drill, true);
    return parsed.ok
      ? { state: draftFromReport(parsed.report), problem: null }
      : { state: fresh, problem: 'damaged', message: parsed.message };
  }
  if (isObject(data) && typeof data.version === 'number' && data.version > DRAFT_VERSION)
    return {
      state: fresh,
      problem: 'newer',
      message: `Bản nháp được lưu bởi phiên bản mới hơn của sổ tay (định dạng ${data.version}).`,
    };
  const parsed = draftSchema.safeParse(data);
  const draft = parsed.success ? (parsed.data as Draft) : undefined;
  const report = draft && parseReport(JSON.stringify(reportOf(draft, '')), drill, true);
  if (!draft || draft.drill !== drill || !report?.ok)
    return {
      state: fresh,
      problem: 'damaged',
      message: report && !report.ok ? report.message : 'Bản nháp bị hỏng (không đọc được).',
    };
  // Merged with itself: the fields in one order, whatever order the text had.
  return { state: mergeDrafts(draft, draft), problem: null };
}
