/**
 * The characters the journal's font must hold. Text typed into a field later, in any
 * viewer, can only render with glyphs that are in the embedded font, so the font is
 * subset once to this set (scripts/subset-font.ts) and embedded whole.
 */

/** The twelve Vietnamese vowels (a ă â e ê i o ô ơ u ư y), lower case. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** The five tone marks as combining characters: huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

const lower = [
  ...VOWELS.flatMap((vowel) => [vowel, ...TONES.map((tone) => (vowel + tone).normalize('NFC'))]),
  'đ',
];

/**
 * Every letter of the Vietnamese alphabet that is not plain ASCII, in both cases
 * (toned vowels, ă â ê ô ơ ư, đ Đ): 134 characters.
 */
export const VIETNAMESE_NON_ASCII: readonly string[] = [
  ...new Set([...lower, ...lower.map((letter) => letter.toLocaleUpperCase('vi'))]),
].filter((letter) => letter.codePointAt(0)! > 0x7e);

/** Printable ASCII. */
export const ASCII: readonly string[] = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) =>
  String.fromCodePoint(0x20 + i),
);

/** Latin-1 Supplement (no-break space to ÿ): names and words from other languages. */
export const LATIN_1: readonly string[] = Array.from({ length: 0xff - 0xa0 + 1 }, (_, i) =>
  String.fromCodePoint(0xa0 + i),
);

/** Typographic punctuation Vietnamese documents use: dashes, quotes, ellipsis, bullet, numero. */
export const PUNCTUATION: readonly string[] = [
  '–',
  '—',
  '‘',
  '’',
  '‚',
  '“',
  '”',
  '„',
  '…',
  '•',
  '′',
  '″',
  '€',
  '№',
  '−',
  '≤',
  '≥',
  '×',
];

/** The whole set, in code point order, as one string. */
export const JOURNAL_CHARSET: string = [
  ...new Set([...ASCII, ...LATIN_1, ...VIETNAMESE_NON_ASCII, ...PUNCTUATION]),
]
  .sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)
  .join('');

/** Characters of `text` (NFC) that are not in `available`, each once, in order of appearance; line breaks and tabs are allowed. */
export function missingCharacters(text: string, available: ReadonlySet<number>): string[] {
  const missing = new Set<string>();
  for (const char of text.normalize('NFC')) {
    if (char === '\n' || char === '\r' || char === '\t') continue;
    if (!available.has(char.codePointAt(0)!)) missing.add(char);
  }
  return [...missing];
}

/** "U+1EA0 (Ạ)": how a message names a character. */
export const describeCharacter = (char: string): string =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} (${char})`;
