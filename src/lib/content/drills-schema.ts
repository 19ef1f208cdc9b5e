/**
 * Schema of a training drill (content/drills/<id>.mdx, frontmatter), after FEMA's HSEEP:
 * objectives → scenario → injects on a timeline (MSEL) → expected actions (trainer only)
 * → evaluation → hot wash. The file name is the drill's id and URL segment; the MDX body
 * holds the facilitator's notes, shown on the trainer view only. Cross-references (roles,
 * eIds, flow nodes) are checked by src/lib/drills/rules.ts.
 */
import { z } from 'zod';
import { cites, readingRef, slug, text } from './fields.ts';

/** A statement of the handbook's own, with the provisions it rests on. */
const citedText = z.strictObject({
  text,
  cites,
});

/** "08:15": the scenario clock. Quoted in YAML, so that no parser reads it as a number. */
const clock = z.string().regex(/^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time of day written "hh:mm", e.g. "08:15", in quotes');

const optionSchema = z.strictObject({
  /** Stable id of the option (stored answers refer to it), e.g. "bao-cao". */
  id: slug,
  text,
});

/** What a player of a role is expected to do on an inject: trainer view only, never on the trainee page. */
const expectedActionSchema = z.strictObject({
  role: slug,
  /** The handbook's wording; the cited text must name the role. */
  action: text.refine((value) => value.length <= 240, 'must be at most 240 characters: one or two short sentences'),
  cites,
});

/**
 * How many options to choose: the drill page and the practice questions add it after an
 * inject's question (one source for both), so the question itself must not say it again.
 */
export const CHOOSE_ALL = 'Chọn mọi đáp án đúng.';
export const CHOOSE_ONE = 'Chọn một đáp án.';
const SAYS_HOW_MANY = /chọn (mọi|một|các|tất cả)( các)? đáp án/iu;

/** One inject: a message delivered at a scenario time to one role, with a question the text settles. */
export const injectSchema = z.strictObject({
  /** Unique within the drill; stored answers and evaluations refer to it. */
  id: slug,
  time: clock,
  /** The role the message is addressed to (one of the drill's roles). */
  to: slug,
  /** What happens or what the player is told, in scenario terms. */
  message: text,
  /** One question whose answer Article 7 settles. */
  question: text.refine(
    (value) => !SAYS_HOW_MANY.test(value),
    `must not say how many options to choose: the page and the practice questions add «${CHOOSE_ALL}» or «${CHOOSE_ONE}»`,
  ),
  options: z.array(optionSchema).min(2, 'a question needs at least two options').max(5, 'must have at most 5 options'),
  /** Ids of the right options (several where the question says "chọn mọi đáp án đúng"). */
  correct: z.array(slug).min(1, 'must name at least one correct option'),
  /** Why, in the handbook's words, quoting the law in quotation marks; the page shows the cited text. */
  explanation: text,
  cites,
  /** Where the answer rests on a reading of the handbook's (content/readings.yaml). */
  reading: readingRef.optional(),
  /** The flow step the inject exercises, where one fits. */
  flowNode: z.strictObject({ flow: slug, node: slug }).optional(),
  /** Expected actions per role (HSEEP): for the trainer and the evaluation sheet. */
  expected: z.array(expectedActionSchema).min(1, 'must give at least one expected action'),
});

export const drillSchema = z.strictObject({
  /** Short: the trainer view and the cards put it in their page titles too. */
  title: text.refine((value) => value.length <= 40, 'must be at most 40 characters: page titles carry it'),
  /** Place in the list of drills (ties: by title). */
  order: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
  /** One sentence for the list of drills. */
  summary: text,
  /** Roles that play (roles.yaml). */
  roles: z.array(slug).min(1, 'must name at least one role'),
  /** Planned length of the session, in minutes. */
  duration: z.number().int('must be a whole number of minutes').min(5, 'must be at least 5 minutes').max(480, 'must be at most 480 minutes'),
  /** What the drill trains, each citing the points it rests on. */
  objectives: z.array(citedText).min(1, 'must state at least one objective'),
  /** The starting situation, one paragraph per item. */
  scenario: z.array(text).min(1, 'must have at least one paragraph'),
  injects: z.array(injectSchema).min(1, 'a drill needs at least one inject'),
  /** Hot-wash questions of this drill, besides the handbook's general ones. */
  hotWash: z.array(text).optional(),
  /** The handbook's readings the drill rests on (content/readings.yaml). */
  readings: z.array(readingRef).min(1).optional(),
  /** What Article 7 leaves open in this scenario, said plainly. */
  silences: z.array(citedText).optional(),
  /** When the handbook team last reviewed the drill (MDX frontmatter may parse it as a Date). */
  reviewedOn: z.union([
    z.iso.date('must be a date written yyyy-mm-dd'),
    z.date().transform((date) => date.toISOString().slice(0, 10)),
  ]),
});

export type Drill = z.infer<typeof drillSchema>;
export type Inject = z.infer<typeof injectSchema>;
