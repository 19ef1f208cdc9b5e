/**
 * /bieu-mau/ in real Chromium: the blank journals it offers are the files in dist/ (size
 * and page count as stated), the page passes axe, and the in-browser generator makes a
 * prefilled PDF with the same module — errors shown beside the field, in Vietnamese.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { BLANK_JOURNALS, BLANK_JOURNAL_DIR, formatSize } from '../../src/lib/journal/blank.ts';
import { describeBrowser, formatViolations, launchBrowser, openPage, runAxe } from '../support/browser.ts';
import { distDir } from '../support/site.ts';

describeBrowser('the forms page /bieu-mau/', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers the blank journals written into dist/, with their real size and page count', async () => {
    const site = await openPage(browser);
    onTestFinished(() => site.close());
    await site.goto('/bieu-mau/');
    const items = await site.page.$$eval('.journal-files li', (lis) => lis.map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
    expect(items).toHaveLength(BLANK_JOURNALS.length);
    for (const [index, journal] of BLANK_JOURNALS.entries()) {
      const file = join(distDir, BLANK_JOURNAL_DIR, journal.file);
      const bytes = readFileSync(file);
      const pages = (await PDFDocument.load(bytes)).getPageCount();
      expect(pages).toBe(journal.pages);
      expect(items[index]).toBe(`Nhật ký trực ban, ${pages} trang (PDF, ${formatSize(statSync(file).size)})`);
      const response = await site.page.request.get(await site.page.locator('.journal-files a').nth(index).evaluate((a) => (a as HTMLAnchorElement).href));
      expect(response.status()).toBe(200);
      expect(Buffer.from(await response.body()).equals(bytes)).toBe(true);
    }
    expect(site.problems()).toEqual([]);
  });

  it('passes axe, before and after an error is shown', async () => {
    const site = await openPage(browser);
    onTestFinished(() => site.close());
    await site.goto('/bieu-mau/');
    await site.page.waitForSelector('#tao-nhat-ky:not([hidden])');
    expect(formatViolations(await runAxe(site.page))).toBe('');
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await expect.poll(() => site.page.textContent('#ngay-loi')).toBe('Hãy chọn ngày trực.');
    expect(await site.page.getAttribute('#tu-ngay', 'aria-invalid')).toBe('true');
    expect(await site.page.evaluate(() => document.activeElement?.id)).toBe('tu-ngay');
    expect(formatViolations(await runAxe(site.page))).toBe('');
    expect(site.problems()).toEqual([]);
  });

  it('loads no PDF code until the form is used, then builds a prefilled journal in the browser', async () => {
    const site = await openPage(browser);
    onTestFinished(() => site.close());
    await site.goto('/bieu-mau/');
    await site.page.waitForSelector('#tao-nhat-ky:not([hidden])');
    expect(site.requests.filter((url) => /\.ttf$|\/pdf\.[\w-]+\.js$/.test(url))).toEqual([]);
    await site.page.fill('#don-vi', 'Phòng Giám sát hải quan trực tuyến');
    await site.page.fill('#tu-ngay', '2025-03-04');
    await site.page.fill('#ca-tu', '07:30');
    await site.page.fill('#ca-den', '16:30');
    await site.page.fill('#so-trang', '2');
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await expect.poll(() => site.page.textContent('#trang-thai-tao'), { timeout: 30_000 }).toBe('Đã tạo 1 tệp: bấm vào tên tệp để tải về.');
    const link = site.page.locator('#tep-da-tao a');
    expect(await link.textContent()).toBe('Nhật ký trực ban ngày 04/03/2025');
    expect(await link.getAttribute('download')).toBe('nhat-ky-truc-ban-2025-03-04.pdf');
    const base64 = await link.evaluate(async (a) => {
      const buffer = await (await fetch((a as HTMLAnchorElement).href)).arrayBuffer();
      let binary = '';
      for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
      return btoa(binary);
    });
    const doc = await PDFDocument.load(Buffer.from(base64, 'base64'));
    expect(doc.getPageCount()).toBe(2);
    const fields = doc.getForm();
    expect(fields.getTextField('don_vi').getText()).toBe('Phòng Giám sát hải quan trực tuyến');
    expect(fields.getTextField('ngay').getText()).toBe('04/03/2025');
    expect(fields.getTextField('ca_tu').getText()).toBe('07:30');
    expect(fields.getTextField('p2.r10.ghi_chu')).toBeTruthy();
    expect(site.problems()).toEqual([]);
  });

  it('shows the module’s refusals in Vietnamese beside the field', async () => {
    const site = await openPage(browser);
    onTestFinished(() => site.close());
    await site.goto('/bieu-mau/');
    await site.page.waitForSelector('#tao-nhat-ky:not([hidden])');
    await site.page.fill('#don-vi', 'Hải quan 海关');
    await site.page.fill('#tu-ngay', '2025-03-04');
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await expect.poll(() => site.page.textContent('#don-vi-loi'), { timeout: 30_000 }).toBe(
      'Phông chữ của mẫu không có các ký tự: 海 关. Hãy bỏ hoặc thay các ký tự này.',
    );
    await site.page.fill('#don-vi', '');
    await site.page.check('#nhieu-ngay');
    await site.page.fill('#den-ngay', '2025-03-01');
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await expect.poll(() => site.page.textContent('#ngay-loi')).toBe('Ngày kết thúc phải trùng hoặc sau ngày bắt đầu.');
    expect(await site.page.locator('#tep-da-tao li').count()).toBe(0);
    expect(site.problems()).toEqual([]);
  });
});
