import { randomUUID } from 'node:crypto';
import { notFound } from '@app/domain';
import { Controller, type DynamicModule, Get, type INestApplication, Module, UseGuards } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { connect } from 'nats';
import { z } from 'zod';
import { startApp } from '../bootstrap';
import { commonConfigSchema } from '../config/common-config';
import { loadConfig } from '../config/load-config';
import { CorrelationContext } from '../correlation/correlation-context';
import { DomainException } from '../errors/domain-exception';
import { PlatformModule } from '../platform.module';
import { RpcClient } from './rpc-client';

// Patterns of this run only: a dev system or a parallel run on the same NATS never answers them.
const P = `test-${randomUUID().slice(0, 8)}`;
const missing = notFound('office_unknown', { de: 'Unbekannter Standort.', en: 'Unknown office.' });
const QuerySchema = z.object({ officeId: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

@Controller()
class ProbeController {
  @MessagePattern(`${P}.double`)
  double(@Payload() payload: { n: number }) {
    return payload.n * 2;
  }

  @MessagePattern(`${P}.correlation`)
  correlation() {
    return CorrelationContext.currentId() ?? null;
  }

  @MessagePattern(`${P}.refuse`)
  refuse(): never {
    throw new DomainException(missing);
  }

  @MessagePattern(`${P}.validate`)
  validate(@Payload() payload: unknown) {
    return QuerySchema.parse(payload);
  }

  @MessagePattern(`${P}.crash`)
  async crash(): Promise<never> {
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error('database password is hunter2');
  }

  @MessagePattern(`${P}.guarded`)
  @UseGuards({ canActivate: () => Promise.reject(new DomainException(missing)) })
  guarded() {
    return 'never reached';
  }

  @Get('probe/refuse')
  httpRefuse(): never {
    throw new DomainException(missing);
  }
}

@Module({})
class ProbeModule {
  static forRoot(config: ReturnType<typeof testConfig>): DynamicModule {
    return { module: ProbeModule, imports: [PlatformModule.forRoot({ service: 'booking', config, rpcClient: true })], controllers: [ProbeController] };
  }
}

const testConfig = () => loadConfig(commonConfigSchema('booking'), { LOG_LEVEL: 'silent', NATS_QUEUE: P, NATS_URL: process.env.NATS_URL });

describe('NATS request/reply conventions (real NATS)', () => {
  let app: INestApplication;
  let rpc: RpcClient;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startApp({ service: 'booking', microservice: true, module: ProbeModule.forRoot }, testConfig(), 0);
    rpc = app.get(RpcClient);
    baseUrl = await app.getUrl();
  });
  afterAll(() => app?.close());

  it('answers with the success envelope', async () => {
    expect(await rpc.request(`${P}.double`, { n: 21 })).toEqual({ ok: true, value: 42 });
  });

  it('carries the caller’s correlation id into the handler', async () => {
    const reply = await CorrelationContext.run('corr-test-1', () => rpc.request(`${P}.correlation`, {}));
    expect(reply).toEqual({ ok: true, value: 'corr-test-1' });
  });

  it('gives a fresh correlation id to a request made outside any context', async () => {
    const reply = await rpc.request<string>(`${P}.correlation`, {});
    expect(reply.ok && reply.value).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns a thrown DomainError as the error envelope', async () => {
    expect(await rpc.request(`${P}.refuse`, {})).toEqual({ ok: false, error: missing });
  });

  it('returns a failed validation as invalid with every bad field', async () => {
    const reply = await rpc.request(`${P}.validate`, { date: 'tomorrow' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid', code: 'validation_failed' } });
    expect(JSON.stringify(reply)).toContain('"path":"officeId"');
    expect(JSON.stringify(reply)).toContain('"path":"date"');
  });

  it('answers a crash as unavailable without its message', async () => {
    const reply = await rpc.request(`${P}.crash`, {});
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unavailable', code: 'internal_error' } });
    expect(JSON.stringify(reply)).not.toContain('hunter2');
  });

  it('answers a refusal from a guard (outside the interceptors) through the filter', async () => {
    expect(await rpc.request(`${P}.guarded`, {})).toEqual({ ok: false, error: missing });
  });

  it('maps a service that receives but never answers to unavailable, once its timeout has passed', async () => {
    const nc = await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' });
    let received = 0;
    nc.subscribe(`${P}.silent`, { callback: () => (received += 1) });
    await nc.flush();
    try {
      const started = Date.now();
      const reply = await rpc.request(`${P}.silent`, {}, { timeoutMs: 300 });
      expect(reply).toMatchObject({ ok: false, error: { kind: 'unavailable', code: 'service_unavailable' } });
      expect(received).toBe(1);
      // Swept a few times per timeout: late by at most a quarter of it (and scheduling).
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await nc.close();
    }
  });

  it('maps silence to unavailable after the timeout', async () => {
    const started = Date.now();
    const reply = await rpc.request(`${P}.nobody-listens`, {}, { timeoutMs: 300 });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unavailable', code: 'service_unavailable', details: { pattern: `${P}.nobody-listens` } } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('turns a DomainError thrown over HTTP into problem details with the correlation id', async () => {
    const res = await fetch(`${baseUrl}/probe/refuse`, { headers: { 'x-correlation-id': 'corr-http-1' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('x-correlation-id')).toBe('corr-http-1');
    expect(await res.json()).toMatchObject({ status: 404, code: 'office_unknown', detail: 'Unbekannter Standort.', correlationId: 'corr-http-1' });
  });
});
