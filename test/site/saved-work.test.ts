/**
 * Saved work at its edges, in real Chromium (issue «one store for all saved work»): two tabs
 * of one context at the journal's cap; a tab left open across a new version of the site (a
 * copy with renamed chunks); storage full (an init script makes Storage.setItem throw
 * QuotaExceededError) or blocked (the localStorage and sessionStorage getters throw); a
 * newer version's store; pasted text over a limit; a stored run in a zone no browser knows;
 * a clock set back (the clock API); an entry removed in one tab while another edits it; on a
 * phone, a note's notice where the note is typed, far down the list from the run panel.
 * Each scenario was watched failing on main before the change it checks.
 */
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, ViewportSize as Viewport } from 'playwright-core';
import { expect } from 'vitest';
import { addEntry } from '../../src/lib/checklist/entries.ts';
import { startRun as startStored } from '../../src/lib/checklist/runs.ts';
import { LIMITS, type Store } from '../../src/lib/checklist/schema.ts';
import { emptyStore, serialise } from '../../src/lib/checklist/state.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { describeBrowser, waitForText } from '../support/browser.ts';
import { OFFLINE_NOW } from '../../src/lib/site/offline-wording.ts';
import { test, type OpenSite } from '../support/site-test.ts';
import { distDir } from '../support/site.ts';
import { startStaticServer } from '../support/static-server.ts';
import { KEY, note, ROLE, startRun, tick, VN } from '../support/role-page.ts';
import { deafening, type Deaf } from '../support/deaf-tabs.ts';

const handbook = loadHandbook('content');
const ITEMS = handbook.dutiesOf(ROLE);
/** 16:46 in Hà Nội. */
const LATE = new Date('2026-11-27T09:46:00.000Z');

/** A stored run opened at LATE with `entries` journal entries. */
function storedRun(entries: number, zone = 'Asia/Ho_Chi_Minh'): Store {
  let store = startStored(
    emptyStore(ROLE),
    {
      date: '2026-11-27',
      shiftStart: '07:30',
      shiftEnd: '16:30',
      officer: 'Nguyễn Văn An',
      timeZone: zone,
    },
    new Date(LATE.getTime() - 3_600_000),
    'run-0001',
  );
  for (let n = 0; n < entries; n += 1)
    store = addEntry(
      store,
      { date: '2026-11-27', time: '08:00', kind: 'cong-viec', content: `Mục số ${n + 1}` },
      `e-${String(n).padStart(4, '0')}`,
      new Date(LATE.getTime() - 3_000_000),
    );
  return store;
}

/** Puts `text` under the runs' key before the page's first script, once per context. */
const seed = (context: BrowserContext, text: string) =>
  context.addInitScript(
    ([key, value]) => {
      if (localStorage.getItem(key!) === null && !sessionStorage.getItem('seeded')) {
        localStorage.setItem(key!, value!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [KEY, text],
  );

/** Makes Storage.setItem throw QuotaExceededError while `window.full` is true (true at first). */
const fillStorage = (context: BrowserContext) =>
  context.addInitScript(() => {
    const set = Storage.prototype.setItem;
    (window as unknown as { full: boolean }).full = true;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as unknown as { full: boolean }).full)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return set.call(this, key, value);
    };
  });

const openLog = async (page: Page) => {
  if (!(await page.isVisible('[data-journal-form]'))) {
    await page.click('[data-journal-open] summary');
    await page.waitForSelector('[data-journal-form]:not([hidden])');
  }
};

const stored = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as Store | null, KEY);

const asideKeys = (page: Page) =>
  page.evaluate(
    (key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}:set-aside:`)),
    KEY,
  );

/** The role page with `store` seeded, open in two tabs of one context at LATE. */
async function twoTabs(openSite: OpenSite, store: Store, viewport?: Viewport) {
  const site = await openSite(null, { ...VN, at: LATE, ...(viewport && { viewport }) });
  await seed(site.context, serialise(store));
  await deafening(site.context);
  await site.goto(`/vai-tro/${ROLE}/`);
  const b = await site.context.newPage();
  await b.clock.setFixedTime(LATE);
  await b.goto(site.page.url());
  return { site, a: site.page, b };
}

describeBrowser('saved work at its edges', () => {
  test('1. two tabs adding the 100th entry at once keep the journal at its cap, set nothing aside, and the tab whose entry went says so', async ({
    openSite,
  }) => {
    const site = await openSite(null, { ...VN, at: LATE });
    await seed(site.context, serialise(storedRun(LIMITS.entries - 1)));
    await site.goto(`/vai-tro/${ROLE}/`);
    const a = site.page;
    const b = await site.context.newPage();
    await b.clock.setFixedTime(LATE);
    await b.goto(a.url());
    for (const page of [a, b]) {
      await page.waitForSelector('[data-item] .tick:enabled');
      await openLog(page);
      await page.fill('#nk-gio', '09:00');
    }
    await a.fill('#nk-noi-dung', 'Thẻ A: mục thứ 100');
    await b.fill('#nk-noi-dung', 'Thẻ B: mục thứ 100');
    // Both submit in the same turn.
    await Promise.all(
      [a, b].map((page) =>
        page.evaluate(() =>
          document.querySelector<HTMLFormElement>('[data-journal-form]')!.requestSubmit(),
        ),
      ),
    );
    await a.waitForTimeout(1500);
    const [inA, inB] = await Promise.all([stored(a), stored(b)]);
    expect(inA!.current!.journal).toHaveLength(LIMITS.entries);
    expect(inB).toEqual(inA);
    expect(await asideKeys(a)).toEqual([]);
    const kept = inA!.current!.journal.find((e) => e.content.startsWith('Thẻ'))!.content;
    const loser = kept.startsWith('Thẻ A') ? b : a;
    const lost = kept.startsWith('Thẻ A') ? 'Thẻ B: mục thứ 100' : 'Thẻ A: mục thứ 100';
    await waitForText(loser, '[data-notices]', new RegExp(lost));
    await a.reload();
    await a.waitForSelector('[data-item] .tick:enabled');
    expect((await stored(a))!.current!.journal).toHaveLength(LIMITS.entries);
    expect(site.problems()).toEqual([]);
  });

  test("2. a tab left open across a new version neither writes over another tab's work nor goes dead: it offers a reload, and the other tab's tick and note are there after it", async ({
    browser,
  }) => {
    const root = mkdtempSync(join(tmpdir(), 'saved-new-version-'));
    cpSync(distDir, root, { recursive: true });
    const server = await startStaticServer({ root });
    const context = await browser.newContext({ ...VN, serviceWorkers: 'block' });
    try {
      const a = await context.newPage();
      await a.clock.setFixedTime(LATE);
      await a.goto(`${server.baseUrl}vai-tro/${ROLE}/`);
      await startRun(a);
      // The new version: every chunk loaded on first use renamed, and every reference to it.
      const astro = join(root, '_astro');
      const lazy = readdirSync(astro).filter((f) =>
        /^(merge|shift-actions|load|read|saved-notices)\.[\w-]+\.js$/.test(f),
      );
      expect(lazy.length).toBeGreaterThanOrEqual(4);
      const files = (dir: string): string[] =>
        readdirSync(dir).flatMap((f) => {
          const path = join(dir, f);
          return statSync(path).isDirectory() ? files(path) : /\.(js|html)$/.test(f) ? [path] : [];
        });
      for (const chunk of lazy)
        renameSync(join(astro, chunk), join(astro, chunk.replace('.js', '-v2.js')));
      for (const file of files(root)) {
        const text = readFileSync(file, 'utf8');
        const next = lazy.reduce(
          (t, chunk) => t.split(chunk).join(chunk.replace('.js', '-v2.js')),
          text,
        );
        if (next !== text) writeFileSync(file, next);
      }
      const b = await context.newPage();
      await b.clock.setFixedTime(LATE);
      await b.goto(`${server.baseUrl}vai-tro/${ROLE}/`);
      await b.waitForSelector('[data-item] .tick:enabled');
      await b.check(tick(ITEMS[1]!.id));
      await b.fill(note(ITEMS[1]!.id), 'ghi chú của thẻ B');
      await b.close();
      // A hears B, cannot load the code to merge it: it says so, and writes nothing over it.
      await waitForText(
        a,
        '[data-notices] .notice',
        'Trang không tải được phần cần dùng: sổ tay trên máy chủ đã có phiên bản mới. Tải lại trang để dùng bản mới; những gì đã lưu không mất, nhưng thay đổi làm trên trang này từ giờ sẽ không được lưu.Tải lại trang',
      );
      await a.check(tick(ITEMS[2]!.id));
      const kept = (await stored(a))!.current!;
      expect(kept.items.find((i) => i.id === ITEMS[1]!.id)?.note).toBe('ghi chú của thẻ B');
      expect(kept.items.find((i) => i.id === ITEMS[2]!.id)?.doneAt).toBeUndefined();
      // Nothing is dead: the notice says why, and its button reloads.
      expect(await a.isVisible('[data-notices] .notice button')).toBe(true);
      await Promise.all([a.waitForEvent('load'), a.click('[data-notices] .notice button')]);
      await a.waitForSelector('[data-item] .tick:enabled');
      expect(await a.isChecked(tick(ITEMS[1]!.id))).toBe(true);
      expect(await a.inputValue(note(ITEMS[1]!.id))).toBe('ghi chú của thẻ B');
    } finally {
      await context.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('3. practice with storage full says the answer was not kept, beside the verdict; an import says the same', async ({
    openSite,
  }) => {
    const site = await openSite(null, VN);
    await fillStorage(site.context);
    await site.goto('/hoc-tap/luyen-tap/');
    const { page } = site;
    await page.click('[data-start]');
    await page.waitForSelector('[data-session] input[name="dap-an"]');
    await page.evaluate(() => {
      document.querySelector<HTMLInputElement>('[data-session] input[name="dap-an"]')!.checked =
        true;
      document.querySelector<HTMLButtonElement>('[data-session] [data-answer]')!.click();
    });
    await page.waitForSelector('[data-feedback]:not(:empty)');
    expect(await page.textContent('[data-session] [data-not-saved]')).toMatch(
      /^Trình duyệt không cho lưu \(bộ nhớ đầy hoặc bị chặn\)/,
    );
    await waitForText(page, '[data-notices] .notice', /Tải bản hiện tại về máy/);
    expect(await page.evaluate(() => localStorage.getItem('so-tay-truc-ban:hoc-tap'))).toBeNull();

    const path = await openSite(null, VN);
    await fillStorage(path.context);
    await path.goto('/hoc-tap/');
    const file = {
      name: 'tien-do.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'so-tay-truc-ban/hoc-tap',
          version: 1,
          learner: { name: 'An', role: null, stamp: 1 },
          answers: [
            { id: 'a1', q: 'x:1', day: '2026-11-27', at: '2026-11-27T01:00:00.000Z', right: true },
          ],
          marks: [],
        }),
      ),
    };
    await path.page.setInputFiles('[data-import]', file);
    await waitForText(path.page, '[data-message]', /nhưng trình duyệt không cho lưu/);
  });

  test("4. with a newer version's runs stored and storage full, the notice says the copy is not kept and offers it; nothing is written over it until it is downloaded", async ({
    openSite,
  }) => {
    const newer = JSON.stringify({
      format: 'so-tay-truc-ban/checklist',
      version: 9,
      role: ROLE,
      current: null,
      history: [],
    });
    const site = await openSite(null, { ...VN, at: LATE });
    await seed(site.context, newer);
    await fillStorage(site.context);
    await site.goto(`/vai-tro/${ROLE}/`);
    const { page } = site;
    const notice = await waitForText(page, '[data-notices] .notice', /không cất được bản cũ/);
    expect(notice).not.toContain('không bị xóa');
    expect(await page.textContent('[data-notices] a[download]')).toBe('Tải bản cũ về máy');
    await page.evaluate(() => ((window as unknown as { full: boolean }).full = false));
    await startRun(page);
    await waitForText(page, '[data-notices]', /trang đang chờ bạn tải bản cũ về máy/);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(newer);
    await page.click('[data-notices] a[download]');
    await waitForText(page, '[data-notices]', /Đã tải bản cũ về máy/);
    expect((await stored(page))!.current).not.toBeNull();
  });

  test('5. with site data blocked, the journal log opens and says that nothing can be kept', async ({
    openSite,
  }) => {
    const site = await openSite(null, { ...VN, at: LATE });
    await site.context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage'])
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('The user has blocked access to storage.', 'SecurityError');
          },
        });
    });
    await site.goto(`/vai-tro/${ROLE}/`);
    const { page } = site;
    await page.waitForSelector('[data-run-panel]:not([hidden])');
    await startRun(page);
    await waitForText(page, '[data-notices] .notice', /^Trình duyệt không cho lưu/);
    await openLog(page);
    expect(await page.isVisible('[data-journal-loading]')).toBe(false);
    await page.fill('#nk-noi-dung', 'Ghi khi bộ nhớ bị chặn');
    await page.click('[data-journal-submit]');
    await waitForText(page, '[data-journal-result]', /^Trình duyệt không cho lưu/);
  });

  test('6. pasted text over a limit stays as typed, with the count and what to do at the field', async ({
    openSite,
  }) => {
    const site = await openSite(null, { ...VN, at: LATE });
    await site.goto(`/vai-tro/${ROLE}/`);
    const { page } = site;
    await startRun(page);
    await openLog(page);
    const long = 'Xe 51C-123.45 vào bãi, niêm phong bị cắt; '.repeat(250);
    await page.fill('#nk-noi-dung', long);
    expect(await page.inputValue('#nk-noi-dung')).toBe(long);
    expect(await page.textContent('#nk-noi-dung-qua-dai')).toBe(
      `Tối đa ${LIMITS.content} ký tự, đang có ${long.length}: hãy viết gọn lại. Chữ đã gõ vẫn giữ nguyên trong ô; khi đủ ngắn mới ghi và xuất được.`,
    );
    // A tone mark typed at the limit is not dropped: "ễ" typed decomposed stays whole.
    const nfd = `${'a'.repeat(LIMITS.content - 1)}${'ễ'.normalize('NFD')}`;
    await page.fill('#nk-noi-dung', nfd);
    expect((await page.inputValue('#nk-noi-dung')).normalize('NFC').endsWith('ễ')).toBe(true);
    expect(await page.isVisible('#nk-noi-dung-qua-dai')).toBe(false);
  });

  test('7. a stored run in a zone no browser knows is set aside, and the page keeps working', async ({
    openSite,
  }) => {
    const bad = storedRun(1);
    const text = serialise(bad).replace('"Asia/Ho_Chi_Minh"', '"America/Nowhere"');
    const site = await openSite(null, { ...VN, at: LATE });
    await seed(site.context, text);
    await site.goto(`/vai-tro/${ROLE}/`);
    const { page } = site;
    await waitForText(
      page,
      '[data-notices] .notice',
      /Bản lưu cũ được cất riêng trong trình duyệt, không bị xóa\./,
    );
    await startRun(page);
    await page.check(tick(ITEMS[0]!.id));
    expect(await page.isChecked(tick(ITEMS[0]!.id))).toBe(true);
    expect(site.problems()).toEqual([]);
  });

  test('9. a clock set back cannot start a new run that would end the open one before it began', async ({
    openSite,
  }) => {
    const site = await openSite(null, { ...VN, at: new Date('2026-11-27T15:50:00.000Z') });
    await site.goto(`/vai-tro/${ROLE}/`);
    const { page } = site;
    await startRun(page);
    await page.clock.setFixedTime(new Date('2026-11-27T14:20:00.000Z'));
    if (!(await page.isVisible('#ca-tu'))) await page.click('[data-start] summary');
    await page.fill('#ca-tu', '22:00');
    await page.fill('#ca-den', '06:00');
    await page.click('[data-start-form] button[type=submit]');
    await waitForText(
      page,
      '[data-start-form] [data-error-for]:not([hidden])',
      'Đồng hồ của máy đang chỉ 21:20, sớm hơn lúc bắt đầu ca (22:50): hãy chỉnh lại đồng hồ rồi bắt đầu ca mới.',
    );
    expect((await stored(page))!.history).toEqual([]);
  });

  test('11. an entry being edited in one tab and removed in the other keeps the text in the form, and says so', async ({
    openSite,
  }) => {
    const { a, b } = await twoTabs(openSite, storedRun(1));
    for (const page of [a, b]) {
      await page.waitForSelector('[data-item] .tick:enabled');
      await openLog(page);
    }
    await a.click('[data-edit="e-0000"]');
    await a.fill('#nk-noi-dung', 'Đang sửa dở ở thẻ A');
    b.once('dialog', (dialog) => void dialog.accept());
    await b.click('[data-remove="e-0000"]');
    await waitForText(a, '[data-journal-result]', /Mục đang sửa đã bị xóa ở thẻ khác/);
    expect(await a.inputValue('#nk-noi-dung')).toBe('Đang sửa dở ở thẻ A');
    await a.click('[data-journal-submit]');
    await a.waitForFunction(
      () => document.querySelectorAll('[data-journal-list] [data-edit]').length === 1,
    );
    expect((await stored(a))!.current!.journal.map((e) => e.content)).toEqual([
      'Đang sửa dở ở thẻ A',
    ]);
  });

  test('11. the same note typed at once in two tabs, key by key, is never stored as a mix of both: one text is kept in both tabs, and the other is shown in one of them', async ({
    openSite,
  }) => {
    const { a, b } = await twoTabs(openSite, storedRun(0));
    for (const page of [a, b]) await page.waitForSelector('[data-item] .tick:enabled');
    const field = note(ITEMS[0]!.id);
    const [textA, textB] = ['Nội dung của A', 'Nội dung của B'];
    await Promise.all([
      a.locator(field).pressSequentially(textA, { delay: 15 }),
      b.locator(field).pressSequentially(textB, { delay: 15 }),
    ]);
    // Each tab leaves the field, as a person moves on to the next item.
    for (const page of [a, b]) await page.locator(field).blur();
    const noteOf = async (page: Page) =>
      (await stored(page))!.current!.items.find((i) => i.id === ITEMS[0]!.id)?.note ?? '';
    // Both tabs settle on the stored text (keys still being handled may change it once more).
    const settled = async () => {
      const [inStore, inA, inB] = [
        await noteOf(a),
        await a.inputValue(field),
        await b.inputValue(field),
      ];
      return inA === inStore && inB === inStore
        ? inStore
        : `A «${inA}», B «${inB}», kept «${inStore}»`;
    };
    await expect.poll(settled, { timeout: 15_000 }).toMatch(/^Nội dung của [AB]$/);
    const kept = await noteOf(a);
    const lost = kept === textA ? textB : textA;
    // The text not kept is shown with a button to use it, by the note's field: in the tab that
    // typed it (its text was replaced), or in the tab that typed on over it unseen (its field
    // kept what it typed).
    const shown = async () =>
      (
        await Promise.all(
          [a, b].map((page) =>
            page.locator(`[data-item="${ITEMS[0]!.id}"] .notice`).allTextContents(),
          ),
        )
      )
        .flat()
        .join(' | ');
    await expect.poll(shown, { timeout: 15_000 }).toContain(`‘${lost}’`);
  });

  test("11. a note typed on over another tab's text that arrived while typing keeps this tab's text, and shows the other with a button to use it", async ({
    openSite,
  }) => {
    const site = await openSite(null, { ...VN, at: LATE });
    await seed(site.context, serialise(storedRun(0)));
    await site.goto(`/vai-tro/${ROLE}/`);
    const { page } = site;
    await page.waitForSelector('[data-item] .tick:enabled');
    const id = ITEMS[0]!.id;
    await page.locator(note(id)).pressSequentially('Bản của thẻ này');
    // The other tab's text arrives while the field is being typed in.
    const theirs = await page.evaluate(
      ([key, item]) => {
        const store = JSON.parse(localStorage.getItem(key!)!);
        const run = store.current;
        const mine = run.items.find((i: { id: string }) => i.id === item);
        mine.note = 'Bản của thẻ kia';
        mine.stamps = { ...mine.stamps, note: mine.stamps.note + 1000 };
        return JSON.stringify(store);
      },
      [KEY, id] as const,
    );
    await page.evaluate(
      ([key, value]) => {
        localStorage.setItem(key!, value!);
        window.dispatchEvent(
          new StorageEvent('storage', { key, newValue: value, storageArea: localStorage }),
        );
      },
      [KEY, theirs] as const,
    );
    // Heard: this tab's text was replaced, and is shown by the field, which keeps what is typed
    // (no mix).
    const notice = `[data-item="${id}"] .notice`;
    await waitForText(page, notice, /Đang giữ: ‘Bản của thẻ kia’/);
    expect(await page.inputValue(note(id))).toBe('Bản của thẻ này');
    // The next key keeps this tab's text: the notice now shows the other tab's, to use it.
    await page.locator(note(id)).press('.');
    await expect
      .poll(async () => (await stored(page))!.current!.items.find((i) => i.id === id)?.note)
      .toBe('Bản của thẻ này.');
    await waitForText(page, notice, /^[^‘]*‘[^’]*’[^‘]*Bản ở thẻ kia: ‘Bản của thẻ kia’/);
    expect(await page.locator(notice).count()).toBe(1);
    expect(await page.locator('[data-notices] .notice').count()).toBe(0);
    await page.click(`${notice} button`);
    await expect
      .poll(async () => (await stored(page))!.current!.items.find((i) => i.id === id)?.note)
      .toBe('Bản của thẻ kia');
    expect(await page.inputValue(note(id))).toBe('Bản của thẻ kia');
    expect(site.problems()).toEqual([]);
  });

  // A phone: the run panel's notices are far above a note typed down the list.
  const PHONE = { width: 390, height: 844 };

  /**
   * Tab B of two phone tabs types the note of an item far down the list, its field scrolled
   * to the bottom of the screen as a person scrolls to it. With `unheard`, tab A does not hear
   * B until `hear()`: B's writes wait, as when two people type at once.
   */
  async function typingFarDown(openSite: OpenSite, unheard = false) {
    const tabs = await twoTabs(openSite, storedRun(0), PHONE);
    for (const page of [tabs.a, tabs.b]) await page.waitForSelector('[data-item] .tick:enabled');
    if (unheard) await tabs.a.evaluate(() => (window as unknown as Deaf).deafen());
    // B's console errors and failures (a refused style among them), as site.problems() are A's.
    const troubles: string[] = [];
    tabs.b.on(
      'console',
      (message) => void (message.type() === 'error' && troubles.push(message.text())),
    );
    tabs.b.on('pageerror', (error) => void troubles.push(error.message));
    const id = ITEMS.at(-1)!.id;
    const field = tabs.b.locator(note(id));
    await field.evaluate((input) => input.scrollIntoView({ block: 'end' }));
    await field.click();
    await field.pressSequentially('Bản của thẻ B');
    // The run panel, where the notices of saved work are drawn, is far up the page.
    const panel = (await tabs.b.locator('[data-run-panel]').boundingBox())!;
    expect(panel.y + panel.height).toBeLessThan(0);
    return { ...tabs, id, field, troubles };
  }

  /** The note's notice in `page`: one, inside the item, on screen; the field still being typed in. */
  async function noticeByField(page: Page, id: string, text: RegExp) {
    const notice = page.locator(`[data-item="${id}"] .notice`);
    await waitForText(page, `[data-item="${id}"] .notice`, text);
    expect(await notice.count()).toBe(1);
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await page.locator('[data-notices] .notice').count()).toBe(0);
    await expect
      .poll(async () => {
        const box = (await notice.boundingBox())!;
        return box.y >= 0 && box.y + box.height <= PHONE.height;
      })
      .toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`ghi-chu-${id}`);
    return notice;
  }

  const noteIn = async (page: Page, id: string) =>
    (await stored(page))!.current!.items.find((i) => i.id === id)?.note;
  /** The note as the page's own runs hold it (what it has heard and merged), not the storage. */
  const heardIn = (page: Page, id: string) =>
    page.evaluate(async (item) => {
      const element = document.querySelector('shift-checklist') as unknown as {
        ready: Promise<{ store: Store } | null>;
      };
      const runs = await element.ready;
      return runs?.store.current?.items.find((i) => i.id === item)?.note;
    }, id);

  test("12. on a phone, a note typed on over the other tab's text far down the list shows the notice by its field, on screen, with the other's text to use", async ({
    openSite,
  }) => {
    const { a, b, id, field, site, troubles } = await typingFarDown(openSite);
    // A hears B's text, then writes the note over it; B, still in the field, keeps its own.
    await expect.poll(() => a.inputValue(note(id))).toBe('Bản của thẻ B');
    await a.fill(note(id), 'Bản của thẻ A');
    await expect.poll(() => noteIn(b, id)).toBe('Bản của thẻ A');
    // The storage holds A's text at once, but B takes it in (merges it) a little later, and only
    // then is its next key typed on over it: wait for B's own runs to hold it.
    await expect.poll(() => heardIn(b, id)).toBe('Bản của thẻ A');
    expect(await field.inputValue()).toBe('Bản của thẻ B');
    // B's next key keeps B's text, and shows A's where B is typing.
    await field.press('.');
    await expect.poll(() => noteIn(b, id)).toBe('Bản của thẻ B.');
    const notice = await noticeByField(b, id, /Bản ở thẻ kia: ‘Bản của thẻ A’/);
    await notice.getByRole('button', { name: 'Dùng ghi chú của thẻ kia' }).click();
    await expect.poll(() => noteIn(b, id)).toBe('Bản của thẻ A');
    expect(await field.inputValue()).toBe('Bản của thẻ A');
    expect(await notice.count()).toBe(0);
    expect([...site.problems(), ...troubles]).toEqual([]);
  });

  test("12. on a phone, a note replaced by the other tab's text while typed far down the list shows the notice by its field, on screen, with this tab's text to put back", async ({
    openSite,
  }) => {
    const { a, b, id, field, site, troubles } = await typingFarDown(openSite, true);
    // A writes the note a minute later, not having heard B's text: A's is kept.
    await a.clock.setFixedTime(new Date(LATE.getTime() + 60_000));
    await a.fill(note(id), 'Bản của thẻ A');
    await expect.poll(() => noteIn(a, id)).toBe('Bản của thẻ A');
    await a.evaluate(() => (window as unknown as Deaf).hear());
    expect(await field.inputValue()).toBe('Bản của thẻ B');
    const notice = await noticeByField(
      b,
      id,
      /Đang giữ: ‘Bản của thẻ A’\. Bản ở thẻ này: ‘Bản của thẻ B’/,
    );
    await notice.getByRole('button', { name: 'Dùng ghi chú của thẻ này' }).click();
    await expect.poll(() => noteIn(b, id)).toBe('Bản của thẻ B');
    expect(await field.inputValue()).toBe('Bản của thẻ B');
    expect(await notice.count()).toBe(0);
    expect([...site.problems(), ...troubles]).toEqual([]);
  });

  test('11. «Lưu để dùng khi mất mạng» pressed offline says why and stays a button; a full storage is not blamed on the network', async ({
    openSite,
  }) => {
    const site = await openSite('/dieu-7/');
    const { page } = site;
    await site.context.setOffline(true);
    await page.click('offline-copy button');
    await waitForText(page, 'offline-copy [role="status"]', OFFLINE_NOW);
    expect(await page.isEnabled('offline-copy button')).toBe(true);
    await site.context.setOffline(false);
    await page.evaluate(() => {
      Cache.prototype.put = () =>
        Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    });
    await page.click('offline-copy button');
    await page.waitForFunction(() =>
      document.querySelector('offline-copy button')?.textContent?.startsWith('Tải về'),
    );
    await page.click('offline-copy button');
    await waitForText(page, 'offline-copy [role="status"]', /^Máy không còn đủ chỗ để lưu/);
  });
});
