import { describe, expect, it } from 'vitest';
import {
  confirmLabel,
  formatBytes,
  offerText,
  progressText,
} from '../../src/lib/site/offline-wording.ts';

describe('offline copy wording', () => {
  it.each([
    [0, '0 KB'],
    [1, '1 KB'],
    [512, '1 KB'],
    [10_240, '10 KB'],
    [540_000, '527 KB'],
    [1_048_576, '1,0 MB'],
    [2_936_012, '2,8 MB'],
    [59_664_000, '56,9 MB'],
  ])('%i bytes read %s', (bytes, expected) => expect(formatBytes(bytes)).toBe(expected));

  it.each([
    [
      41,
      2_936_012,
      'Bản lưu gồm 41 trang, tìm kiếm và biểu mẫu trống: 2,8 MB. Tải về khi mạng cho phép; sau đó sổ tay dùng được khi mất mạng.',
    ],
    [
      4100,
      59_664_000,
      'Bản lưu gồm 4100 trang, tìm kiếm và biểu mẫu trống: 56,9 MB. Tải về khi mạng cho phép; sau đó sổ tay dùng được khi mất mạng.',
    ],
  ])('offer for %i pages, %i bytes', (pages, bytes, expected) =>
    expect(offerText(pages, bytes)).toBe(expected),
  );

  it.each([
    [2_936_012, 'Tải về (2,8 MB)'],
    [300_000, 'Tải về (293 KB)'],
  ])('button for %i bytes', (bytes, expected) => expect(confirmLabel(bytes)).toBe(expected));

  it.each([
    [0, 2_936_012, 'Đang tải: 0 KB / 2,8 MB.'],
    [1_468_006, 2_936_012, 'Đang tải: 1,4 MB / 2,8 MB.'],
  ])('progress %i of %i', (done, total, expected) =>
    expect(progressText(done, total)).toBe(expected),
  );
});
