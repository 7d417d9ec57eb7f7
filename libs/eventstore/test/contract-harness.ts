import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import type { AggregateRef, CommitBody } from '../src/event-envelope';
import type { EventStore } from '../src/event-store.port';
import { InMemoryEventStore, subjectOf } from '../src/memory/in-memory-event-store';
import { JetStreamEventStore } from '../src/jetstream/jetstream-event-store';
import { connectEventStore } from '../src/jetstream/connect-event-store';
import type { UpcasterRegistry } from '../src/upcaster-registry';

export const NATS_URL = process.env.NATS_URL ?? '127.0.0.1:4222';

export interface StoreUnderTest {
  readonly store: EventStore;
  /** Another handle on the same log; for JetStream over its own NATS connection (another process). */
  second(): Promise<EventStore>;
  /** Stores a body as it is, as an older version of the store may have written it; returns its position. */
  storeBody(aggregate: AggregateRef, commitId: string, body: CommitBody): Promise<number>;
  cleanup(): Promise<void>;
}

export interface ContractHarness {
  readonly name: string;
  create(upcasters?: UpcasterRegistry): Promise<StoreUnderTest>;
}

export const randomSuffix = (): string => randomBytes(5).toString('hex');

export const memoryHarness: ContractHarness = {
  name: 'InMemoryEventStore',
  async create(upcasters) {
    const store = new InMemoryEventStore({ upcasters });
    const others: EventStore[] = [];
    return {
      store,
      async second() {
        const other = new InMemoryEventStore({ log: store.log, upcasters });
        others.push(other);
        return other;
      },
      async storeBody(aggregate, commitId, body) {
        return store.log.store(subjectOf(aggregate), aggregate, commitId, JSON.parse(JSON.stringify(body)) as CommitBody, Date.now());
      },
      async cleanup() {
        await Promise.all([store, ...others].map((s) => s.close()));
      },
    };
  },
};

export const jetStreamHarness: ContractHarness = {
  name: 'JetStreamEventStore',
  async create(upcasters) {
    const suffix = randomSuffix();
    const options = { servers: NATS_URL, streamName: `ES_TEST_${suffix}`, subjectPrefix: `t_${suffix}`, upcasters };
    const store = await connectEventStore(options);
    const others: JetStreamEventStore[] = [];
    return {
      store,
      async second() {
        const nc = await connect({ servers: NATS_URL, name: 'contract-second' });
        const other = await JetStreamEventStore.create(nc, { ...options, ensureStreams: false }, true);
        others.push(other);
        return other;
      },
      async storeBody(aggregate, commitId, body) {
        const subject = `${options.subjectPrefix}.${aggregate.type}.${aggregate.id}`;
        return (await store.nc.jetstream().publish(subject, JSON.stringify(body), { msgID: commitId })).seq;
      },
      async cleanup() {
        await Promise.all(others.map((s) => s.close()));
        await store.destroy();
      },
    };
  },
};

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
