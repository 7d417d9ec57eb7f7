import { randomBytes } from 'node:crypto';
import type { CreateOutcome, KeyStore, StoredKey, WrappedKey } from '../src/key-store';
import type { MasterKeyring } from '../src/master-keyring';

export function keyring(currentKid: string, keys: Record<string, Buffer>): MasterKeyring {
  return { currentKid, keys };
}

export const newMasterKey = (): Buffer => randomBytes(32);

/** Wraps a store to count calls and keep every wrapped key it was handed (for leak checks). */
export class RecordingKeyStore implements KeyStore {
  creates = 0;
  gets = 0;
  readonly wrappedSeen: WrappedKey[] = [];

  constructor(private readonly inner: KeyStore) {}

  async create(subjectId: string, wrapped: WrappedKey): Promise<CreateOutcome> {
    this.creates += 1;
    this.wrappedSeen.push(wrapped);
    return this.inner.create(subjectId, wrapped);
  }

  async get(subjectId: string): Promise<StoredKey> {
    this.gets += 1;
    return this.inner.get(subjectId);
  }

  delete(subjectId: string): Promise<void> {
    return this.inner.delete(subjectId);
  }
}

/** Flips one bit of one byte inside a base64url field. */
export function flipByte(base64url: string, index = 0): string {
  const bytes = Buffer.from(base64url, 'base64url');
  bytes[index % bytes.length] ^= 0x01;
  return bytes.toString('base64url');
}
