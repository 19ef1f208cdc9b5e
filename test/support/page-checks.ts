/**
 * Checks run inside a page, shared by the page pass (every-page.test.ts) and scenario tests:
 * what is wider than its box, and which Content-Security-Policy violations the page reported.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** What on the page is wider than its box: cut (hidden overflow) or scrolling without a label or keyboard access. */
export const cutRegions = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    for (const el of document.body.querySelectorAll('*')) {
      if (!(el instanceof HTMLElement) || el.getClientRects().length === 0) continue;
      if (el.clientWidth <= 1) continue; // visually hidden text (clip), not a region
      if (el.scrollWidth <= el.clientWidth + 1) continue;
      const overflow = getComputedStyle(el).overflowX;
      if (overflow === 'hidden' || overflow === 'clip')
        problems.push(`${name(el)} cuts ${el.scrollWidth - el.clientWidth}px`);
      else if (overflow === 'auto' || overflow === 'scroll') {
        const labelled = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
        if (!labelled || el.tabIndex < 0)
          problems.push(
            `${name(el)} scrolls ${el.scrollWidth - el.clientWidth}px without ${labelled ? 'keyboard access' : 'a label'}`,
          );
      }
    }
    return problems;
  });

/** Records securitypolicyviolation events from the first script of every page of the context on. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
}

/** The violations a page watched by watchCsp has seen; "(not watched)" if it was not. */
export const cspViolations = (page: Page): Promise<string[]> =>
  page.evaluate(
    () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? ['(not watched)'],
  );
