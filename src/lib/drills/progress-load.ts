/**
 * Reading a trainee's stored progress back (format in progress.ts): parsed, validated
 * with zod/mini, and checked against the drill as built. Kept apart from progress.ts so
 * that the page fetches zod only when there is stored progress to validate.
 */
import * as z from 'zod/mini';
import { FORMAT, startProgress, VERSION, type Progress } from './progress.ts';

const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

const progressSchema: z.ZodMiniType<Progress> = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  drill: slug,
  key: z.string().check(z.regex(/^[0-9a-z]{1,16}$/)),
  round: z.number().check(z.refine((n) => Number.isInteger(n) && n >= 1)),
  queue: z.array(slug).check(z.minLength(1)),
  answers: z.record(
    slug,
    z.strictObject({ chosen: z.array(slug).check(z.minLength(1)), right: z.boolean() }),
  ),
  history: z.record(slug, z.array(z.boolean()).check(z.minLength(1))),
});

export interface Loaded {
  progress: Progress;
  /** Vietnamese, for the page; null when the stored progress was used as it is. */
  notice: string | null;
  /** The stored text to keep under another key (null when it was used as it is). */
  setAside: string | null;
}

const KEPT = 'Bản lưu cũ được cất riêng trong trình duyệt, không bị xóa.';

/**
 * Reads stored progress (null when there is none). Progress that is damaged, from another
 * format, or made against another answer key starts again, and comes back in `setAside`
 * with a notice. Never throws.
 */
export function loadProgress(
  raw: string | null,
  drill: string,
  key: string,
  injects: readonly string[],
): Loaded {
  const fresh = startProgress(drill, key, injects);
  if (raw === null) return { progress: fresh, notice: null, setAside: null };
  const restart = (why: string): Loaded => ({
    progress: fresh,
    notice: `${why}, nên bài được làm lại từ đầu. ${KEPT}`,
    setAside: raw,
  });
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return restart('Tiến độ lưu trong trình duyệt bị hỏng (không đọc được)');
  }
  const parsed = progressSchema.safeParse(data);
  if (!parsed.success) {
    const version = (data as { version?: unknown } | null)?.version;
    return restart(
      typeof version === 'number' && version > VERSION
        ? `Tiến độ được lưu bởi một phiên bản mới hơn của sổ tay (định dạng ${version})`
        : 'Tiến độ lưu trong trình duyệt bị hỏng hoặc không đúng định dạng',
    );
  }
  const progress = parsed.data;
  const known = new Set(injects);
  const refersToKnown =
    progress.queue.every((id) => known.has(id)) &&
    Object.keys(progress.answers).every((id) => progress.queue.includes(id)) &&
    Object.keys(progress.history).every((id) => known.has(id));
  if (progress.drill !== drill || progress.key !== key || !refersToKnown) {
    return restart('Bài diễn tập đã được sửa từ lần bạn làm trước');
  }
  return { progress, notice: null, setAside: null };
}
