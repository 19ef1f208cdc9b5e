/**
 * Schema of content/forms/*.yaml: the layout of a printable form as data. The source
 * gives what the duty journal (Phụ lục I) records (point 2 d), not its official layout,
 * so every element says where it comes from: the words of point 2 d or 1 e it carries
 * (`quote`), or, where the text is silent, that it is the handbook's layout choice
 * (`layoutChoice`, with the reason). An agency changes the layout by editing the YAML
 * alone. Re-exported by schema.ts; it imports nothing from there (no import cycle).
 */
import { z } from 'zod';
import { isEId } from '../law/eid.ts';

/** The two points about the journal: 2 d (what it records, "theo mẫu Phụ lục I") and 1 e (who directs it). */
export const JOURNAL_PROVISIONS = ['art_7__para_2__point_d', 'art_7__para_1__point_e'] as const;

const formText = z
  .string()
  .min(1, 'must not be empty')
  .refine((value) => value === value.normalize('NFC'), 'must be Unicode NFC (composed) text');

const journalCites = z
  .array(
    z
      .string()
      .refine(isEId, 'must be a provision eId such as "art_7__para_2__point_d"')
      .refine(
        (value) => (JOURNAL_PROVISIONS as readonly string[]).includes(value),
        'must be point 2 d (art_7__para_2__point_d) or 1 e (art_7__para_1__point_e): the points about the journal',
      ),
  )
  .min(1, 'must cite point 2 d or 1 e');

/**
 * Where an element of the form comes from: the cited point's own words, or the handbook's
 * layout choice. A layout choice cites the point it adds to, or nothing where Article 7 says
 * nothing of it at all (who signs): a citation there would read as the law's requirement.
 */
export const formBasisSchema = z
  .strictObject({
    /** Point 2 d and/or 1 e: required with `quote`. */
    cites: journalCites.optional(),
    /** Words of the first cited point, verbatim, that this element records. */
    quote: formText.optional(),
    /** Where the text is silent: why the handbook lays the form out this way. */
    layoutChoice: formText.optional(),
  })
  .refine((basis) => (basis.quote === undefined) !== (basis.layoutChoice === undefined), {
    message: 'must have either "quote" (the words of the cited point) or "layoutChoice" (the text is silent), not both',
  })
  .refine((basis) => basis.quote === undefined || basis.cites !== undefined, {
    message: 'must cite the point whose words "quote" gives',
    path: ['cites'],
  });

/** A field name part: lower-case ASCII with underscores, e.g. "noi_dung". */
const fieldId = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case ASCII letters, digits and "_", e.g. "noi_dung"')
  .refine((value) => !/^(p|r)[0-9]+$/.test(value), 'must not look like a page or row part ("p1", "r03")');

/** What a command-line or browser option fills in a header field. */
export const prefillKinds = ['unit', 'date', 'shiftStart', 'shiftEnd'] as const;

/**
 * The parts of a journal entry kept with a shift run (src/lib/checklist/entries.ts),
 * which a column may take: time, content (with its kind), direction given, who was
 * informed, result.
 */
export const entryParts = ['time', 'content', 'direction', 'informed', 'result'] as const;

const textFieldSchema = z.strictObject({
  /** The field's name in the PDF. */
  id: fieldId,
  /** Printed before the box, e.g. "Ngày:"; absent where the box stands alone. */
  label: formText.optional(),
  /** Read by screen readers (/TU) and shown as a tooltip. */
  tooltip: formText,
  /** Width of the box in points. */
  width: z.number().positive().max(800),
  /** Which option fills it, if any. */
  prefill: z.enum(prefillKinds).optional(),
  /** Text the field holds when no option fills it (e.g. an agency's own unit name); absent: blank. */
  default: formText.optional(),
  /** A role id: a shift run of this role's checklist puts its officer's name here. */
  holder: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a role id such as "lanh-dao-ca-truc"').optional(),
  basis: formBasisSchema,
});

const agencyLineSchema = z.union([
  z.strictObject({
    /** The line as printed; with `prefill: agency`, the default that --agency and the page's field replace. */
    text: formText,
    prefill: z.literal('agency').optional(),
    basis: formBasisSchema,
  }),
  z.strictObject({ field: textFieldSchema }),
]);

const columnSchema = z.strictObject({
  id: fieldId,
  heading: formText,
  /** Share of the table's width, relative to the other columns. */
  width: z.number().positive(),
  /** Read by screen readers, after "Trang n, dòng m:". */
  tooltip: formText,
  /** Whether the cell holds several lines (all but short entries such as times). */
  multiline: z.boolean(),
  /** Which part of a journal entry from a shift run fills this column; absent for none. */
  fills: z.enum(entryParts).optional(),
  basis: formBasisSchema,
});

const margin = z.number().min(0).max(200);

/** content/forms/phu-luc-1.yaml: the duty journal. */
export const journalFormSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens'),
  /** The form's name in running text, e.g. "Nhật ký trực ban". */
  name: formText,
  /** What the page says about where the layout comes from. */
  notice: formText,
  /** The provision naming the official form ("theo mẫu Phụ lục I"). */
  refersTo: z.literal('art_7__para_2__point_d'),
  page: z.strictObject({
    size: z.enum(['A4', 'A3']),
    orientation: z.enum(['portrait', 'landscape']),
    margins: z.strictObject({ top: margin, right: margin, bottom: margin, left: margin }),
  }),
  /** Type sizes in points. */
  type: z.strictObject({
    title: z.number().min(6).max(30),
    heading: z.number().min(5).max(20),
    body: z.number().min(5).max(20),
    field: z.number().min(5).max(20),
    small: z.number().min(5).max(20),
  }),
  header: z.strictObject({
    /**
     * Top left: the agency, one line each (text, or a field to fill), set as Nghị định
     * 30/2020/NĐ-CP sets it: text lines in capitals, field lines (the unit) in bold
     * capitals, a short rule centred below.
     */
    agency: z
      .array(agencyLineSchema)
      .min(1)
      .max(3)
      .refine((lines) => lines.filter((line) => 'text' in line && line.prefill === 'agency').length <= 1, 'must mark one line at most with "prefill: agency"'),
    /** Top right: the national motto, as Nghị định 30/2020/NĐ-CP lays it out. */
    motto: z.strictObject({ lines: z.array(formText).min(1).max(2), basis: formBasisSchema }),
    title: z.strictObject({ text: formText, basis: formBasisSchema }),
  }),
  /** Header fields, line by line; each line is laid out left to right. */
  fields: z.array(z.array(textFieldSchema).min(1)).min(1).max(4),
  table: z.strictObject({
    rowsPerPage: z.number().int().min(1).max(40),
    /** Points; room for two lines of field text. */
    rowHeight: z.number().min(12).max(120),
    headerHeight: z.number().min(12).max(120),
    columns: z
      .array(columnSchema)
      .min(2)
      .max(8)
      .refine(
        (columns) => new Set(columns.flatMap((c) => (c.fills ? [c.fills] : []))).size === columns.filter((c) => c.fills).length,
        'must give each part of an entry ("fills") to one column at most',
      ),
  }),
  signature: z.strictObject({
    signers: z.array(z.strictObject({ title: formText, hint: formText })).min(1).max(4),
    /** Room left for the handwritten signature, in points. */
    space: z.number().min(0).max(200),
    basis: formBasisSchema,
  }),
  footer: z.strictObject({
    /** "{page}" and "{pages}" are replaced. */
    pageNumber: formText.refine((value) => value.includes('{page}'), 'must contain "{page}"'),
    /** After the page number in a file of several days: the page's place in the file ("{page}", "{pages}" replaced). */
    filePageNumber: formText.refine((value) => value.includes('{page}'), 'must contain "{page}"').optional(),
    /** A line at the foot of each page saying where the layout comes from; absent for none. */
    note: formText.optional(),
  }),
});

export type FormBasis = z.infer<typeof formBasisSchema>;
export type JournalForm = z.infer<typeof journalFormSchema>;
export type PrefillKind = (typeof prefillKinds)[number];
export type EntryPart = (typeof entryParts)[number];
