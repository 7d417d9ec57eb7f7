import { composeEmail } from './compose-email';
import { QR_CID } from './email-content';
import { EMAIL_KINDS, type ComposedEmail, type EmailAttachment } from './email-model';
import { decodeQrPng, parseIcs } from './testing/email-assertions';
import { emailModel, SUMMER_START, WINTER_START } from './testing/email-fixtures';

const NOW = Date.UTC(2026, 10, 24, 12, 0);
const compose = (...args: Parameters<typeof emailModel>) => composeEmail(emailModel(...args), { now: NOW, uidDomain: 'termine.halberstadt.example' });
const ics = (mail: ComposedEmail) => mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
const qr = (mail: ComposedEmail) => mail.attachments.find((a) => a.contentType === 'image/png');
const icsOf = (a: EmailAttachment | undefined) => parseIcs(a!.content.toString('utf8'));

describe('subjects name the office and the Berlin date and time', () => {
  it.each([
    ['confirmation', 'de', 'Ihr Termin im Bürgerbüro Halberstadt am Di., 1. Dezember 2026, 09:00 Uhr'],
    ['confirmation', 'en', 'Your appointment at Bürgerbüro Halberstadt on Tue, 1 December 2026, 09:00'],
    ['reminder', 'de', 'Erinnerung: Ihr Termin im Bürgerbüro Halberstadt am Di., 1. Dezember 2026, 09:00 Uhr'],
    ['rescheduled', 'en', 'Your appointment at Bürgerbüro Halberstadt has been moved to Tue, 1 December 2026, 09:00'],
    ['cancellation', 'de', 'Abgesagt: Ihr Termin im Bürgerbüro Halberstadt am Di., 1. Dezember 2026, 09:00 Uhr'],
    ['activation', 'de', 'Bitte bestätigen Sie Ihren Termin im Bürgerbüro Halberstadt am Di., 1. Dezember 2026, 09:00 Uhr'],
  ] as const)('%s in %s', async (kind, language, subject) => {
    expect((await compose(kind, language)).subject).toBe(subject);
  });

  it('uses summer time for a July appointment', async () => {
    const mail = await compose('confirmation', 'de', { start: SUMMER_START, end: SUMMER_START + 45 * 60_000 });
    expect(mail.subject).toContain('Di., 14. Juli 2026, 09:30 Uhr');
    expect(mail.text).toContain('09:30–10:15 Uhr');
  });
});

describe('what each kind carries', () => {
  it('an activation email has the link and the expiry, but no QR code and no calendar file', async () => {
    const mail = await compose('activation', 'de');
    expect(mail.attachments).toEqual([]);
    expect(mail.text).toContain('https://termine.halberstadt.example/activate/t0k3n');
    expect(mail.text).toContain('bis Di., 24. November 2026, 19:30 Uhr');
    expect(mail.html).toContain('href="https://termine.halberstadt.example/activate/t0k3n"');
    expect(mail.html).not.toContain('cid:');
  });

  it.each(['confirmation', 'reminder', 'rescheduled'] as const)('a %s has a REQUEST calendar file and the check-in QR code', async (kind) => {
    const mail = await compose(kind, 'en');
    const { calendar, event } = icsOf(ics(mail));
    expect(calendar.METHOD).toBe('REQUEST');
    expect(event.UID).toBe('appointment-HBS-7K3Q9F@termine.halberstadt.example');
    expect(event.DTSTART).toBe('20261201T080000Z');
    expect(event.DTEND).toBe('20261201T083000Z');
    expect(event.DTSTAMP).toBe('20261124T120000Z');
    expect(qr(mail)?.cid).toBe(QR_CID);
    expect(mail.html).toContain(`src="cid:${QR_CID}"`);
    expect(decodeQrPng(qr(mail)!.content)).toBe('SCHALTER:HBS-7K3Q9F');
  });

  it('a cancellation has a CANCEL calendar file with the same UID and a higher SEQUENCE, and no QR code', async () => {
    const confirmation = icsOf(ics(await compose('confirmation', 'de')));
    const rescheduled = icsOf(ics(await compose('rescheduled', 'de', { revision: 1 })));
    const cancellation = await compose('cancellation', 'de', { revision: 1 });
    const cancel = icsOf(ics(cancellation));
    expect(cancel.calendar.METHOD).toBe('CANCEL');
    expect(cancel.event.STATUS).toBe('CANCELLED');
    expect(cancel.event.UID).toBe(confirmation.event.UID);
    expect(Number(confirmation.event.SEQUENCE)).toBeLessThan(Number(rescheduled.event.SEQUENCE));
    expect(Number(rescheduled.event.SEQUENCE)).toBeLessThan(Number(cancel.event.SEQUENCE));
    expect(qr(cancellation)).toBeUndefined();
    expect(cancellation.text).not.toContain('Bitte bringen Sie mit');
    expect(cancellation.text).toContain('Grund: Auf Ihren Wunsch');
  });

  it('a rescheduled email names the old time as no longer valid', async () => {
    const mail = await compose('rescheduled', 'de');
    expect(mail.text).toContain('Der bisherige Termin am Mo., 30. November 2026, 14:00 Uhr gilt nicht mehr.');
  });

  it.each([
    ['de', 'Korrektur: Die Verlegung Ihres Termins im Bürgerbüro Halberstadt auf Di., 1. Dezember 2026, 09:00 Uhr ist nicht zustande gekommen', 'Dieser neue Termin gilt nicht.'],
    ['en', 'Correction: your appointment at Bürgerbüro Halberstadt could not be moved to Tue, 1 December 2026, 09:00', 'this new appointment is not valid.'],
  ] as const)('given a move undone, the correction (%s) voids the new time, points to the manage page, and carries no calendar file', async (language, subject, voided) => {
    const mail = await compose('cancellation', language, { moveUndone: true, bookingUrl: undefined, cancelReason: undefined });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(voided);
    expect(mail.text).toContain('https://termine.halberstadt.example/manage/HBS-7K3Q9F?token=abc');
    expect(mail.html).toContain('href="https://termine.halberstadt.example/manage/HBS-7K3Q9F?token=abc"');
    // A CANCEL for the reference's UID would remove the source appointment, which still stands.
    expect(mail.attachments).toEqual([]);
    expect(mail.text).not.toMatch(/Neuen Termin buchen|Book a new appointment/);
  });

  it('composing is deterministic for the same model and time', async () => {
    const [a, b] = await Promise.all([compose('reminder', 'de'), compose('reminder', 'de')]);
    expect(b.html).toBe(a.html);
    expect(b.attachments.map((x) => x.content.toString('base64'))).toEqual(a.attachments.map((x) => x.content.toString('base64')));
  });
});

describe('content: the text part carries the same information as the HTML part', () => {
  it.each(EMAIL_KINDS.filter((k) => k !== 'cancellation'))('%s lists documents, fee, services and reference in both parts', async (kind) => {
    const mail = await compose(kind, 'de');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Ein aktuelles biometrisches Passfoto je Ausweis');
      expect(part).toContain('74,00\u00a0€');
      expect(part).toContain('2 × Personalausweis beantragen');
      expect(part).toContain('HBS-7K3Q9F');
      expect(part).toContain('Dienstag, 1. Dezember 2026');
      expect(part).toContain('Domplatz 49');
    }
  });

  it('the manage link is in both parts of a confirmation', async () => {
    const mail = await compose('confirmation', 'en');
    expect(mail.text).toContain('https://termine.halberstadt.example/manage/HBS-7K3Q9F?token=abc');
    expect(mail.html).toContain('href="https://termine.halberstadt.example/manage/HBS-7K3Q9F?token=abc"');
  });

  it('says so when the fee is unknown or zero', async () => {
    expect((await compose('confirmation', 'de', { feeCents: undefined })).text).toContain('Die Höhe der Gebühr erfahren Sie am Schalter.');
    expect((await compose('confirmation', 'en', { feeCents: 0 })).text).toContain('There is no fee for your request.');
    expect((await compose('confirmation', 'en')).text).toContain('€74.00');
  });

  it('leaves out the documents section when nothing needs to be brought', async () => {
    const mail = await compose('confirmation', 'en', { documents: [] });
    expect(mail.text).not.toContain('Please bring');
  });
});

describe('accessible, safe HTML', () => {
  it('declares the language, uses headings, a real list and alt text, and no layout tables', async () => {
    const de = await compose('confirmation', 'de');
    const en = await compose('confirmation', 'en');
    expect(de.html).toMatch(/<html lang="de"/);
    expect(en.html).toMatch(/<html lang="en"/);
    expect(de.html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(de.html).toMatch(/<h2[^>]*>Bitte bringen Sie mit<\/h2>\n<ul[^>]*><li>Bisheriger Personalausweis oder Reisepass<\/li>/);
    expect(de.html).toMatch(/<img [^>]*alt="QR-Code für die Anmeldung mit Ihrer Terminnummer HBS-7K3Q9F"/);
    expect(de.html).not.toContain('<table');
  });

  it('escapes every interpolated value, including a hostile name, service and reason', async () => {
    const hostile = '<script>alert(1)</script>';
    const mail = await compose('cancellation', 'en', {
      recipient: { name: hostile, email: 'x@example.org' },
      services: [{ name: `<img src=x onerror=alert(2)>`, quantity: 1 }],
      cancelReason: hostile,
    });
    expect(mail.html).not.toMatch(/<script/i);
    expect(mail.html).not.toMatch(/<img src=x/i);
    expect(mail.html).toContain('Dear &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(mail.text).toContain(`Dear ${hostile},`);
  });

  it('never renders a non-http link', async () => {
    const mail = await compose('confirmation', 'de', { manageUrl: 'javascript:alert(1)' });
    expect(mail.html).not.toContain('javascript:');
  });

  it('keeps a summer date in the calendar file at UTC+2', async () => {
    const mail = await compose('reminder', 'de', { start: SUMMER_START, end: SUMMER_START + 30 * 60_000 });
    expect(icsOf(ics(mail)).event.DTSTART).toBe('20260714T073000Z');
    expect(WINTER_START).toBe(Date.UTC(2026, 11, 1, 8, 0));
  });
});
