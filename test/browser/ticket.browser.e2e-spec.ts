import { expectNoAxeViolations } from './support/axe';
import { chromiumWith, PHONE, watchedPage, SHOTS } from './support/chromium';
import { startFrontdeskSystem, staffApi, type StaffApi } from './support/frontdesk-system';

/**
 * The citizen's live ticket page in Debian's Chromium on a phone (390×844) against the real system:
 * place in line and estimate, updated live when others are called, and on its own call "Bitte gehen
 * Sie zu Schalter 2 / Please go to counter 2" with the signal (WebAudio beep) played.
 */
jest.setTimeout(120_000);
const office = '/api/staff/offices/hbs';

describe('ticket page in Chromium (real system)', () => {
  const suite = chromiumWith(startFrontdeskSystem);
  let staff: StaffApi;

  beforeAll(async () => {
    staff = await staffApi(suite.system.url);
  });

  it('shows place and estimate, moves up when the one ahead is called, and calls the citizen to the counter', async () => {
    await staff.post(`${office}/walk-ins`, { services: [{ serviceId: 'anmeldung', quantity: 1 }] });
    const mine = await staff.post(`${office}/walk-ins`, { services: [{ serviceId: 'anmeldung', quantity: 1 }] });
    await staff.post(`${office}/counters/schalter-1/open`);
    const context = await suite.browser.newContext(PHONE);
    const { page, problems } = await watchedPage(context);
    await page.goto(`${suite.system.url}/ticket/hbs/${mine.ticket.ticketId}`);
    await page.locator('#number', { hasText: 'W-002' }).waitFor();
    await expect(page.locator('#ahead').textContent()).resolves.toBe('1 Person');
    await expect(page.locator('#estimate').textContent()).resolves.toMatch(/^ca\. \d+ Minuten$/);
    await expectNoAxeViolations(page, 'ticket page (waiting)');
    await page.screenshot({ path: `${SHOTS}/ticket-waiting.png` });

    await staff.post(`${office}/counters/schalter-1/call-next`); // W-001
    await page.locator('#ahead', { hasText: 'niemand' }).waitFor({ timeout: 5000 });

    await staff.post(`${office}/counters/schalter-2/open`);
    const called = await staff.post(`${office}/counters/schalter-2/call-next`);
    expect(called.ticket.number).toBe('W-002');
    await page.locator('#call-de', { hasText: 'Bitte gehen Sie zu Schalter 2' }).waitFor({ timeout: 5000 });
    await expect(page.locator('#call-en').textContent()).resolves.toBe('Please go to counter 2');
    await expect(page.locator('#call').getAttribute('role')).resolves.toBe('alert');
    await page.waitForFunction(() => document.body.dataset.signalled === '1'); // the beep was scheduled once
    await expectNoAxeViolations(page, 'ticket page (called)');
    await page.screenshot({ path: `${SHOTS}/ticket-called.png` });

    await page.locator('[data-lang-switch]').tap();
    await expect(page.locator('#state').textContent()).resolves.toBe('You are being called!');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so when the ticket does not exist today', async () => {
    const context = await suite.browser.newContext(PHONE);
    const { page } = await watchedPage(context);
    await page.goto(`${suite.system.url}/ticket/hbs/no-such-ticket`);
    await page.locator('#state', { hasText: 'gibt es heute nicht' }).waitFor();
    await expectNoAxeViolations(page, 'ticket page (unknown)');
    await context.close();
  });
});
