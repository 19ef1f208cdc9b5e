/**
 * Walking a flow: every path from the start to an outcome (enumerated, for the annex and
 * the tests), and where a given list of answers leads (for the one-question-at-a-time
 * pages, whose URLs carry the answers). Pure; expects a flow that passed checkFlow.
 */
import type {
  Flow,
  FlowNode,
  FlowOption,
  OutcomeNode,
  QuestionNode,
  StepNode,
} from '../content/flows-schema.ts';
import { nodeMap } from './graph.ts';

/** One way through a flow. */
export interface FlowPath {
  /** The answers given, in order: option ids, as in the URL. */
  answers: string[];
  /** Every node on the way, start to outcome. */
  nodes: string[];
  outcome: string;
}

/** A question met on the way, and the answer given to it. */
export interface Answered {
  question: QuestionNode;
  option: FlowOption;
  /** How many answers had been given before this question. */
  index: number;
}

/** Where a list of answers leads: the next question, or an outcome. */
export type Walk =
  | { kind: 'question'; question: QuestionNode; steps: StepNode[]; answered: Answered[] }
  | { kind: 'outcome'; outcome: OutcomeNode; steps: StepNode[]; answered: Answered[] }
  | { kind: 'invalid'; reason: string; answered: Answered[] };

function lookup(flow: Flow): (id: string) => FlowNode {
  const nodes = nodeMap(flow);
  return (id) => {
    const node = nodes.get(id);
    if (!node) throw new Error(`Flow ${flow.id}: no node "${id}"`);
    return node;
  };
}

/** Every path from the start to an outcome, answers in the order the options are written. */
export function enumeratePaths(flow: Flow): FlowPath[] {
  const node = lookup(flow);
  const paths: FlowPath[] = [];
  const walkFrom = (id: string, answers: string[], nodes: string[]) => {
    if (nodes.includes(id)) throw new Error(`Flow ${flow.id}: cycle through "${id}"`);
    const current = node(id);
    const trail = [...nodes, id];
    switch (current.kind) {
      case 'step':
        walkFrom(current.next, answers, trail);
        break;
      case 'question':
        for (const option of current.options) walkFrom(option.next, [...answers, option.id], trail);
        break;
      case 'outcome':
        paths.push({ answers, nodes: trail, outcome: id });
        break;
    }
  };
  walkFrom(flow.start, [], []);
  return paths;
}

/** Follows `answers` from the start: steps pass by, each question takes the next answer. */
export function walk(flow: Flow, answers: readonly string[]): Walk {
  const node = lookup(flow);
  const steps: StepNode[] = [];
  const answered: Answered[] = [];
  const seen = new Set<string>();
  for (let current = node(flow.start); ;) {
    if (seen.has(current.id)) throw new Error(`Flow ${flow.id}: cycle through "${current.id}"`);
    seen.add(current.id);
    if (current.kind === 'step') {
      steps.push(current);
      current = node(current.next);
    } else if (current.kind === 'question') {
      const given = answers[answered.length];
      if (given === undefined) return { kind: 'question', question: current, steps, answered };
      const option = current.options.find((o) => o.id === given);
      if (!option) {
        return {
          kind: 'invalid',
          reason: `"${given}" is not an answer to "${current.id}" (${current.options.map((o) => o.id).join(', ')})`,
          answered,
        };
      }
      answered.push({ question: current, option, index: answered.length });
      current = node(option.next);
    } else {
      if (answered.length < answers.length) {
        return {
          kind: 'invalid',
          reason: `the flow ends at "${current.id}" after ${answered.length} answer(s); ${answers.length} given`,
          answered,
        };
      }
      return { kind: 'outcome', outcome: current, steps, answered };
    }
  }
}

/** Every list of answers that leads to a page (a question or an outcome): the prefixes of all paths. */
export function answerPrefixes(flow: Flow): string[][] {
  const seen = new Map<string, string[]>();
  for (const path of enumeratePaths(flow)) {
    for (let length = 0; length <= path.answers.length; length++) {
      const prefix = path.answers.slice(0, length);
      seen.set(prefix.join('/'), prefix);
    }
  }
  return [...seen.values()];
}

/**
 * The nodes in reading order: depth first from the start, options in their written order,
 * so one branch reads through to its outcome before the next begins.
 */
export function readingOrder(flow: Flow): FlowNode[] {
  const node = lookup(flow);
  const order: FlowNode[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const current = node(id);
    order.push(current);
    if (current.kind === 'step') visit(current.next);
    else if (current.kind === 'question') current.options.forEach((option) => visit(option.next));
  };
  visit(flow.start);
  return order;
}
