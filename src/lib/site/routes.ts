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
  /** The printable forms (the duty journal), and a file among them. */
  forms: (file?: string) => `/bieu-mau/${file ?? ''}`,
  flows: () => '/quy-trinh/',
  /** A flow's start page; with a node id, that node in the flow's text overview. */
  flow: (flowId: string, nodeId?: string) => `/quy-trinh/${flowId}/${nodeId ? `#nut-${nodeId}` : ''}`,
  /** The guide after these answers (none: the first question): answers stay in the URL. */
  flowAnswers: (flowId: string, answers: readonly string[] = []) =>
    `/quy-trinh/${flowId}/bat-dau/${answers.map((answer) => `${answer}/`).join('')}`,
  /** Every path of a flow, printable. */
  flowCases: (flowId: string) => `/quy-trinh/${flowId}/cac-truong-hop/`,
  search: (query?: string) => (query ? `/tim-kiem/?q=${encodeURIComponent(query)}` : '/tim-kiem/'),
};

/** Prefixes a site path with the base ("/so-tay/"), keeping exactly one slash between. */
export function withBase(base: string, path: string): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmed}${path.startsWith('/') ? path : `/${path}`}`;
}
