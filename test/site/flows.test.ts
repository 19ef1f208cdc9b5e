/**
 * Decision flows in real Chromium: every path of every flow walked through the UI by
 * clicking, with JavaScript on and off, to the expected outcome and its steps; back and
 * start-again; a result opened straight from its URL; the annex printed to PDF (A4) and read
 * back. (axe on every flow page, light and dark: the page pass, every-page.test.ts.)
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { walk } from '../../src/lib/flows/paths.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { squashSpace } from '../../src/lib/vi.ts';
import { describeBrowser } from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';
import { listBuiltPages, siteUrl } from '../support/site.ts';
import { test } from '../support/site-test.ts';

const handbook = loadHandbook('content');

const cases = handbook.flows.flatMap((flow) =>
  flow.paths.flatMap((path, index) =>
    [true, false].map((js) => ({
      flow,
      path,
      name: `${flow.id} #${index + 1} (${path.answers.join('/') || 'no questions'}) JS ${js ? 'on' : 'off'}`,
      js,
    })),
  ),
);

const h1 = async (page: Page) => squashSpace((await page.textContent('h1')) ?? '');

async function follow(page: Page, name: string, expectedPath: string) {
  await page.getByRole('link', { name, exact: true }).first().click();
  await page.waitForURL(siteUrl(expectedPath));
}

describeBrowser('decision flows', () => {
  test('has something to walk: 4 flows, 9 paths', () => {
    expect([handbook.flows.length, handbook.flows.reduce((n, f) => n + f.paths.length, 0)]).toEqual(
      [4, 9],
    );
  });

  test.for(cases.map((c) => [c.name, c] as const))(
    '%s',
    async ([_name, { flow, path, js }], { openSite }) => {
      const site = await openSite(null, { javaScriptEnabled: js });
      const { page } = site;

      await site.goto(routes.flow(flow.id));
      expect(await h1(page)).toBe(flow.title);
      await follow(page, 'Bắt đầu', routes.flowAnswers(flow.id));

      // One question at a time, answered by clicking the answer's link.
      for (let i = 0; i < path.answers.length; i++) {
        const state = walk(flow, path.answers.slice(0, i));
        if (state.kind !== 'question') throw new Error(`expected a question after ${i} answers`);
        expect(await h1(page)).toBe(state.question.question);
        expect(await page.locator('.answers a').allTextContents()).toEqual(
          state.question.options.map((o) => o.label),
        );
        const option = state.question.options.find((o) => o.id === path.answers[i]);
        await follow(
          page,
          option?.label ?? '?',
          routes.flowAnswers(flow.id, path.answers.slice(0, i + 1)),
        );
      }

      // The result: the outcome, then the steps of this path in order, actor and action, each with its "Căn cứ".
      const outcome = flow.node(path.outcome);
      if (outcome.kind !== 'outcome') throw new Error('path does not end at an outcome');
      expect(await h1(page)).toBe(outcome.title);
      const steps = path.nodes
        .map((id) => flow.node(id))
        .flatMap((node) => (node.kind === 'step' ? [node] : []));
      const shown = await page.$$eval('.flow-step', (items) =>
        items.map((item) => ({
          actor: item.querySelector('.flow-step-actor')?.textContent ?? '',
          action: item.querySelector('.flow-step-action')?.textContent ?? '',
          canCu: item.querySelector('.can-cu summary')?.textContent ?? '',
        })),
      );
      expect(shown.map((s) => [squashSpace(s.actor), squashSpace(s.action)])).toEqual(
        steps.map((step) => [handbook.role(step.actor).name, squashSpace(step.action)]),
      );
      shown.forEach((s, i) =>
        expect(squashSpace(s.canCu)).toBe(
          `Căn cứ: ${steps[i]?.cites.map((eId) => handbook.provision(eId).label).join('; ')}`,
        ),
      );
      if (outcome.silence)
        expect(squashSpace((await page.textContent('.flow-silence')) ?? '')).toContain(
          squashSpace(outcome.silence.text),
        );

      // Back goes one answer back (to the start page when there was no question).
      const back =
        path.answers.length > 0
          ? routes.flowAnswers(flow.id, path.answers.slice(0, -1))
          : routes.flow(flow.id);
      await follow(page, 'Quay lại', back);
      const previous = walk(flow, path.answers.slice(0, -1));
      expect(await h1(page)).toBe(
        path.answers.length > 0 && previous.kind === 'question'
          ? previous.question.question
          : flow.title,
      );

      // Start again from any page of the guide.
      await site.goto(routes.flowAnswers(flow.id, path.answers));
      await follow(page, 'Bắt đầu lại', routes.flowAnswers(flow.id));
      const first = walk(flow, []);
      expect(await h1(page)).toBe(
        first.kind === 'question'
          ? first.question.question
          : first.kind === 'outcome'
            ? first.outcome.title
            : '',
      );

      expect(site.problems()).toEqual([]);
    },
  );

  test('keeps the answers in the URL: a bookmarked result opens as it was, and "Thay đổi" reopens that question', async ({
    openSite,
  }) => {
    const flow = handbook.flow('tinh-huong-trong-gio');
    const site = await openSite(null, { javaScriptEnabled: false });
    const response = await site.goto(routes.flowAnswers(flow.id, ['co', 'khong']));
    expect(response?.status()).toBe(200);
    expect(await h1(site.page)).toBe('Phương án xử lý chưa được phê duyệt');
    expect(await site.page.locator('.answered dd:not(:has(a))').allTextContents()).toEqual([
      'Có, lãnh đạo phòng đồng ý, phê duyệt',
      'Không, hoặc chưa có sự đồng ý, phê duyệt',
    ]);
    await site.page.getByRole('link', { name: /^Thay đổi câu trả lời: Lãnh đạo phòng/ }).click();
    await site.page.waitForURL(siteUrl(routes.flowAnswers(flow.id)));
    expect(await h1(site.page)).toBe(
      'Lãnh đạo phòng có đồng ý, phê duyệt để công chức thực hiện không?',
    );
  });

  test('answers a made-up answer list with the 404 page, not a wrong result', async ({
    openSite,
  }) => {
    const site = await openSite(null);
    const response = await site.goto(routes.flowAnswers('tinh-huong-trong-gio', ['co', 'co-the']));
    expect(response?.status()).toBe(404);
  });

  const flowPages = listBuiltPages().filter((p) => p.distPath.startsWith('quy-trinh/'));

  test('builds a page for the index, each flow, each answer list and each annex', () => {
    const expected = 1 + handbook.flows.reduce((n, f) => n + 2 + f.prefixes.length, 0);
    expect(flowPages).toHaveLength(expected);
  });

  test.for(handbook.flows.map((f) => f.id))(
    'prints the annex of %s cleanly on A4',
    async (flowId, { openSite }) => {
      const flow = handbook.flow(flowId);
      const site = await openSite(null);
      await site.goto(routes.flowCases(flow.id));
      await site.page.emulateMedia({ media: 'print' });

      // Nothing on the printed page is wider than the paper: A4 minus Chromium's default margins is about 718 CSS px.
      await site.page.setViewportSize({ width: 718, height: 1000 });
      const overflow = await site.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const hidden = await site.page.evaluate(() =>
        ['.site-header', '.skip-link', '.no-print'].map((s) =>
          [...document.querySelectorAll(s)].every((e) => getComputedStyle(e).display === 'none'),
        ),
      );
      expect(hidden).toEqual([true, true, true]);

      const printed = readPdf(await site.page.pdf({ format: 'A4' }), { mode: 'plain' }).text;
      for (let i = 1; i <= flow.paths.length; i++) expect(printed).toContain(`Trường hợp ${i}:`);
      expect(printed).toContain('Nguyên văn các điểm được dẫn');
      expect(printed).toContain('Sổ tay không thay thế văn bản pháp luật');
      expect(printed).not.toContain('Bỏ qua, đến nội dung chính');
      expect(printed).not.toContain('Mở trường hợp');
      for (const path of flow.paths)
        expect(printed).toContain(
          squashSpace(
            flow.node(path.outcome).kind === 'outcome'
              ? (flow.node(path.outcome) as { title: string }).title
              : '?',
          ),
        );
      // Each case prints one table row per step of its path.
      const rows = await site.page.$$eval('.case', (sections) =>
        sections.map((s) => s.querySelectorAll('tbody tr').length),
      );
      expect(rows).toEqual(
        flow.paths.map((path) => path.nodes.filter((id) => flow.node(id).kind === 'step').length),
      );
    },
  );

  test.for(handbook.flows.map((f) => f.id))(
    'shows the overview of %s whole: nothing scrolls sideways at 1280 × 800, every box on one A4 page',
    async (flowId, { openSite }) => {
      const flow = handbook.flow(flowId);
      const site = await openSite(routes.flow(flow.id), { viewport: { width: 1280, height: 800 } });
      const { page } = site;
      // No scroll container anywhere on the page (the diagram's old frame was one), and the page itself fits.
      const sideways = await page.evaluate(() =>
        [document.documentElement, ...document.querySelectorAll('body *')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .filter(
            (el) =>
              el === document.documentElement ||
              ['auto', 'scroll'].includes(getComputedStyle(el).overflowX),
          )
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      );
      expect(sideways).toEqual([]);
      // The drawing is on screen, every box inside the window's width.
      const boxes = await page.$$eval('.lane-body .box', (rects) =>
        rects.map((rect) => {
          const { left, right, width } = rect.getBoundingClientRect();
          return { left, right, width };
        }),
      );
      expect(boxes).toHaveLength(flow.nodes.length);
      for (const box of boxes) {
        expect(box.width).toBeGreaterThan(100);
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(1280);
      }

      // On A4: every box's lines, as drawn, on one page.
      const lines = await page.$$eval('.lane-body .box-text', (texts) =>
        texts.flatMap((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '')),
      );
      await page.emulateMedia({ media: 'print' });
      const printed = readPdf(await page.pdf({ format: 'A4' }), { mode: 'raw' });
      const pageLines = printed.pages.map(
        (text) => new Set(text.split('\n').map((line) => squashSpace(line))),
      );
      const diagramPage = pageLines.findIndex((set) => set.has(squashSpace(lines[0] ?? '')));
      expect(diagramPage).toBeGreaterThanOrEqual(0);
      const missing = lines.filter((line) => !pageLines[diagramPage]?.has(squashSpace(line)));
      expect(missing).toEqual([]);
      expect(site.problems()).toEqual([]);
    },
  );
});
