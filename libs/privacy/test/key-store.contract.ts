import { randomBytes } from 'node:crypto';
import type { KeyStore, WrappedKey } from '../src/key-store';

export interface KeyStoreFixture {
  readonly store: KeyStore;
  cleanup(): Promise<void>;
}

/** Not real ciphertext: the store treats wrapped keys as opaque, so random well-formed data will do. */
export function fakeWrappedKey(kid = 'k1'): WrappedKey {
  return {
    v: 1,
    kid,
    iv: randomBytes(12).toString('base64url'),
    tag: randomBytes(16).toString('base64url'),
    ct: randomBytes(32).toString('base64url'),
  };
}

/** The behaviour every KeyStore adapter must share; run once per adapter. */
export function keyStoreContract(name: string, makeFixture: () => Promise<KeyStoreFixture>): void {
  describe(`KeyStore contract: ${name}`, () => {
    let fixture: KeyStoreFixture;
    let store: KeyStore;
    beforeEach(async () => {
      fixture = await makeFixture();
      store = fixture.store;
    });
    afterEach(async () => fixture.cleanup());

    it('reports an unknown subject as absent', async () => {
      expect(await store.get('appt-unknown')).toEqual({ status: 'absent' });
    });

    it('creates a key once and returns it unchanged', async () => {
      const wrapped = fakeWrappedKey();
      expect(await store.create('appt-1', wrapped)).toEqual({ status: 'created' });
      expect(await store.get('appt-1')).toEqual({ status: 'present', wrapped });
    });

    it('answers a second create with the first key, never overwriting it', async () => {
      const first = fakeWrappedKey();
      await store.create('appt-1', first);
      expect(await store.create('appt-1', fakeWrappedKey())).toEqual({ status: 'exists', wrapped: first });
      expect(await store.get('appt-1')).toEqual({ status: 'present', wrapped: first });
    });

    it('lets exactly one of many concurrent creates win, and tells the others its key', async () => {
      const candidates = Array.from({ length: 12 }, () => fakeWrappedKey());
      const outcomes = await Promise.all(candidates.map((wrapped) => store.create('appt-race', wrapped)));
      const winners = outcomes.flatMap((outcome, i) => (outcome.status === 'created' ? [candidates[i]] : []));
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes.filter((o) => o.status !== 'created')) {
        expect(outcome).toEqual({ status: 'exists', wrapped: winners[0] });
      }
      expect(await store.get('appt-race')).toEqual({ status: 'present', wrapped: winners[0] });
    });

    it('erases for good: after delete the subject reads as erased and create is refused', async () => {
      await store.create('appt-1', fakeWrappedKey());
      await store.delete('appt-1');
      expect(await store.get('appt-1')).toEqual({ status: 'erased' });
      expect(await store.create('appt-1', fakeWrappedKey())).toEqual({ status: 'erased' });
      expect(await store.get('appt-1')).toEqual({ status: 'erased' });
    });

    it('erases a subject that never had a key, so none can be created later', async () => {
      await store.delete('appt-never');
      expect(await store.create('appt-never', fakeWrappedKey())).toEqual({ status: 'erased' });
    });

    it('keeps subjects apart', async () => {
      const a = fakeWrappedKey();
      await store.create('appt-a', a);
      await store.create('appt-b', fakeWrappedKey());
      await store.delete('appt-b');
      expect(await store.get('appt-a')).toEqual({ status: 'present', wrapped: a });
      expect(await store.get('appt-b')).toEqual({ status: 'erased' });
    });

    it('is not affected when a caller mutates what it passed in or got back', async () => {
      const wrapped = fakeWrappedKey();
      const copy = { ...wrapped };
      await store.create('appt-1', wrapped);
      (wrapped as { ct: string }).ct = 'changed';
      const got = await store.get('appt-1');
      if (got.status === 'present') (got.wrapped as { ct: string }).ct = 'changed too';
      expect(await store.get('appt-1')).toEqual({ status: 'present', wrapped: copy });
    });
  });
}
