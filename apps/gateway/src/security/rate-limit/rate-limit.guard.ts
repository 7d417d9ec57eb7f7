import { applyDecorators, type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SecurityRefusal } from '../security-refusal';
import { RateLimitService } from './rate-limit.service';

const RATE_LIMIT_POLICY = 'schalter:rate-limit-policy';

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RateLimitService) private readonly rateLimits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<string | undefined>(RATE_LIMIT_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy === undefined) return true;
    const req = context.switchToHttp().getRequest<Request>();
    // req.ip honours Express's `trust proxy` (set by applyHttpSecurity), so X-Forwarded-For counts
    // only when it was appended by a proxy we trust.
    const outcome = await this.rateLimits.take(policy, req.ip ?? req.socket.remoteAddress);
    if (!outcome.ok) throw new SecurityRefusal(outcome.error.error, outcome.error.headers);
    return true;
  }
}

/**
 * `@RateLimit('hold')` on a handler or controller. Put it BELOW `@RequireCaptcha` in the source:
 * decorators apply bottom-up, so the lower one's guard runs first, and the rate limit should count a
 * request before a captcha solution is spent on it.
 */
export const RateLimit = (policy: string) => applyDecorators(SetMetadata(RATE_LIMIT_POLICY, policy), UseGuards(RateLimitGuard));
