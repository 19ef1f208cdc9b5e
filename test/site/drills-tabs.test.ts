/**
 * Drills in two tabs of one browser (issue 14, item 4), in real Chromium: a trainee's
 * answers given in both tabs are all kept, and each tab follows the other; a trainer's draft
 * typed in two tabs keeps both tabs' fields; opening a report file over a draft not saved
 * to a file asks first.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import type { Draft } from '../../src/lib/drills/draft.ts';
import { reportOf } from '../../src/lib/drills/draft-merge.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { squashSpace } from '../../src/lib/vi.ts';
import { describeBrowser, type SitePage } from '../support/browser.ts';
import { test, type OpenSite } from '../support/site-test.ts';
import { deafen, deafening, hear } from '../support/deaf-tabs.ts';

const drill = loadContent('content')
  .drills.map((d) => d.value)
  .find((d) => d.id === 'nghi-van-trong-gio')!;
const KEY = `so-tay-truc-ban:drill:${drill.id}`;
const [I1, I2] = drill.injects as [(typeof drill.injects)[number], (typeof drill.injects)[number]];
const inject = (id: string) => `[data-inject="${id}"]`;

async function choose(page: Page, id: string, options: readonly string[]) {
  for (const option of options) await page.check(`[id="tl-${id}-${option}"]`);
  await page.click(`${inject(id)} [data-answer]`);
}

/** One site on `path` in two tabs of the same browser context. */
async function twoTabs(
  openSite: OpenSite,
  path: string,
): Promise<{ site: SitePage; a: Page; b: Page }> {
  const site = await openSite(null);
  await deafening(site.context);
  await site.goto(path);
  const b = await site.context.newPage();
  await b.goto(site.page.url());
  return { site, a: site.page, b };
}

describeBrowser('drills in two tabs', () => {
  test('keeps every answer a trainee gives in either tab, and each tab follows the other', async ({
    openSite,
  }) => {
    const { site, a, b } = await twoTabs(openSite, routes.drill(drill.id));
    await Promise.all([
      a.waitForSelector('.drill-run.enhanced'),
      b.waitForSelector('.drill-run.enhanced'),
    ]);
    const wrong = I1.options.find((o) => !I1.correct.includes(o.id))!.id;
    // Both tabs answer the first inject at once (each in one go, as a click would): one right, one wrong.
    const answerAtOnce = (page: Page, options: readonly string[]) =>
      page.evaluate(
        ([id, chosen]) => {
          for (const option of chosen as string[])
            document.querySelector<HTMLInputElement>(`[id="tl-${id}-${option}"]`)!.checked = true;
          document.querySelector<HTMLButtonElement>(`[data-inject="${id}"] [data-answer]`)!.click();
        },
        [I1.id, options] as const,
      );
    await Promise.all([answerAtOnce(a, I1.correct), answerAtOnce(b, [wrong])]);
    const history = () =>
      a.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').history, KEY);
    await a.waitForFunction(
      ([key, id]) => JSON.parse(localStorage.getItem(key!) ?? '{}').history?.[id!]?.length === 2,
      [KEY, I1.id] as const,
    );
    expect((await history())[I1.id].sort()).toEqual([false, true]);
    // Tab B goes on to the second inject and answers it; tab A, moving on, is at the third.
    await b.click(`${inject(I1.id)} [data-next]`);
    await choose(b, I2.id, I2.correct);
    await a.waitForFunction(
      ([key, id]) => id! in (JSON.parse(localStorage.getItem(key!) ?? '{}').answers ?? {}),
      [KEY, I2.id] as const,
    );
    await a.click(`${inject(I1.id)} [data-next]`);
    const stored = await a.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), KEY);
    expect(Object.keys(stored.answers).sort()).toEqual([I1.id, I2.id].sort());
    expect(await a.isVisible(inject(I1.id))).toBe(false);
    expect(await a.isVisible(inject(I2.id))).toBe(false);
    expect(site.problems()).toEqual([]);
  });

  test("keeps both tabs' fields of a trainer's draft, and asks before a file replaces a draft not saved", async ({
    openSite,
  }) => {
    const { site, a, b } = await twoTabs(openSite, routes.drillTrainer(drill.id));
    await Promise.all([
      a.waitForSelector('[data-tools]:not([hidden])'),
      b.waitForSelector('[data-tools]:not([hidden])'),
    ]);
    // Typed at once in the two tabs, into different fields.
    await Promise.all([
      a.fill('#aar-hotwash', 'Cần thống nhất cách liên lạc.'),
      b.fill('#aar-place', 'Phòng họp tầng 3'),
    ]);
    await Promise.all([
      a.fill('#aar-facilitator', 'Nguyễn Văn An'),
      b.fill('#aar-evaluator', 'Trần Thị Bình'),
    ]);
    for (const page of [a, b]) {
      await page.waitForFunction(() =>
        ['#aar-hotwash', '#aar-place', '#aar-facilitator', '#aar-evaluator'].every(
          (s) => (document.querySelector(s) as HTMLInputElement).value !== '',
        ),
      );
    }
    // The draft as stored: each field with the stamp of its last change (draft.ts).
    const draft = reportOf(
      await a.evaluate(
        () =>
          JSON.parse(
            localStorage.getItem(
              Object.keys(localStorage).find((k) => k.startsWith('so-tay-truc-ban:aar:'))!,
            ) ?? '{}',
          ) as Draft,
      ),
      drill.title,
    );
    expect(draft.hotWash).toBe('Cần thống nhất cách liên lạc.');
    expect(draft.exercise).toMatchObject({
      place: 'Phòng họp tầng 3',
      facilitator: 'Nguyễn Văn An',
      evaluator: 'Trần Thị Bình',
    });

    // The same field changed in both at once: both tabs end with one text, and the tab whose text
    // lost shows the other. Neither tab hears the other until both have typed, so the edits cross
    // however loaded the machine (without that, one tab could see the other's text first: an edit,
    // not a conflict, and nothing to show).
    const [textA, textB] = ['Phòng A', 'Phòng B'];
    for (const page of [a, b]) await deafen(page);
    await a.fill('#aar-place', textA);
    await b.fill('#aar-place', textB);
    for (const page of [a, b]) await hear(page);
    let places = [await a.inputValue('#aar-place'), await b.inputValue('#aar-place')];
    for (let n = 0; n < 50 && places[0] !== places[1]; n += 1) {
      await a.waitForTimeout(100);
      places = [await a.inputValue('#aar-place'), await b.inputValue('#aar-place')];
    }
    expect(places[0]).toBe(places[1]);
    const winner = places[0]!;
    const [loser, lost] = winner === textA ? [b, textB] : [a, textA];
    const notice = loser.locator('[data-notices] .notice', { hasText: `‘${winner}’` });
    await notice.waitFor({ timeout: 10_000 });
    expect(
      squashSpace((await notice.first().textContent()) ?? ''),
      'the lost text is shown',
    ).toContain(`Đang giữ: ‘${winner}’. Bản ở thẻ này: ‘${lost}’.`);

    // A report file over this unsaved draft: the page asks, and "no" changes nothing.
    const file = {
      name: 'bao-cao.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ ...draft, hotWash: 'Từ tệp', savedAt: '2026-11-27T10:00:00.000Z' }),
      ),
    };
    const asked: string[] = [];
    a.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await a.setInputFiles('[data-open]', file);
    await a.waitForFunction(() =>
      document.querySelector('[data-status]')?.textContent?.startsWith('Chưa mở'),
    );
    expect(asked).toEqual([
      'Phiếu trên trang có nội dung chưa lưu thành tệp. Mở «bao-cao.json» sẽ thay toàn bộ nội dung đó. Vẫn mở?',
    ]);
    expect(await a.inputValue('#aar-hotwash')).toBe('Cần thống nhất cách liên lạc.');
    a.once('dialog', (dialog) => void dialog.accept());
    await a.setInputFiles('[data-open]', file);
    await a.waitForFunction(
      () => (document.querySelector('#aar-hotwash') as HTMLTextAreaElement).value === 'Từ tệp',
    );
    expect(site.problems()).toEqual([]);
  });
});
