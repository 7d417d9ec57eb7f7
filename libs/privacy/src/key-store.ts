import type { SealedData } from './sealed-data';

/** A data key wrapped (AES-256-GCM) under the master key named by `kid`. */
export type WrappedKey = SealedData;

export type StoredKey =
  | { readonly status: 'present'; readonly wrapped: WrappedKey }
  | { readonly status: 'absent' }
  /** Shredded: the key is gone for good and none may be created again for this subject. */
  | { readonly status: 'erased' };

export type CreateOutcome =
  | { readonly status: 'created' }
  /** Someone else created the subject's key first; use theirs. */
  | { readonly status: 'exists'; readonly wrapped: WrappedKey }
  | { readonly status: 'erased' };

/**
 * Where wrapped data keys live, one per data subject. `create` is atomic (two concurrent first seals
 * agree on one key) and refuses to bring back an erased subject; `delete` erases for good, leaving
 * no copy of the wrapped key behind.
 */
export interface KeyStore {
  create(subjectId: string, wrapped: WrappedKey): Promise<CreateOutcome>;
  get(subjectId: string): Promise<StoredKey>;
  delete(subjectId: string): Promise<void>;
}
