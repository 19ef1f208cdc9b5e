/**
 * Trainee progress: answering one inject at a time, the score (first answers), retries of
 * the missed injects, and reading stored progress back — damaged, foreign, newer or made
 * against another answer key, it starts again with a notice and the text set aside.
 */
import { describe, expect, it } from 'vitest';
import { loadProgress } from '../../src/lib/drills/progress-load.ts';
import {
  answer,
  currentInject,
  FORMAT,
  isRight,
  missed,
  retryMissed,
  score,
  setAsideKey,
  startProgress,
  storageKey,
  VERSION,
  type Progress,
} from '../../src/lib/drills/progress.ts';

const INJECTS = ['phat-hien', 'cho-y-kien', 'lam-ro'];
const KEY = 'abc1234';
const CORRECT: Record<string, string[]> = {
  'phat-hien': ['bao-cao'],
  'cho-y-kien': ['khong'],
  'lam-ro': ['a', 'b'],
};
const fresh = () => startProgress('nghi-van', KEY, INJECTS);
const reply = (p: Progress, id: string, chosen: string[]) =>
  answer(p, id, chosen, CORRECT[id] ?? []);

describe('answering', () => {
  it('asks the injects in order, one at a time', () => {
    let p = fresh();
    expect(currentInject(p)).toBe('phat-hien');
    p = reply(p, 'phat-hien', ['bao-cao']);
    expect(currentInject(p)).toBe('cho-y-kien');
    expect(() => reply(p, 'lam-ro', ['a'])).toThrow('Not the inject to answer now: lam-ro');
    expect(() => reply(p, 'cho-y-kien', [])).toThrow('No option chosen');
  });

  it('counts an answer right only with exactly the correct options', () => {
    expect(isRight(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(isRight(['a'], ['a', 'b'])).toBe(false);
    expect(isRight(['a', 'b', 'c'], ['a', 'b'])).toBe(false);
    expect(isRight(['a', 'a'], ['a', 'b'])).toBe(false);
  });

  it('never changes the progress it is given', () => {
    const p = fresh();
    const before = JSON.stringify(p);
    reply(p, 'phat-hien', ['bao-cao']);
    expect(JSON.stringify(p)).toBe(before);
  });
});

describe('score and retries', () => {
  const wrongOnce = () => {
    let p = fresh();
    p = reply(p, 'phat-hien', ['tu-giu']);
    p = reply(p, 'cho-y-kien', ['khong']);
    p = reply(p, 'lam-ro', ['a']);
    return p;
  };

  it('scores the first answers and lists what this round missed', () => {
    const p = wrongOnce();
    expect(currentInject(p)).toBeNull();
    expect(missed(p)).toEqual(['phat-hien', 'lam-ro']);
    expect(score(p, INJECTS)).toEqual({ first: 1, solved: 1, total: 3 });
  });

  it('retries only the missed injects; the first-answer score stays, the solved count grows', () => {
    let p = retryMissed(wrongOnce());
    expect(p.round).toBe(2);
    expect(p.queue).toEqual(['phat-hien', 'lam-ro']);
    expect(currentInject(p)).toBe('phat-hien');
    p = reply(p, 'phat-hien', ['bao-cao']);
    p = reply(p, 'lam-ro', ['b']);
    expect(score(p, INJECTS)).toEqual({ first: 1, solved: 2, total: 3 });
    expect(p.history['lam-ro']).toEqual([false, false]);
    p = retryMissed(p);
    expect(p.queue).toEqual(['lam-ro']);
    p = reply(p, 'lam-ro', ['b', 'a']);
    expect(score(p, INJECTS)).toEqual({ first: 1, solved: 3, total: 3 });
    expect(() => retryMissed(p)).toThrow('Nothing to retry');
  });

  it('refuses a retry before the round is over', () => {
    const p = reply(fresh(), 'phat-hien', ['x']);
    expect(() => retryMissed(p)).toThrow('Nothing to retry');
  });
});

describe('reading stored progress back', () => {
  const stored = (p: Progress) => JSON.stringify(p);

  it('starts fresh, without a notice, when nothing is stored', () => {
    expect(loadProgress(null, 'nghi-van', KEY, INJECTS)).toEqual({
      progress: fresh(),
      notice: null,
      setAside: null,
    });
  });

  it('uses sound progress as it is', () => {
    const p = reply(fresh(), 'phat-hien', ['bao-cao']);
    expect(loadProgress(stored(p), 'nghi-van', KEY, INJECTS)).toEqual({
      progress: p,
      notice: null,
      setAside: null,
    });
  });

  const restarts: [string, string, RegExp][] = [
    [
      'text that is not JSON',
      '{"format":"so-tay-truc-ban/drill","vers',
      /^Tiến độ lưu trong trình duyệt bị hỏng \(không đọc được\), nên bài được làm lại từ đầu\./,
    ],
    [
      'JSON of another kind',
      '[1,2,3]',
      /^Tiến độ lưu trong trình duyệt bị hỏng hoặc không đúng định dạng, nên/,
    ],
    [
      'a field of the wrong type',
      JSON.stringify({ ...fresh(), round: 'một' }),
      /bị hỏng hoặc không đúng định dạng/,
    ],
    [
      'a field this version does not know',
      JSON.stringify({ ...fresh(), extra: true }),
      /bị hỏng hoặc không đúng định dạng/,
    ],
    [
      'a newer format',
      JSON.stringify({ ...fresh(), version: VERSION + 1 }),
      /^Tiến độ được lưu bởi một phiên bản mới hơn của sổ tay \(định dạng 2\), nên/,
    ],
    [
      'another answer key (the drill was edited)',
      JSON.stringify({ ...fresh(), key: 'zzz9999' }),
      /^Bài diễn tập đã được sửa từ lần bạn làm trước, nên/,
    ],
    [
      'an inject the drill no longer has',
      JSON.stringify({ ...fresh(), queue: [...INJECTS, 'bo-di'] }),
      /^Bài diễn tập đã được sửa/,
    ],
    ['another drill', JSON.stringify({ ...fresh(), drill: 'khac' }), /^Bài diễn tập đã được sửa/],
    [
      'an answer outside this round',
      JSON.stringify({
        ...fresh(),
        queue: ['lam-ro'],
        answers: { 'phat-hien': { chosen: ['a'], right: false } },
      }),
      /^Bài diễn tập đã được sửa/,
    ],
  ];

  it.each(restarts)(
    'starts again on %s, says so, and sets the text aside',
    (_name, raw, message) => {
      const loaded = loadProgress(raw, 'nghi-van', KEY, INJECTS);
      expect(loaded.progress).toEqual(fresh());
      expect(loaded.notice).toMatch(message);
      // Where the text went is the store's to say (test/unit/store-kept.test.ts), once it is true.
      expect(loaded.notice).not.toContain('cất riêng');
      expect(loaded.setAside).toBe(raw);
    },
  );

  it('names its keys per drill', () => {
    expect(storageKey('nghi-van')).toBe('so-tay-truc-ban:drill:nghi-van');
    expect(setAsideKey('nghi-van', new Date('2026-11-27T15:10:00Z'))).toBe(
      'so-tay-truc-ban:drill:nghi-van:set-aside:2026-11-27T15:10:00.000Z',
    );
    expect(fresh().format).toBe(FORMAT);
  });
});
