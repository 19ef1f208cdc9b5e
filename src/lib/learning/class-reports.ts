/**
 * The points an after-action report rated «Chưa đạt», for the class view: those cited by its
 * injects with that rating. A report is read as the drill's trainer page reads it
 * (parseReport), so that the class view never counts a file that page refuses; this module is
 * loaded only when a report is opened (it carries the report's schema).
 */
import { isWithin } from '../law/eid.ts';
import type { DrillWithId } from '../drills/model.ts';
import { parseReport } from '../drills/aar-schema.ts';

export type ReportPoints = { ok: true; points: string[] } | { ok: false; message: string };

const NOT_A_REPORT = 'đây không phải báo cáo sau diễn tập của một bài trong sổ tay.';

export function failedPoints(
  text: string,
  drills: readonly {
    id: string;
    injects: readonly Pick<DrillWithId['injects'][number], 'id' | 'cites'>[];
  }[],
  points: readonly string[],
): ReportPoints {
  let named: unknown;
  try {
    named = (JSON.parse(text.replace(/^\uFEFF/, '')) as { drill?: unknown } | null)?.drill;
  } catch {
    named = undefined;
  }
  const drill = drills.find((d) => d.id === named);
  if (!drill) return { ok: false, message: NOT_A_REPORT };
  const parsed = parseReport(text, drill.id);
  if (!parsed.ok) return parsed;
  const cited = drill.injects
    .filter((inject) => parsed.report.evaluations[inject.id]?.rating === 'chua-dat')
    .flatMap((inject) => inject.cites);
  return { ok: true, points: points.filter((point) => cited.some((eId) => isWithin(eId, point))) };
}
