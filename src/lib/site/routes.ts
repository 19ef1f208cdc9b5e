/**
 * Every URL of the site, in one place, without the base path: pages and components
 * prefix them with `withBase` so the site works under a sub-path too.
 */
export const routes = {
  home: () => '/',
  article: (eId?: string) => (eId ? `/dieu-7/#${eId}` : '/dieu-7/'),
  roles: () => '/vai-tro/',
  role: (roleId: string, itemId?: string) => `/vai-tro/${roleId}/${itemId ? `#${itemId}` : ''}`,
  page: (slug: string) => `/${slug}/`,
};

/** Prefixes a site path with the base ("/so-tay/"), keeping exactly one slash between. */
export function withBase(base: string, path: string): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmed}${path.startsWith('/') ? path : `/${path}`}`;
}
