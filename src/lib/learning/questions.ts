/**
 * Practice questions generated from the content, never written by hand: each kind reads one
 * fact the content states (who holds an item, who approves it, the moment the handbook files
 * it under, the point it carries out, the next step of a flow, a drill inject's answer key).
 * Distractors are other values of the same field elsewhere in the content, never one the
 * law's words allow (approvers: src/lib/content/approval.ts). Each question names the points
 * its feedback quotes and, where the answer rests on a reading of the handbook's
 * (readings.yaml), that reading, which the page shows before the answer. Questions on the
 * handbook's own arrangement (moments, the order of a flow's steps) say so and are marked
 * `layout`: they do not count towards knowing a point. The build holds every question to
 * these rules (question-gate.ts).
 */
import type { Handbook, DutyItem } from '../content/handbook.ts';
import type { Role } from '../content/schema.ts';
import { approvalClause, rolesNamedBy, rolesOfArticle } from '../content/approval.ts';
import type { DrillWithId } from '../drills/model.ts';
import { CHOOSE_ALL } from '../content/drills-schema.ts';
import { itemsTheTextAssigns, quizArticles, quizPool } from '../drills/quiz.ts';
import { parseEId } from '../law/eid.ts';

export const QUESTION_KINDS = [
  'role',
  'approval',
  'moment',
  'citation',
  'next-step',
  'inject',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface QuestionOption {
  id: string;
  text: string;
}

export interface Question {
  /** Stable while the content item it comes from keeps its id: "<kind>:<source id>". */
  id: string;
  kind: QuestionKind;
  /** The lettered point the question trains (the map and the schedule count it there). */
  point: string;
  /** The handbook's line the question is about (its own words, shown in «…»), if any. */
  subject?: string;
  /** A situation to read first (a drill inject's message). */
  context?: string;
  prompt: string;
  options: QuestionOption[];
  /** Ids of the right options; more than one means "chọn mọi đáp án đúng". */
  correct: string[];
  /** The provisions the feedback quotes, the question's point first. */
  cites: string[];
  /** The handbook's explanation, where the content gives one (drill injects). */
  explanation?: string;
  /** Readings of the handbook's the answer rests on: the page shows them with the question. */
  readings: string[];
  /**
   * The answer is the handbook's own arrangement (the moments of a shift, the order of a
   * flow's steps), not a rule of the law: the question says so, and it does not count towards
   * «Đã thuộc» a point.
   */
  layout?: true;
}

/** The kinds whose answer is the handbook's arrangement, and the reading (readings.yaml `gives.layout`) that says so. */
export const LAYOUT_KINDS = { moment: 'moments', 'next-step': 'order' } as const satisfies Partial<
  Record<QuestionKind, 'moments' | 'order'>
>;

/** The source of a question, from its id ("approval:<item id>", "next-step:<flow>:<step>", "inject:<drill>:<inject>"). */
export function sourceOf(
  id: string,
):
  | { kind: 'role' | 'approval' | 'moment' | 'citation'; item: string }
  | { kind: 'next-step'; flow: string; step: string }
  | { kind: 'inject'; drill: string; inject: string } {
  const [kind, first = '', second = ''] = id.split(':') as [QuestionKind, string?, string?];
  if (kind === 'next-step') return { kind, flow: first, step: second };
  if (kind === 'inject') return { kind, drill: first, inject: second };
  return { kind, item: first };
}

/** At most this many options per question: the right ones and the first distractors. */
export const MAX_OPTIONS = 4;

/** The first lettered point `cites` names (a clause cited whole names none of its points), in the law's order. */
function pointOf(handbook: Handbook, cites: readonly string[]): string | undefined {
  return cites
    .filter((eId) => parseEId(eId).kind === 'point')
    .map((eId) => handbook.provision(eId))
    .sort((a, b) => a.order - b.order)[0]?.eId;
}

const unique = <T>(list: readonly T[]): T[] => [...new Set(list)];

/**
 * Who holds the item (from the confusion-free pool of "Ai làm việc này?"), for the items the
 * text gives to the role holding their point (itemsTheTextAssigns).
 */
export function roleQuestions(handbook: Pick<Handbook, 'duties' | 'dutyHolders'>): Question[] {
  const { pool } = quizPool(itemsTheTextAssigns(handbook.duties, handbook.dutyHolders));
  // Each question offers its own article's duty holders, as the quiz does (quizArticles): every
  // role of every article would make the questions file grow with the square of the content.
  return quizArticles(pool, handbook.dutyHolders).flatMap(({ questions, options }) =>
    questions.map((duty) => ({
      id: `role:${duty.id}`,
      kind: 'role' as const,
      point: duty.point,
      subject: duty.action,
      prompt: 'Ai làm việc này?',
      options: options.map((role) => ({ id: role.id, text: role.name })),
      correct: [duty.role],
      cites: duty.cites,
      readings: duty.reading ? [duty.reading] : [],
    })),
  );
}

/** The roles a reading of the item allows as its approver: the one it gives, and those within it. */
function readingApprovers(
  handbook: Handbook,
  readingId: string | undefined,
  roles: readonly Role[],
): Set<string> {
  const approver = readingId ? handbook.reading(readingId).gives?.approver : undefined;
  return approver ? rolesNamedBy(handbook.role(approver).name, roles).add(approver) : new Set();
}

/**
 * Whose consent the item waits for, in the words of its point («sự đồng ý» where 3.1 e says
 * only that). Distractors are roles of the same article that neither those words («của lãnh
 * đạo» allows every leader) nor the item's reading allow.
 */
function approvalQuestions(handbook: Handbook): Question[] {
  const approvers = handbook.duties.flatMap((duty) => (duty.approval ? [duty.approval.by] : []));
  return handbook.duties
    .filter((duty): duty is DutyItem & { approval: { by: string } } => Boolean(duty.approval))
    .map((duty) => {
      const roles = rolesOfArticle(handbook.roles, duty.point);
      const clause = approvalClause(duty.carries);
      const allowed = new Set([
        ...(clause ? rolesNamedBy(clause.of, roles) : []),
        ...readingApprovers(handbook, duty.reading, roles),
      ]);
      // Approvers first, then the duty holders, then the other actors the article names.
      const candidates = unique([
        ...approvers.filter((id) => roles.some((r) => r.id === id)),
        ...roles.filter((r) => r.holds).map((r) => r.id),
        ...roles.filter((r) => !r.holds).map((r) => r.id),
      ]);
      const others = candidates.filter(
        (id) => id !== duty.approval.by && id !== duty.role && !allowed.has(id),
      );
      const ids = [duty.approval.by, ...others.slice(0, MAX_OPTIONS - 1)].sort();
      return {
        id: `approval:${duty.id}`,
        kind: 'approval',
        point: duty.point,
        subject: duty.action,
        prompt: `${handbook.role(duty.role).name} làm việc này khi có ${clause?.consent ?? 'sự đồng ý, phê duyệt'} của ai?`,
        options: ids.map((id) => ({ id, text: handbook.role(id).name })),
        correct: [duty.approval.by],
        cites: duty.cites,
        readings: duty.reading ? [duty.reading] : [],
      } satisfies Question;
    });
}

/** The readings that say the handbook's arrangement of `layout` is its own. */
const layoutReadings = (handbook: Handbook, layout: 'moments' | 'order'): string[] =>
  handbook.readings.filter((r) => r.gives?.layout === layout).map((r) => r.id);

/** When in the shift: the moments the handbook files the item under (its own grouping, not the law's). */
function momentQuestions(handbook: Handbook): Question[] {
  const readings = layoutReadings(handbook, LAYOUT_KINDS.moment);
  return handbook.duties.map((duty) => ({
    id: `moment:${duty.id}`,
    kind: 'moment',
    point: duty.point,
    subject: duty.action,
    prompt: `Sổ tay xếp việc này vào lúc nào của ca trực? ${CHOOSE_ALL}`,
    options: handbook.moments.map((moment) => ({ id: moment.id, text: moment.name })),
    correct: [...duty.moments],
    cites: duty.cites,
    readings,
    layout: true,
  }));
}

/** Which point is the basis: the item's own point; distractors are the other points of the clause it lies in. */
function citationQuestions(handbook: Handbook): Question[] {
  return handbook.duties.map((duty) => {
    const siblings = handbook
      .pointsHeldBy(handbook.holderOf(duty.point).id)
      .filter((p) => !duty.cites.includes(p.eId))
      .map((p) => p.eId);
    const ids = [duty.point, ...siblings.slice(0, MAX_OPTIONS - 1)].sort(
      (a, b) => handbook.provision(a).order - handbook.provision(b).order,
    );
    return {
      id: `citation:${duty.id}`,
      kind: 'citation',
      point: duty.point,
      subject: duty.action,
      prompt: `Việc này của ${handbook.role(duty.role).name} thực hiện điểm nào của Điều 7?`,
      options: ids.map((id) => ({ id, text: handbook.provision(id).label })),
      correct: [duty.point],
      cites: duty.cites,
      readings: duty.reading ? [duty.reading] : [],
    } satisfies Question;
  });
}

/**
 * What comes next in a flow, in the order the handbook gives its steps: a step whose next node
 * is a step; distractors are the flow's other steps.
 */
function nextStepQuestions(handbook: Handbook): Question[] {
  return handbook.flows.flatMap((flow) =>
    flow.steps.flatMap((step) => {
      const next = flow.node(step.next);
      if (next.kind !== 'step') return [];
      const point = pointOf(handbook, next.cites);
      if (!point) return [];
      const others = flow.steps.filter(
        (s) => s.id !== next.id && s.id !== step.id && s.short !== next.short,
      );
      const options = [next, ...others.slice(0, MAX_OPTIONS - 1)].sort(
        (a, b) => flow.number(a.id) - flow.number(b.id),
      );
      return [
        {
          id: `next-step:${flow.id}:${step.id}`,
          kind: 'next-step',
          point,
          subject: step.action,
          prompt: `Trong quy trình «${flow.title}», theo thứ tự sổ tay sắp xếp, sau bước này (${handbook.role(step.actor).name}) là bước nào?`,
          options: options.map((s) => ({
            id: s.id,
            text: `${handbook.role(s.actor).name}: ${s.short}`,
          })),
          correct: [next.id],
          cites: next.cites,
          // The flow's readings, and those of every step the question shows: the one it starts
          // from and each option (a distractor too shows a step resting on a reading).
          readings: unique([
            ...(flow.readings ?? []),
            ...[step, ...options].flatMap((s) => (s.reading ? [s.reading] : [])),
          ]),
          layout: true,
        } satisfies Question,
      ];
    }),
  );
}

/** The drills' injects, as the drills ask them (their options and answer key are content). */
function injectQuestions(handbook: Handbook, drills: readonly DrillWithId[]): Question[] {
  return drills.flatMap((drill) =>
    drill.injects.flatMap((inject) => {
      const point = pointOf(handbook, inject.cites);
      if (!point) return [];
      return [
        {
          id: `inject:${drill.id}:${inject.id}`,
          kind: 'inject',
          point,
          context: inject.message,
          prompt: inject.correct.length > 1 ? `${inject.question} ${CHOOSE_ALL}` : inject.question,
          options: inject.options.map((o) => ({ id: o.id, text: o.text })),
          correct: [...inject.correct],
          cites: inject.cites,
          explanation: inject.explanation,
          // The reading the answer rests on; the drill's others are for the drill as a whole.
          readings: inject.reading ? [inject.reading] : [],
        } satisfies Question,
      ];
    }),
  );
}

/** Every question the content generates, grouped by kind in QUESTION_KINDS order. */
export function generateQuestions(handbook: Handbook, drills: readonly DrillWithId[]): Question[] {
  return [
    ...roleQuestions(handbook),
    ...approvalQuestions(handbook),
    ...momentQuestions(handbook),
    ...citationQuestions(handbook),
    ...nextStepQuestions(handbook),
    ...injectQuestions(handbook, drills),
  ];
}

/** How many questions of each kind. */
export const countByKind = (questions: readonly Question[]): Record<QuestionKind, number> =>
  Object.fromEntries(
    QUESTION_KINDS.map((kind) => [kind, questions.filter((q) => q.kind === kind).length]),
  ) as Record<QuestionKind, number>;
