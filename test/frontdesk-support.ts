import { randomUUID } from 'node:crypto';
import { activationTokenFor, FRONTDESK_SOCKET, newerState, type DisplayState } from '@app/contracts';
import { fromZoned } from '@app/domain';
import { rpcSubject, startApp } from '@app/platform';
import type { INestApplication } from '@nestjs/common';
import { connect, createInbox, JSONCodec, type NatsConnection } from 'nats';
import { io, type Socket } from 'socket.io-client';
import { frontdeskServiceWith } from '../apps/frontdesk/src/app.module';
import { loadFrontdeskConfig } from '../apps/frontdesk/src/config';
import type { BookingRuntime } from '../apps/booking/src/booking/booking-runtime';
import { TEST_ACTIVATION_KEY } from '../apps/booking/src/booking/booking.test-kit';

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const jc = JSONCodec();

/** Names of one run: its own stream, subject prefix, queue group, key bucket and Redis channel. */
export function frontdeskNames() {
  const suffix = randomUUID().slice(0, 8);
  return {
    suffix,
    streamName: `TEST_FD_${suffix}`,
    subjectPrefix: `tfd${suffix}`,
    keyBucket: `TEST_FD_KEYS_${suffix}`,
    queue: `test-frontdesk-${suffix}`,
    redisKey: `test-fd-io-${suffix}`,
    secret: `test-staff-token-secret-${suffix}-0123456789`,
    /** Request/reply namespace: other frontdesk instances on the same NATS (parallel tests) never answer ours. */
    rpcNamespace: `rpc-fd-${suffix}`,
  };
}
export type FrontdeskNames = ReturnType<typeof frontdeskNames>;

/**
 * A frontdesk app on an ephemeral port with the given clock. `rpcNamespace` puts its request/reply
 * subjects under a namespace (pass `names.rpcNamespace`, and the same to `request`); without it the
 * plain `frontdesk.*` subjects are served.
 */
export async function startFrontdesk(names: FrontdeskNames, clock: () => number, opts: { rpcNamespace?: string } = {}): Promise<{ app: INestApplication; url: string }> {
  const config = loadFrontdeskConfig({
    LOG_LEVEL: 'silent', NATS_URL, NATS_QUEUE: names.queue, EVENT_STREAM: names.streamName, EVENT_SUBJECT_PREFIX: names.subjectPrefix,
    STAFF_TOKEN_SECRET: names.secret, SOCKET_REDIS_KEY: names.redisKey, RPC_NAMESPACE: opts.rpcNamespace ?? '',
  });
  const app = await startApp(frontdeskServiceWith({ clock }), config, 0);
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** Books an appointment through the real booking service (hold, contact, activation); returns its reference. */
export async function book(booking: BookingRuntime, date: string, start: string, serviceId = 'personalausweis'): Promise<string> {
  const meta = { correlationId: randomUUID(), actor: 'citizen' };
  const hold = await booking.service.placeHold({ officeId: 'hbs', date, start, services: [{ serviceId, quantity: 1 }] }, meta);
  if (!hold.ok) throw new Error(`hold: ${hold.error.code}`);
  const contact = await booking.service.submitContact({ officeId: 'hbs', date, holdId: hold.value.holdId, name: 'Anna Muster', email: `anna-${randomUUID().slice(0, 6)}@example.org`, language: 'de' }, meta);
  if (!contact.ok) throw new Error(`contact: ${contact.error.code}`);
  if (contact.value.status === 'awaiting_activation') {
    const activated = await booking.service.activate({ reference: contact.value.reference, token: activationTokenFor(TEST_ACTIVATION_KEY, hold.value.holdId) }, meta);
    if (!activated.ok) throw new Error(`activate: ${activated.error.code}`);
  }
  return contact.value.reference;
}

export const berlin = (date: string, time: string) => fromZoned(date, time, 'Europe/Berlin');

/**
 * NATS request/reply as the gateway makes it (under `namespace`, if the app was started with one);
 * resolves to the `{ ok, value | error }` envelope. Without a namespace the subjects are shared, so
 * another engineer's stand-in responder may answer too: its replies say `standIn: true` and are
 * skipped, and the first real answer wins.
 */
export async function request<T = any>(nc: NatsConnection, subject: string, payload: unknown, namespace = ''): Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }> {
  const inbox = createInbox();
  const sub = nc.subscribe(inbox, { timeout: 10_000 });
  nc.publish(rpcSubject(namespace, subject), jc.encode({ pattern: subject, data: payload, id: randomUUID() }), { reply: inbox });
  try {
    for await (const m of sub) {
      const response = (jc.decode(m.data) as { response?: { ok: boolean; value?: { standIn?: boolean } } }).response;
      if (response?.ok && response.value?.standIn) continue;
      return response as any;
    }
    throw new Error(`no answer to ${subject}`);
  } finally {
    sub.unsubscribe();
  }
}

export async function mustRequest<T = any>(nc: NatsConnection, subject: string, payload: unknown, namespace = ''): Promise<T> {
  const reply = await request<T>(nc, subject, payload, namespace);
  if (!reply.ok) throw new Error(`${subject} refused: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/**
 * A waiting-room screen as a browser would run it: keeps the newest state by `seq`, asks a snapshot
 * on every (re)connect. `states` records every state it accepted.
 */
export class DisplayClient {
  state?: DisplayState;
  readonly accepted: DisplayState[] = [];
  readonly socket: Socket;

  constructor(url: string, officeId: string) {
    this.socket = io(`${url}${FRONTDESK_SOCKET.displayNamespace}`, { path: '/socket.io', transports: ['websocket'], auth: { officeId }, reconnection: false });
    this.socket.on(FRONTDESK_SOCKET.stateEvent, (s: DisplayState) => this.accept(s));
    this.socket.on('connect', () => this.socket.emit(FRONTDESK_SOCKET.snapshotEvent, (r: { ok: boolean; value: DisplayState }) => r.ok && this.accept(r.value)));
  }

  private accept(incoming: DisplayState): void {
    const next = newerState(this.state, incoming);
    if (next !== this.state) {
      this.state = next;
      this.accepted.push(next);
    }
  }

  connected(): Promise<void> {
    return this.socket.connected ? Promise.resolve() : new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Resolves once a state satisfies `predicate` (checked on every accepted state). */
  async until(predicate: (s: DisplayState) => boolean, timeoutMs = 5000): Promise<DisplayState> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (this.state && predicate(this.state)) return this.state;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`display never reached the expected state; last: ${JSON.stringify(this.state)}`);
  }
}

export async function natsConnection(): Promise<NatsConnection> {
  return connect({ servers: NATS_URL });
}

export async function deleteStreams(nc: NatsConnection, names: FrontdeskNames): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for (const s of [names.streamName, `${names.streamName}_PARKED`, `KV_${names.keyBucket}`]) await jsm.streams.delete(s).catch(() => undefined);
}
