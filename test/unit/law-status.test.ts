/** What the pages say of an instrument's validity and of the notice of 2025 (src/lib/law/status.ts). */
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { bannerLine, noticeSource, noticeSourceLine } from '../../src/lib/law/status.ts';

const handbook = loadHandbook('content');
const regulation = handbook.instruments.find((i) => i.id === 'qd-888-2017')!;

describe('the banner and the notice of 2025', () => {
  it('takes the notice from the instrument that gives it: Quyết định 382/QĐ-BTC', () => {
    const source = noticeSource(handbook.instruments)!;
    expect([source.id, source.issuedOn, source.inForceFrom]).toEqual([
      'qd-382-2025',
      '2025-02-26',
      '2025-03-01',
    ]);
    expect(noticeSource(handbook.instruments.filter((i) => !i.notice))).toBeUndefined();
  });

  it('says in one line that validity and the units are unchecked, and keeps them apart once validity is', () => {
    expect(bannerLine(regulation, true)).toBe('Hiệu lực, đơn vị: chưa xác minh');
    expect(bannerLine(regulation, false)).toBe('Hiệu lực: chưa xác minh');
    const checked = {
      ...regulation,
      status: { ...regulation.status, value: 'con-hieu-luc' as const },
    };
    expect(bannerLine(checked, true)).toBe(
      'Hiệu lực: còn hiệu lực (đã xác minh) · Đơn vị: chưa xác minh',
    );
  });

  it('dates the notice and says its source has not been read', () => {
    const source = noticeSource(handbook.instruments)!;
    expect(noticeSourceLine(source)).toBe(
      'Sổ tay ghi nhận ngày 07/12/2026; chưa đối chiếu với bản chính thức của Quyết định 382/QĐ-BTC ngày 26/02/2025.',
    );
    expect(
      noticeSourceLine({ ...source, status: { ...source.status, lastVerified: '2027-01-15' } }),
    ).toBe(
      'Sổ tay ghi nhận ngày 07/12/2026; đã đối chiếu với Quyết định 382/QĐ-BTC ngày 26/02/2025 ngày 15/01/2027.',
    );
  });
});
