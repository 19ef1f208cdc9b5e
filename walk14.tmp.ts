import { chromium } from 'playwright-core';
import { startStaticServer } from '/work/main/test/support/static-server.ts';
const tag = process.argv[2] ?? 'after';
const dist = process.argv[3] ?? '/work/main/dist';
const out = '/work/notes/shots-14';
const server = await startStaticServer({ root: dist });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const [w, h] of [[1280, 900], [390, 844]] as const) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
  await page.clock.install({ time: new Date('2026-11-27T09:46:00Z') });
  await page.goto(`${server.baseUrl}vai-tro/lanh-dao-cap-phong-truc-ban/`);
  await page.waitForSelector('[data-run-panel]:not([hidden])');
  await page.screenshot({ path: `${out}/${tag}-role-start-${w}.png`, fullPage: false });
  if (await page.$('#ca-tu')) {
    await page.fill('#ca-tu', '07:30'); await page.fill('#ca-den', '16:30'); await page.fill('#ca-ten', 'Ca ngày');
  } else await page.fill('#ca-ten', 'Ca ngày 07:30–16:30');
  await page.fill('#ca-nguoi', 'Nguyễn Văn An');
  await page.click('[data-start-form] button[type=submit]');
  const ticks = await page.$$('.tick');
  await ticks[0]!.check(); await ticks[2]!.check();
  await page.fill('#ghi-chu-' + (await ticks[0]!.evaluate((e) => e.id.replace('xong-', ''))), 'đã phân công, báo cáo lãnh đạo phòng');
  await page.evaluate(() => document.querySelector<HTMLElement>('#ca-truc')?.scrollIntoView());
  await page.screenshot({ path: `${out}/${tag}-role-midshift-${w}.png` });
  await page.evaluate(() => window.scrollTo(0, 2200));
  await page.screenshot({ path: `${out}/${tag}-role-scrolled-${w}.png` });
  const box = await page.evaluate(() => {
    const head = document.querySelector('#ca-truc')!.getBoundingClientRect().top + scrollY;
    const first = Math.min(...[...document.querySelectorAll('.tick')].map((t) => t.getBoundingClientRect().top)) + scrollY;
    return { head, first, delta: first - head, height: document.documentElement.scrollHeight };
  });
  console.log(w, 'first checkbox below run header by', box);
  // Journal: entries at 08:15 and 10:40, typed after the fact.
  await page.click('[data-journal-link]');
  await page.waitForSelector('[data-journal-form]:not([hidden])');
  for (const [time, text] of [['08:15', 'Kiểm tra camera cổng số 3'], ['10:40', 'Tờ khai nghi vấn luồng xanh']]) {
    await page.fill('#nk-gio', time);
    await page.fill('#nk-noi-dung', text);
    await page.click('[data-journal-submit]');
  }
  await page.screenshot({ path: `${out}/${tag}-journal-${w}.png` });
  if (await page.$('[data-end]:not([hidden])')) {
    await page.click('[data-end]');
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${tag}-review-${w}.png` });
    if (w === 1280) {
      const download = page.waitForEvent('download');
      await page.click('[data-review-journal-pdf]');
      await (await download).saveAs(`${out}/${tag}-journal.pdf`);
      await page.click('[data-end]');
      await page.click('[data-review-confirm]');
      await page.screenshot({ path: `${out}/${tag}-ended-${w}.png` });
    }
  }
  await context.close();
}
await browser.close();
await server.close();
