import { type DynamicModule, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { CLOCK, type Clock, systemClock } from './clock';
import { CaptchaController } from './captcha/captcha.controller';
import { CaptchaGuard } from './captcha/captcha.guard';
import { CAPTCHA_OPTIONS, type CaptchaOptions, resolveCaptchaOptions } from './captcha/captcha-options';
import { CaptchaService } from './captcha/captcha.service';
import type { RateLimitPolicy } from './rate-limit/rate-limit-policy';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RATE_LIMIT_POLICIES, RateLimitService } from './rate-limit/rate-limit.service';
import { RedisRateLimiter } from './rate-limit/redis-rate-limiter';
import { SECURITY_REDIS } from './security-redis';

export interface SecurityModuleOptions {
  /** A connection to share (the caller closes it), or a URL (env REDIS_URL) for one this module owns. */
  readonly redis: Redis | { readonly url: string };
  readonly rateLimit: {
    readonly keyPrefix: string; // e.g. 'schalter:rl:'
    readonly policies: ReadonlyMap<string, RateLimitPolicy>; // parseRateLimitPolicies(env RATE_LIMITS)
    readonly timeoutMs?: number;
  };
  readonly captcha: CaptchaOptions;
  readonly clock?: Clock;
}

const OWNS_REDIS = Symbol('SECURITY_OWNS_REDIS');

@Injectable()
class OwnedRedisCloser implements OnModuleDestroy {
  constructor(
    @Inject(SECURITY_REDIS) private readonly redis: Redis,
    @Inject(OWNS_REDIS) private readonly owned: boolean,
  ) {}

  async onModuleDestroy(): Promise<void> {
    if (this.owned) await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * Constructor parameters use explicit `@Inject(Class)`: the repo's lint rule turns type-only uses into
 * `import type`, which erases the class from emitted decorator metadata and would break Nest's DI.
 *
 * Rate limits and the ALTCHA captcha for the gateway. Global, so `@RateLimit(…)` and
 * `@RequireCaptcha(…)` work on controllers of any module. Also serves GET /api/captcha/challenge.
 */
@Module({})
export class SecurityModule {
  static forRoot(options: SecurityModuleOptions): DynamicModule {
    const owned = !(options.redis instanceof Redis);
    const redis =
      options.redis instanceof Redis
        ? options.redis
        : new Redis(options.redis.url, { maxRetriesPerRequest: 1, connectTimeout: 2000, enableAutoPipelining: true });
    return {
      module: SecurityModule,
      global: true,
      controllers: [CaptchaController],
      providers: [
        { provide: SECURITY_REDIS, useValue: redis },
        { provide: OWNS_REDIS, useValue: owned },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: RATE_LIMIT_POLICIES, useValue: options.rateLimit.policies },
        { provide: CAPTCHA_OPTIONS, useValue: resolveCaptchaOptions(options.captcha) },
        {
          provide: RedisRateLimiter,
          useFactory: () => new RedisRateLimiter(redis, { keyPrefix: options.rateLimit.keyPrefix, timeoutMs: options.rateLimit.timeoutMs }),
        },
        OwnedRedisCloser,
        RateLimitService,
        RateLimitGuard,
        CaptchaService,
        CaptchaGuard,
      ],
      exports: [SECURITY_REDIS, RateLimitService, RateLimitGuard, CaptchaService, CaptchaGuard],
    };
  }
}
