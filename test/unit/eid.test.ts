import { describe, expect, it } from 'vitest';
import {
  citationLabel,
  eIdOf,
  isEId,
  isWithin,
  parseEId,
  shortLabel,
} from '../../src/lib/law/eid.ts';

describe('eIds', () => {
  it('builds Akoma Ntoso-style eIds from numbering', () => {
    expect(eIdOf({ article: '7' })).toBe('art_7');
    expect(eIdOf({ article: '7', para: '1', point: 'a' })).toBe('art_7__para_1__point_a');
    expect(eIdOf({ article: '7', para: '3', subpara: '3.1', point: 'b' })).toBe(
      'art_7__para_3__subpara_1__point_b',
    );
    expect(eIdOf({ article: '7', para: '3', subpara: '3.2' })).toBe('art_7__para_3__subpara_2');
  });

  it('refuses a sub-clause that belongs to another clause', () => {
    expect(() => eIdOf({ article: '7', para: '2', subpara: '3.1' })).toThrow(
      'does not belong to clause 2',
    );
  });

  it('parses what it builds', () => {
    expect(parseEId('art_7__para_3__subpara_2__point_c')).toEqual({
      article: '7',
      para: '3',
      subpara: '3.2',
      point: 'c',
      kind: 'point',
    });
    expect(parseEId('art_7__para_2').kind).toBe('para');
    expect(parseEId('art_7').kind).toBe('article');
  });

  it('tells eIds from other strings', () => {
    expect(isEId('art_7__para_1__point_đ')).toBe(true);
    for (const bad of [
      'art7',
      'art_7__point_a',
      '7.1.a',
      'art_7__para_1__point_ab',
      'art_7__para_x',
    ]) {
      expect(isEId(bad), bad).toBe(false);
    }
    expect(() => parseEId('art_7__point_a')).toThrow('Not a provision eId');
  });

  it('writes Vietnamese citations smallest unit first', () => {
    expect(citationLabel('art_7__para_1__point_b')).toBe('điểm b khoản 1 Điều 7');
    expect(citationLabel('art_7__para_3__subpara_1__point_b')).toBe('điểm b khoản 3.1 Điều 7');
    expect(citationLabel('art_7__para_3__subpara_2')).toBe('khoản 3.2 Điều 7');
    expect(citationLabel('art_7__para_2')).toBe('khoản 2 Điều 7');
    expect(citationLabel('art_7')).toBe('Điều 7');
    expect(shortLabel('art_7__para_3__subpara_2__point_c')).toBe('3.2 c)');
    expect(shortLabel('art_7__para_1')).toBe('1');
  });

  it('knows which provision lies inside which', () => {
    expect(isWithin('art_7__para_1__point_a', 'art_7__para_1')).toBe(true);
    expect(isWithin('art_7__para_1', 'art_7__para_1')).toBe(true);
    expect(isWithin('art_7__para_10__point_a', 'art_7__para_1')).toBe(false);
  });
});
