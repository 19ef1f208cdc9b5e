/**
 * The field types every content schema shares. Kept apart from schema.ts so that schema
 * modules split by concern (flows-schema.ts …) can use them while schema.ts re-exports
 * those modules: an import cycle would leave these undefined at load time.
 */
import { z } from 'zod';
import { isEId } from '../law/eid.ts';

/** Text as stored: NFC and non-empty (decomposed input misplaces tone marks). */
export const text = z
  .string()
  .min(1, 'must not be empty')
  .refine((value) => value === value.normalize('NFC'), 'must be Unicode NFC (composed) text');

/** A lower-case, hyphenated id such as "lanh-dao-ca-truc". */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens, e.g. "lanh-dao-ca-truc"');

/** A provision eId such as "art_7__para_3__subpara_1__point_b". */
export const eId = z
  .string()
  .refine(isEId, 'must be a provision eId such as "art_7__para_1__point_a"');

/** Citations: at least one eId. */
export const cites = z.array(eId).min(1, 'must cite at least one provision eId');

/**
 * The exact words of the cited point that a checklist item or flow step carries out:
 * verbatim parts of the law, checked against it on every build (src/lib/content/spans.ts).
 */
export const carries = z.array(text).min(1, 'must name at least one span of the cited point it carries');

/** A reading of the handbook's (content/readings.yaml), by id. */
export const readingRef = slug;
