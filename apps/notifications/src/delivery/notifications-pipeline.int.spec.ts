import { randomBytes } from 'node:crypto';
import { activationTokenFor } from '@app/contracts';
import { DEFAULT_REMINDER_POLICY, fromZoned, reminderJobId, type CalendarEvent, type MailEvent } from '@app/domain';
import { connectEventStore, type EventEnvelope, type JetStreamEventStore } from '@app/eventstore';
import { InMemoryKeyStore, masterKeyringFromEnv, MASTER_KEYS_ENV, PersonalDataVault } from '@app/privacy';
import { DEVELOPMENT_MASTER_KEYS } from '@app/platform';
import { ManageTokens } from '@app/contracts';
import { parseCheckInQr, SmtpMailer } from '../email';
import { decodeQrPng, parseIcs } from '../email/testing/email-assertions';
import { TestSmtpServer, type ReceivedMail } from '../email/testing/test-smtp-server';
import { booked, cancelled, newAppointment, requested, rescheduled, testCatalog, type TestAppointment } from './delivery.test-kit';
import { EmailLinks } from './email-links';
import { NotificationsRuntime } from './notifications-runtime';

const NATS = 'nats://127.0.0.1:4222';
const REDIS = 'redis://127.0.0.1:6379';
const ACTIVATION_KEY = randomBytes(32);
const MANAGE_KEYS = [{ id: 'k1', secret: randomBytes(32) }];
const FROM = { name: 'Bürgerbüro Halberstadt', email: 'termine@halberstadt.example' };
const catalog = testCatalog();

interface Harness {
  store: JetStreamEventStore;
  smtp: TestSmtpServer;
  vault: PersonalDataVault;
  runtime: NotificationsRuntime;
  append(event: CalendarEvent): Promise<EventEnvelope>;
  mailEvents(): Promise<MailEvent[]>;
  restart(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harness(catchUpDelayMs: number): Promise<Harness> {
  const suffix = randomBytes(4).toString('hex');
  const store = await connectEventStore({ servers: NATS, streamName: `NOTIF_T_${suffix}`, subjectPrefix: `nt${suffix}` });
  const smtp = await TestSmtpServer.start();
  const mailer = new SmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, from: FROM });
  const vault = new PersonalDataVault({ keyring: masterKeyringFromEnv({ [MASTER_KEYS_ENV]: DEVELOPMENT_MASTER_KEYS }), store: new InMemoryKeyStore() });
  const options = {
    store, vault, catalog, mailer, redisUrl: REDIS, queueName: `emails-${suffix}`, queuePrefix: `bulltest-${suffix}`, concurrency: 4,
    links: new EmailLinks({ publicBaseUrl: 'https://termine.halberstadt.example', manageKeys: MANAGE_KEYS, activationKey: ACTIVATION_KEY }),
    retryPolicy: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    reminderPolicy: { ...DEFAULT_REMINDER_POLICY, daysBefore: 30, catchUpDelayMs }, // regular time long past: catch-up
    maxEventAgeMs: 60_000, subscriptionName: `notifications-${suffix}`,
  };
  const versions = new Map<string, number>();
  const h: Harness = {
    store, smtp, vault,
    runtime: await NotificationsRuntime.start(options),
    async append(event) {
      const id = `${event.data.officeId}-${event.data.date}`;
      const appended = await store.append({ type: 'calendar', id }, [event], { expectedVersion: versions.get(id) ?? 0, meta: { correlationId: `t-${suffix}` } });
      versions.set(id, appended.position);
      const { events } = await store.readAggregate({ type: 'calendar', id }, appended.position - 1);
      return events[0];
    },
    async mailEvents() {
      const out: MailEvent[] = [];
      for await (const e of store.readAll({ subjectFilter: 'mail.*' })) out.push(e as unknown as MailEvent);
      return out;
    },
    async restart() {
      await h.runtime.close();
      h.runtime = await NotificationsRuntime.start(options);
    },
  };
  cleanups.push(async () => {
    await h.runtime.queue.obliterate({ force: true }).catch(() => undefined);
    await h.runtime.close();
    mailer.close();
    await smtp.close();
    await store.destroy();
  });
  return h;
}

const bySubject = (smtp: TestSmtpServer, prefix: string) => smtp.received.filter((m) => m.parsed.subject.startsWith(prefix));
const attachment = (mail: ReceivedMail, type: string) => mail.parsed.attachments.find((a) => a.contentType.startsWith(type));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

function linkToken(text: string, path: RegExp): string {
  const match = new RegExp(`${path.source}\\?token=([A-Za-z0-9._%-]+)`).exec(text);
  if (!match) throw new Error(`no link ${path} in the email`);
  return decodeURIComponent(match[1]);
}

describe('notifications pipeline (real NATS, Redis and SMTP)', () => {
  jest.setTimeout(30_000);

  it('sends every kind with the right content: activation, confirmation, reminder, reschedule, cancellation', async () => {
    const h = await harness(300);
    const a = await newAppointment(h.vault, 'erika@example.org');
    await h.append(requested(a));
    await h.smtp.waitForMessages(1);
    const activation = h.smtp.received[0];
    expect(activation.envelopeTo).toEqual(['erika@example.org']);
    expect(activation.parsed.subject).toMatch(/^Bitte bestätigen Sie Ihren Termin/);
    expect(linkToken(activation.parsed.text!, /\/termin\/HBS-[0-9A-F-]+\/aktivieren/)).toBe(activationTokenFor(ACTIVATION_KEY, a.holdId));

    await h.append(booked(a));
    await waitFor(() => bySubject(h.smtp, 'Ihr Termin').length === 1 && bySubject(h.smtp, 'Erinnerung').length === 1);
    const confirmation = bySubject(h.smtp, 'Ihr Termin')[0];
    const text = confirmation.parsed.text!;
    expect(new ManageTokens(MANAGE_KEYS).verify(a.reference, linkToken(text, /\/termin\/HBS-[0-9A-F-]+/))).toBe(true);
    // One merged list for 2 × ID card + 1 × passport: the shared documents appear once.
    expect(text.split('Bisheriger Personalausweis oder Reisepass').length - 1).toBe(1);
    expect(text).toContain('Geburts- oder Heiratsurkunde');
    expect(text).toContain('144,00');
    expect(text).toContain('Holzmarkt 1');
    expect(text).toContain('09:00');
    const ics = parseIcs(attachment(confirmation, 'text/calendar')!.content.toString('utf8'));
    expect(ics.event.UID).toContain(a.reference);
    expect(ics.event.DTSTART).toMatch(/T080000Z$/); // 09:00 Berlin in winter, or T070000Z in summer
    expect(parseCheckInQr(decodeQrPng(attachment(confirmation, 'image/png')!.content)!)).toBe(a.reference);

    await h.append(rescheduled(a, '11:00'));
    await waitFor(() => bySubject(h.smtp, 'Ihr Termin im Bürgerbüro Halberstadt wurde verlegt').length === 1 && bySubject(h.smtp, 'Erinnerung').length === 2);
    await h.append(cancelled(a, '11:00'));
    await waitFor(() => bySubject(h.smtp, 'Abgesagt').length === 1);
    const cancellation = bySubject(h.smtp, 'Abgesagt')[0];
    expect(parseIcs(attachment(cancellation, 'text/calendar')!.content.toString('utf8')).calendar.METHOD).toBe('CANCEL');

    await waitFor(async () => (await h.mailEvents()).length === 6);
    const mail = await h.mailEvents();
    expect(mail.map((e) => e.type)).toEqual(Array(6).fill('EmailSent'));
    expect(new Set(mail.map((e) => e.data.kind))).toEqual(new Set(['activation', 'confirmation', 'reminder', 'rescheduled', 'cancellation']));
    const sentIds = new Set(h.smtp.received.map((m) => m.parsed.messageId));
    for (const e of mail) expect(sentIds.has(e.type === 'EmailSent' ? e.data.messageId : '')).toBe(true);
    expect(h.smtp.received).toHaveLength(6);
  });

  it('corrects a move to another day that was undone: the "moved" email is followed by one that voids the new time', async () => {
    const h = await harness(60_000);
    const target = await newAppointment(h.vault, 'erika@example.org');
    const moved = booked(target);
    await h.append({ ...moved, data: { ...moved.data, rescheduledFrom: { date: '2026-12-01', appointmentId: 'the-source' } } });
    await waitFor(() => bySubject(h.smtp, 'Ihr Termin im Bürgerbüro Halberstadt wurde verlegt').length === 1);
    const undone = cancelled(target);
    await h.append({ ...undone, data: { ...undone.data, reason: 'rescheduled', by: 'system' } });
    await waitFor(() => bySubject(h.smtp, 'Korrektur').length === 1);
    const correction = bySubject(h.smtp, 'Korrektur')[0]!;
    expect(correction.parsed.text).toContain('Dieser neue Termin gilt nicht.');
    expect(attachment(correction, 'text/calendar')).toBeUndefined();
    expect(new ManageTokens(MANAGE_KEYS).verify(target.reference, linkToken(correction.parsed.text!, /\/termin\/HBS-[0-9A-F-]+/))).toBe(true);
    await waitFor(async () => (await h.mailEvents()).length === 2);
    expect((await h.mailEvents()).map((e) => [e.type, e.data.kind])).toEqual([['EmailSent', 'rescheduled'], ['EmailSent', 'cancellation']]);
  });

  it('writes English emails for a citizen who booked in English', async () => {
    const h = await harness(60_000);
    const a = await newAppointment(h.vault, 'john@example.org');
    await h.append(booked(a, 'en'));
    const [mail] = await h.smtp.waitForMessages(1);
    expect(mail.parsed.subject).toMatch(/^Your appointment at/);
    expect(mail.parsed.text).toContain('Previous identity card or passport');
  });

  it('sends no second email for a redelivered event, even after its job is gone from Redis', async () => {
    const h = await harness(60_000);
    const a = await newAppointment(h.vault, 'erika@example.org');
    const event = await h.append(booked(a));
    await h.smtp.waitForMessages(1);
    await waitFor(async () => (await h.mailEvents()).length === 1);
    await h.runtime.reactor.handle(event); // redelivery while the job is kept: BullMQ ignores the same id
    await h.runtime.queue.obliterate({ force: true }); // Redis lost everything
    await h.runtime.reactor.handle(event); // redelivery after that: the mail log knows it was sent
    await sleep(800);
    expect(h.smtp.received).toHaveLength(1);
    expect(await h.mailEvents()).toHaveLength(1);
  });

  it('retries a 4xx and sends one email; stops at a 5xx with a failed event and no retry storm', async () => {
    const h = await harness(60_000);
    h.smtp.failNext(1, 451);
    const first = await newAppointment(h.vault, 'erika@example.org');
    await h.append(booked(first));
    await h.smtp.waitForMessages(1);
    await waitFor(async () => (await h.mailEvents()).length === 1);
    expect(h.smtp.transactions).toBe(2);
    const [sent] = await h.mailEvents();
    expect(sent).toMatchObject({ type: 'EmailSent', data: { attempts: 2, kind: 'confirmation' } });

    h.smtp.failNext(Infinity, 550, 'rcpt');
    const second = await newAppointment(h.vault, 'gone@example.org');
    await h.append(booked(second));
    await waitFor(async () => (await h.mailEvents()).length === 2);
    await sleep(600); // longer than the retry delays: a retry would show up as another transaction
    expect(h.smtp.transactions).toBe(3);
    expect((await h.mailEvents())[1]).toMatchObject({
      type: 'EmailFailed',
      data: { appointmentId: second.appointmentId, reason: 'recipient-rejected', permanent: true, attempts: 1, smtpCode: 550 },
    });
    expect(JSON.stringify(await h.mailEvents())).not.toContain('gone@example.org');
  });

  it('records a failure without sending when the contact data has been shredded', async () => {
    const h = await harness(60_000);
    const a = await newAppointment(h.vault, 'erika@example.org');
    await h.vault.shred(a.appointmentId);
    await h.append(booked(a));
    await waitFor(async () => (await h.mailEvents()).length === 1);
    expect((await h.mailEvents())[0]).toMatchObject({ type: 'EmailFailed', data: { reason: 'contact-erased', permanent: true } });
    expect(h.smtp.transactions).toBe(0);
  });

  it('rebuilds pending reminders after Redis is flushed, and sends each reminder exactly once', async () => {
    const h = await harness(1500);
    const early: TestAppointment = await newAppointment(h.vault, 'early@example.org');
    await h.append(booked(early));
    await waitFor(() => bySubject(h.smtp, 'Erinnerung').length === 1);
    await waitFor(async () => (await h.mailEvents()).filter((e) => e.data.kind === 'reminder').length === 1);

    const late = await newAppointment(h.vault, 'late@example.org');
    const gone = await newAppointment(h.vault, 'gone@example.org');
    await h.append(booked(late));
    await h.append(booked(gone));
    const cancelledEvent = await h.append(cancelled(gone));
    // The consumer has seen all three events once the late reminder is queued and the cancelled one is gone.
    const reminderOf = (a: TestAppointment) => reminderJobId(a.appointmentId, fromZoned(a.date, a.start, 'Europe/Berlin'));
    await waitFor(async () => (await h.runtime.queue.getJob(reminderOf(late))) !== undefined);
    await waitFor(() => h.runtime.reactor.lastHandled === cancelledEvent.id);
    await h.runtime.queue.obliterate({ force: true }); // Redis flushed with a reminder pending
    expect(await h.runtime.queue.getJobCounts()).toMatchObject({ delayed: 0, waiting: 0 });

    expect(await h.runtime.reconcile()).toEqual({ pending: 1, restored: 1 });
    expect(await h.runtime.reconcile()).toEqual({ pending: 1, restored: 0 }); // same id: no second job
    await waitFor(() => bySubject(h.smtp, 'Erinnerung').length === 2);
    await waitFor(async () => (await h.mailEvents()).filter((e) => e.data.kind === 'reminder').length === 2);

    await h.runtime.queue.obliterate({ force: true });
    await h.restart(); // reconcile at start: nothing left to send
    expect(await h.runtime.reconcile()).toEqual({ pending: 0, restored: 0 });
    await sleep(300);
    const reminders = bySubject(h.smtp, 'Erinnerung').map((m) => m.envelopeTo[0]).sort();
    expect(reminders).toEqual(['early@example.org', 'late@example.org']);
  });
});
