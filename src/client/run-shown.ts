/**
 * What a shift run needs as soon as it is shown, loaded with it by checklist.ts (notes()),
 * never on a first visit without one: the notes' check against the journal's font
 * (printable.ts, with the font's character list), the «không phát sinh trong ca» marks
 * (not-arising.ts) and the offer to receive the previous run's matters followed
 * (handover-offer.ts). One module, so that the first paint carries one import for all.
 */
import type { ShiftRuns } from './checklist.ts';
import { wire as wireMarks } from './not-arising.ts';
import { offerHandover } from './handover-offer.ts';

export { setNote } from '../lib/checklist/printable.ts';

export function wire(runs: ShiftRuns): void {
  wireMarks(runs);
  offerHandover(runs);
}
