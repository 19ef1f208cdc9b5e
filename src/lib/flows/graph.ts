/**
 * The integrity rules of a decision flow, as a pure function over the validated data:
 * unique node ids, no dangling references, every node reachable from the start, no
 * cycles, every path ends at an outcome, actors exist and are named by the text they
 * cite, every citation is a provision of the quoted law. Returns the problems found;
 * src/lib/content/integrity.ts turns them into file:line messages.
 */
import type { Flow, FlowNode } from '../content/flows-schema.ts';
import { citationChecks, type CitationContext } from '../content/cited-roles.ts';
import type { PathSegment } from '../content/errors.ts';
import type { Role } from '../content/schema.ts';
import { isWithin } from '../law/eid.ts';

export interface FlowProblem {
  /** Field path inside the flow's file, e.g. ["nodes", 3, "next"]. */
  path: PathSegment[];
  message: string;
  found?: unknown;
}

/** What a flow is checked against: the rest of the content. */
export interface FlowContext extends CitationContext {
  /** Moment ids of moments.yaml. */
  moments: ReadonlySet<string>;
}

/** An edge of the graph, with the field that makes it (for messages). */
export interface FlowEdge {
  from: string;
  to: string;
  /** The option's id, for edges out of a question. */
  answer?: string;
  field: PathSegment[];
}

/** The edges out of a node, in the order the file gives them. */
export function edgesOf(node: FlowNode, index: number): FlowEdge[] {
  switch (node.kind) {
    case 'step':
      return [{ from: node.id, to: node.next, field: ['nodes', index, 'next'] }];
    case 'question':
      return node.options.map((option, o) => ({
        from: node.id,
        to: option.next,
        answer: option.id,
        field: ['nodes', index, 'options', o, 'next'],
      }));
    case 'outcome':
      return [];
  }
}

type AddProblem = (path: PathSegment[], message: string, ...found: [unknown?]) => void;
type CitationChecks = ReturnType<typeof citationChecks>;

/** The graph as references reach it: the first node with an id, and the edges out of each. */
interface Graph {
  indexOf: Map<string, number>;
  edges: FlowEdge[];
  out: Map<string, FlowEdge[]>;
}

export function checkFlow(flow: Flow, context: FlowContext): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const add: AddProblem = (path, message, ...found) => {
    const problem: FlowProblem = { path, message };
    if (found.length > 0) problem.found = found[0];
    problems.push(problem);
  };
  const indexOf = indexNodes(flow, add);
  checkHeader(flow, context, indexOf, add);
  const checks = citationChecks(context, add);
  flow.notes?.forEach((note, n) => checks.checkCites(['notes', n, 'cites'], note.cites));
  const edges = flow.nodes.flatMap((node, i) => {
    checkNode(node, i, checks, add);
    return edgesInGraph(node, i, indexOf, add);
  });
  if (!indexOf.has(flow.start)) return problems;
  const out = new Map<string, FlowEdge[]>();
  for (const edge of edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  const graph: Graph = { indexOf, edges, out };
  const reachable = checkReachable(flow, graph, add);
  checkAcyclic(flow, graph, add);
  checkEndsAtOutcome(flow, graph, reachable, add);
  return problems;
}

/** Unique node ids; the first node with an id is the one references reach. */
function indexNodes(flow: Flow, add: AddProblem): Map<string, number> {
  const indexOf = new Map<string, number>();
  flow.nodes.forEach((node, i) => {
    const first = indexOf.get(node.id);
    if (first !== undefined)
      add(
        ['nodes', i, 'id'],
        `expected a unique node id; already used at nodes[${first}]`,
        node.id,
      );
    else indexOf.set(node.id, i);
  });
  return indexOf;
}

const nodeList = (indexOf: Map<string, number>) => `(${[...indexOf.keys()].join(', ')})`;

/** The flow's moment and its start. */
function checkHeader(
  flow: Flow,
  context: FlowContext,
  indexOf: Map<string, number>,
  add: AddProblem,
): void {
  if (!context.moments.has(flow.moment)) {
    add(
      ['moment'],
      `expected a moment id from moments.yaml (${[...context.moments].join(', ')})`,
      flow.moment,
    );
  }
  if (!indexOf.has(flow.start))
    add(['start'], `expected the id of a node of this flow ${nodeList(indexOf)}`, flow.start);
}

/** A node's own fields: its citations, the roles it names, a question's answer ids. */
function checkNode(node: FlowNode, i: number, checks: CitationChecks, add: AddProblem): void {
  const { checkCites, checkNamed: checkActor } = checks;
  const at = (...field: PathSegment[]): PathSegment[] => ['nodes', i, ...field];
  checkCites(at('cites'), node.cites);
  switch (node.kind) {
    case 'step':
      checkActor(at('actor'), node.actor, node.cites);
      node.with?.forEach((roleId, w) => {
        checkActor(at('with', w), roleId, node.cites);
        if (roleId === node.actor)
          add(at('with', w), 'expected another role than the actor itself', roleId);
      });
      node.notes?.forEach((note, n) => checkCites(at('notes', n, 'cites'), note.cites));
      break;
    case 'question': {
      if (node.decidedBy !== undefined) checkActor(at('decidedBy'), node.decidedBy, node.cites);
      const seen = new Map<string, number>();
      node.options.forEach((option, o) => {
        const first = seen.get(option.id);
        if (first !== undefined) {
          add(
            at('options', o, 'id'),
            `expected a unique answer id within the question; already used at options[${first}]`,
            option.id,
          );
        } else seen.set(option.id, o);
      });
      break;
    }
    case 'outcome':
      if (node.silence) checkCites(at('silence', 'cites'), node.silence.cites);
      break;
  }
}

/** The node's edges that lead somewhere, from the node references reach; a dangling one is a problem. */
function edgesInGraph(
  node: FlowNode,
  i: number,
  indexOf: Map<string, number>,
  add: AddProblem,
): FlowEdge[] {
  const kept: FlowEdge[] = [];
  for (const edge of edgesOf(node, i)) {
    if (!indexOf.has(edge.to))
      add(edge.field, `expected the id of a node of this flow ${nodeList(indexOf)}`, edge.to);
    else if (indexOf.get(node.id) === i) kept.push(edge);
  }
  return kept;
}

/** Every node reachable from the start (breadth first); returns the reachable ids. */
function checkReachable(flow: Flow, { indexOf, out }: Graph, add: AddProblem): Set<string> {
  const reachable = new Set<string>([flow.start]);
  const queue = [flow.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of out.get(id) ?? []) {
      if (!reachable.has(edge.to)) {
        reachable.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  for (const [id, i] of indexOf) {
    if (!reachable.has(id))
      add(
        ['nodes', i, 'id'],
        `expected every node to be reachable from the start ("${flow.start}"); nothing leads to this node`,
        id,
      );
  }
  return reachable;
}

/** No cycles: depth first from the start, a back edge closes one. */
function checkAcyclic(flow: Flow, { out }: Graph, add: AddProblem): void {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const edge of out.get(id) ?? []) {
      const seen = state.get(edge.to);
      if (seen === 'open') {
        const cycle = [...stack.slice(stack.indexOf(edge.to)), edge.to];
        add(edge.field, `expected no cycles; this leads back: ${cycle.join(' → ')}`, edge.to);
      } else if (seen === undefined) visit(edge.to);
    }
    stack.pop();
    state.set(id, 'done');
  };
  visit(flow.start);
}

/**
 * Every path ends at an outcome: from every reachable node some outcome must be reachable
 * (a dangling reference or a loop with no way out breaks this).
 */
function checkEndsAtOutcome(
  flow: Flow,
  { indexOf, edges }: Graph,
  reachable: Set<string>,
  add: AddProblem,
): void {
  const reaches = new Set<string>(
    flow.nodes.filter((node) => node.kind === 'outcome').map((node) => node.id),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const edge of edges) {
      if (!reaches.has(edge.from) && reaches.has(edge.to)) {
        reaches.add(edge.from);
        grew = true;
      }
    }
  }
  for (const [id, i] of indexOf) {
    if (!reachable.has(id)) continue;
    if (!reaches.has(id)) {
      add(
        ['nodes', i, 'id'],
        'expected every path to end at an outcome; no outcome can be reached from this node',
        id,
      );
      continue;
    }
    const node = flow.nodes[i];
    const dead = node ? edgesOf(node, i).filter((edge) => !indexOf.has(edge.to)) : [];
    if (dead.length > 0) {
      add(
        ['nodes', i, 'id'],
        'expected every path to end at an outcome; a path from this node ends at a missing node',
        id,
      );
    }
  }
}

/**
 * Whether a provision names a role, from roles.yaml: the role holds the clause, is listed
 * as mentioned in it, or takes part in a relation the provision is cited for.
 */
export function roleNames(roles: readonly Role[]): FlowContext['names'] {
  const namedIn = new Map<string, string[]>();
  const add = (roleId: string, eId: string) =>
    namedIn.set(roleId, [...(namedIn.get(roleId) ?? []), eId]);
  for (const role of roles) {
    if (role.holds) add(role.id, role.holds);
    for (const eId of role.mentionedIn ?? []) add(role.id, eId);
    for (const relation of role.relations ?? []) {
      for (const eId of relation.cites) {
        add(role.id, eId);
        add(relation.target, eId);
      }
    }
  }
  // A clause names whoever its points name, and a point whoever its clause gives duties to.
  return (roleId, eId) =>
    (namedIn.get(roleId) ?? []).some((named) => isWithin(named, eId) || isWithin(eId, named));
}

/** Nodes by id (valid flows only: ids are unique). */
export function nodeMap(flow: Flow): Map<string, FlowNode> {
  return new Map(flow.nodes.map((node) => [node.id, node]));
}
