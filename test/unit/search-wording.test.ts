import { describe, expect, it } from 'vitest';
import {
  allResultsLink,
  filterCount,
  resultFacts,
  resultsStatus,
} from '../../src/lib/search/wording.ts';

describe('search wording', () => {
  it.each([
    ['lanh dao', 0, 0, 'Không có kết quả cho «lanh dao».'],
    ['lanh dao', 1, 1, '1 kết quả cho «lanh dao».'],
    ['lanh dao', 10, 10, '10 kết quả cho «lanh dao».'],
    ['nhật ký', 23, 10, '23 kết quả cho «nhật ký», hiện 10 kết quả đầu.'],
    ['888', 7, 5, '7 kết quả cho «888», hiện 5 kết quả đầu.'],
  ])('status for «%s», %i found, %i shown', (query, total, shown, expected) => {
    expect(resultsStatus(query, total, shown)).toBe(expected);
  });

  it.each([
    [0, 'Mở trang tìm kiếm'],
    [1, 'Xem cả 1 kết quả, có bộ lọc'],
    [42, 'Xem cả 42 kết quả, có bộ lọc'],
  ])('link to every result when %i are found', (total, expected) => {
    expect(allResultsLink(total)).toBe(expected);
  });

  it.each([
    [
      ['Điểm a khoản 1 Điều 7', 'Lãnh đạo ca trực', 'Việc cần làm'],
      'Điểm a khoản 1 Điều 7 · Lãnh đạo ca trực · Việc cần làm',
    ],
    [[undefined, 'Lãnh đạo ca trực', 'Giới thiệu'], 'Lãnh đạo ca trực · Giới thiệu'],
    [[undefined, undefined, 'Biểu mẫu'], 'Biểu mẫu'],
    [[' ', undefined, undefined], ''],
  ] as const)('facts line %j', (parts, expected) => {
    expect(resultFacts(...parts)).toBe(expected);
  });

  it.each([
    [0, ''],
    [1, ' (đang chọn 1)'],
    [3, ' (đang chọn 3)'],
  ])('the folded filters say how many are ticked: %i', (ticked, expected) => {
    expect(filterCount(ticked)).toBe(expected);
  });
});
