/**
 * The whole handbook as one printed booklet (/in/), printed to PDF by Chromium once Paged.js
 * has laid it out (html[data-booklet="ready"]) and read back with pdftotext, page by page:
 *  - A4 (the default) and A5 (chosen on the page): the paper's size, a page count within its
 *    budget, «Trang k/n» on every page but the cover, the cover's facts;
 *  - all 17 points verbatim, each on one page; every role, flow and drill under its heading;
 *  - each contents entry's number is the page where that heading stands, and each «xem tr. N»
 *    after a citation is the page where that point stands;
 *  - no web address, no button or form field on paper, no CSP violation while laying out;
 *  - without JavaScript: one long document, every part in order, no page numbers, and a note
 *    that says so.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { OUTCOME_LANE, swimlaneLayout } from '../../src/lib/flows/layout.ts';
import { shortLabel } from '../../src/lib/law/eid.ts';
import { noticeSource } from '../../src/lib/law/status.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { squashSpace } from '../../src/lib/vi.ts';
import { describeBrowser } from '../support/browser.ts';
import { cspViolations, watchCsp } from '../support/page-checks.ts';
import { readPdf } from '../support/pdf.ts';
import { basePath, distDir } from '../support/site.ts';
import { test } from '../support/site-test.ts';

const handbook = loadHandbook('content');
const drills = loadContent('content').drills.map((d) => d.value);
const notice = noticeSource(handbook.instruments)?.notice.text ?? '';

/**
 * Page budgets: the A4 booklet at most 80 pages (the issue's bound); A5 holds about 60% of
 * an A4 page, so at most 120. Measured when written: 24 and 36 pages without the flows'
 * diagrams.
 */
const PAPERS = [
  { id: 'a4', name: 'A4', width: 595, height: 842, maxPages: 80 },
  { id: 'a5', name: 'A5', width: 420, height: 595, maxPages: 120 },
] as const;

/** The contents as the built page lists them, in order: each entry's anchor and title. */
const contentsEntries = [
  ...readFileSync(join(distDir, 'in', 'index.html'), 'utf8').matchAll(
    /<a class="bk-toc-link" href="#([^"]+)"><span class="bk-toc-title">([^<]*)<\/span>/g,
  ),
].map((m) => ({ anchor: m[1] ?? '', title: squashSpace(m[2] ?? '').replace(/&amp;/g, '&') }));
const contentsTitles = contentsEntries.map((entry) => entry.title);
/** The prefix the page gives the ids of its printed copy (src/client/booklet.ts). */
const COPY = 'in-';

/** Site addresses and the marks of a web address: none may be on paper. */
const ADDRESSES = [
  '://',
  'www.',
  'localhost',
  '127.0.0.1',
  '.html',
  routes.article(),
  routes.roles(),
  routes.flows(),
  routes.drills(),
  routes.forms(),
  routes.learning(),
  routes.search(),
  routes.booklet(),
];

/**
 * What pdfinfo reads of a PDF: each page's width × height in points (rounded), and the page of
 * each named destination (Chrome names one for every element a link points to): where Chrome's
 * own print layout put each heading and point, whatever the text around it says.
 */
function pdfInfo(bytes: Uint8Array): { sizes: string[]; destinations: Map<string, number> } {
  const dir = mkdtempSync(join(tmpdir(), 'so-tay-booklet-'));
  try {
    const file = join(dir, 'booklet.pdf');
    writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
    const dests = execFileSync('pdfinfo', ['-dests', file], { encoding: 'utf8' });
    return {
      sizes: [...info.matchAll(/Page +\d+ size: +([\d.]+) x ([\d.]+) pts/g)].map(
        (m) => `${Math.round(Number(m[1]))}×${Math.round(Number(m[2]))}`,
      ),
      destinations: new Map(
        [...dests.matchAll(/^ *(\d+) \[[^\]]*\] "([^"]+)"$/gm)].map((m) => [
          m[2] ?? '',
          Number(m[1]),
        ]),
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether `title` stands on a page as a heading: a line of its own, or two. */
const standsOn = (page: string, title: string): boolean => {
  const lines = page.split('\n').map((line) => squashSpace(line));
  return lines.some((line, i) => line === title || `${line} ${lines[i + 1] ?? ''}` === title);
};

async function ready(page: Page, paper: string): Promise<number> {
  await page.waitForFunction(
    (id) =>
      document.documentElement.dataset.booklet === 'ready' &&
      document.querySelector('.booklet-paper')?.getAttribute('data-paper') === id,
    paper,
    { timeout: 30_000 },
  );
  return Number(await page.evaluate(() => document.documentElement.dataset.pages));
}

it('is linked «In cả sổ tay» from the front page and the forms page (read from dist/)', () => {
  for (const page of ['index.html', join('bieu-mau', 'index.html')])
    expect(readFileSync(join(distDir, page), 'utf8'), page).toContain(
      `<a href="${basePath}in/">In cả sổ tay</a>`,
    );
});

describeBrowser('the printed booklet /in/', () => {
  test.for(PAPERS.map((paper) => [paper.name, paper] as const))(
    'prints as an %s booklet whose contents and citations give the right pages',
    async ([, paper], { openSite }) => {
      const site = await openSite(null);
      await watchCsp(site.context);
      await site.goto(routes.booklet());
      let laidOut = await ready(site.page, 'a4');
      if (paper.id === 'a5') {
        // The choice on the page: laid out again, and the address keeps it for a reload.
        await site.page.check('#kho-a5');
        laidOut = await ready(site.page, 'a5');
        expect(new URL(site.page.url()).search).toBe('?kho=a5');
      }
      expect(squashSpace((await site.page.textContent('[data-status]')) ?? '')).toContain(
        `${laidOut} trang khổ ${paper.name}`,
      );

      // On paper: no button or form field shows.
      await site.page.emulateMedia({ media: 'print' });
      const widgets = await site.page.evaluate(() =>
        [...document.querySelectorAll('input, button, select, textarea, [contenteditable]')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(widgets, 'form widgets on paper').toEqual([]);

      const bytes = await site.page.pdf({ preferCSSPageSize: true });
      const { pages, text } = readPdf(bytes);
      const { sizes, destinations } = pdfInfo(bytes);
      expect(pages.length, 'pages printed').toBe(laidOut);
      expect(pages.length, `${paper.name} page budget`).toBeLessThanOrEqual(paper.maxPages);
      expect(new Set(sizes), 'every page the paper chosen').toEqual(
        new Set([`${paper.width}×${paper.height}`]),
      );
      const squashed = pages.map(squashSpace);

      // The cover: no number; the instrument, the text's date, its status, the notice, the day built.
      expect(squashed[0]).toContain('Sổ tay trực ban');
      expect(squashed[0]).toContain('Quyết định 888/QĐ-TCHQ');
      expect(squashed[0]).toMatch(/Văn bản trích ngày \d\d\/\d\d\/\d{4}/);
      expect(squashed[0]).toContain('Tình trạng hiệu lực: chưa xác minh');
      expect(notice, 'the notice of 2025').not.toBe('');
      expect(squashed[0]).toContain(squashSpace(notice));
      expect(squashed[0]).toMatch(/Bản in dựng ngày \d\d\/\d\d\/\d{4}/);
      expect(squashed[0]).not.toMatch(/Trang \d/);
      squashed
        .slice(1)
        .forEach((page, index) =>
          expect(page, `page ${index + 2}'s number`).toContain(
            `Trang ${index + 2}/${pages.length}`,
          ),
        );

      // Every point verbatim, whole on the page Chrome put it on; every «xem tr. N» after it is that page.
      expect(handbook.points).toHaveLength(17);
      for (const point of handbook.points) {
        const at = destinations.get(COPY + point.eId) ?? 0;
        expect(at, `${point.label}'s page`).toBeGreaterThan(0);
        expect(squashed[at - 1], `${point.label} verbatim on its page`).toContain(
          squashSpace(`${point.num}) ${point.text}`),
        );
        const label = shortLabel(point.eId).replace(/[.)]/g, '\\$&');
        const refs = [...text.matchAll(new RegExp(`(?<![\\d.])${label}, xem tr\\. (\\d+)`, 'g'))];
        expect(refs.length, `citations of ${point.label}`).toBeGreaterThan(0);
        for (const ref of refs) expect(Number(ref[1]), `«xem tr.» of ${point.label}`).toBe(at);
      }

      // Every page reference has its page (a link to no element would print none).
      const referenced = [...text.matchAll(/xem tr\.(?: (\d+))?/g)].map((m) => Number(m[1] ?? 0));
      expect(
        referenced.filter((page) => page < 1 || page > pages.length),
        'a «xem tr.» without its page',
      ).toEqual([]);

      // The contents: each entry's number is the page where its heading stands.
      const parts = [
        'Điều 7, nguyên văn',
        'Cách hiểu của sổ tay',
        'Việc của từng vai trò',
        'Quy trình',
        'Diễn tập',
        'Mẫu nhật ký trực ban',
      ];
      const everyChapter = [
        ...handbook.dutyHolders.map((role) => role.name),
        ...handbook.flows.map((flow) => flow.title),
        ...drills.map((drill) => drill.title),
      ];
      expect([...contentsTitles].sort()).toEqual([...parts, ...everyChapter].sort());
      const contentsPage = 2;
      expect(standsOn(pages[1] ?? '', 'Mục lục'), 'the contents follow the cover').toBe(true);
      const firstPart = destinations.get(COPY + (contentsEntries[0]?.anchor ?? '')) ?? 0;
      const listed = squashSpace(pages.slice(contentsPage - 1, firstPart - 1).join(' '));
      let from = 0;
      for (const { anchor, title } of contentsEntries) {
        const found = new RegExp(
          `${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`,
          'u',
        ).exec(listed.slice(from));
        expect(found, `«${title}» in the contents with a page`).not.toBeNull();
        from += (found?.index ?? 0) + (found?.[0].length ?? 0);
        const page = destinations.get(COPY + anchor) ?? 0;
        expect(Number(found?.[1]), `page of «${title}»`).toBe(page);
        expect(standsOn(pages[page - 1] ?? '', title), `«${title}» stands on page ${page}`).toBe(
          true,
        );
      }

      // Each flow's lanes as columns: the lane names head the table on every page it covers
      // (a table going on over a page break repeats them), down to its caption.
      for (const flow of handbook.flows) {
        const start = destinations.get(`${COPY}quy-trinh-${flow.id}`) ?? 0;
        const end = squashed.findIndex(
          (page, index) => index >= start - 1 && page.includes('Sơ đồ làn: mỗi cột là một vai trò'),
        );
        expect(end, `«${flow.title}»'s lanes`).toBeGreaterThanOrEqual(start - 1);
        const lanes = swimlaneLayout(flow).lanes.map(({ key }) =>
          key === OUTCOME_LANE
            ? 'Kết quả'
            : (handbook.role(key).shortName ?? handbook.role(key).name),
        );
        // A name's first two words fit a column's first line (the rest may wrap): on one line
        // of the page, in order.
        const heads = lanes.map((name) => name.split(' ').slice(0, 2).join(' '));
        const headed = (page: string) =>
          page.split('\n').some((line) => {
            let from = 0;
            return heads.every((name) => {
              const at = line.indexOf(name, from);
              from = at + name.length;
              return at >= 0;
            });
          });
        for (let page = start - 1; page <= end; page++)
          expect(headed(pages[page] ?? ''), `«${flow.title}»'s lanes head page ${page + 1}`).toBe(
            true,
          );
      }

      // The running heads: the part's name on a role's page.
      const role = destinations.get(`${COPY}vai-tro-${handbook.dutyHolders[0]?.id}`) ?? 0;
      expect(pages[role - 1]).toContain('Việc của từng vai trò');

      for (const address of ADDRESSES) expect(text, 'no web address').not.toContain(address);
      expect(await cspViolations(site.page), 'CSP violations').toEqual([]);
      expect(site.problems()).toEqual([]);
    },
  );

  test('prints without JavaScript as one long document in order, and says so', async ({
    openSite,
  }) => {
    const site = await openSite(routes.booklet(), { javaScriptEnabled: false });
    expect(
      await site.page.evaluate(() => document.documentElement.dataset.booklet),
    ).toBeUndefined();
    const { pages, text } = readPdf(await site.page.pdf({ preferCSSPageSize: true }));
    expect(text).toContain(
      'Trình duyệt đang tắt JavaScript nên sổ tay không dàn trang được: bản in là một tài liệu dài, đủ các phần theo đúng thứ tự, nhưng sổ tay không ghi số trang: mục lục chỉ ghi tên các phần, căn cứ không ghi trang.',
    );
    expect(text).not.toMatch(/Trang \d+\/\d+/);
    expect(text).not.toContain('xem tr.');
    // The contents name every part and chapter, without page numbers; the parts follow in order.
    const listStart = text.indexOf('Mục lục') + 'Mục lục'.length;
    const last = contentsTitles.at(-1) ?? '';
    const listEnd = text.indexOf(last, listStart) + last.length;
    expect(listStart, 'the contents').toBeGreaterThan('Mục lục'.length - 1);
    expect(text.slice(listStart, listEnd), 'no page numbers in the contents').not.toMatch(
      /(^| )\d+( |$)/,
    );
    let from = listEnd;
    for (const title of contentsTitles) {
      const found = text.indexOf(title, from);
      expect(found, `«${title}» in order`).toBeGreaterThan(0);
      from = found + title.length;
    }
    for (const point of handbook.points)
      expect(text, point.label).toContain(squashSpace(`${point.num}) ${point.text}`));
    for (const address of ADDRESSES) expect(text, 'no web address').not.toContain(address);
    expect(pages.length).toBeGreaterThan(10);
    expect(site.problems()).toEqual([]);
  });
});
