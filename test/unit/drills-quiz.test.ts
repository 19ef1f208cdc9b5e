/**
 * "Ai làm việc này?": questions generated from the checklist items (nothing written for
 * the quiz), confusable lines left out, random draws through an injected random source.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import {
  articleOf,
  articleOfEId,
  CONFUSABLE_OVERLAP,
  drawQuiz,
  drawRound,
  overlap,
  QUIZ_LENGTH,
  quizArticles,
  quizPool,
} from '../../src/lib/drills/quiz.ts';

const handbook = loadHandbook('content');

/** A seeded random source (mulberry32), so that draws are repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the question pool', () => {
  const { pool, excluded } = quizPool(handbook.duties);

  it("is the checklist items themselves: each question is an item's action line, its answer the item's role", () => {
    for (const item of pool) {
      const duty = handbook.duties.find((d) => d.id === item.id);
      expect(duty, item.id).toBeDefined();
      expect(item.action).toBe(duty?.action);
      expect(item.role).toBe(duty?.role);
    }
    expect(pool.length + excluded.length).toBe(handbook.duties.length);
  });

  it('leaves out the lines that read like another role\'s line, e.g. 2 c) and 3.1 e) "báo cáo, đề xuất phương án xử lý lên lãnh đạo ca trực"', () => {
    const out = excluded.map((entry) => entry.item.id);
    expect(out).toEqual(
      expect.arrayContaining([
        'art_7__para_2__point_c--de-xuat',
        'art_7__para_3__subpara_1__point_e--de-xuat',
        'art_7__para_2__point_c--thuc-hien',
        'art_7__para_3__subpara_1__point_e--thuc-hien',
        'art_7__para_3__subpara_2__point_c--thuc-hien',
        'art_7__para_2__point_c--danh-gia',
        'art_7__para_3__subpara_1__point_e--danh-gia',
      ]),
    );
    for (const entry of excluded) {
      expect(entry.like.length, entry.item.id).toBeGreaterThan(0);
      for (const other of entry.like) {
        expect(other.role).not.toBe(entry.item.role);
        expect(overlap(entry.item.action, other.action)).toBeGreaterThanOrEqual(CONFUSABLE_OVERLAP);
      }
    }
  });

  it('keeps no two lines of different roles that read alike', () => {
    for (const a of pool) {
      for (const b of pool) {
        if (a.role !== b.role)
          expect(overlap(a.action, b.action), `${a.id} / ${b.id}`).toBeLessThan(CONFUSABLE_OVERLAP);
      }
    }
  });

  it('still asks about every duty holder, and has enough for a round', () => {
    expect(new Set(pool.map((item) => item.role))).toEqual(
      new Set(handbook.dutyHolders.map((r) => r.id)),
    );
    expect(pool.length).toBeGreaterThanOrEqual(QUIZ_LENGTH);
  });

  it("follows the content: an item reworded to read like another role's is left out", () => {
    const duties = handbook.duties.map((d) =>
      d.id === 'art_7__para_1__point_c'
        ? { ...d, action: 'Tổ chức, phân công lực lượng thực hiện giám sát trực tuyến' }
        : d,
    );
    expect(quizPool(duties).excluded.map((e) => e.item.id)).toContain('art_7__para_1__point_c');
  });
});

describe('drawing a round', () => {
  const items = Array.from({ length: 18 }, (_, i) => `q${i}`);

  it('draws the asked number of distinct items from the pool', () => {
    const round = drawQuiz(items, QUIZ_LENGTH, seeded(1));
    expect(round).toHaveLength(QUIZ_LENGTH);
    expect(new Set(round).size).toBe(QUIZ_LENGTH);
    for (const item of round) expect(items).toContain(item);
  });

  it('is repeatable with the same random source, and differs with another', () => {
    expect(drawQuiz(items, 10, seeded(7))).toEqual(drawQuiz(items, 10, seeded(7)));
    expect(drawQuiz(items, 10, seeded(7))).not.toEqual(drawQuiz(items, 10, seeded(8)));
  });

  it('leaves the pool as it was', () => {
    const pool = [...items];
    drawQuiz(pool, 10, seeded(3));
    expect(pool).toEqual(items);
  });

  it('draws at most the whole pool, and nothing for 0 or less', () => {
    expect(drawQuiz(items.slice(0, 3), 10, seeded(2)).sort()).toEqual(['q0', 'q1', 'q2']);
    expect(drawQuiz(items, 0, seeded(2))).toEqual([]);
    expect(drawQuiz(items, -4, seeded(2))).toEqual([]);
  });

  it('survives a random source that returns 1 (outside [0, 1))', () => {
    expect(new Set(drawQuiz(items, 18, () => 1)).size).toBe(18);
  });

  it('puts every item first about equally often (uniform shuffle)', () => {
    const random = seeded(42);
    const firsts = new Map<string, number>();
    const runs = 18_000;
    for (let n = 0; n < runs; n++) {
      const first = drawQuiz(items, 10, random)[0] ?? '';
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    expect(firsts.size).toBe(items.length);
    // Expected 1000 each; a biased shuffle (e.g. sort by random) strays far more than 15 %.
    for (const count of firsts.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});

describe('the pool at scale', () => {
  const item = (article: number, index: number, role: string, action: string) => ({
    id: `art_${article}__para_1__point_a--${index}`,
    role,
    action,
  });
  /** Two roles per article whose lines read alike: each article's pair is confusable, not across articles. */
  const content = (articles: number) =>
    Array.from({ length: articles }, (_, a) => [
      item(a + 7, 0, 'lanh-dao', `báo cáo phương án xử lý mẫu ${a}`),
      item(a + 7, 1, 'cong-chuc', `báo cáo phương án xử lý mẫu ${a}`),
      item(a + 7, 2, 'cong-chuc', `theo dõi hệ thống giám sát số ${a}`),
    ]).flat();

  it.each([
    ['art_7__para_1__point_a--x', 'art_7'],
    ['art_101__para_3__subpara_2__point_c', 'art_101'],
  ])('%s belongs to %s', (id, article) =>
    expect(articleOf({ id, role: 'r', action: '' })).toBe(article),
  );

  it('compares lines within their article only: alike lines of two articles do not exclude each other', () => {
    const { pool, excluded } = quizPool(content(3));
    expect(excluded.map((entry) => entry.item.id).sort()).toEqual(
      ['art_7', 'art_8', 'art_9']
        .flatMap((a) => [`${a}__para_1__point_a--0`, `${a}__para_1__point_a--1`])
        .sort(),
    );
    for (const entry of excluded)
      for (const other of entry.like) expect(articleOf(other)).toBe(articleOf(entry.item));
    expect(pool.map((entry) => entry.id)).toEqual([
      'art_7__para_1__point_a--2',
      'art_8__para_1__point_a--2',
      'art_9__para_1__point_a--2',
    ]);
    // Across articles, the same line appears in pool-or-excluded by its own article alone.
    const alike = [item(7, 0, 'lanh-dao', 'một việc'), item(8, 0, 'cong-chuc', 'một việc')];
    expect(quizPool(alike).pool).toHaveLength(2);
  });

  it('keeps the order of the items in both lists', () => {
    const items = content(2);
    const { pool, excluded } = quizPool(items);
    const order = (list: { id: string }[]) =>
      list.map((entry) => items.findIndex((i) => i.id === entry.id));
    expect(order(pool)).toEqual([...order(pool)].sort((a, b) => a - b));
    expect(order(excluded.map((e) => e.item))).toEqual(
      [...order(excluded.map((e) => e.item))].sort((a, b) => a - b),
    );
  });
});

describe('a round draws per article', () => {
  /** Content of several articles: each article's roles hold its clauses; lines from a small vocabulary, so that some read alike. */
  const words = [
    'báo cáo',
    'lãnh đạo',
    'xử lý',
    'giám sát',
    'phân công',
    'ghi',
    'nhật ký',
    'đề xuất',
  ];
  const contentArb = fc
    .array(
      fc.record({
        roles: fc.integer({ min: 1, max: 4 }),
        items: fc.array(
          fc.record({
            role: fc.nat(3),
            words: fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }),
          }),
          { maxLength: 25 },
        ),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((articles) => {
      const holders = articles.flatMap((article, a) =>
        Array.from({ length: article.roles }, (_, r) => ({
          id: `a${a}-r${r}`,
          holds: `art_${a + 7}__para_${r + 1}`,
        })),
      );
      const items = articles.flatMap((article, a) =>
        article.items.map((item, i) => ({
          id: `art_${a + 7}__para_1__point_a--${i}`,
          role: `a${a}-r${item.role % article.roles}`,
          action: item.words.join(' '),
        })),
      );
      return { holders, items };
    });

  it("takes every question of a round from one article, each once, none confusable with another, and offers that article's duty holders", () => {
    fc.assert(
      fc.property(contentArb, fc.integer(), ({ holders, items }, seed) => {
        const { pool } = quizPool(items);
        const articles = quizArticles(pool, holders);
        const round = drawRound(
          articles.map((article) => article.questions),
          QUIZ_LENGTH,
          seeded(seed),
        );
        if (pool.length === 0) {
          expect(round).toEqual([]);
          return;
        }
        const article = articleOf(round[0]!);
        const own = articles.find((entry) => entry.article === article)!;
        expect(round.every((item) => articleOf(item) === article)).toBe(true);
        expect(new Set(round).size).toBe(round.length);
        expect(round.length).toBe(Math.min(QUIZ_LENGTH, own.questions.length));
        for (const a of round)
          for (const b of round)
            if (a.role !== b.role)
              expect(overlap(a.action, b.action)).toBeLessThan(CONFUSABLE_OVERLAP);
        for (const item of round) expect(own.options.map((role) => role.id)).toContain(item.role);
        for (const role of own.options) expect(articleOfEId(role.holds)).toBe(article);
      }),
      { numRuns: 300 },
    );
  });

  it('draws the real content (Article 7 alone) exactly as drawQuiz draws its pool', () => {
    const { pool } = quizPool(handbook.duties);
    const articles = quizArticles(pool, handbook.dutyHolders);
    expect(articles.map((article) => article.article)).toEqual(['art_7']);
    expect(articles[0]!.options).toEqual(handbook.dutyHolders);
    for (const seed of [1, 2, 3])
      expect(drawRound([pool], QUIZ_LENGTH, seeded(seed))).toEqual(
        drawQuiz(pool, QUIZ_LENGTH, seeded(seed)),
      );
  });

  it('draws an article by its share of the questions', () => {
    const articles = [['a'], ['b', 'c', 'd']];
    const random = seeded(5);
    let first = 0;
    const runs = 8000;
    for (let n = 0; n < runs; n++) if (drawRound(articles, 1, random)[0] === 'a') first++;
    // Expected a quarter (2000); an article-uniform draw would give half.
    expect(Math.abs(first - runs / 4)).toBeLessThan(200);
  });

  it.each([
    [
      [[], ['x', 'y']],
      ['x', 'y'],
    ],
    [[[], []], []],
    [[], []],
  ])('skips articles without questions: %j', (articles, asked) =>
    expect(drawRound(articles, 10, seeded(1)).sort()).toEqual(asked),
  );

  it("grows the page linearly: radio buttons are questions × their own article's duty holders", () => {
    const options = (copies: number) => {
      const items = Array.from({ length: copies }, (_, a) =>
        handbook.duties.map((duty) => ({
          ...duty,
          id: duty.id.replace(/^art_7/, `art_${a + 7}`),
        })),
      ).flat();
      const holders = Array.from({ length: copies }, (_, a) =>
        handbook.dutyHolders.map((role) => ({
          ...role,
          id: `${a}-${role.id}`,
          holds: role.holds?.replace(/^art_7/, `art_${a + 7}`),
        })),
      ).flat();
      return quizArticles(quizPool(items).pool, holders).reduce(
        (sum, article) => sum + article.questions.length * article.options.length,
        0,
      );
    };
    expect(options(100)).toBe(10 * options(10));
    expect(options(10)).toBe(10 * options(1));
  });
});
