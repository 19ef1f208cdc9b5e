/**
 * Issue 15 in real Chromium: the home page's four ways in, one click each; every page at
 * 390 px without sideways scrolling or content cut outside a labelled, focusable scroll
 * region; header and banner within 120 px on a phone; the quiz counter from the first answer;
 * the after-action report as a PDF (qpdf --check, pdftotext); the trainer page printed as a
 * packet of at most 4 A4 pages, without form widgets or raw in-site addresses; search labels
 * and ranking.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { squashSpace } from '../../src/lib/vi.ts';
import { describeBrowser } from '../support/browser.ts';
import { basePath, listBuiltPages, siteUrl } from '../support/site.ts';
import { test } from '../support/site-test.ts';

const PHONE = { width: 390, height: 844 };
const drills = loadContent('content').drills.map((d) => d.value);
const out = mkdtempSync(join(tmpdir(), 'so-tay-phone-paper-'));
const pages = listBuiltPages();

function pdfText(pdf: Buffer | Uint8Array, name: string): { pages: number; text: string } {
  const file = join(out, name);
  writeFileSync(file, pdf);
  execFileSync('qpdf', ['--check', file]);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    text: squashSpace(
      execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).normalize('NFC'),
    ),
  };
}

/** What on the page is wider than its box: cut (hidden overflow) or scrolling without a label or keyboard access. */
const cutRegions = (page: Page) =>
  page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    for (const el of document.body.querySelectorAll('*')) {
      if (!(el instanceof HTMLElement) || el.getClientRects().length === 0) continue;
      if (el.clientWidth <= 1) continue; // visually hidden text (clip), not a region
      if (el.scrollWidth <= el.clientWidth + 1) continue;
      const overflow = getComputedStyle(el).overflowX;
      if (overflow === 'hidden' || overflow === 'clip')
        problems.push(`${name(el)} cuts ${el.scrollWidth - el.clientWidth}px`);
      else if (overflow === 'auto' || overflow === 'scroll') {
        const labelled = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
        if (!labelled || el.tabIndex < 0)
          problems.push(
            `${name(el)} scrolls ${el.scrollWidth - el.clientWidth}px without ${labelled ? 'keyboard access' : 'a label'}`,
          );
      }
    }
    return problems;
  });

describeBrowser('phone, paper and the front door', () => {
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  test.for([
    ['vai-tro', routes.roles()],
    ['quy-trinh', routes.flows()],
    ['dien-tap', routes.drills()],
    ['bieu-mau', routes.forms()],
  ] as const)('from the home page, one click reaches %s', async ([way, path], { openSite }) => {
    const site = await openSite('/');
    await Promise.all([
      site.page.waitForURL(siteUrl(path)),
      site.page.click(`main a[data-way="${way}"]`),
    ]);
    expect(new URL(site.page.url()).pathname).toBe(`${basePath}${path.slice(1)}`);
    expect(site.problems()).toEqual([]);
  });

  test('says the disclaimer once on the home page (the footer), not in a callout too', async ({
    openSite,
  }) => {
    const site = await openSite('/');
    const text = await site.page.evaluate(() => document.body.innerText);
    expect(text.match(/Sổ tay (chỉ để tham khảo|không thay thế văn bản pháp luật)/g)).toHaveLength(
      1,
    );
  });

  test.for(pages.map((p) => [p.path, p] as const))(
    '%s at 390 px: nothing scrolls sideways, nothing is cut',
    async ([_path, built], { openSite }) => {
      const site = await openSite(built.url, { viewport: PHONE });
      const width = await site.page.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(width, 'document width').toBeLessThanOrEqual(PHONE.width);
      expect.soft(await cutRegions(site.page)).toEqual([]);
      // The header and the status banner leave the screen to the page.
      const top = await site.page.evaluate(
        () => document.querySelector('.status-banner')?.getBoundingClientRect().bottom ?? -1,
      );
      expect.soft(top, 'bottom of the status banner').toBeGreaterThan(0);
      expect.soft(top, 'bottom of the status banner').toBeLessThanOrEqual(120);
    },
  );

  test('the banner opens to its detail in one tap', async ({ openSite }) => {
    const site = await openSite('/', { viewport: PHONE });
    expect(await site.page.isVisible('.status-banner p')).toBe(false);
    await site.page.click('.status-banner summary');
    expect(await site.page.textContent('.status-banner p')).toContain(
      'Văn bản pháp luật là căn cứ',
    );
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

  test('exports the after-action report as a PDF holding what was typed', async ({ openSite }) => {
    const drill = drills.find((d) => d.id === 'nghi-van-trong-gio')!;
    const site = await openSite(routes.drillTrainer(drill.id), { acceptDownloads: true });
    const { page } = site;
    await page.fill('#aar-date', '2026-11-27');
    await page.fill('#aar-facilitator', 'Nguyễn Văn An');
    await page.check(`input[name="dg-${drill.injects[0]!.id}"][value="dat-mot-phan"]`);
    await page.fill(
      `#gc-${drill.injects[0]!.id}`,
      'Định liên hệ giữ phương tiện, rồi tự dừng lại.',
    );
    await page.fill('#aar-hotwash', 'Cần thống nhất cách liên lạc với lãnh đạo phòng.');
    await page.fill('#aar-strengths', 'Báo cáo kịp thời');
    await page.fill(
      '[data-action-row]:nth-child(1) [data-col="action"]',
      'Phổ biến lại điểm b khoản 3.1',
    );
    await page.fill('[data-action-row]:nth-child(1) [data-col="owner"]', 'Trưởng phòng');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-save-pdf]'),
    ]);
    expect(download.suggestedFilename()).toBe(`bao-cao-sau-dien-tap-${drill.id}-2026-11-27.pdf`);
    const file = join(out, download.suggestedFilename());
    await download.saveAs(file);
    const { text } = pdfText(readFileSync(file), 'aar.pdf');
    for (const typed of [
      drill.title,
      'Ngày diễn tập: 27/11/2026',
      'Nguyễn Văn An',
      'Đánh giá: Đạt một phần',
      'Định liên hệ giữ phương tiện, rồi tự dừng lại.',
      'Cần thống nhất cách liên lạc với lãnh đạo phòng.',
      'Báo cáo kịp thời',
      'Phổ biến lại điểm b khoản 3.1',
      'Người chịu trách nhiệm: Trưởng phòng',
    ]) {
      expect(text, typed).toContain(typed);
    }
    expect(squashSpace((await page.textContent('[data-status]')) ?? '')).toBe(
      `Đã tải báo cáo thành tệp ${download.suggestedFilename()}.`,
    );
    // A character the font cannot draw: a clear message, nothing downloaded, the report kept.
    await page.fill('#aar-hotwash', 'Tốt 👍');
    await page.click('[data-save-pdf]');
    await page.waitForSelector('[data-save-error]:not([hidden])');
    expect(squashSpace((await page.textContent('[data-save-error]')) ?? '')).toBe(
      'Phông chữ của bản PDF không có các ký tự: 👍. Hãy bỏ hoặc thay các ký tự này rồi tải lại.',
    );
    expect(await page.inputValue('#aar-hotwash')).toBe('Tốt 👍');
    expect(site.problems()).toEqual([]);
  });

  test.for(drills.map((d) => [d.id, d] as const))(
    'prints the trainer packet of %s on at most 4 A4 pages, without widgets or addresses',
    async ([_id, drill], { openSite }) => {
      const site = await openSite(routes.drillTrainer(drill.id));
      await site.page.emulateMedia({ media: 'print' });
      const widgets = await site.page.evaluate(() =>
        [...document.querySelectorAll('main input, main textarea, main select, main button')]
          .filter((el) => el.getClientRects().length > 0)
          .filter((el) => {
            const style = getComputedStyle(el);
            return (
              style.appearance !== 'none' ||
              style.borderLeftWidth !== '0px' ||
              style.borderTopWidth !== '0px' ||
              style.resize !== 'none'
            );
          })
          .map((el) => `${el.tagName.toLowerCase()}#${el.id}`),
      );
      expect(widgets, 'form widgets on paper').toEqual([]);
      const { pages: count, text } = pdfText(
        await site.page.pdf({ format: 'A4' }),
        `packet-${drill.id}.pdf`,
      );
      expect(count).toBeLessThanOrEqual(4);
      expect(text).not.toMatch(/\(\/[a-z]/);
      expect(text).not.toContain('dieu-7/#');
      expect(text).toContain('Phiếu đánh giá từng tình huống');
      expect(text).toContain('☐ Đạt');
      expect(text).not.toContain('Sổ tay trực ban Điều 7 Vai trò'); // no navigation
    },
  );

  test('search labels the forms page as a form, offers a "Biểu mẫu" filter, and ranks the role pages first for a role name', async ({
    openSite,
  }) => {
    const site = await openSite(null);
    const results = async (path: string) => {
      await site.goto(path);
      await site.page.waitForFunction(() =>
        /kết quả/.test(document.querySelector('#trang-thai')?.textContent ?? ''),
      );
      return site.page.$$eval('#ket-qua .result', (items) =>
        items.map((li) => ({
          href: li.querySelector('a.result-link')?.getAttribute('href') ?? '',
          meta: li.querySelector('.result-meta')?.textContent ?? '',
        })),
      );
    };
    const forms = `${basePath}${routes.forms().slice(1)}`;
    // Filtered to forms: the page is there, labelled as what it is.
    const onlyForms = await results(
      `${routes.search('lanh dao')}&loai=${encodeURIComponent('Biểu mẫu')}`,
    );
    expect(onlyForms.map((r) => r.href)).toContain(forms);
    expect(onlyForms.find((r) => r.href === forms)?.meta).toContain('Biểu mẫu');
    expect(await site.page.isChecked('input[name="loai"][value="Biểu mẫu"]')).toBe(true);
    // Unfiltered: both role pages come before it (it may not be among the first results at all).
    const all = (await results(routes.search('lanh dao'))).map((r) => r.href);
    const rank = (href: string) => (all.includes(href) ? all.indexOf(href) : Infinity);
    for (const role of ['lanh-dao-ca-truc', 'lanh-dao-cap-phong-truc-ban']) {
      const page = `${basePath}${routes.role(role).slice(1)}`;
      expect(rank(page), `${role} is found: ${all.join(' , ')}`).toBeLessThan(Infinity);
      expect(rank(page), `${role} above the forms page: ${all.join(' , ')}`).toBeLessThan(
        rank(forms),
      );
    }
  });
});
