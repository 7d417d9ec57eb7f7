import { type NatsConnection, StringCodec } from 'nats';
import { connectNats, uniqueBucket } from '../test/nats-fixture';
import { keyring, newMasterKey, RecordingKeyStore } from '../test/vault-fixture';
import { JetStreamKvKeyStore } from './jetstream-kv-key-store';
import { PersonalDataVault } from './personal-data-vault';
import { isPrivacyError } from './privacy-error';

const master = keyring('k1', { k1: newMasterKey() });
const person = { name: 'Ömer Weiß', email: 'oemer.weiss@example.de', phone: '+49 170 1234567' };

describe('PersonalDataVault on JetStream KV', () => {
  let ncA: NatsConnection;
  let ncB: NatsConnection;
  let bucket: string;
  let storeA: JetStreamKvKeyStore;
  let storeB: JetStreamKvKeyStore;

  beforeAll(async () => {
    [ncA, ncB] = await Promise.all([connectNats(), connectNats()]);
  });
  afterAll(async () => Promise.all([ncA.close(), ncB.close()]));
  beforeEach(async () => {
    bucket = uniqueBucket('vault');
    storeA = await JetStreamKvKeyStore.open(ncA, { bucket });
    storeB = await JetStreamKvKeyStore.open(ncB, { bucket });
  });
  afterEach(async () => storeA.destroy());

  async function streamText(): Promise<string> {
    const jsm = await ncA.jetstreamManager();
    const { state } = await jsm.streams.info(`KV_${bucket}`);
    let text = '';
    for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
      const message = await jsm.streams.getMessage(`KV_${bucket}`, { seq }).catch(() => undefined);
      if (message !== undefined) text += `${StringCodec().decode(message.data)}\n`;
    }
    return text;
  }

  it('lets two processes sealing new subjects at once agree on one key each (40 rounds)', async () => {
    const recA = new RecordingKeyStore(storeA);
    const recB = new RecordingKeyStore(storeB);
    const a = new PersonalDataVault({ keyring: master, store: recA });
    const b = new PersonalDataVault({ keyring: master, store: recB });
    for (let round = 0; round < 40; round++) {
      const id = `appt-race-${round}`;
      const [fromA, fromB] = await Promise.all([a.seal(id, { by: 'a' }), b.seal(id, { by: 'b' })]);
      expect(await a.open(id, fromB)).toEqual({ status: 'open', fields: { by: 'b' } });
      expect(await b.open(id, fromA)).toEqual({ status: 'open', fields: { by: 'a' } });
    }
    const jsm = await ncA.jetstreamManager();
    expect((await jsm.streams.info(`KV_${bucket}`)).state.messages).toBe(40);
    // Both processes really raced to create (observed: 78–80 creates for the 40 keys), yet one key won each time.
    expect(recA.creates + recB.creates).toBeGreaterThan(40);
  });

  it('keeps personal data and the data key out of NATS: the stream holds only the wrapped key', async () => {
    const recording = new RecordingKeyStore(storeA);
    const vault = new PersonalDataVault({ keyring: master, store: recording });
    await vault.seal('appt-1', person);
    const text = await streamText();
    expect(text).toContain(recording.wrappedSeen[0].ct);
    for (const value of Object.values(person)) expect(text).not.toContain(value);
  });

  it('shreds for good: the wrapped key leaves the stream, every process reads erased, no new seal', async () => {
    const recording = new RecordingKeyStore(storeA);
    const a = new PersonalDataVault({ keyring: master, store: recording });
    const sealed = await a.seal('appt-1', person);
    const kept = await a.seal('appt-2', { name: 'bleibt' });

    await a.shred('appt-1');

    expect(await streamText()).not.toContain(recording.wrappedSeen[0].ct);
    const fresh = new PersonalDataVault({ keyring: master, store: storeB });
    expect(await fresh.open('appt-1', sealed)).toEqual({ status: 'erased' });
    expect(await a.open('appt-1', sealed)).toEqual({ status: 'erased' });
    const refused = await fresh.seal('appt-1', person).catch((e: unknown) => e);
    expect(isPrivacyError(refused, 'subject_erased')).toBe(true);
    expect(await fresh.open('appt-2', kept)).toEqual({ status: 'open', fields: { name: 'bleibt' } });
  });
});
