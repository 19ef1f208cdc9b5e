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

export function checkDrill(drill: Drill, id: string, context: DrillContext): DrillProblem[] {
  const problems: DrillProblem[] = [];
  const add = (path: PathSegment[], message: string, ...found: [unknown?]) => {
    const problem: DrillProblem = { path, message };
    if (found.length > 0) problem.found = found[0];
    problems.push(problem);
  };

  if (!DRILL_ID.test(id))
    add(
      [],
      "expected a file name of lower-case letters, digits and hyphens (it is the drill's URL)",
      id,
    );
  else if (RESERVED_DRILL_IDS.includes(id))
    add([], `expected another file name: /dien-tap/${id}/ is a page of the site`, id);

  const { checkCites, checkNamed } = citationChecks(context, add);

  const players = new Map<string, number>();
  drill.roles.forEach((roleId, r) => {
    if (!context.roles.has(roleId)) add(['roles', r], 'expected a role id from roles.yaml', roleId);
    else if (players.has(roleId))
      add(
        ['roles', r],
        `expected each role once; already listed at roles[${players.get(roleId)}]`,
        roleId,
      );
    else players.set(roleId, r);
  });
  drill.objectives.forEach((objective, o) =>
    checkCites(['objectives', o, 'cites'], objective.cites),
  );
  drill.silences?.forEach((silence, s) => checkCites(['silences', s, 'cites'], silence.cites));

  const seen = new Map<string, number>();
  const exercised = new Set<string>();
  const shown = traineeTexts(drill).map(canonical);
  drill.injects.forEach((inject, i) => {
    const at = (...field: PathSegment[]): PathSegment[] => ['injects', i, ...field];
    const first = seen.get(inject.id);
    if (first !== undefined)
      add(at('id'), `expected a unique inject id; already used at injects[${first}]`, inject.id);
    else seen.set(inject.id, i);

    const previous = drill.injects[i - 1];
    if (previous && inject.time < previous.time) {
      add(
        at('time'),
        `expected the injects in time order (the MSEL); the inject before is at ${previous.time}`,
        inject.time,
      );
    }

    checkCites(at('cites'), inject.cites);
    if (context.roles.has(inject.to) && !players.has(inject.to)) {
      add(at('to'), `expected one of the drill's roles (${drill.roles.join(', ')})`, inject.to);
    } else checkNamed(at('to'), inject.to, inject.cites);
    exercised.add(inject.to);

    const options = new Map<string, number>();
    inject.options.forEach((option, o) => {
      const firstOption = options.get(option.id);
      if (firstOption !== undefined)
        add(
          at('options', o, 'id'),
          `expected a unique option id; already used at options[${firstOption}]`,
          option.id,
        );
      else options.set(option.id, o);
    });
    const correct = new Set<string>();
    inject.correct.forEach((optionId, c) => {
      if (!options.has(optionId))
        add(
          at('correct', c),
          `expected the id of an option of this inject (${[...options.keys()].join(', ')})`,
          optionId,
        );
      else if (correct.has(optionId))
        add(at('correct', c), 'expected each correct option once', optionId);
      correct.add(optionId);
    });
    if ([...options.keys()].every((optionId) => correct.has(optionId))) {
      add(
        at('correct'),
        'expected at least one wrong option: a question every answer passes tests nothing',
        inject.correct,
      );
    }

    if (inject.flowNode) {
      const nodes = context.flows.get(inject.flowNode.flow);
      if (!nodes)
        add(
          at('flowNode', 'flow'),
          `expected a flow id from flows/ (${[...context.flows.keys()].join(', ')})`,
          inject.flowNode.flow,
        );
      else if (!nodes.has(inject.flowNode.node)) {
        add(
          at('flowNode', 'node'),
          `expected the id of a node of flow ${inject.flowNode.flow}`,
          inject.flowNode.node,
        );
      }
    }

    inject.expected.forEach((expected, e) => {
      checkCites(at('expected', e, 'cites'), expected.cites);
      checkNamed(at('expected', e, 'role'), expected.role, expected.cites);
      exercised.add(expected.role);
      const action = canonical(expected.action);
      if (shown.some((textShown) => textShown.includes(action))) {
        add(
          at('expected', e, 'action'),
          'expected wording of its own: the trainee page shows this text, and expected actions are for the trainer only',
          expected.action,
        );
      }
    });
  });

  drill.roles.forEach((roleId, r) => {
    if (players.get(roleId) === r && context.roles.has(roleId) && !exercised.has(roleId)) {
      add(
        ['roles', r],
        'expected every role of the drill to receive an inject or have an expected action',
        roleId,
      );
    }
  });
  return problems;
}
