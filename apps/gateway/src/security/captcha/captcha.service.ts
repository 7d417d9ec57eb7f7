import { createHmac, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { createChallenge, verifySolution, type Challenge, type DeriveKeyFunction, type Payload, type VerifySolutionResult } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/sha';
import { fail, ok, type DomainError, type Result } from '@app/domain';
import { CLOCK, type Clock } from '../clock';
import { SECURITY_REDIS } from '../security-redis';
import { withTimeout } from '../with-timeout';
import { CAPTCHA_OPTIONS, type ResolvedCaptchaOptions } from './captcha-options';
import { captchaExpired, captchaInvalid, captchaReused, captchaScopeInvalid, captchaUnavailable } from './captcha-errors';

const DERIVE_KEY: Record<ResolvedCaptchaOptions['algorithm'], DeriveKeyFunction> = { 'PBKDF2/SHA-256': pbkdf2, 'SHA-256': sha };
const MAX_PAYLOAD_CHARS = 4096; // a real payload is ≈ 700 characters; refuse before parsing anything large

/**
 * Self-hosted ALTCHA (proof-of-work v2, altcha-lib). Challenges are HMAC-signed and carry their expiry
 * and their scope (`hold:<officeId>`) inside the signed parameters, so a solution for one purpose or
 * office cannot be redeemed for another. Deterministic mode with a key signature makes verification a
 * single HMAC on our side, whatever work the client did. A redeemed challenge is recorded in Redis with
 * SET NX PX (atomic across gateway instances) until it would have expired anyway.
 */
@Injectable()
export class CaptchaService {
  private readonly keySignatureSecret: string;

  constructor(
    @Inject(CAPTCHA_OPTIONS) private readonly options: ResolvedCaptchaOptions,
    @Inject(SECURITY_REDIS) private readonly redis: Redis,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.keySignatureSecret = createHmac('sha256', options.hmacKey).update('altcha-key-signature').digest('hex');
  }

  /** A challenge for `scope` (`<purpose>` or `<purpose>:<id>`), valid for `validityMs`. */
  async challenge(scope: string): Promise<Result<Challenge>> {
    if (!this.isValidScope(scope)) return fail(captchaScopeInvalid(scope, this.options.purposes));
    const { algorithm, cost, counterMin, counterMax, hmacKey, validityMs } = this.options;
    const challenge = await createChallenge({
      algorithm,
      cost,
      counter: randomInt(counterMin, counterMax + 1),
      deriveKey: DERIVE_KEY[algorithm],
      data: { scope },
      expiresAt: Math.floor((this.clock.now() + validityMs) / 1000),
      hmacSignatureSecret: hmacKey,
      hmacKeySignatureSecret: this.keySignatureSecret,
    });
    return ok(challenge);
  }

  isValidScope(scope: string): boolean {
    const match = /^([a-z][a-z0-9-]{0,31})(?::[A-Za-z0-9_-]{1,64})?$/.exec(scope);
    return match !== null && this.options.purposes.includes(match[1]);
  }

  /** Checks a base64 ALTCHA payload for `expectedScope` and spends it: a second redeem fails. */
  async redeem(encoded: string | undefined, expectedScope: string): Promise<Result<void>> {
    const payload = decodePayload(encoded);
    if (!payload.ok) return payload;
    const checked = await this.check(payload.value, expectedScope);
    if (!checked.ok) return checked;
    return this.spend(payload.value.challenge.signature as string, checked.value);
  }

  /** Signature, solution, scope and expiry; returns the ms of validity left. */
  private async check(payload: Payload, expectedScope: string): Promise<Result<number>> {
    const { parameters } = payload.challenge;
    if (parameters.algorithm !== this.options.algorithm) return fail(captchaInvalid('algorithm'));
    let verdict: VerifySolutionResult;
    try {
      verdict = await verifySolution({
        challenge: payload.challenge,
        solution: payload.solution,
        deriveKey: DERIVE_KEY[this.options.algorithm],
        hmacSignatureSecret: this.options.hmacKey,
        hmacKeySignatureSecret: this.keySignatureSecret,
      });
    } catch {
      return fail(captchaInvalid('malformed')); // e.g. parameters that are not the shape we signed
    }
    if (verdict.expired) return fail(captchaExpired());
    if (verdict.invalidSignature) return fail(captchaInvalid('signature'));
    if (!verdict.verified) return fail(captchaInvalid('solution'));
    // Only now are parameters trustworthy: they were signed by us.
    if (parameters.data?.scope !== expectedScope) return fail(captchaInvalid('scope'));
    const remainingMs = (parameters.expiresAt ?? 0) * 1000 - this.clock.now();
    return remainingMs > 0 ? ok(remainingMs) : fail(captchaExpired());
  }

  private async spend(signature: string, remainingMs: number): Promise<Result<void>> {
    const key = `${this.options.usedKeyPrefix}${signature}`;
    let stored: string | null;
    try {
      stored = await withTimeout(this.redis.set(key, '1', 'PX', Math.ceil(remainingMs), 'NX'), this.options.redisTimeoutMs);
    } catch {
      // Cannot prove it unused: a hold is a write, so fail closed.
      return fail(captchaUnavailable());
    }
    return stored === 'OK' ? ok(undefined) : fail(captchaReused());
  }
}

export function decodePayload(encoded: string | undefined): Result<Payload, DomainError> {
  if (encoded === undefined || encoded === '') return fail(captchaInvalid('missing'));
  if (encoded.length > MAX_PAYLOAD_CHARS) return fail(captchaInvalid('malformed'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    return fail(captchaInvalid('malformed'));
  }
  return isPayload(parsed) ? ok(parsed) : fail(captchaInvalid('malformed'));
}

function isPayload(value: unknown): value is Payload {
  const candidate = value as { challenge?: { parameters?: unknown; signature?: unknown }; solution?: { counter?: unknown; derivedKey?: unknown } };
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.challenge?.parameters === 'object' &&
    candidate.challenge.parameters !== null &&
    typeof candidate.challenge.signature === 'string' &&
    typeof candidate.solution?.counter === 'number' &&
    typeof candidate.solution.derivedKey === 'string'
  );
}
