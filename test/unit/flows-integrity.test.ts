import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, formatIssue } from '../../src/lib/content/errors.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import type { Flow } from '../../src/lib/content/schema.ts';
import { checkFlow, roleNames, type FlowContext } from '../../src/lib/flows/graph.ts';
import { copyContent, type ContentCopy } from '../support/content-copy.ts';

const FIXTURES = 'test/fixtures/flows';

/**
 * Each broken fixture (a small flow with one defect) is added to a copy of content/flows/;
 * loading must fail with exactly these problems, file, line, field, found and expected.
 * Every rule of src/lib/flows/graph.ts and the flow schema has at least one fixture.
 */
const broken: Record<string, string[]> = {
  'tro-den-nut-khong-co': [
    'flows/tro-den-nut-khong-co.yaml:30 nodes[1].options[1].next: expected the id of a node of this flow (bao-cao, phe-duyet, thuc-hien) (found "xin-y-kien")',
    'flows/tro-den-nut-khong-co.yaml:18 nodes[1].id: expected every path to end at an outcome; a path from this node ends at a missing node (found "phe-duyet")',
  ],
  'nut-khong-toi-duoc': [
    'flows/nut-khong-toi-duoc.yaml:36 nodes[3].id: expected every node to be reachable from the start ("bao-cao"); nothing leads to this node (found "mo-coi")',
  ],
  'vong-lap': [
    'flows/vong-lap.yaml:30 nodes[1].options[1].next: expected no cycles; this leads back: bao-cao → phe-duyet → bao-cao (found "bao-cao")',
  ],
  'khong-co-ket-qua': [
    'flows/khong-co-ket-qua.yaml:46 nodes[3].next: expected no cycles; this leads back: lam-ro → thuc-hien-lai → lam-ro (found "lam-ro")',
    'flows/khong-co-ket-qua.yaml:31 nodes[2].id: expected every path to end at an outcome; no outcome can be reached from this node (found "lam-ro")',
    'flows/khong-co-ket-qua.yaml:39 nodes[3].id: expected every path to end at an outcome; no outcome can be reached from this node (found "thuc-hien-lai")',
  ],
  'vai-tro-khong-co': [
    'flows/vai-tro-khong-co.yaml:12 nodes[0].actor: expected a role id from roles.yaml (found "thu-ky-ca-truc")',
  ],
  'vai-tro-khong-duoc-neu': [
    'flows/vai-tro-khong-duoc-neu.yaml:12 nodes[0].actor: expected a role that the cited text names (roles.yaml: holds, mentionedIn, relations); điểm c khoản 3.2 Điều 7 does not name it (found "tong-cuc-truong")',
  ],
  'buoc-khong-can-cu': [
    'flows/buoc-khong-can-cu.yaml:15 nodes[0].cites: expected at least 1 item(s): must cite at least one provision eId (found [])',
  ],
  'ket-qua-khong-can-cu': [
    'flows/ket-qua-khong-can-cu.yaml:36 nodes[3].cites: expected an array: this field is required (found nothing)',
  ],
  'can-cu-khong-co': [
    'flows/can-cu-khong-co.yaml:35 nodes[2].cites[0]: expected the eId of a provision of the quoted law (found "art_7__para_3__subpara_2__point_d")',
  ],
  'trung-id-nut': [
    'flows/trung-id-nut.yaml:36 nodes[3].id: expected a unique node id; already used at nodes[2] (found "thuc-hien")',
  ],
  'bat-dau-sai': [
    'flows/bat-dau-sai.yaml:8 start: expected the id of a node of this flow (bao-cao, phe-duyet, thuc-hien, khong-thuc-hien) (found "bat-dau")',
  ],
  'loai-nut-sai': [
    'flows/loai-nut-sai.yaml:11 nodes[0].kind: expected a value that is one of "step", "question", "outcome" (found "buoc")',
  ],
  'trung-cau-tra-loi': [
    'flows/trung-cau-tra-loi.yaml:28 nodes[1].options[1].id: expected a unique answer id within the question; already used at options[0] (found "co")',
  ],
  'thoi-diem-khong-co': [
    'flows/thoi-diem-khong-co.yaml:7 moment: expected a moment id from moments.yaml (dat-trong-diem, trong-ca, khi-phat-sinh, ngoai-gio, ghi-nhat-ky) (found "cuoi-ca")',
  ],
  'id-khac-ten-tep': [
    'flows/id-khac-ten-tep.yaml:3 id: expected the id to match the file name (flows/id-khac-ten-tep.yaml) (found "ten-khac")',
  ],
};

describe('flow integrity: broken flows stop the build with file, line, field, found and expected', () => {
  let copy: ContentCopy | undefined;
  afterEach(() => copy?.remove());

  const withFixture = (name: string): string => {
    copy = copyContent();
    copyFileSync(join(FIXTURES, `${name}.yaml`), join(copy.root, 'flows', `${name}.yaml`));
    return copy.root;
  };

  it('has a fixture file for every case, and a case for every fixture file', () => {
    const files = readdirSync(FIXTURES)
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
    expect(files).toEqual([...Object.keys(broken), 'hop-le'].sort());
  });

  it('loads the valid fixture the broken ones are made from', () => {
    const handbook = loadHandbook(withFixture('hop-le'));
    expect(handbook.flow('hop-le').paths.map((p) => p.outcome)).toEqual([
      'thuc-hien',
      'khong-thuc-hien',
    ]);
  });

  it.each(Object.entries(broken))('%s', (name, expected) => {
    const root = withFixture(name);
    let error: unknown;
    try {
      loadHandbook(root);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContentError);
    const issues = (error as ContentError).issues.map(formatIssue);
    expect(issues).toEqual(expected);
    expect((error as ContentError).message).toMatch(/Nothing was built\./);
  });
});

describe('checkFlow on the real content', () => {
  const set = loadContent('content');
  const handbook = loadHandbook('content');
  const context: FlowContext = {
    roles: new Set(handbook.roles.map((r) => r.id)),
    provisions: new Set(handbook.provisions.map((p) => p.eId)),
    moments: new Set(handbook.moments.map((m) => m.id)),
    names: roleNames(handbook.roles),
  };

  it('finds no problem in any of the four flows', () => {
    expect(set.flows.map((f) => f.value.id).sort()).toEqual([
      'dat-trong-diem',
      'kiem-soat-noi-bo',
      'tinh-huong-ngoai-gio',
      'tinh-huong-trong-gio',
    ]);
    for (const flow of set.flows) expect(checkFlow(flow.value, context), flow.value.id).toEqual([]);
  });

  it('catches a step handed to an actor the text does not name, in memory too', () => {
    const flow = structuredClone(
      set.flows.find((f) => f.value.id === 'kiem-soat-noi-bo')?.value,
    ) as Flow;
    const step = flow.nodes.find((n) => n.id === 'de-xuat-tong-cuc-truong');
    if (step?.kind !== 'step') throw new Error('fixture changed');
    step.actor = 'cong-chuc-gshqtt';
    expect(checkFlow(flow, context)).toEqual([
      {
        path: ['nodes', flow.nodes.indexOf(step), 'actor'],
        message:
          'expected a role that the cited text names (roles.yaml: holds, mentionedIn, relations); điểm b khoản 1 Điều 7 does not name it',
        found: 'cong-chuc-gshqtt',
      },
    ]);
  });

  it('names an actor through the clause it holds, what it is mentioned in, and its relations', () => {
    const names = roleNames(handbook.roles);
    expect(names('lanh-dao-ca-truc', 'art_7__para_1__point_d')).toBe(true); // holds clause 1
    expect(names('cong-chuc-phong-tong-hop', 'art_7__para_2__point_d')).toBe(true); // mentionedIn
    expect(names('lanh-dao-cap-phong-truc-ban', 'art_7__para_3__subpara_1__point_a')).toBe(true); // relation cites 3.1 a
    expect(names('tong-cuc-truong', 'art_7__para_3__subpara_2__point_c')).toBe(false);
    expect(names('cong-chuc-gshqtt', 'art_7__para_1__point_b')).toBe(false);
  });
});
