/**
 * Drills in real Chromium, trainer side: the evaluation sheet and after-action report
 * filled in, saved as a JSON file (a real download), reopened in a fresh browser (a real
 * file upload), printed (page.pdf, read back with pdftotext); a bad file refused with a
 * clear message and nothing changed; the draft kept across a reload and a damaged draft
 * set aside; the inject cards printed with the answer key on pages of its own; axe.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { squashSpace } from '../../src/lib/vi.ts';
import { axeInBothSchemes, describeBrowser, formatViolations, runAxe } from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';
import { test, type OpenSite } from '../support/site-test.ts';

const drills = loadContent('content').drills.map((d) => d.value);
const DRILL = drills.find((d) => d.id === 'nghi-van-trong-gio')!;
const [I1, I2, I3] = DRILL.injects;
const DRAFT = `so-tay-truc-ban:aar:${DRILL.id}`;
const out = mkdtempSync(join(tmpdir(), 'so-tay-aar-'));

const text = async (page: Page, selector: string) =>
  squashSpace((await page.textContent(selector)) ?? '');
const row = (n: number, col: string) => `[data-action-row]:nth-child(${n}) [data-col="${col}"]`;

/** Text of each page of a PDF (pdftotext -raw: content order, so table cells stay whole). */
const pdfPages = (pdf: Buffer | Uint8Array): string[] =>
  readPdf(pdf, { mode: 'raw' })
    .pages.map((page) => squashSpace(page))
    .filter((page) => page !== '');

async function fill(page: Page): Promise<void> {
  await page.fill('#aar-date', '2026-11-27');
  await page.fill('#aar-place', 'Phòng họp tầng 3');
  await page.fill('#aar-facilitator', 'Nguyễn Văn An');
  await page.fill('#aar-evaluator', 'Trần Thị Bình');
  await page.fill('#aar-participants', 'Lê Văn Cường: công chức\nPhạm Thị Dung: Trưởng phòng');
  await page.check(`input[name="dg-${I1!.id}"][value="dat"]`);
  await page.check(`input[name="dg-${I2!.id}"][value="dat-mot-phan"]`);
  await page.fill(`#gc-${I2!.id}`, 'Định liên hệ giữ phương tiện, rồi tự dừng lại.');
  await page.check(`input[name="dg-${I3!.id}"][value="chua-dat"]`);
  await page.fill('#aar-hotwash', 'Cần thống nhất cách liên lạc với lãnh đạo phòng.');
  await page.fill('#aar-strengths', 'Báo cáo kịp thời\nKhông tự xử lý');
  await page.fill('#aar-improvements', 'Trưởng phòng chưa nêu biện pháp làm rõ');
  await page.fill(row(1, 'action'), 'Phổ biến lại điểm b khoản 3.1 cho lãnh đạo phòng');
  await page.fill(row(1, 'owner'), 'Trưởng phòng');
  await page.fill(row(1, 'due'), '2026-12-15');
}

describeBrowser('drills, trainer side', () => {
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  const open = (openSite: OpenSite, path: string, options = {}) =>
    openSite(path, { acceptDownloads: true, ...options });

  test('a trainer fills the evaluation, saves the report as JSON, reopens it elsewhere and prints it', async ({
    openSite,
  }) => {
    const site = await open(openSite, routes.drillTrainer(DRILL.id));
    const { page } = site;
    await fill(page);
    expect(await text(page, '[data-rating-summary]')).toBe(
      `Tổng hợp ${DRILL.injects.length} thẻ: đạt 1, đạt một phần 1, chưa đạt 1, chưa đánh giá ${DRILL.injects.length - 3}.`,
    );

    // More corrective actions than the three rows printed blank.
    for (let n = 2; n <= 3; n++) await page.fill(row(n, 'action'), `Việc khắc phục số ${n}`);
    await page.click('[data-add-row]');
    await page.fill(row(4, 'action'), 'Việc khắc phục số 4');
    await page.fill(row(4, 'owner'), 'Lãnh đạo cấp phòng trực ban');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-save]'),
    ]);
    expect(download.suggestedFilename()).toBe(`bao-cao-sau-dien-tap-${DRILL.id}-2026-11-27.json`);
    const file = join(out, download.suggestedFilename());
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({
      format: 'so-tay-truc-ban/aar',
      version: 1,
      drill: DRILL.id,
      drillTitle: DRILL.title,
      exercise: {
        date: '2026-11-27',
        place: 'Phòng họp tầng 3',
        facilitator: 'Nguyễn Văn An',
        evaluator: 'Trần Thị Bình',
      },
      evaluations: {
        [I1!.id]: { rating: 'dat', note: '' },
        [I2!.id]: {
          rating: 'dat-mot-phan',
          note: 'Định liên hệ giữ phương tiện, rồi tự dừng lại.',
        },
        [I3!.id]: { rating: 'chua-dat', note: '' },
      },
      strengths: ['Báo cáo kịp thời', 'Không tự xử lý'],
      improvements: ['Trưởng phòng chưa nêu biện pháp làm rõ'],
      actions: [
        {
          action: 'Phổ biến lại điểm b khoản 3.1 cho lãnh đạo phòng',
          owner: 'Trưởng phòng',
          due: '2026-12-15',
        },
        { action: 'Việc khắc phục số 2', owner: '', due: '' },
        { action: 'Việc khắc phục số 3', owner: '', due: '' },
        { action: 'Việc khắc phục số 4', owner: 'Lãnh đạo cấp phòng trực ban', due: '' },
      ],
    });
    expect(Date.parse(saved.savedAt)).not.toBeNaN();
    expect(await text(page, '[data-status]')).toBe(
      `Đã lưu báo cáo thành tệp ${download.suggestedFilename()}.`,
    );

    // Another browser, nothing stored: open the file.
    const other = await open(openSite, routes.drillTrainer(DRILL.id));
    const second = other.page;
    expect(await second.inputValue('#aar-facilitator')).toBe('');
    await second.setInputFiles('[data-open]', file);
    await second.waitForFunction(
      () => (document.querySelector('#aar-facilitator') as HTMLInputElement).value !== '',
    );
    expect(await text(second, '[data-status]')).toBe(
      `Đã mở báo cáo từ tệp ${download.suggestedFilename()}.`,
    );
    expect(await second.inputValue('#aar-date')).toBe('2026-11-27');
    expect(await second.inputValue('#aar-participants')).toBe(
      'Lê Văn Cường: công chức\nPhạm Thị Dung: Trưởng phòng',
    );
    expect(await second.isChecked(`input[name="dg-${I2!.id}"][value="dat-mot-phan"]`)).toBe(true);
    expect(await second.inputValue(`#gc-${I2!.id}`)).toBe(
      'Định liên hệ giữ phương tiện, rồi tự dừng lại.',
    );
    expect(await second.inputValue('#aar-strengths')).toBe('Báo cáo kịp thời\nKhông tự xử lý');
    expect(await second.$$('[data-action-row]')).toHaveLength(5);
    expect(await second.inputValue(row(4, 'owner'))).toBe('Lãnh đạo cấp phòng trực ban');
    expect(await second.inputValue(row(1, 'due'))).toBe('2026-12-15');

    // Print: the report with what was filled in, dates as dd/mm/yyyy, no buttons.
    await second.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await second.click('[data-print]');
    expect(await second.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await second.emulateMedia({ media: 'print' });
    const pages = pdfPages(await second.pdf({ format: 'A4' }));
    const all = pages.join(' ');
    for (const expected of [
      DRILL.title,
      'Nguyễn Văn An',
      'Phòng họp tầng 3',
      '27/11/2026',
      'Định liên hệ giữ phương tiện, rồi tự dừng lại.',
      'Cần thống nhất cách liên lạc với lãnh đạo phòng.',
      'Phổ biến lại điểm b khoản 3.1 cho lãnh đạo phòng',
      '15/12/2026',
      'Tổng hợp 5 thẻ: đạt 1, đạt một phần 1, chưa đạt 1, chưa đánh giá 2.',
      squashSpace(I1!.expected[0]!.action),
    ]) {
      expect(all, expected).toContain(expected);
    }
    expect(all).not.toContain('Lưu để mở lại');
    expect(all).not.toContain('Cách tổ chức');
    expect(all).not.toContain('mm/dd/yyyy');
    expect(site.problems()).toEqual([]);
    expect(other.problems()).toEqual([]);
  });

  test('offers to print the packet near the top of the page, not only at its foot', async ({
    openSite,
  }) => {
    const site = await open(openSite, routes.drillTrainer(DRILL.id), {
      viewport: { width: 1280, height: 800 },
    });
    const { page } = site;
    const control = page.locator('[data-print-packet]');
    await control.waitFor();
    const box = await control.boundingBox();
    expect(box && box.y + box.height, 'on the first screen').toBeLessThanOrEqual(800);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await control.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(site.problems()).toEqual([]);
  });

  test('refuses a bad file with a clear message and changes nothing', async ({ openSite }) => {
    const site = await open(openSite, routes.drillTrainer(DRILL.id));
    const { page } = site;
    await page.fill('#aar-facilitator', 'Nguyễn Văn An');
    const cases: [string, string, string][] = [
      [
        'hong.json',
        '{"format": "so-tay-truc-ban/aar", "version": 1, "drill"',
        'Không mở được «hong.json». Không đọc được tệp: đây không phải tệp JSON, hoặc tệp đã bị cắt, bị sửa hỏng.',
      ],
      [
        'bai-khac.json',
        JSON.stringify({
          format: 'so-tay-truc-ban/aar',
          version: 1,
          drill: 'ghi-nhat-ky',
          drillTitle: 'Ghi nhật ký trực ban cuối ca',
        }),
        'Không mở được «bai-khac.json». Tệp là báo cáo của bài diễn tập khác («Ghi nhật ký trực ban cuối ca»), không phải của bài này. Hãy mở tệp đó ở trang của bài ấy.',
      ],
    ];
    for (const [name, body, message] of cases) {
      const file = join(out, name);
      writeFileSync(file, body);
      await page.setInputFiles('[data-open]', file);
      await page.waitForSelector('[data-open-error]:not([hidden])');
      expect(await text(page, '[data-open-error]')).toBe(message);
      expect(await page.getAttribute('[data-open-error]', 'role')).toBe('alert');
      expect(await page.inputValue('#aar-facilitator'), 'the report on the page is unchanged').toBe(
        'Nguyễn Văn An',
      );
    }
    expect(formatViolations(await runAxe(page)), 'axe with the error shown').toBe('');

    // A corrective action without its action cannot be saved, and says why.
    await page.fill(row(2, 'owner'), 'Trưởng phòng');
    await page.click('[data-save]');
    await page.waitForSelector('[data-save-error]:not([hidden])');
    expect(await text(page, '[data-save-error]')).toBe(
      'Hành động khắc phục, dòng 2: cần ghi việc cần làm (hoặc xóa trắng cả dòng).',
    );
    expect(site.problems()).toEqual([]);
  });

  test('keeps the draft across a reload, and sets a damaged draft aside with a notice', async ({
    openSite,
  }) => {
    const site = await open(openSite, routes.drillTrainer(DRILL.id));
    const { page } = site;
    await fill(page);
    await page.reload();
    await page.waitForFunction(
      () => (document.querySelector('#aar-facilitator') as HTMLInputElement).value !== '',
    );
    expect(await page.inputValue('#aar-facilitator')).toBe('Nguyễn Văn An');
    expect(await page.isChecked(`input[name="dg-${I3!.id}"][value="chua-dat"]`)).toBe(true);

    const damaged = (await page.evaluate((key) => localStorage.getItem(key), DRAFT))!.replace(
      '"chua-dat"',
      '"rat-te"',
    );
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      DRAFT,
      damaged,
    ] as const);
    await page.reload();
    await page.waitForSelector('[data-notices] .notice');
    expect(await text(page, '[data-notices] .notice p')).toBe(
      `Bản nháp lưu trong trình duyệt không dùng được nên trang bắt đầu với phiếu trống. Tệp có chỗ không hợp lệ ở «phiếu đánh giá › tình huống «${I3!.id}» › mức đánh giá» (giá trị "rat-te"). Báo cáo đang mở trên trang không bị thay đổi. Bản lưu cũ được cất riêng trong trình duyệt, không bị xóa.`,
    );
    const kept = await page.evaluate(
      (key) =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith(`${key}:set-aside:`))
          .map((k) => localStorage.getItem(k)),
      DRAFT,
    );
    expect(kept).toEqual([damaged]);
    expect(await page.inputValue('#aar-facilitator')).toBe('');
    expect(site.problems()).toEqual([]);
  });

  test('axe finds nothing on the trainer view filled in (light and dark; empty: the page pass)', async ({
    openSite,
  }) => {
    const site = await open(openSite, routes.drillTrainer(DRILL.id));
    await fill(site.page);
    expect(await axeInBothSchemes(site.page), 'filled').toBe('');
    expect(site.problems()).toEqual([]);
  });

  test('without JavaScript, the sheet still prints blank, without the save and open tools', async ({
    openSite,
  }) => {
    const site = await open(openSite, routes.drillTrainer(DRILL.id), { javaScriptEnabled: false });
    expect(await site.page.isVisible('[data-save]')).toBe(false);
    await site.page.emulateMedia({ media: 'print' });
    const all = pdfPages(await site.page.pdf({ format: 'A4' })).join(' ');
    expect(all).toContain('Phiếu đánh giá từng tình huống');
    expect(all).toContain('…/…/……');
  });

  test.for(drills.map((d) => [d.id, d] as const))(
    'prints the inject cards of %s two or more to a sheet, the answer key on pages of its own, no site footer',
    async ([_id, drill], { openSite }) => {
      const site = await open(openSite, routes.drillCards(drill.id));
      await site.page.emulateMedia({ media: 'print' });
      const pages = pdfPages(await site.page.pdf({ format: 'A4' }));
      const keyStart = pages.findIndex((page) =>
        page.includes('Đáp án (dành cho người điều hành)'),
      );
      expect(keyStart, 'the answer key is printed').toBeGreaterThan(0);
      const cards = pages.slice(0, keyStart).join(' ');
      const key = pages.slice(keyStart).join(' ');
      expect(
        pages[keyStart]?.startsWith('Đáp án (dành cho người điều hành)'),
        'the key starts its page',
      ).toBe(true);
      for (const [n, inject] of drill.injects.entries()) {
        // Every card on the card sheets; its answer and expected actions only after.
        expect(cards, inject.id).toContain(squashSpace(inject.question));
        expect(cards, `card ${n + 1} header`).toContain(
          `Thẻ ${n + 1}/${drill.injects.length} · ${inject.time}`,
        );
        expect(cards).not.toContain(squashSpace(inject.explanation).slice(0, 50));
        expect(key).toContain(squashSpace(inject.explanation).slice(0, 50));
        for (const expected of inject.expected)
          expect(cards).not.toContain(squashSpace(expected.action).slice(0, 40));
      }
      // Two or more cards to a sheet, none split between two sheets; no site footer on any.
      expect(keyStart).toBeLessThanOrEqual(Math.ceil(drill.injects.length / 2));
      for (const [n, inject] of drill.injects.entries()) {
        const sheet = pages.find((page) =>
          page.includes(`Thẻ ${n + 1}/${drill.injects.length} · ${inject.time}`),
        );
        const last = inject.options.at(-1)!.text;
        expect(sheet, `card ${n + 1} whole on its sheet`).toContain(squashSpace(last));
      }
      for (const page of pages) {
        expect(page).not.toContain('Về sổ tay này');
        expect(page).not.toContain('Lưu để dùng khi mất mạng');
      }
      expect(site.problems()).toEqual([]);
    },
  );

  test('axe finds nothing on the cards page', async ({ openSite }) => {
    const site = await open(openSite, routes.drillCards(DRILL.id));
    expect(formatViolations(await runAxe(site.page))).toBe('');
  });
});
