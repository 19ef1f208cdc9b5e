/**
 * The swimlane overview of a flow, laid out at build time: one lane per role, columns by
 * the longest path from the start (so every arrow points right), outcomes in a lane of
 * their own. Pure grid positions and wrapped labels; the component turns them into SVG.
 */
import type { Flow, FlowNode } from '../content/flows-schema.ts';
import { readingOrder } from './paths.ts';

/** The lane that holds the outcomes; not a role id (role ids never start with "_"). */
export const OUTCOME_LANE = '_ket-qua';

export interface Lane {
  /** A role id, or OUTCOME_LANE. */
  key: string;
  /** First grid row of the lane. */
  top: number;
  /** How many grid rows the lane spans (nodes of one column stack inside it). */
  rows: number;
}

export interface PlacedNode {
  node: FlowNode;
  /** 1-based number in reading order: the same number labels the box and the text equivalent. */
  number: number;
  lane: string;
  column: number;
  row: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  /** The answer's short label, on arrows out of a question. */
  label?: string;
}

export interface SwimlaneLayout {
  lanes: Lane[];
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  columns: number;
  rows: number;
}

const successors = (node: FlowNode): string[] =>
  node.kind === 'step'
    ? [node.next]
    : node.kind === 'question'
      ? node.options.map((o) => o.next)
      : [];

export function swimlaneLayout(flow: Flow): SwimlaneLayout {
  const order = readingOrder(flow);
  const byId = new Map(order.map((node) => [node.id, node]));

  // Column: the longest path from the start (nodes come in a topological order below).
  const column = new Map<string, number>([[flow.start, 0]]);
  for (const node of topological(order, byId)) {
    const here = column.get(node.id) ?? 0;
    for (const next of successors(node))
      column.set(next, Math.max(column.get(next) ?? 0, here + 1));
  }

  // Lane: the actor of a step, the decider of a question (else the lane of what leads to it).
  const laneOf = new Map<string, string>();
  const predecessor = new Map<string, string>();
  for (const node of order)
    for (const next of successors(node)) if (!predecessor.has(next)) predecessor.set(next, node.id);
  for (const node of order) {
    if (node.kind === 'step') laneOf.set(node.id, node.actor);
    else if (node.kind === 'outcome') laneOf.set(node.id, OUTCOME_LANE);
    else if (node.decidedBy) laneOf.set(node.id, node.decidedBy);
    else {
      const before = predecessor.get(node.id);
      const lane = before ? laneOf.get(before) : undefined;
      // A question that opens the flow, with no decider, sits with whoever acts first after it.
      laneOf.set(node.id, lane ?? firstActorAfter(node, byId) ?? OUTCOME_LANE);
    }
  }
  const laneKeys = [...new Set(order.map((node) => laneOf.get(node.id) ?? OUTCOME_LANE))].filter(
    (key) => key !== OUTCOME_LANE,
  );
  laneKeys.push(OUTCOME_LANE);

  // Inside a lane, nodes sharing a column stack on sub-rows, in reading order.
  const subRow = new Map<string, number>();
  const used = new Map<string, number>();
  for (const node of order) {
    const slot = `${laneOf.get(node.id)}|${column.get(node.id)}`;
    const taken = used.get(slot) ?? 0;
    subRow.set(node.id, taken);
    used.set(slot, taken + 1);
  }
  const lanes: Lane[] = [];
  let top = 0;
  for (const key of laneKeys) {
    const rows = Math.max(
      1,
      ...order
        .filter((node) => laneOf.get(node.id) === key)
        .map((node) => (subRow.get(node.id) ?? 0) + 1),
    );
    lanes.push({ key, top, rows });
    top += rows;
  }
  const laneTop = new Map(lanes.map((lane) => [lane.key, lane.top]));

  const nodes: PlacedNode[] = order.map((node, index) => {
    const lane = laneOf.get(node.id) ?? OUTCOME_LANE;
    return {
      node,
      number: index + 1,
      lane,
      column: column.get(node.id) ?? 0,
      row: (laneTop.get(lane) ?? 0) + (subRow.get(node.id) ?? 0),
    };
  });
  const edges: PlacedEdge[] = order.flatMap((node) =>
    node.kind === 'step'
      ? [{ from: node.id, to: node.next }]
      : node.kind === 'question'
        ? node.options.map((option) => ({
            from: node.id,
            to: option.next,
            label: option.short ?? option.label,
          }))
        : [],
  );
  return { lanes, nodes, edges, columns: Math.max(...nodes.map((n) => n.column)) + 1, rows: top };
}

function firstActorAfter(node: FlowNode, byId: Map<string, FlowNode>): string | undefined {
  const queue = successors(node);
  const seen = new Set<string>();
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const next = byId.get(id);
    if (next?.kind === 'step') return next.actor;
    if (next) queue.push(...successors(next));
  }
  return undefined;
}

/** Kahn's algorithm over the reachable nodes (the flow is acyclic: checkFlow guarantees it). */
function topological(order: FlowNode[], byId: Map<string, FlowNode>): FlowNode[] {
  const indegree = new Map(order.map((node) => [node.id, 0]));
  for (const node of order)
    for (const next of successors(node)) indegree.set(next, (indegree.get(next) ?? 0) + 1);
  const ready = order.filter((node) => indegree.get(node.id) === 0);
  const sorted: FlowNode[] = [];
  for (let node = ready.shift(); node !== undefined; node = ready.shift()) {
    sorted.push(node);
    for (const next of successors(node)) {
      const left = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, left);
      const target = byId.get(next);
      if (left === 0 && target) ready.push(target);
    }
  }
  if (sorted.length !== order.length)
    throw new Error('The flow has a cycle: it cannot be laid out');
  return sorted;
}

/** Greedy word wrap to at most `width` characters a line (a word longer than that keeps its own line). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
