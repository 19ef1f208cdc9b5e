import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { firstDifference, parseLaw } from '../../src/lib/law/source.ts';
import { canonical } from '../../src/lib/vi.ts';

// Independent of the build's own check: read the source copy and the stored article
// straight from disk and compare them point by point.
const sourceText = readFileSync('content/sources/thu-ky-luat-2017-03-30.txt', 'utf8');
const sources = parse(readFileSync('content/sources/sources.yaml', 'utf8')) as {
  law: { from: string; to: string };
  sha256: string;
}[];
const meta = sources[0];
if (!meta) throw new Error('sources.yaml lists no source');
const law = parseLaw(sourceText, meta.law);
const handbook = loadHandbook('content');

describe('the stored Article 7 is the source, word for word', () => {
  it('uses an untouched copy of the source document', () => {
    expect(
      createHash('sha256')
        .update(readFileSync('content/sources/thu-ky-luat-2017-03-30.txt'))
        .digest('hex'),
    ).toBe(meta.sha256);
  });

  it('finds 3 clauses, 2 sub-clauses and 17 points in the source', () => {
    expect(law.map((p) => p.num)).toEqual(['1', '2', '3']);
    expect(law[2]?.subparagraphs.map((s) => s.num)).toEqual(['3.1', '3.2']);
    const points = law.flatMap((p) => [...p.points, ...p.subparagraphs.flatMap((s) => s.points)]);
    expect(points.map((p) => p.num).join('')).toBe('abcde' + 'abcd' + 'abcde' + 'abc');
  });

  it('stores all 17 points with the exact text of the source', () => {
    const quoted = law.flatMap((p) => [
      ...p.points.map((point) => ({
        eId: `art_7__para_${p.num}__point_${point.num}`,
        text: point.text,
      })),
      ...p.subparagraphs.flatMap((s) =>
        s.points.map((point) => ({
          eId: `art_7__para_${p.num}__subpara_${s.num.split('.')[1]}__point_${point.num}`,
          text: point.text,
        })),
      ),
    ]);
    expect(handbook.points.map((p) => p.eId)).toEqual(quoted.map((q) => q.eId));
    for (const { eId, text } of quoted) {
      expect(canonical(handbook.provision(eId).text ?? ''), eId).toBe(canonical(text));
    }
  });

  it('stores the clause and sub-clause headings exactly', () => {
    expect(handbook.provision('art_7__para_1').heading).toBe('Lãnh đạo ca trực.');
    expect(handbook.provision('art_7__para_2').heading).toBe(law[1]?.heading);
    expect(handbook.provision('art_7__para_3').heading).toBe(law[2]?.heading);
    expect(handbook.provision('art_7__para_3__subpara_1').heading).toBe(
      'Nhiệm vụ của Trưởng phòng.',
    );
    expect(handbook.provision('art_7__para_3__subpara_2').heading).toBe(
      'Trách nhiệm của công chức.',
    );
  });

  it('keeps the quirks of the source as they are', () => {
    expect(handbook.provision('art_7__para_1__point_b').text).toContain(
      '4398/QĐ-TCHQngày 20/12/2016',
    );
    expect(handbook.points.filter((p) => p.parent === 'art_7__para_1').map((p) => p.num)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
  });

  it('notices one changed word', () => {
    const text = handbook.provision('art_7__para_2__point_c').text ?? '';
    expect(firstDifference(text, text)).toBeUndefined();
    expect(firstDifference(text.replace('phê duyệt', 'duyệt'), text)).toEqual({
      index: 39,
      found: 'duyệt',
      expected: 'phê',
    });
    expect(firstDifference(`${text}  `, `${text.normalize('NFD')}\n`)).toBeUndefined();
  });

  it('leaves the context and the page noise out of the law', () => {
    const all = law
      .flatMap((p) => [
        p.heading,
        ...p.points.map((x) => x.text),
        ...p.subparagraphs.flatMap((s) => [s.heading, ...s.points.map((x) => x.text)]),
      ])
      .join(' ');
    for (const noise of ['Trân trọng', 'Thư Ký Luật', 'Ý kiến bạn đọc', 'GOOGLE', '@gmail.com'])
      expect(all).not.toContain(noise);
  });
});
