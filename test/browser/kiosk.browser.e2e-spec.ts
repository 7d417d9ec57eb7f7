import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { chromiumWith, watchedPage, SHOTS } from './support/chromium';
import { DEV_KIOSK_TOKEN, startFrontdeskSystem, staffApi } from './support/frontdesk-system';

/**
 * The walk-in kiosk in Debian's Chromium on a portrait tablet (768×1024, touch) against the real system:
 * device set-up by `#device=`, a service by one big button, the ticket with number, estimate and a QR
 * code that really decodes to the live ticket page, and the 80 mm print layout.
 */
jest.setTimeout(120_000);
const TABLET = { viewport: { width: 768, height: 1024 }, hasTouch: true, locale: 'de-DE', timezoneId: 'Europe/Berlin' } as const;

/** Rasterises the ticket's QR SVG in the page and decodes it with jsQR, as a phone camera would. */
async function decodeQr(page: Page): Promise<string | undefined> {
  const image = await page.evaluate(async () => {
    const svg = document.querySelector('#ticket-qr svg') as SVGSVGElement;
    const img = new Image();
    img.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 300;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0, 300, 300);
    // Pixels leave the page as base64: a plain number array of this size takes seconds to serialise.
    const bytes = g.getImageData(0, 0, 300, 300).data;
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  return jsQR(new Uint8ClampedArray(Buffer.from(image, 'base64')), 300, 300)?.data;
}

describe('kiosk page in Chromium (real system)', () => {
  const suite = chromiumWith(startFrontdeskSystem);

  beforeAll(async () => {
    await (await staffApi(suite.system.url)).post('/api/staff/offices/hbs/counters/schalter-1/open');
  });

  it('issues a walk-in ticket from a big service button, with estimate and a QR code to the live ticket page', async () => {
    const context = await suite.browser.newContext(TABLET);
    const { page, problems } = await watchedPage(context);
    await page.goto(`${suite.system.url}/kiosk/hbs#device=${DEV_KIOSK_TOKEN}`);
    await page.locator('.service-button').first().waitFor();
    expect(new URL(page.url()).hash).toBe(''); // the device token left the address bar
    await expect(page.locator('.service-button').count()).resolves.toBe(7);
    const box = await page.locator('.service-button').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(90); // a big touch target
    await expectNoAxeViolations(page, 'kiosk services');
    await page.screenshot({ path: `${SHOTS}/kiosk-services.png` });

    await page.locator('.service-button', { hasText: 'Anmeldung' }).tap();
    await page.locator('#ticket-number', { hasText: 'W-001' }).waitFor();
    await expect(page.locator('#ticket-wait').textContent()).resolves.toMatch(/^(Geschätzte Wartezeit: ca\. \d+ Minuten|Sie sind gleich an der Reihe\.)$/);
    const url = await page.locator('#ticket-url').textContent();
    expect(url).toMatch(new RegExp(`^${suite.system.url}/ticket/hbs/[A-Za-z0-9_-]+$`));
    expect(await decodeQr(page)).toBe(url);
    await expectNoAxeViolations(page, 'kiosk ticket');
    await page.screenshot({ path: `${SHOTS}/kiosk-ticket.png` });

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#choose').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('#print').isVisible()).resolves.toBe(false);
    const ticketWidth = (await page.locator('#ticket').boundingBox())!.width;
    expect(Math.round(ticketWidth)).toBe(Math.round((74 / 25.4) * 96)); // 74 mm of the 80 mm roll
    await page.screenshot({ path: `${SHOTS}/kiosk-print.png` });
    await page.emulateMedia({ media: 'screen' });

    await page.locator('#done').tap();
    await page.locator('#choose').waitFor();
    await page.locator('.service-button', { hasText: /^Reisepass/ }).tap();
    await page.locator('#ticket-number', { hasText: 'W-002' }).waitFor(); // a new request id: a second ticket
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses to issue tickets on a device that was never set up, and says so', async () => {
    const context = await suite.browser.newContext(TABLET);
    const { page } = await watchedPage(context);
    await page.goto(`${suite.system.url}/kiosk/hbs`);
    await page.locator('#error', { hasText: 'nicht eingerichtet' }).waitFor();
    await page.locator('.service-button').first().tap();
    await expect(page.locator('#issued').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
