import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium } from 'playwright-core';
import { composeEmail } from './compose-email';
import { EMAIL_KINDS } from './email-model';
import { emailModel } from './testing/email-fixtures';

/**
 * The HTML part checked by axe-core in a real Chromium (WCAG 2.1 A/AA rules): the same engine the
 * web pages are held to. Mail clients render less than a browser, but what axe finds here is wrong
 * everywhere. Images are blocked as many mail clients do by default.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without a Chromium on the machine the suite is reported as skipped rather than passing silently.
const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

describeWithBrowser('accessible HTML (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The correction of a move undone is a cancellation with its own text and sections.
  const variants = [...EMAIL_KINDS.map((kind) => [kind, {}] as const), ['cancellation (move undone)', { moveUndone: true }] as const];
  it.each(variants.flatMap(([name, extra]) => (['de', 'en'] as const).map((language) => [name, language, extra] as const)))(
    '%s (%s) has no violations',
    async (name, language, extra) => {
      const kind = name.startsWith('cancellation') ? 'cancellation' : (name as (typeof EMAIL_KINDS)[number]);
      const mail = await composeEmail(emailModel(kind, language, extra), { now: 0 });
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.route('**/*', (route) => route.abort());
        await page.setContent(mail.html);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
