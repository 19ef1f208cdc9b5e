/**
 * Every practice question the content generates, one by one: none grades as wrong an answer
 * that the text of Article 7 or a reading the handbook marks allows (issue 28). Each kind is
 * read here against the law by its own oracle, apart from the build's gate
 * (src/lib/learning/question-gate.ts), which must pass every question as well:
 *  - who does an item: the role holding the point's clause, and the item is not one the text
 *    leaves unnamed (such items are never asked);
 *  - whose consent: a table below, written from the text of each point that waits for one;
 *  - which point: every wrong option lacks some of the words the item carries;
 *  - moments and the order of steps: the handbook's arrangement, said on the question, shown
 *    with its reading, counted for no point;
 *  - the drills' injects, whose options are free text: each was read against its cited points,
 *    and the reading is pinned (a fingerprint of question, options, answer key and reading):
 *    a change fails here until someone reads the inject again and updates its line.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { contains } from '../../src/lib/content/spans.ts';
import { checkQuestions } from '../../src/lib/learning/question-gate.ts';
import { generateQuestions, sourceOf, type Question } from '../../src/lib/learning/questions.ts';
import { questionsByPoint } from '../../src/lib/learning/schedule.ts';

const handbook = loadHandbook('content');
const drills = loadContent('content').drills.map((d) => d.value);
const questions = generateQuestions(handbook, drills);
const wrong = (q: Question) => q.options.filter((o) => !q.correct.includes(o.id)).map((o) => o.id);
const item = (q: Question) => {
  const source = sourceOf(q.id);
  return handbook.duties.find((d) => 'item' in source && d.id === source.item)!;
};

/** Roles the word «lãnh đạo» may mean in Article 7: every leader it names, the Trưởng phòng and the Tổng cục trưởng too. */
const LEADERS = [
  'lanh-dao-ca-truc',
  'lanh-dao-cap-phong-truc-ban',
  'truong-phong-gshqtt',
  'lanh-dao-cac-cap',
  'lanh-dao-tong-cuc',
  'tong-cuc-truong',
  'lanh-dao-phong-gshqtt',
];

/**
 * Whose consent each approval waits for, read from the points: the words, the roles they may
 * mean, and, where the words name no one, the reading and the roles it allows.
 */
const CONSENT: Record<
  string,
  { words: string; allows: string[]; reading?: string; readingAllows?: string[] }
> = {
  'art_7__para_2__point_c--thuc-hien': {
    words: 'chỉ thực hiện khi có sự đồng ý, phê duyệt của lãnh đạo ca trực',
    allows: ['lanh-dao-ca-truc'],
  },
  'art_7__para_3__subpara_1__point_c--chi-dao': {
    words: 'sau khi được sự phê duyệt của lãnh đạo ca trực',
    allows: ['lanh-dao-ca-truc'],
  },
  'art_7__para_3__subpara_1__point_e--thuc-hien': {
    words: 'chỉ thực hiện khi có sự đồng ý của lãnh đạo ca trực',
    allows: ['lanh-dao-ca-truc'],
  },
  'art_7__para_3__subpara_2__point_c--thuc-hien': {
    words: 'chỉ thực hiện khi có sự đồng ý, phê duyệt của lãnh đạo',
    allows: LEADERS,
    reading: 'lanh-dao-phong-phe-duyet',
    // «lãnh đạo phòng mà công chức đã báo cáo»: the Trưởng phòng is one of them.
    readingAllows: ['lanh-dao-phong-gshqtt', 'truong-phong-gshqtt'],
  },
};

/** The drills' injects as read (see the file's comment): the options the text or a reading makes right, and the words that settle it. */
const INJECTS: Record<string, { read: string; right: string[]; basis: string; reading?: string }> =
  {
    'chuoi-bao-cao-phe-duyet:cong-chuc-bao-cao': {
      read: '4a30034e071d',
      right: ['lanh-dao-phong'],
      basis:
        'báo cáo kịp thời cho lãnh đạo phòng để xin ý kiến chỉ đạo và chỉ thực hiện khi có sự đồng ý, phê duyệt của lãnh đạo',
      reading: 'lanh-dao-phong-phe-duyet',
    },
    'chuoi-bao-cao-phe-duyet:cap-phong-de-xuat': {
      read: '8f45fb832361',
      right: ['lanh-dao-ca-truc'],
      basis:
        'báo cáo, đề xuất phương án xử lý lên lãnh đạo ca trực và chỉ thực hiện khi có sự đồng ý, phê duyệt của lãnh đạo ca trực',
    },
    'chuoi-bao-cao-phe-duyet:truong-phong-cho-phe-duyet': {
      read: '33d6f4bbed18',
      right: ['lanh-dao-ca-truc'],
      basis:
        'để chỉ đạo cá nhân, đơn vị có liên quan thực hiện sau khi được sự phê duyệt của lãnh đạo ca trực',
    },
    'chuoi-bao-cao-phe-duyet:lanh-dao-ca-truc-de-xuat': {
      read: '18335cd4fcf7',
      right: ['tong-cuc-truong'],
      basis:
        'để kịp thời báo cáo, đề xuất Tổng cục trưởng chỉ đạo các đơn vị liên quan thực hiện biện pháp phòng ngừa, ngăn chặn, xử lý vi phạm',
    },
    'chuoi-bao-cao-phe-duyet:ngoai-gio-de-xuat': {
      read: 'b3471d6ec65f',
      right: ['lanh-dao-ca-truc'],
      basis:
        'kịp thời báo cáo, đề xuất phương án xử lý lên lãnh đạo ca trực và chỉ thực hiện khi có sự đồng ý của lãnh đạo ca trực',
    },
    'dat-trong-diem-dau-ca:xac-dinh-trong-diem': {
      read: 'bf7e1e996462',
      right: ['nguon-diem-a'],
      basis: 'chủ động theo dõi',
    },
    'dat-trong-diem-dau-ca:phan-cong-cong-viec': {
      read: '0db623c76932',
      right: ['lanh-dao-ca-truc'],
      basis:
        'tổ chức, phân công công việc, chỉ đạo công chức trực ban thực hiện nhiệm vụ của ca trực',
    },
    'dat-trong-diem-dau-ca:trien-khai-giam-sat': {
      read: '5a0a824cca24',
      right: ['lanh-dao-phong-gshqtt'],
      basis:
        'phối hợp lãnh đạo Phòng Giám sát hải quan trực tuyến triển khai hoạt động giám sát trực tuyến để theo dõi, giám sát, kiểm tra trọng điểm theo chỉ đạo của lãnh đạo ca trực',
    },
    'dat-trong-diem-dau-ca:to-chuc-luc-luong': {
      read: '0f933cc24bf6',
      right: ['to-chuc-phan-cong'],
      basis:
        'tổ chức, phân công lực lượng thực hiện hoạt động giám sát trực tuyến, phối hợp lãnh đạo cấp phòng trực ban để đảm bảo thực hiện đúng các nội dung theo dõi, giám sát, kiểm tra trọng điểm theo chỉ đạo của lãnh đạo ca trực',
    },
    'dat-trong-diem-dau-ca:cong-chuc-thuc-hien': {
      read: '99de0e7707cf',
      right: ['khong'],
      basis: 'thực hiện đúng, đầy đủ nội dung trực ban, giám sát trực tuyến đã được phân công',
    },
    'du-lieu-va-phan-cong:sao-chep-du-lieu': {
      read: '7efd19b43c11',
      right: ['theo-quy-dinh'],
      basis:
        'tuân thủ các quy định khai thác, sử dụng thông tin, dữ liệu tại địa điểm thực hiện trực ban',
    },
    'du-lieu-va-phan-cong:de-nghi-chuyen-viec': {
      read: 'fd460e966570',
      right: ['lanh-dao-ca-truc'],
      basis: 'tuân thủ sự chỉ đạo, phân công của lãnh đạo ca trực',
    },
    'du-lieu-va-phan-cong:cong-chuc-bi-nho': {
      read: '3f63f096a686',
      right: ['giu-phan-cong'],
      basis: 'tuân thủ sự chỉ đạo, phân công của lãnh đạo phòng',
    },
    'ghi-nhat-ky:ai-chi-dao-ghi': {
      read: '9258375df153',
      right: ['lanh-dao-ca-truc'],
      basis:
        'chỉ đạo việc thực hiện ghi nhật ký trực ban phản ánh nội dung công việc thực hiện khi trực ban và các thông tin có liên quan',
    },
    'ghi-nhat-ky:phoi-hop-ghi': {
      read: '406d82dd374e',
      right: ['phong-tong-hop'],
      basis: 'phối hợp công chức Phòng Tổng hợp thuộc Văn phòng Tổng cục thực hiện ghi nhật ký',
    },
    'ghi-nhat-ky:noi-dung-nhat-ky': {
      read: '27c11e68b9f9',
      right: ['cong-viec', 'tinh-huong', 'da-chi-dao', 'thong-bao-y-kien'],
      basis:
        'các nội dung công việc thực hiện khi trực ban; các tình huống phát sinh, thông tin tiếp nhận khi trực ban; các nội dung đã chỉ đạo; việc thông báo ý kiến của lãnh đạo đến các đơn vị, cá nhân có liên quan (theo mẫu Phụ lục I)',
    },
    'ghi-nhat-ky:thong-bao-y-kien': {
      read: '4f3a43a8a302',
      right: ['co'],
      basis: 'việc thông báo ý kiến của lãnh đạo đến các đơn vị, cá nhân có liên quan',
    },
    'kiem-soat-noi-bo:phat-hien-vi-pham': {
      read: '5aac9e79224b',
      right: ['chi-dao-kiem-tra-dung'],
      basis:
        'chịu trách nhiệm về việc chỉ đạo kiểm tra, dừng đưa hàng qua khu vực giám sát, xử lý khi phát hiện vi phạm',
    },
    'kiem-soat-noi-bo:bao-cao-cac-don-vi': {
      read: 'b19d52958251',
      right: ['phan-tich-de-xuat'],
      basis:
        'tiếp nhận, phân tích báo cáo kết quả kiểm tra, kiểm soát của các đơn vị để kịp thời báo cáo, đề xuất Tổng cục trưởng chỉ đạo các đơn vị liên quan thực hiện biện pháp phòng ngừa, ngăn chặn, xử lý vi phạm',
    },
    'kiem-soat-noi-bo:de-xuat-tong-cuc-truong': {
      read: '7256f2b44a48',
      right: ['tong-cuc-truong'],
      basis:
        'kịp thời báo cáo, đề xuất Tổng cục trưởng chỉ đạo các đơn vị liên quan thực hiện biện pháp phòng ngừa, ngăn chặn, xử lý vi phạm',
    },
    'kiem-soat-noi-bo:ghi-nhat-ky': {
      read: '2af5941d7ec0',
      right: ['chi-dao-ghi'],
      basis:
        'chỉ đạo việc thực hiện ghi nhật ký trực ban phản ánh nội dung công việc thực hiện khi trực ban và các thông tin có liên quan',
    },
    'nghi-van-trong-gio:phat-hien': {
      read: '41c24219b024',
      right: ['bao-cao-lanh-dao-phong'],
      basis: 'phát hiện dấu hiệu nghi vấn',
    },
    'nghi-van-trong-gio:cho-y-kien': {
      read: 'cec94aed6ebe',
      right: ['khong'],
      basis: 'chỉ thực hiện khi có sự đồng ý, phê duyệt của lãnh đạo',
      reading: 'lanh-dao-phong-phe-duyet',
    },
    'nghi-van-trong-gio:lam-ro': {
      read: '39edaa1f712d',
      right: ['chi-dao-lam-ro'],
      basis:
        'chỉ đạo sử dụng các biện pháp giám sát trực tuyến để thu thập, làm rõ nghi vấn khi có thông tin, tình huống phát sinh',
    },
    'nghi-van-trong-gio:de-xuat-phuong-an': {
      read: 'ae71aca690e5',
      right: ['danh-gia-de-xuat'],
      basis:
        'khi có thông tin, tình huống phát sinh thì chỉ đạo thu thập, đánh giá tình hình, báo cáo, đề xuất phương án xử lý lên lãnh đạo ca trực và chỉ thực hiện khi có sự đồng ý, phê duyệt của lãnh đạo ca trực',
    },
    'nghi-van-trong-gio:chi-dao-ca-truc': {
      read: '149610ff8933',
      right: ['chi-dao-qua-he-thong'],
      basis:
        'khi có thông tin, tình huống phát sinh thì chỉ đạo ca trực thông qua hệ thống giám sát trực tuyến, các hệ thống ứng dụng công nghệ thông tin của ngành để thu thập thông tin, phân tích, làm rõ và có phương án chỉ đạo phù hợp',
    },
    'ngoai-gio-hanh-chinh:phan-cong-truc': {
      read: '62926b82986e',
      right: ['truong-phong'],
      basis: 'phân công công chức trực theo dõi hệ thống giám sát trực tuyến ngoài giờ hành chính',
    },
    'ngoai-gio-hanh-chinh:phat-hien-trong-dem': {
      read: '44bc7dc532ae',
      right: ['lanh-dao-phong'],
      basis:
        'thực hiện giám sát trực tuyến theo chỉ đạo của lãnh đạo ca trực, báo cáo lãnh đạo phòng khi có thông tin, tình huống phát sinh',
      reading: 'ngoai-gio-cong-chuc',
    },
    'ngoai-gio-hanh-chinh:danh-gia-de-xuat': {
      read: '9bbc829b9e75',
      right: ['chi-dao-danh-gia'],
      basis:
        'chỉ đạo thu thập, đánh giá khi có thông tin, tình huống phát sinh ngoài giờ hành chính, kịp thời báo cáo, đề xuất phương án xử lý lên lãnh đạo ca trực',
    },
    'ngoai-gio-hanh-chinh:lanh-dao-ca-truc-lam-ro': {
      read: '04241805652c',
      right: ['cac-he-thong'],
      basis:
        'chỉ đạo ca trực thông qua hệ thống giám sát trực tuyến, các hệ thống ứng dụng công nghệ thông tin của ngành để thu thập thông tin, phân tích, làm rõ và có phương án chỉ đạo phù hợp',
    },
    'ngoai-gio-hanh-chinh:cho-dong-y': {
      read: 'd3b5f65ee161',
      right: ['khong'],
      basis: 'chỉ thực hiện khi có sự đồng ý của lãnh đạo ca trực',
    },
    'phe-duyet-phuong-an:chua-phe-duyet': {
      read: '18bf1bd5314a',
      right: ['chua-duoc'],
      basis:
        'để chỉ đạo cá nhân, đơn vị có liên quan thực hiện sau khi được sự phê duyệt của lãnh đạo ca trực',
    },
    'phe-duyet-phuong-an:da-phe-duyet': {
      read: '6cb2b4f134e6',
      right: ['lanh-dao-cap-phong'],
      basis:
        'phối hợp lãnh đạo cấp phòng trực ban, để chỉ đạo cá nhân, đơn vị có liên quan thực hiện sau khi được sự phê duyệt của lãnh đạo ca trực',
    },
    'phe-duyet-phuong-an:theo-doi-ket-qua': {
      read: '531d54254411',
      right: ['theo-doi-giam-sat', 'don-doc', 'cap-nhat'],
      basis:
        'tổ chức theo dõi, giám sát, đôn đốc và cập nhật kết quả thực hiện chỉ đạo của trực ban',
    },
    'phe-duyet-phuong-an:cong-chuc-don-doc': {
      read: '01d5caad657d',
      right: ['dung-chuc-trach'],
      basis:
        'tuân thủ sự chỉ đạo, phân công của lãnh đạo phòng, chịu trách nhiệm thực hiện theo đúng chức trách với nhiệm vụ được giao',
    },
  };

const fingerprint = (drill: string, inject: string) => {
  const i = drills.find((d) => d.id === drill)!.injects.find((x) => x.id === inject)!;
  return createHash('sha256')
    .update(JSON.stringify([i.question, i.options, i.correct, i.reading ?? null]))
    .digest('hex')
    .slice(0, 12);
};

describe('every generated practice question', () => {
  it('is held by one oracle below, by kind', () => {
    const counts = Object.fromEntries(
      ['role', 'approval', 'moment', 'citation', 'next-step', 'inject'].map((k) => [
        k,
        questions.filter((q) => q.kind === k).length,
      ]),
    );
    console.info('practice questions read against the law:', JSON.stringify(counts));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(questions.length);
    expect(questions.length).toBeGreaterThan(100);
  });

  it.each(questions.map((q) => [q.id, q] as const))('%s passes the question gate', (_, q) => {
    expect(checkQuestions(handbook, [q], drills)).toEqual([]);
  });
});

describe('who does an item', () => {
  it.each(questions.filter((q) => q.kind === 'role').map((q) => [q.id, q] as const))(
    '%s: the role holding the clause, on an item the text gives it',
    (_, q) => {
      const duty = item(q);
      expect(q.correct).toEqual([handbook.holderOf(duty.point).id]);
      expect(duty.role).toBe(handbook.holderOf(duty.point).id);
      expect(duty.reading && handbook.reading(duty.reading).gives?.actor).toBeFalsy();
      // Each other option holds another clause: the text gives the point to its holder alone.
      for (const id of wrong(q))
        expect(handbook.pointsHeldBy(id)).not.toContainEqual(handbook.provision(duty.point));
    },
  );
});

describe('whose consent', () => {
  it('asks it for exactly the items the table reads', () => {
    expect(
      questions
        .filter((q) => q.kind === 'approval')
        .map((q) => item(q).id)
        .sort(),
    ).toEqual(Object.keys(CONSENT).sort());
  });

  it.each(questions.filter((q) => q.kind === 'approval').map((q) => [q.id, q] as const))(
    '%s: right as the text or the reading says, no wrong option the words may mean',
    (_, q) => {
      const duty = item(q);
      const read = CONSENT[duty.id]!;
      expect(contains(handbook.provision(duty.point).text ?? '', read.words)).toBe(true);
      expect(duty.carries.join(' ')).toContain(read.words);
      for (const id of wrong(q)) {
        expect(read.allows, `${id} is graded wrong`).not.toContain(id);
        expect(read.readingAllows ?? [], `${id} is graded wrong`).not.toContain(id);
      }
      if (read.reading) {
        expect(q.readings).toContain(read.reading);
        expect(read.readingAllows).toEqual(expect.arrayContaining(q.correct));
      } else expect(read.allows).toEqual(q.correct);
      // The prompt uses the point's own word for the consent («sự đồng ý» alone for 3.1 e).
      expect(q.prompt).toContain(
        /(sự đồng ý, phê duyệt|sự đồng ý|sự phê duyệt) của/u.exec(read.words)![0],
      );
    },
  );
});

describe('which point', () => {
  it.each(questions.filter((q) => q.kind === 'citation').map((q) => [q.id, q] as const))(
    '%s: its own point; every other option lacks words the item carries',
    (_, q) => {
      const duty = item(q);
      expect(q.correct).toEqual([duty.point]);
      for (const span of duty.carries)
        expect(contains(handbook.provision(duty.point).text ?? '', span)).toBe(true);
      for (const id of wrong(q))
        expect(
          duty.carries.some((span) => !contains(handbook.provision(id).text ?? '', span)),
          `${id} holds every word of ${duty.id}`,
        ).toBe(true);
      // The role the prompt names is the text's, or the reading's that the question shows.
      if (duty.role !== handbook.holderOf(duty.point).id) {
        expect(q.readings).toContain(duty.reading);
        expect(handbook.reading(duty.reading!).gives?.actor).toBe(duty.role);
      }
    },
  );
});

describe("the handbook's arrangement", () => {
  const layout = questions.filter((q) => q.kind === 'moment' || q.kind === 'next-step');

  it.each(layout.map((q) => [q.id, q] as const))(
    '%s: says it is the handbook’s, shows the reading, counts for no point',
    (_, q) => {
      expect(q.layout).toBe(true);
      expect(q.prompt).toMatch(/sổ tay/iu);
      const says = q.kind === 'moment' ? 'moments' : 'order';
      expect(q.readings.some((id) => handbook.reading(id).gives?.layout === says)).toBe(true);
    },
  );

  it('carries the reading of every step a next-step question shows; the gate refuses one without it', () => {
    const flowReadings = (q: Question) =>
      handbook.flow((sourceOf(q.id) as { flow: string }).flow).readings ?? [];
    // The questions whose shown steps bring a reading beyond their flow's (3.2 c's approver, 3.1 d's actor).
    const extra = layout.filter(
      (q) => q.kind === 'next-step' && q.readings.some((id) => !flowReadings(q).includes(id)),
    );
    expect(extra.length).toBeGreaterThan(0);
    for (const q of extra) {
      const id = q.readings.find((r) => !flowReadings(q).includes(r))!;
      const problems = checkQuestions(
        handbook,
        [{ ...q, readings: q.readings.filter((r) => r !== id) }],
        drills,
      );
      expect(
        problems.map((p) => p.rule),
        q.id,
      ).toContain('reading');
      expect(problems.map((p) => p.message).join('\n')).toContain(id);
    }
  });

  it('leaves them out of what makes a point learnt', () => {
    const counted = [...questionsByPoint(questions).values()].flatMap((ids) => [...ids]);
    for (const q of layout) expect(counted).not.toContain(q.id);
    expect(counted).toHaveLength(questions.length - layout.length);
  });
});

describe("the drills' injects", () => {
  const injects = questions.filter((q) => q.kind === 'inject');

  it('reads every inject, and no other', () => {
    expect(injects.map((q) => q.id.slice('inject:'.length)).sort()).toEqual(
      Object.keys(INJECTS).sort(),
    );
  });

  it.each(injects.map((q) => [q.id, q] as const))(
    '%s: as read, right by the words that settle it',
    (_, q) => {
      const source = sourceOf(q.id) as { drill: string; inject: string };
      const read = INJECTS[`${source.drill}:${source.inject}`]!;
      expect(
        fingerprint(source.drill, source.inject),
        `the inject changed since it was read: read it against ${q.cites.join(', ')}, then update its line`,
      ).toBe(read.read);
      expect(q.correct).toEqual(read.right);
      expect(q.cites.some((eId) => contains(handbook.provision(eId).text ?? '', read.basis))).toBe(
        true,
      );
      if (read.reading) expect(q.readings).toContain(read.reading);
    },
  );
});
