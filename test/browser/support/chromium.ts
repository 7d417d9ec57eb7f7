import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; `scripts/test` installs it when missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts Chromium for a test. Playwright's `launch` gives every browser a fresh temporary profile
 * (user-data-dir) and deletes it on close, so tests never share cookies, storage or caches.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` ` +
        '(scripts/test does this) or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** Where the browser tests leave their screenshots. */
export const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

/**
 * Chromium and a system under test for one describe block: both started before its tests, closed after
 * them. The returned object is filled in by that beforeAll, so read its fields inside tests and hooks.
 */
export function chromiumWith<S extends { close(): Promise<void> }>(start: () => Promise<S>): { browser: Browser; system: S } {
  const suite = {} as { browser: Browser; system: S };
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    suite.browser = await launchChromium();
    suite.system = await start();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.system?.close();
  });
  return suite;
}

/** A phone: iPhone 12–15 class viewport, touch, German first. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'de-DE', timezoneId: 'Europe/Berlin' } as const;

export interface WatchedPage {
  readonly page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  readonly problems: string[];
}

/** A new page that records everything that went wrong in it, so a test can assert there was nothing. */
export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  return { page, problems };
}
