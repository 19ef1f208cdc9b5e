/**
 * The learning path in real Chromium (issue 19): a new learner follows one role's path to the
 * end over two simulated days (the page's clock fixed, then moved a day) and every point of
 * the role becomes "learnt"; two tabs practising keep every answer; a progress file exported
 * and opened in a fresh browser restores the map; the class view with three learner files
 * shows each point's share and prints. axe runs in each state.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { emptyReport, serialiseReport } from '../../src/lib/drills/aar.ts';
import type { PracticeData } from '../../src/lib/learning/practice.ts';
import {
  emptyState,
  recordAnswer,
  serialiseState,
  setLearner,
  STORAGE_KEY,
} from '../../src/lib/learning/state.ts';
import { routes } from '../../src/lib/site/routes.ts';
import {
  describeBrowser,
  formatViolations,
  runAxe,
  waitForText,
  type SitePage,
} from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';
import { test } from '../support/site-test.ts';
import { distDir } from '../support/site.ts';

const ROLE = 'cong-chuc-gshqtt';
const DAY1 = new Date('2026-11-30T08:00:00');
const DAY2 = new Date('2026-12-01T09:00:00');
const data = JSON.parse(
  readFileSync(join(distDir, 'hoc-tap/cau-hoi.json'), 'utf8'),
) as PracticeData;
const byId = new Map(data.questions.map((q) => [q.id, q]));
const rolePoints = Object.entries(data.holders)
  .filter(([, role]) => role === ROLE)
  .map(([point]) => point);
const drills = loadContent('content').drills.map((d) => d.value);
const dir = mkdtempSync(join(tmpdir(), 'hoc-tap-'));

const states = (page: Page) =>
  page.$$eval('table.point-map:not(.phieu table) tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        (r as HTMLElement).dataset.point,
        r.querySelector('[data-state-label]')?.textContent,
      ]),
    ),
  );
/** The path fills itself in after its stored progress is read (that code loads on first use): waited for, not raced. */
const filled = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('[data-state-label]')].every(
      (label) => label.textContent !== '—',
    ),
  );
const axe = async (page: Page) => expect(formatViolations(await runAxe(page))).toBe('');

/** Answers every question of today's rounds right (or `wrongFirst` of them wrong), round after round. */
async function practiseToday(
  page: Page,
  { wrongFirst = 0, checkFeedback = false } = {},
): Promise<number> {
  await page.click('[data-start]');
  let asked = 0;
  for (;;) {
    const next = await page.waitForSelector(
      '[data-session] article[data-question], [data-session] .drill-result',
    );
    if (await next.evaluate((el) => el.matches('.drill-result'))) {
      if (await page.isVisible('[data-again]')) {
        await page.click('[data-again]');
        continue;
      }
      return asked;
    }
    const q = byId.get((await next.getAttribute('data-question'))!)!;
    const wrong = asked < wrongFirst;
    const choose = wrong ? [q.options.find((o) => !q.correct.includes(o.id))!.id] : q.correct;
    if (checkFeedback) {
      // Before any answer: the readings the answer rests on, and whether it is the handbook's layout.
      expect(
        await page.$$eval('[data-readings] .reading-note', (els) =>
          els.map((el) => el.textContent),
        ),
      ).toEqual(q.readings.map((id) => `Cách hiểu của sổ tay: ${data.readings[id]}`));
      expect(await page.isVisible('[data-layout]')).toBe(q.layout === true);
    }
    for (const id of choose) await page.check(`[id="dap-an-${id}"]`);
    await page.click('[data-answer]');
    expect(await page.textContent('[data-feedback]')).toBe(wrong ? 'Chưa đúng.' : 'Đúng.');
    if (checkFeedback) {
      // The feedback quotes the point verbatim and links to it; the readings stay in view.
      const quotes = await page.$$eval('[data-quotes] blockquote', (els) =>
        els.map((el) => el.textContent),
      );
      expect(quotes).toEqual(q.cites.map((eId) => data.provisions[eId]!.text));
      expect(await page.$$eval('[data-readings] .reading-note', (els) => els.length)).toBe(
        q.readings.length,
      );
      if (asked === 0) await axe(page);
    }
    asked += 1;
    await page.click('[data-next]');
  }
}

async function takeDrill(site: SitePage, drill: (typeof drills)[number]) {
  await site.goto(routes.drill(drill.id));
  await site.page.waitForSelector('.drill-run.enhanced');
  for (const inject of drill.injects) {
    for (const option of inject.correct) await site.page.check(`[id="tl-${inject.id}-${option}"]`);
    await site.page.click(`[data-inject="${inject.id}"] [data-answer]`);
    await site.page.click(`[data-inject="${inject.id}"] [data-next]`);
  }
}

describeBrowser('the learning path', () => {
  test("a new learner follows one role's path to the end over two days, and every point of the role becomes learnt", async ({
    openSite,
  }) => {
    const site = await openSite(null);
    const { page } = site;
    await page.clock.setFixedTime(DAY1);
    await site.goto(routes.learning(ROLE));
    await filled(page);
    expect(Object.values(await states(page))).toEqual(rolePoints.map(() => 'Chưa học'));
    expect(await page.textContent('[data-next]')).toMatch(/^Việc tiếp theo: đọc việc của/);
    await axe(page);
    await page.click('[data-mark="doc"]');
    expect(await page.textContent('[data-next]')).toBe('Việc tiếp theo: đi qua các quy trình');
    await page.click('[data-mark="flows"]');
    expect(await page.textContent('[data-next]')).toBe('Việc tiếp theo: luyện tập');
    expect(await page.textContent('[data-due]')).toMatch(
      /^Hôm nay cần ôn 0 câu, còn \d+ câu chưa làm\.$/,
    );

    await Promise.all([page.waitForURL(/luyen-tap\/\?vai-tro=/), page.click('[data-next]')]);
    const own = data.questions.filter((q) => rolePoints.includes(q.point));
    // Day one: two wrong answers come back the same day; every question is answered right once.
    const day1 = await practiseToday(page, { wrongFirst: 2, checkFeedback: true });
    expect(day1).toBe(own.length + 2);
    expect(await page.textContent('.drill-result [data-due]')).toBe(
      'Hôm nay không còn câu nào cần ôn. Lần ôn tới: ngày 01/12/2026.',
    );
    await site.goto(routes.learning(ROLE));
    await filled(page);
    expect(Object.values(await states(page))).toEqual(rolePoints.map(() => 'Đang ôn'));

    // Day two: everything is due again; answered right, every point is learnt.
    await page.clock.setFixedTime(DAY2);
    await site.goto(routes.learning(ROLE));
    await filled(page);
    expect(await page.textContent('[data-due]')).toBe(`Hôm nay cần ôn ${own.length} câu.`);
    await site.goto(routes.practice({ role: ROLE }));
    expect(await practiseToday(page)).toBe(own.length);
    await site.goto(routes.learning(ROLE));
    await filled(page);
    expect(Object.values(await states(page))).toEqual(rolePoints.map(() => 'Đã thuộc'));
    expect(await page.textContent('[data-next]')).toBe('Việc tiếp theo: làm bài diễn tập');

    // The drills the role plays in, each taken to the end, complete the path.
    for (const drill of drills.filter((d) => d.roles.includes(ROLE))) await takeDrill(site, drill);
    await site.goto(routes.learning(ROLE));
    await filled(page);
    expect(await page.isVisible('[data-next]')).toBe(false);
    expect(await page.isVisible('[data-complete]')).toBe(true);
    expect(
      await page.$$eval('[data-step] [data-status]', (els) => els.map((el) => el.textContent)),
    ).toEqual(Array(4).fill('✓ Đã xong'));
    await axe(page);

    // "Phiếu tự học" prints on one page with the states.
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.phieu')).toBe(true);
    expect(await page.isVisible('.learning-screen')).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(join(dir, 'phieu.pdf'), pdf);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    // A record to file: no site footer on it.
    expect(readPdf(pdf).text).not.toContain('Về sổ tay này');
    expect(site.problems()).toEqual([]);
  });

  test('two tabs practising at once lose no answer', async ({ openSite }) => {
    const site = await openSite(null);
    await site.goto(routes.practice({ role: ROLE }));
    const b = await site.context.newPage();
    await b.goto(site.page.url());
    const tabs = [site.page, b];
    await Promise.all(tabs.map((tab) => tab.click('[data-start]')));
    await Promise.all(tabs.map((tab) => tab.waitForSelector('article[data-question]')));
    const answerAtOnce = (tab: Page) =>
      tab.evaluate(
        (questions) => {
          const id =
            document.querySelector<HTMLElement>('article[data-question]')!.dataset.question!;
          for (const option of questions[id]!)
            document.querySelector<HTMLInputElement>(`[id="dap-an-${option}"]`)!.checked = true;
          document.querySelector<HTMLButtonElement>('[data-answer]')!.click();
          document.querySelector<HTMLButtonElement>('[data-next]')!.click();
        },
        Object.fromEntries(data.questions.map((q) => [q.id, q.correct])),
      );
    for (let i = 0; i < 5; i++) await Promise.all(tabs.map(answerAtOnce));
    const count = (tab: Page) =>
      tab.evaluate(
        (key) => JSON.parse(localStorage.getItem(key) ?? '{"answers":[]}').answers.length,
        STORAGE_KEY,
      );
    await site.page.waitForFunction(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{"answers":[]}').answers.length === 10,
      STORAGE_KEY,
    );
    expect(await count(site.page)).toBe(10);
    expect(await count(b)).toBe(10);
    expect(site.problems()).toEqual([]);
  });

  test('a progress file exported and opened in a fresh browser restores the map', async ({
    openSite,
  }) => {
    const first = await openSite(null);
    const point = 'art_7__para_3__subpara_2__point_b';
    await first.page.clock.setFixedTime(DAY1);
    await first.goto(routes.practice({ point }));
    await practiseToday(first.page);
    await first.page.clock.setFixedTime(DAY2);
    await first.goto(routes.practice({ role: ROLE }));
    await first.page.click('[data-start]');
    await first.goto(routes.learning());
    await filled(first.page);
    await first.page.fill('#ho-ten', 'Nguyễn Văn Đạt');
    await first.page.click('[data-profile] button');
    await first.goto(routes.practice({ point }));
    await practiseToday(first.page);
    await first.goto(routes.learning());
    await filled(first.page);
    const before = await states(first.page);
    expect(before[point]).toBe('Đã thuộc');
    const [download] = await Promise.all([
      first.page.waitForEvent('download'),
      first.page.click('[data-export]'),
    ]);
    expect(download.suggestedFilename()).toBe('hoc-tap-nguyen-van-dat-2026-12-01.json');
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const fresh = await openSite(null);
    await fresh.page.clock.setFixedTime(DAY2);
    await fresh.goto(routes.learning());
    await filled(fresh.page);
    expect(Object.values(await states(fresh.page)).every((s) => s === 'Chưa học')).toBe(true);
    await fresh.page.setInputFiles('[data-import]', exported);
    await fresh.page.waitForFunction(() =>
      document.querySelector('[data-message]')?.textContent?.startsWith('Đã mở tệp'),
    );
    expect(await states(fresh.page)).toEqual(before);
    expect(await fresh.page.inputValue('#ho-ten')).toBe('Nguyễn Văn Đạt');
    // A file that is not progress is refused by name and changes nothing.
    writeFileSync(join(dir, 'hong.json'), '{"format":');
    await fresh.page.setInputFiles('[data-import]', join(dir, 'hong.json'));
    await fresh.page.waitForFunction(() =>
      document.querySelector('[data-message]')?.textContent?.includes('hong.json'),
    );
    expect(await fresh.page.textContent('[data-message]')).toBe(
      'Không mở được tệp «hong.json»: tệp bị hỏng hoặc không đúng định dạng. Tiến độ trên máy này giữ nguyên.',
    );
    expect(await states(fresh.page)).toEqual(before);
    await axe(fresh.page);
    expect(fresh.problems()).toEqual([]);
  });

  test("the class view with three learner files shows each point's share, worst first, and prints", async ({
    openSite,
  }) => {
    const points = Object.keys(data.holders);
    const [P1, P2, P3] = points as [string, string, string];
    let n = 0;
    const learner = (name: string, learnt: string[]) => {
      let s = setLearner(emptyState(), name, ROLE, 1);
      const q = (p: string) => data.questions.find((x) => x.point === p)!.id;
      for (const p of learnt) {
        for (const day of ['2026-11-28', '2026-11-29'])
          s = recordAnswer(s, {
            id: `a${++n}`,
            q: q(p),
            day,
            at: `${day}T08:00:00.000Z`,
            right: true,
          });
      }
      const file = join(dir, `${name}.json`);
      writeFileSync(file, serialiseState(s));
      return file;
    };
    const files = [
      learner('An', [P1, P2]),
      learner('Binh', [P1]),
      learner('Chi', [P1, P2, P3]),
      learner('an', [P3]),
    ];
    const drill = drills.find((d) => d.id === 'nghi-van-trong-gio')!;
    const report = join(dir, 'bao-cao.json');
    writeFileSync(
      report,
      serialiseReport({
        ...emptyReport(drill.id, drill.title),
        evaluations: { [drill.injects[0]!.id]: { rating: 'chua-dat', note: '' } },
      }),
    );
    const site = await openSite(null);
    const { page } = site;
    await site.goto(routes.learningClass());
    await page.setInputFiles('[data-learners]', files);
    await page.waitForSelector('th[data-learner]');
    expect(await page.$$eval('th[data-learner]', (els) => els.map((el) => el.textContent))).toEqual(
      ['An', 'Binh', 'Chi'],
    );
    expect(await page.textContent('[data-refused]')).toBe(
      'Không nhận tệp «an.json»: trùng người học với tệp «An.json».',
    );
    const rows = await page.$$eval('.class-table tbody tr', (trs) =>
      trs.map((tr) => [
        (tr as HTMLElement).dataset.point,
        tr.querySelector('[data-share]')?.textContent,
      ]),
    );
    const share = Object.fromEntries(rows);
    expect([share[P1], share[P2], share[P3]]).toEqual([
      '3/3 người (100 %)',
      '2/3 người (67 %)',
      '1/3 người (33 %)',
    ]);
    expect(share[points[5]!]).toBe('0/3 người (0 %)');
    // Worst first: the points no one learnt, then P3, P2, P1.
    expect(rows.slice(-3).map(([p]) => p)).toEqual([P3, P2, P1]);
    await page.setInputFiles('[data-reports]', report);
    await waitForText(page, '[data-message]', /^Báo cáo «bao-cao\.json»: \d+ điểm/);
    const marked = await page.$$eval('.class-table tbody tr', (trs) =>
      trs
        .filter((tr) => !tr.querySelector<HTMLElement>('[data-aar]')!.hidden)
        .map((tr) => (tr as HTMLElement).dataset.point),
    );
    expect(marked.length).toBeGreaterThan(0);
    for (const p of marked)
      expect(drill.injects[0]!.cites.some((c) => c === p || c.startsWith(`${p}__`))).toBe(true);
    // A report the drill's own page refuses (here one of a newer version) is refused here too,
    // with that page's reason, and marks nothing.
    const newer = join(dir, 'moi-hon.json');
    const spoilt = JSON.parse(readFileSync(report, 'utf8'));
    spoilt.version = 2;
    spoilt.evaluations = { [drill.injects.at(-1)!.id]: { rating: 'chua-dat', note: '' } };
    writeFileSync(newer, JSON.stringify(spoilt));
    await page.setInputFiles('[data-reports]', newer);
    await waitForText(
      page,
      '[data-message]',
      /^Không nhận tệp «moi-hon\.json»: Tệp được lưu bởi phiên bản mới hơn của sổ tay/,
    );
    expect(
      await page.$$eval(
        '.class-table tbody tr',
        (trs) => trs.filter((tr) => !tr.querySelector<HTMLElement>('[data-aar]')!.hidden).length,
      ),
    ).toBe(marked.length);
    await axe(page);
    await page.emulateMedia({ media: 'print' });
    // On paper a row per learner (the screen's table, a row per point, does not print).
    expect(await page.isVisible('.class-paper table')).toBe(true);
    expect(await page.isVisible('table.class-table')).toBe(false);
    expect(
      await page.$$eval('.class-paper tbody th', (ths) => ths.map((th) => th.textContent)),
    ).toEqual(['An', 'Binh', 'Chi']);
    expect(await page.isVisible('[data-learners]')).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(join(dir, 'lop.pdf'), pdf);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThanOrEqual(1);
    expect(site.problems()).toEqual([]);
  });

  test('the class view with twelve learners uses the width it has, and prints every learner on one page', async ({
    openSite,
  }) => {
    const points = Object.keys(data.holders);
    const names = [
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường',
      'Phạm Thị Dung',
      'Hoàng Văn Em',
      'Vũ Thị Phương',
      'Đặng Văn Giang',
      'Bùi Thị Hà',
      'Đỗ Văn Hùng',
      'Ngô Thị Lan',
      'Dương Văn Minh',
      'Lý Thị Ngọc',
    ];
    let n = 0;
    const files = names.map((name, i) => {
      let s = setLearner(emptyState(), name, ROLE, 1);
      for (const [j, point] of points.entries()) {
        if ((i + j) % 3 === 0) continue;
        const q = data.questions.find((x) => x.point === point)!.id;
        for (const day of (i + j) % 3 === 1 ? ['2026-11-28'] : ['2026-11-28', '2026-11-29'])
          s = recordAnswer(s, { id: `l${++n}`, q, day, at: `${day}T08:00:00.000Z`, right: true });
      }
      const file = join(dir, `lop-${i}.json`);
      writeFileSync(file, serialiseState(s));
      return file;
    });
    const site = await openSite(routes.learningClass(), { viewport: { width: 1280, height: 800 } });
    const { page } = site;
    await page.setInputFiles('[data-learners]', files);
    await page.waitForSelector('th[data-learner]');
    expect(await page.locator('th[data-learner]').count()).toBe(12);
    // The table's frame is as wide as the page's content, and twelve learners fit in it.
    const fit = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const style = getComputedStyle(main);
      const content =
        main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const frame = document.querySelector('.table-scroll')!;
      return { content, frame: frame.clientWidth, table: frame.scrollWidth };
    });
    expect(fit.frame).toBeGreaterThanOrEqual(fit.content - 1);
    expect(fit.table, 'no sideways scroll').toBeLessThanOrEqual(fit.frame);
    await axe(page);
    // On a phone the table scrolls in its own frame; the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(join(dir, 'lop-12.pdf'), pdf);
    const printed = readPdf(pdf, { mode: 'raw' });
    for (const name of names) expect(printed.text, name).toContain(name);
    // Every point's column too, with its share, on the one page the table needs.
    expect(printed.pages).toHaveLength(1);
    expect(printed.text).not.toContain('Về sổ tay này');
    expect(site.problems()).toEqual([]);
  });
});
