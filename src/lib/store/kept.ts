/**
 * One store for all saved work (docs/DESIGN.md, «State on the device»): shift runs, drill
 * progress, trainer drafts and learning progress are each a `Kind` (how to read, merge and
 * check its state) kept by this one engine, which does what they used to do four times:
 * read → parse → migrate → validate, set aside what cannot be used, write, and hear another
 * tab. Pure: the storage is passed in (`Backend`), and every call says what happened, for the
 * page to say it where the person acted. This half writes and ships with a page's first
 * visit; reading what is stored and hearing other tabs (read.ts) load on first use.
 *
 * The rules it keeps, whatever the kind:
 * - a write can fail (storage full or blocked): `save` says so, never pretends;
 * - set-aside is true: text that cannot be used is copied under its own key before anything
 *   is written over it; when the copy cannot be stored, the original is held (no write of this
 *   tab replaces it) until the person has downloaded it (`release`);
 * - copies stay bounded: the same text is never set aside twice, and at most `MAX_ASIDE` per
 *   store (past that, the original is held for download as above);
 * - a merge that the kind's own check refuses is not written (so a refused merge never loops);
 *   what another tab wrote that cannot be used is set aside, never merged, never written back.
 */

/** Where the state lives: localStorage in the browser, a map in the tests. Every call may throw. */
export interface Backend {
  get(key: string): string | null;
  set(key: string, value: string): void;
  keys(): string[];
}

/** Why stored text was not used as it is (each kind says it in its own words). */
export type Problem = 'damaged' | 'foreign' | 'newer' | 'older' | 'partial' | 'migrated';

export interface Loaded<S> {
  state: S;
  /** null when the text was used as it is; otherwise it is set aside. */
  problem: Problem | null;
  /** What the page says of the problem (the store's own words); where the text went follows it. */
  message?: string;
}

export interface Kind<S> {
  key: string;
  empty(): S;
  /** Read → parse → migrate → validate. Never throws. */
  load(raw: string): Loaded<S>;
  serialise(state: S): string;
  /** Commutative, associative and idempotent, so that tabs converge whatever the order. */
  merge(mine: S, theirs: S): S;
  /** The invariants every stored state keeps (the validator, caps, bounds). */
  valid(state: S): boolean;
}

/** What happened to text that could not be used: copied aside, or held until downloaded. */
export interface Aside {
  problem: Problem;
  raw: string;
  /** 'stored': a copy is in the browser; 'held': no copy could be stored, the person must download it. */
  where: 'stored' | 'held';
  message: string;
}

/**
 * 'not-ready': the stored state is not read yet, so a write would replace it unread;
 * 'failed': the storage refused the write (full or blocked); 'held': an original waits to be
 * downloaded; 'stale': this tab cannot merge what other tabs wrote (its code is gone), so it
 * does not write over it; 'refused': the state breaks the kind's invariants, and is not taken.
 */
export type Saved = 'saved' | 'unchanged' | 'not-ready' | 'failed' | 'held' | 'stale' | 'refused';

export interface Heard<S> {
  /** The other tab's state (null when its text could not be used, or there was none). */
  theirs: S | null;
  before: S;
  aside: Aside | null;
  /** Whether the merge was written back (the storage lacked some of this tab's work). */
  saved: Saved;
}

export class Kept<S> {
  state: S;
  /** An original that could not be copied aside: nothing of this tab is written over it until downloaded. */
  held: Aside | null = null;
  /** Whether the storage could be read at all. */
  readable = true;
  /** Set when this tab can no longer merge other tabs' writes: it then writes nothing. */
  stale = false;
  /** Set once the stored state is read (read.ts openStore): nothing is written before. */
  ready = false;
  /**
   * This tab's own copy of what it wrote (sessionStorage, which outlives a reload of the tab
   * and nothing else): what another tab wrote over unheard before a reload is merged back.
   */
  tabCopy: Backend | null = null;
  /** Set by opening when the tab's own copy was merged back: what the page follows as heard. */
  reclaimed: Heard<S> | null = null;

  constructor(
    readonly kind: Kind<S>,
    readonly backend: Backend,
    readonly now: () => Date = () => new Date(),
  ) {
    this.state = kind.empty();
  }

  get(key: string): string | null {
    try {
      return this.backend.get(key);
    } catch {
      this.readable = false;
      return null;
    }
  }

  set(key: string, value: string): boolean {
    try {
      this.backend.set(key, value);
      return true;
    } catch {
      return false;
    }
  }

  /** The person downloaded the held original: this tab may write again. */
  release(): void {
    this.held = null;
  }

  write(state: S): Saved {
    if (!this.ready) return 'not-ready';
    if (this.stale) return 'stale';
    if (this.held) return 'held';
    const text = this.kind.serialise(state);
    try {
      this.tabCopy?.set(this.kind.key, text);
    } catch {
      // A tab's own copy is a second chance, not a promise.
    }
    return this.set(this.kind.key, text) ? 'saved' : 'failed';
  }

  /**
   * Takes a change made on this page and stores it: it is kept in this tab whether or not the
   * write succeeds, and the result says whether it is stored. The page's own changes keep the
   * kind's invariants by construction; what combines states (a merge, an import) is checked.
   */
  save(next: S): Saved {
    this.state = next;
    return this.write(next);
  }
}
