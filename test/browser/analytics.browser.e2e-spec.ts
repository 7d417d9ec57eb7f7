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
    const cookie = await suite.system.gateway.login('analyst');
    const [name, value] = cookie.split('=');
    context = await suite.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    await context.addCookies([{ name: name!, value: value!, url: suite.system.gateway.url }]);
    watched = await watchedPage(context);
    page = watched.page;
  });

  const charts = ['c-wait', 'c-service', 'c-punct', 'c-util'];

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
    expect(await page.locator('#csv-link').getAttribute('href')).toContain('/api/analytics/visits.csv?officeId=hbs');
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
  });
});
