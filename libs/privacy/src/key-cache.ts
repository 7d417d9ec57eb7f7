export interface KeyCacheOptions {
  readonly maxEntries: number;
  readonly ttlMs: number;
  readonly now: () => number;
}

/**
 * A bounded LRU of unwrapped data keys with a time to live, so a hot appointment is not unwrapped on
 * every event. The TTL bounds how long a key shredded by ANOTHER process stays usable here: that
 * process cannot reach this cache, so until the entry expires (default 5 minutes) this process could
 * still open or seal for the shredded subject. A shred in this process evicts at once.
 *
 * Evicted keys are dropped, not zero-filled: a caller may still be using the buffer after an await.
 */
export class KeyCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly options: KeyCacheOptions) {
    if (!(options.maxEntries >= 1) || !(options.ttlMs > 0)) {
      throw new RangeError('KeyCache needs maxEntries >= 1 and ttlMs > 0');
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): V | undefined {
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    this.entries.delete(id);
    if (entry.expiresAt <= this.options.now()) return undefined;
    // Re-insert: a Map iterates in insertion order, so the first entry is the least recently used.
    this.entries.set(id, entry);
    return entry.value;
  }

  set(id: string, value: V): void {
    this.entries.delete(id);
    this.entries.set(id, { value, expiresAt: this.options.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  delete(id: string): void {
    this.entries.delete(id);
  }
}
