import { fail, notFound, ok } from '@app/domain';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { defer, firstValueFrom, of, throwError } from 'rxjs';
import { z } from 'zod';
import { CorrelationContext } from '../correlation/correlation-context';
import { DomainException } from '../errors/domain-exception';
import { RpcEnvelopeInterceptor } from './rpc-envelope.interceptor';

function rpcContext(type: 'rpc' | 'http' = 'rpc', data: unknown = {}): ExecutionContext {
  return {
    getType: () => type,
    getHandler: () => function handle() {},
    switchToRpc: () => ({ getContext: () => ({ getSubject: () => 'booking.test' }), getData: () => data }),
  } as unknown as ExecutionContext;
}

const reply = (handler: CallHandler, type: 'rpc' | 'http' = 'rpc') => firstValueFrom(new RpcEnvelopeInterceptor().intercept(rpcContext(type), handler));
const returning = (value: unknown): CallHandler => ({ handle: () => of(value) });
const throwing = (thrown: unknown): CallHandler => ({ handle: () => throwError(() => thrown) });
const missing = notFound('office_unknown', { de: 'Unbekannter Standort.', en: 'Unknown office.' });

describe('RpcEnvelopeInterceptor', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('runs the handler (when subscribed) inside the correlation id of the message, else a fresh one', async () => {
    const seen: CallHandler = { handle: () => defer(() => of(CorrelationContext.currentId())) };
    const interceptor = new RpcEnvelopeInterceptor();
    expect(await firstValueFrom(interceptor.intercept(rpcContext('rpc', { meta: { correlationId: 'corr-42' } }), seen))).toEqual({ ok: true, value: 'corr-42' });
    const fresh = (await firstValueFrom(interceptor.intercept(rpcContext('rpc', {}), seen))) as { value: string };
    expect(fresh.value).toMatch(/^[0-9a-f-]{36}$/);
    expect(CorrelationContext.currentId()).toBeUndefined();
  });

  it('passes a returned Result through as it is', async () => {
    expect(await reply(returning(ok({ n: 1 })))).toEqual({ ok: true, value: { n: 1 } });
    expect(await reply(returning(fail(missing)))).toEqual({ ok: false, error: missing });
  });

  it('wraps any other returned value as a success', async () => {
    expect(await reply(returning({ slots: [] }))).toEqual({ ok: true, value: { slots: [] } });
    expect(await reply(returning(undefined))).toEqual({ ok: true, value: null });
    expect(await reply(returning({ ok: 'yes' }))).toEqual({ ok: true, value: { ok: 'yes' } });
  });

  it('answers a thrown DomainError, bare or wrapped, with the error envelope', async () => {
    expect(await reply(throwing(missing))).toEqual({ ok: false, error: missing });
    expect(await reply(throwing(new DomainException(missing)))).toEqual({ ok: false, error: missing });
  });

  it('answers a zod error as invalid, naming the path of every bad field', async () => {
    const parsed = z.object({ officeId: z.string(), day: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }) }).safeParse({ day: { date: 'x' } });
    if (parsed.success) throw new Error('expected invalid input');
    const answer = await reply(throwing(parsed.error));
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid', code: 'validation_failed' } });
    const errors = (answer as { error: { details: { errors: Array<{ path: string }> } } }).error.details.errors;
    expect(errors.map((e) => e.path)).toEqual(['officeId', 'day.date']);
  });

  it('answers any other failure as unavailable without leaking its message', async () => {
    const answer = await reply(throwing(new Error('ECONNREFUSED 10.0.0.7:6379 password=secret')));
    expect(answer).toMatchObject({ ok: false, error: { kind: 'unavailable', code: 'internal_error' } });
    expect(JSON.stringify(answer)).not.toContain('secret');
  });

  it('leaves HTTP handlers alone', async () => {
    expect(await reply(returning({ plain: true }), 'http')).toEqual({ plain: true });
    await expect(reply(throwing(new Error('boom')), 'http')).rejects.toThrow('boom');
  });
});
