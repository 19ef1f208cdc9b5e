/**
 * Reading a trainee's stored progress back (format in progress.ts): parsed, validated
 * with the browser state's one validator (src/lib/checklist/validator.ts), and checked
 * against the drill as built. Kept apart from progress.ts so that the page fetches it only
 * when there is stored progress to read.
 */
import {
  array,
  boolean,
  integer,
  literal,
  matches,
  object,
  record,
  refine,
  string,
} from '../checklist/validator.ts';
import type { Loaded as KeptLoaded } from '../store/kept.ts';
import { FORMAT, startProgress, VERSION, type Progress } from './progress.ts';

const slug = string(matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug'));
const some = <T>(list: ReturnType<typeof array<T>>) =>
  refine(list, (value: T[]) => value.length > 0, 'empty');

const progressSchema = object({
  format: literal(FORMAT),
  version: literal(VERSION),
  drill: slug,
  key: string(matches(/^[0-9a-z]{1,16}$/, 'key')),
  round: integer(1, Number.MAX_SAFE_INTEGER),
  queue: some(array(slug, 1000)),
  answers: record(slug, object({ chosen: some(array(slug, 100)), right: boolean() })),
  history: record(slug, some(array(boolean(), 100_000))),
});

export interface Loaded {
  progress: Progress;
  /** Vietnamese, for the page; null when the stored progress was used as it is. */
  notice: string | null;
  /** The stored text to keep under another key (null when it was used as it is). */
  setAside: string | null;
  newer?: boolean;
}

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
  const restart = (why: string, newer = false): Loaded => ({
    progress: fresh,
    notice: `${why}, nên bài được làm lại từ đầu.`,
    setAside: raw,
    newer,
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
    return typeof version === 'number' && version > VERSION
      ? restart(
          `Tiến độ được lưu bởi một phiên bản mới hơn của sổ tay (định dạng ${version})`,
          true,
        )
      : restart('Tiến độ lưu trong trình duyệt bị hỏng hoặc không đúng định dạng');
  }
  const progress = parsed.data as Progress;
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

/** loadProgress in the terms of the one store (src/lib/store/kept.ts). */
export function loadKept(
  raw: string,
  drill: string,
  key: string,
  injects: readonly string[],
): KeptLoaded<Progress> {
  const loaded = loadProgress(raw, drill, key, injects);
  return {
    state: loaded.progress,
    problem: loaded.setAside === null ? null : loaded.newer ? 'newer' : 'damaged',
    message: loaded.notice ?? '',
  };
}
