import { randomUUID } from 'node:crypto';
import { rpcSubject } from '@app/platform';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { TEST_KIOSK_TOKEN, startStaffGateway, type StaffTestGateway } from '../apps/gateway/src/staff/staff.testing';
import { FrontdeskModule } from '../apps/gateway/src/frontdesk/frontdesk.module';

// Every row has three entries: jest.each passes a `done` callback to a test function with more
// parameters than its row has values, and the test then waits for it.
/**
 * Every staff endpoint, refused without login, with the wrong role and for another office — and
 * admitted otherwise, reaching frontdesk with the actor. A stand-in answers `frontdesk.*` over the real
 * NATS in Nest's wire format, recording what arrived.
 */
const ENDPOINTS: ReadonlyArray<[method: 'GET' | 'POST', path: string, body: unknown]> = [
  ['GET', 'queue', null],
  ['POST', 'check-ins', { reference: 'HBS-7K3Q9F' }],
  ['POST', 'walk-ins', { services: [{ serviceId: 'anmeldung', quantity: 1 }] }],
  ['POST', 'counters/schalter-1/open', {}],
  ['POST', 'counters/schalter-1/close', null],
  ['POST', 'counters/schalter-1/call-next', null],
  ['POST', 'counters/schalter-1/call', { ticketId: 'W-001' }],
  ['POST', 'tickets/W-001/recall', null],
  ['POST', 'tickets/W-001/park', null],
  ['POST', 'tickets/W-001/unpark', null],
  ['POST', 'tickets/W-001/transfer', { toCounterId: 'schalter-2' }],
  ['POST', 'tickets/W-001/start', null],
  ['POST', 'tickets/W-001/complete', {}],
  ['POST', 'tickets/W-001/no-show', null],
];

/** This file's own request/reply namespace: the stand-in answers only this test's gateway. */
const RPC_NAMESPACE = `test-staff-${randomUUID().slice(0, 8)}`;

const jc = JSONCodec<{ id?: string; data?: Record<string, unknown> }>();

async function standInFrontdesk(seen: Array<{ subject: string; data: Record<string, unknown> }>): Promise<NatsConnection> {
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  nc.subscribe(rpcSubject(RPC_NAMESPACE, 'frontdesk.>'), {
    callback: (_err, msg) => {
      const packet = jc.decode(msg.data);
      seen.push({ subject: msg.subject, data: packet.data ?? {} });
      msg.respond(JSONCodec().encode({ id: packet.id, response: { ok: true, value: { standIn: true, subject: msg.subject } }, isDisposed: true }));
    },
  });
  await nc.flush();
  return nc;
}

describe('staff endpoints: login, role and office scope', () => {
  let gw: StaffTestGateway;
  let nc: NatsConnection;
  const seen: Array<{ subject: string; data: Record<string, unknown> }> = [];
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    nc = await standInFrontdesk(seen);
    gw = await startStaffGateway({ imports: [FrontdeskModule], env: { RPC_NAMESPACE } });
    for (const user of ['clerk.hbs', 'clerk.qlb', 'manager.hbs', 'analyst', 'admin']) cookies[user] = await gw.login(user);
  });
  afterAll(async () => {
    await gw.close();
    await nc.drain();
  });

  const call = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${gw.url}/api/staff/offices/${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-requested-with': 'test', ...headers },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });

  it.each(ENDPOINTS)('%s %s: 401 without login', async (method, path, body) => {
    const res = await call(method, `hbs/${path}`, body, {});
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('staff_login_required');
  });

  it.each(ENDPOINTS)('%s %s: 403 for the analyst role', async (method, path, body) => {
    const res = await call(method, `hbs/${path}`, body, { cookie: cookies['analyst'] });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('staff_role_forbidden');
  });

  it.each(ENDPOINTS)('%s %s: 403 for a clerk of another office', async (method, path, body) => {
    const res = await call(method, `hbs/${path}`, body, { cookie: cookies['clerk.qlb'] });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('staff_office_forbidden');
  });

  it('sends no request to frontdesk for any refused call', () => {
    expect(seen).toEqual([]);
  });

  it.each(ENDPOINTS.filter(([method]) => method === 'POST'))('POST %s: 403 without the X-Requested-With header', async (method, path, body) => {
    const res = await fetch(`${gw.url}/api/staff/offices/hbs/${path}`, { method, headers: { 'content-type': 'application/json', cookie: cookies['clerk.hbs'] }, body: JSON.stringify(body ?? {}) });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('csrf_header_missing');
  });

  it.each(['clerk.hbs', 'manager.hbs', 'admin'])('admits %s for office hbs on every endpoint, with the actor in each request', async (user) => {
    seen.length = 0;
    for (const [method, path, body] of ENDPOINTS) {
      const res = await call(method, `hbs/${path}`, body, { cookie: cookies[user] });
      expect([method, path, res.status]).toEqual([method, path, 200]);
    }
    const commands = seen.filter((s) => !s.subject.startsWith(rpcSubject(RPC_NAMESPACE, 'frontdesk.snapshot')));
    expect(commands).toHaveLength(ENDPOINTS.length - 1);
    for (const { data } of commands) expect(data).toMatchObject({ officeId: 'hbs', actor: { userId: user } });
  });

  it('issues a socket token only for an office in scope', async () => {
    const mine = await fetch(`${gw.url}/api/staff/socket-token?officeId=hbs`, { headers: { cookie: cookies['clerk.hbs'] } });
    expect(mine.status).toBe(200);
    expect((await mine.json()).token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const other = await fetch(`${gw.url}/api/staff/socket-token?officeId=hbs`, { headers: { cookie: cookies['clerk.qlb'] } });
    expect(other.status).toBe(403);
    const analyst = await fetch(`${gw.url}/api/staff/socket-token?officeId=hbs`, { headers: { cookie: cookies['analyst'] } });
    expect(analyst.status).toBe(403);
    const none = await fetch(`${gw.url}/api/staff/socket-token?officeId=hbs`);
    expect(none.status).toBe(401);
  });

  it('lets the kiosk device issue walk-ins for its office only, and nothing else', async () => {
    const walkIn = (office: string, auth?: string) =>
      fetch(`${gw.url}/api/kiosk/offices/${office}/walk-ins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify({ services: [{ serviceId: 'anmeldung', quantity: 1 }] }),
      });
    expect((await walkIn('hbs', `Kiosk ${TEST_KIOSK_TOKEN}`)).status).toBe(200);
    expect((await walkIn('qlb', `Kiosk ${TEST_KIOSK_TOKEN}`)).status).toBe(403);
    expect((await walkIn('hbs', 'Kiosk wrong-token-wrong-token-wrong')).status).toBe(401);
    expect((await walkIn('hbs')).status).toBe(401);
    // The device token is no staff session.
    const res = await call('POST', 'hbs/counters/schalter-1/call-next', {}, { authorization: `Kiosk ${TEST_KIOSK_TOKEN}` });
    expect(res.status).toBe(401);
  });
});
