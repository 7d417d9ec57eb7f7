import { headers, type KV, type Msg, type MsgHdrs, type NatsConnection, StorageType, StringCodec } from 'nats';
import type { CreateOutcome, KeyStore, StoredKey, WrappedKey } from './key-store';
import { PrivacyError } from './privacy-error';
import { parseSealedData } from './sealed-data';

export interface JetStreamKvKeyStoreOptions {
  /** Bucket name from config; tests use their own and destroy it afterwards. */
  readonly bucket: string;
  readonly replicas?: number;
  /** How long `create` waits for the server's acknowledgement. Default 5 s. */
  readonly timeoutMs?: number;
  /**
   * Request/reply for `create`'s put; default nats.js's `request`. A service passes a cheaper one (the
   * event store's RequestMux: nats.js builds an Error with a stack for every request, even a successful one).
   */
  readonly request?: (subject: string, data: string, headers: MsgHdrs) => Promise<Msg>;
}

/** The server's answer to a publish on a stream subject. */
interface PubAck {
  readonly seq?: number;
  readonly error?: { readonly code: number; readonly err_code?: number; readonly description?: string };
}

const WRONG_LAST_SEQUENCE = 10071;
/** What a KV key may be (nats.js's rule, without the `.` and `/` our subject ids never use). */
const KV_KEY = /^[-=\w]+$/;
const codec = StringCodec();

/**
 * Wrapped data keys in a JetStream key-value bucket, one key per data subject.
 *
 * Erasure is a KV purge: a rollup that removes every earlier message of the subject from the stream,
 * leaving only an empty PURGE marker. The marker is what makes erasure final (a later `create` sees it
 * and refuses), so nobody may run `purgeDeletes()` on this bucket nor give it a max age. If a marker were
 * removed anyway, old sealed data would still read as erased (its key is gone); only a fresh seal for
 * that subject would then be possible again.
 *
 * `create` is a put with expected last subject sequence 0, not `kv.create()`: the library's create
 * overwrites a deleted or purged key, which would undo an erasure. It publishes that put itself (what
 * `kv.put` sends, to the bucket's `$KV.<bucket>.<key>` subject) rather than through the KV and JetStream
 * client layers, whose generator wrappers and promises were half the cost of sealing under load.
 */
export class JetStreamKvKeyStore implements KeyStore {
  private constructor(
    private readonly kv: KV,
    private readonly bucket: string,
    private readonly request: (subject: string, data: string, headers: MsgHdrs) => Promise<Msg>,
  ) {}

  static async open(nc: NatsConnection, options: JetStreamKvKeyStoreOptions): Promise<JetStreamKvKeyStore> {
    // history 1: a subject holds its current message only, so no stale copy of a wrapped key lingers.
    const kv = await nc.jetstream().views.kv(options.bucket, {
      history: 1,
      storage: StorageType.File,
      replicas: options.replicas ?? 1,
    });
    const timeout = options.timeoutMs ?? 5000;
    return new JetStreamKvKeyStore(kv, options.bucket, options.request ?? ((subject, data, h) => nc.request(subject, data, { headers: h, timeout })));
  }

  async create(subjectId: string, wrapped: WrappedKey): Promise<CreateOutcome> {
    if (!KV_KEY.test(subjectId)) throw new PrivacyError('invalid_subject_id', { subjectId });
    const expectNew = headers();
    expectNew.set('Nats-Expected-Last-Subject-Sequence', '0');
    const reply = await this.request(`$KV.${this.bucket}.${subjectId}`, JSON.stringify(wrapped), expectNew);
    const ack = JSON.parse(reply.string()) as PubAck;
    if (ack.error === undefined && typeof ack.seq === 'number') return { status: 'created' };
    if (ack.error?.err_code !== WRONG_LAST_SEQUENCE) throw new Error(`key store: put refused (${ack.error?.code ?? 'no sequence'} ${ack.error?.description ?? ''})`);
    const stored = await this.get(subjectId);
    switch (stored.status) {
      case 'present':
        return { status: 'exists', wrapped: stored.wrapped };
      case 'erased':
        return { status: 'erased' };
      case 'absent':
        // Only possible if someone removed the subject's last message between our put and get.
        throw new PrivacyError('stored_key_malformed', { subjectId });
    }
  }

  async get(subjectId: string): Promise<StoredKey> {
    const entry = await this.kv.get(subjectId);
    if (entry === null) return { status: 'absent' };
    if (entry.operation !== 'PUT') return { status: 'erased' };
    return { status: 'present', wrapped: decode(entry.value, subjectId) };
  }

  async delete(subjectId: string): Promise<void> {
    await this.kv.purge(subjectId);
  }

  /** Removes the whole bucket (tests). */
  async destroy(): Promise<void> {
    await this.kv.destroy();
  }
}

function decode(value: Uint8Array, subjectId: string): WrappedKey {
  try {
    return parseSealedData(JSON.parse(codec.decode(value)));
  } catch {
    // No `cause`: V8's JSON errors quote the text they choked on, and that text is a wrapped key.
    throw new PrivacyError('stored_key_malformed', { subjectId });
  }
}
