/**
 * What the journal log's loader (src/client/journal-loader.ts) says on a role page's first
 * paint: the count beside «Ghi nhật ký» and the run panel's link. Kept apart from
 * journal-wording.ts, which loads only with the log, so the page carries only these lines.
 */
import type { Run } from './schema.ts';

/** "(3 mục)" beside «Ghi nhật ký»: the entries of the run on screen, none without a run. */
export const journalCount = (run: Run | null): string => (run ? `(${run.journal.length} mục)` : '');

/** The run panel's link to the journal log. */
export const journalLinkText = (run: Run | null): string =>
  run ? `Nhật ký ca trực (${run.journal.length} mục)` : 'Nhật ký ca trực';

export const journalCodeGone = 'Không mở được nhật ký: sổ tay trên máy chủ đã có phiên bản mới.';
