/**
 * What goes into the journal must be printable in its font: notes, names, entries. Apart from
 * state.ts because the font's character list is needed only once text is typed, so a role
 * page loads it then, not on first paint (docs/DESIGN.md, «Islands»).
 */
import { JOURNAL_CHARSET, missingCharacters } from '../journal/charset.ts';
import { LIMITS, type Store } from './schema.ts';
import { ChecklistError, updateItem } from './state.ts';

const FONT = new Set([...JOURNAL_CHARSET].map((char) => char.codePointAt(0)!));

/** Characters of `text` the journal's font cannot show: text the journal would print must have none. */
export const unprintable = (text: string): string[] => missingCharacters(text, FONT);

/** Throws, naming the field, when text that goes into the journal is too long or has characters its font lacks. */
export function checkPrintable(label: string, field: string, value: string, max: number): void {
  if (value.length > max)
    throw new ChecklistError(
      `${label}: tối đa ${max} ký tự (đang có ${value.length}); hãy viết gọn lại.`,
      field,
    );
  const missing = unprintable(value);
  if (missing.length > 0) {
    throw new ChecklistError(
      `${label}: phông chữ của nhật ký không có ${missing.map((char) => `«${char}»`).join(', ')}; hãy bỏ hoặc thay các ký tự này.`,
      field,
    );
  }
}

/**
 * Sets an item's note as typed (NFC); an empty or blank note removes it. A ticked item's
 * note goes into the journal, so it must be printable.
 */
export function setNote(store: Store, itemId: string, note: string, now: Date): Store {
  const value = note.normalize('NFC');
  checkPrintable('Ghi chú', 'note', value, LIMITS.note);
  return updateItem(store, itemId, 'note', now, (item) => {
    if (value.trim() === '') delete item.note;
    else item.note = value;
    return item;
  });
}
