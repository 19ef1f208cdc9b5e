import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticContent } from '../../scripts/bench/synthetic-content.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { isWithin } from '../../src/lib/law/eid.ts';

const handbook = loadHandbook('content');
const DUTY_HOLDERS = [
  'lanh-dao-ca-truc',
  'lanh-dao-cap-phong-truc-ban',
  'truong-phong-gshqtt',
  'cong-chuc-gshqtt',
];

describe('the resolved handbook', () => {
  it('has the four duty holders of Article 7, in the order of the text', () => {
    expect(handbook.dutyHolders.map((r) => r.id)).toEqual(DUTY_HOLDERS);
    expect(handbook.dutyHolders.map((r) => r.holds)).toEqual([
      'art_7__para_1',
      'art_7__para_2',
      'art_7__para_3__subpara_1',
      'art_7__para_3__subpara_2',
    ]);
  });

  it('gives each of the 17 points to exactly one role, and only that role carries it, but where a reading gives the words to another', () => {
    expect(handbook.points).toHaveLength(17);
    for (const point of handbook.points) {
      const holders = handbook.dutyHolders.filter((r) => r.holds && isWithin(point.eId, r.holds));
      expect(
        holders.map((r) => r.id),
        point.eId,
      ).toEqual([handbook.holderOf(point.eId).id]);
      const items = handbook.duties.filter((d) => d.point === point.eId);
      expect(items.some((d) => d.role === holders[0]?.id)).toBe(true);
      for (const item of items.filter((d) => d.role !== holders[0]?.id))
        expect(handbook.reading(item.reading ?? '').gives?.actor, item.id).toBe(item.role);
    }
    // One such item: the officers' part of 3.1 d (reading ngoai-gio-cong-chuc).
    expect(
      handbook.duties
        .filter((d) => d.role !== handbook.holderOf(d.point).id)
        .map((d) => [d.id, d.role]),
    ).toEqual([['art_7__para_3__subpara_1__point_d--giam-sat-bao-cao', 'cong-chuc-gshqtt']]);
  });

  it('lists on each role exactly the points of its clause, and the officers the part of 3.1 d read as theirs', () => {
    const pointsOf = (roleId: string) =>
      [...new Set(handbook.dutiesOf(roleId).map((d) => d.point))].sort();
    expect(pointsOf('lanh-dao-ca-truc')).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((l) => `art_7__para_1__point_${l}`),
    );
    expect(pointsOf('lanh-dao-cap-phong-truc-ban')).toEqual(
      ['a', 'b', 'c', 'd'].map((l) => `art_7__para_2__point_${l}`),
    );
    expect(pointsOf('truong-phong-gshqtt')).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((l) => `art_7__para_3__subpara_1__point_${l}`),
    );
    expect(pointsOf('cong-chuc-gshqtt')).toEqual([
      'art_7__para_3__subpara_1__point_d',
      ...['a', 'b', 'c'].map((l) => `art_7__para_3__subpara_2__point_${l}`),
    ]);
  });

  it('derives stable item ids from eIds', () => {
    const ids = handbook.duties.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const duty of handbook.duties) {
      expect(duty.id.startsWith(duty.point)).toBe(true);
      expect(duty.cites[0]).toBe(duty.point);
    }
    expect(ids).toContain('art_7__para_2__point_c--thuc-hien');
  });

  it('keeps approvals to what the text says: 2 c, 3.1 c, 3.1 e and 3.2 c', () => {
    const approvals = handbook.duties
      .filter((d) => d.approval)
      .map((d) => `${d.point}:${d.approval?.by}`);
    expect(approvals.sort()).toEqual([
      'art_7__para_2__point_c:lanh-dao-ca-truc',
      'art_7__para_3__subpara_1__point_c:lanh-dao-ca-truc',
      'art_7__para_3__subpara_1__point_e:lanh-dao-ca-truc',
      'art_7__para_3__subpara_2__point_c:lanh-dao-phong-gshqtt',
    ]);
  });

  it('shows a relation on both roles it joins, written once', () => {
    const headings = (roleId: string) =>
      Object.fromEntries(
        handbook.relationsOf(roleId).map((g) => [g.heading, g.related.map((r) => r.role.id)]),
      );
    expect(
      headings('lanh-dao-cap-phong-truc-ban')['Chỉ thực hiện khi có sự đồng ý, phê duyệt của'],
    ).toEqual(['lanh-dao-ca-truc']);
    expect(headings('lanh-dao-ca-truc')['Đồng ý, phê duyệt cho']).toEqual([
      'lanh-dao-cap-phong-truc-ban',
    ]);
    // 3.1 c says «sự phê duyệt», 3.1 e «sự đồng ý»: each heading in its point's words.
    expect(headings('lanh-dao-ca-truc')['Phê duyệt cho']).toEqual(['truong-phong-gshqtt']);
    expect(headings('lanh-dao-ca-truc')['Đồng ý cho']).toEqual(['truong-phong-gshqtt']);
    expect(headings('truong-phong-gshqtt')['Cần sự phê duyệt của']).toEqual(['lanh-dao-ca-truc']);
    expect(headings('truong-phong-gshqtt')['Chỉ thực hiện khi có sự đồng ý của']).toEqual([
      'lanh-dao-ca-truc',
    ]);
    // 3.1 d says «Phân công», 3.1 c «chỉ đạo»; the officers report (3.2 c) but propose nothing.
    expect(headings('truong-phong-gshqtt')['Phân công']).toEqual(['cong-chuc-gshqtt']);
    expect(headings('truong-phong-gshqtt')['Chỉ đạo']).toEqual(['don-vi-ca-nhan-lien-quan']);
    expect(headings('cong-chuc-gshqtt')['Nhận phân công của']).toEqual(['truong-phong-gshqtt']);
    expect(headings('cong-chuc-gshqtt')['Báo cáo']).toEqual(['lanh-dao-phong-gshqtt']);
    expect(headings('cong-chuc-gshqtt')['Báo cáo, đề xuất lên']).toBeUndefined();
    expect(headings('lanh-dao-ca-truc')['Chỉ đạo, phân công']).toEqual([
      'cong-chuc-truc-ban',
      'lanh-dao-cap-phong-truc-ban',
    ]);
    expect(headings('truong-phong-gshqtt')['Phối hợp với']).toEqual([
      'lanh-dao-cap-phong-truc-ban',
    ]);
  });

  it('indexes where each point is used, for the backlinks of the article page', () => {
    for (const point of handbook.points)
      expect(handbook.usesOf(point.eId).length, point.eId).toBeGreaterThan(0);
    expect(handbook.usesOf('art_7__para_1__point_e')[0]?.href).toBe(
      '/vai-tro/lanh-dao-ca-truc/#art_7__para_1__point_e',
    );
  });

  it('keeps every checklist item a short line', () => {
    for (const duty of handbook.duties)
      expect(duty.action.length, duty.id).toBeLessThanOrEqual(200);
  });
});

/**
 * The per-role lookups are indexes built once (each page used to filter the whole content
 * again, and the build grew with the square of the content). Each must give what its
 * definition gives, here on content three times Article 7's, with roles and flows of their own.
 */
describe('the per-role indexes, against their definitions', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'handbook-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  writeSyntheticContent(join(scratch, 'content'), 3);
  const big = loadHandbook(join(scratch, 'content'));
  const holderByScan = (eId: string) =>
    big.dutyHolders.find((r) => r.holds && isWithin(eId, r.holds) && eId !== r.holds)?.id;
  const roleIds = (groups: ReturnType<typeof big.relationsOf>) =>
    [...new Set(groups.flatMap((g) => g.related.map((r) => r.role.id)))].sort();

  it('covers three articles and twelve duty holders', () => {
    expect(big.articles).toHaveLength(3);
    expect(big.dutyHolders).toHaveLength(12);
  });

  it('finds the holder of every point, and refuses a clause or an unknown point', () => {
    for (const point of big.points)
      expect(big.holderOf(point.eId).id).toBe(holderByScan(point.eId));
    expect(() => big.holderOf('art_7__para_1')).toThrow('No role holds art_7__para_1');
    expect(() => big.holderOf('art_99__para_1__point_a')).toThrow('No role holds');
  });

  it('names the holder of a clause only for the clause it holds', () => {
    for (const provision of big.provisions.filter((p) => p.kind !== 'point'))
      expect(big.clauseHolder(provision.eId)?.id).toBe(
        big.dutyHolders.find((r) => r.holds === provision.eId)?.id,
      );
    expect(big.clauseHolder('art_101__para_1')?.id).toBe('s1-lanh-dao-ca-truc');
  });

  it.each([0, 5, 11])(
    'gives duty holder %i its points, items, flow steps and relations',
    (index) => {
      const role = big.dutyHolders[index]!;
      expect(big.pointsHeldBy(role.id)).toEqual(
        big.points.filter((p) => holderByScan(p.eId) === role.id),
      );
      expect(big.pointsHeldBy(role.id).length).toBeGreaterThan(0);
      expect(big.dutiesOf(role.id)).toEqual(big.duties.filter((d) => d.role === role.id));
      for (const duty of big.dutiesOf(role.id)) {
        const byScan = big.flows.flatMap((flow) =>
          flow.steps
            .filter(
              (s) =>
                (s.actor === role.id || s.with?.includes(role.id)) &&
                s.cites.some((c) => duty.cites.includes(c)),
            )
            .map((step) => `${flow.id}#${step.id}`),
        );
        expect(
          big.flowStepsFor(role.id, duty.cites).map((u) => `${u.flow.id}#${u.step.id}`),
        ).toEqual(byScan);
      }
      const related = big.roles.flatMap((source) =>
        (source.relations ?? []).flatMap((r) =>
          source.id === role.id
            ? [r.target]
            : r.target === role.id && r.kind !== 'theo-doi-chi-dao'
              ? [source.id]
              : [],
        ),
      );
      expect(roleIds(big.relationsOf(role.id))).toEqual([...new Set(related)].sort());
    },
  );

  it('hands out copies: changing a list a page got does not change the next page', () => {
    const role = big.dutyHolders[0]!.id;
    big.dutiesOf(role).pop();
    big.pointsHeldBy(role).pop();
    expect(big.dutiesOf(role)).toEqual(big.duties.filter((d) => d.role === role));
    expect(big.pointsHeldBy(role)).toHaveLength(5);
  });
});
