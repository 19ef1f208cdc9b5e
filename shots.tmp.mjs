import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const pages = [
  ['vai-tro-truong-phong', '/vai-tro/truong-phong-gshqtt/#art_7__para_3__subpara_1__point_d--giam-sat-bao-cao'],
  ['vai-tro-cong-chuc', '/vai-tro/cong-chuc-gshqtt/#quan-he'],
  ['cau-hoi-lanh-dao-phong', '/quy-trinh/tinh-huong-trong-gio/bat-dau/'],
  ['ket-qua-khong-co', '/quy-trinh/tinh-huong-trong-gio/bat-dau/khong/khong/'],
  ['quy-trinh-kiem-soat', '/quy-trinh/kiem-soat-noi-bo/'],
  ['dien-tap-chuoi', '/dien-tap/chuoi-bao-cao-phe-duyet/#cach-hieu'],
];
for (const width of [390, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  for (const [name, path] of pages) {
    await page.goto(`http://127.0.0.1:4616${path}`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/work/notes/shots-16/${name}-${width}.png`, fullPage: false });
  }
  await context.close();
}
await browser.close();
