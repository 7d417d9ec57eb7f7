import { z } from 'zod';
import { commonConfigShape, DEVELOPMENT_MASTER_KEYS, masterKeysField } from './common-config';
import { ConfigError, env, loadConfig } from './load-config';

const schema = z.object({ ...commonConfigShape('booking'), SCHALTER_MASTER_KEYS: masterKeysField });
const load = (environment: Record<string, string | undefined>) => loadConfig(schema, environment, { requiredInProduction: ['SCHALTER_MASTER_KEYS'] });

function problemsOf(work: () => unknown): ConfigError {
  try {
    work();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives local-machine defaults when nothing is set', () => {
    const config = load({});
    expect(config).toMatchObject({
      NATS_URL: 'nats://127.0.0.1:4222',
      REDIS_URL: 'redis://127.0.0.1:6379',
      EVENT_STREAM: 'SCHALTER_EVENTS',
      EVENT_SUBJECT_PREFIX: 'ev',
      HTTP_PORT: 3001,
      NATS_QUEUE: 'booking',
      NODE_ENV: 'development',
      SCHALTER_MASTER_KEYS: DEVELOPMENT_MASTER_KEYS,
    });
  });

  it('returns a frozen object with values coerced to their types', () => {
    const config = load({ HTTP_PORT: '4100', RPC_TIMEOUT_MS: '250' });
    expect(config.HTTP_PORT).toBe(4100);
    expect(config.RPC_TIMEOUT_MS).toBe(250);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats an empty value as unset', () => {
    expect(load({ HTTP_PORT: '', NATS_URL: '' }).HTTP_PORT).toBe(3001);
  });

  it('lists every bad key with its reason in one error', () => {
    const error = problemsOf(() =>
      load({ NATS_URL: 'http://127.0.0.1:4222', HTTP_PORT: '70000', REDIS_URL: 'nope', EVENT_STREAM: 'has space', LOG_LEVEL: 'loud', SCHALTER_MASTER_KEYS: 'k1:c2hvcnQ=' }),
    );
    expect(error.problems.map((p) => p.key).sort()).toEqual(['EVENT_STREAM', 'HTTP_PORT', 'LOG_LEVEL', 'NATS_URL', 'REDIS_URL', 'SCHALTER_MASTER_KEYS']);
    expect(error.message).toContain('NATS_URL: must be a nats:// or tls:// URL');
    expect(error.message).toContain('HTTP_PORT: must be 1–65535');
    expect(error.message).toContain('REDIS_URL: must be a redis:// or rediss:// URL');
  });

  it('refuses ports that are not whole numbers in range', () => {
    for (const port of ['0', '-1', '80.5', 'abc', '65536']) {
      expect(problemsOf(() => load({ HTTP_PORT: port })).problems).toEqual([{ key: 'HTTP_PORT', reason: 'must be 1–65535' }]);
    }
  });

  it('requires the real master keys in production and reports them beside other bad keys', () => {
    const error = problemsOf(() => load({ NODE_ENV: 'production', HTTP_PORT: 'x' }));
    expect(error.problems).toEqual([
      { key: 'HTTP_PORT', reason: 'must be 1–65535' },
      { key: 'SCHALTER_MASTER_KEYS', reason: 'is required when NODE_ENV=production' },
    ]);
  });

  it('accepts a production start with its own keys', () => {
    const keys = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
    expect(load({ NODE_ENV: 'production', SCHALTER_MASTER_KEYS: keys }).SCHALTER_MASTER_KEYS).toBe(keys);
  });

  it('parses booleans strictly', () => {
    const flags = z.object({ FLAG: env.boolean(false) });
    expect(loadConfig(flags, { FLAG: '1' }).FLAG).toBe(true);
    expect(loadConfig(flags, {}).FLAG).toBe(false);
    expect(problemsOf(() => loadConfig(flags, { FLAG: 'yes' })).problems).toEqual([{ key: 'FLAG', reason: 'must be true or false' }]);
  });
});
