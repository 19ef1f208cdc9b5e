import { describe, expect, it } from 'vitest';
import { canonical, compareVi, formatDateVi, nfc } from '../../src/lib/vi.ts';
import { fullName, statusLine } from '../../src/lib/law/status.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';

describe('Vietnamese text helpers', () => {
  it('composes decomposed input', () => {
    const decomposed = 'Lãnh đạo'.normalize('NFD');
    expect(decomposed).not.toBe('Lãnh đạo');
    expect(nfc(decomposed)).toBe('Lãnh đạo');
    expect(canonical(`  Lãnh\n  đạo `.normalize('NFD'))).toBe('Lãnh đạo');
  });

  it('sorts in Vietnamese order (đ after d, ơ after o)', () => {
    expect(['đạo', 'dung', 'ơn', 'ông', 'an'].sort(compareVi)).toEqual([
      'an',
      'dung',
      'đạo',
      'ông',
      'ơn',
    ]);
  });

  it('writes dates dd/mm/yyyy and rejects what is not a date', () => {
    expect(formatDateVi('2016-12-20')).toBe('20/12/2016');
    expect(() => formatDateVi('20/12/2016')).toThrow('Not an ISO date');
  });
});

describe('validity line', () => {
  const regulation = loadHandbook('content').instruments.find((i) => i.id === 'qd-888-2017');
  it('never claims the Regulation is in force unchecked', () => {
    if (!regulation) throw new Error('qd-888-2017 missing');
    expect(statusLine(regulation)).toBe(
      'Tình trạng hiệu lực: chưa xác minh · Văn bản trích ngày 30/03/2017 · Đối chiếu lần cuối: chưa đối chiếu',
    );
    expect(fullName(regulation)).toBe(
      'Quy chế thực hiện trực ban, giám sát trực tuyến trong ngành hải quan ban hành kèm theo Quyết định 888/QĐ-TCHQ năm 2017',
    );
  });
});
