import type { CreateOutcome, KeyStore, StoredKey, WrappedKey } from './key-store';

const ERASED = Symbol('erased');

/** The key store for fast tests: same contract as the JetStream one, nothing kept beyond the process. */
export class InMemoryKeyStore implements KeyStore {
  private readonly entries = new Map<string, WrappedKey | typeof ERASED>();

  async create(subjectId: string, wrapped: WrappedKey): Promise<CreateOutcome> {
    const existing = this.entries.get(subjectId);
    if (existing === ERASED) return { status: 'erased' };
    if (existing !== undefined) return { status: 'exists', wrapped: { ...existing } };
    this.entries.set(subjectId, { ...wrapped });
    return { status: 'created' };
  }

  async get(subjectId: string): Promise<StoredKey> {
    const existing = this.entries.get(subjectId);
    if (existing === undefined) return { status: 'absent' };
    if (existing === ERASED) return { status: 'erased' };
    return { status: 'present', wrapped: { ...existing } };
  }

  async delete(subjectId: string): Promise<void> {
    this.entries.set(subjectId, ERASED);
  }
}
