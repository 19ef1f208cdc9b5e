/**
 * How tests and benchmarks start Chromium: Debian's build (never a downloaded one), with the
 * flags these machines need. Free of vitest, so that scripts/bench can use it too.
 */
import { chromium, type Browser } from 'playwright-core';

/** The flags these machines need: no sandbox (root, containers), no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium at CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export const launchChromium = (executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<Browser> =>
  chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
