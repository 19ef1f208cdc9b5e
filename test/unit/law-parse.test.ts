import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleSchema } from '../../src/lib/content/schema.ts';
import { articleYaml, toArticle } from '../../src/lib/law/import.ts';
import {
  lineShape,
  nextLetters,
  parsePublished,
  PublishedTextError,
  type PublishedArticle,
} from '../../src/lib/law/parse-published.ts';
import { provisionsOf } from '../../src/lib/law/provisions.ts';
import { sourceText, withHeading } from '../support/law-texts.ts';

const fixture = (name: string) => readFileSync(`test/fixtures/law/${name}`, 'utf8');

/** "abcde abcd | abcde abc": each clause's or sub-clause's point letters. */
const letters = (article: PublishedArticle): string[] =>
  article.paragraphs.flatMap((p) =>
    p.subparagraphs.length > 0
      ? p.subparagraphs.map((s) => `${s.num} ${s.points.map((x) => x.num).join('')}`)
      : [`${p.num} ${p.points.map((x) => x.num).join('')}`],
  );

const ARTICLE_7 = ['1 abcde', '2 abcd', '3.1 abcde', '3.2 abc'];

/** The stored article without the handbook's notes: what an import of the same text must give. */
function storedWithoutNotes() {
  const stored = parse(readFileSync('content/articles/dieu-7.yaml', 'utf8'));
  return JSON.parse(JSON.stringify(stored, (key, value) => (key === 'notes' ? undefined : value)));
}

describe('the source document’s Article 7', () => {
  it('is found with a «Điều 7.» line added, the web page’s lines left out and listed', () => {
    const text = withHeading('Điều 7. Nhiệm vụ của các thành viên ca trực');
    const { articles, leftOut } = parsePublished(text);
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article!.num).toBe('7');
    expect(article!.heading).toBe('Nhiệm vụ của các thành viên ca trực');
    expect(letters(article!)).toEqual(ARTICLE_7);
    const lines = text.split('\n');
    expect(lines[article!.line - 1]!.trim()).toBe('Điều 7. Nhiệm vụ của các thành viên ca trực');
    expect(lines[article!.lastLine - 1]).toContain(
      'chỉ thực hiện khi có sự đồng ý, phê duyệt của lãnh đạo.',
    );
    // Left out: the lead-in (up to "… như sau:") and the footer, nothing of the law.
    expect(leftOut.map((run) => [run.from, run.to])).toEqual([
      [1, 9],
      [article!.lastLine + 2, lines.length - (lines.at(-1) === '' ? 1 : 0)],
    ]);
    expect(leftOut[0]!.lines.at(-1)).toMatch(/như sau:$/);
    expect(leftOut[1]!.lines).toContain('Trân trọng!');
    const law = new Set(
      provisionsOf(toArticle(article!, { instrument: 'x', source: 'y' })).map((p) => p.text),
    );
    for (const run of leftOut) for (const line of run.lines) expect(law.has(line)).toBe(false);
  });

  it('is found without the heading line when the article is named, and refused without it', () => {
    const { articles, leftOut } = parsePublished(sourceText(), { article: '7' });
    expect(letters(articles[0]!)).toEqual(ARTICLE_7);
    expect(articles[0]!.heading).toBeUndefined();
    expect(articles[0]!.line).toBe(11);
    expect(leftOut.map((run) => run.from)).toEqual([1, 55]);
    expect(() => parsePublished(sourceText())).toThrow(/--article N/);
  });

  it('gives back dieu-7.yaml’s clauses, headings and points exactly (round trip)', () => {
    for (const text of [withHeading(), sourceText()]) {
      const [article] = parsePublished(text, { article: '7' }).articles;
      const imported = toArticle(article!, {
        instrument: 'qd-888-2017',
        source: 'thu-ky-luat-2017-03-30',
      });
      expect(imported).toEqual(storedWithoutNotes());
      // Through the YAML the import writes, and the schema the build reads it with.
      const yaml = articleYaml(imported, ['Điều 7, nhập để kiểm thử']);
      expect(yaml.startsWith('# Điều 7, nhập để kiểm thử\n')).toBe(true);
      expect(articleSchema.parse(parse(yaml))).toEqual(storedWithoutNotes());
    }
  });

  it('reads decomposed text and Windows line ends as the same article', () => {
    const text = withHeading().normalize('NFD').replace(/\n/g, '\r\n');
    const [article] = parsePublished(text).articles;
    const imported = toArticle(article!, {
      instrument: 'qd-888-2017',
      source: 'thu-ky-luat-2017-03-30',
    });
    expect(imported).toEqual(storedWithoutNotes());
  });

  it('does not invent a point đ where the text goes from d to e', () => {
    const [article] = parsePublished(sourceText(), { article: '7' }).articles;
    const eIds = provisionsOf(toArticle(article!, { instrument: 'x', source: 'y' })).map(
      (p) => p.eId,
    );
    expect(eIds.filter((eId) => eId.endsWith('point_đ'))).toEqual([]);
    expect(eIds).toContain('art_7__para_1__point_e');
  });
});

describe('other published texts', () => {
  it('reads a point đ in its place, under its own eId', () => {
    const { articles, leftOut } = parsePublished(fixture('co-diem-dd.txt'));
    expect(letters(articles[0]!)).toEqual(['1 abcdđeg']);
    const eIds = provisionsOf(toArticle(articles[0]!, { instrument: 'x', source: 'y' })).map(
      (p) => p.eId,
    );
    expect(eIds).toContain('art_5__para_1__point_đ');
    expect(eIds.indexOf('art_5__para_1__point_đ')).toBe(eIds.indexOf('art_5__para_1__point_d') + 1);
    expect(leftOut.map((run) => run.lines)).toEqual([
      ['Văn bản giả định để kiểm thử (không phải văn bản thật)'],
      ['Bản in · Chia sẻ'],
    ]);
  });

  it('reads several articles, leaving out the lines between them', () => {
    const { articles, leftOut } = parsePublished(fixture('nhieu-dieu.txt'));
    expect(articles.map((a) => [a.num, a.heading])).toEqual([
      ['6', 'Thành phần ca trực'],
      ['7', 'Nhiệm vụ của các thành viên ca trực'],
    ]);
    expect(letters(articles[0]!)).toEqual(['1 a', '2 ab']);
    expect(letters(articles[1]!)).toEqual(['1 a', '2.1 ab', '2.2 a']);
    expect(leftOut.map((run) => run.lines)).toEqual([
      ['Văn bản giả định để kiểm thử (không phải văn bản thật)', 'Chương II', 'TỔ CHỨC CA TRỰC'],
      ['Chương III', 'ĐIỀU KHOẢN THI HÀNH'],
    ]);
    const only = parsePublished(fixture('nhieu-dieu.txt'), { article: '7' });
    expect(only.articles.map((a) => a.num)).toEqual(['7']);
    expect(only.leftOut.flatMap((run) => run.lines)).toContain('Điều 6. Thành phần ca trực');
    expect(() => parsePublished(fixture('nhieu-dieu.txt'), { article: '9' })).toThrow(
      'văn bản không có Điều 9 (có Điều 6, Điều 7)',
    );
  });
});

describe('malformed texts are refused, naming the line', () => {
  it.each([
    [
      'diem-thieu-chu.txt',
      7,
      /^dòng 7: «Theo dõi hệ thống trong ca\.» nằm giữa các khoản, điểm của Điều 5 .*một điểm thiếu chữ cái/,
    ],
    ['diem-thieu-chu-ngoac.txt', 7, /^dòng 7: điểm thiếu chữ cái trước dấu «\)»/],
    [
      'khoan-con-sai-thu-tu.txt',
      6,
      /^dòng 6: khoản con đầu tiên của khoản 2 phải là khoản 2\.1, không phải khoản 2\.2$/,
    ],
    ['khoan-lap-lai.txt', 7, /^dòng 7: khoản 2 lặp lại \(đã có ở dòng 5\)$/],
    ['diem-bi-bo-qua.txt', 6, /^dòng 6: điểm d đứng ngay sau điểm b của khoản 1: thiếu điểm c/],
  ])('%s: line %i', (name, line, message) => {
    let error: unknown;
    try {
      parsePublished(fixture(name));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PublishedTextError);
    expect((error as PublishedTextError).line).toBe(line);
    expect((error as PublishedTextError).message).toMatch(message);
  });

  it.each([
    [
      'a sub-clause after its successor',
      'Điều 5. X\n1. A.\n1.1. B.\na) C.\n1.3. D.\na) E.',
      5,
      'khoản 1.3 không đúng thứ tự: sau khoản 1.1 phải là khoản 1.2',
    ],
    [
      'a sub-clause of another clause',
      'Điều 5. X\n1. A.\na) B.\n2. B.\n1.1. C.\na) D.',
      5,
      'khoản 1.1 nằm trong khoản 2 (dòng 4)',
    ],
    [
      'a clause without points',
      'Điều 5. X\n1. A.\n2. B.\na) C.',
      2,
      'khoản 1 không có điểm hay khoản con nào',
    ],
    [
      'a clause skipped',
      'Điều 5. X\n1. A.\na) B.\n3. C.\na) D.',
      4,
      'khoản 3 không đúng thứ tự: sau khoản 1 phải là khoản 2',
    ],
    [
      'a point letter repeated',
      'Điều 5. X\n1. A.\na) B.\nb) C.\nb) D.',
      5,
      'điểm b của khoản 1 lặp lại (đã có ở dòng 4)',
    ],
    [
      'a letter Vietnamese does not number with',
      'Điều 5. X\n1. A.\na) B.\nf) C.',
      4,
      'văn bản tiếng Việt không đánh số điểm bằng chữ f',
    ],
    [
      'e missing after đ',
      'Điều 5. X\n1. A.\na) B.\nb) B.\nc) B.\nd) B.\nđ) B.\ng) B.',
      8,
      'điểm g đứng ngay sau điểm đ của khoản 1: thiếu điểm e',
    ],
    [
      'points before the first article',
      'a) B.\nĐiều 5. X\n1. A.\na) B.',
      1,
      'nằm trước dòng «Điều …» đầu tiên',
    ],
    [
      'a paragraph between the heading and clause 1',
      'Điều 5. X\nQuy chế này quy định.\n1. A.\na) B.',
      2,
      'nằm giữa dòng «Điều 5.» và khoản 1',
    ],
    [
      'an article repeated',
      'Điều 5. X\n1. A.\na) B.\nĐiều 5. Y\n1. A.\na) B.',
      4,
      'Điều 5 lặp lại (đã có ở dòng 1)',
    ],
    [
      'points and sub-clauses in one clause',
      'Điều 5. X\n1. A.\na) B.\n1.1. C.\na) D.',
      4,
      'khoản 1 đã có điểm (từ dòng 3)',
    ],
    ['a heading without clauses', 'Điều 5. X\n\nHết.', 1, 'Điều 5 không có khoản nào'],
  ])('%s', (_, text, line, message) => {
    expect(() => parsePublished(text)).toThrow(PublishedTextError);
    expect(() => parsePublished(text)).toThrow(`dòng ${line}: `);
    expect(() => parsePublished(text)).toThrow(message);
  });
});

describe('lines and letters', () => {
  it('knows the shapes of a published text’s lines', () => {
    expect(lineShape('  Điều 7. Nhiệm vụ ')).toEqual({
      kind: 'article',
      num: '7',
      heading: 'Nhiệm vụ',
    });
    expect(lineShape('Điều 7.')).toEqual({ kind: 'article', num: '7', heading: '' });
    expect(lineShape('Điều 7 Quy chế')).toMatchObject({ kind: 'other' });
    expect(lineShape('3.1. Nhiệm vụ của Trưởng phòng.')).toEqual({
      kind: 'subpara',
      para: '3',
      sub: '1',
      heading: 'Nhiệm vụ của Trưởng phòng.',
    });
    expect(lineShape('2. Lãnh đạo.')).toEqual({ kind: 'para', num: '2', heading: 'Lãnh đạo.' });
    expect(lineShape('đ) Lưu giữ.')).toEqual({ kind: 'point', num: 'đ', text: 'Lưu giữ.' });
    expect(lineShape(') Lưu giữ.')).toEqual({ kind: 'letterless', text: 'Lưu giữ.' });
    expect(lineShape(' \t ')).toEqual({ kind: 'blank' });
  });

  it('allows đ or e after d, and only the next letter elsewhere', () => {
    expect(nextLetters(undefined)).toEqual(['a']);
    expect(nextLetters('c')).toEqual(['d']);
    expect(nextLetters('d')).toEqual(['đ', 'e']);
    expect(nextLetters('đ')).toEqual(['e']);
    expect(nextLetters('e')).toEqual(['g']);
    expect(nextLetters('y')).toEqual([]);
  });
});
