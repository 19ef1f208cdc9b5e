/**
 * The heading of a document the handbook issues (the after-action report; the duty journal
 * sets the same one in its own layout), as Nghị định 30/2020/NĐ-CP sets it: top left the body
 * above in capitals and the issuing unit in bold capitals, a short rule under them; top right
 * the national motto, its last line underlined, and under it the place and date line. The words
 * come from the duty journal's form (content/forms/phu-luc-1.yaml): one source for every
 * document, so that a change of the organisation there reaches all of them. The agency and the
 * unit can be changed where a document is made; a line left empty is a line to write on.
 */
import type { JournalForm } from '../content/forms-schema.ts';
import { canonical } from '../vi.ts';

/** Which line a person may change: the body above (`agency`), the issuing unit (`unit`). */
export type HeadingKey = 'agency' | 'unit';

export interface HeadingLine {
  /** As printed: capitals, NFC, single spaces; empty for a line to write on. */
  text: string;
  /** The unit's line is bold. */
  strong: boolean;
  key?: HeadingKey | undefined;
}

export interface DocumentHeading {
  /** Top left, top to bottom. */
  lines: HeadingLine[];
  /** Top right: the national motto, line by line. */
  motto: string[];
}

/** Capitals the way Vietnamese sets them ("đ" → "Đ"), after NFC and space folding. */
export const capitals = (text: string): string => canonical(text).toLocaleUpperCase('vi');

/** The place and date line under the motto, to be filled in by hand when the document is signed. */
export const DATE_LINE = '……………, ngày …… tháng …… năm ……';

/**
 * The heading the journal's form gives, with the agency and unit lines replaced by `values`
 * where given (the form's `prefill: agency` line and its unit field's default otherwise).
 */
export function documentHeading(
  form: Pick<JournalForm, 'header'>,
  values: Partial<Record<HeadingKey, string>> = {},
): DocumentHeading {
  const lines = form.header.agency.map((line): HeadingLine => {
    if ('text' in line) {
      const key = line.prefill === 'agency' ? 'agency' : undefined;
      return { text: capitals((key && values[key]) ?? line.text), strong: false, key };
    }
    const key = line.field.prefill === 'unit' ? 'unit' : undefined;
    return {
      text: capitals((key && values[key]) ?? line.field.default ?? ''),
      strong: true,
      key,
    };
  });
  return { lines, motto: form.header.motto.lines.map(canonical) };
}
