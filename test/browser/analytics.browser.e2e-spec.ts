import type { BrowserContext, Page } from 'playwright-core';
import { SIMULATED, startAnalyticsSystem } from '../../apps/gateway/src/analytics/analytics.testing';
import { expectNoAxeViolations } from './support/axe';
import { chromiumWith, watchedPage, type WatchedPage, SHOTS } from './support/chromium';

/**
 * The analyst's dashboard in Debian's Chromium against the real gateway (staff session), analytics
 * service and JetStream, over a simulated fortnight: every chart is drawn by Chart.js, the heatmap
 * has its seven weekdays, the what-if answers, axe-core finds 0 WCAG 2.1 A/AA violations, and the page
 * logs no error (CSP included). A screenshot goes to SHOTS_DIR for a person to look at.
 */
jest.setTimeout(180_000);

describe('analytics dashboard in Chromium (real system)', () => {
  const suite = chromiumWith(startAnalyticsSystem);
  let context: BrowserContext; // closed with the browser
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    context = await suite.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    watched = await watchedPage(context);
    page = watched.page;
  });

  it('asks a visitor without a session to sign in, and shows the figures once the browser holds the session', async () => {
    await page.goto(`${suite.system.gateway.url}/analytics?${new URLSearchParams(SIMULATED)}`);
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.locator('#error').textContent()).toContain('Bitte zuerst als Mitarbeiterin oder Mitarbeiter mit Analyse-Rolle anmelden.');
    expect(await page.locator('#error a').getAttribute('href')).toBe('/staff');
    // Signed in from the page, as the staff page's form does: the browser keeps the cookie exactly as
    // the gateway sets it, so its path must cover the analytics API.
    const status = await page.evaluate(async () => (await fetch('/api/staff/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'analyst', password: 'pw-analyst' }) })).status);
    expect(status).toBe(200);
    await page.reload();
    await page.waitForSelector('#results:not([hidden])');
    expect(watched.problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
    watched.problems.length = 0; // the expected 401 before signing in
  });

  const charts = ['c-wait', 'c-service', 'c-punct', 'c-util'];
  /** A chart's labels as drawn: a label Chart.js draws on several lines is an array of them. */
  const drawnLabels = (id: string) => page.evaluate((canvas) => (window as unknown as { Chart: { getChart(el: Element | null): { data: { labels: (string | string[])[] } } | undefined } }).Chart.getChart(document.getElementById(canvas))?.data.labels ?? [], id);
  const labelsOf = async (id: string) => (await drawnLabels(id)).map((label) => (Array.isArray(label) ? label.join(' ') : label));

  it('renders every chart and the heatmap for the simulated period, with 0 axe violations', async () => {
    await page.goto(`${suite.system.gateway.url}/analytics?${new URLSearchParams(SIMULATED)}`);
    await page.waitForSelector('#results:not([hidden])');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('nachgespielt.'));
    const drawn = await page.evaluate((ids) => ids.map((id) => {
      const chart = (window as unknown as { Chart: { getChart(el: Element | null): { data: { datasets: { data: unknown[] }[] } } | undefined } }).Chart.getChart(document.getElementById(id));
      return chart === undefined ? -1 : chart.data.datasets.reduce((n, d) => n + d.data.length, 0);
    }), charts);
    expect(drawn.every((points) => points > 0)).toBe(true);
    expect(await page.locator('.heatmap tbody tr').count()).toBe(7);
    expect(Number(await page.locator('.kpis .kpi-value').first().textContent())).toBeGreaterThan(100);
    for (const id of charts) expect(await page.locator(`#${id}`).getAttribute('aria-label')).toBeTruthy();
    expect(await page.locator('#csv-link').getAttribute('href')).toContain('/api/staff/analytics/visits.csv?officeId=hbs');
    // Services and counters by the catalogue's names, never by their ids.
    expect(await labelsOf('c-service')).toEqual(expect.arrayContaining(['Personalausweis beantragen', 'Anmeldung (Zuzug nach Halberstadt)']));
    expect(await labelsOf('c-util')).toEqual(['Schalter 1', 'Schalter 2', 'Schalter 3', 'Schalter 4']);
    // A long name goes on several lines rather than being cut off at the card's edge.
    expect(await drawnLabels('c-service')).toContainEqual(['Auskunft aus dem', 'Gewerbezentralregister']);
    await page.screenshot({ path: `${SHOTS}/analytics-dashboard.png`, fullPage: true });
    await expectNoAxeViolations(page, 'analytics dashboard');
    expect(watched.problems).toEqual([]);
  });

  it('shows predicted beside recorded waits for another number of counters', async () => {
    await page.fill('#w-counters', '2');
    await page.click('#whatif button[type=submit]');
    await page.waitForFunction(() => (document.querySelector('#whatif-note')?.textContent ?? '').includes('Ankünfte'));
    expect(await page.locator('#c-whatif').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/analytics-what-if.png`, fullPage: true });
    await expectNoAxeViolations(page, 'analytics what-if');
    expect(watched.problems).toEqual([]);
  });

  it('switches to English', async () => {
    await page.click('[data-lang-switch]');
    expect(await page.locator('h1').textContent()).toBe('Customer flow');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await labelsOf('c-service')).toContain('Apply for an identity card');
    expect(await labelsOf('c-util')).toEqual(['Counter 1', 'Counter 2', 'Counter 3', 'Counter 4']);
  });

  it('names each counter with its office when every office is counted', async () => {
    await page.selectOption('#f-office', '');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').includes('replayed'));
    expect(await labelsOf('c-util')).toEqual(["Citizens' Office Halberstadt · Counter 1", "Citizens' Office Halberstadt · Counter 2", "Citizens' Office Halberstadt · Counter 3", "Citizens' Office Halberstadt · Counter 4"]);
    expect(watched.problems).toEqual([]);
  });
});
