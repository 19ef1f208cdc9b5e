/**
 * Drills in real Chromium, trainee side: a drill done with one wrong answer (feedback with
 * the cited text, score, retry of the missed), progress kept across a reload, damaged
 * progress set aside with a notice, the page without JavaScript, the role filter without
 * JavaScript, the quiz drawn with a seeded Math.random and its counter from the first
 * answer, axe in each state (byte budgets: page-weight.test.ts), and no expected action anywhere in the trainee pages' HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { optionLetter } from '../../src/lib/drills/model.ts';
import { drawRound, quizArticles, quizPool } from '../../src/lib/drills/quiz.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { squashSpace } from '../../src/lib/vi.ts';
import { axeInBothSchemes, describeBrowser, formatViolations, runAxe } from '../support/browser.ts';
import { distDir } from '../support/site.ts';
import { test } from '../support/site-test.ts';

const handbook = loadHandbook('content');
const drills = loadContent('content').drills.map((d) => d.value);
const drill = (id: string) => {
  const found = drills.find((d) => d.id === id);
  if (!found) throw new Error(`no drill ${id}`);
  return found;
};
const DRILL = drill('nghi-van-trong-gio');
const KEY = `so-tay-truc-ban:drill:${DRILL.id}`;

const text = async (page: Page, selector: string) =>
  squashSpace((await page.textContent(selector)) ?? '');
/** After a (re)load: the script has read the stored progress and drawn the page. */
const enhanced = (page: Page) => page.waitForSelector('.drill-run.enhanced');
const inject = (id: string) => `[data-inject="${id}"]`;
const wrongOption = (i: (typeof DRILL.injects)[number]) =>
  i.options.find((o) => !i.correct.includes(o.id))?.id ?? '';
const letters = (i: (typeof DRILL.injects)[number]) =>
  i.options
    .map((o, n) => (i.correct.includes(o.id) ? optionLetter(n) : ''))
    .filter(Boolean)
    .join(', ');

async function choose(page: Page, i: { id: string }, options: readonly string[]) {
  for (const option of options) await page.check(`[id="tl-${i.id}-${option}"]`);
  await page.click(`${inject(i.id)} [data-answer]`);
}

/** The HTML a built page holds, entities decoded: what any reader of the file gets. */
function builtText(path: string): string {
  const html = readFileSync(join(distDir, path.replace(/^\//, ''), 'index.html'), 'utf8');
  return squashSpace(
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

describe('trainee pages never contain expected actions', () => {
  test.each(drills.map((d) => [d.id, d] as const))('%s', (_id, d) => {
    const trainee = builtText(routes.drill(d.id));
    const trainer = builtText(routes.drillTrainer(d.id));
    for (const i of d.injects) {
      // The trainee page shows the inject (so the text search below is live)…
      expect(trainee).toContain(squashSpace(i.question));
      for (const expected of i.expected) {
        const action = squashSpace(expected.action);
        // …the trainer page has the expected action, the trainee page never.
        expect(trainer, `${d.id}/${i.id} on the trainer view`).toContain(action);
        expect(trainee, `${d.id}/${i.id} on the trainee page`).not.toContain(action);
      }
    }
    // Nor the facilitator's notes (the MDX body).
    const body =
      readFileSync(join('content', 'drills', `${d.id}.mdx`), 'utf8')
        .split(/^---$/m)[2]
        ?.trim()
        .split('\n')[0] ?? '';
    expect(body.length).toBeGreaterThan(20);
    expect(trainee).not.toContain(squashSpace(body).slice(0, 60));
    expect(trainer).toContain(squashSpace(body).slice(0, 60));
  });

  test('nor the list of drills or the quiz', () => {
    const pages = [builtText(routes.drills()), builtText(routes.quiz())];
    for (const d of drills)
      for (const i of d.injects)
        for (const e of i.expected)
          for (const page of pages) expect(page).not.toContain(squashSpace(e.action));
  });
});

describeBrowser('drills, trainee side', () => {
  test('a trainee completes a drill with one wrong answer, sees the feedback with the cited text, the score, and retries the missed', async ({
    openSite,
  }) => {
    const site = await openSite(routes.drill(DRILL.id));
    const { page } = site;
    const [first, ...rest] = DRILL.injects;
    if (!first) throw new Error('empty drill');

    // One inject at a time.
    expect(await page.isVisible(inject(first.id))).toBe(true);
    for (const other of rest) expect(await page.isVisible(inject(other.id)), other.id).toBe(false);
    expect(
      await page.isVisible(`${inject(first.id)} [data-key-box]`),
      'the answer stays hidden until answered',
    ).toBe(false);

    // Answering with nothing chosen asks for a choice.
    await page.click(`${inject(first.id)} [data-answer]`);
    expect(await text(page, `${inject(first.id)} [data-choose-error]`)).toBe(
      'Hãy chọn một đáp án trước khi trả lời.',
    );

    await choose(page, first, [wrongOption(first)]);
    expect(await text(page, `${inject(first.id)} [data-feedback]`)).toBe(
      `Chưa đúng. Đáp án đúng là ${letters(first)}; xem giải thích và căn cứ dưới đây.`,
    );
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-feedback'))).toBe(
      true,
    );
    // The cited text, verbatim, is on screen.
    const cited = handbook.provision(first.cites[0] ?? '');
    expect(await page.isVisible(`${inject(first.id)} .can-cu blockquote`)).toBe(true);
    expect(await text(page, `${inject(first.id)} .can-cu blockquote`)).toContain(
      squashSpace(cited.text ?? ''),
    );
    expect(await page.isDisabled(`[id="tl-${first.id}-${wrongOption(first)}"]`)).toBe(true);

    await page.click(`${inject(first.id)} [data-next]`);
    for (const i of rest) {
      expect(await page.isVisible(inject(i.id)), i.id).toBe(true);
      await choose(page, i, i.correct);
      expect(await text(page, `${inject(i.id)} [data-feedback]`)).toBe(
        'Đúng. Căn cứ ở ngay dưới đây.',
      );
      await page.click(`${inject(i.id)} [data-next]`);
    }

    const total = DRILL.injects.length;
    expect(await text(page, '[data-score]')).toBe(
      `Lần trả lời đầu: đúng ${total - 1}/${total} tình huống.`,
    );
    expect(
      await page.$$eval('[data-missed-list] li', (lis) => lis.map((li) => li.textContent)),
    ).toEqual([`Tình huống 1/${total}: ${first.question}`]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ket-qua');

    // The result survives a reload (progress in localStorage).
    await page.reload();
    await enhanced(page);
    expect(await text(page, '[data-score]')).toBe(
      `Lần trả lời đầu: đúng ${total - 1}/${total} tình huống.`,
    );

    // Retry: only the missed inject comes back.
    await page.click('[data-retry]');
    expect(await page.isVisible(inject(first.id))).toBe(true);
    expect(
      await page.isChecked(`[id="tl-${first.id}-${wrongOption(first)}"]`),
      'a retry starts blank',
    ).toBe(false);
    expect(await text(page, '[data-progress]')).toBe(
      'Làm lại lần 1: tình huống 1/1 trong số các tình huống chưa đúng.',
    );
    await choose(page, first, first.correct);
    await page.click(`${inject(first.id)} [data-next]`);
    expect(await text(page, '[data-score]')).toBe(
      `Lần trả lời đầu: đúng ${total - 1}/${total} tình huống. Sau 1 lượt làm lại: đã đúng ${total}/${total}.`,
    );
    expect(await page.isVisible('[data-retry]'), 'nothing left to retry').toBe(false);

    await page.click('[data-restart]');
    expect(await page.isVisible(inject(first.id))).toBe(true);
    expect(site.problems()).toEqual([]);
  });

  test('judges a question with several right answers only when all and no more are chosen', async ({
    openSite,
  }) => {
    const d = drill('phe-duyet-phuong-an');
    const multi = d.injects.find((i) => i.correct.length > 1);
    if (!multi) throw new Error('no multi-answer inject');
    const site = await openSite(routes.drill(d.id));
    const { page } = site;
    for (const i of d.injects) {
      if (i === multi) break;
      await choose(page, i, i.correct);
      await page.click(`${inject(i.id)} [data-next]`);
    }
    expect(await text(page, `${inject(multi.id)} .hint`)).toBe('Chọn mọi đáp án đúng.');
    await choose(page, multi, multi.correct.slice(0, -1));
    expect(await text(page, `${inject(multi.id)} [data-feedback]`)).toMatch(
      /^Chưa đúng\. Các đáp án đúng là [A-E](, [A-E])+;/,
    );
    expect(site.problems()).toEqual([]);
  });

  test('keeps the place across a reload', async ({ openSite }) => {
    const site = await openSite(routes.drill(DRILL.id));
    const { page } = site;
    const [a, b, c] = DRILL.injects;
    await choose(page, a!, a!.correct);
    await page.click(`${inject(a!.id)} [data-next]`);
    await choose(page, b!, [wrongOption(b!)]);
    await page.reload();
    await enhanced(page);
    expect(await page.isVisible(inject(c!.id))).toBe(true);
    expect(await page.isVisible(inject(a!.id))).toBe(false);
    const stored = JSON.parse(
      (await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '{}',
    );
    expect(stored.history).toEqual({ [a!.id]: [true], [b!.id]: [false] });
    expect(site.problems()).toEqual([]);
  });

  test('sets damaged progress aside with a notice, and the drill starts again', async ({
    openSite,
  }) => {
    const site = await openSite(routes.drill(DRILL.id));
    const { page } = site;
    const garbage =
      '{"format":"so-tay-truc-ban/drill","version":1,"drill":"nghi-van-trong-gio","key":';
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      KEY,
      garbage,
    ] as const);
    await page.reload();
    await enhanced(page);
    const notice = await text(page, '[data-notices] .notice');
    expect(notice).toMatch(
      /^Tiến độ lưu trong trình duyệt bị hỏng \(không đọc được\), nên bài được làm lại từ đầu\. Bản lưu cũ được cất riêng/,
    );
    expect(await page.getAttribute('[data-notices] .notice', 'role')).toBe('alert');
    const kept = await page.evaluate(
      (key) =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith(`${key}:set-aside:`))
          .map((k) => localStorage.getItem(k)),
      KEY,
    );
    expect(kept).toEqual([garbage]);
    expect(await page.isVisible(inject(DRILL.injects[0]!.id))).toBe(true);
    expect(formatViolations(await runAxe(page)), 'axe with the notice').toBe('');
    // The stored progress is sound again: no notice after the next reload.
    await page.reload();
    await enhanced(page);
    expect(await page.$$('[data-notices] .notice')).toHaveLength(0);
    expect(site.problems()).toEqual([]);
  });

  test('without JavaScript shows the scenario, every inject with its options, and the answers behind <details>', async ({
    openSite,
  }) => {
    const site = await openSite(routes.drill(DRILL.id), { javaScriptEnabled: false });
    const { page } = site;
    expect(await text(page, '#boi-canh + p')).toBe(squashSpace(DRILL.scenario[0] ?? ''));
    for (const i of DRILL.injects) {
      expect(await page.isVisible(inject(i.id)), i.id).toBe(true);
      expect(await page.$$(`${inject(i.id)} input`)).toHaveLength(i.options.length);
      expect(await page.isVisible(`${inject(i.id)} [data-answer]`)).toBe(false);
      expect(await page.isVisible(`${inject(i.id)} [data-key-box] .answer-right`), 'folded').toBe(
        false,
      );
    }
    const first = DRILL.injects[0]!;
    await page.click(`${inject(first.id)} [data-key-box] summary`);
    expect(await text(page, `${inject(first.id)} .answer-right`)).toMatch(
      new RegExp(`^Đáp án đúng: ${letters(first)}\\. `),
    );
  });

  test.for([routes.drill(DRILL.id), routes.quiz()])(
    'axe finds nothing on %s before any script runs (as without JavaScript)',
    async (path, { openSite }) => {
      // axe needs JavaScript; blocking the page's own scripts leaves the page as built.
      const site = await openSite(null);
      await site.page.route(`**${path}`, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(
          /<script type="module"[^>]*>[\s\S]*?<\/script>/g,
          '',
        );
        await route.fulfill({ response, body });
      });
      await site.goto(path);
      expect(
        site.requests.some((url) => url.endsWith('.js')),
        'no script loaded',
      ).toBe(false);
      expect(await site.page.isVisible('[data-answer]'), 'not enhanced').toBe(false);
      await site.page.click('.inject:first-child [data-key-box] summary');
      expect(formatViolations(await runAxe(site.page))).toBe('');
    },
  );

  test('axe finds nothing on the trainee page in each state (light and dark)', async ({
    openSite,
  }) => {
    const site = await openSite(routes.drill(DRILL.id));
    const { page } = site;
    const axe = async (state: string) => expect(await axeInBothSchemes(page), state).toBe('');
    await axe('first inject');
    const [first, ...rest] = DRILL.injects;
    await page.click(`${inject(first!.id)} [data-answer]`);
    await axe('nothing chosen');
    await choose(page, first!, [wrongOption(first!)]);
    await axe('feedback, wrong');
    await page.click(`${inject(first!.id)} [data-next]`);
    for (const i of rest) {
      await choose(page, i, i.correct);
      if (i === rest[0]) await axe('feedback, right');
      await page.click(`${inject(i.id)} [data-next]`);
    }
    await axe('result');
    await page.click('[data-retry]');
    await axe('retry round');
    expect(site.problems()).toEqual([]);
  });

  test('filters the list by role without a script (the page has none), and axe finds nothing', async ({
    openSite,
  }) => {
    const site = await openSite(routes.drills());
    const { page } = site;
    const cards = () =>
      page.$$eval('.drill-card', (els) =>
        els
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => el.querySelector('h3')?.textContent?.trim()),
      );
    expect(await cards()).toHaveLength(drills.length);
    await page.click('.role-filter a:text-is("Lãnh đạo cấp phòng trực ban")');
    const expected = [...drills]
      .sort((a, b) => a.order - b.order)
      .filter((d) => d.roles.includes('lanh-dao-cap-phong-truc-ban'))
      .map((d) => d.title);
    expect(await cards()).toEqual(expected);
    expect(await text(page, '#cho-lanh-dao-cap-phong-truc-ban h2')).toBe(
      `Bài có Lãnh đạo cấp phòng trực ban tham gia (${expected.length})`,
    );
    expect(formatViolations(await runAxe(page))).toBe('');
    await page.click('.role-filter a:text-is("Tất cả các bài")');
    expect(await cards()).toHaveLength(drills.length);
  });

  test('the quiz counts the first answer: 1/1', async ({ openSite }) => {
    const site = await openSite(routes.quiz());
    const item = site.page.locator('[data-quiz-item]:visible').first();
    const correct = await item.getAttribute('data-correct');
    await item.locator(`input[value="${correct}"]`).check();
    await item.locator('[data-answer]').click();
    expect(squashSpace((await site.page.textContent('[data-progress]')) ?? '')).toBe(
      'Đã trả lời đúng 1/1 câu.',
    );
    await item.locator('[data-next]').click();
    expect(squashSpace((await site.page.textContent('[data-progress]')) ?? '')).toBe(
      'Đã trả lời đúng 1/1 câu.',
    );
  });

  test('draws the quiz per article with Math.random through drawRound, asks one question at a time and scores it', async ({
    openSite,
  }) => {
    const site = await openSite(null);
    const { page } = site;
    // A seeded Math.random in the page, and the same draw computed here.
    const seed = 20261127;
    await page.addInitScript((s) => {
      let a = s >>> 0;
      Math.random = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }, seed);
    await site.goto(routes.quiz());
    let a = seed >>> 0;
    const random = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const articles = quizArticles(quizPool(handbook.duties).pool, handbook.dutyHolders).map(
      (article) => article.questions,
    );
    const round = drawRound(articles, 10, random);

    let right = 0;
    for (const [index, item] of round.entries()) {
      const li = `[data-quiz-item="${item.id}"]`;
      expect(await page.isVisible(li), item.id).toBe(true);
      expect(await text(page, `${li} .inject-head`)).toBe(`Câu ${index + 1}/10`);
      expect(await text(page, `${li} legend`)).toBe(`«${item.action}»: ai làm việc này?`);
      // Right on even questions, wrong on odd ones.
      const pick =
        index % 2 === 0 ? item.role : handbook.dutyHolders.find((r) => r.id !== item.role)!.id;
      if (pick === item.role) right += 1;
      await page.check(`[id="ai-${item.id}-${pick}"]`);
      await page.click(`${li} [data-answer]`);
      expect(await text(page, `${li} [data-feedback]`)).toBe(
        pick === item.role ? 'Đúng.' : `Chưa đúng. Đáp án: ${handbook.role(item.role).name}.`,
      );
      await page.click(`${li} [data-next]`);
    }
    expect(await text(page, '[data-score]')).toBe(`Đúng ${right}/10 câu.`);
    await page.click('[data-again]');
    const next = drawRound(articles, 10, random);
    expect(await page.isVisible(`[data-quiz-item="${next[0]!.id}"]`)).toBe(true);
    expect(await text(page, `[data-quiz-item="${next[0]!.id}"] .inject-head`)).toBe('Câu 1/10');
    expect(site.problems()).toEqual([]);
  });

  test('axe finds nothing on the quiz in each state (light and dark)', async ({ openSite }) => {
    const site = await openSite(routes.quiz());
    const { page } = site;
    const axe = async (state: string) => expect(await axeInBothSchemes(page), state).toBe('');
    await axe('first question');
    for (let n = 0; n < 10; n++) {
      const li = page.locator('[data-quiz-item]:visible');
      if (n === 0) {
        await li.locator('[data-answer]').click();
        await axe('nothing chosen');
      }
      await li.locator('input').first().check();
      await li.locator('[data-answer]').click();
      if (n === 0) await axe('feedback');
      await li.locator('[data-next]').click();
    }
    await axe('result');
    expect(site.problems()).toEqual([]);
  });
});
