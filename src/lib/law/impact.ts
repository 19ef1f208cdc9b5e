/**
 * What in the handbook a changed or removed point touches: the checklist items and flow
 * nodes of the handbook's own citation index (`usesOf`, the article page's backlinks), the
 * drill injects and generated practice questions that cite it, the readings resting on it,
 * and the spans (`carries:`) that would no longer be verbatim parts of the law, found with
 * the build's own matching (spans.ts). A citation of a whole clause or article is not a
 * citation of each of its points, as elsewhere in the handbook.
 */
import type { Handbook } from '../content/handbook.ts';
import { textsOf } from '../content/law-gates.ts';
import { contains, uncarried } from '../content/spans.ts';
import type { DrillWithId } from '../drills/model.ts';
import type { Question } from '../learning/questions.ts';
import { isWithin } from './eid.ts';
import type { Provision } from './provisions.ts';

/** The handbook as the review needs it: its index, its drills and the questions it generates. */
export interface ReviewContext {
  handbook: Handbook;
  drills: readonly DrillWithId[];
  questions: readonly Question[];
}

export interface ItemUse {
  id: string;
  role: string;
  roleName: string;
  action: string;
}
export interface NodeUse {
  flow: string;
  flowTitle: string;
  node: string;
  /** The node's number in the flow's reading order, as its pages show it. */
  number: number;
  kind: 'step' | 'question' | 'outcome';
  /** A step's action, a question, an outcome's title: the handbook's own words. */
  text: string;
}
export interface InjectUse {
  drill: string;
  drillTitle: string;
  inject: string;
  time: string;
  question: string;
}
export interface BrokenSpan {
  /** The checklist item's id, or "flow/node" for a flow step. */
  owner: string;
  kind: 'item' | 'step';
  span: string;
}

export interface Impact {
  items: ItemUse[];
  nodes: NodeUse[];
  injects: InjectUse[];
  questions: Pick<Question, 'id' | 'kind' | 'prompt' | 'subject'>[];
  readings: { id: string; text: string }[];
  /** Spans that matched the stored text and match none of the texts they are checked against now. */
  brokenSpans: BrokenSpan[];
  /** Words of the new text no checklist item carries that were carried (or absent) before. */
  newlyUncarried: string[];
}

/** Everything that cites `eId`, in the handbook's orders (items, flows, drills, questions, readings). */
export function usesOfPoint(
  eId: string,
  context: ReviewContext,
): Omit<Impact, 'brokenSpans' | 'newlyUncarried'> {
  const { handbook, drills, questions } = context;
  const uses = handbook.usesOf(eId);
  const items = uses.flatMap((use) => {
    const duty = use.item ? handbook.duties.find((d) => d.id === use.item) : undefined;
    return duty
      ? [
          {
            id: duty.id,
            role: duty.role,
            roleName: handbook.role(duty.role).name,
            action: duty.action,
          },
        ]
      : [];
  });
  const nodes = uses.flatMap((use): NodeUse[] => {
    if (!use.flow || !use.node) return [];
    const flow = handbook.flow(use.flow);
    const node = flow.node(use.node);
    const text =
      node.kind === 'step' ? node.action : node.kind === 'question' ? node.question : node.title;
    return [
      {
        flow: flow.id,
        flowTitle: flow.title,
        node: node.id,
        number: flow.number(node.id),
        kind: node.kind,
        text,
      },
    ];
  });
  const injects = drills.flatMap((drill) =>
    drill.injects
      .filter((inject) => inject.cites.includes(eId))
      .map((inject) => ({
        drill: drill.id,
        drillTitle: drill.title,
        inject: inject.id,
        time: inject.time,
        question: inject.question,
      })),
  );
  return {
    items,
    nodes,
    injects,
    questions: questions
      .filter((q) => q.cites.includes(eId))
      .map(({ id, kind, prompt, subject }) => ({
        id,
        kind,
        prompt,
        ...(subject ? { subject } : {}),
      })),
    readings: handbook.readings
      .filter((r) => r.cites.includes(eId))
      .map(({ id, text }) => ({ id, text })),
  };
}

/**
 * What a new text of `eId` (undefined: the point is removed) does to the handbook. `now` is
 * every provision as it would be: the published articles in place of the stored ones.
 */
export function impactOf(
  eId: string,
  context: ReviewContext,
  now: ReadonlyMap<string, Provision>,
): Impact {
  const { handbook } = context;
  const before = handbook.provision(eId).text ?? '';
  const after = now.get(eId)?.text;
  const brokenSpans: BrokenSpan[] = [];

  const duties = handbook.duties.filter((d) => d.point === eId);
  for (const duty of duties) {
    for (const span of duty.carries) {
      if (after === undefined || !contains(after, span))
        brokenSpans.push({ owner: duty.id, kind: 'item', span });
    }
  }
  for (const flow of handbook.flows) {
    for (const step of flow.steps) {
      if (!step.cites.some((cite) => isWithin(eId, cite))) continue;
      const texts = step.cites.flatMap((cite) => textsOf(now, cite));
      for (const span of step.carries) {
        // A span of this point (it matched its stored text) that matches no cited text now.
        if (contains(before, span) && !texts.some((text) => contains(text, span))) {
          brokenSpans.push({ owner: `${flow.id}/${step.id}`, kind: 'step', span });
        }
      }
    }
  }

  const spans = duties.flatMap((d) => d.carries);
  const left =
    after === undefined
      ? []
      : uncarried(
          after,
          spans.filter((s) => contains(after, s)),
        );
  const leftBefore = new Set(
    uncarried(
      before,
      spans.filter((s) => contains(before, s)),
    ),
  );
  return {
    ...usesOfPoint(eId, context),
    brokenSpans,
    newlyUncarried: left.filter((words) => !leftBefore.has(words)),
  };
}
