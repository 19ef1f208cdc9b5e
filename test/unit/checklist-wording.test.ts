/**
 * What the shift checklist says (src/lib/checklist/wording.ts and review-wording.ts), sentence by sentence: the
 * browser tests check that the page shows these strings where they belong, these tables check
 * the strings themselves.
 */
import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/lib/checklist/schema.ts';
import { emptyStore } from '../../src/lib/checklist/state.ts';
import { endRun, startRun } from '../../src/lib/checklist/runs.ts';
import {
  endedAnnouncement,
  handoverNote,
  historyLine,
  momentTally,
  replacedEntryNotice,
  replacedNoteNotice,
  reviewApprovals,
  reviewJournal,
  reviewOpenHeading,
  reviewRunLine,
  short,
} from '../../src/lib/checklist/review-wording.ts';
import {
  dropQuestion,
  importDeclined,
  importOutcome,
  importRefused,
  importTooLarge,
  otherRoleReason,
} from '../../src/lib/checklist/import-wording.ts';
import {
  approvalAnnouncement,
  noteRefused,
  runTally,
  startedAnnouncement,
  statusText,
  tickAnnouncement,
} from '../../src/lib/checklist/wording.ts';

const VN = 'Asia/Ho_Chi_Minh';
const input = {
  date: '2026-11-27',
  shiftStart: '22:00',
  shiftEnd: '06:00',
  shift: 'Ca đêm',
  officer: 'Nguyễn Văn An',
  timeZone: VN,
};
// Started at 22:10 in Hà Nội (15:10 UTC), ended at 06:05 the next morning.
const store = startRun(
  emptyStore('lanh-dao-ca-truc'),
  input,
  new Date('2026-11-27T15:10:00.000Z'),
  'run-1',
);
const open = store.current!;
const ended = endRun(store, new Date('2026-11-27T23:05:00.000Z')).history[0]!;
const LABEL = '27/11/2026 · Ca đêm 22:00–06:00 (hôm sau) · Nguyễn Văn An';

describe('the status line', () => {
  it.each<[string, Run | null, boolean, string, string]>([
    [
      'no run',
      null,
      false,
      VN,
      'Chưa có ca nào đang mở. Bắt đầu ca mới để đánh dấu việc đã xong, ghi giờ và ghi chú.',
    ],
    ['the open run', open, false, VN, `Ca đang mở: ${LABEL}; mở sổ lúc 22:10.`],
    [
      'the open run, on a device in London',
      open,
      false,
      'Europe/London',
      `Ca đang mở: ${LABEL}; mở sổ lúc 22:10 (giờ GMT+7, nơi ghi ca).`,
    ],
    [
      'an ended run, looked at',
      ended,
      true,
      VN,
      `Ca đã kết thúc (chỉ xem): ${LABEL}; kết thúc lúc 06:05 28/11/2026.`,
    ],
  ])('%s', (_case, run, viewing, zone, expected) => {
    expect(statusText(run, viewing, zone)).toBe(expected);
  });
});

describe('counts', () => {
  it.each([
    [{ done: 0, total: 5 }, 'Đã xong 0/5 việc', 'Đã xong 0/5'],
    [{ done: 5, total: 5 }, 'Đã xong 5/5 việc', 'Đã xong 5/5'],
  ])('%o', (tally, whole, moment) => {
    expect(runTally(tally)).toBe(whole);
    expect(momentTally(tally)).toBe(moment);
  });

  it('names the end in the history list', () => {
    expect(historyLine(ended, { done: 2, total: 5 })).toBe(
      ' đã xong 2/5 việc, kết thúc lúc 06:05 28/11/2026',
    );
    expect(historyLine(ended, { done: 2, total: 5 }, 3)).toBe(
      ' đã xong 2/5 việc, 3 việc không phát sinh, kết thúc lúc 06:05 28/11/2026',
    );
  });
});

describe('announcements', () => {
  it.each<[string, string]>([
    [
      tickAnnouncement(
        true,
        'Phân công',
        { done: 3, total: 5 },
        { name: 'Trong suốt ca trực', done: 1, total: 2 },
      ),
      'Đã xong: Phân công. Trong suốt ca trực: 1/2. Cả ca: đã xong 3/5 việc.',
    ],
    [
      tickAnnouncement(false, 'Phân công', { done: 2, total: 5 }),
      'Bỏ đánh dấu: Phân công. Cả ca: đã xong 2/5 việc.',
    ],
    [approvalAnnouncement(true, 'Phê duyệt'), 'Đã ghi nhận phê duyệt: Phê duyệt.'],
    [approvalAnnouncement(false, 'Phê duyệt'), 'Bỏ ghi nhận phê duyệt: Phê duyệt.'],
    [startedAnnouncement(open), `Đã bắt đầu ca mới: ${LABEL}.`],
    [
      endedAnnouncement(0),
      'Đã kết thúc ca; mọi việc đã xong. Ca được lưu trong «Các ca đã qua»; có thể mở lại cho đến khi bắt đầu ca mới.',
    ],
    [
      endedAnnouncement(3),
      'Đã kết thúc ca; còn 3 việc chưa xong. Ca được lưu trong «Các ca đã qua»; có thể mở lại cho đến khi bắt đầu ca mới.',
    ],
    [
      noteRefused('Ghi chú dài quá 500 ký tự.'),
      'Ghi chú dài quá 500 ký tự. Ghi chú chưa được lưu.',
    ],
  ])('%s', (said, expected) => {
    expect(said).toBe(expected);
  });
});

describe('the handover sheet and the end-of-shift review', () => {
  it.each([
    [0, 5, 'Mọi việc trong danh sách đã xong (lập lúc 06:00).'],
    [2, 5, 'Còn 2/5 việc chưa xong (lập lúc 06:00).'],
  ])('handover note with %i of %i open', (openCount, total, expected) => {
    expect(handoverNote(openCount, total, '06:00')).toBe(expected);
  });

  it.each<[string, string]>([
    [reviewRunLine(open, { done: 1, total: 5 }), `${LABEL}. Mở sổ lúc 22:10; đã xong 1/5 việc.`],
    [reviewOpenHeading(0), 'Mọi việc trong danh sách đã xong.'],
    [reviewOpenHeading(4), 'Còn 4 việc chưa xong:'],
    [reviewApprovals([]), 'Không có việc đã xong nào còn chờ ghi nhận phê duyệt.'],
    [reviewApprovals(['A', 'B']), 'Đã xong nhưng chưa ghi nhận phê duyệt: A; B.'],
    [reviewJournal(0), 'Nhật ký của ca: chưa có mục nào.'],
    [reviewJournal(2), 'Nhật ký của ca: 2 mục.'],
  ])('%s', (said, expected) => {
    expect(said).toBe(expected);
  });
});

describe('a change made at once in another tab', () => {
  const long = 'x'.repeat(100);
  it.each<[string, [string, string, string], [string, string, string]]>([
    [
      'a note',
      replacedNoteNotice('Phân công', 'bản kia', ''),
      [
        'Ghi chú của việc ‘Phân công’ vừa được sửa ở một thẻ khác cùng lúc với thẻ này.',
        'Đang giữ: ‘bản kia’. Bản ở thẻ này: ‘(trống)’.',
        'Dùng ghi chú của thẻ này',
      ],
    ],
    [
      'an entry edited',
      replacedEntryNotice('2026-11-27T22:15', 'bản kia', 'bản này'),
      [
        'Mục nhật ký lúc 22:15 vừa được sửa ở một thẻ khác cùng lúc với thẻ này.',
        'Đang giữ: ‘bản kia’. Bản ở thẻ này: ‘bản này’.',
        'Ghi lại mục của thẻ này',
      ],
    ],
    [
      'an entry removed',
      replacedEntryNotice('2026-11-27T22:15', null, 'bản này'),
      [
        'Mục nhật ký lúc 22:15 vừa được xóa ở một thẻ khác cùng lúc với thẻ này.',
        'Bản ở thẻ này: ‘bản này’.',
        'Ghi lại mục của thẻ này',
      ],
    ],
  ])('%s', (_case, said, expected) => {
    expect(said).toEqual(expected);
  });

  it('cuts a long text at 80 characters, marking the cut', () => {
    expect(short(long)).toBe(`${'x'.repeat(77)}…`);
    expect(short('ngắn')).toBe('ngắn');
  });
});

describe('importing a run file (journal log)', () => {
  const other = { ...ended, id: 'run-2' };
  it.each<[string, string, string]>([
    [
      'refused, too large',
      importRefused('ca.json', importTooLarge),
      'Không nhập được «ca.json»: tệp quá lớn để là một ca trực.',
    ],
    [
      'refused, another role',
      importRefused('ca.json', otherRoleReason('Lãnh đạo cấp phòng trực ban')),
      'Không nhập được «ca.json»: đây là ca của Lãnh đạo cấp phòng trực ban; hãy nhập trên trang của vai trò đó.',
    ],
    [
      'asked before the oldest run goes',
      dropQuestion(ended, other),
      `Máy này đã giữ đủ 30 ca. Nhập ca ${LABEL} thì ca cũ nhất, ${LABEL}, sẽ bị bỏ khỏi máy. Nên xuất ca cũ đó ra tệp trước. Vẫn nhập?`,
    ],
    ['declined', importDeclined(ended), `Chưa nhập ca ${LABEL}; không có gì thay đổi.`],
    [
      'already here',
      importOutcome({ outcome: 'same', run: ended }, ended.id),
      `Ca ${LABEL} đã có trên máy này, không có gì thay đổi.`,
    ],
    [
      'an open run',
      importOutcome({ outcome: 'current', run: open }, open.id),
      `Đã nhập ca ${LABEL}: ca chưa kết thúc, nay là ca đang mở trên máy này.`,
    ],
    [
      'into the history',
      importOutcome({ outcome: 'history', run: ended }, ended.id),
      `Đã nhập ca ${LABEL} vào «Các ca đã qua».`,
    ],
    [
      'beside another version',
      importOutcome({ outcome: 'history', run: other }, ended.id),
      `Đã nhập ca ${LABEL} vào «Các ca đã qua» (trên máy đã có một bản khác của ca này, nên giữ cả hai).`,
    ],
  ])('%s', (_case, said, expected) => {
    expect(said).toBe(expected);
  });
});
