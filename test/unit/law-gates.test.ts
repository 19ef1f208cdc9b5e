/**
 * The law gates (src/lib/content/spans.ts, law-gates.ts): spans carried verbatim, every
 * word of a point carried by a checklist item, curly quotes hold only the cited law, and
 * readings stated once. The failing cases with their messages are fixtures in
 * test/fixtures/broken-content.yaml; here: the matching rules and the real content.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import {
  nearestPassage,
  occurrences,
  pointsNamedIn,
  quotationsIn,
  uncarried,
  conditionWordsIn,
} from '../../src/lib/content/spans.ts';
import { copyContent, type ContentCopy } from '../support/content-copy.ts';

const handbook = loadHandbook('content');
const text = (eId: string) => handbook.provision(eId).text ?? '';

describe('matching a span or a quotation against the law', () => {
  const point =
    'Chỉ đạo thu thập, đánh giá khi có thông tin, tình huống phát sinh ngoài giờ hành chính, kịp thời báo cáo.';

  it('finds whole words only, with the first letter in either case and any white space', () => {
    expect(occurrences(point, 'chỉ đạo thu thập')).toEqual([0]);
    expect(occurrences(point, 'Kịp thời báo cáo')).toHaveLength(1);
    expect(occurrences(point, 'thông tin,\n  tình huống')).toHaveLength(1);
    // Case aside for the first letter only; a word is never matched inside another.
    expect(occurrences(point, 'kịp Thời')).toEqual([]);
    expect(occurrences(point, 'hập, đánh')).toEqual([]);
  });

  it('reports the words no span carries, as runs, connecting words aside', () => {
    expect(
      uncarried(point, [
        'Chỉ đạo thu thập, đánh giá',
        'thông tin, tình huống phát sinh ngoài giờ hành chính',
      ]),
    ).toEqual(['kịp thời báo cáo']);
    // "khi có" joins two carried parts: aside.
    expect(
      uncarried(point, [
        'Chỉ đạo thu thập, đánh giá',
        'thông tin, tình huống phát sinh ngoài giờ hành chính, kịp thời báo cáo',
      ]),
    ).toEqual([]);
    expect(uncarried(point, [])).toEqual([point.slice(0, -1)]);
  });

  it('finds every curly quotation, and an unclosed one to the end', () => {
    expect(quotationsIn('A “một” b “hai” c').map((q) => q.quote)).toEqual(['một', 'hai']);
    expect(quotationsIn('không có ngoặc «tên»')).toEqual([]);
    expect(quotationsIn('mở “mà không đóng').map((q) => q.quote)).toEqual(['mà không đóng']);
  });

  it('names the nearest words of the law for a misquote', () => {
    expect(
      nearestPassage('báo cáo ngay cho lãnh đạo phòng', [
        text('art_7__para_3__subpara_2__point_c'),
      ]),
    ).toBe('báo cáo kịp thời cho lãnh đạo phòng');
  });

  it('finds the words that make a duty conditional or exclusive, «chỉ đạo» aside', () => {
    expect(conditionWordsIn('chỉ thực hiện khi có sự đồng ý')).toEqual(['chỉ', 'khi']);
    expect(conditionWordsIn('Chỉ đạo thu thập, đánh giá')).toEqual([]);
    expect(conditionWordsIn('thực hiện sau khi được sự phê duyệt')).toEqual(['sau khi', 'khi']);
    expect(conditionWordsIn('phát sinh ngoài giờ hành chính, kịp thời')).toEqual([
      'ngoài giờ hành chính',
    ]);
    // Whole words only: «khinh» is not «khi».
    expect(conditionWordsIn('khinh suất')).toEqual([]);
  });

  it('reads the points named in prose', () => {
    expect(pointsNamedIn('theo điểm e khoản 3.1 và Điểm b khoản 1')).toEqual([
      { point: 'e', clause: '3.1' },
      { point: 'b', clause: '1' },
    ]);
  });
});

describe('the real content passes the gates', () => {
  it('carries every word of every point on some checklist item (connecting words aside), with no note needed', () => {
    const report = handbook.points.map((p) => {
      const spans = handbook.duties.filter((d) => d.point === p.eId).flatMap((d) => d.carries);
      return [p.eId, uncarried(p.text ?? '', spans)] as const;
    });
    expect(report.filter(([, left]) => left.length > 0)).toEqual([]);
    expect(report).toHaveLength(17);
    expect(loadContent('content').checklists?.value.partlyCarried).toBeUndefined();
  });

  it('puts the rest of 3.1 d on the officers’ checklist, marked as the handbook’s reading', () => {
    const items = handbook.duties.filter((d) => d.point === 'art_7__para_3__subpara_1__point_d');
    expect(items.map((d) => [d.role, d.carries, d.reading])).toEqual([
      [
        'cong-chuc-gshqtt',
        [
          'thực hiện giám sát trực tuyến theo chỉ đạo của lãnh đạo ca trực, báo cáo lãnh đạo phòng khi có thông tin, tình huống phát sinh',
        ],
        'ngoai-gio-cong-chuc',
      ],
      [
        'truong-phong-gshqtt',
        ['Phân công công chức trực theo dõi hệ thống giám sát trực tuyến ngoài giờ hành chính'],
        undefined,
      ],
    ]);
    expect(handbook.reading('ngoai-gio-cong-chuc').gives).toEqual({ actor: 'cong-chuc-gshqtt' });
  });

  it('keeps in every action the words that make its duty conditional or exclusive', () => {
    for (const duty of handbook.duties) {
      const shown = conditionWordsIn(duty.action);
      for (const words of conditionWordsIn(duty.carries.join(' ')))
        expect(shown, `${duty.id}: «${words}»`).toContain(words);
    }
    // The two items the reading of 2025 found without «chỉ».
    const action = (id: string) => handbook.duties.find((d) => d.id === id)?.action;
    expect(action('art_7__para_2__point_c--thuc-hien')).toMatch(/^Chỉ thực hiện khi/);
    expect(action('art_7__para_3__subpara_1__point_e--thuc-hien')).toMatch(
      /^Ngoài giờ hành chính: chỉ thực hiện khi/,
    );
  });

  it('states each reading once, and marks every statement that rests on it', () => {
    const set = loadContent('content');
    const uses = new Map<string, string[]>();
    const use = (id: string | undefined, where: string) =>
      id && uses.set(id, [...(uses.get(id) ?? []), where]);
    for (const d of set.duties)
      use(d.value.reading, `duty ${d.value.point}${d.value.suffix ? `--${d.value.suffix}` : ''}`);
    for (const i of set.instruments) use(i.value.reading, `instrument ${i.value.id}`);
    for (const r of set.roles)
      r.value.relations?.forEach((rel) =>
        use(rel.reading, `role ${r.value.id} ${rel.kind} ${rel.target}`),
      );
    for (const f of set.flows) {
      f.value.readings?.forEach((id) => use(id, `flow ${f.value.id}`));
      for (const n of f.value.nodes) use(n.reading, `flow ${f.value.id}/${n.id}`);
    }
    for (const d of set.drills) {
      d.value.readings?.forEach((id) => use(id, `drill ${d.value.id}`));
      for (const i of d.value.injects) use(i.reading, `drill ${d.value.id}/${i.id}`);
    }
    use(set.checklists?.value.notArising?.reading, 'checklists notArising');
    use(set.checklists?.value.followUp?.reading, 'checklists followUp');
    expect(Object.fromEntries(uses)).toEqual({
      'lanh-dao-phong-phe-duyet': [
        'duty art_7__para_3__subpara_2__point_c--thuc-hien',
        'role cong-chuc-gshqtt can-dong-y-phe-duyet lanh-dao-phong-gshqtt',
        'flow tinh-huong-ngoai-gio/cong-chuc-chua-tu-thuc-hien',
        'flow tinh-huong-trong-gio/lanh-dao-phong-phe-duyet',
        'flow tinh-huong-trong-gio/cong-chuc-thuc-hien',
        'flow tinh-huong-trong-gio/cong-chuc-chua-thuc-hien',
        'drill chuoi-bao-cao-phe-duyet',
        'drill chuoi-bao-cao-phe-duyet/cong-chuc-bao-cao',
        'drill nghi-van-trong-gio/cho-y-kien',
      ],
      'ngoai-gio-cong-chuc': [
        'duty art_7__para_3__subpara_1__point_d--giam-sat-bao-cao',
        'role cong-chuc-gshqtt bao-cao lanh-dao-phong-gshqtt',
        'flow tinh-huong-ngoai-gio/giam-sat-ngoai-gio',
        'flow tinh-huong-ngoai-gio/bao-cao-lanh-dao-phong',
        'drill ngoai-gio-hanh-chinh',
        'drill ngoai-gio-hanh-chinh/phat-hien-trong-dem',
      ],
      'thu-tu-cac-buoc': [
        'flow dat-trong-diem',
        'flow kiem-soat-noi-bo',
        'flow tinh-huong-ngoai-gio',
        'flow tinh-huong-trong-gio',
      ],
      'tach-ngoai-gio': [
        'flow tinh-huong-ngoai-gio',
        'flow tinh-huong-trong-gio',
        'drill ngoai-gio-hanh-chinh',
      ],
      'thoi-diem-trong-ca': [
        'flow dat-trong-diem',
        'drill dat-trong-diem-dau-ca',
        'drill ghi-nhat-ky',
      ],
      'mot-lan-phe-duyet': [
        'flow tinh-huong-ngoai-gio/lanh-dao-ca-truc-dong-y',
        'flow tinh-huong-trong-gio/lanh-dao-ca-truc-phe-duyet',
        'drill chuoi-bao-cao-phe-duyet',
        'drill phe-duyet-phuong-an',
      ],
      'nghi-van-la-thong-tin': ['flow tinh-huong-trong-gio'],
      'kiem-soat-noi-bo-mot-quy-trinh': [
        'flow kiem-soat-noi-bo',
        'flow kiem-soat-noi-bo/co-vi-pham',
        'flow kiem-soat-noi-bo/de-xuat-tong-cuc-truong',
        'flow kiem-soat-noi-bo/da-bao-cao-de-xuat',
      ],
      'co-quan-ban-hanh': ['instrument qd-888-2017'],
      'khong-phat-sinh-trong-ca': ['checklists notArising'],
      'viec-dang-theo-doi': ['checklists followUp'],
    });
    expect(handbook.readings.map((r) => r.id).sort()).toEqual([...uses.keys()].sort());
  });

  it('gives the question "who approves the officer" the reading, not a bare fact', () => {
    const question = handbook.flow('tinh-huong-trong-gio').node('lanh-dao-phong-phe-duyet');
    expect(question.kind === 'question' && [question.decidedBy, question.reading]).toEqual([
      'lanh-dao-phong-gshqtt',
      'lanh-dao-phong-phe-duyet',
    ]);
  });
});

describe('a partly carried point passes when a note says why', () => {
  let copy: ContentCopy | undefined;
  afterEach(() => copy?.remove());

  it('loads with the note, and the note lists exactly the words left out', () => {
    copy = copyContent();
    copy.edit(
      'duties/lanh-dao-ca-truc.yaml',
      '    - có phương án chỉ đạo phù hợp',
      '    - chỉ đạo phù hợp',
    );
    copy.edit(
      'checklists.yaml',
      'revised: 2026-12-07',
      'revised: 2026-11-27\npartlyCarried:\n  - point: art_7__para_1__point_d\n    uncarried: [phương án]\n    note: Một ví dụ để kiểm thử.',
    );
    expect(() => loadHandbook(copy!.root)).not.toThrow();
  });
});
