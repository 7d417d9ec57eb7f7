/**
 * Races a Redis call against a timer. ioredis queues commands while reconnecting (and retries them), so
 * without this a Redis outage would hang requests instead of letting the caller fail open or closed.
 *
 * The timer's verdict waits for the rest of its event-loop turn (setImmediate runs after the I/O poll):
 * a gateway saturated with requests can take longer than the timeout for one turn, and then the timer
 * fired although Redis's answer was already waiting in the socket. Under the 256-client booking bench
 * on a busy machine that failed whole runs with `rate_limit_unavailable` (policies that fail closed).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => setImmediate(() => reject(new Error(`Redis did not answer within ${ms} ms`))), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
