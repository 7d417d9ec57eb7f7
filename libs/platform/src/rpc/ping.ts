import { hostname } from 'node:os';
import type { ServiceName } from '../config/common-config';

/** Subject of a service's liveness ping over NATS, e.g. `booking.ping`. */
export const pingPattern = (service: ServiceName) => `${service}.ping` as const;

export interface PingReply {
  readonly service: ServiceName;
  /** Tells instances apart when several share a queue group (and tests from a running dev system). */
  readonly instance: string;
  readonly startedAt: string;
  readonly uptimeSeconds: number;
}

const startedAt = new Date();
const INSTANCE = `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

export function describeInstance(service: ServiceName): PingReply {
  return {
    service,
    instance: INSTANCE,
    startedAt: startedAt.toISOString(),
    uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  };
}
