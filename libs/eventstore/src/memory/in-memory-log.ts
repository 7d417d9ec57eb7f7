import type { AggregateRef, CommitBody } from '../event-envelope';

export interface MemoryCommit {
  readonly seq: number;
  readonly subject: string;
  readonly aggregate: AggregateRef;
  readonly commitId: string;
  readonly body: CommitBody;
  readonly storedAt: number;
}

/** A durable subscription's cursor, kept in the log so it outlives one subscriber (like a JetStream durable). */
export interface MemoryDurable {
  readonly filter: string;
  /** Next sequence not yet delivered. */
  cursor: number;
  /** Deliveries so far per sequence not yet settled (acked or parked). */
  readonly attempts: Map<number, number>;
  /** Sequences waiting for a retry, with the time they become due. */
  readonly retryAt: Map<number, number>;
}

export interface MemoryParked {
  readonly subscription: string;
  readonly seq: number;
  readonly attempts: number;
  readonly error: { name: string; message: string };
  readonly parkedAt: string;
}

/**
 * The shared state of in-memory event stores. Two `InMemoryEventStore`s over one log behave like two
 * processes on one JetStream stream (that is how the contract tests race "two connections").
 */
export class InMemoryLog {
  readonly commits: MemoryCommit[] = [];
  readonly bySubject = new Map<string, number[]>();
  readonly commitIds = new Map<string, { seq: number; at: number }>();
  readonly durables = new Map<string, MemoryDurable>();
  readonly parked: MemoryParked[] = [];
  private readonly listeners = new Set<() => void>();

  get lastSeq(): number {
    return this.commits.length;
  }

  commit(seq: number): MemoryCommit | undefined {
    return this.commits[seq - 1];
  }

  store(subject: string, aggregate: AggregateRef, commitId: string, body: CommitBody, now: number): number {
    const seq = this.commits.length + 1;
    this.commits.push({ seq, subject, aggregate, commitId, body, storedAt: now });
    const list = this.bySubject.get(subject);
    if (list === undefined) this.bySubject.set(subject, [seq]);
    else list.push(seq);
    this.commitIds.set(commitId, { seq, at: now });
    for (const listener of [...this.listeners]) listener();
    return seq;
  }

  lastOf(subject: string): number {
    const list = this.bySubject.get(subject);
    return list === undefined ? 0 : list[list.length - 1]!;
  }

  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** NATS subject matching: `*` is one token, `>` the rest (at least one token). */
export function subjectMatches(filter: string, subject: string): boolean {
  if (filter === subject) return true;
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (f[i] !== '*' && f[i] !== s[i]) return false;
  }
  return f.length === s.length;
}
