/** Vietnamese text helpers shared by content checks, pages and scripts. */

/** Unicode NFC: the only form the handbook stores and compares. */
export const nfc = (text: string): string => text.normalize('NFC');

/** Collapses runs of white space and trims; used where the source's line breaks do not matter. */
export const squashSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The comparison form for verbatim checks: NFC, single spaces. */
export const canonical = (text: string): string => squashSpace(nfc(text));

// Made on first use: building ICU's Vietnamese collator costs ~20 ms of main thread (80 ms on
// a 4x slower CPU), and every page that imports this module for another helper paid it on load.
let collator: Intl.Collator | undefined;
/** Sorts by Vietnamese alphabetical order (ă after a, đ after d…). */
export const compareVi = (a: string, b: string): number =>
  (collator ??= new Intl.Collator('vi', { sensitivity: 'base' })).compare(a, b);

/** dd/mm/yyyy from an ISO date (yyyy-mm-dd), the way Vietnamese documents write dates. */
export function formatDateVi(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Not an ISO date (yyyy-mm-dd): ${JSON.stringify(isoDate)}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** Capitalises the first letter only (Vietnamese labels start lower-case in running text). */
export const upperFirst = (text: string): string =>
  text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
