/** The gateway's only source of "now" in the security pieces, so tests can move time (captcha expiry). */
export interface Clock {
  now(): number; // epoch milliseconds
}

export const systemClock: Clock = { now: () => Date.now() };

export const CLOCK = Symbol('SECURITY_CLOCK');
