/**
 * Drills as content: each broken fixture (a small drill with one defect) is added to a copy
 * of content/drills/; loading must fail with exactly these problems — file, line, field
 * path, found and expected. Every rule of src/lib/drills/rules.ts and of the drill schema
 * has at least one fixture. Then the real drills: they load, and what they must hold.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { drillSchema } from '../../src/lib/content/drills-schema.ts';
import { ContentError, formatIssue } from '../../src/lib/content/errors.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { checkDrill, traineeTexts, type DrillContext } from '../../src/lib/drills/rules.ts';
import { roleNames } from '../../src/lib/flows/graph.ts';
import { copyContent, type ContentCopy } from '../support/content-copy.ts';

const FIXTURES = 'test/fixtures/drills';

const broken: Record<string, string[]> = {
  'vai-tro-khong-co': [
    'drills/vai-tro-khong-co.mdx:7 roles[2]: expected a role id from roles.yaml (found "thu-ky-ca-truc")',
  ],
  'trung-vai-tro': [
    'drills/trung-vai-tro.mdx:7 roles[2]: expected each role once; already listed at roles[0] (found "cong-chuc-gshqtt")',
  ],
  'vai-tro-khong-choi': [
    'drills/vai-tro-khong-choi.mdx:7 roles[2]: expected every role of the drill to receive an inject or have an expected action (found "lanh-dao-ca-truc")',
  ],
  'gui-ngoai-bai': [
    'drills/gui-ngoai-bai.mdx:35 injects[1].to: expected one of the drill\'s roles (cong-chuc-gshqtt, truong-phong-gshqtt) (found "lanh-dao-ca-truc")',
  ],
  'gui-vai-tro-khong-duoc-neu': [
    'drills/gui-vai-tro-khong-duoc-neu.mdx:17 injects[0].to: expected a role that the cited text names (roles.yaml: holds, mentionedIn, relations); điểm c khoản 3.2 Điều 7 does not name it (found "truong-phong-gshqtt")',
  ],
  'mong-doi-vai-tro-khong-duoc-neu': [
    'drills/mong-doi-vai-tro-khong-duoc-neu.mdx:47 injects[1].expected[0].role: expected a role that the cited text names (roles.yaml: holds, mentionedIn, relations); điểm b khoản 3.1 Điều 7 does not name it (found "tong-cuc-truong")',
  ],
  'can-cu-khong-co': [
    'drills/can-cu-khong-co.mdx:45 injects[1].cites[0]: expected the eId of a provision of the quoted law (found "art_7__para_3__subpara_1__point_g")',
  ],
  'can-cu-sai-dang': [
    'drills/can-cu-sai-dang.mdx:11 objectives[0].cites[0]: expected a value that must be a provision eId such as "art_7__para_1__point_a" (found "điểm c khoản 3.2")',
  ],
  'dap-an-khong-co': [
    'drills/dap-an-khong-co.mdx:25 injects[0].correct[0]: expected the id of an option of this inject (tong-cuc-truong, lanh-dao-phong) (found "lanh-dao-ca-truc")',
  ],
  'khong-co-dap-an': [
    'drills/khong-co-dap-an.mdx:25 injects[0].correct: expected at least 1 item(s): must name at least one correct option (found [])',
  ],
  'moi-dap-an-deu-dung': [
    'drills/moi-dap-an-deu-dung.mdx:43 injects[1].correct: expected at least one wrong option: a question every answer passes tests nothing (found ["chi-dao-lam-ro","cho-ca-sau"])',
  ],
  'trung-id-lua-chon': [
    'drills/trung-id-lua-chon.mdx:41 injects[1].options[1].id: expected a unique option id; already used at options[0] (found "chi-dao-lam-ro")',
    'drills/trung-id-lua-chon.mdx:43 injects[1].correct: expected at least one wrong option: a question every answer passes tests nothing (found ["chi-dao-lam-ro"])',
  ],
  'trung-id-tinh-huong': [
    'drills/trung-id-tinh-huong.mdx:33 injects[1].id: expected a unique inject id; already used at injects[0] (found "bao-cao")',
  ],
  'sai-thu-tu-gio': [
    'drills/sai-thu-tu-gio.mdx:34 injects[1].time: expected the injects in time order (the MSEL); the inject before is at 09:00 (found "08:50")',
  ],
  'gio-sai-dang': [
    'drills/gio-sai-dang.mdx:34 injects[1].time: expected a value that must be a time of day written "hh:mm", e.g. "08:15", in quotes (found "9g10")',
  ],
  'nut-quy-trinh-khong-co': [
    'drills/nut-quy-trinh-khong-co.mdx:28 injects[0].flowNode.node: expected the id of a node of flow tinh-huong-trong-gio (found "bao-cao-tong-cuc-truong")',
  ],
  'quy-trinh-khong-co': [
    'drills/quy-trinh-khong-co.mdx:28 injects[0].flowNode.flow: expected a flow id from flows/ (dat-trong-diem, kiem-soat-noi-bo, tinh-huong-ngoai-gio, tinh-huong-trong-gio) (found "tinh-huong-cuoi-tuan")',
  ],
  'lo-hanh-dong-mong-doi': [
    'drills/lo-hanh-dong-mong-doi.mdx:48 injects[1].expected[0].action: expected wording of its own: the trainee page shows this text, and expected actions are for the trainer only (found "Chỉ đạo sử dụng các biện pháp giám sát trực tuyến để thu thập, làm rõ nghi vấn")',
  ],
  'thieu-tinh-huong': [
    'drills/thieu-tinh-huong.mdx:4 injects: expected an array: this field is required (found nothing)',
  ],
  'truong-viet-sai': [
    'drills/truong-viet-sai.mdx:4 duration: expected a number: this field is required (found nothing)',
    'drills/truong-viet-sai.mdx:4 (whole file): unexpected field "thoiLuong": check the spelling',
  ],
  'ngay-sai': [
    'drills/ngay-sai.mdx:50 reviewedOn: expected a value that must be a date written yyyy-mm-dd (found "2026-02-30")',
  ],
  'ai-lam-viec-nay': [
    'drills/ai-lam-viec-nay.mdx:4 (whole file): expected another file name: /dien-tap/ai-lam-viec-nay/ is a page of the site (found "ai-lam-viec-nay")',
  ],
  ten_sai: [
    'drills/ten_sai.mdx:4 (whole file): expected a file name of lower-case letters, digits and hyphens (it is the drill\'s URL) (found "ten_sai")',
  ],
  'khong-co-frontmatter': [
    'drills/khong-co-frontmatter.mdx:1 (whole file): expected the file to start with YAML frontmatter between two "---" lines',
  ],
  'yaml-hong': ['drills/yaml-hong.mdx:4 (whole file): expected valid YAML: Missing closing "quote'],
};

describe('drill integrity: broken drills stop the build with file, line, field, found and expected', () => {
  let copy: ContentCopy | undefined;
  afterEach(() => copy?.remove());

  const withFixture = (name: string): string => {
    copy = copyContent();
    copyFileSync(join(FIXTURES, `${name}.mdx`), join(copy.root, 'drills', `${name}.mdx`));
    return copy.root;
  };

  it('has a fixture file for every case, and a case for every fixture file', () => {
    const files = readdirSync(FIXTURES)
      .map((f) => f.replace(/\.mdx$/, ''))
      .sort();
    expect(files).toEqual([...Object.keys(broken), 'hop-le'].sort());
  });

  it('accepts the valid fixture, next to the real drills', () => {
    const set = loadContent(withFixture('hop-le'));
    expect(set.drills.map((d) => d.value.id)).toContain('hop-le');
    expect(() => loadHandbook(copy?.root ?? '')).not.toThrow();
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
    expect((error as ContentError).issues.map(formatIssue)).toEqual(expected);
    // The message the build prints names the file too.
    expect((error as ContentError).message).toContain(`drills/${name}.mdx`);
  });

  it('reads line numbers of the frontmatter as lines of the file', () => {
    const root = withFixture('hop-le');
    const file = join(root, 'drills', 'hop-le.mdx');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('time: "09:10"')) + 1;
    writeFileSync(file, text.replace('time: "09:10"', 'time: "25:00"'));
    expect(() => loadHandbook(root)).toThrow(`drills/hop-le.mdx:${line} injects[1].time`);
  });

  it('reports a broken drill alone: the real drills beside it pass', () => {
    const root = withFixture('dap-an-khong-co');
    const issues = (() => {
      try {
        loadHandbook(root);
        return [];
      } catch (error) {
        return (error as ContentError).issues;
      }
    })();
    expect(new Set(issues.map((issue) => issue.file))).toEqual(
      new Set(['drills/dap-an-khong-co.mdx']),
    );
  });
});

describe('the drill schema', () => {
  const valid = () => {
    const set = loadContent('content');
    const drill = set.drills[0];
    if (!drill) throw new Error('no drill in content/');
    const { id: _id, ...frontmatter } = drill.value;
    return structuredClone(frontmatter);
  };

  it('accepts a real drill and a Date for reviewedOn (as Astro parses frontmatter)', () => {
    const drill = { ...valid(), reviewedOn: new Date('2026-11-27T00:00:00Z') };
    const parsed = drillSchema.safeParse(drill);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.reviewedOn).toBe('2026-11-27');
  });

  it.each([
    [
      'an inject without cites',
      (d: ReturnType<typeof valid>) => void (d.injects[0]!.cites = []),
      'injects.0.cites',
    ],
    [
      'an inject with one option',
      (d: ReturnType<typeof valid>) =>
        void (d.injects[0]!.options = d.injects[0]!.options.slice(0, 1)),
      'injects.0.options',
    ],
    [
      'a drill without expected actions on an inject',
      (d: ReturnType<typeof valid>) => void (d.injects[0]!.expected = []),
      'injects.0.expected',
    ],
    ['a duration in hours', (d: ReturnType<typeof valid>) => void (d.duration = 1.5), 'duration'],
    [
      'decomposed (NFD) text',
      (d: ReturnType<typeof valid>) => void (d.title = d.title.normalize('NFD')),
      'title',
    ],
    [
      'a time without its leading zero',
      (d: ReturnType<typeof valid>) => void (d.injects[0]!.time = '9:40'),
      'injects.0.time',
    ],
  ])('rejects %s', (_name, breakIt, path) => {
    const drill = valid();
    breakIt(drill);
    const parsed = drillSchema.safeParse(drill);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});

describe('the real drills', () => {
  const set = loadContent('content');
  const handbook = loadHandbook('content');
  const drills = set.drills.map((d) => d.value);

  it('are the eight drills of content/drills/, each with injects for at least one role', () => {
    expect(drills.map((drill) => drill.id).sort()).toEqual([
      'chuoi-bao-cao-phe-duyet',
      'dat-trong-diem-dau-ca',
      'du-lieu-va-phan-cong',
      'ghi-nhat-ky',
      'kiem-soat-noi-bo',
      'nghi-van-trong-gio',
      'ngoai-gio-hanh-chinh',
      'phe-duyet-phuong-an',
    ]);
    for (const drill of drills) expect(drill.injects.length, drill.id).toBeGreaterThan(0);
  });

  it('never show an expected action to the trainee, word for word', () => {
    for (const drill of drills) {
      const shown = traineeTexts(drill).join('\n');
      for (const inject of drill.injects) {
        for (const expected of inject.expected)
          expect(shown, `${drill.id}/${inject.id}`).not.toContain(expected.action);
      }
    }
  });

  it('break no rule of rules.ts (the same check the build runs)', () => {
    const context: DrillContext = {
      roles: new Set(handbook.roles.map((r) => r.id)),
      provisions: new Set(handbook.provisions.map((p) => p.eId)),
      names: roleNames(handbook.roles),
      flows: new Map(handbook.flows.map((f) => [f.id, new Set(f.nodes.map((n) => n.id))])),
    };
    for (const drill of drills) expect(checkDrill(drill, drill.id, context), drill.id).toEqual([]);
  });

  it('put the right answer in different places, so that "always A" does not pass', () => {
    const positions = new Set(
      drills.flatMap((drill) =>
        drill.injects
          .filter((i) => i.correct.length === 1)
          .map((i) => i.options.findIndex((o) => o.id === i.correct[0])),
      ),
    );
    expect([...positions].sort()).toEqual([0, 1, 2]);
  });
});
