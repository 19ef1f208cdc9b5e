/**
 * A flow ready for pages: its nodes in reading order with their numbers, its paths, and
 * the answer lists that each get a page. Built once per build from a checked flow.
 */
import type { Flow, FlowNode, StepNode } from '../content/flows-schema.ts';
import { answerPrefixes, enumeratePaths, readingOrder, type FlowPath } from './paths.ts';

export interface ResolvedFlow extends Flow {
  /** Nodes in reading order (depth first from the start). */
  order: FlowNode[];
  node: (id: string) => FlowNode;
  /** 1-based number of a node in reading order: the diagram, text overview and backlinks share it. */
  number: (id: string) => number;
  paths: FlowPath[];
  /** Every answer list that has a page: the prefixes of all paths, [] first. */
  prefixes: string[][];
  steps: StepNode[];
}

export function resolveFlow(flow: Flow): ResolvedFlow {
  const order = readingOrder(flow);
  const byId = new Map(order.map((node, index) => [node.id, { node, number: index + 1 }]));
  const entry = (id: string) => {
    const found = byId.get(id);
    if (!found) throw new Error(`Flow ${flow.id}: no node "${id}"`);
    return found;
  };
  return {
    ...flow,
    order,
    node: (id) => entry(id).node,
    number: (id) => entry(id).number,
    paths: enumeratePaths(flow),
    prefixes: answerPrefixes(flow),
    steps: order.filter((node): node is StepNode => node.kind === 'step'),
  };
}
