import type Redis from 'ioredis';
import { withTimeout } from '../with-timeout';
import type { RateLimitPolicy } from './rate-limit-policy';

/**
 * GCRA (the generic cell rate algorithm, as in redis-cell): one key per client and policy holding the
 * "theoretical arrival time". A burst of `limit` passes, then one request per `periodMs / limit`.
 * Read, decide and write happen in one Lua script, so concurrent requests from any number of gateway
 * instances can never both take the last token. The clock is Redis's own `TIME`, so instances with
 * skewed clocks still agree. Float TATs keep fractional intervals (1000 ms / 3) exact enough.
 */
const GCRA_SCRIPT = `
local interval = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local newTat = tat + interval
local allowAt = newTat - period
if allowAt > now then
  return {0, math.ceil(allowAt - now), math.ceil(tat - now)}
end
redis.call('SET', KEYS[1], string.format('%.3f', newTat), 'PX', math.ceil(newTat - now))
return {1, math.floor((now - allowAt) / interval), math.ceil(newTat - now)}
`;

const COMMAND = 'schalterGcraConsume';

export type RateDecision =
  | { readonly allowed: true; readonly remaining: number; readonly resetMs: number }
  | { readonly allowed: false; readonly retryAfterMs: number; readonly resetMs: number };

/** Redis did not answer (down, or slower than `timeoutMs`); the caller decides open or closed. */
export class RateLimiterUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RateLimiterUnavailable';
  }
}

export interface RedisRateLimiterOptions {
  readonly keyPrefix: string; // e.g. 'schalter:rl:'; tests use a random one
  readonly timeoutMs?: number; // default 250: a rate limit must not hang a request
}

type GcraClient = Redis & {
  [COMMAND](key: string, interval: string, period: string): Promise<[number, number, number]>;
};

export class RedisRateLimiter {
  private readonly client: GcraClient;
  private readonly timeoutMs: number;

  constructor(
    redis: Redis,
    private readonly options: RedisRateLimiterOptions,
  ) {
    if (typeof (redis as unknown as Record<string, unknown>)[COMMAND] !== 'function') {
      redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: GCRA_SCRIPT }); // EVALSHA with EVAL fallback
    }
    this.client = redis as unknown as GcraClient;
    this.timeoutMs = options.timeoutMs ?? 250;
  }

  keyOf(policy: RateLimitPolicy, subject: string): string {
    return `${this.options.keyPrefix}${policy.name}:${subject}`;
  }

  async consume(policy: RateLimitPolicy, subject: string): Promise<RateDecision> {
    const interval = policy.periodMs / policy.limit;
    const call = this.client[COMMAND](this.keyOf(policy, subject), String(interval), String(policy.periodMs));
    let reply: [number, number, number];
    try {
      reply = await withTimeout(call, this.timeoutMs);
    } catch (cause) {
      throw new RateLimiterUnavailable('Redis did not run the rate-limit script', { cause });
    }
    const [allowed, value, resetMs] = reply;
    return allowed === 1
      ? { allowed: true, remaining: value, resetMs }
      : { allowed: false, retryAfterMs: value, resetMs };
  }
}
