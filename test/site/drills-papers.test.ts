/**
 * The trainer's papers in real Chromium: the after-action report exported as a PDF that
 * holds what was typed (qpdf --check, pdftotext), a character the font lacks refused with
 * nothing lost; each drill's trainer packet printed on at most 4 A4 pages, without form
 * widgets or raw in-site addresses.
 */
import { expect } from 'vitest';
import { getJournalForm } from '../../src/data/journal.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { AAR_DOCUMENT } from '../../src/lib/drills/aar-document.ts';
import { documentHeading } from '../../src/lib/documents/heading.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { squashSpace } from '../../src/lib/vi.ts';
import { describeBrowser, downloadedBytes } from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';
import { test } from '../support/site-test.ts';

const drills = loadContent('content').drills.map((d) => d.value);
/** The heading every document takes from the journal's form (content/forms/phu-luc-1.yaml). */
const heading = documentHeading(getJournalForm('content'));
const PARTICIPANTS = [
  'Nguyễn Văn Bình: lãnh đạo ca trực',
  'Trần Thị Hoa: lãnh đạo cấp phòng trực ban',
  'Lê Văn Cường: công chức',
  'Phạm Thị Dung: Trưởng phòng',
];

describeBrowser("the trainer's papers", () => {
  test('exports the after-action report as a PDF holding what was typed', async ({ openSite }) => {
    const drill = drills.find((d) => d.id === 'nghi-van-trong-gio')!;
    const site = await openSite(routes.drillTrainer(drill.id), { acceptDownloads: true });
    const { page } = site;
    await page.fill('#aar-date', '2026-11-27');
    await page.fill('#aar-facilitator', 'Nguyễn Văn An');
    // Four participants typed one per line, as the box invites.
    await page.fill('#aar-participants', PARTICIPANTS.join('\n'));
    await page.fill('#aar-unit', 'Chi cục Hải quan khu vực II');
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
    const { text } = readPdf(await downloadedBytes(download), { mode: 'raw' });
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
    // Every participant once, listed; nothing says the field was left empty.
    for (const person of PARTICIPANTS) expect(text.split(person), person).toHaveLength(2);
    expect(text).not.toContain('chưa ghi');
    // A document to file: the journal form's heading (the unit as typed, in capitals), the
    // date line, the title, and the signature blocks.
    for (const line of [
      ...heading.lines.filter((l) => l.key !== 'unit').map((l) => l.text),
      'CHI CỤC HẢI QUAN KHU VỰC II',
      ...heading.motto,
      ', ngày …… tháng …… năm ……',
      AAR_DOCUMENT.title,
      ...AAR_DOCUMENT.signers,
      AAR_DOCUMENT.signHint,
    ])
      expect(text, line).toContain(line);
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
      const { pages, text } = readPdf(await site.page.pdf({ format: 'A4' }), { mode: 'raw' });
      expect(pages.length).toBeLessThanOrEqual(4);
      expect(text).not.toMatch(/\(\/[a-z]/);
      expect(text).not.toContain('dieu-7/#');
      expect(text).toContain('Phiếu đánh giá từng tình huống');
      expect(text).toContain('☐ Đạt');
      expect(text).not.toContain('Sổ tay trực ban Điều 7 Vai trò'); // no navigation
      // The report part is a document: headed as the journal is, titled, with signature blocks; no site footer.
      for (const line of [...heading.lines.map((l) => l.text).filter(Boolean), ...heading.motto])
        expect(text, line).toContain(line);
      expect(text).toContain(AAR_DOCUMENT.title);
      for (const signer of AAR_DOCUMENT.signers) expect(text).toContain(signer);
      expect(text).not.toContain('Về sổ tay này');
    },
  );
});
