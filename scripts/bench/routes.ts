/**
 * Rendering time by route, from Astro's build log: it prints each page it writes with the time
 * that page took ("├─ /vai-tro/x/index.html (+16ms)"). Summed per route of src/pages, the times
 * show which route grows faster than the content does.
 */

export interface RouteTime {
  route: string;
  pages: number;
  ms: number;
}

interface RoutePattern {
  route: string;
  pattern: RegExp;
  /** The sum of its segments' dynamicness: the lower, the earlier it is tried. */
  dynamic: number;
}

/** "2m 10s", "15.69s", "44ms" → milliseconds. */
export function durationMs(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };
  return [...text.matchAll(/([\d.]+)(ms|s|m)\b/g)].reduce(
    (sum, [, value, unit]) => sum + Number(value) * (units[unit ?? ''] ?? Number.NaN),
    0,
  );
}

/** A rest parameter: any segments, or none (for a page, "bat-dau/" matches "bat-dau/[...answers]/"). */
const REST = '.+';

/** A path segment of a page file as a pattern: "[role]" is any one segment, "[...answers]" any several. */
const segmentPattern = (segment: string) =>
  segment
    .split(/(\[[^\]]+\])/)
    .map((piece) =>
      piece.startsWith('[...')
        ? REST
        : piece.startsWith('[')
          ? '[^/]+'
          : piece.replace(/[.*+?^${}()|\\]/g, '\\$&'),
    )
    .join('');

/**
 * How loosely a segment matches, for Astro's priority: a static segment before one with a
 * parameter in it ("dieu-[num]"), before a whole parameter ("[page]"), before a rest ("[...answers]").
 */
const dynamicness = (segment: string) =>
  segment.startsWith('[...') ? 3 : /^\[[^\]]+\]$/.test(segment) ? 2 : segment.includes('[') ? 1 : 0;

/** Page files under src/pages ("vai-tro/[role].astro", "hoc-tap/cau-hoi.json.ts") → the paths they build. */
export function routePatterns(files: readonly string[]): RoutePattern[] {
  return files
    .filter((file) => /\.(astro|md|mdx|ts)$/.test(file))
    .map((file) => {
      const path = file.replace(/\.(astro|md|mdx|ts)$/, '').replace(/(^|\/)index$/, '');
      const segments = path.split('/').filter(Boolean).map(segmentPattern);
      // Endpoints ("….json") and 404 write a file of their name; pages write <path>/index.html.
      const ownFile = /\.json$/.test(path) || path === '404';
      const source = ownFile
        ? `/${segments.join('/')}${path === '404' ? '\\.html' : ''}`
        : `/${segments.map((s) => (s === REST ? '(?:.+/)?' : `${s}/`)).join('')}index\\.html`;
      return {
        route: ownFile ? `/${path}` : `/${path}${path ? '/' : ''}`,
        pattern: new RegExp(`^${source}$`),
        dynamic: path.split('/').reduce((sum, segment) => sum + dynamicness(segment), 0),
      };
    })
    .sort((a, b) => a.dynamic - b.dynamic);
}

/** Each route's pages and their summed rendering time, slowest first. */
export function renderTimeByRoute(log: string, patterns: readonly RoutePattern[]): RouteTime[] {
  const byRoute = new Map<string, RouteTime>();
  for (const [, path = '', took = ''] of log.matchAll(/[├└]─ (\S+) \(\+([^)]+)\)/g)) {
    const route = patterns.find((p) => p.pattern.test(path))?.route ?? path;
    const entry = byRoute.get(route) ?? { route, pages: 0, ms: 0 };
    entry.pages += 1;
    entry.ms += durationMs(took);
    byRoute.set(route, entry);
  }
  return [...byRoute.values()].sort((a, b) => b.ms - a.ms);
}
