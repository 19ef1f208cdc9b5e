/** The handbook as the pages see it: loaded once per build from the content root. */
import { loadHandbook, type Handbook } from '../lib/content/handbook.ts';
import { contentRoot } from '../lib/content/root.ts';

let cached: Handbook | undefined;

export function getHandbook(): Handbook {
  cached ??= loadHandbook(contentRoot());
  return cached;
}
