/**
 * «Không phát sinh trong ca», as a shift leader keeps a quiet day shift, in real Chromium: the
 * duties that apply only when something arises (read from their points' words:
 * src/lib/content/arising.ts) are marked as not arisen, with the time, one tap each way; the
 * progress line, the review, the run's sheet and the handover count them apart, and nothing
 * is left undone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { storageKey, type Store } from '../../src/lib/checklist/schema.ts';
import { describeBrowser, waitForText } from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';
import { test } from '../support/site-test.ts';
import { basePath, distDir } from '../support/site.ts';
import { countPrints, printedTimes, startRun, text, tick, VN } from '../support/role-page.ts';

const handbook = loadHandbook('content');
const ROLE = 'lanh-dao-ca-truc';
const DUTIES = handbook.dutiesOf(ROLE);
const ARISING = DUTIES.filter((duty) => handbook.arising(duty).length > 0);
const ALWAYS = DUTIES.filter((duty) => handbook.arising(duty).length === 0);
/** 16:20 in Hà Nội, near the end of the day shift. */
const AT = new Date('2026-11-27T09:20:00.000Z');

const button = (id: string) => `[id="${id}"] .not-arisen button`;

/** What is seen of an element (its hidden parts aside), white space collapsed. */
const shown = async (page: Page, selector: string) =>
  (await page.innerText(selector)).replace(/\s+/g, ' ').trim();

/** Rows of the paper sheet as they print: shown, box, time and note. */
const sheetRows = (page: Page) =>
  page.$$eval<
    { id: string | null; shown: boolean; box: string; time: string; note: string }[],
    HTMLElement
  >('[data-sheet-item]', (rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-sheet-item'),
      shown: !row.hidden && !row.closest<HTMLElement>('tbody')?.hidden,
      box: row.querySelector('[data-sheet-done]')?.textContent ?? '',
      time: row.querySelector('[data-sheet-time]')?.textContent ?? '',
      note: row.querySelector('[data-sheet-note]')?.textContent ?? '',
    })),
  );

describeBrowser('«không phát sinh trong ca» on a quiet day shift', () => {
  test('three conditional duties marked «không phát sinh»: the review, the run print and the handover say so, and nothing is undone', async ({
    openSite,
  }) => {
    expect(ARISING.map((duty) => duty.id)).toEqual([
      'art_7__para_1__point_b--vi-pham',
      'art_7__para_1__point_d--lam-ro',
      'art_7__para_1__point_d--phuong-an',
    ]);
    const site = await openSite(`/vai-tro/${ROLE}/`, { ...VN, at: AT });
    const { page } = site;
    await page.waitForSelector('[data-run-panel]:not([hidden])');
    await countPrints(page);
    await startRun(page, 'Ca ngày', 'Nguyễn Văn An');

    // Only the duties whose point waits for something to arise can be marked so.
    await page.waitForSelector(button(ARISING[0]!.id));
    for (const duty of ARISING)
      expect(await text(page, button(duty.id)), duty.id).toBe('Không phát sinh trong ca');
    for (const duty of ALWAYS)
      expect(await page.$(`[id="${duty.id}"] .not-arisen`), duty.id).toBeNull();

    for (const duty of ALWAYS) await page.check(tick(duty.id));
    for (const duty of ARISING) await page.click(button(duty.id));
    await waitForText(page, '[data-progress-text]', 'Đã xong 6/9 việc, 3 việc không phát sinh');
    const first = ARISING[0]!.id;
    expect(await shown(page, `[id="${first}"] .not-arisen`)).toBe(
      'Không phát sinh trong ca (ghi lúc 16:20) Bỏ đánh dấu không phát sinh Cách hiểu của sổ tay',
    );
    // The mark rests on the handbook's reading: each item links to where the booklet states it.
    const href = await page.getAttribute(`[id="${first}"] .not-arisen a`, 'href');
    expect(href).toBe(`${basePath}in/#cach-hieu-khong-phat-sinh-trong-ca`);
    expect(readFileSync(join(distDir, 'in', 'index.html'), 'utf8')).toContain(
      'id="cach-hieu-khong-phat-sinh-trong-ca"',
    );
    expect(await page.isChecked(tick(first))).toBe(false);
    expect(await text(page, '[data-announce]')).toMatch(
      /^Không phát sinh trong ca: .+\. Cả ca: đã xong 6\/9 việc, 3 việc không phát sinh\.$/,
    );

    // Undoing it is one tap, and so is marking it again.
    await page.click(button(first));
    await waitForText(page, '[data-progress-text]', 'Đã xong 6/9 việc, 2 việc không phát sinh');
    expect(await text(page, button(first))).toBe('Không phát sinh trong ca');
    await page.click(button(first));
    await waitForText(page, '[data-progress-text]', 'Đã xong 6/9 việc, 3 việc không phát sinh');

    // Kept: a reload shows the same.
    await page.reload();
    await waitForText(page, '[data-progress-text]', 'Đã xong 6/9 việc, 3 việc không phát sinh');
    await countPrints(page);

    // The run's sheet: the three rows say so, at the time they were marked, with a dash in the box.
    await page.click('[data-print-mode="run"]');
    await printedTimes(page, 1);
    expect(await text(page, '[data-sheet-handover]')).toBe(
      'Không còn việc nào chưa xong: 6 việc đã xong, 3 việc không phát sinh trong ca (lập lúc 16:20).',
    );
    const rows = await sheetRows(page);
    for (const duty of ARISING)
      expect(rows.find((row) => row.id === duty.id)).toEqual({
        id: duty.id,
        shown: true,
        box: '–',
        time: '16:20',
        note: 'Không phát sinh trong ca',
      });
    expect(rows.filter((row) => row.shown)).toHaveLength(9);
    expect(readPdf(await page.pdf({ format: 'A4' })).text).toContain(
      'Không còn việc nào chưa xong: 6 việc đã xong, 3 việc không phát sinh trong ca',
    );

    // The review: nothing undone, the three named apart.
    await page.click('[data-end]');
    await page.waitForSelector('[data-review][open]');
    const review = await text(page, '[data-review]');
    expect(review).toContain(
      '27/11/2026 · Ca ngày 07:30–16:30 · Nguyễn Văn An. Mở sổ lúc 16:20; đã xong 6/9 việc, 3 việc không phát sinh.',
    );
    expect(review).toContain('Không còn việc nào chưa xong.');
    expect(review).not.toContain('chưa xong:');
    expect(review).toContain('Không phát sinh trong ca (3 việc):');
    // Listed apart, and no item listed as open.
    expect(
      await page.$$eval('[data-review] [data-review-open] li', (items) =>
        items.map((li) => li.textContent),
      ),
    ).toEqual(ARISING.map((duty) => duty.action));
    expect(await page.$$('[data-review] [data-review-open] h3')).toHaveLength(0);

    // The handover, printed from the review: no open item, and the count of those that did not arise.
    await page.click('[data-review-handover]');
    await printedTimes(page, 2);
    expect(await text(page, '[data-sheet-title]')).toBe('Bàn giao ca: việc còn mở');
    expect(await text(page, '[data-sheet-handover]')).toBe(
      'Không còn việc nào chưa xong: 6 việc đã xong, 3 việc không phát sinh trong ca (lập lúc 16:20).',
    );
    expect((await sheetRows(page)).filter((row) => row.shown)).toEqual([]);
    const handover = readPdf(await page.pdf({ format: 'A4' })).text;
    expect(handover).toContain(
      'Không còn việc nào chưa xong: 6 việc đã xong, 3 việc không phát sinh trong ca',
    );
    expect(handover).not.toContain('dừng đưa hàng');

    // Ended: the history and the announcement say the same.
    await page.click('[data-review-confirm]');
    await waitForText(
      page,
      '[data-announce]',
      /^Đã kết thúc ca; không còn việc nào chưa xong, 3 việc không phát sinh\./,
    );
    await waitForText(page, '[data-history-list]', /đã xong 6\/9 việc, 3 việc không phát sinh/);
    // The ended run, looked at, shows the marks without their buttons.
    expect(await shown(page, `[id="${first}"] .not-arisen`)).toBe(
      'Không phát sinh trong ca (ghi lúc 16:20) Cách hiểu của sổ tay',
    );
    expect(site.problems()).toEqual([]);
  });

  test('two tabs: a mark made in one and a tick in the other both stay, in both tabs and in the storage', async ({
    openSite,
  }) => {
    const site = await openSite(`/vai-tro/${ROLE}/`, { ...VN, at: AT });
    const { page } = site;
    await page.waitForSelector('[data-run-panel]:not([hidden])');
    await startRun(page, 'Ca ngày', 'Nguyễn Văn An');
    const other = await site.context.newPage();
    await other.clock.setFixedTime(AT);
    await other.goto(page.url());
    await other.waitForSelector(button(ARISING[0]!.id));
    await page.click(button(ARISING[0]!.id));
    await other.check(tick(ALWAYS[0]!.id));
    for (const tab of [page, other]) {
      await waitForText(tab, '[data-progress-text]', 'Đã xong 1/9 việc, 1 việc không phát sinh');
      expect(await tab.isChecked(tick(ALWAYS[0]!.id))).toBe(true);
      expect(await shown(tab, `[id="${ARISING[0]!.id}"] .not-arisen span`)).toBe(
        'Không phát sinh trong ca (ghi lúc 16:20)',
      );
    }
    const stored = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}') as Store,
      storageKey(ROLE),
    );
    expect(
      stored.current?.items.map(({ id, doneAt, notArisenAt }) => [id, doneAt, notArisenAt]),
    ).toEqual(
      [
        [ALWAYS[0]!.id, AT.toISOString(), undefined],
        [ARISING[0]!.id, undefined, AT.toISOString()],
      ].sort(),
    );
    expect(site.problems()).toEqual([]);
  });
});
