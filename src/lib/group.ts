/**
 * Indexes built once per build, so that a page asks for its own share of the content in one
 * lookup rather than filtering the whole content again (which made the build grow with the
 * square of the content).
 */

/** Each item under each of its keys (a key named twice counts once), in the items' order. */
export function indexBy<T>(
  items: Iterable<T>,
  keysOf: (item: T) => Iterable<string>,
): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const list = index.get(key);
      if (list) list.push(item);
      else index.set(key, [item]);
    }
  }
  return index;
}

/** The items under `key`, or none. */
export const under = <T>(index: ReadonlyMap<string, readonly T[]>, key: string): T[] => [
  ...(index.get(key) ?? []),
];
