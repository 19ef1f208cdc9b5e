/**
 * The integrity rules of a training drill, as a pure function over its validated
 * frontmatter: the roles, eIds and flow nodes it names exist, each inject is addressed to
 * a role of the drill that its cited text names, its answer key points at its own
 * options and leaves at least one wrong one, the MSEL runs forward in time, and no
 * expected action (trainer only) is repeated in what the trainee sees. Returns the
 * problems; src/lib/content/integrity.ts reports them against the drill's file.
 */
import type { PathSegment } from '../content/errors.ts';
import { citationChecks, type CitationContext } from '../content/cited-roles.ts';
import type { Drill } from '../content/drills-schema.ts';
import { canonical } from '../vi.ts';

export interface DrillProblem {
  /** Field path inside the frontmatter, e.g. ["injects", 2, "correct", 0]. */
  path: PathSegment[];
  message: string;
  found?: unknown;
}

/** What a drill is checked against: the rest of the content. */
export interface DrillContext extends CitationContext {
  /** Node ids of each flow, by flow id. */
  flows: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Drill ids the site's own pages under /dien-tap/ use. */
export const RESERVED_DRILL_IDS: readonly string[] = ['ai-lam-viec-nay'];

const DRILL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Everything the trainee page shows of a drill, to keep expected actions out of it. */
export function traineeTexts(drill: Drill): string[] {
  return [
    drill.title,
    drill.summary,
    ...drill.objectives.map((objective) => objective.text),
    ...drill.scenario,
    ...drill.injects.flatMap((inject) => [
      inject.message,
      inject.question,
      inject.explanation,
      ...inject.options.map((o) => o.text),
    ]),
  ];
}

type Inject = Drill['injects'][number];

/** The state one check of a drill shares between its steps: the problems found so far. */
class DrillCheck {
  readonly problems: DrillProblem[] = [];
  readonly checkCites: (field: PathSegment[], cites: readonly string[]) => void;
  readonly checkNamed: (field: PathSegment[], roleId: string, cites: readonly string[]) => void;
  /** Each role of the drill, at its first index in `roles`. */
  readonly players = new Map<string, number>();
  /** Roles that receive an inject or have an expected action. */
  readonly exercised = new Set<string>();
  /** Each inject id, at its first index in `injects`. */
  readonly injectIds = new Map<string, number>();

  constructor(
    readonly drill: Drill,
    readonly context: DrillContext,
  ) {
    const { checkCites, checkNamed } = citationChecks(context, (path, message, found) =>
      this.add(path, message, found),
    );
    this.checkCites = checkCites;
    this.checkNamed = checkNamed;
  }

  add(path: PathSegment[], message: string, ...found: [unknown?]): void {
    const problem: DrillProblem = { path, message };
    if (found.length > 0) problem.found = found[0];
    this.problems.push(problem);
  }

  /** The file name is the drill's URL: well formed, and not a page of the site. */
  checkId(id: string): void {
    if (!DRILL_ID.test(id))
      this.add(
        [],
        "expected a file name of lower-case letters, digits and hyphens (it is the drill's URL)",
        id,
      );
    else if (RESERVED_DRILL_IDS.includes(id))
      this.add([], `expected another file name: /dien-tap/${id}/ is a page of the site`, id);
  }

  /** Each role exists and is listed once; objectives and silences cite the law. */
  checkRoles(): void {
    this.drill.roles.forEach((roleId, r) => {
      const first = this.players.get(roleId);
      if (!this.context.roles.has(roleId))
        this.add(['roles', r], 'expected a role id from roles.yaml', roleId);
      else if (first !== undefined)
        this.add(
          ['roles', r],
          `expected each role once; already listed at roles[${first}]`,
          roleId,
        );
      else this.players.set(roleId, r);
    });
    this.drill.objectives.forEach((objective, o) =>
      this.checkCites(['objectives', o, 'cites'], objective.cites),
    );
    this.drill.silences?.forEach((silence, s) =>
      this.checkCites(['silences', s, 'cites'], silence.cites),
    );
  }

  /** The inject's id is unique, and it comes no earlier than the one before (the MSEL runs forward). */
  checkPlace(inject: Inject, i: number): void {
    const first = this.injectIds.get(inject.id);
    if (first !== undefined)
      this.add(
        ['injects', i, 'id'],
        `expected a unique inject id; already used at injects[${first}]`,
        inject.id,
      );
    else this.injectIds.set(inject.id, i);
    const previous = this.drill.injects[i - 1];
    if (previous && inject.time < previous.time)
      this.add(
        ['injects', i, 'time'],
        `expected the injects in time order (the MSEL); the inject before is at ${previous.time}`,
        inject.time,
      );
  }

  /** The inject cites the law and goes to a role of the drill that the cited text names. */
  checkAddressee(inject: Inject, at: PathSegment[]): void {
    this.checkCites([...at, 'cites'], inject.cites);
    if (this.context.roles.has(inject.to) && !this.players.has(inject.to))
      this.add(
        [...at, 'to'],
        `expected one of the drill's roles (${this.drill.roles.join(', ')})`,
        inject.to,
      );
    else this.checkNamed([...at, 'to'], inject.to, inject.cites);
    this.exercised.add(inject.to);
  }

  /** Option ids are unique; the answer key names its own options, each once, and leaves a wrong one. */
  checkAnswerKey(inject: Inject, at: PathSegment[]): void {
    const options = new Map<string, number>();
    inject.options.forEach((option, o) => {
      const first = options.get(option.id);
      if (first !== undefined)
        this.add(
          [...at, 'options', o, 'id'],
          `expected a unique option id; already used at options[${first}]`,
          option.id,
        );
      else options.set(option.id, o);
    });
    const correct = new Set<string>();
    inject.correct.forEach((optionId, c) => {
      if (!options.has(optionId))
        this.add(
          [...at, 'correct', c],
          `expected the id of an option of this inject (${[...options.keys()].join(', ')})`,
          optionId,
        );
      else if (correct.has(optionId))
        this.add([...at, 'correct', c], 'expected each correct option once', optionId);
      correct.add(optionId);
    });
    if ([...options.keys()].every((optionId) => correct.has(optionId)))
      this.add(
        [...at, 'correct'],
        'expected at least one wrong option: a question every answer passes tests nothing',
        inject.correct,
      );
  }

  /** The flow step an inject links to exists. */
  checkFlowNode(inject: Inject, at: PathSegment[]): void {
    if (!inject.flowNode) return;
    const { flow, node } = inject.flowNode;
    const nodes = this.context.flows.get(flow);
    if (!nodes)
      this.add(
        [...at, 'flowNode', 'flow'],
        `expected a flow id from flows/ (${[...this.context.flows.keys()].join(', ')})`,
        flow,
      );
    else if (!nodes.has(node))
      this.add([...at, 'flowNode', 'node'], `expected the id of a node of flow ${flow}`, node);
  }

  /** Expected actions cite the law, name a role it names, and are worded apart from the trainee's text. */
  checkExpected(inject: Inject, at: PathSegment[], shown: readonly string[]): void {
    inject.expected.forEach((expected, e) => {
      this.checkCites([...at, 'expected', e, 'cites'], expected.cites);
      this.checkNamed([...at, 'expected', e, 'role'], expected.role, expected.cites);
      this.exercised.add(expected.role);
      const action = canonical(expected.action);
      if (shown.some((textShown) => textShown.includes(action)))
        this.add(
          [...at, 'expected', e, 'action'],
          'expected wording of its own: the trainee page shows this text, and expected actions are for the trainer only',
          expected.action,
        );
    });
  }

  /** Every role of the drill has something to do in it. */
  checkExercised(): void {
    this.drill.roles.forEach((roleId, r) => {
      if (
        this.players.get(roleId) === r &&
        this.context.roles.has(roleId) &&
        !this.exercised.has(roleId)
      )
        this.add(
          ['roles', r],
          'expected every role of the drill to receive an inject or have an expected action',
          roleId,
        );
    });
  }
}

export function checkDrill(drill: Drill, id: string, context: DrillContext): DrillProblem[] {
  const check = new DrillCheck(drill, context);
  check.checkId(id);
  check.checkRoles();
  const shown = traineeTexts(drill).map(canonical);
  drill.injects.forEach((inject, i) => {
    const at: PathSegment[] = ['injects', i];
    check.checkPlace(inject, i);
    check.checkAddressee(inject, at);
    check.checkAnswerKey(inject, at);
    check.checkFlowNode(inject, at);
    check.checkExpected(inject, at, shown);
  });
  check.checkExercised();
  return check.problems;
}
