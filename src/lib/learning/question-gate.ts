/**
 * The gate on generated practice questions, run by the build beside the spans and quotation
 * gates (src/lib/content/handbook.ts). Three rules:
 *
 *  - answer: the right answer follows from the words of the cited point, or rests on a
 *    reading (readings.yaml `gives`) that the question carries (and the page shows it before
 *    the answer). Who does an item: the role holding its point's clause, unless a reading
 *    gives the item to someone; whose consent: the role the carried words name exactly
 *    («của lãnh đạo ca trực»); which point: the one whose words the item carries.
 *  - distractor: no wrong option is an answer that the text or that reading allows: «của lãnh
 *    đạo» allows every leader, a reading of «lãnh đạo phòng» allows the Trưởng phòng too; a
 *    point that holds every word the item carries is as right as its own.
 *  - layout: a question whose answer is the handbook's own arrangement (the moments of a
 *    shift, the order of a flow's steps) is marked so, says «sổ tay» in its prompt, and carries
 *    the reading that says the arrangement is the handbook's; it counts for no point.
 *  - reading: a question on a flow's steps carries the reading of every step it shows (the
 *    step it starts from and each option), and, where a step names as its actor a role that
 *    does not hold the words it carries, a reading that gives that role those words.
 *
 * A drill's inject is asked as the drill writes it: its options are free text, so only its
 * reading is checked here (test/unit/question-answers.test.ts reads each one).
 */
import {
  approvalClause,
  roleNamedExactly,
  rolesNamedBy,
  rolesOfArticle,
} from '../content/approval.ts';
import type { DutyItem, Handbook } from '../content/handbook.ts';
import type { StepNode } from '../content/schema.ts';
import type { DrillWithId } from '../drills/model.ts';
import { contains } from '../content/spans.ts';
import { LAYOUT_KINDS, sourceOf, type Question } from './questions.ts';

export type QuestionRule = 'answer' | 'distractor' | 'layout' | 'reading';

export interface QuestionProblem {
  /** The question's id ("approval:<item id>"…), which names its source. */
  question: string;
  rule: QuestionRule;
  message: string;
}

/** What the text gives as the answer, what it allows, and the same for the readings a question carries. */
interface Answers {
  given: ReadonlySet<string>;
  allowed: ReadonlySet<string>;
  /** Why the text gives or allows what it does, for the message. */
  why: string;
}

export function checkQuestions(
  handbook: Handbook,
  questions: readonly Question[],
  drills: readonly DrillWithId[],
): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  const items = new Map(handbook.duties.map((duty) => [duty.id, duty]));
  const roleName = (id: string) =>
    handbook.roles.some((r) => r.id === id) ? handbook.role(id).name : id;
  const add = (q: Question, rule: QuestionRule, message: string) =>
    problems.push({ question: q.id, rule, message });

  /** The readings `q` carries that give `what` (an actor, an approver), with what each allows. */
  const carried = (q: Question, what: 'actor' | 'approver') =>
    q.readings.flatMap((id) => {
      const role = handbook.readings.find((r) => r.id === id)?.gives?.[what];
      const roles = rolesOfArticle(handbook.roles, q.point);
      return role ? [{ id, role, allows: rolesNamedBy(roleName(role), roles).add(role) }] : [];
    });

  /** The reading an item rests on for who does it, if it gives one. */
  const actorReading = (duty: DutyItem) => {
    const reading = duty.reading ? handbook.readings.find((r) => r.id === duty.reading) : undefined;
    return reading?.gives?.actor ? { id: reading.id, role: reading.gives.actor } : undefined;
  };

  /** Who does the item by the text: the holder of its point, unless a reading gives it (then the text names no one). */
  const actorByText = (duty: DutyItem): Answers => {
    const label = handbook.provision(duty.point).label;
    const reading = actorReading(duty);
    if (reading)
      return {
        given: new Set(),
        allowed: new Set(rolesOfArticle(handbook.roles, duty.point).map((r) => r.id)),
        why: `the words the item carries name no one: ${label} does not say who does them, and reading ${reading.id} gives ${roleName(reading.role)}`,
      };
    const holder = handbook.holderOf(duty.point).id;
    return {
      given: new Set([holder]),
      allowed: new Set([holder]),
      why: `${label} is a duty of ${roleName(holder)}`,
    };
  };

  /** Rule "answer" and rule "distractor" for one question, given what the text and the carried readings say. */
  const judge = (
    q: Question,
    text: Answers,
    readings: { id: string; role: string; allows: Set<string> }[],
    what: string,
  ) => {
    const name = (id: string) => (what === 'point' ? handbook.provision(id).label : roleName(id));
    for (const id of q.correct) {
      if (text.given.has(id) || readings.some((r) => r.role === id)) continue;
      add(
        q,
        'answer',
        `expected the right answer (${name(id)}) to follow from the words of ${handbook.provision(q.point).label}, ` +
          `or the question to carry a reading that gives it (readings.yaml "gives: { ${what === 'point' ? 'actor' : what} }"); ${text.why}` +
          (readings.length > 0
            ? `; the reading it carries gives ${readings.map((r) => name(r.role)).join(', ')}`
            : ''),
      );
    }
    for (const option of q.options) {
      if (q.correct.includes(option.id)) continue;
      const reading = readings.find((r) => r.allows.has(option.id));
      if (text.allowed.has(option.id) || reading)
        add(
          q,
          'distractor',
          `expected no wrong option that ${reading ? `reading ${reading.id}` : 'the text'} allows; «${option.text}» is graded wrong, but ${
            !reading
              ? text.why
              : reading.role === option.id
                ? `the reading gives it`
                : `the reading gives ${name(reading.role)}, and «${option.text}» is one of them`
          }`,
        );
    }
  };

  for (const q of questions) {
    const layout = LAYOUT_KINDS[q.kind as keyof typeof LAYOUT_KINDS];
    if (layout) {
      checkLayout(q, layout);
      const source = sourceOf(q.id);
      if (source.kind === 'next-step') checkShownSteps(q, source.flow, source.step);
      continue;
    }
    const source = sourceOf(q.id);
    if (source.kind === 'next-step') continue; // a layout kind, checked above (and its steps' readings)
    if (source.kind === 'inject') {
      const reading = drills
        .find((d) => d.id === source.drill)
        ?.injects.find((i) => i.id === source.inject)?.reading;
      if (reading && !q.readings.includes(reading))
        add(
          q,
          'answer',
          `expected the question to carry reading ${reading}, which the inject's answer rests on`,
        );
      continue;
    }
    const duty = items.get(source.item);
    if (!duty) {
      add(q, 'answer', `expected a checklist item ${source.item}; the question names none`);
      continue;
    }
    if (q.layout)
      add(
        q,
        'layout',
        'expected no "layout" mark: the answer of this kind is the law\'s, and counts for its point',
      );
    if (source.kind === 'role') judge(q, actorByText(duty), carried(q, 'actor'), 'actor');
    else if (source.kind === 'approval') {
      const roles = rolesOfArticle(handbook.roles, duty.point);
      const clause = approvalClause(duty.carries);
      const exact = clause && roleNamedExactly(clause.of, roles);
      const may = clause ? rolesNamedBy(clause.of, roles) : new Set<string>();
      judge(
        q,
        {
          given: new Set(exact ? [exact.id] : []),
          allowed: may,
          why: clause
            ? `${handbook.provision(duty.point).label} says «${clause.consent} của ${clause.of}», which ${
                exact ? `names ${exact.name}` : 'names no role exactly'
              }${may.size > 1 ? ` and may mean any of ${[...may].map(roleName).join(', ')}` : ''}`
            : `the words the item carries state no one's consent («sự đồng ý … của», «sự phê duyệt của»)`,
        },
        carried(q, 'approver'),
        'approver',
      );
    } else if (source.kind === 'citation') {
      const points = handbook.points.filter((p) =>
        duty.carries.every((span) => contains(p.text ?? '', span)),
      );
      judge(
        q,
        {
          given: new Set([duty.point]),
          allowed: new Set(points.map((p) => p.eId)),
          why: `the words the item carries are in ${points.map((p) => p.label).join(' and ')}`,
        },
        [],
        'point',
      );
    }
    // The prompt says whose item it is (citation, approval): the text, or a carried reading, must say so.
    if (source.kind === 'citation' || source.kind === 'approval') {
      const text = actorByText(duty);
      if (!text.given.has(duty.role) && !carried(q, 'actor').some((r) => r.role === duty.role))
        add(
          q,
          'answer',
          `expected the role the question names (${roleName(duty.role)}) to follow from the text or from a reading the question carries; ${text.why}`,
        );
    }
  }
  return problems;

  /**
   * Rule "reading" for a question on a flow's steps: the step it starts from (its prompt names
   * that step's actor) and every step an option shows («Role: short»). Each step's own reading
   * is carried; and each word it carries is its actor's by the text (the actor holds the point
   * the words are in) or by a reading the question carries (`gives: { actor }`, citing that point).
   */
  function checkShownSteps(q: Question, flowId: string, stepId: string): void {
    const flow = handbook.flow(flowId);
    const shown = [stepId, ...q.options.map((o) => o.id)]
      .map((id) => flow.node(id))
      .filter((node): node is StepNode => node.kind === 'step');
    for (const step of shown) {
      const label = `«${roleName(step.actor)}: ${step.short}»`;
      if (step.reading && !q.readings.includes(step.reading))
        add(
          q,
          'reading',
          `expected the question to carry reading ${step.reading}, which the step it shows (${label}) rests on`,
        );
      for (const span of step.carries) {
        const points = step.cites.filter((eId) =>
          contains(handbook.provision(eId).text ?? '', span),
        );
        if (points.length === 0) continue; // the spans gate reports a span of no cited point
        if (points.some((eId) => handbook.holderOf(eId).id === step.actor)) continue;
        const given = q.readings.some((id) => {
          const reading = handbook.readings.find((r) => r.id === id);
          return (
            reading?.gives?.actor === step.actor &&
            points.some((eId) => reading.cites.includes(eId))
          );
        });
        if (!given)
          add(
            q,
            'reading',
            `expected the question to carry a reading that gives ${roleName(step.actor)} the words «${span}» (readings.yaml "gives: { actor }"): ` +
              `a step it shows names ${roleName(step.actor)} as who does them, and they are words of ` +
              points
                .map(
                  (eId) =>
                    `${handbook.provision(eId).label}, a duty of ${roleName(handbook.holderOf(eId).id)}`,
                )
                .join('; '),
          );
      }
    }
  }

  function checkLayout(q: Question, layout: 'moments' | 'order'): void {
    const what = layout === 'moments' ? 'the moments of a shift' : "the order of a flow's steps";
    if (!q.layout)
      add(
        q,
        'layout',
        `expected the mark "layout": the answer is ${what}, the handbook's arrangement`,
      );
    if (!/sổ tay/iu.test(q.prompt))
      add(q, 'layout', `expected the prompt to say that the answer is the handbook's («sổ tay»)`);
    const says = q.readings.some(
      (id) => handbook.readings.find((r) => r.id === id)?.gives?.layout === layout,
    );
    if (!says)
      add(
        q,
        'layout',
        `expected the question to carry a reading that says ${what} is the handbook's own (readings.yaml "gives: { layout: ${layout} }")` +
          (q.kind === 'next-step' ? `; add it to the flow's "readings"` : ''),
      );
  }
}
