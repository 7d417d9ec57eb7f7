import { createDecipheriv } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { flipByte, keyring, newMasterKey, RecordingKeyStore } from '../test/vault-fixture';
import { InMemoryKeyStore } from './in-memory-key-store';
import type { KeyStore } from './key-store';
import type { MasterKeyring } from './master-keyring';
import { PersonalDataVault } from './personal-data-vault';
import { isPrivacyError, type PrivacyErrorCode } from './privacy-error';
import type { SealedData } from './sealed-data';

const names = {
  name: 'Jürgen Groß-Öztürk',
  email: 'jürgen.groß@example.de',
  phone: '+49 3941 55-0',
  note: 'Zoë Ørsted 李小龙 محمد 👩‍👩‍👧',
};

async function refusal(promise: Promise<unknown>, code: PrivacyErrorCode): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isPrivacyError(error, code)).toBe(true);
  return error as Error;
}

describe('PersonalDataVault', () => {
  const k1 = newMasterKey();
  let store: KeyStore;
  let vault: PersonalDataVault;
  const vaultWith = (ring: MasterKeyring, on: KeyStore = store, now?: () => number) =>
    new PersonalDataVault({ keyring: ring, store: on, now });

  beforeEach(() => {
    store = new InMemoryKeyStore();
    vault = vaultWith(keyring('k1', { k1 }));
  });

  describe('sealing and opening', () => {
    it('round-trips unicode names through JSON, as in an event', async () => {
      const sealed = await vault.seal('appt-1', names);
      const travelled = JSON.parse(JSON.stringify(sealed)) as unknown;
      expect(await vault.open('appt-1', travelled)).toEqual({ status: 'open', fields: names });
    });

    it('produces small base64url data with kid and padding that hides exact lengths', async () => {
      const short = await vault.seal('appt-1', { name: 'Li' });
      const longer = await vault.seal('appt-1', { name: 'Lia' });
      expect(short).toMatchObject({ v: 1, kid: 'k1' });
      for (const part of [short.iv, short.tag, short.ct]) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(short.ct, 'base64url').length % 32).toBe(0);
      expect(longer.ct.length).toBe(short.ct.length);
    });

    it('reuses the subject key for later seals and stores it once', async () => {
      const recording = new RecordingKeyStore(store);
      const v = vaultWith(keyring('k1', { k1 }), recording);
      const first = await v.seal('appt-1', { name: 'A' });
      const second = await v.seal('appt-1', { name: 'B' });
      expect(recording.creates).toBe(1);
      expect(await vaultWith(keyring('k1', { k1 })).open('appt-1', first)).toMatchObject({ fields: { name: 'A' } });
      expect(await vaultWith(keyring('k1', { k1 })).open('appt-1', second)).toMatchObject({ fields: { name: 'B' } });
    });

    it('loads a fresh subject key once for many concurrent seals in one process', async () => {
      const recording = new RecordingKeyStore(store);
      const v = vaultWith(keyring('k1', { k1 }), recording);
      await Promise.all(Array.from({ length: 50 }, (_, i) => v.seal('appt-hot', { n: String(i) })));
      expect(recording.creates).toBe(1);
      expect(recording.gets).toBe(0); // a seal goes straight to create: one round trip for a new subject
    });

    it('refuses bad subject ids and fields with typed errors', async () => {
      await refusal(vault.seal('appt/1', names), 'invalid_subject_id');
      await refusal(vault.seal('', names), 'invalid_subject_id');
      await refusal(vault.seal('appt-1', { age: 42 } as unknown as Record<string, string>), 'invalid_fields');
      await refusal(vault.seal('appt-1', null as unknown as Record<string, string>), 'invalid_fields');
      await refusal(vault.open('appt 1', {}), 'invalid_subject_id');
    });
  });

  describe('integrity', () => {
    let sealed: SealedData;
    beforeEach(async () => {
      sealed = await vault.seal('appt-1', names);
    });

    it.each(['ct', 'tag', 'iv'] as const)('detects a flipped byte in %s', async (part) => {
      for (const index of [0, 5, 11]) {
        await refusal(vault.open('appt-1', { ...sealed, [part]: flipByte(sealed[part], index) }), 'sealed_data_unauthentic');
      }
    });

    it('detects a changed kid, since the kid is part of the AAD', async () => {
      const other = vaultWith(keyring('k2', { k1, k2: newMasterKey() }));
      await refusal(other.open('appt-1', { ...sealed, kid: 'k2' }), 'sealed_data_unauthentic');
    });

    it('refuses a sealed value moved to another subject', async () => {
      await vault.seal('appt-2', { name: 'someone else' });
      await refusal(vault.open('appt-2', sealed), 'sealed_data_unauthentic');
    });

    it('refuses malformed values', async () => {
      await refusal(vault.open('appt-1', { ...sealed, v: 2 }), 'sealed_data_malformed');
      await refusal(vault.open('appt-1', 'sealed'), 'sealed_data_malformed');
    });
  });

  describe('shredding', () => {
    it('makes every sealed copy read as erased, without throwing', async () => {
      const sealed = await vault.seal('appt-1', names);
      await vault.shred('appt-1');
      expect(await vault.open('appt-1', sealed)).toEqual({ status: 'erased' });
      expect(await vaultWith(keyring('k1', { k1 })).open('appt-1', sealed)).toEqual({ status: 'erased' });
    });

    it('is final: sealing again for the subject is refused, and a repeat shred changes nothing', async () => {
      await vault.seal('appt-1', names);
      await vault.shred('appt-1');
      await vault.shred('appt-1');
      await refusal(vault.seal('appt-1', names), 'subject_erased');
      await refusal(vaultWith(keyring('k1', { k1 })).seal('appt-1', names), 'subject_erased');
    });

    it('refuses sealing for a subject shredded before it was ever sealed', async () => {
      await vault.shred('appt-never');
      await refusal(vault.seal('appt-never', names), 'subject_erased');
    });

    it('leaves other subjects alone', async () => {
      const kept = await vault.seal('appt-2', { name: 'bleibt' });
      await vault.seal('appt-1', names);
      await vault.shred('appt-1');
      expect(await vault.open('appt-2', kept)).toEqual({ status: 'open', fields: { name: 'bleibt' } });
    });

    it('wins over a key load that was in flight when it started', async () => {
      const sealed = await vault.seal('appt-1', names);
      const fresh = vaultWith(keyring('k1', { k1 }));
      const opening = fresh.open('appt-1', sealed);
      await fresh.shred('appt-1');
      await opening; // may still see the key it had already fetched
      expect(await fresh.open('appt-1', sealed)).toEqual({ status: 'erased' });
    });

    it("reaches another process's cache only when its TTL ends (default 5 minutes)", async () => {
      const clock = { now: 0 };
      const elsewhere = vaultWith(keyring('k1', { k1 }), store, () => clock.now);
      const sealed = await vault.seal('appt-1', names);
      expect(await elsewhere.open('appt-1', sealed)).toMatchObject({ status: 'open' });
      await vault.shred('appt-1');
      clock.now += 5 * 60_000 - 1;
      expect(await elsewhere.open('appt-1', sealed)).toMatchObject({ status: 'open' });
      clock.now += 1;
      expect(await elsewhere.open('appt-1', sealed)).toEqual({ status: 'erased' });
    });
  });

  describe('keys', () => {
    it('agrees on one key when two processes seal a new subject at once', async () => {
      const recording = new RecordingKeyStore(store);
      const a = vaultWith(keyring('k1', { k1 }), recording);
      const b = vaultWith(keyring('k1', { k1 }), recording);
      const [fromA, fromB] = await Promise.all([a.seal('appt-1', { by: 'a' }), b.seal('appt-1', { by: 'b' })]);
      expect(recording.creates).toBe(2);
      expect(await a.open('appt-1', fromB)).toEqual({ status: 'open', fields: { by: 'b' } });
      expect(await b.open('appt-1', fromA)).toEqual({ status: 'open', fields: { by: 'a' } });
    });

    it('after rotation opens old data with the old kid and wraps new subjects with the new one', async () => {
      const old = await vault.seal('appt-old', names);
      const k2 = newMasterKey();
      const rotated = vaultWith(keyring('k2', { k1, k2 }));
      expect(await rotated.open('appt-old', old)).toEqual({ status: 'open', fields: names });
      expect((await rotated.seal('appt-new', names)).kid).toBe('k2');
      // An existing subject keeps its data key, wrapped under k1, until it is shredded.
      expect((await rotated.seal('appt-old', names)).kid).toBe('k1');
      await refusal(vaultWith(keyring('k2', { k2 })).open('appt-old', old), 'master_key_unknown');
    });

    it('refuses to work with a wrong master key under a known kid', async () => {
      const sealed = await vault.seal('appt-1', names);
      const wrong = vaultWith(keyring('k1', { k1: newMasterKey() }));
      await refusal(wrong.open('appt-1', sealed), 'master_key_mismatch');
      await refusal(wrong.seal('appt-1', names), 'master_key_mismatch');
    });

    it('refuses an invalid keyring at construction', () => {
      expect(() => vaultWith(keyring('k9', { k1 }))).toThrow(expect.objectContaining({ code: 'master_keyring_invalid' }));
    });
  });

  describe('nothing leaks', () => {
    it('keeps plaintext and key material out of sealed data and of every error', async () => {
      const recording = new RecordingKeyStore(store);
      const v = vaultWith(keyring('k1', { k1 }), recording);
      const sealed = await v.seal('appt-1', names);
      const dataKey = unwrapForTest(recording.wrappedSeen[0], k1, 'appt-1');
      await v.seal('appt-2', { name: 'x' });

      const errors: unknown[] = [];
      const collect = (p: Promise<unknown>) => p.catch((e: unknown) => void errors.push(e));
      await collect(v.open('appt-1', { ...sealed, ct: flipByte(sealed.ct) }));
      await collect(v.open('appt-2', sealed));
      await collect(v.open('appt-1', { ...sealed, iv: 'short' }));
      await collect(vaultWith(keyring('k1', { k1: newMasterKey() })).open('appt-1', sealed));
      await collect(v.seal('appt-1', { name: names.name, n: 1 } as unknown as Record<string, string>));
      await v.shred('appt-1');
      await collect(v.seal('appt-1', names));
      expect(errors).toHaveLength(6);

      const secrets = [...Object.values(names), ...Object.values(names).map((s) => s.toLowerCase())];
      const keys = [k1, dataKey].flatMap((k) => [k.toString('base64'), k.toString('base64url'), k.toString('hex'), [...k].join(',')]);
      const texts = [
        JSON.stringify(sealed),
        ...errors.flatMap((e) => [String(e), inspect(e, { depth: 5 }), JSON.stringify(e), JSON.stringify((e as { toDomainError(): unknown }).toDomainError())]),
      ];
      for (const text of texts) {
        for (const secret of [...secrets, ...keys]) expect(text).not.toContain(secret);
        for (const key of keys) expect(text).not.toContain(key.slice(0, 16));
      }
    });
  });

  it('round-trips any fields for any subject (property, 1,000 runs)', async () => {
    const subjectId = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);
    const fields = fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 60 }), { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(subjectId, fields, async (id, data) => {
        const sealed = await vault.seal(id, data);
        const opened = await vault.open(id, JSON.parse(JSON.stringify(sealed)));
        expect(opened).toEqual({ status: 'open', fields: data });
        expect(Object.keys(opened.status === 'open' ? opened.fields : {})).toEqual(Object.keys(data));
      }),
      { numRuns: 1000 },
    );
  });
});

/** Test-only: what the vault does internally, so the leak check knows the real data key. */
function unwrapForTest(wrapped: SealedData, master: Buffer, subjectId: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', master, Buffer.from(wrapped.iv, 'base64url'));
  decipher.setAAD(Buffer.from(`schalter/data-key/v1/${wrapped.kid}/${subjectId}`));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(wrapped.ct, 'base64url')), decipher.final()]);
}
