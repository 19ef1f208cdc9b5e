/**
 * The bench's table of rendering time by route reads Astro's build log. Each page line must land
 * on the page file that built it, or a route that grows with the square of the content hides.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { durationMs, renderTimeByRoute, routePatterns } from '../../scripts/bench/routes.ts';

const patterns = routePatterns(readdirSync('src/pages', { recursive: true, encoding: 'utf8' }));

describe('rendering time by route', () => {
  it.each([
    ['44ms', 44],
    ['15.69s', 15_690],
    ['2m 10s', 130_000],
  ])('reads Astro’s duration %s', (text, ms) => expect(durationMs(text)).toBe(ms));

  it.each([
    ['/index.html', '/'],
    ['/404.html', '/404'],
    ['/gioi-thieu/index.html', '/[page]/'],
    ['/dieu-7/index.html', '/dieu-[num]/'],
    ['/dieu-101/index.html', '/dieu-[num]/'],
    ['/vai-tro/index.html', '/vai-tro/'],
    ['/vai-tro/s3-lanh-dao-ca-truc/index.html', '/vai-tro/[role]/'],
    ['/hoc-tap/lop/index.html', '/hoc-tap/lop/'],
    ['/hoc-tap/ca-bon-vai-tro/index.html', '/hoc-tap/[role]/'],
    ['/hoc-tap/cau-hoi.json', '/hoc-tap/cau-hoi.json'],
    ['/bieu-mau/mau-nhat-ky.json', '/bieu-mau/mau-nhat-ky.json'],
    ['/quy-trinh/x/index.html', '/quy-trinh/[flow]/'],
    ['/quy-trinh/x/cac-truong-hop/index.html', '/quy-trinh/[flow]/cac-truong-hop/'],
    ['/quy-trinh/x/bat-dau/co/khong/index.html', '/quy-trinh/[flow]/bat-dau/[...answers]/'],
    ['/quy-trinh/x/bat-dau/index.html', '/quy-trinh/[flow]/bat-dau/[...answers]/'],
    ['/dien-tap/ai-lam-viec-nay/index.html', '/dien-tap/ai-lam-viec-nay/'],
    ['/dien-tap/x/huan-luyen-vien/index.html', '/dien-tap/[drill]/huan-luyen-vien/'],
  ])('puts %s under %s', (path, route) => {
    expect(renderTimeByRoute(`  ├─ ${path} (+1ms)`, patterns)).toEqual([
      { route, pages: 1, ms: 1 },
    ]);
  });

  it('sums each route’s pages, slowest route first', () => {
    const log = [
      '19:42:03   ├─ /404.html (+44ms) ',
      '19:42:03   ├─ /vai-tro/a/index.html (+10ms) ',
      '19:42:03   ├─ /vai-tro/b/index.html (+12ms) ',
      '19:42:03   ├─ /hoc-tap/cau-hoi.json (+2m 10s) ',
      '19:42:03   └─ /index.html (+6ms) ',
      '19:42:05 [build] 5 page(s) built in 6.64s',
    ].join('\n');
    expect(renderTimeByRoute(log, patterns)).toEqual([
      { route: '/hoc-tap/cau-hoi.json', pages: 1, ms: 130_000 },
      { route: '/404', pages: 1, ms: 44 },
      { route: '/vai-tro/[role]/', pages: 2, ms: 22 },
      { route: '/', pages: 1, ms: 6 },
    ]);
  });
});
