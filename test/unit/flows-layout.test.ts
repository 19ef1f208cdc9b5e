import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { OUTCOME_LANE, swimlaneLayout, wrapText } from '../../src/lib/flows/layout.ts';

const handbook = loadHandbook('content');

describe('swimlane layout', () => {
  it.each(handbook.flows.map((f) => [f.id]))(
    '%s: one lane per role, arrows pointing right, no two boxes in one cell',
    (id) => {
      const flow = handbook.flow(id);
      const layout = swimlaneLayout(flow);
      expect(layout.nodes).toHaveLength(flow.nodes.length);

      const cells = new Set(layout.nodes.map((n) => `${n.row}:${n.column}`));
      expect(cells.size).toBe(layout.nodes.length);

      const place = new Map(layout.nodes.map((n) => [n.node.id, n]));
      for (const edge of layout.edges) {
        expect(
          (place.get(edge.to)?.column ?? -1) > (place.get(edge.from)?.column ?? Infinity),
          `${edge.from} → ${edge.to}`,
        ).toBe(true);
      }
      for (const placed of layout.nodes) {
        if (placed.node.kind === 'step') expect(placed.lane).toBe(placed.node.actor);
        if (placed.node.kind === 'outcome') expect(placed.lane).toBe(OUTCOME_LANE);
        if (placed.node.kind === 'question' && placed.node.decidedBy)
          expect(placed.lane).toBe(placed.node.decidedBy);
        const lane = layout.lanes.find((l) => l.key === placed.lane);
        expect(lane && placed.row >= lane.top && placed.row < lane.top + lane.rows).toBe(true);
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
    expect(layout.columns).toBe(14);
  });
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
