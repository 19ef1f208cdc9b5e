/**
 * Which checklist items apply only when something arises, read from the points' own words
 * (src/lib/content/arising.ts, checklists.yaml `notArising`): on the real content, each with
 * the words that make it so, and the build's check of those words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { arisingWords } from '../../src/lib/content/arising.ts';
import { ContentError } from '../../src/lib/content/errors.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { copyContent, type ContentCopy } from '../support/content-copy.ts';

const handbook = loadHandbook('content');
const ARISES = 'khi có thông tin, tình huống phát sinh';
const ARISES_FIRST = 'Khi có thông tin, tình huống phát sinh';

describe('items that apply only when something arises, from the words of their points', () => {
  it('are these, each with the words of its point that make it so; every other item applies whatever arises', () => {
    const conditional = Object.fromEntries(
      handbook.duties
        .map((duty) => [duty.id, handbook.arising(duty)] as const)
        .filter(([, words]) => words.length > 0),
    );
    expect(conditional).toEqual({
      // Lãnh đạo ca trực: 1 b's second clause, and the whole of 1 d («Khi … thì …»).
      'art_7__para_1__point_b--vi-pham': ['phát hiện'],
      'art_7__para_1__point_d--lam-ro': [ARISES_FIRST],
      'art_7__para_1__point_d--phuong-an': [ARISES_FIRST],
      // Lãnh đạo cấp phòng trực ban: 2 c.
      'art_7__para_2__point_c--danh-gia': [ARISES_FIRST],
      'art_7__para_2__point_c--de-xuat': [ARISES_FIRST],
      'art_7__para_2__point_c--thuc-hien': [ARISES_FIRST, 'khi có sự đồng ý'],
      // Trưởng phòng: 3.1 b, 3.1 c's first sentence, 3.1 e.
      art_7__para_3__subpara_1__point_b: [ARISES],
      'art_7__para_3__subpara_1__point_c--chi-dao': ['sau khi được sự phê duyệt'],
      'art_7__para_3__subpara_1__point_e--danh-gia': [ARISES],
      'art_7__para_3__subpara_1__point_e--de-xuat': [ARISES],
      'art_7__para_3__subpara_1__point_e--thuc-hien': [ARISES, 'khi có sự đồng ý'],
      // Công chức: 3.2 c, and the part of 3.1 d the handbook reads as theirs.
      'art_7__para_3__subpara_1__point_d--giam-sat-bao-cao': [ARISES],
      'art_7__para_3__subpara_2__point_c--bao-cao': ['phát hiện'],
      'art_7__para_3__subpara_2__point_c--thuc-hien': ['phát hiện', 'khi có sự đồng ý'],
    });
  });

  it('are, for every role, the items the handbook files under «Khi có thông tin, tình huống phát sinh»: the words and the grouping agree', () => {
    for (const role of handbook.dutyHolders) {
      const duties = handbook.dutiesOf(role.id);
      expect(
        duties.filter((duty) => handbook.arising(duty).length > 0).map((duty) => duty.id),
        role.id,
      ).toEqual(
        duties.filter((duty) => duty.moments.includes('khi-phat-sinh')).map((duty) => duty.id),
      );
    }
  });

  it('give the shift leader three of nine, and every role at least one', () => {
    const count = (roleId: string) =>
      handbook.dutiesOf(roleId).filter((duty) => handbook.arising(duty).length > 0).length;
    expect([count('lanh-dao-ca-truc'), handbook.dutiesOf('lanh-dao-ca-truc').length]).toEqual([
      3, 9,
    ]);
    for (const role of handbook.dutyHolders) expect(count(role.id), role.id).toBeGreaterThan(0);
  });

  it('rest on the reading that lets them be marked «không phát sinh trong ca», which cites every point that makes one so', () => {
    expect(handbook.notArisingReading).toBe('khong-phat-sinh-trong-ca');
    const reading = handbook.reading('khong-phat-sinh-trong-ca');
    expect(reading.text).toContain('«không phát sinh trong ca»');
    const points = new Set(
      handbook.duties.filter((duty) => handbook.arising(duty).length > 0).map((d) => d.point),
    );
    expect([...points].sort()).toEqual([...reading.cites].sort());
  });
});

describe('arisingWords: a condition governs its clause up to where it is said', () => {
  const point =
    'Phân công công chức trực, thực hiện giám sát, báo cáo lãnh đạo phòng khi có thông tin, tình huống phát sinh.';
  it('a condition said after an item’s words is not its condition', () => {
    expect(arisingWords(point, ['Phân công công chức trực'], [ARISES])).toEqual([]);
    expect(arisingWords(point, ['báo cáo lãnh đạo phòng'], [ARISES])).toEqual([]);
  });
  it('a condition within an item’s words, or before them in the clause, is', () => {
    expect(
      arisingWords(
        point,
        ['báo cáo lãnh đạo phòng khi có thông tin, tình huống phát sinh'],
        [ARISES],
      ),
    ).toEqual([ARISES]);
    expect(
      arisingWords(
        'Khi có thông tin, tình huống phát sinh thì chỉ đạo, báo cáo.',
        ['báo cáo'],
        [ARISES],
      ),
    ).toEqual([ARISES_FIRST]);
  });
  it('a condition in another clause («;» or a sentence) is not', () => {
    const text = 'Xử lý khi phát hiện vi phạm; tiếp nhận báo cáo. Tổ chức theo dõi.';
    expect(arisingWords(text, ['tiếp nhận báo cáo'], ['phát hiện'])).toEqual([]);
    expect(arisingWords(text, ['Tổ chức theo dõi'], ['phát hiện'])).toEqual([]);
    expect(arisingWords(text, ['Xử lý khi phát hiện vi phạm'], ['phát hiện'])).toEqual([
      'phát hiện',
    ]);
  });
});

describe('the words in checklists.yaml are the law’s', () => {
  let copy: ContentCopy | undefined;
  afterEach(() => copy?.remove());

  it('a word that no point of the reading says stops the build, with file, line and the nearest words of the law', () => {
    copy = copyContent();
    copy.edit('checklists.yaml', '    - phát hiện\n', '    - khi phát hiện ra\n');
    let message = '';
    try {
      loadHandbook(copy.root);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      message = error.message;
    }
    expect(message).toMatch(
      /checklists\.yaml:\d+ notArising\.words\[1\]: expected words of a point that reading khong-phat-sinh-trong-ca cites/,
    );
    expect(message).toContain('"khi phát hiện ra"');
  });
});
