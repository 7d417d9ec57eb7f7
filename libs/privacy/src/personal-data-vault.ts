import { KeyCache } from './key-cache';
import type { KeyStore, WrappedKey } from './key-store';
import { checkMasterKeyring, type MasterKeyring } from './master-keyring';
import { PrivacyError } from './privacy-error';
import { freshRandomBytes } from './random-pool';
import { decrypt, encrypt, parseSealedData, type SealedData } from './sealed-data';

export type PersonalFields = Readonly<Record<string, string>>;
export type OpenedData = { readonly status: 'open'; readonly fields: PersonalFields } | { readonly status: 'erased' };

export interface PersonalDataVaultOptions {
  readonly keyring: MasterKeyring;
  readonly store: KeyStore;
  /** Unwrapped keys kept in memory; defaults: 10,000 entries, 5 minutes. */
  readonly cache?: { readonly maxEntries?: number; readonly ttlMs?: number };
  readonly now?: () => number;
}

type DataKey = { readonly key: Buffer; readonly kid: string };
type KeyLookup = DataKey | 'erased' | 'absent';

const SUBJECT_ID = /^[A-Za-z0-9_-]{1,128}$/;
const DATA_KEY_BYTES = 32;
/** Plaintexts are padded to a multiple of this, so a ciphertext's length hints less at a name's length. */
const PAD_TO = 32;

/**
 * Envelope encryption of personal data with one data key per data subject (an appointment), and
 * crypto-shredding: `shred` erases the subject's key, after which every sealed copy anywhere (events,
 * backups) reads as erased. Ciphertexts are bound to their subject and master kid through the AAD.
 */
export class PersonalDataVault {
  private readonly keyring: MasterKeyring;
  private readonly store: KeyStore;
  private readonly cache: KeyCache<DataKey>;
  private readonly inFlight = new Map<string, Promise<KeyLookup>>();
  /** Bumped by every shred; a key load that saw a shred happen meanwhile does not fill the cache. */
  private shredEpoch = 0;

  constructor(options: PersonalDataVaultOptions) {
    checkMasterKeyring(options.keyring);
    this.keyring = options.keyring;
    this.store = options.store;
    this.cache = new KeyCache({
      maxEntries: options.cache?.maxEntries ?? 10_000,
      ttlMs: options.cache?.ttlMs ?? 5 * 60_000,
      now: options.now ?? Date.now,
    });
  }

  async seal(subjectId: string, fields: PersonalFields): Promise<SealedData> {
    checkSubjectId(subjectId);
    const plaintext = encodeFields(fields);
    const dataKey = await this.dataKey(subjectId, true);
    if (typeof dataKey === 'string') throw new PrivacyError('subject_erased', { subjectId });
    return encrypt(dataKey.key, dataKey.kid, plaintext, sealAad(dataKey.kid, subjectId));
  }

  /** Erased (or never keyed) subjects read as `{ status: 'erased' }`; only a broken value throws. */
  async open(subjectId: string, sealed: SealedData | unknown): Promise<OpenedData> {
    checkSubjectId(subjectId);
    const parsed = parseSealedData(sealed);
    const dataKey = await this.dataKey(subjectId, false);
    if (typeof dataKey === 'string') return { status: 'erased' };
    const plaintext = decrypt(dataKey.key, parsed, sealAad(parsed.kid, subjectId));
    if (plaintext === undefined) throw new PrivacyError('sealed_data_unauthentic', { subjectId });
    return { status: 'open', fields: decodeFields(plaintext) };
  }

  /** Final: the key is gone from the store (history included) and from this process's cache. */
  async shred(subjectId: string): Promise<void> {
    checkSubjectId(subjectId);
    this.shredEpoch += 1;
    this.forget(subjectId);
    await this.store.delete(subjectId);
    this.forget(subjectId);
  }

  private forget(subjectId: string): void {
    this.cache.delete(subjectId);
    this.inFlight.delete(slot(subjectId, true));
    this.inFlight.delete(slot(subjectId, false));
  }

  /** Cached, else one shared load per subject and purpose (concurrent misses do not load twice). */
  private dataKey(subjectId: string, createIfAbsent: boolean): Promise<KeyLookup> {
    const cached = this.cache.get(subjectId);
    if (cached !== undefined) return Promise.resolve(cached);
    const key = slot(subjectId, createIfAbsent);
    const pending = this.inFlight.get(key);
    if (pending !== undefined) return pending;
    const epoch = this.shredEpoch;
    const load = this.loadKey(subjectId, createIfAbsent)
      .then((found) => {
        if (typeof found !== 'string' && epoch === this.shredEpoch) this.cache.set(subjectId, found);
        return found;
      })
      .finally(() => {
        if (this.inFlight.get(key) === load) this.inFlight.delete(key);
      });
    this.inFlight.set(key, load);
    return load;
  }

  private async loadKey(subjectId: string, createIfAbsent: boolean): Promise<KeyLookup> {
    // Sealing tries `create` first: a subject is usually sealed first when it is new (booking
    // confirmed), so that costs one round trip; `create` answers with the existing key otherwise.
    if (createIfAbsent) return this.createKey(subjectId);
    const stored = await this.store.get(subjectId);
    switch (stored.status) {
      case 'present':
        return this.unwrap(subjectId, stored.wrapped);
      case 'erased':
        return 'erased';
      case 'absent':
        return 'absent';
    }
  }

  private async createKey(subjectId: string): Promise<KeyLookup> {
    const dataKey: DataKey = { key: freshRandomBytes(DATA_KEY_BYTES), kid: this.keyring.currentKid };
    const master = this.keyring.keys[dataKey.kid];
    const wrapped = encrypt(master, dataKey.kid, dataKey.key, wrapAad(dataKey.kid, subjectId));
    const outcome = await this.store.create(subjectId, wrapped);
    switch (outcome.status) {
      case 'created':
        return dataKey;
      case 'exists':
        return this.unwrap(subjectId, outcome.wrapped);
      case 'erased':
        return 'erased';
    }
  }

  private unwrap(subjectId: string, wrapped: WrappedKey): DataKey {
    if (!Object.hasOwn(this.keyring.keys, wrapped.kid)) {
      throw new PrivacyError('master_key_unknown', { subjectId, kid: wrapped.kid });
    }
    const key = decrypt(this.keyring.keys[wrapped.kid], wrapped, wrapAad(wrapped.kid, subjectId));
    if (key === undefined || key.length !== DATA_KEY_BYTES) {
      throw new PrivacyError('master_key_mismatch', { subjectId, kid: wrapped.kid });
    }
    return { key, kid: wrapped.kid };
  }
}

// Distinct prefixes keep a wrapped key and a sealed value from ever verifying as one another.
const wrapAad = (kid: string, subjectId: string) => Buffer.from(`schalter/data-key/v1/${kid}/${subjectId}`, 'utf8');
const sealAad = (kid: string, subjectId: string) => Buffer.from(`schalter/personal-data/v1/${kid}/${subjectId}`, 'utf8');
const slot = (subjectId: string, createIfAbsent: boolean) => `${createIfAbsent ? 'seal' : 'open'}:${subjectId}`;

function checkSubjectId(subjectId: string): void {
  if (typeof subjectId !== 'string' || !SUBJECT_ID.test(subjectId)) throw new PrivacyError('invalid_subject_id');
}

function encodeFields(fields: PersonalFields): Buffer {
  const valid =
    typeof fields === 'object' &&
    fields !== null &&
    !Array.isArray(fields) &&
    Object.values(fields).every((value) => typeof value === 'string');
  if (!valid) throw new PrivacyError('invalid_fields');
  const json = Buffer.from(JSON.stringify(fields), 'utf8');
  // Trailing spaces are JSON whitespace, so the padded text still parses to the same object.
  return Buffer.concat([json, Buffer.alloc((PAD_TO - (json.length % PAD_TO)) % PAD_TO, 0x20)]);
}

function decodeFields(plaintext: Buffer): PersonalFields {
  const fields: unknown = JSON.parse(plaintext.toString('utf8'));
  if (typeof fields !== 'object' || fields === null || Object.values(fields).some((v) => typeof v !== 'string')) {
    throw new PrivacyError('sealed_data_malformed');
  }
  return fields as PersonalFields;
}
