/**
 * What the journal log says when a run file is imported (src/client/journal-log.ts): the
 * refusal, the question before the oldest run is pushed out, and the outcome. Pure, so that
 * every sentence is unit-tested (test/unit/checklist-wording.test.ts).
 */
import type { ImportResult } from './run-file.ts';
import { LIMITS, type Run } from './schema.ts';
import { runLabel } from './state.ts';

/** A file that cannot be imported, named as the officer chose it. */
export const importRefused = (fileName: string, reason: string): string =>
  `Không nhập được «${fileName}»: ${reason}`;

export const importTooLarge = 'tệp quá lớn để là một ca trực.';

/** The reason a run of another role is refused, with that role's name. */
export const otherRoleReason = (roleName: string): string =>
  `đây là ca của ${roleName}; hãy nhập trên trang của vai trò đó.`;

/** Asked before an import pushes the oldest run out of a full history. */
export const dropQuestion = (imported: Run, dropped: Run): string =>
  `Máy này đã giữ đủ ${LIMITS.history} ca. Nhập ca ${runLabel(imported)} thì ca cũ nhất, ${runLabel(dropped)}, sẽ bị bỏ khỏi máy. Nên xuất ca cũ đó ra tệp trước. Vẫn nhập?`;

export const importDeclined = (imported: Run): string =>
  `Chưa nhập ca ${runLabel(imported)}; không có gì thay đổi.`;

/** The outcome of an import; `fileRunId` is the id in the file (a run kept beside another version gets a new one). */
export function importOutcome(
  { outcome, run }: Pick<ImportResult, 'outcome' | 'run'>,
  fileRunId: string,
): string {
  const label = runLabel(run);
  if (outcome === 'same') return `Ca ${label} đã có trên máy này, không có gì thay đổi.`;
  if (outcome === 'current')
    return `Đã nhập ca ${label}: ca chưa kết thúc, nay là ca đang mở trên máy này.`;
  const both =
    run.id === fileRunId ? '' : ' (trên máy đã có một bản khác của ca này, nên giữ cả hai)';
  return `Đã nhập ca ${label} vào «Các ca đã qua»${both}.`;
}
