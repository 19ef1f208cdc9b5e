/**
 * /bieu-mau/ in real Chromium: the blank journals it offers are the files in dist/ (size
 * and page count as stated), the page passes axe, and the in-browser generator makes a
 * prefilled PDF with the same module — errors shown beside the field, in Vietnamese.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { expect } from 'vitest';
import { BLANK_JOURNALS, BLANK_JOURNAL_DIR, formatSize } from '../../src/lib/journal/blank.ts';
import { describeBrowser, formatViolations, runAxe, waitForText } from '../support/browser.ts';
import { distDir } from '../support/site.ts';
import { readPdf } from '../support/pdf.ts';
import { test } from '../support/site-test.ts';

describeBrowser('the forms page /bieu-mau/', () => {
  test('offers the blank journals written into dist/, with their real size and page count', async ({
    openSite,
  }) => {
    const site = await openSite(null);
    await site.goto('/bieu-mau/');
    const items = await site.page.$$eval('.journal-files li', (lis) =>
      lis.map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    );
    expect(items).toHaveLength(BLANK_JOURNALS.length);
    for (const [index, journal] of BLANK_JOURNALS.entries()) {
      const file = join(distDir, BLANK_JOURNAL_DIR, journal.file);
      const bytes = readFileSync(file);
      const pages = (await PDFDocument.load(bytes)).getPageCount();
      expect(pages).toBe(journal.pages);
      expect(items[index]).toBe(
        `Nhật ký trực ban, ${pages} trang (PDF, ${formatSize(statSync(file).size)})`,
      );
      const response = await site.page.request.get(
        await site.page
          .locator('.journal-files a')
          .nth(index)
          .evaluate((a) => (a as HTMLAnchorElement).href),
      );
      expect(response.status()).toBe(200);
      expect(Buffer.from(await response.body()).equals(bytes)).toBe(true);
    }
    expect(site.problems()).toEqual([]);
  });

  test('passes axe, before and after an error is shown', async ({ openSite }) => {
    const site = await openSite(null);
    await site.goto('/bieu-mau/');
    await site.page.waitForSelector('#tao-nhat-ky:not([hidden])');
    expect(formatViolations(await runAxe(site.page))).toBe('');
    await site.page.fill('#tu-ngay', '');
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await waitForText(site.page, '#ngay-loi', 'Hãy chọn ngày trực.');
    expect(await site.page.getAttribute('#tu-ngay', 'aria-invalid')).toBe('true');
    expect(await site.page.evaluate(() => document.activeElement?.id)).toBe('tu-ngay');
    expect(formatViolations(await runAxe(site.page))).toBe('');
    expect(site.problems()).toEqual([]);
  });

  test('loads no PDF code until the form is used, then builds a prefilled journal in the browser', async ({
    openSite,
  }) => {
    const site = await openSite(null);
    await site.goto('/bieu-mau/');
    await site.page.waitForSelector('#tao-nhat-ky:not([hidden])');
    expect(site.requests.filter((url) => /\.ttf$|\/pdf\.[\w-]+\.js$/.test(url))).toEqual([]);
    await site.page.fill('#don-vi', 'Phòng Giám sát hải quan trực tuyến');
    await site.page.fill('#tu-ngay', '2025-03-04');
    await site.page.fill('#ca-tu', '07:30');
    await site.page.fill('#ca-den', '16:30');
    await site.page.fill('#so-trang', '2');
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await waitForText(site.page, '#trang-thai-tao', 'Đã tạo tệp: bấm vào tên tệp để tải về.', {
      timeout: 30_000,
    });
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
    expect(fields.getTextField('don_vi').getText()).toBe('PHÒNG GIÁM SÁT HẢI QUAN TRỰC TUYẾN');
    expect(fields.getTextField('ngay').getText()).toBe('04/03/2025');
    expect(fields.getTextField('ca_tu').getText()).toBe('07:30');
    expect(fields.getTextField('p2.r10.ghi_chu')).toBeTruthy();
    expect(site.problems()).toEqual([]);
  });

  test('shows the module’s refusals in Vietnamese beside the field', async ({ openSite }) => {
    const site = await openSite(null);
    await site.goto('/bieu-mau/');
    await site.page.waitForSelector('#tao-nhat-ky:not([hidden])');
    await site.page.fill('#don-vi', 'Hải quan 海关');
    await site.page.fill('#tu-ngay', '2025-03-04');
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await waitForText(
      site.page,
      '#don-vi-loi',
      'Phông chữ của mẫu không có các ký tự: 海 关. Hãy bỏ hoặc thay các ký tự này.',
      { timeout: 30_000 },
    );
    await site.page.fill('#don-vi', '');
    await site.page.check('#nhieu-ngay');
    await site.page.fill('#den-ngay', '2025-03-01');
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await waitForText(site.page, '#ngay-loi', 'Ngày kết thúc phải trùng hoặc sau ngày bắt đầu.');
    expect(await site.page.locator('#tep-da-tao li').count()).toBe(0);
    await site.page.fill('#co-quan', '  ');
    await site.page.fill('#den-ngay', '2025-03-05');
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await waitForText(site.page, '#co-quan-loi', 'Hãy ghi tên cơ quan.', { timeout: 30_000 });
    await site.page.fill('#co-quan', 'Bộ Tài chính');
    await site.page.fill('#tu-ngay', '2024-01-01');
    await site.page.fill('#den-ngay', '2024-12-31');
    await site.page.fill('#so-trang', '3');
    expect(await site.page.textContent('#so-trang-tong')).toBe(
      '366 ngày × 3 trang = 1.098 trang, trong một tệp. Một tệp chứa tối đa 1.000 trang: hãy bớt số ngày hoặc số trang mỗi ngày.',
    );
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await waitForText(
      site.page,
      '#ngay-loi',
      'Một tệp chứa tối đa 1.000 trang. Hãy bớt số ngày hoặc số trang mỗi ngày.',
      { timeout: 30_000 },
    );
    expect(site.problems()).toEqual([]);
  });

  test('starts at today, and makes a range with a custom agency line as one PDF of dated sheets, the page count said before', async ({
    openSite,
  }) => {
    const site = await openSite(null);
    await site.goto('/bieu-mau/');
    await site.page.waitForSelector('#tao-nhat-ky:not([hidden])');
    const now = new Date();
    expect(await site.page.inputValue('#tu-ngay')).toBe(
      `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`,
    );
    // The heading of today's organisation by default (content/forms/phu-luc-1.yaml).
    expect(await site.page.inputValue('#co-quan')).toBe('BỘ TÀI CHÍNH');
    expect(await site.page.inputValue('#don-vi')).toBe('Cục Hải quan');
    await site.page.fill('#co-quan', 'Bộ Tài chính');
    await site.page.fill('#don-vi', 'Cục Hải quan');
    await site.page.check('#nhieu-ngay');
    expect(await site.page.textContent('#so-trang-tong')).toBe(
      'Chọn ngày bắt đầu và ngày kết thúc để biết tệp có bao nhiêu trang.',
    );
    await site.page.fill('#tu-ngay', '2026-01-05');
    await site.page.fill('#den-ngay', '2026-01-11');
    expect(await site.page.textContent('#so-trang-tong')).toBe(
      '7 ngày × 1 trang = 7 trang, trong một tệp.',
    );
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await waitForText(site.page, '#trang-thai-tao', 'Đã tạo tệp: bấm vào tên tệp để tải về.', {
      timeout: 30_000,
    });
    // One download for the range.
    const links = site.page.locator('#tep-da-tao a');
    expect(await links.count()).toBe(1);
    expect(await links.textContent()).toBe(
      'Nhật ký trực ban từ ngày 05/01/2026 đến ngày 11/01/2026',
    );
    expect(await links.getAttribute('download')).toBe(
      'nhat-ky-truc-ban-2026-01-05-den-2026-01-11.pdf',
    );
    expect(await site.page.textContent('#tep-da-tao li')).toMatch(/\(PDF, 7 trang, [\d,]+ KB\)$/);
    const bytes = Buffer.from(
      await links.evaluate(async (a) => {
        const buffer = await (await fetch((a as HTMLAnchorElement).href)).arrayBuffer();
        let binary = '';
        for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
        return btoa(binary);
      }),
      'base64',
    );
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(7);
    const { pages } = readPdf(bytes);
    expect(pages).toHaveLength(7);
    pages.forEach((text, index) => {
      expect(text).toMatch(/^\s*BỘ TÀI CHÍNH\s/);
      expect(text).toMatch(/\n\s*CỤC HẢI QUAN\s/);
      expect(text).toContain(`Ngày: ${String(5 + index).padStart(2, '0')}/01/2026`);
      expect(text).toContain(`Trang 1/1 · trang ${index + 1}/7 của tệp`);
    });
    // For looking at: JOURNAL_SHOTS_DIR keeps the PDF (rendered with pdftoppm by whoever looks).
    if (process.env.JOURNAL_SHOTS_DIR)
      writeFileSync(join(process.env.JOURNAL_SHOTS_DIR, 'trinh-duyet-7-ngay.pdf'), bytes);
    expect(site.problems()).toEqual([]);
  });

  test('shows progress while a long range is made', async ({ openSite }) => {
    const site = await openSite(null);
    await site.goto('/bieu-mau/');
    await site.page.waitForSelector('#tao-nhat-ky:not([hidden])');
    await site.page.check('#nhieu-ngay');
    await site.page.fill('#tu-ngay', '2026-01-01');
    await site.page.fill('#den-ngay', '2026-04-30');
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await waitForText(
      site.page,
      '#trang-thai-tao',
      /^Đang tạo… ([1-9]|[1-9][0-9]|10[0-9])\/120 ngày$/,
      { timeout: 30_000 },
    );
    expect(await site.page.isVisible('#tien-do')).toBe(true);
    expect(Number(await site.page.getAttribute('#tien-do', 'max'))).toBe(120);
    await waitForText(site.page, '#trang-thai-tao', 'Đã tạo tệp: bấm vào tên tệp để tải về.', {
      timeout: 30_000,
    });
    expect(await site.page.isVisible('#tien-do')).toBe(false);
    expect(site.problems()).toEqual([]);
  });
});
