/** Steps on a role page shared by the browser tests of the checklist and the journal log. */
import type { Page } from 'playwright-core';
import { storageKey } from '../../src/lib/checklist/schema.ts';

/** The role page the shift tests walk: the duty-room leader, who also keeps the journal. */
export const ROLE = 'lanh-dao-cap-phong-truc-ban';
/** Where that page keeps its runs. */
export const KEY = storageKey(ROLE);
/** Hà Nội's zone and Vietnamese, as the officers' machines are set. */
export const VN = { timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN' } as const;

/** An item's "done" tick and its note field. */
export const tick = (id: string) => `[id="xong-${id}"]`;
export const note = (id: string) => `[id="ghi-chu-${id}"]`;

/** An element's text with white space collapsed. */
export const text = async (page: Page, selector: string) =>
  ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();

/**
 * Starts a run through the form (mouse and keyboard alike end here) and waits until its
 * items can be ticked. A day shift ("Ca ngày") runs 07:30–16:30, any other 22:00–06:00.
 */
export async function startRun(
  page: Page,
  shift = 'Ca đêm',
  officer = 'Nguyễn Văn An',
  hours = shift === 'Ca ngày' ? ['07:30', '16:30'] : ['22:00', '06:00'],
): Promise<void> {
  if (!(await page.isVisible('#ca-ten'))) await page.click('[data-start] summary');
  await page.fill('#ca-tu', hours[0]!);
  await page.fill('#ca-den', hours[1]!);
  await page.fill('#ca-ten', shift);
  await page.fill('#ca-nguoi', officer);
  const before = await text(page, '[data-status]');
  await page.click('[data-start-form] button[type=submit]');
  // Starting loads its code on first use: wait for the new run, not the one on screen before.
  await page.waitForFunction(
    (was) =>
      document.querySelector('[data-status]')?.textContent?.replace(/\s+/g, ' ').trim() !== was,
    before,
  );
  await page.waitForSelector('[data-item] .tick:enabled');
}

/** Counts the page's print requests instead of opening the print dialog (`printedTimes` waits for them). */
export const countPrints = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });

/** Waits until the page has asked to print `times` times since `countPrints`. */
export const printedTimes = (page: Page, times: number) =>
  page.waitForFunction((n) => (window as unknown as { printed: number }).printed === n, times);
