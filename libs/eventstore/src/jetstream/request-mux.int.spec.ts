import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { NoResponders, RequestMux, RequestTimeout } from './request-mux';

describe('RequestMux (real NATS)', () => {
  let nc: NatsConnection;
  let mux: RequestMux;
  const subject = (name: string) => `mux-test.${randomBytes(4).toString('hex')}.${name}`;
  beforeEach(async () => {
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    mux = new RequestMux(nc, 200);
  });
  afterEach(async () => {
    mux.close();
    await nc.drain();
  });

  it('hands each reply to the request it answers, also when many are in flight', async () => {
    const echo = subject('echo');
    nc.subscribe(echo, { callback: (_err, msg) => setTimeout(() => msg.respond(msg.data), Math.random() * 20) });
    await nc.flush();
    const replies = await Promise.all(Array.from({ length: 300 }, (_, i) => mux.request(echo, `n${i}`)));
    expect(replies.map((m) => m.string())).toEqual(Array.from({ length: 300 }, (_, i) => `n${i}`));
    expect(mux.inFlight).toBe(0);
  });

  it('fails with no_responders when nobody listens, and with request_timeout when nobody answers', async () => {
    await expect(mux.request(subject('nobody'), 'x')).rejects.toBeInstanceOf(NoResponders);
    const silent = subject('silent');
    nc.subscribe(silent, { callback: () => undefined });
    await nc.flush();
    const started = Date.now();
    await expect(mux.request(silent, 'x')).rejects.toBeInstanceOf(RequestTimeout);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(mux.inFlight).toBe(0);
  });

  it('fails the requests still waiting when closed', async () => {
    const silent = subject('silent');
    nc.subscribe(silent, { callback: () => undefined });
    await nc.flush();
    const waiting = mux.request(silent, 'x');
    mux.close();
    await expect(waiting).rejects.toMatchObject({ code: 'closed' });
  });
});
