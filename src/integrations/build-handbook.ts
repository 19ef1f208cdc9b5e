/**
 * The handbook one build validated: the content gate loads it when the build starts, and the
 * steps after the pages (search index) reuse it instead of parsing and checking it again
 * (0.2 s on the real content, about 2 s at 100×).
 */
import { loadHandbook, type Handbook } from '../lib/content/handbook.ts';

let validated: { root: string; handbook: Handbook } | undefined;

/** Loads and validates the content under `root` (throws a ContentError), and keeps it for this build. */
export function validateHandbook(root: string): Handbook {
  validated = { root, handbook: loadHandbook(root) };
  return validated.handbook;
}

/** The handbook under `root` as validated at the start of this build, or loaded now if it was not. */
export const buildHandbook = (root: string): Handbook =>
  validated?.root === root ? validated.handbook : validateHandbook(root);
