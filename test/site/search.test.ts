/**
 * Search as Vietnamese users type: with and without tone marks, d for đ, partial
 * words, decomposed input, numbers. Each query must put an expected page in the top 3.
 */
import { relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  formatViolations,
  connectBrowser,
  openPage,
  runAxe,
  waitForText,
  type SitePage,
} from '../support/browser.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { basePath, distDir, listFiles, siteUrl } from '../support/site.ts';

interface Case {
  query: string;
  /** Site paths (without the base path); a result matches one when its URL starts with it. */
  expect: string[];
}

const P = (clause: string, letter: string) =>
  `/dieu-7/#art_7__para_${clause.replace('.', '__subpara_')}__point_${letter}`;
const role = (id: string) => `/vai-tro/${id}/`;

const CASES: Case[] = [
  { query: 'lãnh đạo ca trực', expect: [role('lanh-dao-ca-truc')] },
  { query: 'lanh dao ca truc', expect: [role('lanh-dao-ca-truc')] },
  { query: 'lãnh đạo cấp phòng'.normalize('NFD'), expect: [role('lanh-dao-cap-phong-truc-ban')] },
  { query: 'truong phong', expect: [role('truong-phong-gshqtt')] },
  { query: 'cong chuc', expect: [role('cong-chuc-gshqtt')] },
  { query: 'Điều 7', expect: ['/dieu-7/'] },
  { query: 'dieu 7', expect: ['/dieu-7/'] },
  {
    query: 'đề xuất phương án',
    expect: [
      P('2', 'c'),
      P('3.1', 'e'),
      `${role('lanh-dao-cap-phong-truc-ban')}#art_7__para_2__point_c`,
      `${role('truong-phong-gshqtt')}#art_7__para_3__subpara_1__point_e`,
    ],
  },
  {
    query: 'de xuat phuong an',
    expect: [
      P('2', 'c'),
      P('3.1', 'e'),
      `${role('lanh-dao-cap-phong-truc-ban')}#art_7__para_2__point_c`,
      `${role('truong-phong-gshqtt')}#art_7__para_3__subpara_1__point_e`,
    ],
  },
  { query: '4398', expect: [P('1', 'b'), `${role('lanh-dao-ca-truc')}#art_7__para_1__point_b`] },
  { query: '888', expect: ['/gioi-thieu/'] },
  {
    query: 'phân luồng',
    expect: [P('1', 'a'), `${role('lanh-dao-ca-truc')}#art_7__para_1__point_a`],
  },
  {
    query: 'phan luong',
    expect: [P('1', 'a'), `${role('lanh-dao-ca-truc')}#art_7__para_1__point_a`],
  },
  { query: 'phan lu', expect: [P('1', 'a'), `${role('lanh-dao-ca-truc')}#art_7__para_1__point_a`] },
  {
    query: 'dung dua hang',
    expect: [P('1', 'b'), `${role('lanh-dao-ca-truc')}#art_7__para_1__point_b`],
  },
  {
    query: 'kiem soat noi bo',
    expect: [P('1', 'b'), `${role('lanh-dao-ca-truc')}#art_7__para_1__point_b`],
  },
  {
    query: 'tong cuc truong',
    expect: [P('1', 'b'), `${role('lanh-dao-ca-truc')}#art_7__para_1__point_b`],
  },
  {
    query: 'dau hieu nghi van',
    expect: [P('3.2', 'c'), `${role('cong-chuc-gshqtt')}#art_7__para_3__subpara_2__point_c`],
  },
  {
    query: 'ngoai gio hanh chinh',
    expect: [
      P('3.1', 'd'),
      P('3.1', 'e'),
      `${role('truong-phong-gshqtt')}#art_7__para_3__subpara_1__point_d`,
      `${role('truong-phong-gshqtt')}#art_7__para_3__subpara_1__point_e`,
    ],
  },
  {
    query: 'nhật ký trực ban',
    expect: [
      P('1', 'e'),
      P('2', 'd'),
      `${role('lanh-dao-ca-truc')}#art_7__para_1__point_e`,
      `${role('lanh-dao-cap-phong-truc-ban')}#art_7__para_2__point_d`,
    ],
  },
  {
    query: 'phu luc I',
    expect: [P('2', 'd'), `${role('lanh-dao-cap-phong-truc-ban')}#art_7__para_2__point_d`],
  },
  {
    query: 'Phong Tong hop',
    expect: [P('2', 'd'), `${role('lanh-dao-cap-phong-truc-ban')}#art_7__para_2__point_d`],
  },
  {
    query: 'khai thac du lieu',
    expect: [P('2', 'a'), `${role('lanh-dao-cap-phong-truc-ban')}#art_7__para_2__point_a`],
  },
  {
    query: 'don doc',
    expect: [P('3.1', 'c'), `${role('truong-phong-gshqtt')}#art_7__para_3__subpara_1__point_c`],
  },
  {
    query: 'đôn đốc',
    expect: [P('3.1', 'c'), `${role('truong-phong-gshqtt')}#art_7__para_3__subpara_1__point_c`],
  },
  {
    query: 'khu vuc giam sat',
    expect: [P('1', 'b'), `${role('lanh-dao-ca-truc')}#art_7__para_1__point_b`],
  },
  {
    query: 'bien phap giam sat truc tuyen',
    expect: [P('3.1', 'b'), `${role('truong-phong-gshqtt')}#art_7__para_3__subpara_1__point_b`],
  },
  { query: 'KHOẢN 3.2', expect: [P('3.2', 'a'), P('3.2', 'b'), P('3.2', 'c')] },
];

const search = async (site: SitePage, query: string, params = '') => {
  await site.goto(`/tim-kiem/?q=${encodeURIComponent(query)}${params}`);
  await site.page.waitForFunction(() =>
    /kết quả/.test(document.querySelector('#trang-thai')?.textContent ?? ''),
  );
  return site.page.$$eval('#ket-qua a.result-link', (links) =>
    links.map((a) => a.getAttribute('href') ?? ''),
  );
};
const withoutBase = (href: string) => `/${href.slice(basePath.length)}`;

describeBrowser('search', () => {
  let browser: Browser;
  let site: SitePage;
  beforeAll(async () => {
    browser = await connectBrowser();
    site = await openPage(browser);
  });
  afterAll(async () => {
    await site?.close();
    await browser?.close();
  });

  it('has at least 25 queries', () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  it.each(CASES)(
    '"$query" finds an expected page in the top 3',
    async ({ query, expect: expected }) => {
      const hrefs = (await search(site, query)).map(withoutBase);
      const top = hrefs.slice(0, 3);
      expect(
        top.some((href) => expected.some((path) => href.startsWith(path))),
        `top 3: ${top.join(' , ')}`,
      ).toBe(true);
    },
  );

  it.each(['ai phê duyệt phương án', 'ai phe duyet phuong an'])(
    '"%s": a question of who approves ranks a flow first',
    async (query) => {
      const hrefs = (await search(site, query)).map(withoutBase);
      expect(hrefs[0], `results: ${hrefs.slice(0, 5).join(' , ')}`).toMatch(
        /^\/quy-trinh\/[a-z-]+\//,
      );
    },
  );

  it('ranks the exact-tone match first when the toneless spelling matches other words too', async () => {
    // "phân luồng" (1 a) versus "phân công lực lượng" (3.1 a): both fold to "phan luong".
    const [first] = (await search(site, 'phân luồng')).map(withoutBase);
    expect(first?.includes('art_7__para_1__point_a')).toBe(true);
  });

  it('filters by role and kind, and keeps query and filters in the URL', async () => {
    const hrefs = await search(
      site,
      'bao cao',
      '&loai=Vi%E1%BB%87c+c%E1%BA%A7n+l%C3%A0m&vai_tro=C%C3%B4ng+ch%E1%BB%A9c+Ph%C3%B2ng+Gi%C3%A1m+s%C3%A1t+h%E1%BA%A3i+quan+tr%E1%BB%B1c+tuy%E1%BA%BFn',
    );
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs.map(withoutBase))
      expect(href).toMatch(/^\/vai-tro\/cong-chuc-gshqtt\//);
    expect(await site.page.isChecked('input[name="loai"][value="Việc cần làm"]')).toBe(true);
    await site.page.uncheck('input[name="vai_tro"]:checked');
    await site.page.waitForFunction(() => !new URL(location.href).searchParams.has('vai_tro'));
    expect(new URL(site.page.url()).searchParams.get('q')).toBe('bao cao');
    expect(new URL(site.page.url()).searchParams.getAll('loai')).toEqual(['Việc cần làm']);
  });

  it('shows citation and role with each result and marks the matched words', async () => {
    await search(site, 'phe duyet', '&loai=Vi%E1%BB%87c+c%E1%BA%A7n+l%C3%A0m');
    const first = site.page.locator('#ket-qua .result').first();
    expect(await first.locator('.result-meta').textContent()).toMatch(
      /^Điểm [a-e] khoản [0-9.]+ Điều 7 · .+ · Việc cần làm$/,
    );
    expect(await first.locator('.result-excerpt mark').count()).toBeGreaterThan(0);
  });

  it('is usable by keyboard: "/" to the box, arrows through results, Enter to open', async () => {
    await search(site, 'nhat ky');
    await site.page.locator('body').click({ position: { x: 5, y: 5 } });
    await site.page.keyboard.press('/');
    expect(await site.page.evaluate(() => document.activeElement?.id)).toBe('q');
    await site.page.keyboard.press('ArrowDown');
    await site.page.keyboard.press('ArrowDown');
    const second = await site.page.evaluate(() => document.activeElement?.getAttribute('href'));
    const hrefs = await site.page.$$eval('#ket-qua a.result-link', (links) =>
      links.map((a) => a.getAttribute('href')),
    );
    expect(second).toBe(hrefs[1]);
    await site.page.keyboard.press('ArrowUp');
    await site.page.keyboard.press('ArrowUp');
    expect(await site.page.evaluate(() => document.activeElement?.id)).toBe('q');
    await site.page.keyboard.press('ArrowDown');
    await Promise.all([
      site.page.waitForURL((url) => url.href.includes(hrefs[0] ?? '#none')),
      site.page.keyboard.press('Enter'),
    ]);
  });

  it("searches in Pagefind's worker, fetches only the index chunks it needs, and answers what was typed last", async () => {
    const requested: string[] = [];
    site.page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) requested.push(new URL(request.url()).pathname);
    });
    await site.goto('/tim-kiem/');
    const files = listFiles().map((file) => relative(distDir, file).split(sep).join('/'));
    const chunks = files.filter((file) => /^pagefind\/index\/.+\.pf_index$/.test(file));
    await site.page.keyboard.type('phan luong', { delay: 20 });
    await site.page.waitForFunction(() =>
      /kết quả cho «phan luong»/.test(document.querySelector('#trang-thai')?.textContent ?? ''),
    );
    expect(
      requested.filter((path) => /pagefind-worker\.js$/.test(path)),
      'the search runs in the worker',
    ).toHaveLength(1);
    const fetchedChunks = chunks.filter((chunk) => requested.includes(`${basePath}${chunk}`));
    expect(fetchedChunks.length).toBeGreaterThan(0);
    if (chunks.length > 2)
      expect(fetchedChunks.length, 'not the whole index').toBeLessThan(chunks.length);
    // The same top 3 as a search from the URL: what was typed last, not an earlier prefix.
    const typed = (
      await site.page.$$eval('#ket-qua a.result-link', (links) =>
        links.map((a) => a.getAttribute('href') ?? ''),
      )
    ).map(withoutBase);
    expect(typed.slice(0, 3)).toEqual(
      (await search(site, 'phan luong')).map(withoutBase).slice(0, 3),
    );
  });

  it('keeps its place while results arrive: the filters are on the page before any search', async () => {
    await site.page.route('**/pagefind/**', async (route) => {
      await new Promise((done) => setTimeout(done, 300));
      await route.continue();
    });
    try {
      await site.goto('/tim-kiem/?q=lanh%20dao');
      const before = await site.page.locator('#ket-qua').boundingBox();
      expect(await site.page.locator('#bo-loc input[type="checkbox"]').count()).toBeGreaterThan(4);
      await site.page.waitForFunction(() =>
        /kết quả/.test(document.querySelector('#trang-thai')?.textContent ?? ''),
      );
      expect((await site.page.locator('#ket-qua').boundingBox())?.y).toBe(before?.y);
    } finally {
      await site.page.unroute('**/pagefind/**');
    }
  });

  it("finds a duty's words once, as the checklist item and the law's point, not in the pages that repeat them", async () => {
    // The quiz asks every duty in its words and the flows' steps repeat them: search keeps
    // those copies out of the index (they cost the journey bytes and crowd the results).
    const hrefs = (await search(site, 'noi dung trong diem can chi dao tap trung')).map(
      withoutBase,
    );
    expect(hrefs.slice(0, 3)).toEqual(
      expect.arrayContaining([
        P('1', 'a'),
        expect.stringMatching(/^\/vai-tro\/lanh-dao-ca-truc\/#/),
      ]),
    );
    expect(hrefs.filter((href) => href.startsWith('/dien-tap/ai-lam-viec-nay/'))).toEqual([]);
  });

  it('says so when nothing matches', async () => {
    await site.goto(`/tim-kiem/?q=${encodeURIComponent('xyzxyz')}`);
    await site.page.waitForFunction(() =>
      /Không có kết quả/.test(document.querySelector('#trang-thai')?.textContent ?? ''),
    );
    expect(await site.page.locator('#ket-qua li').count()).toBe(0);
  });

  it('the header search box of every page shows results in place, over the page, and leads to all of them', async () => {
    await site.goto('/dieu-7/');
    const heading = await site.page.locator('h1').boundingBox();
    await site.page.click('#tim-nhanh');
    await site.page.keyboard.type('lanh dao', { delay: 20 });
    await site.page.keyboard.press('Enter');
    const panel = site.page.locator('#tim-nhanh-ket-qua');
    await panel.locator('.result-link').first().waitFor();
    expect(new URL(site.page.url()).pathname, 'no navigation').toBe(`${basePath}dieu-7/`);
    await waitForText(
      site.page,
      '#tim-nhanh-ket-qua [role="status"]',
      /^\d+ kết quả cho «lanh dao»/,
    );
    expect(await site.page.locator('h1').boundingBox(), 'nothing under the panel moved').toEqual(
      heading,
    );
    const links = (
      await panel
        .locator('.result-link')
        .evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''))
    ).map(withoutBase);
    expect(
      links.some((href) => href.startsWith(role('lanh-dao-ca-truc'))),
      links.join(' , '),
    ).toBe(true);
    expect(formatViolations(await runAxe(site.page))).toBe('');
    await site.page.keyboard.press('Escape');
    expect(await panel.isHidden()).toBe(true);
    // Escape in a search box also empties it (the browser's own behaviour): a new search.
    await site.page.keyboard.type('lanh dao', { delay: 20 });
    await site.page.keyboard.press('Enter');
    await Promise.all([
      site.page.waitForURL(/\/tim-kiem\/\?q=lanh\+dao/),
      panel.locator('a.all-results').click(),
    ]);
    await site.page.waitForFunction(() =>
      /kết quả/.test(document.querySelector('#trang-thai')?.textContent ?? ''),
    );
    expect(await site.page.locator('#ket-qua li').count()).toBeGreaterThan(0);
  });

  it('without JavaScript the header box goes to the search page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(siteUrl('/dieu-7/'));
      await page.fill('#tim-nhanh', 'lanh dao');
      await Promise.all([
        page.waitForURL(/\/tim-kiem\/\?q=lanh\+dao/),
        page.press('#tim-nhanh', 'Enter'),
      ]);
    } finally {
      await context.close();
    }
  });

  it('labels the forms page as a form, offers a "Biểu mẫu" filter, and ranks the role pages first for a role name', async () => {
    const results = async (path: string) => {
      await site.goto(path);
      await site.page.waitForFunction(() =>
        /kết quả/.test(document.querySelector('#trang-thai')?.textContent ?? ''),
      );
      return site.page.$$eval('#ket-qua .result', (items) =>
        items.map((li) => ({
          href: li.querySelector('a.result-link')?.getAttribute('href') ?? '',
          meta: li.querySelector('.result-meta')?.textContent ?? '',
        })),
      );
    };
    const forms = `${basePath}${routes.forms().slice(1)}`;
    // Filtered to forms: the page is there, labelled as what it is.
    const onlyForms = await results(
      `${routes.search('lanh dao')}&loai=${encodeURIComponent('Biểu mẫu')}`,
    );
    expect(onlyForms.map((r) => r.href)).toContain(forms);
    expect(onlyForms.find((r) => r.href === forms)?.meta).toContain('Biểu mẫu');
    expect(await site.page.isChecked('input[name="loai"][value="Biểu mẫu"]')).toBe(true);
    // Unfiltered: both role pages come before it (it may not be among the first results at all).
    const all = (await results(routes.search('lanh dao'))).map((r) => r.href);
    const rank = (href: string) => (all.includes(href) ? all.indexOf(href) : Infinity);
    for (const role of ['lanh-dao-ca-truc', 'lanh-dao-cap-phong-truc-ban']) {
      const page = `${basePath}${routes.role(role).slice(1)}`;
      expect(rank(page), `${role} is found: ${all.join(' , ')}`).toBeLessThan(Infinity);
      expect(rank(page), `${role} above the forms page: ${all.join(' , ')}`).toBeLessThan(
        rank(forms),
      );
    }
  });

  it('on a phone, shows the first result on the first screen: filters folded behind one control, no keyboard hint', async () => {
    const phone = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      await phone.goto('/tim-kiem/?q=lanh%20dao');
      const first = phone.page.locator('#ket-qua .result-link').first();
      await first.waitFor();
      const box = await first.boundingBox();
      expect(box && box.y + box.height, 'the first result ends within 844 px').toBeLessThanOrEqual(
        844,
      );
      expect(await phone.page.locator('#bo-loc input[type="checkbox"]').first().isVisible()).toBe(
        false,
      );
      expect(await phone.page.locator('.keyboard-hint').isVisible()).toBe(false);
      // One tap opens the filters; a ticked one is counted on the folded control.
      await phone.page.tap('#bo-loc summary');
      await phone.page.tap('label[for="loc-loai-0"]');
      await waitForText(phone.page, '#bo-loc summary', 'Lọc theo loại và vai trò (đang chọn 1)');
      expect(phone.problems()).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('tells the keys only where there is a mouse (and so most likely a keyboard)', async () => {
    await search(site, 'lanh dao');
    expect(await site.page.locator('.keyboard-hint').isVisible()).toBe(true);
  });

  it("keeps a space between a table's cells in the excerpts", async () => {
    await search(site, 'phan cua mau nguyen van', `&loai=${encodeURIComponent('Biểu mẫu')}`);
    const excerpt =
      (await site.page.locator('#ket-qua .result-excerpt').first().textContent()) ?? '';
    // The table's head: «Phần của mẫu» and «Nguyên văn», once read as one word («mẫuNguyên»).
    expect(excerpt).toContain('Phần của mẫu Nguyên');
    expect(excerpt, 'no two cells run together').not.toMatch(/\p{Ll}\p{Lu}/u);
  });

  it('passes axe with results and filters shown', async () => {
    await search(site, 'lanh dao');
    await site.page.click('#bo-loc summary');
    await site.page.waitForSelector('#bo-loc fieldset');
    expect(formatViolations(await runAxe(site.page))).toBe('');
    expect(site.problems().join('\n')).toBe('');
  });
});
