/**
 * Schema of a decision flow (content/flows/<id>.yaml): routing only, after
 * alphagov/smart-answers — question nodes (options → next node), step nodes (who does
 * what, citing the law) and outcome nodes. The graph rules (reachability, no cycles,
 * every path ends at an outcome, references resolve) live in src/lib/flows/graph.ts.
 */
import { z } from 'zod';
import { carries, cites, readingRef, slug, text } from './fields.ts';

/** A line of the handbook's own, with the provisions it rests on. */
const citedText = z.strictObject({
  text,
  cites,
});

/** Someone does something the text gives them to do. */
const stepNodeSchema = z.strictObject({
  id: slug,
  kind: z.literal('step'),
  /** The role that acts (roles.yaml); the cited text must name it. */
  actor: slug,
  /** Roles the cited text says the actor works with ("phối hợp …"). */
  with: z.array(slug).min(1).optional(),
  /** The handbook's verb-first wording of the step; the law is in `cites`. */
  action: text.refine((value) => value.length <= 200, 'must be at most 200 characters: one short, verb-first sentence'),
  /** The step's label in the overview diagram. */
  short: text.refine((value) => value.length <= 60, 'must be at most 60 characters: it labels a box in the diagram'),
  cites,
  /** The words of the cited points this step carries out, verbatim. */
  carries,
  /** Where the step is the handbook's reading of what the text leaves open. */
  reading: readingRef.optional(),
  /** What the text leaves open about this step, said plainly. */
  notes: z.array(citedText).min(1).optional(),
  next: slug,
});

const optionSchema = z.strictObject({
  /** The answer's segment in the URL, e.g. "co" in /quy-trinh/…/bat-dau/co/. */
  id: slug,
  label: text,
  /** The answer's label on the arrow in the overview diagram; `label` when absent. */
  short: text.refine((value) => value.length <= 24, 'must be at most 24 characters: it labels an arrow in the diagram').optional(),
  next: slug,
});

/** A decision the text supports: within office hours? approved? a violation? */
const questionNodeSchema = z.strictObject({
  id: slug,
  kind: z.literal('question'),
  question: text,
  hint: text.optional(),
  /** The diagram label and the page's <title>. */
  short: text.refine((value) => value.length <= 52, 'must be at most 52 characters: it labels a box in the diagram and titles the page'),
  /** The role whose decision this is, where the text names one (e.g. the approver). */
  decidedBy: slug.optional(),
  /** Where the text makes this a decision. */
  cites,
  /** Where who decides, or what is asked, is the handbook's reading. */
  reading: readingRef.optional(),
  options: z.array(optionSchema).min(2, 'a question needs at least two answers'),
});

/** Where a path ends. When the text does not settle what follows, `silence` says so. */
const outcomeNodeSchema = z.strictObject({
  id: slug,
  kind: z.literal('outcome'),
  /** Heading and <title> of the result page. */
  title: text.refine((value) => value.length <= 52, 'must be at most 52 characters: it titles the result page'),
  summary: text,
  cites,
  reading: readingRef.optional(),
  /** What Article 7 does not say about what happens next. */
  silence: citedText.optional(),
});

export const flowNodeKinds = ['step', 'question', 'outcome'] as const;

export const flowNodeSchema = z.discriminatedUnion('kind', [stepNodeSchema, questionNodeSchema, outcomeNodeSchema], {
  error: (issue) =>
    issue.code === 'invalid_union' && issue.note === 'No matching discriminator'
      ? `is one of ${flowNodeKinds.map((k) => `"${k}"`).join(', ')}`
      : undefined,
});

/** One flow, one file: content/flows/<id>.yaml. */
export const flowSchema = z.strictObject({
  /** The flow's URL segment: /quy-trinh/<id>/. Must match the file name. */
  id: slug,
  /** Heading and <title> of the flow's page (≤ 52 so that the page title stays within 70). */
  title: text.refine((value) => value.length <= 52, 'must be at most 52 characters: it titles the page'),
  /** A few words for tight places: the annex's <title>, backlinks. */
  shortTitle: text.refine((value) => value.length <= 30, 'must be at most 30 characters'),
  /** One or two sentences: when to use this flow. */
  summary: text,
  /** The moment of the shift it belongs to (moments.yaml). */
  moment: slug,
  /** What the handbook assumed in putting the steps in order, and what the text leaves open. */
  notes: z.array(citedText).optional(),
  /** The handbook's readings the whole flow rests on (content/readings.yaml). */
  readings: z.array(readingRef).min(1).optional(),
  /** The id of the first node. */
  start: slug,
  nodes: z.array(flowNodeSchema).min(1, 'a flow needs at least one node'),
});

export type Flow = z.infer<typeof flowSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type StepNode = z.infer<typeof stepNodeSchema>;
export type QuestionNode = z.infer<typeof questionNodeSchema>;
export type OutcomeNode = z.infer<typeof outcomeNodeSchema>;
export type FlowOption = z.infer<typeof optionSchema>;
