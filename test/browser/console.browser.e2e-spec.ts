import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { launchChromium, watchedPage } from './support/chromium';
import { CLERK, startFrontdeskSystem, type FrontdeskSystem } from './support/frontdesk-system';

/**
 * The staff console in Debian's Chromium at 1366×768 against the real gateway, booking and frontdesk.
 * The whole desk flow is driven by the keyboard only (Tab to reach a control, Enter to use it):
 * sign in, check in a booked appointment by reference, issue a walk-in ticket, open the counter,
 * call next, start, complete, call the walk-in, mark a no-show. axe-core must find 0 violations.
 */
jest.setTimeout(180_000);
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

/** Presses Tab until `selector` has the focus; fails if it is never reached (not keyboard-reachable). */
async function tabTo(page: Page, selector: string, maxTabs = 80): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} not reachable with Tab`);
}

describe('staff console in Chromium (real system, keyboard only)', () => {
  let system: FrontdeskSystem;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    system = await startFrontdeskSystem();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  it('signs in, checks in, issues a walk-in and serves both at the counter by keyboard alone', async () => {
    const reference = await system.book('09:00');
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${system.url}/staff`);
    await page.locator('#username:focus').waitFor();
    await expectNoAxeViolations(page, 'console sign-in');
    await page.screenshot({ path: `${SHOTS}/console-login.png` });

    await page.keyboard.type('clerk.hbs');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    await page.locator('#login-error:not(:empty)').waitFor();
    await page.fill('#password', '');
    await tabTo(page, '#password');
    await page.keyboard.type(CLERK.password);
    await page.keyboard.press('Enter');
    await page.locator('#announce', { hasText: 'Verbunden' }).waitFor({ timeout: 10_000 });
    await expect(page.locator('#expected').textContent()).resolves.toContain(reference);

    const live = page.locator('#announce');
    await tabTo(page, '#reference');
    await page.keyboard.type(reference);
    await page.keyboard.press('Enter');
    await live.filter({ hasText: `${reference} eingecheckt: Nummer T-001` }).waitFor();
    await expect(page.locator('#expected').textContent()).resolves.toContain('angekommen (T-001)');

    await tabTo(page, '#walkin-form button');
    await page.keyboard.press('Enter');
    await live.filter({ hasText: 'Wartenummer W-001 ausgegeben' }).waitFor();
    await expect(page.locator('#waiting tr[data-ticket]').count()).resolves.toBe(2);

    await tabTo(page, '#toggle-counter');
    await page.keyboard.press('Enter');
    await page.locator('#toggle-counter', { hasText: 'Schalter schließen' }).waitFor();
    await tabTo(page, '[data-action="call-next"]');
    await page.keyboard.press('Enter');
    await live.filter({ hasText: 'T-001 an Schalter 1 aufgerufen' }).waitFor(); // the due appointment before the walk-in
    await expect(page.locator('#current').textContent()).resolves.toContain('T-001');
    await page.screenshot({ path: `${SHOTS}/console-called.png` });
    await expectNoAxeViolations(page, 'console with a call');

    // Focus follows the flow: after the call it is on "start", then on "complete", then on "call next".
    await page.locator('[data-action="start"]:focus').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#current', { hasText: 'in Bedienung' }).waitFor();
    await page.locator('[data-action="complete"]:focus').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#current', { hasText: 'Niemand aufgerufen' }).waitFor();
    await page.locator('[data-action="call-next"]:focus').waitFor();
    await page.keyboard.press('Enter');
    await live.filter({ hasText: 'W-001 an Schalter 1 aufgerufen' }).waitFor();
    await tabTo(page, '[data-action="no-show"]');
    await page.keyboard.press('Enter');
    await page.locator('#current', { hasText: 'Niemand aufgerufen' }).waitFor();
    await expect(page.locator('#waiting').textContent()).resolves.toContain('Niemand wartet');

    await page.screenshot({ path: `${SHOTS}/console-done.png`, fullPage: true });
    await expectNoAxeViolations(page, 'console after serving');
    expect(problems.filter((p) => !p.includes('status of 401'))).toEqual([]); // the first session check is a 401
    await context.close();
  });
});
