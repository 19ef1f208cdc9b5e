/**
 * The after-action report file: what is saved reads back the same, and a bad file gets
 * one clear Vietnamese message naming what is wrong and where.
 */
import { describe, expect, it } from 'vitest';
import {
  emptyReport,
  isCalendarDate,
  linesOf,
  ratingCounts,
  reportFileName,
  serialiseReport,
  type Report,
} from '../../src/lib/drills/aar.ts';
import { fieldLabel, parseReport } from '../../src/lib/drills/aar-schema.ts';

const DRILL = 'nghi-van-trong-gio';
const filled = (): Report => ({
  ...emptyReport(DRILL, 'Dấu hiệu nghi vấn trên hệ thống giám sát trong giờ hành chính'),
  exercise: {
    date: '2026-11-27',
    place: 'Phòng họp tầng 3',
    facilitator: 'Nguyễn Văn An',
    evaluator: 'Trần Thị Bình',
    participants: 'Lê Văn Cường: công chức',
  },
  evaluations: {
    'phat-hien': { rating: 'dat', note: '' },
    'cho-y-kien': { rating: 'dat-mot-phan', note: 'Định liên hệ giữ phương tiện, rồi tự dừng.' },
    'lam-ro': { rating: null, note: 'Chưa kịp chơi.' },
  },
  hotWash: 'Cần nói rõ cách liên lạc ngoài giờ.',
  strengths: ['Báo cáo kịp thời'],
  improvements: ['Chờ phê duyệt'],
  actions: [{ action: 'Phổ biến lại điểm c khoản 3.2', owner: 'Trưởng phòng', due: '2026-12-15' }],
  savedAt: '2026-11-27T10:00:00.000Z',
});

describe('saving and reading back', () => {
  it('reads back exactly what was saved', () => {
    const report = filled();
    expect(parseReport(serialiseReport(report), DRILL)).toEqual({ ok: true, report });
  });

  it('keeps evaluations of injects the drill no longer has (nothing lost on the next save)', () => {
    const report = {
      ...filled(),
      evaluations: {
        ...filled().evaluations,
        'bo-di': { rating: 'chua-dat' as const, note: 'cũ' },
      },
    };
    const parsed = parseReport(serialiseReport(report), DRILL);
    expect(parsed.ok && parsed.report.evaluations['bo-di']).toEqual({
      rating: 'chua-dat',
      note: 'cũ',
    });
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parseReport(`\uFEFF${serialiseReport(filled())}`, DRILL).ok).toBe(true);
  });

  it('names the file after the drill and the date', () => {
    expect(reportFileName(filled())).toBe(
      'bao-cao-sau-dien-tap-nghi-van-trong-gio-2026-11-27.json',
    );
    expect(reportFileName(emptyReport(DRILL, 'x'))).toBe(
      'bao-cao-sau-dien-tap-nghi-van-trong-gio.json',
    );
  });
});

describe('a bad file gets a clear message', () => {
  const withChange = (change: (data: Record<string, any>) => void) => {
    const data = JSON.parse(serialiseReport(filled()));
    change(data);
    return JSON.stringify(data);
  };
  const cases: [string, string, string][] = [
    [
      'not JSON',
      'Báo cáo: đạt',
      'Không đọc được tệp: đây không phải tệp JSON, hoặc tệp đã bị cắt, bị sửa hỏng.',
    ],
    [
      'a cut file',
      serialiseReport(filled()).slice(0, 200),
      'Không đọc được tệp: đây không phải tệp JSON, hoặc tệp đã bị cắt, bị sửa hỏng.',
    ],
    [
      'another kind of JSON',
      '{"format":"so-tay-truc-ban/checklist","version":1}',
      'Tệp này không phải báo cáo sau diễn tập của Sổ tay trực ban (thiếu "format": "so-tay-truc-ban/aar").',
    ],
    [
      'a newer format',
      withChange((d) => (d.version = 2)),
      'Tệp được lưu bởi phiên bản mới hơn của sổ tay (định dạng 2); trang này chỉ đọc được định dạng 1.',
    ],
    [
      'the report of another drill',
      withChange((d) => {
        d.drill = 'ghi-nhat-ky';
        d.drillTitle = 'Ghi nhật ký trực ban cuối ca';
      }),
      'Tệp là báo cáo của bài diễn tập khác («Ghi nhật ký trực ban cuối ca»), không phải của bài này. Hãy mở tệp đó ở trang của bài ấy.',
    ],
    [
      'a date that does not exist',
      withChange((d) => (d.actions[0].due = '2026-02-30')),
      'Tệp có chỗ không hợp lệ ở «hành động khắc phục số 1 › thời hạn» (giá trị "2026-02-30"). Báo cáo đang mở trên trang không bị thay đổi.',
    ],
    [
      'an unknown rating',
      withChange((d) => (d.evaluations['cho-y-kien'].rating = 'tot')),
      'Tệp có chỗ không hợp lệ ở «phiếu đánh giá › tình huống «cho-y-kien» › mức đánh giá» (giá trị "tot"). Báo cáo đang mở trên trang không bị thay đổi.',
    ],
    [
      'a missing field',
      withChange((d) => delete d.exercise.facilitator),
      'Tệp có chỗ không hợp lệ ở «thông tin buổi diễn tập › người điều hành» (thiếu trường này). Báo cáo đang mở trên trang không bị thay đổi.',
    ],
    [
      'a corrective action without its action',
      withChange((d) => (d.actions[0].action = '')),
      'Tệp có chỗ không hợp lệ ở «hành động khắc phục số 1 › việc cần làm» (giá trị ""). Báo cáo đang mở trên trang không bị thay đổi.',
    ],
    [
      'text too long for its field',
      withChange((d) => (d.exercise.place = 'x'.repeat(201))),
      `Tệp có chỗ không hợp lệ ở «thông tin buổi diễn tập › địa điểm» (giá trị "${'x'.repeat(58)}…). Báo cáo đang mở trên trang không bị thay đổi.`,
    ],
    [
      'decomposed (NFD) text',
      withChange((d) => (d.strengths[0] = 'Báo cáo kịp thời'.normalize('NFD'))),
      `Tệp có chỗ không hợp lệ ở «điểm mạnh số 1» (giá trị ${JSON.stringify('Báo cáo kịp thời'.normalize('NFD'))}). Báo cáo đang mở trên trang không bị thay đổi.`,
    ],
  ];

  it.each(cases)('%s', (_name, raw, message) => {
    expect(parseReport(raw, DRILL)).toEqual({ ok: false, message });
  });

  it('labels fields the way the form does', () => {
    expect(fieldLabel([])).toBe('toàn bộ tệp');
    expect(fieldLabel(['actions', 2, 'owner'])).toBe(
      'hành động khắc phục số 3 › người chịu trách nhiệm',
    );
    expect(fieldLabel(['surprise'])).toBe('surprise');
  });
});

describe('helpers of the form', () => {
  it('turns a textarea into one item per non-empty line, NFC', () => {
    expect(linesOf('  Báo cáo kịp thời \r\n\n'.normalize('NFD') + 'Chờ phê duyệt\n')).toEqual([
      'Báo cáo kịp thời',
      'Chờ phê duyệt',
    ]);
  });

  it("counts the ratings of the drill's injects", () => {
    expect(ratingCounts(filled(), ['phat-hien', 'cho-y-kien', 'lam-ro', 'de-xuat'])).toEqual({
      dat: 1,
      'dat-mot-phan': 1,
      'chua-dat': 0,
      none: 2,
    });
  });

  it('knows real calendar dates', () => {
    expect(['2026-11-27', '2028-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '27/11/2026', ''].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
