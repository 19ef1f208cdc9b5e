/**
 * Practice questions generated from the content (issue 19): for every kind, the right answer
 * is right by the content, every distractor is wrong by it, and the feedback cites the
 * question's point. The checks read the content directly, not the generator's output.
 */
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { isWithin } from '../../src/lib/law/eid.ts';
import {
  countByKind,
  generateQuestions,
  MAX_OPTIONS,
  QUESTION_KINDS,
  roleQuestions,
  type Question,
} from '../../src/lib/learning/questions.ts';

const handbook = loadHandbook('content');
const drills = loadContent('content').drills.map((d) => d.value);
const questions = generateQuestions(handbook, drills);
const of = (kind: Question['kind']) => questions.filter((q) => q.kind === kind);
const duty = (q: Question) => handbook.duties.find((d) => q.id.endsWith(`:${d.id}`))!;

describe('generated questions', () => {
  it('come in every kind, with unique ids', () => {
    const counts = countByKind(questions);
    console.info('questions per kind:', JSON.stringify(counts), 'total', questions.length);
    for (const kind of QUESTION_KINDS) expect(counts[kind], kind).toBeGreaterThan(0);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it('cover every point of the law, each question on one lettered point it cites', () => {
    expect(new Set(questions.map((q) => q.point))).toEqual(
      new Set(handbook.points.map((p) => p.eId)),
    );
    for (const q of questions) {
      expect(handbook.provision(q.point).kind, q.id).toBe('point');
      expect(
        q.cites.some((eId) => isWithin(eId, q.point)),
        `${q.id} cites its point`,
      ).toBe(true);
      expect(q.correct.length, q.id).toBeGreaterThan(0);
      expect(q.options.length, q.id).toBeGreaterThan(q.correct.length);
      for (const id of q.correct)
        expect(
          q.options.map((o) => o.id),
          q.id,
        ).toContain(id);
      expect(new Set(q.options.map((o) => o.text)).size, `${q.id}: options read differently`).toBe(
        q.options.length,
      );
    }
  });

  it.each(of('role'))(
    '$id: the role is the holder of the point; the other options hold other points',
    (q) => {
      expect(q.correct).toEqual([handbook.holderOf(q.point).id]);
      expect(q.correct).toEqual([duty(q).role]);
      for (const o of q.options.filter((o) => !q.correct.includes(o.id)))
        expect(handbook.holderOf(q.point).id).not.toBe(o.id);
    },
  );

  it.each(of('approval'))(
    '$id: the approver is the one the checklist item names, and no distractor is',
    (q) => {
      const item = duty(q);
      expect(q.correct).toEqual([item.approval!.by]);
      expect(q.options.length).toBeLessThanOrEqual(MAX_OPTIONS);
      expect(q.options.map((o) => o.id)).not.toContain(item.role);
      expect(q.readings).toEqual(item.reading ? [item.reading] : []);
    },
  );

  it('approval questions exist exactly for the items that name an approver', () => {
    expect(
      of('approval')
        .map((q) => q.id.slice('approval:'.length))
        .sort(),
    ).toEqual(
      handbook.duties
        .filter((d) => d.approval)
        .map((d) => d.id)
        .sort(),
    );
  });

  it.each(of('moment'))(
    "$id: the right moments are the item's, the distractors the other moments",
    (q) => {
      const item = duty(q);
      expect([...q.correct].sort()).toEqual([...item.moments].sort());
      for (const o of q.options.filter((o) => !q.correct.includes(o.id)))
        expect(item.moments).not.toContain(o.id);
      // The moments are the handbook's grouping: said so, shown with its reading, counted for no point.
      expect(q.layout).toBe(true);
      expect(q.prompt).toMatch(/^Sổ tay xếp/);
      expect(q.readings).toEqual(['thoi-diem-trong-ca']);
    },
  );

  it.each(of('citation'))(
    "$id: the answer is the item's point; distractors are points it does not cite",
    (q) => {
      const item = duty(q);
      expect(q.correct).toEqual([item.point]);
      for (const o of q.options.filter((o) => !q.correct.includes(o.id))) {
        expect(item.cites).not.toContain(o.id);
        expect(
          handbook.holderOf(o.id).id,
          "a distractor is another point of the item's clause",
        ).toBe(handbook.holderOf(item.point).id);
      }
      for (const o of q.options) expect(o.text).toBe(handbook.provision(o.id).label);
    },
  );

  it.each(of('next-step'))(
    '$id: the answer is the node the flow says comes next, distractors other steps',
    (q) => {
      const [, flowId, stepId] = q.id.split(':') as [string, string, string];
      const flow = handbook.flow(flowId);
      const step = flow.steps.find((s) => s.id === stepId)!;
      expect(q.correct).toEqual([step.next]);
      for (const o of q.options) expect(flow.node(o.id).kind).toBe('step');
      expect(q.options.map((o) => o.id)).not.toContain(step.id);
      expect(q.cites).toEqual((flow.node(step.next) as { cites: string[] }).cites);
      // The order of the steps is the handbook's reading: the mark goes with the question.
      for (const r of flow.readings ?? []) expect(q.readings).toContain(r);
      expect(q.readings).toContain('thu-tu-cac-buoc');
      // So is every reading a step it shows rests on: the one it starts from and each option.
      for (const id of [stepId, ...q.options.map((o) => o.id)]) {
        const reading = (flow.node(id) as { reading?: string }).reading;
        if (reading) expect(q.readings, `${id} rests on ${reading}`).toContain(reading);
      }
      expect(q.layout).toBe(true);
      expect(q.prompt).toContain('theo thứ tự sổ tay sắp xếp');
    },
  );

  it.each(of('inject'))("$id: the answer key, options and explanation are the drill's own", (q) => {
    const [, drillId, injectId] = q.id.split(':') as [string, string, string];
    const inject = drills.find((d) => d.id === drillId)!.injects.find((i) => i.id === injectId)!;
    expect(q.correct).toEqual(inject.correct);
    expect(q.options).toEqual(inject.options);
    expect(q.explanation).toBe(inject.explanation);
    expect(q.cites).toEqual(inject.cites);
    if (inject.reading) expect(q.readings).toContain(inject.reading);
  });

  it('leaves to every point a question that counts, whose answer is the law’s, not the handbook’s layout', () => {
    for (const point of handbook.points)
      expect(
        questions.some((q) => q.point === point.eId && !q.layout),
        point.eId,
      ).toBe(true);
    expect(questions.filter((q) => q.layout).map((q) => q.kind)).toEqual(
      questions.filter((q) => q.kind === 'moment' || q.kind === 'next-step').map((q) => q.kind),
    );
  });

  it('asks whose consent in the words of the point: «sự đồng ý» alone for 3.1 e, «sự phê duyệt» for 3.1 c', () => {
    const prompt = (id: string) => questions.find((q) => q.id === `approval:${id}`)?.prompt;
    expect(prompt('art_7__para_3__subpara_1__point_e--thuc-hien')).toBe(
      'Trưởng phòng Giám sát hải quan trực tuyến làm việc này khi có sự đồng ý của ai?',
    );
    expect(prompt('art_7__para_3__subpara_1__point_c--chi-dao')).toBe(
      'Trưởng phòng Giám sát hải quan trực tuyến làm việc này khi có sự phê duyệt của ai?',
    );
    expect(prompt('art_7__para_2__point_c--thuc-hien')).toBe(
      'Lãnh đạo cấp phòng trực ban làm việc này khi có sự đồng ý, phê duyệt của ai?',
    );
  });

  it('never asks who does the officers’ part of 3.1 d: the text does not say, the reading does', () => {
    const id = 'art_7__para_3__subpara_1__point_d--giam-sat-bao-cao';
    expect(questions.some((q) => q.id === `role:${id}`)).toBe(false);
    expect(questions.find((q) => q.id === `citation:${id}`)).toMatchObject({
      prompt:
        'Việc này của Công chức Phòng Giám sát hải quan trực tuyến thực hiện điểm nào của Điều 7?',
      correct: ['art_7__para_3__subpara_1__point_d'],
      readings: ['ngoai-gio-cong-chuc'],
    });
  });

  it('keeps the reading of an item that rests on one visible, e.g. who approves the officer under 3.2 c', () => {
    const q = questions.find(
      (x) => x.id === 'approval:art_7__para_3__subpara_2__point_c--thuc-hien',
    )!;
    expect(q.correct).toEqual(['lanh-dao-phong-gshqtt']);
    expect(q.readings).toEqual(['lanh-dao-phong-phe-duyet']);
  });

  it("changes with the content, never from a copy: renaming an item's role changes the answer", () => {
    const item = handbook.duties.find((d) => d.approval)!;
    const changed = {
      ...handbook,
      duties: handbook.duties.map((d) =>
        d === item ? { ...d, approval: { by: 'tong-cuc-truong' } } : d,
      ),
    };
    const q = generateQuestions(changed, []).find((x) => x.id === `approval:${item.id}`)!;
    expect(q.correct).toEqual(['tong-cuc-truong']);
  });
});

describe('"Ai làm việc này?" in practice', () => {
  /** The real duties and duty holders copied into `copies` articles (Article 7, 8, …). */
  const articles = (copies: number) => ({
    duties: Array.from({ length: copies }, (_, a) =>
      handbook.duties.map((d) => ({ ...d, id: d.id.replace(/^art_7/, `art_${a + 7}`) })),
    ).flat(),
    dutyHolders: Array.from({ length: copies }, (_, a) =>
      handbook.dutyHolders.map((role) => ({
        ...role,
        id: `${a}-${role.id}`,
        holds: role.holds?.replace(/^art_7/, `art_${a + 7}`),
      })),
    ).flat(),
  });

  it("offers the duty holders of the question's own article, so the questions file grows linearly", () => {
    const options = (copies: number) =>
      roleQuestions(articles(copies)).reduce((sum, q) => sum + q.options.length, 0);
    expect(options(10)).toBe(10 * options(1));
    expect(options(100)).toBe(10 * options(10));
    for (const q of roleQuestions(articles(3))) {
      const article = q.id.slice('role:'.length).split('__')[0];
      const holders = articles(3).dutyHolders.filter((r) => r.holds?.startsWith(`${article}__`));
      expect(q.options.map((o) => o.id)).toEqual(holders.map((r) => r.id));
    }
  });

  it('asks the real content as before: all four duty holders', () => {
    for (const q of of('role'))
      expect(q.options.map((o) => o.id)).toEqual(handbook.dutyHolders.map((r) => r.id));
  });
});
