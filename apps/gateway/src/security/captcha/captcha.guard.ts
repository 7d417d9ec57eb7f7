import { applyDecorators, type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SecurityRefusal } from '../security-refusal';
import { CaptchaService } from './captcha.service';

const CAPTCHA_REQUIREMENT = 'schalter:captcha-requirement';

/** Which scope this request must have solved a challenge for. */
export type ScopeOf = (req: Request) => string;

interface CaptchaRequirement {
  readonly purpose: string;
  readonly scopeOf: ScopeOf;
}

/**
 * Default binding: `<purpose>:<officeId>` when the request names an office (route param, body or query
 * `officeId`), else just `<purpose>`. A hold for office A cannot spend a challenge issued for office B.
 */
export function officeScope(purpose: string): ScopeOf {
  return (req) => {
    const officeId = pick(req.params, 'officeId') ?? pick(req.body, 'officeId') ?? pick(req.query, 'officeId');
    return officeId === undefined ? purpose : `${purpose}:${officeId}`;
  };
}

function pick(source: unknown, field: string): string | undefined {
  const value = typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The ALTCHA payload: header `x-altcha`, else body field `altcha` (the widget's form field). */
export function captchaPayloadOf(req: Request): string | undefined {
  const header = req.headers['x-altcha'];
  if (typeof header === 'string' && header !== '') return header;
  return pick(req.body, 'altcha');
}

@Injectable()
export class CaptchaGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(CaptchaService) private readonly captcha: CaptchaService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<CaptchaRequirement | undefined>(CAPTCHA_REQUIREMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (requirement === undefined) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const outcome = await this.captcha.redeem(captchaPayloadOf(req), requirement.scopeOf(req));
    if (!outcome.ok) throw new SecurityRefusal(outcome.error);
    return true;
  }
}

/**
 * `@RequireCaptcha('hold')`: the request must carry a solved, unexpired, unspent challenge issued for
 * the scope `scopeOf(req)` (default `officeScope(purpose)`). Place it ABOVE `@RateLimit(…)`.
 */
export const RequireCaptcha = (purpose: string, scopeOf: ScopeOf = officeScope(purpose)) =>
  applyDecorators(SetMetadata(CAPTCHA_REQUIREMENT, { purpose, scopeOf } satisfies CaptchaRequirement), UseGuards(CaptchaGuard));
