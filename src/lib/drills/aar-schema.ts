/**
 * Reading a saved after-action report back (format in aar.ts): validated with zod/mini.
 * A bad file gets one Vietnamese message that names the field; the caller changes
 * nothing. Kept apart from aar.ts so that the page fetches zod only when it needs it.
 */
import * as z from 'zod/mini';
import {
  AAR_FORMAT,
  AAR_LIMITS,
  AAR_VERSION,
  isCalendarDate,
  RATINGS,
  type Report,
} from './aar.ts';

const nfc = (value: string) => value === value.normalize('NFC');
const text = (max: number) => z.string().check(z.maxLength(max), z.refine(nfc));
const date = z.string().check(z.refine((value) => value === '' || isCalendarDate(value)));
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const reportSchema: z.ZodMiniType<Report> = z.strictObject({
  format: z.literal(AAR_FORMAT),
  version: z.literal(AAR_VERSION),
  drill: z.string().check(z.regex(SLUG)),
  drillTitle: text(AAR_LIMITS.short),
  exercise: z.strictObject({
    date,
    place: text(AAR_LIMITS.short),
    facilitator: text(AAR_LIMITS.short),
    evaluator: text(AAR_LIMITS.short),
    participants: text(AAR_LIMITS.note),
  }),
  evaluations: z.record(
    z.string().check(z.regex(SLUG)),
    z.strictObject({ rating: z.nullable(z.enum(RATINGS)), note: text(AAR_LIMITS.note) }),
  ),
  hotWash: text(AAR_LIMITS.long),
  strengths: z
    .array(text(AAR_LIMITS.note).check(z.minLength(1)))
    .check(z.maxLength(AAR_LIMITS.list)),
  improvements: z
    .array(text(AAR_LIMITS.note).check(z.minLength(1)))
    .check(z.maxLength(AAR_LIMITS.list)),
  actions: z
    .array(
      z.strictObject({
        action: text(AAR_LIMITS.note).check(z.minLength(1)),
        owner: text(AAR_LIMITS.short),
        due: date,
      }),
    )
    .check(z.maxLength(AAR_LIMITS.list)),
  savedAt: z.nullable(z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value))))),
});

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
export function parseReport(raw: string, drill: string): Parsed {
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
  const parsed = reportSchema.safeParse(data);
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
