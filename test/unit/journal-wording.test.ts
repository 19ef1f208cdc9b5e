/**
 * What the journal log (src/lib/checklist/journal-wording.ts) and the journal generator
 * (src/lib/journal/wording.ts) say, sentence by sentence: the browser tests check that the
 * pages put these strings where they belong, these tables check the strings themselves.
 */
import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/lib/checklist/schema.ts';
import { emptyStore } from '../../src/lib/checklist/state.ts';
import { endRun, startRun } from '../../src/lib/checklist/runs.ts';
import {
  editedEntryGone,
  entryHeadline,
  formTitles,
  journalStateText,
  missingInMessage,
  partLabel,
  pdfMade,
  removedAnnouncement,
  removeQuestion,
  rowCause,
  rowProblem,
  runExported,
  savedAnnouncement,
  shortText,
} from '../../src/lib/checklist/journal-wording.ts';
import { journalCount, journalLinkText } from '../../src/lib/checklist/journal-count.ts';
import type { JournalOptionName } from '../../src/lib/journal/options.ts';
import {
  errorBoxOf,
  fileLinkText,
  fileMeta,
  optionMessage,
  pageTotal,
  progressText,
} from '../../src/lib/journal/wording.ts';
import { addEntries, cameraEntry, entry, nightShift } from '../support/journal-runs.ts';

const started = startRun(
  emptyStore('lanh-dao-ca-truc'),
  nightShift(),
  new Date('2026-11-27T15:10:00.000Z'),
  'run-1',
);
const empty = started.current!;
const logged = addEntries(
  started,
  [
    ['e-0001', cameraEntry()],
    ['e-0002', entry('01:15', 'Bàn giao số liệu', { date: '2026-11-28', kind: 'cong-viec' })],
  ],
  new Date('2026-11-27T18:00:00.000Z'),
);
const open = logged.current!;
const ended = endRun(logged, new Date('2026-11-27T23:05:00.000Z')).history[0]!;
const LABEL = '27/11/2026 · Ca đêm 22:00–06:00 (hôm sau) · Nguyễn Văn An';
const LONG = 'Tờ khai 105678912340 luồng xanh có dấu hiệu khai sai mã số hàng hóa, cần kiểm tra';

describe('the journal log', () => {
  it.each<[string, Run | null, boolean, string]>([
    [
      'no run',
      null,
      false,
      'Chưa có ca nào đang mở. Bắt đầu ca mới ở phần «Ca trực» để ghi nhật ký.',
    ],
    ['an open run, no entry yet', empty, true, 'Nhật ký của ca đang mở: chưa có mục nào.'],
    ['an open run', open, true, 'Nhật ký của ca đang mở: 2 mục, theo thứ tự thời gian.'],
    [
      'an ended run looked at',
      ended,
      false,
      `Nhật ký của ca đã qua ${LABEL} (chỉ xem): 2 mục, theo thứ tự thời gian.`,
    ],
  ])('state line: %s', (_case, run, live, expected) => {
    expect(journalStateText(run, live)).toBe(expected);
  });

  it.each<[string, string, string]>([
    [
      'an entry of the run day',
      entryHeadline(open.journal[0]!, open.date),
      '22:15 · Tình huống phát sinh',
    ],
    [
      'an entry after midnight',
      entryHeadline(open.journal[1]!, open.date),
      '01:15 28/11/2026 · Công việc thực hiện',
    ],
    [
      'written',
      savedAnnouncement(false, '22:15 · Tình huống phát sinh'),
      'Đã ghi vào nhật ký: 22:15 · Tình huống phát sinh.',
    ],
    [
      'edited',
      savedAnnouncement(true, '22:15 · Tình huống phát sinh'),
      'Đã lưu thay đổi của mục 22:15 · Tình huống phát sinh.',
    ],
    ['removed', removedAnnouncement('23:30'), 'Đã xóa mục lúc 23:30.'],
    [
      'asked before removing',
      removeQuestion('23:30', 'Ghi nhầm, sẽ xóa'),
      'Xóa mục nhật ký lúc 23:30: «Ghi nhầm, sẽ xóa»?',
    ],
    [
      'asked before removing a long entry',
      removeQuestion('23:30', LONG),
      `Xóa mục nhật ký lúc 23:30: «${LONG.slice(0, 57)}…»?`,
    ],
    [
      'the edited entry gone',
      editedEntryGone,
      'Mục đang sửa đã bị xóa ở thẻ khác. Nội dung bạn đang sửa vẫn còn trong biểu mẫu: bấm «Ghi vào nhật ký» để ghi thành mục mới, hoặc xóa đi nếu không cần.',
    ],
    [
      'the journal made',
      pdfMade('2026-11-27', 3, 1, '41,2 KB'),
      'Đã tạo nhật ký ngày 27/11/2026: 3 dòng, 1 trang (PDF, 41,2 KB).',
    ],
    ['the run exported', runExported(ended), `Đã xuất ca ${LABEL} ra tệp.`],
    ['the count beside the log', journalCount(open), '(2 mục)'],
    ['no count without a run', journalCount(null), ''],
    ['the run panel link', journalLinkText(open), 'Nhật ký ca trực (2 mục)'],
    ['the run panel link without a run', journalLinkText(null), 'Nhật ký ca trực'],
  ])('%s', (_case, said, expected) => {
    expect(said).toBe(expected);
  });

  it.each<[string, string | null, { legend: string; submit: string }]>([
    ['a new entry', null, { legend: 'Mục mới', submit: 'Ghi vào nhật ký' }],
    ['an entry edited', '22:15', { legend: 'Sửa mục lúc 22:15', submit: 'Lưu thay đổi' }],
  ])('form titles: %s', (_case, time, expected) => {
    expect(formTitles(time)).toEqual(expected);
  });

  it('cuts quoted text at 60 characters', () => {
    expect(shortText('x'.repeat(60))).toBe('x'.repeat(60));
    expect(shortText('x'.repeat(61))).toBe(`${'x'.repeat(57)}…`);
  });
});

describe('a journal row that cannot be set', () => {
  const entryLine = { at: '2026-11-28T01:15', content: 'Bàn giao', from: { entry: 1 } };
  const itemLine = {
    at: '2026-11-27T22:20',
    content: LONG,
    from: { item: 'art_7__para_1__point_c' },
  };
  it.each<[string, string, { missing: string[] } | 'too-long']>([
    ['text "🚨" cannot show U+1F6A8 (🚨) in the font', 'U+1F6A8 (🚨)', { missing: ['🚨'] }],
    ['cannot show U+6D77 (海), U+5173 (关)', '', { missing: ['海', '关'] }],
    ['text too long for its cell at the smallest size', '', 'too-long'],
  ])('reads the cause of %s', (message, _shown, expected) => {
    expect(rowCause(message)).toEqual(expected);
  });

  it.each<[string, Parameters<typeof partLabel>[0], string]>([
    ['time', 'time', 'thời gian'],
    ['content', 'content', 'nội dung'],
    ['direction', 'direction', 'nội dung đã chỉ đạo'],
    ['result', 'result', 'kết quả, ghi chú'],
    ['a column that fills nothing', undefined, 'cot_la'],
  ])('names the cell: %s', (_case, part, expected) => {
    expect(partLabel(part, 'cot_la')).toBe(expected);
  });

  it.each<[string, string]>([
    [
      rowProblem(4, entryLine, '2026-11-27', 'nội dung', { missing: ['海', '关'] }),
      'Chưa tạo được nhật ký. Mục nhật ký lúc 01:15 28/11/2026: ô «nội dung» có ký tự phông chữ của nhật ký không có (海 关).',
    ],
    [
      rowProblem(0, itemLine, '2026-11-27', 'nội dung', 'too-long'),
      `Chưa tạo được nhật ký. Việc «${LONG.slice(0, 57)}…»: ô «nội dung» quá dài để in vừa một dòng nhật ký; hãy viết gọn lại.`,
    ],
    [
      rowProblem(6, undefined, '2026-11-27', 'cot_la', 'too-long'),
      'Chưa tạo được nhật ký. Dòng 7: ô «cot_la» quá dài để in vừa một dòng nhật ký; hãy viết gọn lại.',
    ],
  ])('%s', (said, expected) => {
    expect(said).toBe(expected);
  });

  it('lists the characters the PDF module names', () => {
    expect(missingInMessage('cannot show U+6D77 (海), U+5173 (关)')).toEqual(['海', '关']);
    expect(missingInMessage('too long')).toEqual([]);
  });
});

describe('the journal generator', () => {
  const refused = (option: JournalOptionName, message: string) =>
    optionMessage({ option, message });
  it.each<[string, string, string]>([
    [
      'a unit the font cannot show',
      refused('unit', "the journal's font cannot show U+1F6A8 (🚨), U+6D77 (海)"),
      'Phông chữ của mẫu không có các ký tự: 🚨 海. Hãy bỏ hoặc thay các ký tự này.',
    ],
    [
      'a unit too long',
      refused('unit', '"CỤC ĐIỀU TRA…" is too long for its line (612 pt; the line holds 240 pt)'),
      'Tên đơn vị quá dài so với dòng đơn vị trên mẫu. Hãy viết gọn lại.',
    ],
    [
      'an agency the font cannot show',
      refused('agency', "the journal's font cannot show U+6D77 (海)"),
      'Phông chữ của mẫu không có các ký tự: 海. Hãy bỏ hoặc thay các ký tự này.',
    ],
    [
      'an empty agency',
      refused('agency', 'expected the name of the issuing body, found empty text'),
      'Hãy ghi tên cơ quan.',
    ],
    [
      'an agency too long',
      refused('agency', '"BỘ TÀI CHÍNH…" is too long for its line (300 pt; the line holds 240 pt)'),
      'Tên cơ quan quá dài so với dòng đầu của mẫu. Hãy viết gọn lại.',
    ],
    [
      'too many pages in one file',
      refused('dates', 'at most 1000 pages'),
      'Một tệp chứa tối đa 1.000 trang. Hãy bớt số ngày hoặc số trang mỗi ngày.',
    ],
    [
      'pages out of range',
      refused('pages', 'expected 1–200'),
      'Số trang phải là số nguyên từ 1 đến 200.',
    ],
    [
      'a malformed shift',
      refused('shift', 'expected HH:MM-HH:MM'),
      'Giờ ca trực chưa đúng: cần cả giờ bắt đầu và giờ kết thúc, dạng giờ:phút.',
    ],
    [
      'a range too long',
      refused(
        'to',
        'expected a range of at most 366 days, found 400 days (2026-01-01 to 2027-02-04)',
      ),
      'Khoảng ngày dài nhất là 366 ngày.',
    ],
    [
      'an end before the start',
      refused('to', 'expected a date on or after --from (2026-01-31), found 2026-01-01'),
      'Ngày kết thúc phải trùng hoặc sau ngày bắt đầu.',
    ],
    [
      'an impossible date',
      refused('date', 'not a real date'),
      'Ngày không có thật hoặc chưa đủ ngày, tháng, năm.',
    ],
    [
      'dates not both chosen',
      pageTotal(null, 2),
      'Chọn ngày bắt đầu và ngày kết thúc để biết tệp có bao nhiêu trang.',
    ],
    [
      'a month of two pages a day',
      pageTotal(31, 2),
      '31 ngày × 2 trang = 62 trang, trong một tệp.',
    ],
    [
      'a year of three pages a day, over the limit',
      pageTotal(366, 3),
      '366 ngày × 3 trang = 1.098 trang, trong một tệp. Một tệp chứa tối đa 1.000 trang: hãy bớt số ngày hoặc số trang mỗi ngày.',
    ],
    ['progress', progressText(3, 31), 'Đang tạo… 3/31 ngày'],
    [
      'the link to one day',
      fileLinkText('Nhật ký trực ban', ['2026-11-27']),
      'Nhật ký trực ban ngày 27/11/2026',
    ],
    [
      'the link to a range',
      fileLinkText('Nhật ký trực ban', ['2026-01-01', '2026-01-02', '2026-01-31']),
      'Nhật ký trực ban từ ngày 01/01/2026 đến ngày 31/01/2026',
    ],
    ['beside the link', fileMeta(62, '310,4 KB'), ' (PDF, 62 trang, 310,4 KB)'],
  ])('%s', (_case, said, expected) => {
    expect(said).toBe(expected);
  });

  it.each<[JournalOptionName, string]>([
    ['from', 'date'],
    ['to', 'date'],
    ['dates', 'date'],
    ['date', 'date'],
    ['unit', 'unit'],
    ['agency', 'agency'],
    ['pages', 'pages'],
    ['shift', 'shift'],
  ])('shows a refused %s in the %s box', (option, box) => {
    expect(errorBoxOf(option)).toBe(box);
  });
});
