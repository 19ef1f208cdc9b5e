/**
 * Every URL of the site, in one place, without the base path: pages and components
 * prefix them with `withBase` so the site works under a sub-path too.
 */
import { parseEId } from '../law/eid.ts';

export const routes = {
  home: () => '/',
  /** An article's page ("/dieu-7/"); with the eId of a provision inside it, that provision. */
  article: (eId = 'art_7') => {
    const page = `/dieu-${parseEId(eId).article}/`;
    return eId.includes('__') ? `${page}#${eId}` : page;
  },
  roles: () => '/vai-tro/',
  role: (roleId: string, itemId?: string) => `/vai-tro/${roleId}/${itemId ? `#${itemId}` : ''}`,
  page: (slug: string) => `/${slug}/`,
  /** The printable forms (the duty journal), and a file among them. */
  forms: (file?: string) => `/bieu-mau/${file ?? ''}`,
  flows: () => '/quy-trinh/',
  /** A flow's start page; with a node id, that node in the flow's text overview. */
  flow: (flowId: string, nodeId?: string) =>
    `/quy-trinh/${flowId}/${nodeId ? `#nut-${nodeId}` : ''}`,
  /** The guide after these answers (none: the first question): answers stay in the URL. */
  flowAnswers: (flowId: string, answers: readonly string[] = []) =>
    `/quy-trinh/${flowId}/bat-dau/${answers.map((answer) => `${answer}/`).join('')}`,
  /** Every path of a flow, printable. */
  flowCases: (flowId: string) => `/quy-trinh/${flowId}/cac-truong-hop/`,
  search: (query?: string) => (query ? `/tim-kiem/?q=${encodeURIComponent(query)}` : '/tim-kiem/'),
  /** Training drills; with a role id, the list filtered to the drills that role plays in. */
  drills: (roleId?: string) => `/dien-tap/${roleId ? `#cho-${roleId}` : ''}`,
  /** Trainee mode of a drill. */
  drill: (drillId: string) => `/dien-tap/${drillId}/`,
  /** The facilitator's view: MSEL, evaluation sheet, hot wash and after-action report. */
  drillTrainer: (drillId: string) => `/dien-tap/${drillId}/huan-luyen-vien/`,
  /** Printable inject cards, with the answer key on separate pages. */
  drillCards: (drillId: string) => `/dien-tap/${drillId}/the-tinh-huong/`,
  /** The "Ai làm việc này?" quiz, generated from the checklist items. */
  quiz: () => '/dien-tap/ai-lam-viec-nay/',
  /** The learning path for new officers; with a role id (or "ca-bon-vai-tro"), that role's path. */
  learning: (path?: string) => `/hoc-tap/${path ? `${path}/` : ''}`,
  /** Practice, on a role's points or on one point. */
  practice: (scope?: { role: string } | { point: string }) =>
    `/hoc-tap/luyen-tap/${scope ? ('role' in scope ? `?vai-tro=${scope.role}` : `?diem=${scope.point}`) : ''}`,
  /** The questions practice loads when it starts. */
  practiceQuestions: () => '/hoc-tap/cau-hoi.json',
  /** The trainer's class view. */
  learningClass: () => '/hoc-tap/lop/',
  /** The whole handbook as one booklet to print; with `a5`, the pocket size. */
  booklet: (paper?: 'a5') => `/in/${paper ? `?kho=${paper}` : ''}`,
  /** Shown by the service worker, offline, instead of a page not saved on the device. */
  notSaved: () => '/chua-luu/',
};

/** Prefixes a site path with the base ("/so-tay/"), keeping exactly one slash between. */
export function withBase(base: string, path: string): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmed}${path.startsWith('/') ? path : `/${path}`}`;
}
