import type Redis from 'ioredis';
import type { NatsConnection } from 'nats';
import { NATS_CONNECTION, REDIS } from '../connections/connections.module';
import type { CheckResult, HealthCheck } from './health-check';

export const natsCheck = (): HealthCheck => ({
  inject: [NATS_CONNECTION],
  check: async (nc: NatsConnection): Promise<CheckResult> => {
    if (nc.isClosed()) return { status: 'down', error: 'connection closed' };
    // rtt() is a round trip to the server: it fails while reconnecting, unlike a cached flag.
    const rttMs = await nc.rtt();
    return { status: 'up', server: nc.getServer(), rttMs: Math.round(rttMs * 100) / 100 };
  },
});

/** Below this, a single server flushes to disk only every two minutes (MEASURED.md). */
const DURABLE_FROM = [2, 10] as const;

export const jetStreamCheck = (): HealthCheck => ({
  inject: [NATS_CONNECTION],
  check: async (nc: NatsConnection): Promise<CheckResult> => {
    const info = await (await nc.jetstreamManager({ timeout: 1500 })).getAccountInfo();
    const serverVersion = nc.info?.version ?? 'unknown';
    return { status: 'up', serverVersion, streams: info.streams, warnings: versionWarnings(serverVersion) };
  },
});

export function versionWarnings(version: string): string[] {
  const [major, minor] = version.split('.').map(Number);
  if (!Number.isFinite(major) || !Number.isFinite(minor)) return [`nats-server version ${version} unknown`];
  const old = major < DURABLE_FROM[0] || (major === DURABLE_FROM[0] && minor < DURABLE_FROM[1]);
  return old
    ? [`nats-server ${version} < 2.10: no 'sync_interval: always', acknowledged events can be lost on an OS crash; run 2.10+ in production`]
    : [];
}

export const redisCheck = (): HealthCheck => ({
  inject: [REDIS],
  check: async (redis: Redis | null): Promise<CheckResult> => {
    if (!redis) return { status: 'down', error: 'no Redis connection configured' };
    const started = performance.now();
    const reply = await redis.ping();
    return reply === 'PONG' ? { status: 'up', rttMs: Math.round((performance.now() - started) * 100) / 100 } : { status: 'down', error: `PING answered ${reply}` };
  },
});
