import { Inject, Injectable, Logger } from '@nestjs/common';
import { fail, ok, tooMany, unavailable, type DomainError, type Result } from '@app/domain';
import { rateLimitSubject } from '../client-ip';
import type { RateLimitPolicy } from './rate-limit-policy';
import { RateLimiterUnavailable, RedisRateLimiter } from './redis-rate-limiter';

export const RATE_LIMIT_POLICIES = Symbol('RATE_LIMIT_POLICIES');

export interface RateLimitRefusal {
  readonly error: DomainError;
  readonly headers: Readonly<Record<string, string>>;
}

/** Retry-After is whole seconds (RFC 9110), never 0: a client told "0" retries in a tight loop. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

@Injectable()
export class RateLimitService {
  private readonly logger = new Logger(RateLimitService.name);

  constructor(
    @Inject(RedisRateLimiter) private readonly limiter: RedisRateLimiter,
    @Inject(RATE_LIMIT_POLICIES) private readonly policies: ReadonlyMap<string, RateLimitPolicy>,
  ) {}

  policy(name: string): RateLimitPolicy {
    const policy = this.policies.get(name);
    // A typo in @RateLimit('…') is a programming error, not a client's fault: fail loudly.
    if (policy === undefined) throw new Error(`Unknown rate-limit policy "${name}"`);
    return policy;
  }

  /** Takes one token for the client at `ip` under the named policy. */
  async take(policyName: string, ip: string | undefined): Promise<Result<void, RateLimitRefusal>> {
    const policy = this.policy(policyName);
    try {
      const decision = await this.limiter.consume(policy, rateLimitSubject(ip));
      if (decision.allowed) return ok(undefined);
      const seconds = retryAfterSeconds(decision.retryAfterMs);
      return fail({ error: limited(policy, seconds), headers: { 'Retry-After': String(seconds) } });
    } catch (cause) {
      if (!(cause instanceof RateLimiterUnavailable)) throw cause;
      return this.whenRedisDown(policy, cause);
    }
  }

  private whenRedisDown(policy: RateLimitPolicy, cause: Error): Result<void, RateLimitRefusal> {
    const reason = cause.cause instanceof Error ? `${cause.message}: ${cause.cause.message}` : cause.message;
    this.logger.warn(`rate limiter unavailable (policy ${policy.name}, ${policy.whenRedisDown}): ${reason}`);
    if (policy.whenRedisDown === 'allow') return ok(undefined);
    const error = unavailable('rate_limit_unavailable', {
      de: 'Der Dienst ist gerade nicht verfügbar. Bitte versuchen Sie es in einigen Sekunden erneut.',
      en: 'The service is temporarily unavailable. Please try again in a few seconds.',
    });
    return fail({ error, headers: { 'Retry-After': '5' } });
  }
}

function limited(policy: RateLimitPolicy, seconds: number): DomainError {
  return tooMany(
    'rate_limited',
    {
      de: `Zu viele Anfragen. Bitte versuchen Sie es in ${seconds} Sekunden erneut.`,
      en: `Too many requests. Please try again in ${seconds} seconds.`,
    },
    { policy: policy.name, retryAfterSeconds: seconds },
  );
}
