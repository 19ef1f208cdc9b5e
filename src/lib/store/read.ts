/**
 * The half of the one store (kept.ts) that reads: opening what is stored, and hearing what
 * another tab wrote. Loaded on first use (only when something is stored, or another tab
 * writes), so that a page's first visit carries only the half that writes.
 */
import type { Aside, Heard, Kept, Loaded } from './kept.ts';
import { asidePrefix, MAX_ASIDE } from './limits.ts';

/** Copies text that cannot be used under its own key, or holds it when that fails. */
function setAside<S>(kept: Kept<S>, loaded: Loaded<S>, raw: string): Aside {
  const prefix = asidePrefix(kept.kind.key);
  let copies: string[];
  try {
    copies = kept.backend.keys().filter((key) => key.startsWith(prefix));
  } catch {
    copies = [];
  }
  // The same text is never kept twice, and never more than MAX_ASIDE copies: past that, held.
  const stored =
    copies.some((key) => kept.get(key) === raw) ||
    (copies.length < MAX_ASIDE && kept.set(`${prefix}${kept.now().toISOString()}`, raw));
  const aside: Aside = {
    problem: loaded.problem!,
    raw,
    where: stored ? 'stored' : 'held',
    message: loaded.message ?? '',
  };
  if (!stored) kept.held = aside;
  return aside;
}

/** Reads the stored state into `kept`; what cannot be used is set aside (or held) and returned. */
export function openStore<S>(kept: Kept<S>): Aside | null {
  const raw = kept.get(kept.kind.key);
  kept.ready = true;
  if (raw === null) return null;
  const loaded = kept.kind.load(raw);
  kept.state = loaded.state;
  if (loaded.problem === null) {
    reclaim(kept);
    return null;
  }
  const aside = setAside(kept, loaded, raw);
  // What could be kept (a salvage, a migration) replaces the original once it is safe.
  if (aside.where === 'stored') kept.write(kept.state);
  return aside;
}

/**
 * What this tab wrote before a reload that the storage no longer holds (another tab wrote
 * over it, unheard): merged back from the tab's own copy, as if heard from another tab. The
 * page then follows its edits as after any merge (`reclaimed`).
 */
function reclaim<S>(kept: Kept<S>): void {
  let raw: string | null;
  try {
    raw = kept.tabCopy?.get(kept.kind.key) ?? null;
  } catch {
    raw = null;
  }
  if (raw === null || raw === kept.kind.serialise(kept.state)) return;
  const stored = kept.state;
  const copy = kept.kind.load(raw);
  if (copy.problem !== null) return;
  kept.state = copy.state;
  kept.reclaimed = hearStore(kept, kept.kind.serialise(stored));
}

/**
 * Another tab wrote `raw`: merge it with this tab's state and, unless the storage holds the
 * merge already, write it back (the other tab may lack changes of this one). Text that
 * cannot be used is set aside and neither merged nor written over by this step.
 */
export function hearStore<S>(kept: Kept<S>, raw: string | null): Heard<S> {
  const before = kept.state;
  if (raw === null) return { theirs: null, before, aside: null, saved: 'unchanged' };
  const loaded = kept.kind.load(raw);
  if (loaded.problem !== null) {
    const aside = setAside(kept, loaded, raw);
    return { theirs: null, before, aside, saved: 'unchanged' };
  }
  const merged = kept.kind.merge(before, loaded.state);
  // A merge the kind refuses would be refused by the other tab too: keep ours, write nothing.
  if (!kept.kind.valid(merged))
    return { theirs: loaded.state, before, aside: null, saved: 'refused' };
  kept.state = merged;
  const text = kept.kind.serialise(merged);
  const saved = text === kept.get(kept.kind.key) ? 'unchanged' : kept.write(merged);
  return { theirs: loaded.state, before, aside: null, saved };
}
