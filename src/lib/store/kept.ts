/**
 * One store for all saved work (docs/DESIGN.md, «State on the device»): shift runs, drill
 * progress, trainer drafts and learning progress are each a `Kind` (how to read, merge and
 * check its state) kept by this one engine, which does what they used to do four times:
 * read → parse → migrate → validate, set aside what cannot be used, write, and hear another
 * tab. Pure: the storage is passed in (`Backend`), and every call says what happened, for the
 * page to say it where the person acted.
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

/**
 * The highest change stamp a file may bring (1 January 2100, in ms): far enough below the
 * stores' own bound (Number.MAX_SAFE_INTEGER) that no number of changes after an import,
 * each one above the last, can pass it.
 */
export const FILE_STAMP_MAX = Date.UTC(2100, 0, 1);

/** At most this many set-aside copies per store. */
export const MAX_ASIDE = 5;

export const asidePrefix = (key: string): string => `${key}:set-aside:`;

/** What happened to text that could not be used: copied aside, or held until downloaded. */
export interface Aside {
  problem: Problem;
  raw: string;
  /** 'stored': a copy is in the browser; 'held': no copy could be stored, the person must download it. */
  where: 'stored' | 'held';
  message: string;
}

/**
 * 'failed': the storage refused the write (full or blocked); 'held': an original waits to be
 * downloaded; 'stale': this tab cannot merge what other tabs wrote (its code is gone), so it
 * does not write over it; 'refused': the state breaks the kind's invariants, and is not taken.
 */
export type Saved = 'saved' | 'unchanged' | 'failed' | 'held' | 'stale' | 'refused';

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

  constructor(
    readonly kind: Kind<S>,
    readonly backend: Backend,
    readonly now: () => Date = () => new Date(),
  ) {
    this.state = kind.empty();
  }

  private get(key: string): string | null {
    try {
      return this.backend.get(key);
    } catch {
      this.readable = false;
      return null;
    }
  }

  private set(key: string, value: string): boolean {
    try {
      this.backend.set(key, value);
      return true;
    } catch {
      return false;
    }
  }

  /** Copies text that cannot be used under its own key, or holds it when that fails. */
  private setAside(loaded: Loaded<S>, raw: string): Aside {
    const prefix = asidePrefix(this.kind.key);
    let copies: string[] = [];
    try {
      copies = this.backend.keys().filter((key) => key.startsWith(prefix));
    } catch {
      copies = [];
    }
    const already = copies.some((key) => this.get(key) === raw);
    const stored =
      already ||
      (copies.length < MAX_ASIDE && this.set(`${prefix}${this.now().toISOString()}`, raw));
    const aside: Aside = {
      problem: loaded.problem!,
      raw,
      where: stored ? 'stored' : 'held',
      message: loaded.message ?? '',
    };
    if (!stored) this.held = aside;
    return aside;
  }

  /** Reads the stored state; what cannot be used is set aside (or held) and said. */
  open(): Aside | null {
    const raw = this.get(this.kind.key);
    if (raw === null) return null;
    const loaded = this.kind.load(raw);
    this.state = loaded.state;
    if (loaded.problem === null) return null;
    const aside = this.setAside(loaded, raw);
    // What could be kept (a salvage, a migration) replaces the original once it is safe.
    if (aside.where === 'stored') this.write(this.state);
    return aside;
  }

  /** The person downloaded the held original: this tab may write again. */
  release(): void {
    this.held = null;
  }

  private write(state: S): Saved {
    if (this.stale) return 'stale';
    if (this.held) return 'held';
    if (!this.kind.valid(state)) return 'refused';
    return this.set(this.kind.key, this.kind.serialise(state)) ? 'saved' : 'failed';
  }

  /**
   * Takes a new state and stores it. A state the kind refuses is not taken ('refused');
   * otherwise it is kept in this tab whether or not the write succeeds, and the result says
   * whether it is stored.
   */
  save(next: S): Saved {
    if (!this.kind.valid(next)) return 'refused';
    this.state = next;
    return this.write(next);
  }

  /**
   * Another tab wrote `raw`: merge it with this tab's state and, unless the storage holds the
   * merge already, write it back (the other tab may lack changes of this one). Text that
   * cannot be used is set aside and neither merged nor written over by this step.
   */
  hear(raw: string | null): Heard<S> {
    const before = this.state;
    if (raw === null) return { theirs: null, before, aside: null, saved: 'unchanged' };
    const loaded = this.kind.load(raw);
    if (loaded.problem !== null) {
      const aside = this.setAside(loaded, raw);
      return { theirs: null, before, aside, saved: 'unchanged' };
    }
    const merged = this.kind.merge(before, loaded.state);
    // A merge the kind refuses would be refused by the other tab too: keep ours, write nothing.
    if (!this.kind.valid(merged)) return { theirs: loaded.state, before, aside: null, saved: 'refused' };
    this.state = merged;
    const text = this.kind.serialise(merged);
    const saved = text === this.get(this.kind.key) ? 'unchanged' : this.write(merged);
    return { theirs: loaded.state, before, aside: null, saved };
  }
}
