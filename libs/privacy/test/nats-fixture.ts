import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';

export const NATS_URL = process.env.NATS_URL ?? '127.0.0.1:4222';

export const connectNats = (): Promise<NatsConnection> => connect({ servers: NATS_URL, name: 'privacy-tests' });

/** A bucket name no other test run can share. */
export const uniqueBucket = (label: string): string => `test_privacy_${label}_${randomBytes(6).toString('hex')}`;
