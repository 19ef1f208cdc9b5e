/**
 * What a shift run needs as soon as it is shown, loaded with it by checklist.ts (notes()),
 * never on a first visit without one: the notes' check against the journal's font
 * (printable.ts, with the font's character list) and the «không phát sinh trong ca» marks
 * (not-arising.ts). One module, so that the first paint carries one import for both.
 */
export { setNote } from '../lib/checklist/printable.ts';
export { wire } from './not-arising.ts';
