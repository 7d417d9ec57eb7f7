import { randomUUID } from 'node:crypto';
import { FRONTDESK, FRONTDESK_SOCKET, issueStaffToken, newerState, type DisplayState, type ExpectedAppointmentView, type StaffState } from '@app/contracts';
import { mailDecider, mailId, type EmailFailed, type EmailSent, type MailCommand, type MailEvent, type MailState } from '@app/domain';
import { CommandHandler, connectEventStore, type JetStreamEventStore } from '@app/eventstore';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { io, type Socket } from 'socket.io-client';
import { BookingRuntime } from '../apps/booking/src/booking/booking-runtime';
import { futureMonday, runtimeOptions } from '../apps/booking/src/booking/booking.test-kit';
import { berlin, book, deleteStreams, DisplayClient, frontdeskNames, mustRequest, NATS_URL, natsConnection, startFrontdesk } from './frontdesk-support';

/** A staff console's socket: keeps the newest state by `seq`, asks a snapshot on connect. */
class StaffClient {
  state?: StaffState;
  readonly socket: Socket;

  constructor(url: string, token: string) {
    this.socket = io(`${url}${FRONTDESK_SOCKET.staffNamespace}`, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    this.socket.on(FRONTDESK_SOCKET.stateEvent, (s: StaffState) => this.accept(s));
    this.socket.on('connect', () => this.socket.emit(FRONTDESK_SOCKET.snapshotEvent, (r: { ok: boolean; value: StaffState }) => r.ok && this.accept(r.value)));
  }

  private accept(incoming: StaffState): void {
    this.state = newerState(this.state, incoming);
  }

  async until(predicate: (s: StaffState) => boolean, timeoutMs = 5000): Promise<StaffState> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (this.state && predicate(this.state)) return this.state;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`staff console never reached the expected state; last: ${JSON.stringify(this.state)}`);
  }
}

/**
 * Issue 7, "email not delivered", end to end on the real NATS/JetStream and Socket.IO: outcomes are
 * recorded on the day's `mail` aggregate exactly as notifications records them (the real `mailDecider`
 * through the real `CommandHandler`), and the staff console's live state follows them.
 */
describe('frontdesk: email failures on the staff console (mail aggregate → staff state)', () => {
  const names = frontdeskNames();
  const day = futureMonday();
  const now = berlin(day, '08:00');
  const clock = () => now;
  let booking: BookingRuntime;
  let frontdesk: { app: INestApplication; url: string };
  let later: { app: INestApplication; url: string } | undefined;
  let nc: NatsConnection;
  let mailStore: JetStreamEventStore;
  let mail: CommandHandler<MailCommand, MailEvent, MailState, unknown>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    booking = await BookingRuntime.start(runtimeOptions({ streamName: names.streamName, subjectPrefix: names.subjectPrefix, keyBucket: names.keyBucket }));
    frontdesk = await startFrontdesk(names, clock, names);
    nc = await natsConnection();
    mailStore = await connectEventStore({ servers: NATS_URL, name: 'test-mail-log', streamName: names.streamName, subjectPrefix: names.subjectPrefix });
    mail = new CommandHandler(mailStore, mailDecider, { aggregateType: 'mail' });
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await frontdesk?.app.close();
    await later?.app.close();
    await booking?.close();
    await mailStore?.close();
    if (nc) {
      await deleteStreams(nc, names);
      await nc.close();
    }
  });

  const record = async (command: MailCommand) => {
    const result = await mail.handle(mailId('hbs', day), command, () => ({}), { commitId: randomUUID(), meta: { correlationId: randomUUID(), causationId: command.data.jobId, actor: 'notifications' } });
    if (!result.ok) throw new Error(result.error.code);
    return result.value;
  };
  const failed = (appointmentId: string, reference: string, data: Partial<EmailFailed['data']> = {}): MailCommand => ({
    type: 'RecordEmailFailed',
    data: { jobId: `${randomUUID()}.confirmation`, kind: 'confirmation', appointmentId, reference, reason: 'recipient-rejected', permanent: true, attempts: 1, smtpCode: 550, failedAt: now, ...data },
  });
  const sent = (appointmentId: string, reference: string, data: Partial<EmailSent['data']> = {}): MailCommand => ({
    type: 'RecordEmailSent',
    data: { jobId: `${randomUUID()}.confirmation`, kind: 'confirmation', appointmentId, reference, messageId: `<${randomUUID()}@schalter>`, attempts: 1, sentAt: now + 60_000, ...data },
  });
  const staffClient = (url: string) => {
    const client = new StaffClient(url, issueStaffToken({ user: 'clerk.hbs', role: 'clerk', officeId: 'hbs' }, names.secret, now));
    sockets.push(client.socket);
    return client;
  };
  const find = (s: StaffState, reference: string) => s.expected.find((e) => e.reference === reference);

  it('an EmailFailed flags the booked appointment live on the staff socket, a later EmailSent clears it; the screen never carries it', async () => {
    const reference = await book(booking, day, '09:00');
    const display = new DisplayClient(frontdesk.url, 'hbs');
    sockets.push(display.socket);
    const staff = staffClient(frontdesk.url);
    await display.connected();
    const before = await staff.until((s) => find(s, reference) !== undefined);
    const appointment = find(before, reference) as ExpectedAppointmentView;
    expect(appointment).not.toHaveProperty('emailFailed');
    const displayStatesBefore = display.accepted.length;

    const failure = await record(failed(appointment.appointmentId, reference));
    expect(failure.events).toHaveLength(1);
    const flagged = await staff.until((s) => find(s, reference)?.emailFailed === true);
    expect(flagged.seq).toBe(failure.version); // the mail commit's position is the staff state's seq
    expect(find(flagged, reference)).toMatchObject({
      status: 'booked', emailFailed: true,
      emailFailure: { kind: 'confirmation', reason: 'recipient-rejected', permanent: true, failedAt: new Date(now).toISOString() },
    });
    // The request/reply snapshot (what the gateway serves) says the same.
    const snapshot = await mustRequest<StaffState>(nc, FRONTDESK.staffSnapshot, { officeId: 'hbs' }, names.rpcNamespace);
    expect(find(snapshot, reference)).toMatchObject({ emailFailed: true, emailFailure: { reason: 'recipient-rejected' } });

    await record(sent(appointment.appointmentId, reference));
    const cleared = await staff.until((s) => s.seq > flagged.seq);
    expect(find(cleared, reference)).not.toHaveProperty('emailFailed');
    expect(find(cleared, reference)).not.toHaveProperty('emailFailure');

    // Mail commits push nothing to the screens, and no screen state mentions an email.
    const displaySnapshot = await mustRequest<DisplayState>(nc, FRONTDESK.displaySnapshot, { officeId: 'hbs' }, names.rpcNamespace);
    expect(display.accepted.length).toBe(displayStatesBefore);
    for (const s of [...display.accepted, displaySnapshot]) expect(JSON.stringify(s)).not.toMatch(/email|recipient|HBS-/i);
  });

  it('a frontdesk started afterwards loads the flag from the log (reminder, temporary failure), and one of another kind sent does not clear it', async () => {
    const reference = await book(booking, day, '10:00');
    const known = await staffClient(frontdesk.url).until((s) => find(s, reference) !== undefined);
    const appointmentId = (find(known, reference) as ExpectedAppointmentView).appointmentId;
    await record(failed(appointmentId, reference, { jobId: `${appointmentId}.${now}.reminder`, kind: 'reminder', reason: 'smtp-temporary', permanent: false, smtpCode: 451 }));
    await record(sent(appointmentId, reference, { kind: 'confirmation' }));

    // A second instance on the same stream (own queue group, socket channel and RPC namespace) loads the day from the log.
    later = await startFrontdesk({ ...names, queue: `${names.queue}-later`, redisKey: `${names.redisKey}-later` }, clock, { rpcNamespace: `${names.rpcNamespace}-later` });
    const loaded = await staffClient(later.url).until((s) => find(s, reference) !== undefined);
    expect(find(loaded, reference)).toMatchObject({ emailFailed: true, emailFailure: { kind: 'reminder', reason: 'smtp-temporary', permanent: false } });
  });
});
