import { describe, expect, it } from 'vitest';
import { mergeResults, normaliseQuery, queryVariants } from '../../src/lib/search/query.ts';
import { dWordVocabulary, foldMarks, hasPrefix } from '../../src/lib/search/vocabulary.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import {
  FILTER_KIND,
  FILTER_ROLE,
  RESULT_KINDS,
  searchRecords,
  spaceTableCells,
} from '../../src/lib/search/records.ts';

describe('Vietnamese query variants', () => {
  it('composes decomposed input, lower-cases and squashes spaces', () => {
    expect(normaliseQuery('  LÃNH   ĐẠO '.normalize('NFD'))).toBe('lãnh đạo');
  });

  it('adds đ for words typed with d, keeping the query as typed first', () => {
    expect(queryVariants('lanh dao')).toEqual(['lanh dao', 'lanh đao']);
    expect(queryVariants('de xuat')).toEqual(['de xuat', 'đe xuat']);
    expect(queryVariants('dung dua hang')).toEqual([
      'dung dua hang',
      'dung đua hang',
      'đung dua hang',
      'đung đua hang',
    ]);
  });

  it('leaves queries without a d-initial word alone', () => {
    expect(queryVariants('Đề xuất')).toEqual(['đề xuất']);
    expect(queryVariants('4398')).toEqual(['4398']);
    expect(queryVariants('   ')).toEqual([]);
  });

  it('caps the variants at 16', () => {
    expect(queryVariants('da de di do du dy')).toHaveLength(16);
  });

  it('with a vocabulary of the index, tries only the spellings the index has', () => {
    const vocabulary = dWordVocabulary([
      'Lãnh đạo ca trực dừng đưa hàng',
      'theo dõi, sử dụng dữ liệu; Điều 7; đề xuất',
    ]);
    expect(vocabulary).toEqual({
      d: ['dung', 'du', 'dung', 'doi'].filter((w, i, a) => a.indexOf(w) === i).sort(),
      đ: ['đao', 'đe', 'đieu', 'đua'],
    });
    expect(queryVariants('lanh dao', vocabulary)).toEqual(['lanh đao']);
    expect(queryVariants('dieu 7', vocabulary)).toEqual(['đieu 7']);
    expect(queryVariants('dung dua hang', vocabulary)).toEqual(['dung đua hang']);
    expect(queryVariants('theo do', vocabulary)).toEqual(['theo do']); // unfinished: dõi
    expect(queryVariants('su du', vocabulary)).toEqual(['su du', 'su đu']); // dụng, dữ; đưa
    expect(queryVariants('de', vocabulary)).toEqual(['đe']); // đề
    expect(queryVariants('theo dx', vocabulary)).toEqual(['theo dx']); // unknown: searched as typed
  });

  it('folds marks but keeps đ, and finds prefixes in a sorted list', () => {
    expect(foldMarks('Điều')).toBe('đieu');
    expect(foldMarks('dừng')).toBe('dung');
    expect(foldMarks('ƯỚC')).toBe('uoc');
    expect(hasPrefix(['dau', 'doi', 'dung'], 'do')).toBe(true);
    expect(hasPrefix(['dau', 'doi', 'dung'], 'dx')).toBe(false);
    expect(hasPrefix([], 'd')).toBe(false);
  });

  it('merges variant results by best score', () => {
    const merged = mergeResults([
      [
        { id: 'a', score: 1 },
        { id: 'b', score: 3 },
      ],
      [
        { id: 'a', score: 5 },
        { id: 'c', score: 2 },
      ],
    ]);
    expect(merged).toEqual([
      { id: 'a', score: 5 },
      { id: 'b', score: 3 },
      { id: 'c', score: 2 },
    ]);
  });
});

describe('search records', () => {
  const handbook = loadHandbook('content');
  const records = searchRecords(handbook);

  it('has one record per point, linking to its place on the article page', () => {
    const points = records.filter((r) => r.filters[FILTER_KIND]?.[0] === 'Điều khoản');
    expect(points.map((r) => r.url)).toEqual(handbook.points.map((p) => `/dieu-7/#${p.eId}`));
    const b = points.find((r) => r.url.endsWith('art_7__para_1__point_b'));
    expect(b?.meta.label).toBe('Điểm b khoản 1 Điều 7');
    expect(b?.filters[FILTER_ROLE]).toEqual(['Lãnh đạo ca trực']);
    expect(b?.content).toContain('4398/QĐ-TCHQngày');
  });

  it('has one record per checklist item, linking to the item on its role page', () => {
    const items = records.filter((r) => r.filters[FILTER_KIND]?.[0] === RESULT_KINDS.checklist);
    expect(items).toHaveLength(handbook.duties.length);
    expect(items.map((r) => r.url)).toContain(
      '/vai-tro/cong-chuc-gshqtt/#art_7__para_3__subpara_2__point_c--bao-cao',
    );
  });

  it('keeps the point letters out of the titles and text of the point records', () => {
    for (const record of records.filter((r) => r.url.startsWith('/dieu-7/'))) {
      expect(record.meta.title, record.url).not.toMatch(/(^|\s)[a-zđ](\s|$)/);
      expect(record.content, record.url).not.toMatch(/^điểm [a-zđ] /i);
    }
  });
});

describe('pages as the index reads them', () => {
  it('puts a space after each table cell, row and caption, so that their words stay apart', () => {
    const html =
      '<table><caption>Căn cứ trực ban</caption><thead><tr><th scope="col">Phần của mẫu</th><th>Căn cứ</th></tr></thead>' +
      '<tbody><tr><TH scope="row">Dòng cơ quan</TH><td>Lựa chọn</td></tr></tbody></table>';
    const text = (markup: string) => markup.replace(/<[^>]+>/g, '');
    expect(text(html)).toContain('trực banPhần của mẫuCăn cứDòng cơ quanLựa chọn');
    expect(text(spaceTableCells(html))).toBe(
      'Căn cứ trực ban Phần của mẫu Căn cứ  Dòng cơ quan Lựa chọn  ',
    );
  });

  it('leaves everything else as it is', () => {
    const html = '<main><p>Trực ban</p><ul><li>Một</li></ul></main>';
    expect(spaceTableCells(html)).toBe(html);
  });
});
