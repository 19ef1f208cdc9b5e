import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import type { Flow } from '../../src/lib/content/flows-schema.ts';
import {
  DIAGRAM,
  diagramGeometry,
  OUTCOME_LANE,
  swimlaneLayout,
  wrapText,
  type DiagramGeometry,
} from '../../src/lib/flows/layout.ts';

const handbook = loadHandbook('content');
const text = {
  laneName: (key: string) => (key === OUTCOME_LANE ? 'Kết quả' : handbook.role(key).name),
  label: ({ node }: { node: Flow['nodes'][number] }) =>
    node.kind === 'outcome' ? node.title : node.short,
  decisionMark: '◆ Quyết định',
};

interface Segment {
  edge: { from: string; to: string };
  vertical: boolean;
  /** x of a vertical segment, y of a horizontal one. */
  at: number;
  from: number;
  to: number;
}

/** The straight pieces of each edge's path ("M x y V y H x …"). */
function segments(geometry: DiagramGeometry): Segment[] {
  const list: Segment[] = [];
  for (const edge of geometry.edges) {
    const tokens = edge.d.match(/[MVH]|-?\d+(?:\.\d+)?/g) ?? [];
    let x = 0;
    let y = 0;
    for (let i = 0; i < tokens.length;) {
      const command = tokens[i++];
      if (command === 'M') {
        x = Number(tokens[i++]);
        y = Number(tokens[i++]);
      } else if (command === 'V') {
        const next = Number(tokens[i++]);
        list.push({ edge, vertical: true, at: x, from: Math.min(y, next), to: Math.max(y, next) });
        y = next;
      } else if (command === 'H') {
        const next = Number(tokens[i++]);
        list.push({ edge, vertical: false, at: y, from: Math.min(x, next), to: Math.max(x, next) });
        x = next;
      } else throw new Error(`unexpected ${command} in ${edge.d}`);
    }
  }
  return list;
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A made-up flow: `length` steps that go back and forth between two roles, then an outcome. */
function longFlow(length: number): Flow {
  const actors = ['lanh-dao-ca-truc', 'cong-chuc-gshqtt'];
  const nodes: Flow['nodes'] = Array.from({ length }, (_, i) => ({
    id: `buoc-${i}`,
    kind: 'step' as const,
    actor: actors[i % 2]!,
    action: `Bước ${i}`,
    short: `Bước ${i}`,
    cites: ['art_7__para_1__point_a'],
    carries: [],
    next: i === length - 1 ? 'ket-thuc' : `buoc-${i + 1}`,
  }));
  nodes.push({
    id: 'ket-thuc',
    kind: 'outcome',
    title: 'Kết thúc',
    summary: 'Kết thúc.',
    cites: ['art_7__para_1__point_a'],
  });
  return {
    id: 'dai',
    title: 'Dài',
    shortTitle: 'Dài',
    summary: 'Dài.',
    moment: 'trong-ca',
    start: 'buoc-0',
    nodes,
  } as unknown as Flow;
}

describe('swimlane layout', () => {
  it.each(handbook.flows.map((f) => [f.id]))(
    '%s: one column per role, every arrow pointing down, no two boxes in one cell',
    (id) => {
      const flow = handbook.flow(id);
      const layout = swimlaneLayout(flow);
      expect(layout.nodes).toHaveLength(flow.nodes.length);

      const cells = new Set(layout.nodes.map((n) => `${n.lane}:${n.row}`));
      expect(cells.size).toBe(layout.nodes.length);

      const place = new Map(layout.nodes.map((n) => [n.node.id, n]));
      for (const edge of layout.edges) {
        expect(
          (place.get(edge.to)?.row ?? -1) > (place.get(edge.from)?.row ?? Infinity),
          `${edge.from} → ${edge.to}`,
        ).toBe(true);
      }
      for (const placed of layout.nodes) {
        if (placed.node.kind === 'step') expect(placed.lane).toBe(placed.node.actor);
        if (placed.node.kind === 'outcome') expect(placed.lane).toBe(OUTCOME_LANE);
        if (placed.node.kind === 'question' && placed.node.decidedBy)
          expect(placed.lane).toBe(placed.node.decidedBy);
        expect(placed.decision).toBe(
          placed.node.kind === 'question' && placed.node.decidedBy !== undefined,
        );
        expect(layout.lanes[placed.column]?.key).toBe(placed.lane);
      }
      const roleLanes = layout.lanes.map((l) => l.key).filter((key) => key !== OUTCOME_LANE);
      expect(new Set(roleLanes).size).toBe(roleLanes.length);
      for (const key of roleLanes) expect(handbook.roles.some((r) => r.id === key)).toBe(true);
      expect(layout.lanes.at(-1)?.key).toBe(OUTCOME_LANE);
      // Numbers follow the reading order shared with the text equivalent.
      expect(layout.nodes.map((n) => n.number)).toEqual(flow.order.map((n) => flow.number(n.id)));
    },
  );

  it('lays out the approval flow with the lanes of the text, in order of appearance', () => {
    const layout = swimlaneLayout(handbook.flow('tinh-huong-trong-gio'));
    expect(layout.lanes.map((l) => l.key)).toEqual([
      'cong-chuc-gshqtt',
      'lanh-dao-phong-gshqtt',
      'truong-phong-gshqtt',
      'lanh-dao-cap-phong-truc-ban',
      'lanh-dao-ca-truc',
      OUTCOME_LANE,
    ]);
    // Both approvals are marked as decisions, each in its approver's column.
    expect(layout.nodes.filter((n) => n.decision).map((n) => [n.node.id, n.lane])).toEqual([
      ['lanh-dao-phong-phe-duyet', 'lanh-dao-phong-gshqtt'],
      ['lanh-dao-ca-truc-phe-duyet', 'lanh-dao-ca-truc'],
    ]);
  });

  it('keeps the width of its lanes however many steps a flow has', () => {
    const short = diagramGeometry(swimlaneLayout(longFlow(3)), text);
    const long = diagramGeometry(swimlaneLayout(longFlow(40)), text);
    expect(long.width).toBe(3 * DIAGRAM.laneWidth);
    expect(long.width).toBe(short.width);
    expect(long.height).toBeGreaterThan(10 * short.height);
  });
});

describe('diagram geometry', () => {
  it.each(handbook.flows.map((f) => [f.id]))(
    '%s: boxes apart and inside their lane, arrows ending on their target, no two arrows sharing a line',
    (id) => {
      const flow = handbook.flow(id);
      const layout = swimlaneLayout(flow);
      const geometry = diagramGeometry(layout, text);
      expect(geometry.width).toBe(layout.lanes.length * DIAGRAM.laneWidth);
      expect(geometry.boxes).toHaveLength(flow.nodes.length);

      for (const [i, box] of geometry.boxes.entries()) {
        const lane = geometry.lanes.find((l) => l.key === box.lane)!;
        expect(box.x).toBeGreaterThanOrEqual(lane.x);
        expect(box.x + box.width).toBeLessThanOrEqual(lane.x + lane.width);
        expect(box.y + box.height).toBeLessThanOrEqual(geometry.height);
        for (const other of geometry.boxes.slice(i + 1))
          expect(overlaps(box, other), `${box.id} / ${other.id}`).toBe(false);
        // Every line of text fits the box.
        for (const line of box.lines) expect(line.length).toBeLessThanOrEqual(DIAGRAM.boxChars);
      }
      const decisions = geometry.boxes.filter((b) => b.decision);
      for (const box of decisions) expect(box.lines[0]).toBe('◆ Quyết định');

      const boxOf = new Map(geometry.boxes.map((b) => [b.id, b]));
      for (const edge of geometry.edges) {
        const target = boxOf.get(edge.to)!;
        // On the target's top, in its middle or a little right of it.
        expect(edge.tip.y).toBe(target.y);
        expect(edge.tip.x).toBeGreaterThanOrEqual(target.x + target.width / 2);
        expect(edge.tip.x).toBeLessThanOrEqual(target.x + target.width / 2 + 24);
        expect(edge.d.endsWith(`V${target.y}`)).toBe(true);
      }
      const all = segments(geometry);
      for (const segment of all) {
        expect(segment.from).toBeGreaterThanOrEqual(0);
        expect(segment.to).toBeLessThanOrEqual(segment.vertical ? geometry.height : geometry.width);
        // No line runs through a box other than its own ends.
        for (const box of geometry.boxes) {
          if (box.id === segment.edge.from || box.id === segment.edge.to) continue;
          const rect = segment.vertical
            ? { x: segment.at, y: segment.from, width: 0.01, height: segment.to - segment.from }
            : { x: segment.from, y: segment.at, width: segment.to - segment.from, height: 0.01 };
          expect(
            overlaps(rect, box),
            `${segment.edge.from}→${segment.edge.to} through ${box.id}`,
          ).toBe(false);
        }
      }
      // Two arrows that share neither end never share a stretch of line, and two vertical legs
      // on one line stay well apart: either would read as boxes joined that the flow does not join.
      for (const [i, a] of all.entries()) {
        for (const b of all.slice(i + 1)) {
          if (a.edge.from === b.edge.from || a.edge.to === b.edge.to) continue;
          if (a.vertical !== b.vertical || a.at !== b.at) continue;
          const apart = Math.max(a.from, b.from) - Math.min(a.to, b.to);
          expect(
            apart,
            `${a.edge.from}→${a.edge.to} and ${b.edge.from}→${b.edge.to}`,
          ).toBeGreaterThan(a.vertical ? 12 : 0);
        }
      }
      // A vertical leg crosses another arrow's horizontal run at most once in a flow (the
      // in-hours flow's «Không» going down past 3's run to 4 cannot be helped).
      const crossings = all
        .filter((v) => v.vertical)
        .flatMap((v) =>
          all.filter(
            (h) =>
              !h.vertical &&
              v.edge.from !== h.edge.from &&
              v.edge.to !== h.edge.to &&
              v.at > h.from &&
              v.at < h.to &&
              h.at > v.from &&
              h.at < v.to,
          ),
        );
      expect(crossings.length).toBeLessThanOrEqual(1);
      // Answers' labels sit clear of every box.
      for (const edge of geometry.edges.filter((e) => e.label)) {
        const { x, y, width, height } = edge.label!;
        const rect = { x: x - width / 2, y, width, height };
        for (const box of geometry.boxes)
          expect(overlaps(rect, box), `label → ${box.id}`).toBe(false);
      }
    },
  );
});

describe('wrapText', () => {
  it('wraps at word boundaries within the width, keeping every word', () => {
    const text = 'Chỉ đạo làm rõ qua các hệ thống, có phương án chỉ đạo';
    const lines = wrapText(text, 20);
    expect(lines).toEqual(['Chỉ đạo làm rõ qua', 'các hệ thống, có', 'phương án chỉ đạo']);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
  });

  it('gives an over-long word its own line rather than cutting it', () => {
    expect(wrapText('a bbbbbbbbbbbb c', 5)).toEqual(['a', 'bbbbbbbbbbbb', 'c']);
  });
});
