/**
 * What the checklist script (checklist.ts) offers to the journal log, which is loaded
 * later and only on the pages of the roles that keep the journal. Types only: nothing
 * here ships. The checklist root element carries the API as `checklist` and fires
 * "checklist:ready" when it is set.
 */
import type { Run, Store } from '../lib/checklist/schema.ts';

export interface ChecklistApi {
  role: string;
  /** The runs as they are now. */
  store(): Store;
  /** The run on screen: the open one, or an ended one being looked at (then not live). */
  shown(): { run: Run | null; live: boolean };
  /**
   * Stores a new state of the runs and redraws the page; `edited` names what this tab
   * changed (merge.ts keys), so that a change made at once in another tab is shown beside it.
   */
  commit(store: Store, edited?: readonly string[]): void;
  /** Called after every redraw: a change here, in another tab, or another run opened. */
  onRender(listener: () => void): void;
}

export type ChecklistHost = HTMLElement & { checklist?: ChecklistApi };
