/**
 * The journal log of a shift run, in real Chromium: only on the pages of the roles that
 * keep the journal; entries typed in Vietnamese, edited, removed and kept across reloads;
 * "Xuất nhật ký (PDF)" downloaded and read back with pdf-lib (header and rows hold exactly
 * the entries, NFC); 15 entries on two pages, rendered with pdftoppm; the run file
 * exported, filled into the same journal by `npm run journal -- --entries`, and imported
 * elsewhere; a v1 stored run loaded as v2; axe with the log open.
 * The clock is fixed so that default times can be checked (Asia/Ho_Chi_Minh).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { addEntry } from '../../src/lib/checklist/entries.ts';
import {
  formTitles,
  journalStateText,
  removedAnnouncement,
  savedAnnouncement,
} from '../../src/lib/checklist/journal-wording.ts';
import { emptyStore, serialise } from '../../src/lib/checklist/state.ts';
import { startRun as startStoredRun } from '../../src/lib/checklist/runs.ts';
import { journalKeepers } from '../../src/lib/content/forms.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import {
  axeInBothSchemes,
  clickToDownload,
  describeBrowser,
  waitForText,
  type SitePage,
} from '../support/browser.ts';
import { test, type OpenSite } from '../support/site-test.ts';
import { startRun } from '../support/role-page.ts';
import { fieldTextSizes, readPdf } from '../support/pdf.ts';
import { getJournalForm } from '../../src/data/journal.ts';
import { LIMITS } from '../../src/lib/checklist/schema.ts';

const handbook = loadHandbook('content');
const KEEPERS = journalKeepers(handbook);
const ROLE = 'lanh-dao-cap-phong-truc-ban';
const KEY = (role: string) => `so-tay-truc-ban:checklist:${role}`;
// 22:10 in Hà Nội.
const T0 = new Date('2026-11-27T15:10:00.000Z');
const CONTEXT = { timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN' } as const;
/** Where the rendered pages are left, to be looked at. */
const RENDERED = join(tmpdir(), 'journal-log-test');

const text = async (page: Page, selector: string) =>
  ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();

const open = (openSite: OpenSite, role = ROLE, options = {}) =>
  openSite(`/vai-tro/${role}/`, { ...CONTEXT, at: T0, ...options });

async function openLog(page: Page) {
  await page.click('[data-journal-open] summary');
  await page.waitForSelector('[data-journal-state]:not(:empty)');
}

interface Typed {
  date?: string;
  time?: string;
  kind?: 'cong-viec' | 'tinh-huong' | 'thong-tin';
  content: string;
  direction?: string;
  informed?: string;
  result?: string;
}

/** Fills the entry form as a user would and submits it. */
async function logEntry(page: Page, entry: Typed) {
  if (entry.date) await page.fill('#nk-ngay', entry.date);
  if (entry.time) await page.fill('#nk-gio', entry.time);
  if (entry.kind) await page.check(`#nk-loai-${entry.kind}`);
  await page.fill('#nk-noi-dung', entry.content);
  await page.fill('#nk-chi-dao', entry.direction ?? '');
  await page.fill('#nk-thong-bao', entry.informed ?? '');
  await page.fill('#nk-ket-qua', entry.result ?? '');
  await page.click('[data-journal-submit]');
}

const download = clickToDownload;

/** The journal's pages and every filled field. */
async function journal(
  bytes: Uint8Array,
): Promise<{ pages: number; values: Record<string, string> }> {
  const doc = await PDFDocument.load(bytes);
  const form = doc.getForm();
  const values = Object.fromEntries(
    form.getFields().flatMap((field) => {
      const value = form.getTextField(field.getName()).getText() ?? '';
      return value ? [[field.getName(), value]] : [];
    }),
  );
  return { pages: doc.getPageCount(), values };
}

const loaded = (site: SitePage, chunk: 'journal-log' | 'pdf') =>
  site.requests.some((url) => new RegExp(`/_astro/${chunk}\\.[\\w-]+\\.js$`).test(url));

describeBrowser('journal log', () => {
  test.for(handbook.dutyHolders.map((role) => role.id))(
    '%s: a log only where the role keeps the journal, its code fetched only when opened',
    async (roleId, { openSite }) => {
      const site = await open(openSite, roleId);
      const keeps = KEEPERS.includes(roleId);
      expect(await site.page.$$('[data-journal-log]')).toHaveLength(keeps ? 1 : 0);
      expect(loaded(site, 'journal-log')).toBe(false);
      if (keeps) {
        expect(await site.page.isVisible('[data-journal-log]')).toBe(true);
        await openLog(site.page);
        expect(loaded(site, 'journal-log')).toBe(true);
        expect(await text(site.page, '[data-journal-state]')).toBe(journalStateText(null, false));
        expect(await site.page.isVisible('[data-journal-form]')).toBe(false);
      }
      expect(loaded(site, 'pdf'), 'pdf-lib is fetched only for a PDF').toBe(false);
      expect(site.problems()).toEqual([]);
    },
  );

  test('logs three Vietnamese entries, edits and removes, keeps them across a reload, and exports exactly them as the journal (PDF)', async ({
    openSite,
  }) => {
    const site = await open(openSite);
    const { page } = site;
    page.on('dialog', (dialog) => void dialog.accept());
    await startRun(page);
    await openLog(page);
    expect(await page.inputValue('#nk-ngay')).toBe('2026-11-27');
    expect(await page.inputValue('#nk-gio')).toBe('22:10');

    // Nothing is added without content; the field says why.
    await page.click('[data-journal-submit]');
    expect(await text(page, '[data-journal-error]')).toBe('Nội dung: cần ghi nội dung.');
    expect(await page.getAttribute('#nk-noi-dung', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nk-noi-dung');

    // Typed decomposed (as some keyboards send it): kept and printed composed.
    await logEntry(page, {
      time: '22:15',
      kind: 'tinh-huong',
      content: 'Camera cổng số 3 mất tín hiệu'.normalize('NFD'),
      direction: 'Kiểm tra đường truyền',
      informed: 'Đội Kỹ thuật',
    });
    await logEntry(page, {
      time: '23:05',
      kind: 'thong-tin',
      content: 'Chi cục Hải quan cửa khẩu cảng Sài Gòn báo cáo tờ khai nghi vấn',
      direction: 'Yêu cầu làm rõ, báo cáo trước 06:00',
      informed: 'Lãnh đạo Phòng Giám sát hải quan trực tuyến',
    });
    await logEntry(page, { time: '23:30', content: 'Ghi nhầm, sẽ xóa' });
    await logEntry(page, {
      date: '2026-11-28',
      time: '01:15',
      kind: 'cong-viec',
      content: 'Kiểm tra lại hệ thống camera khu vực giám sát',
      result: 'Hoạt động bình thường',
    });
    expect(await text(page, '[data-journal-announce]')).toBe(
      savedAnnouncement(false, '01:15 28/11/2026 · Công việc thực hiện'),
    );
    expect(await text(page, '[data-journal-count]')).toBe('(4 mục)');

    // Remove the mistaken one, edit the first.
    await page.click('[data-journal-list] li:nth-child(3) [data-remove]');
    expect(await text(page, '[data-journal-announce]')).toBe(removedAnnouncement('23:30'));
    await page.click('[data-journal-list] li:nth-child(1) [data-edit]');
    expect(await text(page, '[data-journal-legend]')).toBe(formTitles('22:15').legend);
    expect(await page.inputValue('#nk-noi-dung')).toBe('Camera cổng số 3 mất tín hiệu');
    await page.fill('#nk-ket-qua', 'Đã khắc phục lúc 22:40');
    await page.click('[data-journal-submit]');
    expect(await text(page, '[data-journal-legend]')).toBe(formTitles(null).legend);

    await page.reload();
    await openLog(page);
    const shown = await page.$$eval('[data-journal-list] > li', (items) =>
      items.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
    );
    expect(shown).toEqual([
      '22:15 · Tình huống phát sinh Camera cổng số 3 mất tín hiệu Nội dung đã chỉ đạo Kiểm tra đường truyền Đã thông báo ý kiến của lãnh đạo đến Đội Kỹ thuật Kết quả, ghi chú Đã khắc phục lúc 22:40 Sửa Xóa',
      '23:05 · Thông tin tiếp nhận Chi cục Hải quan cửa khẩu cảng Sài Gòn báo cáo tờ khai nghi vấn Nội dung đã chỉ đạo Yêu cầu làm rõ, báo cáo trước 06:00 Đã thông báo ý kiến của lãnh đạo đến Lãnh đạo Phòng Giám sát hải quan trực tuyến Sửa Xóa',
      '01:15 28/11/2026 · Công việc thực hiện Kiểm tra lại hệ thống camera khu vực giám sát Kết quả, ghi chú Hoạt động bình thường Sửa Xóa',
    ]);
    expect(loaded(site, 'pdf')).toBe(false);

    const pdf = await download(page, '[data-journal-pdf]');
    expect(pdf.name).toBe('nhat-ky-truc-ban-2026-11-27.pdf');
    expect(loaded(site, 'pdf')).toBe(true);
    expect(await text(page, '[data-journal-result]')).toMatch(
      /^Đã tạo nhật ký ngày 27\/11\/2026: 3 dòng, 1 trang \(PDF, [\d,]+ KB\)\. Tải lại nhat-ky-truc-ban-2026-11-27\.pdf$/,
    );
    const { pages, values } = await journal(pdf.bytes);
    expect(pages).toBe(1);
    expect(values).toEqual({
      // The form's default unit line (content/forms/phu-luc-1.yaml), a field the user may change.
      don_vi: 'CỤC HẢI QUAN',
      ngay: '27/11/2026',
      ca_tu: '22:00',
      ca_den: '06:00',
      lanh_dao_cap_phong: 'Nguyễn Văn An',
      'p1.r01.thoi_gian': '22:15',
      'p1.r01.noi_dung': 'Tình huống phát sinh: Camera cổng số 3 mất tín hiệu',
      'p1.r01.chi_dao': 'Kiểm tra đường truyền',
      'p1.r01.thong_bao': 'Đội Kỹ thuật',
      'p1.r01.ghi_chu': 'Đã khắc phục lúc 22:40',
      'p1.r02.thoi_gian': '23:05',
      'p1.r02.noi_dung':
        'Thông tin tiếp nhận: Chi cục Hải quan cửa khẩu cảng Sài Gòn báo cáo tờ khai nghi vấn',
      'p1.r02.chi_dao': 'Yêu cầu làm rõ, báo cáo trước 06:00',
      'p1.r02.thong_bao': 'Lãnh đạo Phòng Giám sát hải quan trực tuyến',
      'p1.r03.thoi_gian': '01:15 28/11/2026',
      'p1.r03.noi_dung': 'Công việc thực hiện: Kiểm tra lại hệ thống camera khu vực giám sát',
      'p1.r03.ghi_chu': 'Hoạt động bình thường',
    });
    for (const value of Object.values(values)) expect(value).toBe(value.normalize('NFC'));
    expect(site.problems()).toEqual([]);
  });

  test('runs 15 entries onto a second page (rendered with pdftoppm)', async ({ openSite }) => {
    let store = startStoredRun(
      emptyStore(ROLE),
      {
        date: '2026-11-27',
        shiftStart: '22:00',
        shiftEnd: '06:00',
        shift: 'Ca đêm',
        officer: 'Trần Thị Bình',
        timeZone: 'Asia/Ho_Chi_Minh',
      },
      T0,
      'run-fifteen',
    );
    for (let n = 0; n < 15; n += 1) {
      const minute = 15 + n * 3;
      store = addEntry(
        store,
        {
          date: '2026-11-27',
          time: `${22 + Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`,
          kind: ['cong-viec', 'tinh-huong', 'thong-tin'][n % 3]!,
          content: `Mục thứ ${n + 1}: kiểm tra hình ảnh giám sát khu vực cảng Cát Lái, đối chiếu tờ khai luồng xanh`,
          direction: n % 2 ? 'Yêu cầu công chức trực ban làm rõ, báo cáo kết quả' : undefined,
          result: n === 14 ? 'Xong, bàn giao ca sau' : undefined,
        },
        `e-${String(n).padStart(4, '0')}`,
        T0,
      );
    }
    const site = await open(openSite);
    const { page } = site;
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      KEY(ROLE),
      serialise(store),
    ] as const);
    await page.reload();
    await openLog(page);
    expect(await text(page, '[data-journal-count]')).toBe('(15 mục)');
    const pdf = await download(page, '[data-journal-pdf]');
    expect(await text(page, '[data-journal-result]')).toContain('15 dòng, 2 trang');
    const { pages, values } = await journal(pdf.bytes);
    expect(pages).toBe(2);
    expect(values['p1.r10.noi_dung']).toMatch(/^Công việc thực hiện: Mục thứ 10: /);
    expect(values['p2.r01.noi_dung']).toMatch(/^Tình huống phát sinh: Mục thứ 11: /);
    expect(values['p2.r05.noi_dung']).toBe(
      'Thông tin tiếp nhận: Mục thứ 15: kiểm tra hình ảnh giám sát khu vực cảng Cát Lái, đối chiếu tờ khai luồng xanh',
    );
    expect(values['p2.r05.thoi_gian']).toBe('22:57');
    expect(values['p2.r05.ghi_chu']).toBe('Xong, bàn giao ca sau');
    expect(values['p2.r06.noi_dung']).toBeUndefined();
    expect(values.lanh_dao_cap_phong).toBe('Trần Thị Bình');

    // Rendered as a printer would; the pages are left in RENDERED to be looked at.
    rmSync(RENDERED, { recursive: true, force: true });
    mkdirSync(RENDERED, { recursive: true });
    writeFileSync(join(RENDERED, 'nhat-ky-15-muc.pdf'), pdf.bytes);
    const render = spawnSync(
      'pdftoppm',
      ['-png', '-r', '80', join(RENDERED, 'nhat-ky-15-muc.pdf'), join(RENDERED, 'trang')],
      { encoding: 'utf8' },
    );
    expect(render.status, render.stderr).toBe(0);
    for (const png of ['trang-1.png', 'trang-2.png'])
      expect(statSync(join(RENDERED, png)).size).toBeGreaterThan(20_000);
    expect(site.problems()).toEqual([]);
  });

  test('prints a 1,000-character entry and a long direction whole, every glyph at the body size, going on in the rows below', async ({
    openSite,
  }) => {
    const site = await open(openSite);
    const { page } = site;
    await startRun(page);
    await openLog(page);
    // Distinct words, so that a piece left out or repeated shows.
    const words = Array.from({ length: 250 }, (_, n) => `việc${n + 1}`).join(' ');
    const content = words.slice(0, LIMITS.content).trim();
    expect(content.length).toBeGreaterThan(LIMITS.content - 3);
    // A direction of a few lines: one row would hold it only in smaller type.
    const direction = `Yêu cầu Chi cục xác minh theo các bước ${Array.from({ length: 10 }, (_, n) => `bước${n + 1}`).join(' ')}`;
    await logEntry(page, { time: '22:15', kind: 'tinh-huong', content, direction });
    await page.waitForSelector('.journal-entry');
    const pdf = await download(page, '[data-journal-pdf]');
    // qpdf --check is clean, and the whole text is on the sheet.
    const { text: printed } = readPdf(pdf.bytes, { mode: 'raw' });
    // The two columns share their rows: each is read back by its numbered words, in order.
    const numbered = (text: string, stem: string) =>
      text.split(' ').filter((word) => new RegExp(`^${stem}\\d+$`).test(word));
    expect(printed).toContain('Tình huống phát sinh: việc1 việc2');
    expect(numbered(printed, 'việc')).toEqual(numbered(content, 'việc'));
    expect(numbered(printed, 'bước')).toEqual(numbered(direction, 'bước'));
    expect(printed).toContain('Yêu cầu Chi cục xác minh theo các bước bước1');
    const { values } = await journal(pdf.bytes);
    const rows = Object.keys(values).filter((name) => name.endsWith('.noi_dung'));
    expect(rows.length, 'the entry goes on over several rows').toBeGreaterThan(3);
    // Every glyph in the table, as pdf.js draws it, at the form's body size.
    const body = getJournalForm('content').type.field;
    const sizes = await fieldTextSizes(pdf.bytes);
    const cells = Object.keys(values).filter((name) => /^p\d+\.r\d+\./.test(name));
    expect(cells.filter((name) => name.endsWith('.chi_dao')).length).toBeGreaterThan(0);
    for (const cell of cells) expect(sizes.get(cell), cell).toEqual([body]);
    expect(site.problems()).toEqual([]);
  });

  test('exports the run as a file that `npm run journal -- --entries --ticked` fills into the same journal, and imports it on another device', async ({
    openSite,
  }) => {
    const site = await open(openSite);
    const { page } = site;
    const duties = handbook.dutiesOf(ROLE);
    await startRun(page);
    await page.clock.setFixedTime(new Date(T0.getTime() + 5 * 60_000));
    await page.check(`[id="xong-${duties[0]!.id}"]`);
    await page.fill(`[id="ghi-chu-${duties[0]!.id}"]`, 'đã phối hợp với lãnh đạo phòng');
    await openLog(page);
    await logEntry(page, {
      time: '22:30',
      kind: 'tinh-huong',
      content: 'Xe container vào khu vực giám sát không qua cổng số 2',
      direction: 'Dừng đưa hàng qua khu vực giám sát, làm rõ',
    });
    await page.check('[data-journal-ticked]');
    const browserPdf = (await download(page, '[data-journal-pdf]')).bytes;
    // The ticked item's action takes two rows at the body size, the entry the third.
    expect(await text(page, '[data-journal-result]')).toContain('3 dòng, 1 trang');
    await page.click('[data-end]');
    await page.click('[data-review-confirm]');
    // An ended run is read only: no form, no edit buttons; its exports still work.
    await page.waitForSelector('[data-journal-form]', { state: 'hidden' });
    await page.click('[data-open-run]');
    expect(await text(page, '[data-journal-state]')).toMatch(
      /^Nhật ký của ca đã qua 27\/11\/2026 · Ca đêm 22:00–06:00 \(hôm sau\) · Nguyễn Văn An \(chỉ xem\): 1 mục/,
    );
    expect(await page.$$('[data-journal-list] button')).toHaveLength(0);
    const runJson = await download(page, '[data-journal-json]');
    expect(runJson.name).toBe('ca-truc-2026-11-27-ca-dem.json');
    expect(site.problems()).toEqual([]);

    // The command line, from the very file the page wrote.
    const dir = join(tmpdir(), `journal-log-cli-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, runJson.name), runJson.bytes);
      const cli = spawnSync(
        'npx',
        [
          'tsx',
          resolve('scripts/journal.ts'),
          '--entries',
          join(dir, runJson.name),
          '--ticked',
          '--out',
          join(dir, 'cli.pdf'),
        ],
        {
          encoding: 'utf8',
          env: { ...process.env, SOURCE_DATE_EPOCH: '' },
        },
      );
      expect(cli.status, cli.stderr).toBe(0);
      const fromCli = await journal(readFileSync(join(dir, 'cli.pdf')));
      const fromBrowser = await journal(browserPdf);
      // Same header and rows: the shift as scheduled, whether the run was open or ended.
      expect(fromCli.values).toEqual(fromBrowser.values);
      expect(fromBrowser.values).toMatchObject({ ca_tu: '22:00', ca_den: '06:00' });
      expect(fromBrowser.values).toMatchObject({
        'p1.r01.thoi_gian': '22:15',
        'p1.r01.ghi_chu': 'đã phối hợp với lãnh đạo phòng',
        'p1.r03.noi_dung':
          'Tình huống phát sinh: Xe container vào khu vực giám sát không qua cổng số 2',
      });
      expect(
        `${fromBrowser.values['p1.r01.noi_dung']} ${fromBrowser.values['p1.r02.noi_dung']}`,
      ).toBe(`Công việc thực hiện: ${duties[0]!.action}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Another device: the run joins its history; a bad or foreign file is refused, changing nothing.
    const other = await open(openSite);
    const { page: there } = other;
    await openLog(there);
    await there.setInputFiles('[data-journal-import]', {
      name: runJson.name,
      mimeType: 'application/json',
      buffer: runJson.bytes,
    });
    await there.waitForSelector('[data-journal-result]:not(:empty)');
    expect(await text(there, '[data-journal-result]')).toBe(
      'Đã nhập ca 27/11/2026 · Ca đêm 22:00–06:00 (hôm sau) · Nguyễn Văn An vào «Các ca đã qua».',
    );
    // The history list is drawn by code loaded on first use, just after the import says so.
    await there.waitForFunction(
      () => document.querySelectorAll('[data-history-list] li').length === 1,
    );

    const data = JSON.parse(runJson.bytes.toString('utf8')) as {
      version: number;
      run: { journal: { at: string }[] };
    };
    const refused: [string, string, string][] = [
      [
        'moi.json',
        JSON.stringify({ ...data, version: 5 }),
        'Không nhập được «moi.json»: Ô «phiên bản» của tệp được tạo bởi phiên bản sổ tay mới hơn (định dạng 5); trang này chỉ đọc được định dạng 4.',
      ],
      [
        'gio.json',
        JSON.stringify({
          ...data,
          run: { ...data.run, journal: [{ ...data.run.journal[0], at: '2026-11-27T22:75' }] },
        }),
        'Không nhập được «gio.json»: Mục nhật ký thứ 1, ô «thời gian» phải là ngày giờ có thật, dạng 2026-11-27T22:15.',
      ],
      [
        'ghi-chu.txt',
        'ca đêm 27/11',
        'Không nhập được «ghi-chu.txt»: Tệp không phải tệp JSON đọc được (có thể đã bị cắt hoặc sửa hỏng).',
      ],
    ];
    for (const [name, content, message] of refused) {
      await there.setInputFiles('[data-journal-import]', {
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(content),
      });
      await there.waitForFunction(
        (expected) => document.querySelector('[data-journal-result]')?.textContent === expected,
        message,
      );
    }
    expect(await there.$$('[data-history-list] li')).toHaveLength(1);
    expect(other.problems()).toEqual([]);
    const foreign = await open(openSite, 'lanh-dao-ca-truc');
    await openLog(foreign.page);
    await foreign.page.setInputFiles('[data-journal-import]', {
      name: runJson.name,
      mimeType: 'application/json',
      buffer: runJson.bytes,
    });
    await foreign.page.waitForSelector('[data-journal-result]:not(:empty)');
    expect(await text(foreign.page, '[data-journal-result]')).toBe(
      `Không nhập được «${runJson.name}»: đây là ca của Lãnh đạo cấp phòng trực ban; hãy nhập trên trang của vai trò đó.`,
    );
    expect(await foreign.page.$$('[data-history-list] li')).toHaveLength(0);
  });

  test('loads a run stored by an old version (v1, no journal) as the current version with an empty log, and logs into it', async ({
    openSite,
  }) => {
    const site = await open(openSite);
    const { page } = site;
    const run = {
      id: 'run-v1-0001',
      role: ROLE,
      date: '2026-11-27',
      shift: 'Ca đêm',
      officer: 'Lê Văn Cường',
      startedAt: T0.toISOString(),
      endedAt: null,
      items: [],
    };
    const v1 = JSON.stringify({
      format: 'so-tay-truc-ban/checklist',
      version: 1,
      role: ROLE,
      current: run,
      history: [],
    });
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      KEY(ROLE),
      v1,
    ] as const);
    await page.reload();
    expect(await text(page, '[data-notices] .notice')).toMatch(
      /^Dữ liệu ca trực đã được chuyển sang định dạng mới của sổ tay; không mất ca nào\./,
    );
    // The status line is drawn once the stored runs are read (their reader loads on first use).
    await waitForText(
      page,
      '[data-status]',
      'Ca đang mở: 27/11/2026 · Ca đêm · Lê Văn Cường; mở sổ lúc 22:10.',
    );
    await openLog(page);
    expect(await text(page, '[data-journal-state]')).toBe(
      'Nhật ký của ca đang mở: chưa có mục nào.',
    );
    await logEntry(page, { content: 'Nhận bàn giao ca' });
    const stored = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}'),
      KEY(ROLE),
    );
    expect(stored.version).toBe(5);
    // The zone of this device (Chromium names Hà Nội time "Asia/Saigon").
    expect(stored.current).toMatchObject({
      shiftStart: null,
      shiftEnd: null,
      timeZone: expect.stringMatching(/^Asia\/(Ho_Chi_Minh|Saigon)$/),
    });
    expect(stored.current.journal).toEqual([
      {
        id: expect.any(String),
        at: '2026-11-27T22:10',
        kind: 'cong-viec',
        content: 'Nhận bàn giao ca',
        stamp: T0.getTime(),
      },
    ]);
    const aside = await page.evaluate(
      (key) =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith(`${key}:set-aside:`))
          .map((k) => localStorage.getItem(k)),
      KEY(ROLE),
    );
    expect(aside).toEqual([v1]);
    expect(site.problems()).toEqual([]);
  });

  test.for(KEEPERS)(
    'axe finds nothing on %s (light and dark) with the log open: empty, with entries, editing, with an error and an export',
    async (roleId, { openSite }) => {
      const site = await open(openSite, roleId);
      const { page } = site;
      await openLog(page);
      expect(await axeInBothSchemes(page), 'open, no run').toBe('');
      await startRun(page);
      await logEntry(page, {
        time: '22:15',
        kind: 'tinh-huong',
        content: 'Camera cổng số 3 mất tín hiệu',
        direction: 'Kiểm tra đường truyền',
        informed: 'Đội Kỹ thuật',
        result: 'Đã khắc phục',
      });
      await page.click('[data-journal-list] [data-edit]');
      await page.fill('#nk-noi-dung', '');
      await page.click('[data-journal-submit]');
      expect(await page.isVisible('[data-journal-error]')).toBe(true);
      expect(await axeInBothSchemes(page), 'editing, with an error').toBe('');
      await page.click('[data-journal-cancel]');
      await download(page, '[data-journal-json]');
      expect(await axeInBothSchemes(page), 'with an export').toBe('');
      expect(site.problems()).toEqual([]);
    },
  );
});
