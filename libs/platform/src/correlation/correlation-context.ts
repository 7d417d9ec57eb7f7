import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';

// Anything a client sends is echoed into logs and headers: keep it short and printable.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The correlation id of the work in progress (an HTTP request, a NATS message), carried through
 * async calls by AsyncLocalStorage so that every log line and every outgoing request can name it
 * without threading it through every signature.
 */
export class CorrelationContext {
  private static readonly storage = new AsyncLocalStorage<{ readonly correlationId: string }>();

  static run<T>(correlationId: string, work: () => T): T {
    return this.storage.run({ correlationId }, work);
  }

  static currentId(): string | undefined {
    return this.storage.getStore()?.correlationId;
  }

  /** A client's id if it is acceptable, else a fresh UUID. */
  static acceptOrCreate(candidate: unknown): string {
    return typeof candidate === 'string' && ACCEPTABLE_ID.test(candidate) ? candidate : randomUUID();
  }
}
