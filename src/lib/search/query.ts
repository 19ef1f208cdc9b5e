/**
 * Vietnamese queries the way people type them. Pagefind folds tone marks ("truc ban"
 * finds "trực ban") but not đ, which is a letter: "lanh dao" would miss "lãnh đạo".
 * So a query is also searched with d → đ at the start of its words, and the results
 * of all variants are merged by best score.
 */
import { foldMarks, hasPrefix, type DWordVocabulary } from './vocabulary.ts';

/** The form a query is searched in: NFC (decomposed input misplaces marks), lower case, single spaces. */
export function normaliseQuery(raw: string): string {
  return raw.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** At most this many words get two spellings: 2^4 = 16 searches is still fast. */
const MAX_VARIANT_WORDS = 4;

/**
 * Spellings to search for a query. In Vietnamese, d only begins a syllable, so a word
 * typed with a leading d may stand for d or đ. With a vocabulary of the index, each such
 * word gets the spellings the index has (the query as typed when it has neither);
 * without one, both. The first variant is the query as typed where that is a candidate.
 */
export function queryVariants(raw: string, vocabulary?: DWordVocabulary): string[] {
  const query = normaliseQuery(raw);
  if (!query) return [];
  const spellings = query.split(' ').map((word, index, words) => {
    if (!word.startsWith('d')) return [word];
    const stroked = `đ${word.slice(1)}`;
    if (!vocabulary) return [word, stroked];
    // A word being typed (the last one) may be unfinished: match it as a prefix.
    const known = (list: readonly string[], spelled: string) =>
      index === words.length - 1
        ? hasPrefix(list, foldMarks(spelled))
        : list.includes(foldMarks(spelled));
    const found = [
      ...(known(vocabulary.d, word) ? [word] : []),
      ...(known(vocabulary.đ, stroked) ? [stroked] : []),
    ];
    return found.length > 0 ? found : [word];
  });
  let variants: string[][] = [[]];
  let branched = 0;
  for (const options of spellings) {
    const usable =
      options.length > 1 && branched++ >= MAX_VARIANT_WORDS ? options.slice(0, 1) : options;
    variants = variants.flatMap((prefix) => usable.map((option) => [...prefix, option]));
  }
  return variants.map((words) => words.join(' '));
}

export interface ScoredResult {
  id: string;
  score: number;
}

/** Merges the result lists of several variants: one entry per id, at its best score, best first. */
export function mergeResults<T extends ScoredResult>(lists: T[][]): T[] {
  const best = new Map<string, T>();
  for (const list of lists) {
    for (const result of list) {
      const current = best.get(result.id);
      if (!current || result.score > current.score) best.set(result.id, result);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
