/**
 * How tests and benchmarks start Chromium: Debian's build (never a downloaded one), with the
 * flags these machines need. Free of vitest, so that scripts/bench can use it too.
 */
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

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

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** CHROMIUM_PATH when set (and then only that), else Debian's /usr/bin/chromium. */
export const wantedChromium = (): string => process.env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM;

/** Chromium at `executablePath`, by default the wanted one. */
export const launchChromium = (executablePath = wantedChromium()): Promise<Browser> =>
  chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });

/**
 * Chromium as a server that several test workers connect to (test/support/site-setup.ts):
 * started once for the whole site run instead of once per file.
 */
export const launchChromiumServer = (executablePath = wantedChromium()): Promise<BrowserServer> =>
  chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS });

/** A connection to a server made by launchChromiumServer; closing it closes only its own contexts. */
export const connectChromium = (wsEndpoint: string): Promise<Browser> =>
  chromium.connect(wsEndpoint);
