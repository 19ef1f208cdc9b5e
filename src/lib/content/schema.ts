/**
 * The one schema module for the handbook's content. Imported by the build gate
 * (astro.config.mjs), src/content.config.ts, the pages (through load.ts) and the scripts.
 * Objects are strict: a misspelt field is an error, never silently ignored.
 */
import { z } from 'zod';
import { carries, cites, eId, readingRef, slug, text } from './fields.ts';

export { carries, cites, eId, readingRef, slug, text } from './fields.ts';
export * from './flows-schema.ts';
export * from './drills-schema.ts';

const isoDate = z.iso.date('must be a date written yyyy-mm-dd');

/** Where the quoted law comes from (content/sources/sources.yaml). */
export const sourceSchema = z.strictObject({
  id: slug,
  /** File name beside sources.yaml holding a byte-for-byte copy of the source. */
  file: z.string().regex(/^[\w.-]+\.txt$/, 'must be a .txt file name'),
  /** SHA-256 of that file, so the copy cannot drift. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  kind: z.enum(['hoi-dap', 'van-ban']),
  title: text,
  publisher: text,
  askedOn: isoDate,
  /** The eId of the provision it quotes. */
  quotes: eId,
  /** The first and last words of the law inside the source. */
  law: z.strictObject({ from: text, to: text }),
  disclaimer: text,
});

/** A legal instrument, as metadata only. */
export const instrumentSchema = z.strictObject({
  id: slug,
  kind: text,
  number: text,
  year: z.number().int().min(1945).max(2100),
  issuedOn: isoDate.nullable(),
  /** The day it took effect, where the handbook states it. */
  inForceFrom: isoDate.optional(),
  /** Who issued it, where the handbook states it. */
  issuer: text.optional(),
  title: text,
  attachment: text.optional(),
  status: z.strictObject({
    /** Never "in force" unless someone has checked: the source cannot tell. */
    value: z.enum(['chua-xac-minh', 'con-hieu-luc', 'het-hieu-luc', 'da-sua-doi']),
    textDate: isoDate.nullable(),
    lastVerified: isoDate.nullable(),
    note: text,
  }),
  mentionedIn: z.array(eId).optional(),
  /** Where the handbook infers a fact the source does not state (e.g. the issuer). */
  reading: readingRef.optional(),
  /**
   * A notice the handbook tells its readers because of this instrument (the reorganisation of
   * 2025): one text, shown on every page that meets the names it concerns (OrgNotice.astro).
   */
  notice: z
    .strictObject({
      /** When the handbook wrote the notice down. */
      recordedOn: isoDate,
      /** One or two sentences, for a page's lead. */
      summary: text,
      /** The whole notice. */
      text,
    })
    .optional(),
});

const pointSchema = z.strictObject({
  num: z.string().regex(/^[a-zđ]$/, 'must be one letter, e.g. "a"'),
  /** The point's text, verbatim. */
  text,
  /** The handbook's editorial notes (never part of the law). */
  notes: z.array(text).optional(),
});

const subparagraphSchema = z.strictObject({
  num: z.string().regex(/^[0-9]+\.[0-9]+$/, 'must be written like "3.1"'),
  heading: text,
  notes: z.array(text).optional(),
  points: z.array(pointSchema).min(1, 'must hold at least one point'),
});

const paragraphSchema = z
  .strictObject({
    num: z.string().regex(/^[0-9]+$/, 'must be a clause number, e.g. "1"'),
    heading: text,
    notes: z.array(text).optional(),
    points: z.array(pointSchema).min(1).optional(),
    subparagraphs: z.array(subparagraphSchema).min(1).optional(),
  })
  .refine((para) => Boolean(para.points) !== Boolean(para.subparagraphs), {
    message: 'must have either points or subparagraphs (not both, not neither)',
  });

/** An article quoted verbatim (content/articles/*.yaml). */
export const articleSchema = z.strictObject({
  num: z.string().regex(/^[0-9]+[a-z]?$/, 'must be an article number, e.g. "7"'),
  heading: text.optional(),
  instrument: slug,
  source: slug,
  notes: z.array(text).optional(),
  paragraphs: z.array(paragraphSchema).min(1),
});

/**
 * The relations roles.yaml may state, each named by the law's own words: every point a
 * relation cites holds each of its `words` (checked by the build), so that a heading never
 * says more than the point («Chỉ đạo, phân công» where 3.1 d says only «Phân công»). The
 * headings show the relation from each end of it (src/lib/content/handbook.ts).
 */
export const RELATIONS = {
  'tuan-thu': {
    words: ['tuân thủ sự chỉ đạo, phân công của'],
    outgoing: 'Nhận chỉ đạo, phân công của',
    incoming: 'Chỉ đạo, phân công',
  },
  'theo-doi-chi-dao': { words: ['theo dõi chỉ đạo của'], outgoing: 'Theo dõi chỉ đạo của' },
  'chi-dao-phan-cong': {
    words: ['phân công', 'chỉ đạo'],
    outgoing: 'Chỉ đạo, phân công',
    incoming: 'Nhận chỉ đạo, phân công của',
  },
  'chi-dao': { words: ['chỉ đạo'], outgoing: 'Chỉ đạo', incoming: 'Nhận chỉ đạo của' },
  'phan-cong': { words: ['phân công'], outgoing: 'Phân công', incoming: 'Nhận phân công của' },
  'phoi-hop': { words: ['phối hợp'], outgoing: 'Phối hợp với', incoming: 'Phối hợp với' },
  'bao-cao-de-xuat': {
    words: ['báo cáo, đề xuất'],
    outgoing: 'Báo cáo, đề xuất lên',
    incoming: 'Nhận báo cáo, đề xuất của',
  },
  'bao-cao': { words: ['báo cáo'], outgoing: 'Báo cáo', incoming: 'Nhận báo cáo của' },
  'can-dong-y-phe-duyet': {
    words: ['chỉ thực hiện khi có sự đồng ý, phê duyệt của'],
    outgoing: 'Chỉ thực hiện khi có sự đồng ý, phê duyệt của',
    incoming: 'Đồng ý, phê duyệt cho',
  },
  'can-phe-duyet': {
    words: ['sau khi được sự phê duyệt của'],
    outgoing: 'Cần sự phê duyệt của',
    incoming: 'Phê duyệt cho',
  },
  'can-dong-y': {
    words: ['chỉ thực hiện khi có sự đồng ý của'],
    outgoing: 'Chỉ thực hiện khi có sự đồng ý của',
    incoming: 'Đồng ý cho',
  },
} as const satisfies Record<string, { words: readonly string[]; outgoing: string; incoming?: string }>;

export const relationKinds = Object.keys(RELATIONS) as [keyof typeof RELATIONS, ...(keyof typeof RELATIONS)[]];

const silenceSchema = z.strictObject({
  /** What the text does not settle, in the handbook's words. */
  text,
  cites,
});

/** A role or actor the text names (content/roles.yaml). */
export const roleSchema = z.strictObject({
  id: slug,
  name: text,
  shortName: text.optional(),
  /** The clause or sub-clause whose points are this role's duties; absent for actors without duties. */
  holds: eId.optional(),
  summary: text.optional(),
  relations: z
    .array(
      z.strictObject({
        kind: z.enum(relationKinds),
        target: slug,
        cites,
        note: text.optional(),
        /** Where the relation is the handbook's reading of what the text leaves open. */
        reading: readingRef.optional(),
      }),
    )
    .optional(),
  silences: z.array(silenceSchema).optional(),
  /** For actors without duties: where the text names them. */
  mentionedIn: z.array(eId).min(1).optional(),
  /**
   * Roles this one is one of (the Trưởng phòng is one of the lãnh đạo phòng): where the law
   * names the group, it may mean this role. Generated questions never grade it wrong there.
   */
  within: z.array(slug).min(1).optional(),
});

/** A pause point of the shift (content/moments.yaml). */
export const momentSchema = z.strictObject({
  id: slug,
  name: text,
  description: text,
  /**
   * The law's words that name this moment («khi có thông tin, tình huống phát sinh»): an item
   * whose carried words hold them is filed under it, so that like items are grouped alike.
   */
  words: text.optional(),
});

/** The role checklists as a whole (content/checklists.yaml). */
export const checklistsSchema = z.strictObject({
  /** When the handbook team last revised the items, their wording or grouping; printed on every checklist. */
  revised: isoDate,
  /**
   * The law's words that make a duty wait for something to arise («khi có thông tin, tình huống
   * phát sinh», «phát hiện» …), each verbatim in a point its reading cites, and that reading: an
   * item whose point says one of them before its carried words end (arising.ts) can be marked
   * «không phát sinh trong ca».
   */
  notArising: z
    .strictObject({
      reading: readingRef,
      words: z.array(text).min(1, 'must list the words of the law that make a duty wait for something to arise'),
    })
    .optional(),
  /**
   * Matters followed («việc đang theo dõi», src/lib/checklist/matters.ts): a journal entry kept
   * open, closed with its result, handed over to the next shift; the handbook's reading that
   * lets them (the law gives no handover).
   */
  followUp: z.strictObject({ reading: readingRef }).optional(),
  /**
   * Points that no checklist carries in full, each with the words left out (verbatim, as
   * the build reports them) and why. Without such a note a partly carried point fails the build.
   */
  partlyCarried: z
    .array(
      z.strictObject({
        point: eId,
        uncarried: z.array(text).min(1, 'must list the words of the point that no item carries'),
        note: text,
      }),
    )
    .optional(),
});

/**
 * A reading of the handbook's (content/readings.yaml): where the handbook assigns or orders
 * what the text leaves open. Stated once here; statements refer to it by id, and every page
 * shows it the same way, under "Cách hiểu của sổ tay".
 */
export const readingSchema = z.strictObject({
  id: slug,
  text,
  cites,
  /**
   * What the reading settles, where a generated question's answer rests on it: who does the
   * cited words (`actor`), whose consent they wait for (`approver`), or the handbook's own
   * arrangement (`layout`: the order of a flow's steps, or the moments of a shift).
   */
  gives: z
    .strictObject({
      actor: slug.optional(),
      approver: slug.optional(),
      layout: z.enum(['order', 'moments']).optional(),
    })
    .refine((gives) => Object.keys(gives).length === 1, 'must give exactly one of: actor, approver, layout')
    .optional(),
});

/** A few of a point's own words that name it (content/point-words.yaml): verbatim, checked. */
export const pointWordsSchema = z.strictObject({
  point: eId,
  words: text,
});

/** A checklist item derived from one point (content/duties/*.yaml). */
export const dutySchema = z.strictObject({
  /** The point this item carries out; its eId is the item's id (plus the suffix). */
  point: eId,
  /** Set where one point yields several items. */
  suffix: slug.optional(),
  role: slug,
  moments: z.array(slug).min(1, 'must name at least one moment'),
  /**
   * The handbook's short, verb-first wording; the law is the cited point. At most 200 characters,
   * as a flow step's: room for a duty's condition and purpose (1 b's report «để … Tổng cục trưởng
   * chỉ đạo …») where leaving them out would change it.
   */
  action: text.refine((value) => value.length <= 200, 'must be at most 200 characters: one verb-first line'),
  /** The words of the point this item carries out, verbatim. */
  carries,
  /** Where the item is the handbook's reading of what the text leaves open. */
  reading: readingRef.optional(),
  approval: z
    .strictObject({
      by: slug,
      note: text.optional(),
    })
    .optional(),
  /** Further provisions the item relies on, besides its point. */
  alsoCites: z.array(eId).optional(),
});

/** The item id of a duty: its point's eId, plus "--suffix" where one point yields several items. */
export const dutyItemId = (duty: { point: string; suffix?: string | undefined }): string =>
  duty.suffix ? `${duty.point}--${duty.suffix}` : duty.point;

/** Prose pages written in MDX (content/pages/*.mdx), rendered by Astro. */
export const pageSchema = z.strictObject({
  title: text,
  description: text,
  /** When the handbook team last reviewed the page (MDX frontmatter parses it as a Date). */
  reviewedOn: z.union([isoDate, z.date().transform((date) => date.toISOString().slice(0, 10))]),
});

export type Source = z.infer<typeof sourceSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
export type Article = z.infer<typeof articleSchema>;
export type Role = z.infer<typeof roleSchema>;
export type RelationKind = (typeof relationKinds)[number];
export type Moment = z.infer<typeof momentSchema>;
export type Duty = z.infer<typeof dutySchema>;
export type Checklists = z.infer<typeof checklistsSchema>;
export type Reading = z.infer<typeof readingSchema>;
export type PointWords = z.infer<typeof pointWordsSchema>;

export * from './forms-schema.ts';
