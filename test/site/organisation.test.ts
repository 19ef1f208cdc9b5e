/**
 * The organisation then and now, read from the built files (no browser):
 *  - every built page that shows a name of 2017 (Tổng cục trưởng, Tổng cục Hải quan) outside a
 *    quotation of the law and outside the notice itself has the notice one click away (the
 *    banner's detail: one <details>), and says so in the banner's line;
 *  - what the scan skips as the law is the law: words in “…”, the points on /dieu-7/
 *    (.point-text) and the quoted points (blockquote[cite]) are verbatim parts of Article 7;
 *  - the blank journals shipped in dist/ are headed BỘ TÀI CHÍNH / CỤC HẢI QUAN (pdftotext).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlElement } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { contains } from '../../src/lib/content/spans.ts';
import { BLANK_JOURNAL_DIR, BLANK_JOURNALS } from '../../src/lib/journal/blank.ts';
import { parsePage } from '../support/links.ts';
import { distDir, listBuiltPages } from '../support/site.ts';

const NAMES_OF_2017 = ['Tổng cục trưởng', 'Tổng cục Hải quan'];
const handbook = loadHandbook('content');
/** Every verbatim text of the law: the points, and the headings of the clauses. */
const law = handbook.provisions.flatMap((p) =>
  [p.text, p.heading].filter((t): t is string => Boolean(t)),
);
const isLaw = (words: string) => law.some((text) => contains(text, words.trim()));

interface Scan {
  /** The names of 2017 found outside the law and the notice, with the words around them. */
  names: string[];
  /** Text the scan took for the law that is not the law's words. */
  notLaw: string[];
  /** How far the notice is: 0 shown, 1 behind one <details>, more, or null when absent. */
  clicks: number | null;
  /** The banner's line (its <summary>). */
  banner: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** How many closed <details> hold an element, around it. */
function detailsAround(element: HtmlElement): number {
  let count = 0;
  for (let node: HtmlElement | null = element.parent; node; node = node.parent)
    if (node.tagName === 'details' && !node.hasAttribute('open')) count += 1;
  return count;
}

/** Reads a page as the test needs it: the text outside the law and the notice, and where the notice is. */
function scanPage(html: string): Scan {
  const root = parsePage(html);
  const notLaw: string[] = [];
  const pieces: string[] = [];
  const walk = (node: HtmlElement) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) pieces.push(child.textContent);
      else if (child.nodeType === 1) {
        const element = child as HtmlElement;
        if (element.hasAttribute('data-org-notice')) continue;
        // The law's own markup: a point on the article page, a point quoted as «Căn cứ».
        if (
          element.classList.contains('point-text') ||
          (element.tagName === 'blockquote' && element.hasAttribute('cite'))
        ) {
          const text = squash(element.textContent).replace(/^[a-zđ]\) /u, '');
          if (!isLaw(text)) notLaw.push(text);
          continue;
        }
        walk(element);
      }
    }
  };
  walk(root);
  // Words in curly quotes are the law's (content/readings, flows, drills: the quotation gate).
  const text = squash(pieces.join(' ')).replace(/“([^”]*)”/g, (_, quoted: string) => {
    if (NAMES_OF_2017.some((name) => quoted.includes(name)) && !isLaw(quoted)) notLaw.push(quoted);
    return ' ';
  });
  const names: string[] = [];
  const lower = text.toLocaleLowerCase('vi');
  for (const name of NAMES_OF_2017) {
    const needle = name.toLocaleLowerCase('vi');
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1))
      names.push(text.slice(Math.max(0, at - 40), at + name.length + 20));
  }
  const notices = root.querySelectorAll('[data-org-notice]');
  const clicks = notices.length === 0 ? null : Math.min(...notices.map(detailsAround));
  const banner = squash(root.querySelector('.status-banner summary')?.textContent ?? '');
  return { names, notLaw, clicks, banner };
}

describe('the scan itself', () => {
  const page = (
    body: string,
    notice = '<details class="status-banner"><summary>Hiệu lực, đơn vị: chưa xác minh</summary><p data-org-notice>…</p></details>',
  ) =>
    `<!doctype html><html lang="vi"><head><title>t</title></head><body>${notice}<main>${body}</main></body></html>`;

  it('finds a name of 2017 in the handbook’s own words, and the notice one click away', () => {
    const scan = scanPage(page('<p>Lãnh đạo ca trực báo cáo Tổng cục trưởng.</p>'));
    expect(scan.names).toHaveLength(1);
    expect(scan.clicks).toBe(1);
  });

  it('skips the law, in curly quotes and in its markup, but not handbook words dressed as law', () => {
    expect(scanPage(page('<p>Điểm b: “đề xuất Tổng cục trưởng chỉ đạo”.</p>')).names).toEqual([]);
    expect(
      scanPage(
        page(
          '<blockquote cite="/dieu-7/"><p>b) Thực hiện kiểm tra, kiểm soát nội bộ theo quy định tại Mục c, Điều 4, Quyết định số 4398/QĐ-TCHQngày 20/12/2016 của Tổng cục trưởng Tổng cục Hải quan</p></blockquote>',
        ),
      ).notLaw,
    ).toEqual([]);
    expect(scanPage(page('<p>“Tổng cục trưởng phê duyệt”</p>')).notLaw).toEqual([
      'Tổng cục trưởng phê duyệt',
    ]);
  });

  it('says when the notice is missing, or two clicks away', () => {
    expect(scanPage(page('<p>Tổng cục Hải quan</p>', '')).clicks).toBeNull();
    expect(
      scanPage(
        page(
          '<details><summary>a</summary><details><summary>b</summary><p data-org-notice>…</p></details></details>',
          '',
        ),
      ).clicks,
    ).toBe(2);
  });
});

describe('every built page', () => {
  const pages = listBuiltPages().map((page) => ({
    ...page,
    scan: scanPage(readFileSync(page.file, 'utf8')),
  }));

  it('quotes as the law only the law’s words', () => {
    expect(pages.flatMap((p) => p.scan.notLaw.map((text) => `${p.path}: ${text}`))).toEqual([]);
  });

  it('that shows a name of 2017 has the notice one click away, and the banner’s line says so', () => {
    const naming = pages.filter((p) => p.scan.names.length > 0);
    console.info(
      `${naming.length} of ${pages.length} pages name ${NAMES_OF_2017.join(' or ')} outside the law and the notice`,
    );
    expect(naming.length).toBeGreaterThan(5);
    for (const page of naming) {
      expect(page.scan.clicks, `${page.path}: ${page.scan.names[0]}`).not.toBeNull();
      expect(page.scan.clicks!, page.path).toBeLessThanOrEqual(1);
      expect(page.scan.banner, page.path).toMatch(/đơn vị: chưa xác minh/iu);
    }
  });

  it('shows the notice itself, not behind a click, on the introduction, the form page and each role page', () => {
    const at = (path: string) => pages.find((p) => p.distPath === path)!.scan;
    for (const path of [
      'gioi-thieu/index.html',
      'bieu-mau/index.html',
      ...handbook.dutyHolders.map((r) => `vai-tro/${r.id}/index.html`),
    ])
      expect(at(path).clicks, path).toBe(0);
  });
});

const missing = ['pdftotext'].filter((tool) => spawnSync('which', [tool]).status !== 0);
if (missing.length > 0)
  console.warn(`SKIPPED: the blank journals' heading needs ${missing.join(', ')} (poppler-utils)`);

describe.skipIf(missing.length > 0 && process.env.CI !== 'true')(
  'the blank journals shipped',
  () => {
    it.each(BLANK_JOURNALS.map((j) => [j.file]))(
      '%s is headed BỘ TÀI CHÍNH / CỤC HẢI QUAN on every page',
      (file) => {
        const pages = execFileSync(
          'pdftotext',
          ['-layout', join(distDir, BLANK_JOURNAL_DIR, file), '-'],
          {
            encoding: 'utf8',
          },
        )
          .split('\f')
          .slice(0, -1);
        expect(pages.length).toBe(BLANK_JOURNALS.find((j) => j.file === file)!.pages);
        for (const text of pages) {
          const [first, second] = text.split('\n').filter((line) => line.trim() !== '');
          expect(first).toMatch(/^\s*BỘ TÀI CHÍNH\s{3,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
          expect(second).toMatch(/^\s*CỤC HẢI QUAN\s{3,}Độc lập - Tự do - Hạnh phúc/);
          expect(text).not.toContain('TỔNG CỤC');
        }
      },
    );
  },
);
