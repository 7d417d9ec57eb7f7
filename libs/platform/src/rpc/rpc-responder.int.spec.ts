import { randomUUID } from 'node:crypto';
import { fail, notFound, ok } from '@app/domain';
import { Logger } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import { z } from 'zod';
import { CorrelationContext } from '../correlation/correlation-context';
import { NamespacedNatsClient, rpcSubject } from './namespaced-nats';
import { RpcResponder } from './rpc-responder';
import { RpcClient } from './rpc-client';

const NATS = 'nats://127.0.0.1:4222';
const missing = notFound('thing_unknown', { de: 'Unbekannt.', en: 'Unknown.' });

/** RpcResponder against the real NATS, called the way every service is called: RpcClient over Nest's ClientNats. */
describe('RpcResponder (real NATS)', () => {
  const namespace = `responder-${randomUUID().slice(0, 8)}`;
  let nc: NatsConnection;
  let responder: RpcResponder;
  let proxy: NamespacedNatsClient;
  let rpc: RpcClient;
  const calls: string[] = [];

  beforeAll(async () => {
    Logger.overrideLogger(false);
    nc = await connect({ servers: NATS });
    responder = new RpcResponder(nc, { namespace, queue: 'responder-test' });
    responder.serve({
      'probe.result': () => fail(missing),
      'probe.plain': (data) => ({ echoed: data }),
      'probe.async': async () => ok({ correlationId: CorrelationContext.currentId() }),
      'probe.validated': (data) => z.object({ name: z.string() }).parse(data),
      'probe.broken': () => {
        throw new Error('ECONNREFUSED password=secret');
      },
      'probe.count': () => calls.push('count'),
    });
    proxy = new NamespacedNatsClient({ servers: [NATS], rpcNamespace: namespace });
    rpc = new RpcClient(proxy as never, 2000);
  });
  afterAll(async () => {
    await responder.close();
    await proxy.close();
    await nc.close();
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  it('passes a returned Result as it is and wraps any other value as a success', async () => {
    expect(await rpc.request('probe.result', {})).toEqual({ ok: false, error: missing });
    expect(await rpc.request('probe.plain', { n: 1 })).toEqual({ ok: true, value: { echoed: { n: 1 } } });
  });

  it('runs the route inside the caller’s correlation id', async () => {
    const reply = await CorrelationContext.run('corr-responder-7', () => rpc.request('probe.async', {}));
    expect(reply).toEqual({ ok: true, value: { correlationId: 'corr-responder-7' } });
  });

  it('answers a thrown zod error as validation_failed naming the field, anything else as internal_error without its message', async () => {
    const invalid = await rpc.request('probe.validated', { name: 7 });
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'invalid', code: 'validation_failed', details: { errors: [{ path: 'name' }] } } });
    const broken = await rpc.request('probe.broken', {});
    expect(broken).toMatchObject({ ok: false, error: { kind: 'unavailable', code: 'internal_error' } });
    expect(JSON.stringify(broken)).not.toContain('secret');
  });

  it('answers a request that is not JSON as malformed', async () => {
    const reply = await nc.request(rpcSubject(namespace, 'probe.plain'), 'not json', { timeout: 2000 });
    expect(JSON.parse(reply.string())).toMatchObject({ response: { ok: false, error: { kind: 'invalid', code: 'malformed_request' } }, isDisposed: true });
  });

  it('answers each request once though two responders share the queue group', async () => {
    const twin = new RpcResponder(nc, { namespace, queue: 'responder-test' });
    twin.serve({ 'probe.count': () => calls.push('twin') });
    try {
      calls.length = 0;
      for (let i = 0; i < 20; i++) expect((await rpc.request('probe.count', {})).ok).toBe(true);
      expect(calls).toHaveLength(20);
    } finally {
      await twin.close();
    }
  });

  it('on close takes no more requests but finishes the ones it is answering', async () => {
    const own = new RpcResponder(nc, { namespace: `${namespace}-own` });
    own.serve({ 'probe.slow': () => new Promise((resolve) => setTimeout(() => resolve(ok('finished')), 200)) });
    const ownRpc = new RpcClient(new NamespacedNatsClient({ servers: [NATS], rpcNamespace: `${namespace}-own` }) as never, 1000);
    const pending = ownRpc.request('probe.slow', {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    let closed = false;
    const closing = own.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);
    await expect(pending).resolves.toEqual({ ok: true, value: 'finished' });
    await closing;
    expect(await ownRpc.request('probe.slow', {}, { timeoutMs: 300 })).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    await (ownRpc as unknown as { proxy: NamespacedNatsClient }).proxy.close();
  });
});
