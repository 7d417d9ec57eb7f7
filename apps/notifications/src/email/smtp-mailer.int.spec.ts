import { createServer, type AddressInfo } from 'node:net';
import { composeEmail } from './compose-email';
import { QR_CID } from './email-content';
import { deliverWithRetry } from './email-delivery';
import { EMAIL_KINDS, type EmailKind, type EmailLanguage } from './email-model';
import { isMailFailure, PermanentMailError, TransientMailError } from './mail-errors';
import { messageIdFor, type OutgoingEmail, SmtpMailer } from './smtp-mailer';
import { decodeQrPng, parseIcs } from './testing/email-assertions';
import { emailModel, SUMMER_START } from './testing/email-fixtures';
import type { ReceivedMail } from './testing/test-smtp-server';
import { TestSmtpServer } from './testing/test-smtp-server';

const NOW = Date.UTC(2026, 10, 24, 12, 0);
const FROM = { name: 'Bürgerbüro Halberstadt', email: 'termine@halberstadt.example' };
const fastRetry = { policy: { maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 20 } };

let smtp: TestSmtpServer;
let mailer: SmtpMailer;

beforeEach(async () => {
  smtp = await TestSmtpServer.start();
  mailer = new SmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, from: FROM });
});

afterEach(async () => {
  mailer.close();
  await smtp.close();
});

async function outgoing(kind: EmailKind, language: EmailLanguage, overrides = {}): Promise<OutgoingEmail> {
  const model = emailModel(kind, language, overrides);
  return { ...(await composeEmail(model, { now: NOW, uidDomain: 'termine.halberstadt.example', organizer: FROM })), to: model.recipient };
}

function attachment(mail: ReceivedMail, type: string) {
  return mail.parsed.attachments.find((a) => a.contentType === type);
}

const EXPECTED: Record<EmailLanguage, { subject: Record<EmailKind, string>; document: string; fee: string; time: string }> = {
  de: {
    subject: {
      activation: 'Bitte bestätigen Sie Ihren Termin im Bürgerbüro Halberstadt am Di., 1. Dezember 2026, 09:00 Uhr',
      confirmation: 'Ihr Termin im Bürgerbüro Halberstadt am Di., 1. Dezember 2026, 09:00 Uhr',
      reminder: 'Erinnerung: Ihr Termin im Bürgerbüro Halberstadt am Di., 1. Dezember 2026, 09:00 Uhr',
      rescheduled: 'Ihr Termin im Bürgerbüro Halberstadt wurde verlegt: neu am Di., 1. Dezember 2026, 09:00 Uhr',
      cancellation: 'Abgesagt: Ihr Termin im Bürgerbüro Halberstadt am Di., 1. Dezember 2026, 09:00 Uhr',
    },
    document: 'Ein aktuelles biometrisches Passfoto je Ausweis',
    fee: '74,00\u00a0€',
    time: '09:00–09:30 Uhr',
  },
  en: {
    subject: {
      activation: 'Please confirm your appointment at Bürgerbüro Halberstadt on Tue, 1 December 2026, 09:00',
      confirmation: 'Your appointment at Bürgerbüro Halberstadt on Tue, 1 December 2026, 09:00',
      reminder: 'Reminder: your appointment at Bürgerbüro Halberstadt on Tue, 1 December 2026, 09:00',
      rescheduled: 'Your appointment at Bürgerbüro Halberstadt has been moved to Tue, 1 December 2026, 09:00',
      cancellation: 'Cancelled: your appointment at Bürgerbüro Halberstadt on Tue, 1 December 2026, 09:00',
    },
    document: 'One recent biometric photo per card',
    fee: '€74.00',
    time: '09:00–09:30',
  },
};

const CASES = EMAIL_KINDS.flatMap((kind) => (['de', 'en'] as const).map((language) => [kind, language] as const));

describe('each email kind arrives over real SMTP with the right content', () => {
  it.each(CASES)('%s (%s)', async (kind, language) => {
    const expected = EXPECTED[language];
    const receipt = await mailer.send(await outgoing(kind, language), { messageId: `${kind}-evt-42` });
    const [mail] = await smtp.waitForMessages(1);
    const { parsed } = mail;

    expect(receipt.messageId).toBe('<' + `${kind}-evt-42@halberstadt.example` + '>');
    expect(parsed.messageId).toBe(receipt.messageId);
    expect(mail.envelopeTo).toEqual(['erika@example.org']);
    expect(parsed.subject).toBe(expected.subject[kind]);
    expect(parsed.html).toContain(`<html lang="${language}"`);
    for (const body of [parsed.text!, parsed.html!]) {
      expect(body).toContain(expected.time);
      expect(body).toContain('HBS-7K3Q9F');
      if (kind !== 'cancellation') expect(body).toContain(expected.document);
      if (kind !== 'cancellation') expect(body).toContain(expected.fee);
    }
    if (kind === 'confirmation' || kind === 'reminder' || kind === 'rescheduled') {
      expect(parsed.text).toContain('https://termine.halberstadt.example/manage/HBS-7K3Q9F?token=abc');
      const qr = attachment(mail, 'image/png')!;
      expect(qr.contentId).toBe(QR_CID);
      expect(parsed.html).toContain(`cid:${qr.contentId}`);
      expect(decodeQrPng(qr.content)).toBe('SCHALTER:HBS-7K3Q9F');
    } else {
      expect(attachment(mail, 'image/png')).toBeUndefined();
    }
    const ics = attachment(mail, 'text/calendar');
    if (kind === 'activation') {
      expect(ics).toBeUndefined();
      expect(parsed.text).toContain('https://termine.halberstadt.example/activate/t0k3n');
    } else {
      const { calendar, event } = parseIcs(ics!.content.toString('utf8'));
      expect(calendar.METHOD).toBe(kind === 'cancellation' ? 'CANCEL' : 'REQUEST');
      expect(ics!.params.method).toBe(calendar.METHOD);
      expect(event.UID).toBe('appointment-HBS-7K3Q9F@termine.halberstadt.example');
      expect(event.DTSTART).toBe('20261201T080000Z');
    }
  });

  it('a summer appointment arrives with Berlin summer time in text, HTML and calendar', async () => {
    await mailer.send(await outgoing('confirmation', 'en', { start: SUMMER_START, end: SUMMER_START + 30 * 60_000 }), { messageId: 'summer' });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail.parsed.subject).toBe('Your appointment at Bürgerbüro Halberstadt on Tue, 14 July 2026, 09:30');
    expect(mail.parsed.text).toContain('09:30–10:00');
    expect(parseIcs(attachment(mail, 'text/calendar')!.content.toString('utf8')).event.DTSTART).toBe('20260714T073000Z');
  });

  it('a hostile name arrives escaped: no <script> in the HTML', async () => {
    const hostile = '<script>alert(1)</script>';
    await mailer.send(await outgoing('confirmation', 'de', { recipient: { name: hostile, email: 'erika@example.org' } }), { messageId: 'xss' });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail.parsed.html).not.toMatch(/<script/i);
    expect(mail.parsed.html).toContain('&lt;script&gt;');
  });
});

describe('failures', () => {
  it('4xx once, then success: exactly one message arrives, and the first failure was transient', async () => {
    smtp.failNext(1, 451, 'data');
    const failures: TransientMailError[] = [];
    const message = await outgoing('confirmation', 'de');
    const outcome = await deliverWithRetry(() => mailer.send(message, { messageId: 'job-451' }), { ...fastRetry, onRetry: (e) => failures.push(e) });

    expect(outcome).toEqual({ status: 'sent', messageId: '<job-451@halberstadt.example>', attempts: 2 });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(TransientMailError);
    expect(failures[0].smtp.responseCode).toBe(451);
    expect(smtp.transactions).toBe(2);
    await smtp.waitForMessages(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].parsed.messageId).toBe('<job-451@halberstadt.example>');
  });

  it('a greylisting 450 at RCPT is retried the same way', async () => {
    smtp.failNext(2, 450, 'rcpt');
    const message = await outgoing('reminder', 'en');
    const outcome = await deliverWithRetry(() => mailer.send(message, { messageId: 'job-450' }), fastRetry);
    expect(outcome).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.received).toHaveLength(1);
  });

  it('5xx on the message: PermanentMailError after exactly one attempt, nothing delivered', async () => {
    smtp.failNext(Infinity, 554, 'data');
    const message = await outgoing('confirmation', 'de');
    await expect(mailer.send(message, { messageId: 'job-554' })).rejects.toBeInstanceOf(PermanentMailError);
    const outcome = await deliverWithRetry(() => mailer.send(message, { messageId: 'job-554' }), fastRetry);
    expect(outcome).toEqual({ status: 'failed', reason: 'message-rejected', permanent: true, smtpCode: 554, attempts: 1 });
    expect(smtp.transactions).toBe(2); // one per call above: no retry storm
    expect(smtp.received).toHaveLength(0);
  });

  it('550 for the recipient: recipient-rejected, and the error never names the address', async () => {
    smtp.failNext(Infinity, 550, 'rcpt');
    const error = await mailer.send(await outgoing('confirmation', 'de'), { messageId: 'job-550' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentMailError);
    expect((error as PermanentMailError).reason).toBe('recipient-rejected');
    expect((error as PermanentMailError).message).toBe('recipient rejected (550)');
    expect(JSON.stringify({ ...(error as object), m: (error as Error).message, s: (error as Error).stack })).not.toMatch(/erika|Mustermann/);
    expect(smtp.transactions).toBe(1);
  });

  it('an invalid address fails permanently before any SMTP traffic', async () => {
    const message = await outgoing('confirmation', 'de', { recipient: { name: 'Erika', email: 'erika@example..org' } });
    const outcome = await deliverWithRetry(() => mailer.send(message, { messageId: 'job-bad' }), fastRetry);
    expect(outcome).toEqual({ status: 'failed', reason: 'invalid-address', permanent: true, attempts: 1 });
    expect(smtp.transactions).toBe(0);
  });

  it('a refused connection is transient', async () => {
    const closedPort = await freePort();
    const offline = new SmtpMailer({ host: '127.0.0.1', port: closedPort, secure: false, ignoreTLS: true, from: FROM, connectionTimeoutMs: 2_000 });
    const error = await offline.send(await outgoing('confirmation', 'de'), { messageId: 'job-down' }).catch((e: unknown) => e);
    offline.close();
    expect(isMailFailure(error)).toBe(true);
    expect(error).toBeInstanceOf(TransientMailError);
    expect((error as TransientMailError).reason).toBe('connection-failed');
  });

  it('a retried job carries the same Message-ID, so the relay and the citizen can recognise it', async () => {
    const message = await outgoing('reminder', 'de');
    await mailer.send(message, { messageId: 'reminder:evt 1/ä' });
    await mailer.send(message, { messageId: 'reminder:evt 1/ä' });
    const mails = await smtp.waitForMessages(2);
    expect(mails[0].parsed.messageId).toBe(mails[1].parsed.messageId);
    expect(mails[0].parsed.messageId).toBe(messageIdFor('reminder:evt 1/ä', 'halberstadt.example'));
    expect(mails[0].parsed.messageId).toBe('<reminder=3Aevt=201=2F=C3=A4@halberstadt.example>');
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
