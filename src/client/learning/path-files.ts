/**
 * The learning path's work with files and the learner's name (learning-path.ts loads this on
 * first use): exporting the progress, opening a progress file, and the refusal of a name too
 * long (length-check.ts).
 */
import { fits, loadFile } from '../../lib/learning/kind.ts';
import { mergeStates, serialiseState, stateFileName } from '../../lib/learning/state.ts';
import { localDay } from '../../lib/learning/schedule.ts';
import { importLine } from '../../lib/learning/import-wording.ts';
import type { ProgressStore } from './store.ts';

export { checkLength } from '../length-check.ts';

/** Puts a sentence in the page's live region. */
type Say = (message: string) => void;

export function onExport(store: ProgressStore): void {
  const state = store.state;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([serialiseState(state)], { type: 'application/json' }));
  link.download = stateFileName(state, localDay(new Date()));
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export async function onImport(
  store: ProgressStore,
  input: HTMLInputElement,
  say: Say,
): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  const loaded = loadFile(await file.text());
  input.value = '';
  if (!loaded.ok) return say(importLine(file.name, loaded.problem));
  const before = new Set(store.state.answers.map((a) => a.id));
  const added = loaded.state.answers.filter((a) => !before.has(a.id)).length;
  let tooMany = false;
  const saved = store.update((state) => {
    const merged = mergeStates(state, loaded.state);
    tooMany = !fits(merged);
    return tooMany ? state : merged;
  });
  // Said as it is: merged and stored, too many to keep, or read but not stored.
  const stored = saved === 'saved' || saved === 'unchanged';
  say(importLine(file.name, tooMany ? 'too-many' : stored ? 'merged' : 'not-saved', added));
}
