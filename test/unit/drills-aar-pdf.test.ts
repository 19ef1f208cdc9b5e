import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AarPdfError, aarPdf, reportPdfName } from '../../src/lib/drills/aar-pdf.ts';
import { emptyReport, type Report } from '../../src/lib/drills/aar.ts';
import { squashSpace } from '../../src/lib/vi.ts';

const fontDir = join(import.meta.dirname, '../../src/lib/journal/fonts');
const fonts = {
  regular: readFileSync(join(fontDir, 'Tinos-Regular.ttf')),
  bold: readFileSync(join(fontDir, 'Tinos-Bold.ttf')),
};
const out = mkdtempSync(join(tmpdir(), 'so-tay-aar-pdf-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const sheet = {
  injects: [
    {
      id: 'a',
      heading: 'Thẻ 1 · 07:30 · Lãnh đạo ca trực',
      question: 'Lãnh đạo ca trực dựa vào đâu để xác định nội dung trọng điểm?',
    },
    { id: 'b', heading: 'Thẻ 2 · 07:45 · Công chức', question: 'Ai tổ chức, phân công công việc?' },
  ],
};
function report(): Report {
  const r = emptyReport('thu', 'Đầu ca: đặt trọng điểm và phân công');
  r.exercise = {
    date: '2026-11-27',
    place: 'Phòng họp tầng 3',
    facilitator: 'Nguyễn Văn An',
    evaluator: '',
    participants: 'Lê Văn Cường: công chức\nPhạm Thị Dung: Trưởng phòng',
  };
  r.evaluations = {
    a: {
      rating: 'dat-mot-phan',
      note: 'Định liên hệ giữ phương tiện, rồi tự dừng lại. '.repeat(30).trim(),
    },
  };
  r.hotWash = 'Cần thống nhất cách liên lạc với lãnh đạo phòng.';
  r.strengths = ['Báo cáo kịp thời'];
  r.actions = [
    { action: 'Phổ biến lại điểm b khoản 3.1', owner: 'Trưởng phòng', due: '2026-12-15' },
  ];
  return r;
}
const textOf = (bytes: Uint8Array) => {
  const file = join(out, `r-${Math.random()}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('qpdf', ['--check', file]);
  return squashSpace(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC'));
};

describe('after-action report as PDF', () => {
  it('holds what was typed, in Vietnamese, and passes qpdf --check', async () => {
    const text = textOf(await aarPdf(report(), sheet, fonts));
    for (const expected of [
      'Báo cáo sau diễn tập',
      'Đầu ca: đặt trọng điểm và phân công',
      'Ngày diễn tập: 27/11/2026',
      'Người đánh giá: (chưa ghi)',
      'Phạm Thị Dung: Trưởng phòng',
      'Tổng hợp 2 thẻ: đạt 0, đạt một phần 1, chưa đạt 0, chưa đánh giá 1.',
      'Đánh giá: Đạt một phần',
      'Đánh giá: chưa đánh giá',
      'Cần thống nhất cách liên lạc với lãnh đạo phòng.',
      '• Báo cáo kịp thời',
      '1. Phổ biến lại điểm b khoản 3.1',
      'Người chịu trách nhiệm: Trưởng phòng · Thời hạn: 15/12/2026',
      'Trang 1/',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('wraps long text onto more lines and pages rather than running off the page', async () => {
    const long = report();
    long.strengths = Array.from(
      { length: 60 },
      (_, i) => `Điểm mạnh số ${i + 1}: ${'rất dài '.repeat(12)}`,
    );
    long.improvements = ['Mộttừrấtdàikhôngcókhoảngtrắng'.repeat(8)];
    const text = textOf(await aarPdf(long, sheet, fonts));
    expect(text).toContain('Điểm mạnh số 60');
    expect(text).toMatch(/Trang 3\/\d/);
    expect(text.replace(/\s/g, '')).toContain('Mộttừrấtdàikhôngcókhoảngtrắng'.repeat(8));
  });

  it('refuses a character the font lacks, naming it', async () => {
    const bad = report();
    bad.hotWash = 'Tốt 👍 lắm ✓';
    await expect(aarPdf(bad, sheet, fonts)).rejects.toThrow(AarPdfError);
    await expect(aarPdf(bad, sheet, fonts)).rejects.toMatchObject({ characters: ['👍', '✓'] });
  });

  it('is named like the JSON file', () => {
    expect(reportPdfName(report())).toBe('bao-cao-sau-dien-tap-thu-2026-11-27.pdf');
  });
});
