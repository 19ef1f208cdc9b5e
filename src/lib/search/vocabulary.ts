/**
 * Which words of the index begin with d and which with đ, tone marks folded away. The
 * search page uses it to try "đ" for a typed "d" only where the index has such a word,
 * and "d" only where it has that: Pagefind answers a word it does not know by matching
 * a known prefix of it (even a lone letter), which ranks noise above real matches.
 */

export interface DWordVocabulary {
  /** Folded words written with d ("dung" for dừng, dụng). */
  d: string[];
  /** Folded words written with đ, đ kept ("đieu" for điều). */
  đ: string[];
}

/** Lower case without tone or vowel marks, keeping đ: "Điều" → "đieu", "dừng" → "dung". */
export function foldMarks(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLocaleLowerCase('vi');
}

/** The d- and đ-initial words of some texts, folded, sorted, each once. */
export function dWordVocabulary(texts: Iterable<string>): DWordVocabulary {
  const d = new Set<string>();
  const đ = new Set<string>();
  for (const text of texts) {
    for (const word of text.normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
      const folded = foldMarks(word);
      if (folded.startsWith('đ')) đ.add(folded);
      else if (folded.startsWith('d')) d.add(folded);
    }
  }
  return { d: [...d].sort(), đ: [...đ].sort() };
}

/** Whether some word of the list starts with `prefix` (the last word of a query may be unfinished). */
export function hasPrefix(sortedWords: readonly string[], prefix: string): boolean {
  let low = 0;
  let high = sortedWords.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sortedWords[middle] ?? '') < prefix) low = middle + 1;
    else high = middle;
  }
  return (sortedWords[low] ?? '').startsWith(prefix);
}
