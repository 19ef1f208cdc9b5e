import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import type { Flow } from '../../src/lib/content/schema.ts';
import { uncarried } from '../../src/lib/content/spans.ts';
import { answerPrefixes, enumeratePaths, readingOrder, walk } from '../../src/lib/flows/paths.ts';

const handbook = loadHandbook('content');
const flow = (id: string) => handbook.flow(id);

/** The paths of each flow, answers → outcome, in the order the options are written. */
const EXPECTED_PATHS: Record<string, [string, string][]> = {
  'dat-trong-diem': [['', 'da-dat-trong-diem']],
  'kiem-soat-noi-bo': [
    ['co', 'da-bao-cao-de-xuat'],
    ['khong', 'da-bao-cao-de-xuat'],
  ],
  'tinh-huong-ngoai-gio': [
    ['co', 'da-thuc-hien'],
    ['khong', 'chua-duoc-dong-y'],
  ],
  'tinh-huong-trong-gio': [
    ['co/co', 'da-thuc-hien'],
    ['co/khong', 'chua-duoc-phe-duyet'],
    ['khong/co', 'da-thuc-hien'],
    ['khong/khong', 'chua-duoc-phe-duyet'],
  ],
};

/** "Flow N of docs/DOMAIN.md" at the top of each flow file names the flow that item N of the notes describes. */
describe('the flows cite the domain notes', () => {
  const notes = readFileSync('docs/DOMAIN.md', 'utf8');
  it.each(handbook.flows.map((f) => f.id))('%s', (id) => {
    const cited = /^# Flow (\d) of docs\/DOMAIN\.md/.exec(
      readFileSync(`content/flows/${id}.yaml`, 'utf8'),
    )?.[1];
    expect(cited).toBeDefined();
    expect(notes).toMatch(new RegExp(`^${cited}\\. \\*\\*[^\\n]*\\(\`${id}\`\\)`, 'm'));
  });
});

describe('path enumeration over the four flows', () => {
  it('has the four flows of docs/DOMAIN.md («Flows»), in the order of the shift moments', () => {
    expect(handbook.flows.map((f) => f.id)).toEqual([
      'dat-trong-diem',
      'kiem-soat-noi-bo',
      'tinh-huong-trong-gio',
      'tinh-huong-ngoai-gio',
    ]);
    expect(handbook.flows.map((f) => f.nodes.length)).toEqual([7, 8, 18, 21]);
  });

  it.each(Object.entries(EXPECTED_PATHS))('%s: paths asserted exactly', (id, expected) => {
    const paths = enumeratePaths(flow(id));
    expect(paths.map((p) => [p.answers.join('/'), p.outcome])).toEqual(expected);
    for (const path of paths) {
      expect(path.nodes[0]).toBe(flow(id).start);
      expect(path.nodes.at(-1)).toBe(path.outcome);
      expect(flow(id).node(path.outcome).kind).toBe('outcome');
    }
  });

  it.each(handbook.flows.map((f) => [f.id]))('%s: every node lies on some path', (id) => {
    const onPaths = new Set(enumeratePaths(flow(id)).flatMap((p) => p.nodes));
    expect([...onPaths].sort()).toEqual(
      flow(id)
        .nodes.map((n) => n.id)
        .sort(),
    );
  });

  it('counts 4 flows, 54 nodes and 9 paths in all', () => {
    const nodes = handbook.flows.reduce((sum, f) => sum + f.nodes.length, 0);
    const paths = handbook.flows.reduce((sum, f) => sum + f.paths.length, 0);
    expect([handbook.flows.length, nodes, paths]).toEqual([4, 54, 9]);
  });

  it('gives every step, question and outcome at least one citation, and every outcome where the text is silent a citation too', () => {
    for (const f of handbook.flows) {
      for (const node of f.nodes) {
        expect(node.cites.length, `${f.id}/${node.id}`).toBeGreaterThan(0);
        if (node.kind === 'outcome' && node.silence)
          expect(node.silence.cites.length).toBeGreaterThan(0);
      }
    }
  });

  it('asks only the decisions the text supports: approval (by whom the text says) and violation', () => {
    const questions = handbook.flows.flatMap((f) =>
      f.nodes.flatMap((n) =>
        n.kind === 'question' ? [`${f.id}/${n.id}:${n.decidedBy ?? '-'}:${n.cites.join('+')}`] : [],
      ),
    );
    expect(questions).toEqual([
      'kiem-soat-noi-bo/co-vi-pham:-:art_7__para_1__point_b',
      'tinh-huong-trong-gio/lanh-dao-phong-phe-duyet:lanh-dao-phong-gshqtt:art_7__para_3__subpara_2__point_c',
      'tinh-huong-trong-gio/lanh-dao-ca-truc-phe-duyet:lanh-dao-ca-truc:art_7__para_2__point_c+art_7__para_3__subpara_1__point_c',
      'tinh-huong-ngoai-gio/lanh-dao-ca-truc-dong-y:lanh-dao-ca-truc:art_7__para_3__subpara_1__point_e+art_7__para_2__point_c+art_7__para_3__subpara_1__point_c',
    ]);
  });

  it('ends every path whose last approval is refused at an outcome that says the text is silent', () => {
    const refused = handbook.flows.flatMap((f) =>
      f.paths
        .filter((p) => {
          const state = walk(f, p.answers);
          const last = state.answered.at(-1);
          return last?.question.decidedBy !== undefined && last.option.id === 'khong';
        })
        .map((p) => f.node(p.outcome)),
    );
    expect(refused.map((n) => n.id)).toEqual([
      'chua-duoc-phe-duyet',
      'chua-duoc-phe-duyet',
      'chua-duoc-dong-y',
    ]);
    for (const outcome of refused) {
      expect(outcome.kind === 'outcome' && outcome.silence?.text.startsWith('Điều 7 không')).toBe(
        true,
      );
    }
  });
});

/**
 * What the text makes unconditional is on every path: the words of the point that the
 * steps of a path carry, and what no step on that path carries (connecting words aside).
 */
describe('unconditional steps are reached on every path', () => {
  const uncarriedOn = (f: ReturnType<typeof flow>, nodes: string[], eId: string) => {
    const spans = nodes.flatMap((id) => {
      const node = f.node(id);
      return node.kind === 'step' && node.cites.includes(eId) ? node.carries : [];
    });
    return uncarried(handbook.provision(eId).text ?? '', spans);
  };

  it('in office hours, every path carries all of 3.1 b and 1 d, and 2 c up to its approval', () => {
    const inHours = flow('tinh-huong-trong-gio');
    expect(inHours.paths).toHaveLength(4);
    for (const path of inHours.paths) {
      const at = path.answers.join('/');
      expect(uncarriedOn(inHours, path.nodes, 'art_7__para_3__subpara_1__point_b'), at).toEqual([]);
      expect(uncarriedOn(inHours, path.nodes, 'art_7__para_1__point_d'), at).toEqual([]);
      // 2 c's last part is the text's own condition: it is carried only where the shift leader approved.
      expect(uncarriedOn(inHours, path.nodes, 'art_7__para_2__point_c'), at).toEqual(
        path.answers.at(-1) === 'co'
          ? []
          : ['chỉ thực hiện khi có sự đồng ý, phê duyệt của lãnh đạo ca trực'],
      );
    }
    // The officer's refusal no longer ends the flow: both answers to the first question lead on.
    expect(new Set(inHours.paths.map((p) => p.answers[0]))).toEqual(new Set(['co', 'khong']));
  });

  it("outside office hours too, every path carries all of 3.1 b, 3.1 d and 1 d, 3.2 c's «chỉ thực hiện khi …», and 2 c, 3.1 e and 3.1 c up to their approval", () => {
    const outOfHours = flow('tinh-huong-ngoai-gio');
    expect(outOfHours.paths).toHaveLength(2);
    for (const path of outOfHours.paths) {
      const at = path.answers.join('/');
      const approved = path.answers.at(-1) === 'co';
      for (const eId of [
        'art_7__para_3__subpara_1__point_b',
        'art_7__para_3__subpara_1__point_d',
        'art_7__para_1__point_d',
        'art_7__para_2__point_d',
      ])
        expect(uncarriedOn(outOfHours, path.nodes, eId), `${at} ${eId}`).toEqual([]);
      expect(uncarriedOn(outOfHours, path.nodes, 'art_7__para_2__point_c'), at).toEqual(
        approved ? [] : ['chỉ thực hiện khi có sự đồng ý, phê duyệt của lãnh đạo ca trực'],
      );
      expect(uncarriedOn(outOfHours, path.nodes, 'art_7__para_3__subpara_1__point_e'), at).toEqual(
        approved ? [] : ['chỉ thực hiện khi có sự đồng ý của lãnh đạo ca trực'],
      );
      // 3.1 c has no office-hours limit either: its first sentence follows the approval, as in office hours.
      expect(uncarriedOn(outOfHours, path.nodes, 'art_7__para_3__subpara_1__point_c'), at).toEqual(
        approved
          ? []
          : [
              'Phối hợp lãnh đạo cấp phòng trực ban, để chỉ đạo cá nhân, đơn vị có liên quan thực hiện sau khi được sự phê duyệt của lãnh đạo ca trực. Tổ chức theo dõi, giám sát, đôn đốc và cập nhật kết quả thực hiện chỉ đạo của trực ban',
            ],
      );
      // The officer who reports waits for the leader's consent (3.2 c), on every path.
      expect(
        uncarriedOn(outOfHours, path.nodes, 'art_7__para_3__subpara_2__point_c'),
        at,
      ).not.toContainEqual(
        expect.stringContaining('chỉ thực hiện khi có sự đồng ý, phê duyệt của lãnh đạo'),
      );
    }
  });

  it("in internal control, every path carries 1 b's report to the Director General; only the violation branch its handling", () => {
    const control = flow('kiem-soat-noi-bo');
    const report =
      'tiếp nhận, phân tích báo cáo kết quả kiểm tra, kiểm soát của các đơn vị để kịp thời báo cáo, đề xuất Tổng cục trưởng chỉ đạo các đơn vị liên quan thực hiện biện pháp phòng ngừa, ngăn chặn, xử lý vi phạm';
    expect(control.paths.map((p) => p.answers.join('/'))).toEqual(['co', 'khong']);
    for (const path of control.paths) {
      const left = uncarriedOn(control, path.nodes, 'art_7__para_1__point_b');
      expect(
        left.some((words) => report.includes(words)),
        path.answers.join('/'),
      ).toBe(false);
      expect(left).toEqual(
        path.answers[0] === 'co'
          ? []
          : [
              'chịu trách nhiệm về việc chỉ đạo kiểm tra, dừng đưa hàng qua khu vực giám sát, xử lý khi phát hiện vi phạm',
            ],
      );
    }
  });
});

describe('walking a flow by its answers (the URLs of the guide)', () => {
  const inHours = flow('tinh-huong-trong-gio');

  it('stops at the first question before any answer, having passed the steps before it', () => {
    const state = walk(inHours, []);
    expect(state.kind).toBe('question');
    if (state.kind !== 'question') return;
    expect(state.question.id).toBe('lanh-dao-phong-phe-duyet');
    expect(state.steps.map((s) => s.id)).toEqual(['bao-cao-lanh-dao-phong']);
  });

  it('reaches each path’s outcome with the steps of that path, in order', () => {
    for (const path of inHours.paths) {
      const state = walk(inHours, path.answers);
      expect(state.kind).toBe('outcome');
      if (state.kind !== 'outcome') continue;
      expect(state.outcome.id).toBe(path.outcome);
      expect(state.steps.map((s) => s.id)).toEqual(
        path.nodes.filter((id) => inHours.node(id).kind === 'step'),
      );
      expect(state.answered.map((a) => a.option.id)).toEqual(path.answers);
    }
    const approved = walk(inHours, ['co', 'co']);
    expect(approved.kind === 'outcome' && approved.steps.map((s) => s.actor)).toEqual([
      'cong-chuc-gshqtt',
      'cong-chuc-gshqtt',
      'truong-phong-gshqtt',
      'lanh-dao-cap-phong-truc-ban',
      'lanh-dao-cap-phong-truc-ban',
      'lanh-dao-ca-truc',
      'lanh-dao-cap-phong-truc-ban',
      'truong-phong-gshqtt',
      'truong-phong-gshqtt',
      'lanh-dao-ca-truc',
      'lanh-dao-cap-phong-truc-ban',
    ]);
  });

  it('rejects an answer the question does not offer, and answers past the outcome', () => {
    expect(walk(inHours, ['co', 'co-the'])).toMatchObject({
      kind: 'invalid',
      reason: '"co-the" is not an answer to "lanh-dao-ca-truc-phe-duyet" (co, khong)',
    });
    expect(walk(inHours, ['khong', 'co', 'co'])).toMatchObject({
      kind: 'invalid',
      reason: 'the flow ends at "da-thuc-hien" after 2 answer(s); 3 given',
    });
  });

  it('gives a page to every answer list on the way to an outcome, and to no other', () => {
    expect(inHours.prefixes.map((p) => p.join('/'))).toEqual([
      '',
      'co',
      'co/co',
      'co/khong',
      'khong',
      'khong/co',
      'khong/khong',
    ]);
    expect(handbook.flows.map((f) => f.prefixes.length)).toEqual([1, 3, 7, 3]);
    for (const f of handbook.flows) {
      for (const prefix of f.prefixes)
        expect(walk(f, prefix).kind, `${f.id}/${prefix.join('/')}`).not.toBe('invalid');
    }
  });
});

describe('enumeration on a synthetic flow with shared nodes', () => {
  // q1 (2 answers) → a shared step → q2 (3 answers) → three outcomes: 2 × 3 = 6 paths.
  const step = (id: string, next: string) => ({
    id,
    kind: 'step' as const,
    actor: 'lanh-dao-ca-truc',
    action: id,
    short: id,
    cites: ['art_7__para_1__point_d'],
    carries: ['có phương án chỉ đạo phù hợp'],
    next,
  });
  const outcome = (id: string) => ({
    id,
    kind: 'outcome' as const,
    title: id,
    summary: id,
    cites: ['art_7__para_1__point_d'],
  });
  const synthetic: Flow = {
    id: 'thu',
    title: 'Thử',
    shortTitle: 'Thử',
    summary: 'Thử',
    moment: 'khi-phat-sinh',
    start: 'q1',
    nodes: [
      {
        id: 'q1',
        kind: 'question',
        question: 'q1?',
        short: 'q1',
        cites: ['art_7__para_1__point_d'],
        options: [
          { id: 'a', label: 'A', next: 's1' },
          { id: 'b', label: 'B', next: 's2' },
        ],
      },
      step('s1', 'chung'),
      step('s2', 'chung'),
      step('chung', 'q2'),
      {
        id: 'q2',
        kind: 'question',
        question: 'q2?',
        short: 'q2',
        cites: ['art_7__para_1__point_d'],
        options: ['x', 'y', 'z'].map((id) => ({ id, label: id, next: `k-${id}` })),
      },
      outcome('k-x'),
      outcome('k-y'),
      outcome('k-z'),
    ],
  };

  it('enumerates every combination through the shared step', () => {
    expect(enumeratePaths(synthetic).map((p) => `${p.answers.join('/')}>${p.outcome}`)).toEqual([
      'a/x>k-x',
      'a/y>k-y',
      'a/z>k-z',
      'b/x>k-x',
      'b/y>k-y',
      'b/z>k-z',
    ]);
    expect(enumeratePaths(synthetic)[4]?.nodes).toEqual(['q1', 's2', 'chung', 'q2', 'k-y']);
    expect(answerPrefixes(synthetic)).toHaveLength(9);
  });

  it('reads depth first, each shared node once', () => {
    expect(readingOrder(synthetic).map((n) => n.id)).toEqual([
      'q1',
      's1',
      'chung',
      'q2',
      'k-x',
      'k-y',
      'k-z',
      's2',
    ]);
  });

  it('refuses to enumerate a cycle instead of looping forever', () => {
    const looped = structuredClone(synthetic);
    const last = looped.nodes[3];
    if (last?.kind === 'step') last.next = 'q1';
    expect(() => enumeratePaths(looped)).toThrow('cycle through "q1"');
  });
});
