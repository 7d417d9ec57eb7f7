import { type NatsConnection, StringCodec } from 'nats';
import { fakeWrappedKey, keyStoreContract } from '../test/key-store.contract';
import { connectNats, uniqueBucket } from '../test/nats-fixture';
import { JetStreamKvKeyStore } from './jetstream-kv-key-store';
import { isPrivacyError } from './privacy-error';

let nc: NatsConnection;
beforeAll(async () => {
  nc = await connectNats();
});
afterAll(async () => nc.close());

keyStoreContract('JetStreamKvKeyStore', async () => {
  const store = await JetStreamKvKeyStore.open(nc, { bucket: uniqueBucket('contract') });
  return { store, cleanup: () => store.destroy() };
});

describe('JetStreamKvKeyStore on the real stream', () => {
  let bucket: string;
  let store: JetStreamKvKeyStore;
  beforeEach(async () => {
    bucket = uniqueBucket('kv');
    store = await JetStreamKvKeyStore.open(nc, { bucket });
  });
  afterEach(async () => store.destroy());

  async function streamPayloads(): Promise<string[]> {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(`KV_${bucket}`);
    const payloads: string[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const message = await jsm.streams.getMessage(`KV_${bucket}`, { seq }).catch(() => undefined);
      if (message !== undefined) payloads.push(StringCodec().decode(message.data));
    }
    return payloads;
  }

  it('leaves no copy of a deleted wrapped key anywhere in the KV stream', async () => {
    const wrapped = fakeWrappedKey();
    await store.create('appt-1', wrapped);
    await store.create('appt-2', fakeWrappedKey());
    expect((await streamPayloads()).some((p) => p.includes(wrapped.ct))).toBe(true);

    await store.delete('appt-1');

    const payloads = await streamPayloads();
    expect(payloads.some((p) => p.includes(wrapped.ct))).toBe(false);
    expect(payloads.filter((p) => p.length > 0)).toHaveLength(1); // appt-2's key only
  });

  it('survives reopening the bucket: keys and erasures persist', async () => {
    const wrapped = fakeWrappedKey();
    await store.create('appt-1', wrapped);
    await store.delete('appt-2');
    const reopened = await JetStreamKvKeyStore.open(nc, { bucket });
    expect(await reopened.get('appt-1')).toEqual({ status: 'present', wrapped });
    expect(await reopened.create('appt-2', fakeWrappedKey())).toEqual({ status: 'erased' });
  });

  it('reports a stored value that is not a wrapped key as a typed error, without quoting it', async () => {
    const kv = await nc.jetstream().views.kv(bucket);
    await kv.put('appt-junk', StringCodec().encode('{"secret-looking": "not a key"'));
    const error = await store.get('appt-junk').catch((e: unknown) => e);
    expect(isPrivacyError(error, 'stored_key_malformed')).toBe(true);
    expect(String((error as Error).message)).not.toContain('secret-looking');
  });
});
