import type { BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { startBookingSystem } from './support/booking-system';
import { chromiumWith, PHONE, watchedPage, type WatchedPage, SHOTS } from './support/chromium';

/**
 * The booking page in Debian's Chromium on a phone viewport, against the real gateway and booking
 * service (real NATS, Redis, JetStream; the captcha is really solved in the page's Web Workers).
 * axe-core must find 0 WCAG 2.1 A/AA violations on every page and step. Screenshots go to
 * SHOTS_DIR (default /tmp/shots) for a person to look at; they are not compared.
 */
jest.setTimeout(180_000);

describe('booking page in Chromium (real system)', () => {
  const suite = chromiumWith(startBookingSystem);
  let context: BrowserContext;
  let watched: WatchedPage;
  let page: Page;

  beforeEach(async () => {
    context = await suite.browser.newContext({ ...PHONE, acceptDownloads: true });
    watched = await watchedPage(context);
    page = watched.page;
  });
  afterEach(async () => {
    await context.close();
  });

  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const onlyProblems = () => expect(watched.problems).toEqual([]);
  const focusedId = () => page.evaluate<string | undefined>('document.activeElement?.id');

  /** Steps 1–3 through the page; returns what the API answered to the hold. */
  async function holdFirstFreeTime(): Promise<{ holdId: string; date: string; start: string }> {
    await page.goto(`${suite.system.url}/booking/`);
    await page.getByRole('checkbox', { name: 'Personalausweis beantragen' }).check();
    await page.getByRole('button', { name: 'Weiter zur Terminauswahl' }).click();
    await page.locator('input[name="day"]').first().check();
    await page.locator('input[name="time"]').first().check();
    const held = page.waitForResponse((r) => r.url().endsWith('/holds') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Diese Zeit reservieren' }).click();
    const response = await held;
    expect(response.status()).toBe(201);
    await page.getByRole('heading', { name: 'Ihre Kontaktdaten' }).waitFor();
    return (await response.json()) as { holdId: string; date: string; start: string };
  }

  it('books an appointment: services, time, hold, contact, activation, manage (reschedule, .ics, cancel), 0 axe violations', async () => {
    await page.goto(`${suite.system.url}/booking/`);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await page.getByRole('checkbox', { name: 'Personalausweis beantragen' }).waitFor();
    await expectNoAxeViolations(page, 'step 1 (services)');
    await shot('1-services');

    // A click on "next" without a choice says why, next to the list.
    await page.getByRole('button', { name: 'Weiter zur Terminauswahl' }).click();
    await page.getByText('Bitte wählen Sie mindestens ein Anliegen.').waitFor();

    await page.getByRole('checkbox', { name: 'Personalausweis beantragen' }).check();
    await page.getByLabel('Anzahl Personen – Personalausweis beantragen').selectOption('2');
    await page.getByRole('button', { name: 'Weiter zur Terminauswahl' }).click();
    expect(await focusedId()).toBe('h-slot'); // focus follows the step
    await page.locator('input[name="day"]').first().check();
    await page.locator('input[name="time"]').first().check();
    await expectNoAxeViolations(page, 'step 2 (day and time)');
    await shot('2-slot');

    const held = page.waitForResponse((r) => r.url().endsWith('/holds') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Diese Zeit reservieren' }).click();
    const holdResponse = await held;
    expect(holdResponse.status()).toBe(201);
    const hold = (await holdResponse.json()) as { holdId: string; services: { quantity: number }[] };
    expect(hold.services[0].quantity).toBe(2);
    await page.getByRole('heading', { name: 'Ihre Kontaktdaten' }).waitFor();
    await page.getByRole('timer').waitFor();
    expect(await page.getByRole('timer').textContent()).toMatch(/^\d+:\d\d$/);

    // Submitting empty: each error sits under its field, linked by aria-describedby, focus on the first.
    await page.getByRole('button', { name: 'Termin verbindlich anfragen' }).click();
    const name = page.getByLabel('Vor- und Nachname');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedId()).toBe('f-name');
    expect(await name.getAttribute('aria-describedby')).toContain('err-name');
    await expectNoAxeViolations(page, 'step 3 (contact form with errors)');
    await shot('3-contact-errors');

    await name.fill('Anna Muster');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('anna.muster@example.org');
    await page.getByLabel('Telefonnummer (freiwillig)').fill('+49 3941 123456');
    await page.getByLabel(/Ich bin einverstanden/).check();
    const contacted = page.waitForResponse((r) => r.url().endsWith('/contact') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Termin verbindlich anfragen' }).click();
    const contactResponse = await contacted;
    expect(contactResponse.status()).toBe(202);
    const { reference, manageToken } = (await contactResponse.json()) as { reference: string; manageToken: string };
    await page.getByRole('heading', { name: 'Bitte bestätigen Sie Ihre E-Mail-Adresse' }).waitFor();
    await page.getByText('anna.muster@example.org').waitFor();
    await expectNoAxeViolations(page, 'step 4 (check your email)');
    await shot('4-check-email');

    // The link from the activation email.
    await page.goto(`${suite.system.url}/booking/activate.html?ref=${reference}&token=${suite.system.activationToken(hold.holdId)}`);
    await page.getByRole('heading', { name: 'Vielen Dank – Ihr Termin ist gebucht' }).waitFor();
    await page.getByText(reference).waitFor();
    await expectNoAxeViolations(page, 'activation page');
    await shot('5-activated');

    // The manage link: details, .ics, reschedule, cancel.
    await page.goto(`${suite.system.url}/booking/manage.html?ref=${reference}&token=${manageToken}`);
    await page.getByText('Gebucht', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'manage page');
    await shot('6-manage');
    const ics = await page.request.get(await page.getByRole('link', { name: /Kalender/ }).getAttribute('href').then((h) => new URL(h!, page.url()).href));
    expect(await ics.text()).toContain('BEGIN:VEVENT');

    const before = await page.locator('dd').first().textContent();
    await page.getByRole('button', { name: 'Termin verschieben' }).click();
    await page.locator('input[name="day"]').first().check();
    await page.locator('input[name="time"]').first().check();
    await expectNoAxeViolations(page, 'manage page, reschedule');
    await page.getByRole('button', { name: 'Auf diese Zeit verschieben' }).click();
    await page.getByText('Ihr Termin wurde verschoben.').waitFor();
    expect(await page.locator('dd').first().textContent()).not.toBe(before);

    await page.getByRole('button', { name: 'Termin absagen' }).click();
    await page.getByText('Möchten Sie diesen Termin wirklich absagen?').waitFor();
    await expectNoAxeViolations(page, 'manage page, confirm cancel');
    await page.getByRole('button', { name: 'Ja, Termin absagen' }).click();
    await page.getByText('Ihr Termin wurde abgesagt.').waitFor();
    await page.getByText('Abgesagt', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'manage page, cancelled');
    await shot('7-cancelled');

    // English: the switch changes every text and the lang attribute, and is remembered.
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Manage appointment' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectNoAxeViolations(page, 'manage page in English');
    await page.goto(`${suite.system.url}/booking/`);
    await page.getByRole('heading', { name: 'Book an appointment' }).waitFor();
    await shot('8-services-en');
    onlyProblems();
  });

  it('warns (assertive live region) a minute before the hold ends, offers to extend, and returns to the times when it has ended', async () => {
    await page.clock.install(); // the page's clock only: the API keeps real time
    await holdFirstFreeTime();
    await page.clock.fastForward('09:05'); // hold time 10 min → 55 s left
    await page.getByText(/Ihre Reservierung läuft in weniger als einer Minute ab/).first().waitFor();
    expect(await page.locator('[aria-live="assertive"]').textContent()).toMatch(/läuft in weniger als einer Minute ab/);
    await page.getByRole('button', { name: 'Reservierung verlängern' }).waitFor();
    await expectNoAxeViolations(page, 'step 3 (hold about to end)');
    await shot('3b-hold-warning');
    await page.clock.fastForward('01:00');
    await page.getByText('Ihre Reservierung ist abgelaufen. Bitte wählen Sie die Zeit erneut.').waitFor();
    expect(await focusedId()).toBe('h-slot');
    onlyProblems();
  });

  it('says so when the chosen time was taken meanwhile (409), and offers the remaining free times again', async () => {
    // A second citizen looks at the same day first…
    const other = await suite.browser.newContext(PHONE);
    const second = await watchedPage(other);
    await second.page.goto(`${suite.system.url}/booking/`);
    await second.page.getByRole('checkbox', { name: 'Personalausweis beantragen' }).check();
    await second.page.getByRole('button', { name: 'Weiter zur Terminauswahl' }).click();
    await second.page.locator('input[name="day"]').first().check();
    await second.page.locator('input[name="time"]').first().check();
    const wanted = await second.page.locator('input[name="time"]:checked').getAttribute('value');
    // …then the first citizen holds that very time (capacity 1 per slot in this catalogue).
    const first = await holdFirstFreeTime();
    expect(first.start).toBe(wanted);
    const refused = second.page.waitForResponse((r) => r.url().endsWith('/holds') && r.request().method() === 'POST');
    await second.page.getByRole('button', { name: 'Diese Zeit reservieren' }).click();
    expect((await refused).status()).toBe(409);
    await second.page.getByText('Diese Zeit wurde gerade vergeben. Bitte wählen Sie eine andere.').waitFor();
    await second.page.locator(`input[name="day"][value="${first.date}"]`).check();
    expect(await second.page.locator(`input[name="time"][value="${first.start}"]`).count()).toBe(0);
    expect(await second.page.locator('input[name="time"]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(second.page, 'step 2 after a 409');
    expect(second.problems.filter((p) => !p.includes('409'))).toEqual([]);
    await other.close();
  });
});
