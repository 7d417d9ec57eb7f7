import type { KV, NatsConnection } from 'nats';

export interface Snapshot<S> {
  readonly state: S;
  readonly version: number;
}

/** Where aggregate states are kept between processes so a cold load reads only the events after them. */
export interface SnapshotStore<S> {
  get(key: string): Promise<Snapshot<S> | undefined>;
  put(key: string, snapshot: Snapshot<S>): Promise<void>;
}

interface StoredSnapshot<S> extends Snapshot<S> {
  /** Shape of the state; a snapshot of another shape is ignored and the aggregate is rebuilt from events. */
  readonly stateVersion: number;
}

/**
 * Snapshots in a JetStream key-value bucket (one key per aggregate, history 1). Reads are direct gets
 * when the server allows them. The state must survive JSON.
 */
export class JetStreamKvSnapshotStore<S> implements SnapshotStore<S> {
  private constructor(
    private readonly kv: KV,
    private readonly stateVersion: number,
  ) {}

  static async open<S>(nc: NatsConnection, bucket: string, stateVersion = 1): Promise<JetStreamKvSnapshotStore<S>> {
    const kv = await nc.jetstream().views.kv(bucket, { history: 1 });
    return new JetStreamKvSnapshotStore<S>(kv, stateVersion);
  }

  async get(key: string): Promise<Snapshot<S> | undefined> {
    const entry = await this.kv.get(key);
    if (entry === null || entry.operation !== 'PUT' || entry.length === 0) return undefined;
    const stored = entry.json<StoredSnapshot<S>>();
    return stored.stateVersion === this.stateVersion ? { state: stored.state, version: stored.version } : undefined;
  }

  async put(key: string, snapshot: Snapshot<S>): Promise<void> {
    const stored: StoredSnapshot<S> = { ...snapshot, stateVersion: this.stateVersion };
    await this.kv.put(key, JSON.stringify(stored));
  }

  async destroy(): Promise<void> {
    await this.kv.destroy();
  }
}

export class InMemorySnapshotStore<S> implements SnapshotStore<S> {
  readonly snapshots = new Map<string, string>();

  async get(key: string): Promise<Snapshot<S> | undefined> {
    const text = this.snapshots.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as Snapshot<S>);
  }

  async put(key: string, snapshot: Snapshot<S>): Promise<void> {
    this.snapshots.set(key, JSON.stringify(snapshot));
  }
}
