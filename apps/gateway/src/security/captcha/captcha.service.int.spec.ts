import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { Challenge } from 'altcha-lib';
import type { Clock } from '../clock';
import { resolveCaptchaOptions, type CaptchaOptions } from './captcha-options';
import { CaptchaService } from './captcha.service';
import { solveCaptcha as solve } from './captcha.testing';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

class MovableClock implements Clock {
  offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
}

describe('CaptchaService (real Redis, altcha-lib solver)', () => {
  const prefix = `test:altcha:${randomBytes(6).toString('hex')}:`;
  const redis = new Redis(REDIS_URL);
  const clock = new MovableClock();
  const base: CaptchaOptions = {
    hmacKey: randomBytes(32).toString('hex'),
    usedKeyPrefix: prefix,
    purposes: ['hold', 'book'],
    counterMin: 20,
    counterMax: 60,
  };
  const service = new CaptchaService(resolveCaptchaOptions(base), redis, clock);

  const issue = async (scope: string, svc = service) => {
    const issued = await svc.challenge(scope);
    if (!issued.ok) throw new Error(issued.error.code);
    return issued.value;
  };

  beforeEach(() => {
    clock.offsetMs = 0;
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('accepts a solved challenge once, and rejects the same solution again', async () => {
    const payload = await solve(await issue('hold:hbs'));
    expect(await service.redeem(payload, 'hold:hbs')).toEqual({ ok: true, value: undefined });
    const again = await service.redeem(payload, 'hold:hbs');
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('captcha_reused');
  });

  it('lets exactly one of 20 concurrent redemptions of one solution through', async () => {
    const payload = await solve(await issue('hold:hbs'));
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => service.redeem(payload, 'hold:hbs')));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
  });

  it('rejects a solution issued for another scope (office or purpose)', async () => {
    const payload = await solve(await issue('hold:hbs'));
    for (const scope of ['hold:wer', 'book:hbs', 'hold']) {
      const outcome = await service.redeem(payload, scope);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'captcha_invalid', details: { reason: 'scope' } } });
    }
    expect((await service.redeem(payload, 'hold:hbs')).ok).toBe(true); // a wrong-scope try did not spend it
  });

  it('rejects a solution after the five minutes, by the injected clock', async () => {
    const payload = await solve(await issue('hold:hbs'));
    clock.offsetMs = 5 * 60_000 + 1_000;
    expect(await service.redeem(payload, 'hold:hbs')).toMatchObject({ ok: false, error: { code: 'captcha_expired' } });
  });

  it('rejects a challenge issued six minutes ago, whose expiry is past in real time too', async () => {
    clock.offsetMs = -6 * 60_000;
    const payload = await solve(await issue('hold:hbs'));
    clock.offsetMs = 0;
    expect(await service.redeem(payload, 'hold:hbs')).toMatchObject({ ok: false, error: { code: 'captcha_expired' } });
  });

  it('records a spent solution only until the challenge would have expired', async () => {
    const challenge = await issue('book');
    expect((await service.redeem(await solve(challenge), 'book')).ok).toBe(true);
    const ttl = await redis.pttl(`${prefix}${challenge.signature}`);
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
  });

  it('rejects tampered parameters, a wrong solution, a foreign key and garbage', async () => {
    const challenge = await issue('hold:hbs');
    const solved = JSON.parse(Buffer.from(await solve(challenge), 'base64').toString()) as { challenge: Challenge; solution: { counter: number; derivedKey: string } };
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
    const rescoped = { ...solved, challenge: { ...solved.challenge, parameters: { ...solved.challenge.parameters, data: { scope: 'hold:wer' } } } };
    expect(await service.redeem(encode(rescoped), 'hold:wer')).toMatchObject({ error: { details: { reason: 'signature' } } });
    const wrong = { ...solved, solution: { ...solved.solution, counter: solved.solution.counter + 1, derivedKey: 'ab'.repeat(32) } };
    expect(await service.redeem(encode(wrong), 'hold:hbs')).toMatchObject({ error: { details: { reason: 'solution' } } });
    const foreign = new CaptchaService(resolveCaptchaOptions({ ...base, hmacKey: randomBytes(32).toString('hex') }), redis, clock);
    expect(await foreign.redeem(encode(solved), 'hold:hbs')).toMatchObject({ error: { details: { reason: 'signature' } } });
    expect(await service.redeem(undefined, 'hold:hbs')).toMatchObject({ error: { code: 'captcha_invalid', details: { reason: 'missing' } } });
    for (const junk of ['%%%', encode({ challenge: {} }), 'A'.repeat(5000)]) {
      expect(await service.redeem(junk, 'hold:hbs')).toMatchObject({ error: { details: { reason: 'malformed' } } });
    }
  });

  it('issues challenges only for known purposes and well-formed scopes', async () => {
    for (const scope of ['hold', 'hold:hbs', 'book:office_1-a']) expect((await service.challenge(scope)).ok).toBe(true);
    for (const scope of ['', 'admin', 'hold:', 'hold:a b', 'hold:x:y', `hold:${'a'.repeat(65)}`]) {
      expect(await service.challenge(scope)).toMatchObject({ ok: false, error: { code: 'captcha_scope_invalid' } });
    }
  });

  it('with the default difficulty, a solve costs real work and verification stays cheap', async () => {
    const defaults = new CaptchaService(resolveCaptchaOptions({ hmacKey: base.hmacKey, usedKeyPrefix: prefix, purposes: ['hold'] }), redis, clock);
    const challenge = await issue('hold', defaults);
    expect(challenge.parameters).toMatchObject({ algorithm: 'PBKDF2/SHA-256', cost: 1000 });
    const solvingStarted = performance.now();
    const payload = await solve(challenge);
    const solveMs = performance.now() - solvingStarted;
    const verifyStarted = performance.now();
    expect((await defaults.redeem(payload, 'hold')).ok).toBe(true);
    const verifyMs = performance.now() - verifyStarted;
    // Figures for the report, not thresholds: solve ≈ 0.1–0.5 s here, verify ≈ 1 ms (one HMAC + Redis).
    process.stdout.write(`captcha default difficulty: solve ${solveMs.toFixed(0)} ms, verify ${verifyMs.toFixed(1)} ms\n`);
    expect(verifyMs).toBeLessThan(solveMs);
  });
});
