/** Steps on a role page shared by the browser tests of the checklist and the journal log. */
import type { Page } from 'playwright-core';

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
  await page.click('[data-start-form] button[type=submit]');
  await page.waitForSelector('[data-item] .tick:enabled');
}
