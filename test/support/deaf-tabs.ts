/**
 * Two tabs that type at once, made so on any machine: a page given `deafen` stops hearing what
 * the other tabs store (their `storage` events wait) until `hear`, which delivers them in order.
 * Edits made while deaf cross as when two people type at the same moment, however loaded the
 * machine (without it, one tab may hear the other before it types, and nothing crosses).
 */
import type { BrowserContext, Page } from 'playwright-core';

/** What `deafening` gives each page of the context. */
export interface Deaf {
  deafen(): void;
  hear(): void;
}

/** Gives each page of the context `deafen` and `hear`, before its own listeners (which then run in order). */
export const deafening = (context: BrowserContext) =>
  context.addInitScript(() => {
    const held: StorageEvent[] = [];
    let deaf = false;
    window.addEventListener('storage', (event) => {
      if (!deaf || !event.isTrusted) return;
      event.stopImmediatePropagation();
      held.push(event);
    });
    Object.assign(window, {
      deafen: () => (deaf = true),
      hear: () => {
        deaf = false;
        for (const { key, oldValue, newValue, url, storageArea } of held.splice(0))
          window.dispatchEvent(
            new StorageEvent('storage', { key, oldValue, newValue, url, storageArea }),
          );
      },
    } satisfies Deaf);
  });

export const deafen = (page: Page) => page.evaluate(() => (window as unknown as Deaf).deafen());
export const hear = (page: Page) => page.evaluate(() => (window as unknown as Deaf).hear());
