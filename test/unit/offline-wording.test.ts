import { describe, expect, it } from 'vitest';
import {
  OFFLINE_NOW,
  confirmLabel,
  failureText,
  formatBytes,
  offerText,
  progressText,
  savedPagesText,
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

  it('names a full disk as a full disk, with the room needed and left, and never blames the network', () => {
    const text = failureText({ kind: 'quota', needed: 2_936_012, free: 1_048_576 });
    expect(text).toBe(
      'Máy không còn đủ chỗ để lưu: phần còn lại cần 2,8 MB, trình duyệt chỉ còn cho trang này khoảng 1,0 MB. Hãy giải phóng chỗ trên máy (hoặc xóa dữ liệu của các trang web khác trong trình duyệt), rồi bấm «Tải tiếp»: phần đã tải vẫn được giữ.',
    );
    expect(text).not.toContain('mạng');
    expect(failureText({ kind: 'quota', needed: 300_000 })).toBe(
      'Máy không còn đủ chỗ để lưu: phần còn lại cần 293 KB. Hãy giải phóng chỗ trên máy (hoặc xóa dữ liệu của các trang web khác trong trình duyệt), rồi bấm «Tải tiếp»: phần đã tải vẫn được giữ.',
    );
    // A browser that counts more than its quota still says a size, not a negative one.
    expect(failureText({ kind: 'quota', needed: 300_000, free: -5 })).toContain('khoảng 0 KB');
  });

  it('names a lost connection with what is saved, and a server error with its code', () => {
    expect(failureText({ kind: 'network', done: 1_468_006, total: 2_936_012 })).toBe(
      'Mất mạng khi đang tải: đã lưu 1,4 MB / 2,8 MB. Khi có mạng, bấm «Tải tiếp» để tải phần còn thiếu.',
    );
    expect(failureText({ kind: 'server', status: 404 })).toBe(
      'Máy chủ không gửi được một tệp (mã 404): có thể sổ tay vừa có bản mới. Hãy tải lại trang rồi bấm lại.',
    );
    expect(OFFLINE_NOW).toBe(
      'Máy đang mất mạng: chưa lấy được danh sách để lưu. Khi có mạng, bấm lại nút này.',
    );
  });

  it.each([
    [0, 'Chưa có trang nào của sổ tay được lưu trên máy này.'],
    [1, '1 trang đã lưu trên máy này, mở được ngay khi mất mạng:'],
    [68, '68 trang đã lưu trên máy này, mở được ngay khi mất mạng:'],
  ])('the page shown offline counts %i saved pages', (count, expected) =>
    expect(savedPagesText(count)).toBe(expected),
  );
});
