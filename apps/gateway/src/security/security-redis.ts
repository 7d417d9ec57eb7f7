/** The ioredis connection shared by the rate limiter and the captcha's spent-solution record. */
export const SECURITY_REDIS = Symbol('SECURITY_REDIS');
