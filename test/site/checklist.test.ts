/**
 * Role checklists in real Chromium: shift runs kept across reloads, corrupted storage,
 * keyboard-only use, the printed sheets (page.pdf, A4, print media) and axe mid-run.
 * The clock is fixed so recorded times can be checked to the minute (Asia/Ho_Chi_Minh).
 */
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { emptyStore, serialise } from '../../src/lib/checklist/state.ts';
import { endRun as endStored, startRun as startStored } from '../../src/lib/checklist/runs.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import {
  axeInBothSchemes,
  describeBrowser,
  formatViolations,
  runAxe,
  waitForText,
} from '../support/browser.ts';
import { test, type OpenSite } from '../support/site-test.ts';
import { KEY, note, ROLE, startRun, text, tick, VN } from '../support/role-page.ts';

const handbook = loadHandbook('content');
const ITEMS = handbook.dutiesOf(ROLE);
// 22:10 in Hà Nội.
const T0 = new Date('2026-11-27T15:10:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const open = (openSite: OpenSite, path = `/vai-tro/${ROLE}/`, options = {}) =>
  openSite(path, { ...VN, at: T0, ...options });

/** Ends the open run: "Kết thúc ca…" opens the review, where the end is confirmed. */
async function endRun(page: Page) {
  await page.click('[data-end]');
  await page.click('[data-review-confirm]');
  await page.waitForSelector('[data-reopen]:not([hidden])');
}

async function pdfPages(page: Page): Promise<{ count: number; width: number; height: number }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await PDFDocument.load(await page.pdf({ format: 'A4' }));
  const { width, height } = pdf.getPage(0).getSize();
  return { count: pdf.getPageCount(), width, height };
}

/** The rows of the paper sheet a printer would show: [item id, box ticked, time, note]. */
const printedRows = (page: Page) =>
  page.$$eval('[data-sheet-item]', (rows) =>
    rows
      .filter((row) => (row as HTMLElement).offsetParent !== null)
      .map((row) => [
        (row as HTMLElement).dataset.sheetItem,
        row.querySelector('[data-sheet-done]')?.classList.contains('on') ?? false,
        row.querySelector('[data-sheet-time]')?.textContent ?? '',
        row.querySelector('[data-sheet-note]')?.textContent ?? '',
      ]),
  );

describeBrowser('role checklists', () => {
  test('keeps a tick and its time across a reload', async ({ openSite }) => {
    const site = await open(openSite);
    const { page } = site;
    expect(await page.isDisabled(tick(ITEMS[1]!.id)), 'no run yet: nothing to tick').toBe(true);
    await startRun(page);
    await page.clock.setFixedTime(minutes(3));
    await page.check(tick(ITEMS[1]!.id));
    expect(await text(page, `[id="${ITEMS[1]!.id}"] [data-done-at]`)).toBe('Xong lúc 22:13');

    await page.reload();
    await page.waitForSelector(`${tick(ITEMS[1]!.id)}:enabled`);
    expect(await page.isChecked(tick(ITEMS[1]!.id))).toBe(true);
    expect(await text(page, `[id="${ITEMS[1]!.id}"] [data-done-at]`)).toBe('Xong lúc 22:13');
    expect(await page.isChecked(tick(ITEMS[0]!.id))).toBe(false);
    expect(await text(page, '[data-status]')).toBe(
      'Ca đang mở: 27/11/2026 · Ca đêm 22:00–06:00 (hôm sau) · Nguyễn Văn An; mở sổ lúc 22:10.',
    );
    expect(await text(page, '[data-progress-text]')).toBe(`Đã xong 1/${ITEMS.length} việc`);
    expect(await text(page, '[data-moment="trong-ca"] [data-progress]')).toBe('Đã xong 1/2');
    expect(site.problems()).toEqual([]);
  });

  test('keeps a note across a reload, and records an approval with its time', async ({
    openSite,
  }) => {
    const site = await open(openSite);
    const { page } = site;
    const approved = ITEMS.find((d) => d.approval)!;
    await startRun(page);
    await page.fill(note(ITEMS[2]!.id), 'đã báo cáo lãnh đạo phòng lúc 22:10');
    await page.clock.setFixedTime(minutes(20));
    await page.check(`[id="duyet-${approved.id}"]`);
    await page.reload();
    await page.waitForSelector(`${tick(ITEMS[0]!.id)}:enabled`);
    expect(await page.inputValue(note(ITEMS[2]!.id))).toBe('đã báo cáo lãnh đạo phòng lúc 22:10');
    expect(await page.isChecked(`[id="duyet-${approved.id}"]`)).toBe(true);
    expect(await text(page, `[id="${approved.id}"] [data-approved-at]`)).toBe('(lúc 22:30)');
    expect(await page.isChecked(tick(approved.id)), 'approval is not the tick').toBe(false);
    expect(site.problems()).toEqual([]);
  });

  test('starts a new run all clear, with the old run in the history, openable read-only', async ({
    openSite,
  }) => {
    const site = await open(openSite);
    const { page } = site;
    await startRun(page, 'Ca đêm');
    await page.check(tick(ITEMS[0]!.id));
    await page.fill(note(ITEMS[0]!.id), 'xong sớm');
    await page.clock.setFixedTime(minutes(9 * 60));
    await startRun(page, 'Ca ngày', 'Trần Thị Bình');

    for (const duty of ITEMS) {
      expect(await page.isChecked(tick(duty.id)), duty.id).toBe(false);
      expect(await page.inputValue(note(duty.id)), duty.id).toBe('');
    }
    expect(await text(page, '[data-status]')).toBe(
      'Ca đang mở: 28/11/2026 · Ca ngày 07:30–16:30 · Trần Thị Bình; mở sổ lúc 07:10.',
    );
    const history = await page.$$eval('[data-history-list] li', (lis) =>
      lis.map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(history).toEqual([
      `27/11/2026 · Ca đêm 22:00–06:00 (hôm sau) · Nguyễn Văn An đã xong 1/${ITEMS.length} việc, kết thúc lúc 07:10 28/11/2026`,
    ]);

    await page.click('[data-open-run]');
    expect(await text(page, '[data-status]')).toMatch(
      /^Ca đã kết thúc \(chỉ xem\): 27\/11\/2026 · Ca đêm/,
    );
    expect(await page.isChecked(tick(ITEMS[0]!.id))).toBe(true);
    expect(await page.isDisabled(tick(ITEMS[0]!.id))).toBe(true);
    expect(await page.getAttribute(note(ITEMS[0]!.id), 'readonly')).not.toBeNull();
    expect(await page.inputValue(note(ITEMS[0]!.id))).toBe('xong sớm');
    expect(await page.isVisible('[data-end]'), 'an ended run cannot be ended').toBe(false);

    await page.click('[data-back]');
    expect(await page.isChecked(tick(ITEMS[0]!.id))).toBe(false);
    expect(await page.isEnabled(tick(ITEMS[0]!.id))).toBe(true);
    expect(site.problems()).toEqual([]);
  });

  test('sets corrupted storage aside with a notice, and the page keeps working', async ({
    openSite,
  }) => {
    const site = await open(openSite);
    const { page } = site;
    const garbage =
      '{"format":"so-tay-truc-ban/checklist","version":1,"role":"lanh-dao-cap-phong-tru';
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      KEY,
      garbage,
    ] as const);
    await page.reload();
    const notice = await text(page, '[data-notices] .notice');
    expect(notice).toMatch(/^Dữ liệu ca trực lưu trong trình duyệt bị hỏng/);
    expect(notice).toContain('Bản lưu cũ được cất riêng');
    expect(await page.getAttribute('[data-notices] .notice', 'role')).toBe('alert');
    const kept = await page.evaluate(
      (key) =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith(`${key}:set-aside:`))
          .map((k) => [k, localStorage.getItem(k)]),
      KEY,
    );
    expect(kept).toHaveLength(1);
    expect(kept[0]?.[1]).toBe(garbage);
    // Plain words only: the notice names no storage key; its link downloads the text set aside.
    expect(notice).not.toContain('so-tay-truc-ban');
    expect(await text(page, '[data-notices] a[download]')).toBe('Tải bản đã cất về máy');
    expect(
      await page.evaluate(async () => {
        const link = document.querySelector<HTMLAnchorElement>('[data-notices] a[download]')!;
        return (await fetch(link.href)).text();
      }),
    ).toBe(garbage);
    expect(formatViolations(await runAxe(page)), 'with the notice').toBe('');

    await startRun(page);
    await page.check(tick(ITEMS[0]!.id));
    await page.reload();
    await page.waitForSelector(`${tick(ITEMS[0]!.id)}:enabled`);
    expect(await page.isChecked(tick(ITEMS[0]!.id))).toBe(true);
    expect(
      await page.$$('[data-notices] .notice'),
      'no notice once the state is sound',
    ).toHaveLength(0);
    expect(site.problems()).toEqual([]);
  });

  test('keeps the sound runs of partly damaged storage, and says so', async ({ openSite }) => {
    const site = await open(openSite);
    const { page } = site;
    await startRun(page, 'Ca 1');
    await endRun(page);
    await startRun(page, 'Ca 2');
    await page.check(tick(ITEMS[0]!.id));
    // Damage the ended run only.
    await page.evaluate((key) => {
      const data = JSON.parse(localStorage.getItem(key) ?? '{}');
      data.history[0].date = '2026-02-30';
      localStorage.setItem(key, JSON.stringify(data));
    }, KEY);
    await page.reload();
    expect(await text(page, '[data-notices] .notice')).toContain(
      'giữ lại 1 ca, 1 ca không đọc được',
    );
    // The notice is said as the runs are read; the boxes are drawn once the page is ready.
    await page.waitForSelector(`${tick(ITEMS[0]!.id)}:enabled`);
    expect(await page.isChecked(tick(ITEMS[0]!.id))).toBe(true);
    expect(await text(page, '[data-status]')).toContain('Ca 2');
    expect(await page.$$('[data-history-list] li')).toHaveLength(0);
    expect(site.problems()).toEqual([]);
  });

  test('follows a change made in another tab of the same browser', async ({ openSite }) => {
    const site = await open(openSite);
    const other = await site.context.newPage();
    await other.clock.setFixedTime(minutes(1));
    await other.goto(site.page.url());
    await startRun(site.page);
    await other.waitForSelector('[data-item] .tick:enabled');
    await other.check(tick(ITEMS[0]!.id));
    await site.page.waitForFunction(
      (selector) => document.querySelector<HTMLInputElement>(selector)?.checked,
      tick(ITEMS[0]!.id),
    );
    expect(await text(site.page, `[id="${ITEMS[0]!.id}"] [data-done-at]`)).toBe('Xong lúc 22:11');
    expect(site.problems()).toEqual([]);
  });

  test('does a whole run by keyboard only, announcing progress', async ({ openSite }) => {
    const site = await open(openSite);
    const { page } = site;
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el
          ? `${el.tagName.toLowerCase()}#${el.id}${el.dataset.openRun ? '[run]' : ''}|${el.textContent?.trim() ?? ''}`
          : '';
      });
    /** Presses Tab (or Shift+Tab) until the focused element matches; fails after 80 presses. */
    const tabTo = async (matches: (focus: string) => boolean, back = false) => {
      for (let n = 0; n < 80; n += 1) {
        await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
        if (matches(await focused())) return;
      }
      throw new Error(`Tab never reached the element; last focus ${await focused()}`);
    };
    const announced = () => text(page, '[data-announce]');
    // Yesterday's night shift is in the history: the form proposes its hours, so the keyboard
    // passes over them (typing into time fields is the browser's own, not this page's).
    const yesterday = {
      date: '2026-11-26',
      shiftStart: '22:00',
      shiftEnd: '06:00',
      shift: 'Ca đêm',
      officer: 'Phạm Thu',
      timeZone: 'Asia/Ho_Chi_Minh',
    };
    const seeded = endStored(
      startStored(emptyStore(ROLE), yesterday, minutes(-24 * 60), 'run-hom-qua'),
      minutes(-15 * 60),
    );
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      KEY,
      serialise(seeded),
    ] as const);
    await page.reload();
    await page.waitForSelector('[data-run-panel]:not([hidden])');
    expect([await page.inputValue('#ca-tu'), await page.inputValue('#ca-den')]).toEqual([
      '22:00',
      '06:00',
    ]);
    await tabTo((f) => f.startsWith('input#ca-ten|'));
    await page.keyboard.type('Ca đêm');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lê Văn Cường');
    await page.keyboard.press('Enter');
    await waitForText(
      page,
      '[data-status]',
      'Ca đang mở: 27/11/2026 · Ca đêm 22:00–06:00 (hôm sau) · Lê Văn Cường; mở sổ lúc 22:10.',
    );
    expect(await focused()).toMatch(/^p#\|Ca đang mở/);
    expect(await announced()).toBe(
      'Đã bắt đầu ca mới: 27/11/2026 · Ca đêm 22:00–06:00 (hôm sau) · Lê Văn Cường.',
    );

    for (const [index, duty] of ITEMS.entries()) {
      await tabTo((f) => f.startsWith(`input#xong-${duty.id}|`));
      await page.keyboard.press('Space');
      expect(await page.isChecked(tick(duty.id)), duty.id).toBe(true);
      expect(await announced()).toMatch(
        new RegExp(`^Đã xong: .+ Cả ca: đã xong ${index + 1}/${ITEMS.length} việc\\.$`),
      );
      if (duty.approval) {
        await page.keyboard.press('Tab');
        expect(await focused()).toBe(`input#duyet-${duty.id}|`);
        await page.keyboard.press('Space');
        expect(await page.isChecked(`[id="duyet-${duty.id}"]`)).toBe(true);
      }
      if (index === 0) {
        await tabTo((f) => f === `input#ghi-chu-${duty.id}|`);
        await page.keyboard.type('đã phân công lúc 22:12');
      }
    }
    expect(await text(page, '[data-progress-text]')).toBe(
      `Đã xong ${ITEMS.length}/${ITEMS.length} việc`,
    );

    await tabTo((f) => f.startsWith('button#|Kết thúc ca…'), true);
    await page.keyboard.press('Enter');
    // The review opens with the focus on its heading; its last button confirms.
    await page.waitForSelector('[data-review][open]');
    await page.waitForFunction(() => document.activeElement?.id === 'xem-lai-ca');
    await tabTo((f) => f === 'button#|Kết thúc ca');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('[data-announce]')?.textContent?.startsWith('Đã kết thúc ca'),
    );
    expect(await announced()).toMatch(/^Đã kết thúc ca; mọi việc đã xong\./);
    expect(await page.isDisabled(tick(ITEMS[0]!.id))).toBe(true);

    await tabTo((f) =>
      f.includes('[run]|27/11/2026 · Ca đêm 22:00–06:00 (hôm sau) · Lê Văn Cường'),
    );
    await page.keyboard.press('Enter');
    expect(await text(page, '[data-status]')).toMatch(/^Ca đã kết thúc \(chỉ xem\)/);
    expect(await page.inputValue(note(ITEMS[0]!.id))).toBe('đã phân công lúc 22:12');
    expect(site.problems()).toEqual([]);
  });

  test.for(handbook.dutyHolders.map((role) => role.id))(
    'prints the blank checklist of %s on exactly one A4 page',
    async (roleId, { openSite }) => {
      const site = await open(openSite, `/vai-tro/${roleId}/`);
      const pages = await pdfPages(site.page);
      expect(pages.count).toBe(1);
      expect([Math.round(pages.width), Math.round(pages.height)]).toEqual([596, 843]);
      // In print media only the sheet shows, with every item of the role and blank cells.
      const rows = await printedRows(site.page);
      expect(rows).toEqual(handbook.dutiesOf(roleId).map((d) => [d.id, false, '', '']));
      expect(await site.page.isVisible('[data-checklist]')).toBe(false);
      expect(site.problems()).toEqual([]);
    },
  );

  test('prints the blank checklist without JavaScript too', async ({ openSite }) => {
    const site = await open(openSite, `/vai-tro/truong-phong-gshqtt/`, {
      javaScriptEnabled: false,
    });
    expect(await site.page.isVisible('[data-run-panel]')).toBe(false);
    expect(await site.page.isEnabled(tick(handbook.dutiesOf('truong-phong-gshqtt')[0]!.id))).toBe(
      true,
    );
    expect((await pdfPages(site.page)).count).toBe(1);
  });

  test('prints the current run ("In ca này") and the handover sheet with the open items only', async ({
    openSite,
  }) => {
    const site = await open(openSite);
    const { page } = site;
    await page.evaluate(() => {
      // Record the print request instead of opening the dialog.
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await startRun(page);
    await page.check(tick(ITEMS[0]!.id));
    await page.fill(note(ITEMS[1]!.id), 'chờ ý kiến lãnh đạo ca trực');
    await page.clock.setFixedTime(minutes(5));
    await page.check(tick(ITEMS[3]!.id));

    await page.click('[data-print-mode="run"]');
    // Printing is loaded on first use: wait for the print request.
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    await page.emulateMedia({ media: 'print' });
    expect(await printedRows(page)).toEqual(
      ITEMS.map((d, i) => [
        d.id,
        i === 0 || i === 3,
        i === 0 ? '22:10' : i === 3 ? '22:15' : '',
        i === 1 ? 'chờ ý kiến lãnh đạo ca trực' : '',
      ]),
    );
    expect(await text(page, '[data-sheet-field="shift"]')).toBe('Ca đêm 22:00–06:00 (hôm sau)');
    expect((await pdfPages(page)).count).toBe(1);

    await page.emulateMedia({ media: 'screen' });
    await page.click('[data-print-mode="handover"]');
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 2);
    await page.emulateMedia({ media: 'print' });
    expect(await text(page, '[data-sheet-title]')).toBe('Bàn giao ca: việc còn mở');
    expect(await text(page, '[data-sheet-handover]')).toBe(
      `Còn ${ITEMS.length - 2}/${ITEMS.length} việc chưa xong (lập lúc 22:15).`,
    );
    expect((await printedRows(page)).map((row) => row[0])).toEqual(
      ITEMS.filter((_, i) => i !== 0 && i !== 3).map((d) => d.id),
    );
    expect((await pdfPages(page)).count).toBe(1);

    // After printing, Ctrl+P gives the blank sheet again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await printedRows(page)).toEqual(ITEMS.map((d) => [d.id, false, '', '']));
    expect(site.problems()).toEqual([]);
  });

  // The page as loaded is the page pass's (every-page.test.ts); here, the states a run goes through.
  test.for(handbook.dutyHolders.map((role) => role.id))(
    'axe finds nothing on %s (light and dark) mid-run, in the review, ended and viewed',
    async (roleId, { openSite }) => {
      const site = await open(openSite, `/vai-tro/${roleId}/`);
      const { page } = site;
      const duties = handbook.dutiesOf(roleId);
      await startRun(page);
      await page.check(tick(duties[0]!.id));
      await page.fill(note(duties[0]!.id), 'đã xong');
      const approval = duties.find((d) => d.approval);
      if (approval) await page.check(`[id="duyet-${approval.id}"]`);
      expect(await axeInBothSchemes(page), 'mid-run').toBe('');
      await page.click('[data-end]');
      await page.waitForSelector('[data-review][open]');
      expect(await axeInBothSchemes(page), 'the end-of-shift review').toBe('');
      await page.click('[data-review-confirm]');
      await page.waitForSelector('[data-reopen]:not([hidden])');
      expect(await axeInBothSchemes(page), 'just ended').toBe('');
      await page.click('[data-open-run]');
      expect(await axeInBothSchemes(page), 'viewing an ended run').toBe('');
      expect(site.problems()).toEqual([]);
    },
  );
});
