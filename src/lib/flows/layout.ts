/**
 * The swimlane overview of a flow, laid out at build time: one lane per role as a column,
 * outcomes in a column of their own, and the steps running downwards in the order they
 * happen (every arrow points down), so that a flow of any length keeps the width of its
 * lanes and is seen whole on a screen and on A4. Pure: `swimlaneLayout` places nodes on a
 * grid of lanes × rows, `diagramGeometry` turns that grid into boxes, lines and labels in
 * SVG user units; FlowDiagram.astro only draws them (and a printed booklet can too).
 */
import type { Flow, FlowNode } from '../content/flows-schema.ts';
import { readingOrder } from './paths.ts';

/** The lane that holds the outcomes; not a role id (role ids never start with "_"). */
export const OUTCOME_LANE = '_ket-qua';

export interface Lane {
  /** A role id, or OUTCOME_LANE. */
  key: string;
  /** The lane's column, from 0 on the left. */
  column: number;
}

export interface PlacedNode {
  node: FlowNode;
  /** 1-based number in reading order: the same number labels the box and the text equivalent. */
  number: number;
  lane: string;
  /** The lane's column. */
  column: number;
  /** Rows run downwards; every arrow goes to a lower row. */
  row: number;
  /** A decision a named role takes (a question with `decidedBy`: an approval or a consent). */
  decision: boolean;
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
  rows: number;
}

const successors = (node: FlowNode): string[] =>
  node.kind === 'step'
    ? [node.next]
    : node.kind === 'question'
      ? node.options.map((o) => o.next)
      : [];

/**
 * Lanes in order of first appearance (outcomes last); each node one row below the lowest
 * of the nodes that lead to it, and further down while its lane already holds a node on
 * that row (two answers of one question may lead into one lane).
 */
export function swimlaneLayout(flow: Flow): SwimlaneLayout {
  const order = readingOrder(flow);
  const byId = new Map(order.map((node) => [node.id, node]));
  const number = new Map(order.map((node, index) => [node.id, index + 1]));

  // Lane: the actor of a step, the decider of a question (else the lane of what leads to it).
  const laneOf = new Map<string, string>();
  const predecessors = new Map<string, string[]>();
  for (const node of order)
    for (const next of successors(node))
      predecessors.set(next, [...(predecessors.get(next) ?? []), node.id]);
  for (const node of order) {
    if (node.kind === 'step') laneOf.set(node.id, node.actor);
    else if (node.kind === 'outcome') laneOf.set(node.id, OUTCOME_LANE);
    else if (node.decidedBy) laneOf.set(node.id, node.decidedBy);
    else {
      const before = predecessors.get(node.id)?.[0];
      const lane = before ? laneOf.get(before) : undefined;
      // A question that opens the flow, with no decider, sits with whoever acts first after it.
      laneOf.set(node.id, lane ?? firstActorAfter(node, byId) ?? OUTCOME_LANE);
    }
  }
  const laneKeys = [...new Set(order.map((node) => laneOf.get(node.id) ?? OUTCOME_LANE))].filter(
    (key) => key !== OUTCOME_LANE,
  );
  laneKeys.push(OUTCOME_LANE);
  const lanes = laneKeys.map((key, column) => ({ key, column }));
  const columnOf = new Map(lanes.map((lane) => [lane.key, lane.column]));

  const rowOf = new Map<string, number>();
  const taken = new Set<string>();
  for (const node of topological(order, byId, number)) {
    const lane = laneOf.get(node.id) ?? OUTCOME_LANE;
    let row = Math.max(0, ...(predecessors.get(node.id) ?? []).map((p) => (rowOf.get(p) ?? 0) + 1));
    while (taken.has(`${lane}|${row}`)) row += 1;
    taken.add(`${lane}|${row}`);
    rowOf.set(node.id, row);
  }

  const nodes: PlacedNode[] = order.map((node) => {
    const lane = laneOf.get(node.id) ?? OUTCOME_LANE;
    return {
      node,
      number: number.get(node.id) ?? 0,
      lane,
      column: columnOf.get(lane) ?? 0,
      row: rowOf.get(node.id) ?? 0,
      decision: node.kind === 'question' && node.decidedBy !== undefined,
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
  return { lanes, nodes, edges, rows: Math.max(...nodes.map((n) => n.row)) + 1 };
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

/**
 * Kahn's algorithm over the reachable nodes, taking among the nodes ready the one first in
 * reading order (the flow is acyclic: checkFlow guarantees it).
 */
function topological(
  order: FlowNode[],
  byId: Map<string, FlowNode>,
  number: Map<string, number>,
): FlowNode[] {
  const indegree = new Map(order.map((node) => [node.id, 0]));
  for (const node of order)
    for (const next of successors(node)) indegree.set(next, (indegree.get(next) ?? 0) + 1);
  const ready = order.filter((node) => indegree.get(node.id) === 0);
  const sorted: FlowNode[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (number.get(a.id) ?? 0) - (number.get(b.id) ?? 0));
    const node = ready.shift()!;
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

// ── geometry ──────────────────────────────────────────────────────────────

/** Sizes in SVG user units (CSS px at natural size; the drawing scales down to its frame). */
export const DIAGRAM = {
  /** A lane's width; boxes leave a gutter on each side where long arrows run down. */
  laneWidth: 170,
  boxWidth: 146,
  /** Text: size 13, a line every 15; characters per line of a box and of a lane name. */
  lineHeight: 15,
  boxChars: 18,
  laneChars: 19,
  padding: 6,
  /** Room between rows, before the arrows' horizontal runs need more. */
  gap: 34,
  /** Distance between two horizontal runs in one gap, or two vertical runs in one gutter. */
  track: 7,
} as const;

export interface DiagramBox {
  id: string;
  number: number;
  kind: FlowNode['kind'];
  decision: boolean;
  lane: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The box's text, wrapped; a decision's first line is its mark. */
  lines: string[];
}

export interface DiagramEdge {
  from: string;
  to: string;
  /** SVG path data: orthogonal, ending on the target's top edge (in its middle, or a little right of it). */
  d: string;
  /** The arrow's tip (it points down). */
  tip: { x: number; y: number };
  /** An answer's label, on the arrow where it leaves the question. */
  label?: { lines: string[]; x: number; y: number; width: number; height: number };
}

export interface DiagramLane {
  key: string;
  name: string[];
  x: number;
  width: number;
}

export interface DiagramGeometry {
  width: number;
  /** The lane names' row (drawn apart, so that a screen can keep it in view). */
  headHeight: number;
  /** The body's height, under the lane names. */
  height: number;
  lanes: DiagramLane[];
  boxes: DiagramBox[];
  edges: DiagramEdge[];
}

/** What the drawing says: a lane's name and a node's label (the caller knows the roles). */
export interface DiagramText {
  laneName(key: string): string;
  label(placed: PlacedNode): string;
  /** The first line of a decision's box, e.g. "◆ Quyết định". */
  decisionMark: string;
}

/** A horizontal run in a gap between two rows: where it comes down into the gap, where it leaves it downwards. */
interface Run {
  key: string;
  /** Where the line comes down into the gap (a box's bottom, or a gutter). */
  drop: number;
  /** Where it goes down out of the gap (a box's top, or a gutter). */
  land: number;
}

/**
 * Tracks (from 0, top down) for the runs of one gap: runs whose spans overlap get different
 * tracks; a run that comes down where another leaves the gap sits above it, so that the two
 * vertical legs never share a stretch of line (which would join two boxes that are not
 * joined); and where it can, a run that comes down or leaves across another's span sits above
 * or below it, so that its vertical leg does not cross that run.
 */
function assignTracks(runs: Run[], margin: number, constrained = true): Map<string, number> {
  const span = (run: Run) => [Math.min(run.drop, run.land), Math.max(run.drop, run.land)] as const;
  const inside = (x: number, run: Run) => {
    const [from, to] = span(run);
    return x > from && x < to;
  };
  const must = (a: Run, b: Run) => constrained && a.key !== b.key && a.drop === b.land;
  const better = (a: Run, b: Run) =>
    constrained && a.key !== b.key && (inside(a.drop, b) || inside(b.land, a));
  const above = (a: Run, b: Run) => must(a, b) || better(a, b);
  const ordered = [...runs].sort((a, b) => span(a)[0] - span(b)[0] || a.key.localeCompare(b.key));
  const tracks = new Map<string, number>();
  const placed: { run: Run; track: number }[] = [];
  // Runs that must (or had better) sit above another go first; a "must" is never broken.
  const pending = [...ordered];
  while (pending.length > 0) {
    const free = (rule: (a: Run, b: Run) => boolean) =>
      pending.findIndex((run) => !pending.some((other) => rule(other, run)));
    const best = free(above);
    const index = best !== -1 ? best : Math.max(0, free(must));
    const [run] = pending.splice(index, 1) as [Run];
    const [from, to] = span(run);
    let track = Math.max(0, ...placed.filter((p) => above(p.run, run)).map((p) => p.track + 1));
    const clash = (t: number) =>
      placed.some((p) => {
        const [pf, pt] = span(p.run);
        return p.track === t && p.run.key !== run.key && pf <= to + margin && from <= pt + margin;
      });
    while (clash(track)) track += 1;
    tracks.set(run.key, track);
    placed.push({ run, track });
  }
  return tracks;
}

/** The layout in SVG user units: lanes as columns, boxes top-aligned on their row, arrows down. */
export function diagramGeometry(layout: SwimlaneLayout, text: DiagramText): DiagramGeometry {
  const { laneWidth, boxWidth, lineHeight, boxChars, laneChars, padding, gap, track } = DIAGRAM;
  const laneX = (column: number) => column * laneWidth;
  const centreX = (column: number) => laneX(column) + laneWidth / 2;

  const lanes = layout.lanes.map((lane) => ({
    key: lane.key,
    name: wrapText(text.laneName(lane.key), laneChars),
    x: laneX(lane.column),
    width: laneWidth,
  }));
  const headHeight = Math.max(...lanes.map((lane) => lane.name.length)) * lineHeight + 2 * padding;

  const sized = layout.nodes.map((placed) => {
    const lines = [
      ...(placed.decision ? [text.decisionMark] : []),
      ...wrapText(`${placed.number}. ${text.label(placed)}`, boxChars),
    ];
    return { placed, lines, height: lines.length * lineHeight + 2 * padding };
  });
  const rowHeight = Array.from({ length: layout.rows }, (_, row) =>
    Math.max(0, ...sized.filter((s) => s.placed.row === row).map((s) => s.height)),
  );
  const place = new Map(layout.nodes.map((placed) => [placed.node.id, placed]));

  // Where each edge leaves its source: a step from the middle of its box's bottom; each
  // answer of a question from its own point along it, labelled right there.
  const exitX = new Map<PlacedEdge, number>();
  const labels = new Map<
    PlacedEdge,
    { lines: string[]; width: number; height: number; dy: number }
  >();
  const labelDepth = new Map<number, number>();
  for (const placed of layout.nodes) {
    const out = layout.edges.filter((edge) => edge.from === placed.node.id);
    let right = -Infinity;
    let dy = 3;
    out.forEach((edge, index) => {
      const x =
        out.length === 1
          ? centreX(placed.column)
          : centreX(placed.column) - boxWidth / 2 + (boxWidth * (index + 1)) / (out.length + 1);
      exitX.set(edge, x);
      if (!edge.label) return;
      const lines = wrapText(edge.label, 12);
      const width = Math.max(...lines.map((line) => line.length)) * 7.2 + 8;
      const height = lines.length * 13 + 4;
      // Labels that would overlap stack downwards.
      if (x - width / 2 < right + 2) dy += height + 2;
      right = x + width / 2;
      labels.set(edge, { lines, width, height, dy });
      labelDepth.set(placed.row, Math.max(labelDepth.get(placed.row) ?? 0, dy + height));
    });
  }

  // The runs of each gap (below a row) and of each gutter, then how many tracks each needs.
  const long = (from: PlacedNode, to: PlacedNode) => to.row > from.row + 1;
  const gutterOf = (from: PlacedNode, to: PlacedNode) =>
    to.column > from.column || to.column === layout.lanes.length - 1
      ? laneX(to.column)
      : laneX(to.column) + laneWidth;
  const runKey = (edge: PlacedEdge) =>
    edge.label ? `from:${edge.from}>${edge.to}` : `from:${edge.from}`;
  const gapRuns = new Map<number, Run[]>();
  const gutterRuns = new Map<number, Run[]>();
  const addTo = (map: Map<number, Run[]>, at: number, run: Run) =>
    map.set(at, [...(map.get(at) ?? []), run]);
  // Where an arrow enters its target: the middle of the top, or a little to the right where a
  // line leaving another box comes down there in the same gap (a gap between the two would read
  // as one line joining boxes that are not joined).
  const drops = new Map<number, { x: number; to: string }[]>();
  for (const edge of layout.edges) {
    const from = place.get(edge.from);
    if (from) {
      const list = drops.get(from.row) ?? [];
      list.push({ x: exitX.get(edge) ?? centreX(from.column), to: edge.to });
      drops.set(from.row, list);
    }
  }
  const entryX = (from: PlacedNode, to: PlacedNode) => {
    const centre = centreX(to.column);
    const gapRow = long(from, to) ? to.row - 1 : from.row;
    const clash = (drops.get(gapRow) ?? []).some(
      (drop) => drop.x === centre && drop.to !== to.node.id,
    );
    return clash ? centre + 2 * track + 4 : centre;
  };
  for (const edge of layout.edges) {
    const from = place.get(edge.from);
    const to = place.get(edge.to);
    if (!from || !to) continue;
    const sx = exitX.get(edge) ?? centreX(from.column);
    const tx = entryX(from, to);
    if (!long(from, to)) {
      addTo(gapRuns, from.row, { key: runKey(edge), drop: sx, land: tx });
    } else {
      const gx = gutterOf(from, to);
      addTo(gapRuns, from.row, { key: runKey(edge), drop: sx, land: gx });
      addTo(gapRuns, to.row - 1, { key: `to:${edge.to}`, drop: gx, land: tx });
      addTo(gutterRuns, gx, {
        key: `gutter:${edge.from}>${edge.to}`,
        drop: from.row,
        land: to.row,
      });
    }
  }
  const gapTracks = new Map(
    [...gapRuns].map(([row, runs]) => [row, assignTracks(runs, track)] as const),
  );
  const gutterTracks = new Map(
    [...gutterRuns].map(([x, runs]) => [x, assignTracks(runs, 0, false)] as const),
  );
  const tracksIn = (row: number) => Math.max(0, ...(gapTracks.get(row)?.values() ?? []));
  // The first run sits 10 below the row's lowest box (and its answers' labels).
  const firstRun = (row: number) => 10 + (labelDepth.get(row) ?? 0);
  const gapHeight = (row: number) => Math.max(gap, firstRun(row) + track * tracksIn(row) + 22);

  const rowTop: number[] = [];
  let top = padding;
  for (let row = 0; row < layout.rows; row++) {
    rowTop.push(top);
    top += (rowHeight[row] ?? 0) + gapHeight(row);
  }
  const height = top - gapHeight(layout.rows - 1) + padding;

  const boxes: DiagramBox[] = sized.map(({ placed, lines, height: h }) => ({
    id: placed.node.id,
    number: placed.number,
    kind: placed.node.kind,
    decision: placed.decision,
    lane: placed.lane,
    x: centreX(placed.column) - boxWidth / 2,
    y: rowTop[placed.row] ?? 0,
    width: boxWidth,
    height: h,
    lines,
  }));
  const boxOf = new Map(boxes.map((box) => [box.id, box]));
  const channel = (row: number, key: string) =>
    (rowTop[row] ?? 0) +
    (rowHeight[row] ?? 0) +
    firstRun(row) +
    track * (gapTracks.get(row)?.get(key) ?? 0);

  const edges: DiagramEdge[] = layout.edges.flatMap((edge) => {
    const from = place.get(edge.from);
    const to = place.get(edge.to);
    const source = boxOf.get(edge.from);
    const target = boxOf.get(edge.to);
    if (!from || !to || !source || !target) return [];
    const sx = exitX.get(edge) ?? centreX(from.column);
    const tx = entryX(from, to);
    const sy = source.y + source.height;
    const ty = target.y;
    const out = channel(from.row, runKey(edge));
    let d: string;
    if (!long(from, to)) d = sx === tx ? `M${sx} ${sy}V${ty}` : `M${sx} ${sy}V${out}H${tx}V${ty}`;
    else {
      const side = gutterOf(from, to);
      const shift = track * (gutterTracks.get(side)?.get(`gutter:${edge.from}>${edge.to}`) ?? 0);
      // Runs in a gutter spread away from the target's box.
      const gx = side === laneX(to.column) ? side - shift : side + shift;
      const into = channel(to.row - 1, `to:${edge.to}`);
      d = `M${sx} ${sy}V${out}H${gx}V${into}H${tx}V${ty}`;
    }
    const placedEdge: DiagramEdge = { from: edge.from, to: edge.to, d, tip: { x: tx, y: ty } };
    const label = labels.get(edge);
    if (label) {
      const { lines, width, height, dy } = label;
      placedEdge.label = { lines, x: sx, y: sy + dy, width, height };
    }
    return [placedEdge];
  });

  return { width: layout.lanes.length * laneWidth, headHeight, height, lanes, boxes, edges };
}
