/**
 * The shift run as its users meet it, one scenario per reported problem (issue 14), in real
 * Chromium: the journal's header is the shift as scheduled; times stay in the zone the run
 * was kept in, whatever the device's (timezoneId emulation) and whatever its clock does
 * (Chromium clock API); what a page accepts can always be exported; two tabs of one
 * browser never lose each other's changes; ending a shift goes through a review and can be
 * undone; a tab left open across a new version offers a reload and loses nothing; and the
 * shift screen on a phone puts the first item on the first screen.
 */
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { runFile, serialiseRunFile } from '../../src/lib/checklist/run-file.ts';
import { LIMITS } from '../../src/lib/checklist/schema.ts';
import { emptyStore, serialise, setDone } from '../../src/lib/checklist/state.ts';
import { storageKey } from '../../src/lib/checklist/schema.ts';
import { endRun, startRun as startStored } from '../../src/lib/checklist/runs.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import {
  clickToDownload,
  describeBrowser,
  waitForText,
  type SitePage,
} from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';
import { test, type OpenSite } from '../support/site-test.ts';
import { startStaticServer } from '../support/static-server.ts';
import { distDir } from '../support/site.ts';
import { KEY, note, ROLE, text, tick, VN } from '../support/role-page.ts';

const handbook = loadHandbook('content');
const ITEMS = handbook.dutiesOf(ROLE);
/** 16:46 in Hà Nội: the day shift is started late, after the fact. */
const LATE = new Date('2026-11-27T09:46:00.000Z');

async function open(openSite: OpenSite, at: Date, options = {}): Promise<SitePage> {
  const site = await openSite(`/vai-tro/${ROLE}/`, { ...VN, at, ...options });
  await site.page.waitForSelector('[data-run-panel]:not([hidden])');
  return site;
}

async function startRun(
  page: Page,
  hours: [string, string],
  shift = '',
  officer = 'Nguyễn Văn An',
) {
  if (!(await page.isVisible('#ca-tu'))) await page.click('[data-start] summary');
  await page.fill('#ca-tu', hours[0]);
  await page.fill('#ca-den', hours[1]);
  await page.fill('#ca-ten', shift);
  await page.fill('#ca-nguoi', officer);
  await page.click('[data-start-form] button[type=submit]');
  // Starting loads its code on first use: the run is open, or a field says why not.
  await page.waitForSelector('[data-item] .tick:enabled, [data-start-form] [aria-invalid]');
}

/** A run open in one tab, and a second tab of the same browser on the same page. */
async function twoTabs(openSite: OpenSite): Promise<{ site: SitePage; other: Page }> {
  const site = await open(openSite, LATE);
  const other = await site.context.newPage();
  await other.clock.setFixedTime(LATE);
  await startRun(site.page, ['07:30', '16:30']);
  await other.goto(site.page.url());
  await other.waitForSelector('[data-item] .tick:enabled');
  return { site, other };
}

async function logEntry(page: Page, time: string, content: string, date?: string) {
  if (!(await page.isVisible('[data-journal-form]'))) {
    await page.click('[data-journal-open] summary');
    await page.waitForSelector('[data-journal-form]:not([hidden])');
  }
  if (date) await page.fill('#nk-ngay', date);
  await page.fill('#nk-gio', time);
  await page.fill('#nk-noi-dung', content);
  await page.click('[data-journal-submit]');
}

const download = async (page: Page, selector: string) =>
  (await clickToDownload(page, selector)).bytes;

/** pdftotext of a PDF (after qpdf --check), white space squashed. */
const pdfText = (bytes: Buffer) => readPdf(bytes).text;

/** The header line of the journal: "Ngày: … Ca trực từ: 07:30 đến: 16:30 …". */
const headerOf = (text: string) => /Ngày: (\S+) Ca trực từ: (\S*) ?đến: (\S*)/.exec(text)?.slice(1);

describeBrowser('the shift run, as its users meet it', () => {
  test('1. prints the shift as scheduled: a day shift started at 16:46 with entries at 08:15 and 10:40 reads 07:30–16:30', async ({
    openSite,
  }) => {
    const site = await open(openSite, LATE);
    const { page } = site;
    await startRun(page, ['07:30', '16:30'], 'Ca ngày');
    await logEntry(page, '08:15', 'Kiểm tra camera cổng số 3');
    await logEntry(page, '10:40', 'Tờ khai nghi vấn luồng xanh');
    const shown = pdfText(await download(page, '[data-journal-pdf]'));
    expect(headerOf(shown)).toEqual(['27/11/2026', '07:30', '16:30']);
    expect(shown).toMatch(
      /08:15 Công việc thực hiện: Kiểm tra camera cổng số 3 .*10:40 Công việc thực hiện: Tờ khai nghi vấn luồng xanh/,
    );
    // The typed name and hours are in the run's label on the page and its sheets.
    expect(await text(page, '[data-status]')).toBe(
      'Ca đang mở: 27/11/2026 · Ca ngày 07:30–16:30 · Nguyễn Văn An; mở sổ lúc 16:46.',
    );
    expect(site.problems()).toEqual([]);
  });

  test('2. keeps the run in its zone: a clock set back cannot end it before it began, and a device in London shows and prints Vietnam time', async ({
    openSite,
  }) => {
    const site = await open(openSite, new Date('2026-11-27T16:50:00.000Z'));
    const { page } = site;
    await startRun(page, ['22:00', '06:00'], 'Ca đêm');
    await page.check(tick(ITEMS[0]!.id));
    await logEntry(page, '23:55', 'Nhận bàn giao số liệu');
    // The clock moves back to 22:20: ending now would end the run before it began.
    await page.clock.setFixedTime(new Date('2026-11-27T15:20:00.000Z'));
    await page.click('[data-end]');
    await page.click('[data-review-confirm]');
    await page.waitForSelector('[data-notices] .notice');
    expect(await text(page, '[data-notices] .notice')).toBe(
      'Đồng hồ của máy đang chỉ 22:20, sớm hơn lúc bắt đầu ca (23:50): hãy chỉnh lại đồng hồ rồi kết thúc ca.',
    );
    expect(await page.isVisible('[data-end]'), 'the run is still open').toBe(true);
    const stored = await page.evaluate((key) => localStorage.getItem(key) ?? '', KEY);

    // The same storage on a device set to Europe/London.
    const london = await openSite(`/vai-tro/${ROLE}/`, {
      timezoneId: 'Europe/London',
      locale: 'vi-VN',
      at: new Date('2026-11-27T17:10:00.000Z'),
    });
    const { page: inLondon } = london;
    await inLondon.evaluate(([key, value]) => localStorage.setItem(key, value), [
      KEY,
      stored,
    ] as const);
    await inLondon.reload();
    await inLondon.waitForSelector('[data-item] .tick:enabled');
    expect(await text(inLondon, '[data-status]')).toBe(
      'Ca đang mở: 27/11/2026 · Ca đêm 22:00–06:00 (hôm sau) · Nguyễn Văn An; mở sổ lúc 23:50 (giờ GMT+7, nơi ghi ca).',
    );
    expect(await text(inLondon, `[id="${ITEMS[0]!.id}"] [data-done-at]`)).toBe('Xong lúc 23:50');
    // A new entry is dated in the run's zone: 17:10 UTC is 00:10 the next day in Hà Nội.
    await inLondon.click('[data-journal-open] summary');
    await inLondon.waitForSelector('[data-journal-form]:not([hidden])');
    await inLondon.focus('#nk-noi-dung');
    expect([await inLondon.inputValue('#nk-ngay'), await inLondon.inputValue('#nk-gio')]).toEqual([
      '2026-11-28',
      '00:10',
    ]);
    await inLondon.check('[data-journal-ticked]');
    const shown = pdfText(await download(inLondon, '[data-journal-pdf]'));
    expect(headerOf(shown)).toEqual(['27/11/2026', '22:00', '06:00']);
    expect(shown).toContain('23:50 Công việc thực hiện');
    expect(shown).toContain('23:55 Công việc thực hiện: Nhận bàn giao số liệu');
    // The run file carries the run's zone, not the exporting device's.
    const file = JSON.parse((await download(inLondon, '[data-journal-json]')).toString('utf8'));
    expect(['Asia/Ho_Chi_Minh', 'Asia/Saigon']).toContain(file.run.timeZone);
    expect(file).not.toHaveProperty('timeZone');
    expect(london.problems()).toEqual([]);
  });

  test('2. refuses impossible run files by name, and asks before an import pushes a run out of a full history', async ({
    openSite,
  }) => {
    const site = await open(openSite, LATE);
    const { page } = site;
    const day = (n: number) => ({
      date: `2026-11-${String(n).padStart(2, '0')}`,
      shiftStart: '07:30',
      shiftEnd: '16:30',
      shift: `Ca ${n}`,
      officer: '',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    let full = emptyStore(ROLE);
    for (let n = 1; n <= LIMITS.history; n += 1) {
      full = endRun(
        startStored(
          full,
          day(Math.min(n, 26)),
          new Date(Date.UTC(2026, 10, Math.min(n, 26), 1, n)),
          `run-${String(n).padStart(4, '0')}`,
        ),
        new Date(Date.UTC(2026, 10, Math.min(n, 26), 9, n)),
      );
    }
    const newer = endRun(
      startStored(emptyStore(ROLE), day(27), new Date('2026-11-27T00:30:00.000Z'), 'run-newer'),
      new Date('2026-11-27T09:30:00.000Z'),
    ).history[0]!;
    const fileOf = (run: typeof newer) =>
      serialiseRunFile(runFile(run, new Date('2026-11-27T09:40:00.000Z')));
    const dialogs: string[] = [];
    let accept = false;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    });
    const importFile = async (name: string, content: string) => {
      await page.setInputFiles('[data-journal-import]', {
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(content),
      });
      await page.waitForFunction(
        () => document.querySelector('[data-journal-result]')?.textContent !== '',
      );
      const result = await text(page, '[data-journal-result]');
      await page.evaluate(() => document.querySelector('[data-journal-result]')?.replaceChildren());
      return result;
    };
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      KEY,
      serialise(full),
    ] as const);
    await page.reload();
    await page.click('[data-journal-open] summary');
    await page.waitForSelector('[data-journal-export]:not([hidden])');
    expect(
      await importFile(
        'sau.json',
        fileOf({
          ...newer,
          endedAt: '2026-11-27T08:00:00.000Z',
          startedAt: '2026-11-27T09:00:00.000Z',
        }),
      ),
    ).toBe('Không nhập được «sau.json»: Ô «lúc kết thúc ghi ca» của ca sớm hơn lúc bắt đầu ca.');
    expect(await importFile('2099.json', fileOf({ ...newer, date: '2099-11-27' }))).toBe(
      'Không nhập được «2099.json»: Ô «ngày trực» của ca ở sau ngày hôm nay.',
    );

    expect(await importFile('moi.json', fileOf(newer))).toBe(
      'Chưa nhập ca 27/11/2026 · Ca 27 07:30–16:30; không có gì thay đổi.',
    );
    expect(dialogs).toEqual([
      `Máy này đã giữ đủ ${LIMITS.history} ca. Nhập ca 27/11/2026 · Ca 27 07:30–16:30 thì ca cũ nhất, 01/11/2026 · Ca 1 07:30–16:30, sẽ bị bỏ khỏi máy. Nên xuất ca cũ đó ra tệp trước. Vẫn nhập?`,
    ]);
    expect(await page.$$('[data-history-list] li')).toHaveLength(LIMITS.history);
    accept = true;
    expect(await importFile('moi.json', fileOf(newer))).toBe(
      'Đã nhập ca 27/11/2026 · Ca 27 07:30–16:30 vào «Các ca đã qua».',
    );
    const ids = await page.evaluate(
      (key) =>
        JSON.parse(localStorage.getItem(key) ?? '{}').history.map((r: { id: string }) => r.id),
      KEY,
    );
    expect(ids[0]).toBe('run-newer');
    expect(ids).not.toContain('run-0001');
    expect(site.problems()).toEqual([]);
  });

  test('3. checks what the journal prints where it is typed, and exports everything it accepted', async ({
    openSite,
  }) => {
    const site = await open(openSite, LATE);
    const { page } = site;
    await startRun(page, ['07:30', '16:30'], 'Ca ngày', 'Nguyễn 😀');
    expect(await waitForText(page, '#ca-nguoi-loi', /./)).toBe(
      'Người trực: phông chữ của nhật ký không có «😀»; hãy bỏ hoặc thay các ký tự này.',
    );
    expect(await page.getAttribute('#ca-nguoi', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ca-nguoi');
    expect(
      await page.evaluate((key) => localStorage.getItem(key), KEY),
      'nothing started',
    ).toBeNull();
    await page.fill('#ca-nguoi', 'Trần Văn Bình');
    await page.click('[data-start-form] button[type=submit]');
    await page.waitForSelector('[data-item] .tick:enabled');

    // The officer's name can be changed while the run is open, with the same check.
    await page.click('[data-officer] summary');
    await page.fill('#ca-nguoi-sua', 'אבג');
    await page.click('[data-officer-form] button[type=submit]');
    await page.waitForSelector('#ca-nguoi-sua-loi:not([hidden])');
    expect(await text(page, '#ca-nguoi-sua-loi')).toMatch(
      /^Người trực: phông chữ của nhật ký không có/,
    );
    await page.fill('#ca-nguoi-sua', 'Nguyễn Văn An');
    await page.click('[data-officer-form] button[type=submit]');
    await page.waitForFunction(() =>
      document.querySelector('[data-status]')?.textContent?.includes('· Nguyễn Văn An;'),
    );

    // A pasted 10,000 characters: refused at the field, never cut, the stored note unchanged.
    await page.fill(note(ITEMS[0]!.id), 'đã phân công');
    await page.fill(note(ITEMS[0]!.id), 'x'.repeat(10_000));
    expect(await text(page, `[id="${ITEMS[0]!.id}"] [data-note-error]`)).toBe(
      'Ghi chú: tối đa 300 ký tự (đang có 10000); hãy viết gọn lại. Ghi chú chưa được lưu.',
    );
    expect(
      (await page.inputValue(note(ITEMS[0]!.id))).length,
      'what was typed stays in the field',
    ).toBe(10_000);
    const storedNote = () =>
      page.evaluate(
        ([key, id]) =>
          JSON.parse(localStorage.getItem(key!) ?? '{}').current.items.find(
            (i: { id: string }) => i.id === id,
          )?.note,
        [KEY, ITEMS[0]!.id],
      );
    expect(await storedNote()).toBe('đã phân công');

    // The longest note the field takes, on a ticked item, and an entry of 200 "W": both export.
    await page.fill(note(ITEMS[0]!.id), 'n'.repeat(LIMITS.note));
    await page.check(tick(ITEMS[0]!.id));
    expect(await storedNote()).toHaveLength(LIMITS.note);
    await logEntry(page, '10:00', 'W'.repeat(LIMITS.content));
    await page.check('[data-journal-ticked]');
    const shown = pdfText(await download(page, '[data-journal-pdf]'));
    expect(await text(page, '[data-journal-result]')).toMatch(/^Đã tạo nhật ký ngày 27\/11\/2026/);
    expect(shown.replace(/ /g, '')).toContain(`Côngviệcthựchiện:${'W'.repeat(20)}`);
    expect(shown.replace(/[^W]/g, '').length).toBeGreaterThanOrEqual(LIMITS.content);
    expect(site.problems()).toEqual([]);
  });

  test('4. two tabs: a note typed in one while the other ticks is kept whole, every time', async ({
    openSite,
  }) => {
    const { site, other } = await twoTabs(openSite);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const typed = `lần ${attempt + 1}: đã báo cáo lãnh đạo phòng, chờ ý kiến`;
      const item = ITEMS[(attempt % 3) + 1]!;
      await site.page.click(note(ITEMS[0]!.id));
      await site.page.fill(note(ITEMS[0]!.id), '');
      // No waits: the keystrokes of one tab and the tick of the other interleave.
      await Promise.all([site.page.keyboard.type(typed), other.check(tick(item.id))]);
      for (const page of [site.page, other]) {
        await page.waitForFunction(
          ([key, noteId, tickId, value]) => {
            const run = JSON.parse(localStorage.getItem(key!) ?? '{}').current;
            const items = run?.items ?? [];
            return (
              items.find((i: { id: string }) => i.id === noteId)?.note === value &&
              items.some((i: { id: string; doneAt?: string }) => i.id === tickId && i.doneAt)
            );
          },
          [KEY, ITEMS[0]!.id, item.id, typed] as const,
        );
      }
      await other.waitForFunction(
        ([selector, value]) => document.querySelector<HTMLInputElement>(selector!)?.value === value,
        [note(ITEMS[0]!.id), typed] as const,
      );
      await site.page.waitForFunction(
        (selector) => document.querySelector<HTMLInputElement>(selector)?.checked,
        tick(item.id),
      );
    }
    expect(site.problems()).toEqual([]);
  });

  test('4. two tabs: the same note changed in both shows the same text in both, and says so with both texts', async ({
    openSite,
  }) => {
    const { site, other } = await twoTabs(openSite);
    await Promise.all([
      site.page.fill(note(ITEMS[1]!.id), 'bản của thẻ A'),
      other.fill(note(ITEMS[1]!.id), 'bản của thẻ B'),
    ]);
    // A field being typed in keeps what is typed; each tab shows the kept text once it leaves it.
    for (const page of [site.page, other]) await page.locator(note(ITEMS[1]!.id)).blur();
    const values = async () => [
      await site.page.inputValue(note(ITEMS[1]!.id)),
      await other.inputValue(note(ITEMS[1]!.id)),
    ];
    let [a, b] = await values();
    for (let n = 0; n < 50 && a !== b; n += 1) {
      await site.page.waitForTimeout(100);
      [a, b] = await values();
    }
    expect(a, 'both tabs show one note').toBe(b);
    const [winner, loser] = a === 'bản của thẻ A' ? [site.page, other] : [other, site.page];
    const lost = a === 'bản của thẻ A' ? 'bản của thẻ B' : 'bản của thẻ A';
    // The notice is by the note's field, in its item.
    const byField = `[data-item="${ITEMS[1]!.id}"] .notice`;
    await loser.waitForSelector(byField);
    const notice = await text(loser, byField);
    expect(notice).toContain(`Đang giữ: ‘${a}’. Bản ở thẻ này: ‘${lost}’.`);
    expect(await winner.$$('.notice')).toHaveLength(0);
    // "Dùng ghi chú của thẻ này" puts the lost text back, in both tabs.
    await loser.click(`${byField} button`);
    await winner.waitForFunction(
      ([selector, value]) => document.querySelector<HTMLInputElement>(selector!)?.value === value,
      [note(ITEMS[1]!.id), lost] as const,
    );
    expect(await loser.inputValue(note(ITEMS[1]!.id))).toBe(lost);
    expect(site.problems()).toEqual([]);
  });

  test('4. two tabs: a note the other tab wrote just before this one, heard only after this tab wrote its own, is shown with both texts and kept', async ({
    openSite,
  }) => {
    const site = await open(openSite, LATE);
    const { page } = site;
    await startRun(page, ['07:30', '16:30']);
    const id = ITEMS[1]!.id;
    // What the other tab wrote: the same note, by a clock a second ahead of this one.
    const theirs = await page.evaluate(
      ([key, item]) => {
        const store = JSON.parse(localStorage.getItem(key!)!);
        const run = store.current;
        run.items = [
          ...run.items.filter((i: { id: string }) => i.id !== item),
          { id: item, note: 'bản của thẻ B', stamps: { note: run.stamp + 1000 } },
        ];
        return JSON.stringify(store);
      },
      [KEY, id] as const,
    );
    // This tab writes its own text over it before the browser tells it of the other tab's write,
    // whose storage event carries the text written then, not what the storage holds now.
    await page.fill(note(id), 'bản của thẻ A');
    await page.evaluate(
      ([key, value]) =>
        window.dispatchEvent(
          new StorageEvent('storage', { key, newValue: value, storageArea: localStorage }),
        ),
      [KEY, theirs] as const,
    );
    const byField = `[data-item="${id}"] .notice`;
    await page.waitForSelector(byField);
    expect(await text(page, byField)).toContain(
      'Đang giữ: ‘bản của thẻ B’. Bản ở thẻ này: ‘bản của thẻ A’.',
    );
    const stored = () =>
      page.evaluate(
        ([key, item]) =>
          JSON.parse(localStorage.getItem(key!)!).current.items.find(
            (i: { id: string }) => i.id === item,
          )?.note,
        [KEY, id] as const,
      );
    // The page and the storage agree on the text kept (once the field is left), so that it
    // outlives both tabs.
    await page.locator(note(id)).blur();
    expect(await page.inputValue(note(id))).toBe('bản của thẻ B');
    expect(await stored()).toBe('bản của thẻ B');
    await page.click(`${byField} button`);
    expect(await page.inputValue(note(id))).toBe('bản của thẻ A');
    expect(await stored()).toBe('bản của thẻ A');
    expect(site.problems()).toEqual([]);
  });

  test('5. ends a shift through a review, from which the handover and the journal are one click away, and can undo it', async ({
    openSite,
  }) => {
    const site = await open(openSite, LATE);
    const { page } = site;
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    expect(await page.isVisible('[data-back]'), 'no open run to go back to').toBe(false);
    await startRun(page, ['07:30', '16:30']);
    await page.check(tick(ITEMS[0]!.id));
    await logEntry(page, '09:00', 'Nhận bàn giao');
    // "Kết thúc ca…" is secondary and last in its row.
    expect(
      await page.$eval('[data-end]', (b) => [
        b.classList.contains('secondary'),
        b === b.parentElement?.lastElementChild,
      ]),
    ).toEqual([true, true]);
    await page.click('[data-end]');
    await page.waitForSelector('[data-review][open]');
    const review = await text(page, '[data-review]');
    expect(review).toContain(
      '27/11/2026 · 07:30–16:30 · Nguyễn Văn An. Mở sổ lúc 16:46; đã xong 1/7 việc.',
    );
    expect(review).toContain(`Còn ${ITEMS.length - 1} việc chưa xong:`);
    expect(review).toContain('Nhật ký của ca: 1 mục.');
    expect(await page.$$eval('[data-review] h3', (hs) => hs.length)).toBeGreaterThan(0);
    await page.click('[data-review-handover]');
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    expect(await text(page, '[data-sheet-title]')).toBe('Bàn giao ca: việc còn mở');
    // The review guards the end: printing from it leaves it open, and prints the sheet alone.
    expect(await page.isVisible('[data-review]'), 'the review stays open after printing').toBe(
      true,
    );
    const printed = readPdf(await page.pdf({ format: 'A4' })).text;
    expect(printed).toContain('Bàn giao ca: việc còn mở');
    expect(printed).not.toContain('Xem lại trước khi kết thúc ca');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-review-journal-pdf]'),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    // So does the journal's PDF, and the review says what was made, with the file again.
    expect(await page.isVisible('[data-review]'), 'the review stays open after the PDF').toBe(true);
    await waitForText(page, '[data-review-result]', /^Đã tạo nhật ký/);
    expect(await page.isVisible('[data-review-result] a[download]')).toBe(true);
    await page.click('[data-review-cancel]');
    expect(await page.isVisible('[data-review]')).toBe(false);
    expect(await page.isEnabled(tick(ITEMS[1]!.id)), 'still open').toBe(true);
    await page.click('[data-end]');
    await page.click('[data-review-confirm]');
    await page.waitForSelector('[data-reopen]:not([hidden])');
    expect(await text(page, '[data-status]')).toMatch(/^Ca đã kết thúc \(chỉ xem\): 27\/11\/2026/);
    expect(await page.isVisible('[data-back]'), 'no open run to go back to').toBe(false);
    expect(await page.isDisabled(tick(ITEMS[1]!.id))).toBe(true);
    await page.click('[data-reopen]');
    await waitForText(page, '[data-status]', /^Ca đang mở: 27\/11\/2026/);
    expect(await page.isChecked(tick(ITEMS[0]!.id))).toBe(true);
    expect(await page.$$('[data-history-list] li')).toHaveLength(0);
    expect(site.problems()).toEqual([]);
  });

  test('6. a tab left open across a new version offers a reload, and nothing typed is lost', async ({
    browser,
  }) => {
    // A copy of the built site, served on its own, whose code files are then replaced.
    const root = mkdtempSync(join(tmpdir(), 'stale-site-'));
    cpSync(distDir, root, { recursive: true });
    const server = await startStaticServer({ root });
    const context = await browser.newContext({ ...VN, serviceWorkers: 'block' });
    const page = await context.newPage();
    const chunk = (name: string) =>
      readdirSync(join(root, '_astro')).find((file) =>
        new RegExp(`^${name}\\.[\\w-]+\\.js$`).test(file),
      )!;
    try {
      await page.clock.setFixedTime(LATE);
      await page.goto(`${server.baseUrl}vai-tro/${ROLE}/`);
      await page.waitForSelector('[data-run-panel]:not([hidden])');
      await startRun(page, ['07:30', '16:30']);
      await page.fill(note(ITEMS[0]!.id), 'ghi chú trước khi có bản mới');
      await page.click('[data-journal-open] summary');
      await page.waitForSelector('[data-journal-form]:not([hidden])');
      await page.fill('#nk-noi-dung', 'mục đang gõ dở');

      // The new version renames the PDF code: the old page asks for a file that is gone.
      const pdfChunk = chunk('pdf');
      renameSync(join(root, '_astro', pdfChunk), join(root, '_astro', `${pdfChunk}.cu`));
      await page.click('[data-journal-pdf]');
      await page.waitForSelector('[data-journal-result] .notice');
      expect(await text(page, '[data-journal-result] .notice')).toBe(
        'Không tải được phần tạo nhật ký (PDF): sổ tay trên máy chủ đã có phiên bản mới. Tải lại trang để dùng bản mới; những gì đã ghi không mất.Tải lại trang',
      );
      renameSync(join(root, '_astro', `${pdfChunk}.cu`), join(root, '_astro', pdfChunk));
      await Promise.all([
        page.waitForEvent('load'),
        page.click('[data-journal-result] .notice button'),
      ]);
      await page.waitForSelector('[data-item] .tick:enabled');
      expect(await page.inputValue(note(ITEMS[0]!.id))).toBe('ghi chú trước khi có bản mới');
      await page.click('[data-journal-open] summary');
      await page.waitForSelector('[data-journal-form]:not([hidden])');
      expect(await page.inputValue('#nk-noi-dung'), 'the entry being typed is kept').toBe(
        'mục đang gõ dở',
      );

      // The journal log's own code gone: opening the log says so, with the same reload.
      const freshContext = await browser.newContext({ ...VN, serviceWorkers: 'block' });
      const fresh = await freshContext.newPage();
      await fresh.clock.setFixedTime(LATE);
      await fresh.goto(`${server.baseUrl}vai-tro/${ROLE}/`);
      await fresh.waitForSelector('[data-run-panel]:not([hidden])');
      rmSync(join(root, '_astro', chunk('journal-log')));
      await fresh.click('[data-journal-open] summary');
      await fresh.waitForSelector('[data-journal-log] .notice');
      expect(await text(fresh, '[data-journal-log] .notice')).toMatch(
        /^Không mở được nhật ký: sổ tay trên máy chủ đã có phiên bản mới\. Tải lại trang/,
      );
      expect(await fresh.isVisible('[data-journal-log] .notice button')).toBe(true);
      await freshContext.close();
    } finally {
      await context.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('7. on a phone, the first item of an open run is on the first screen below the run header; the basis and flows fold behind one control per item', async ({
    openSite,
  }) => {
    const site = await open(openSite, LATE, { viewport: { width: 390, height: 844 } });
    const { page } = site;
    await startRun(page, ['07:30', '16:30']);
    await page.waitForSelector('[data-item] .tick:enabled');
    const gap = await page.evaluate(() => {
      const head = document.querySelector('#ca-truc')!.getBoundingClientRect().top;
      const first = Math.min(
        ...[...document.querySelectorAll('.tick')].map((t) => t.getBoundingClientRect().top),
      );
      return first - head;
    });
    expect(gap).toBeLessThan(844 - 40);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const folds = await page.$$eval('[data-item]', (items) =>
      items.map((item) => [
        item.querySelectorAll(':scope > details.duty-more').length,
        item.querySelectorAll('.can-cu, .flow-links').length ===
          item.querySelectorAll('details.duty-more .can-cu, details.duty-more .flow-links').length,
      ]),
    );
    expect(folds.every(([count, inside]) => count === 1 && inside === true)).toBe(true);
    // The progress line stays in view at the last item.
    await page.evaluate(() =>
      [...document.querySelectorAll('[data-item]')].at(-1)?.scrollIntoView(),
    );
    const sticky = await page.$eval(
      '[data-progress-sticky]',
      (bar) => bar.getBoundingClientRect().top,
    );
    expect(sticky).toBeGreaterThanOrEqual(0);
    expect(sticky).toBeLessThan(5);
    expect(await text(page, '[data-progress-sticky]')).toBe('Đã xong 0/7 việc · Về phần ca trực');
    expect(site.problems()).toEqual([]);
  });
  test('8. on a 390 × 844 phone, a page opened mid-shift shows the first box of the moment in progress on its first screen, for every role; no keyboard shortcut is told', async ({
    openSite,
  }) => {
    const site = await openSite(null, { ...VN, at: LATE, viewport: { width: 390, height: 844 } });
    const { page } = site;
    await site.goto('/vai-tro/');
    for (const role of handbook.dutyHolders.map((r) => r.id)) {
      // Mid-shift: the first moment's items are done, so the next one is in progress.
      const items = handbook.dutiesOf(role);
      const first = items.filter((item) => item.moments[0] === items[0]!.moments[0]);
      let store = startStored(
        emptyStore(role),
        {
          date: '2026-11-27',
          shiftStart: '07:30',
          shiftEnd: '16:30',
          officer: 'Nguyễn Văn An',
          timeZone: 'Asia/Ho_Chi_Minh',
        },
        new Date('2026-11-27T00:35:00.000Z'),
        'run-phone',
      );
      for (const item of first)
        store = setDone(store, item.id, true, new Date('2026-11-27T01:00:00.000Z'));
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
        storageKey(role),
        serialise(store),
      ] as const);
      await site.goto(`/vai-tro/${role}/`);
      await page.waitForSelector('[data-item] .tick:enabled');
      const box = await page.evaluate(() => {
        const moments = [...document.querySelectorAll<HTMLElement>('[data-moment]')].filter(
          (moment) =>
            [...moment.querySelectorAll<HTMLInputElement>('.tick')].some((t) => !t.checked),
        );
        const inProgress = moments.sort(
          (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
        )[0]!;
        const tick = inProgress.querySelector<HTMLInputElement>('.tick')!;
        return {
          bottom: tick.getBoundingClientRect().bottom + window.scrollY,
          scrolled: window.scrollY,
        };
      });
      expect(box.scrolled, role).toBe(0);
      expect(box.bottom, `${role}: the first box of the moment in progress`).toBeLessThanOrEqual(
        844,
      );
      expect(await page.textContent('main'), role).not.toMatch(/Ctrl|⌘/);
    }
    expect(site.problems()).toEqual([]);
  });
});
