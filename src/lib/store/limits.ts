/**
 * The bounds the stores keep (kept.ts), in a module of their own so that the code a page's
 * first visit carries (kept.ts, src/client/saved.ts) does not share a file with what loads
 * later (read.ts, the file readers).
 */

/**
 * The highest change stamp a file may bring (1 January 2100, in ms): far enough below the
 * stores' own bound (Number.MAX_SAFE_INTEGER) that no number of changes after an import,
 * each one above the last, can pass it.
 */
export const FILE_STAMP_MAX = Date.UTC(2100, 0, 1);

/**
 * The highest stamp a stored state may hold (2^52): half the schemas' bound, so that every
 * change after it (one above the highest stamp) still validates for longer than any device
 * will run. A merge or an import past it is refused, never stored.
 */
export const STAMP_BOUND = 2 ** 52;

/** At most this many set-aside copies per store. */
export const MAX_ASIDE = 5;

export const asidePrefix = (key: string): string => `${key}:set-aside:`;
