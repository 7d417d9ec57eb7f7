import { FRONTDESK, FRONTDESK_SOCKET, issueStaffToken, type QueueCommandReply, type StaffState } from '@app/contracts';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { io } from 'socket.io-client';
import { BookingRuntime } from '../apps/booking/src/booking/booking-runtime';
import { futureMonday, runtimeOptions } from '../apps/booking/src/booking/booking.test-kit';
import {
  berlin, book, deleteStreams, DisplayClient, frontdeskNames, mustRequest, natsConnection, request, startFrontdesk,
} from './frontdesk-support';

/**
 * The front desk over its real edges: NATS request/reply in, Socket.IO out, against the real NATS,
 * JetStream and Redis, with two frontdesk instances in one queue group (so commands land on either and
 * concurrent calls really race across processes). Appointments are booked by the real booking service.
 */
describe('frontdesk end to end (NATS + Socket.IO, two instances)', () => {
  const names = frontdeskNames();
  const day = futureMonday();
  const now = berlin(day, '09:00');
  const clock = () => now;
  const clerk = { userId: 'clerk.hbs', role: 'clerk' as const };
  let booking: BookingRuntime;
  let a: { app: INestApplication; url: string };
  let b: { app: INestApplication; url: string };
  let nc: NatsConnection;
  const displays: DisplayClient[] = [];

  beforeAll(async () => {
    booking = await BookingRuntime.start(runtimeOptions({ streamName: names.streamName, subjectPrefix: names.subjectPrefix, keyBucket: names.keyBucket }));
    a = await startFrontdesk(names, clock, names);
    b = await startFrontdesk(names, clock, names);
    nc = await natsConnection();
  });

  afterAll(async () => {
    displays.forEach((d) => d.socket.disconnect());
    await a?.app.close();
    await b?.app.close();
    await booking?.close();
    if (nc) {
      await deleteStreams(nc, names);
      await nc.close();
    }
  });

  const cmd = (subject: string, payload: object) => mustRequest<QueueCommandReply>(nc, subject, { officeId: 'hbs', actor: clerk, ...payload }, names.rpcNamespace);
  const serve = async (ticketId: string) => {
    await cmd(FRONTDESK.start, { ticketId });
    await cmd(FRONTDESK.complete, { ticketId });
  };

  it('book → check in by QR → walk-in → call next picks the due appointment → the screen shows the call → complete', async () => {
    const reference = await book(booking, day, '09:00');
    const display = new DisplayClient(b.url, 'hbs');
    displays.push(display);
    await display.connected();

    const walkIn = await cmd(FRONTDESK.walkIn, { services: [{ serviceId: 'anmeldung', quantity: 1 }], requestId: 'kiosk-req-1' });
    expect(walkIn.ticket).toMatchObject({ number: 'W-001', kind: 'walk_in', status: 'waiting' });
    const checkIn = await cmd(FRONTDESK.checkIn, { qr: `SCHALTER:${reference}` });
    expect(checkIn.ticket).toMatchObject({ number: 'T-001', kind: 'booked', status: 'waiting', appointment: { reference } });
    // A repeat of either changes nothing.
    expect(await cmd(FRONTDESK.checkIn, { reference })).toMatchObject({ changed: false, ticket: { number: 'T-001' } });
    expect(await cmd(FRONTDESK.walkIn, { services: [{ serviceId: 'anmeldung', quantity: 1 }], requestId: 'kiosk-req-1' })).toMatchObject({ changed: false });

    await cmd(FRONTDESK.openCounter, { counterId: 'schalter-1' });
    const called = await cmd(FRONTDESK.callNext, { counterId: 'schalter-1' });
    expect(called.ticket).toMatchObject({ number: 'T-001', status: 'called', counterId: 'schalter-1' }); // due appointment before the earlier walk-in

    const shown = await display.until((s) => s.seq >= called.seq);
    expect(shown.calls[0]).toMatchObject({ ticket: 'T-001', counter: 'schalter-1', counterName: 'Schalter 1', recall: false });
    expect(JSON.stringify(shown)).not.toMatch(/Anna|Muster|example\.org|HBS-/); // never a name or reference on the screen

    await serve(called.ticket!.ticketId);
    const staff = await mustRequest<StaffState>(nc, FRONTDESK.staffSnapshot, { officeId: 'hbs' }, names.rpcNamespace);
    expect(staff.tickets.find((t) => t.number === 'T-001')).toMatchObject({ status: 'completed' });
    expect(staff.expected.find((e) => e.reference === reference)).toMatchObject({ status: 'checked_in', ticketNumber: 'T-001' });
    const next = await cmd(FRONTDESK.callNext, { counterId: 'schalter-1' });
    expect(next.ticket).toMatchObject({ number: 'W-001' });
    await serve(next.ticket!.ticketId);
  });

  it('refuses a cancelled appointment (409), an unknown reference (404) and a foreign QR code', async () => {
    const reference = await book(booking, day, '10:00');
    const cancelled = await booking.service.cancel({ reference }, { correlationId: 'test', actor: 'citizen' });
    expect(cancelled.ok).toBe(true);
    expect(await request(nc, FRONTDESK.checkIn, { officeId: 'hbs', actor: clerk, reference }, names.rpcNamespace)).toMatchObject({ ok: false, error: { code: 'appointment_cancelled', kind: 'conflict' } });
    expect(await request(nc, FRONTDESK.checkIn, { officeId: 'hbs', actor: clerk, reference: 'HBS-000000' }, names.rpcNamespace)).toMatchObject({ ok: false, error: { code: 'appointment_not_today', kind: 'not_found' } });
    expect(await request(nc, FRONTDESK.checkIn, { officeId: 'hbs', actor: clerk, qr: 'https://example.org' }, names.rpcNamespace)).toMatchObject({ ok: false, error: { code: 'qr_not_ours' } });
    expect(await request(nc, FRONTDESK.callNext, { officeId: 'hbs', actor: { userId: 'k', role: 'kiosk' }, counterId: 'schalter-1' }, names.rpcNamespace)).toMatchObject({ ok: false, error: { code: 'kiosk_not_allowed' } });
  });

  it('two concurrent call-next on two counters never return the same ticket (20 rounds, two instances)', async () => {
    await cmd(FRONTDESK.openCounter, { counterId: 'schalter-2' });
    for (let round = 0; round < 20; round++) {
      await cmd(FRONTDESK.walkIn, { services: [{ serviceId: 'anmeldung', quantity: 1 }] });
      await cmd(FRONTDESK.walkIn, { services: [{ serviceId: 'ummeldung', quantity: 1 }] });
      const [one, two] = await Promise.all([cmd(FRONTDESK.callNext, { counterId: 'schalter-1' }), cmd(FRONTDESK.callNext, { counterId: 'schalter-2' })]);
      expect(one.ticket!.ticketId).not.toBe(two.ticket!.ticketId);
      await Promise.all([serve(one.ticket!.ticketId), serve(two.ticket!.ticketId)]);
    }
    const staff = await mustRequest<StaffState>(nc, FRONTDESK.staffSnapshot, { officeId: 'hbs' }, names.rpcNamespace);
    expect(staff.tickets.filter((t) => t.status === 'completed')).toHaveLength(42);
  });

  it('a display that disconnects and reconnects during three calls ends showing exactly those calls, once each', async () => {
    const display = new DisplayClient(a.url, 'hbs');
    displays.push(display);
    await display.connected();
    const issued = [];
    for (let i = 0; i < 3; i++) issued.push(await cmd(FRONTDESK.walkIn, { services: [{ serviceId: 'anmeldung', quantity: 1 }] }));
    const call = async () => {
      const reply = await cmd(FRONTDESK.callNext, { counterId: 'schalter-1' });
      await serve(reply.ticket!.ticketId);
      return reply;
    };
    const first = await call();
    await display.until((s) => s.seq >= first.seq);
    display.socket.disconnect();
    const second = await call();
    display.socket.connect();
    await display.connected();
    const third = await call();
    const final = await display.until((s) => s.calls[0]?.ticket === third.ticket!.number);
    expect(final.calls.slice(0, 3).map((c) => c.ticket)).toEqual([third, second, first].map((r) => r.ticket!.number));
    expect(new Set(final.calls.map((c) => c.callId)).size).toBe(final.calls.length);
    // Seq never went backwards in what the screen accepted.
    const seqs = display.accepted.map((s) => s.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  });

  it('staff socket: refuses a bad token, joins the office room with a good one and answers a snapshot', async () => {
    const bad = io(`${a.url}${FRONTDESK_SOCKET.staffNamespace}`, { transports: ['websocket'], auth: { token: 'nope' }, reconnection: false, forceNew: true });
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) => bad.once('connect_error', resolve));
    expect(error.data?.code).toBe('token_malformed');
    bad.disconnect();
    const token = issueStaffToken({ user: 'clerk.hbs', role: 'clerk', officeId: 'hbs' }, names.secret, now); // the server's clock is the test's
    const good = io(`${b.url}${FRONTDESK_SOCKET.staffNamespace}`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve) => good.once('connect', () => resolve()));
    const pushed = new Promise<StaffState>((resolve) => good.once(FRONTDESK_SOCKET.stateEvent, resolve));
    const snapshot = await new Promise<{ ok: boolean; value: StaffState }>((resolve) => good.emit(FRONTDESK_SOCKET.snapshotEvent, resolve));
    expect(snapshot).toMatchObject({ ok: true, value: { officeId: 'hbs', date: day } });
    await cmd(FRONTDESK.walkIn, { services: [{ serviceId: 'anmeldung', quantity: 1 }] });
    expect((await pushed).seq).toBeGreaterThan(snapshot.value.seq);
    good.disconnect();
  });
});
