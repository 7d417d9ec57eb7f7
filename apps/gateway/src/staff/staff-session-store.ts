import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import type { StaffUser } from './staff-user';

export interface SessionTimeouts {
  readonly idleMs: number; //     30 min without a request ends the session …
  readonly absoluteMs: number; // … and 10 h after login it ends anyway (one working day)
}

export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = { idleMs: 30 * 60_000, absoluteMs: 10 * 3_600_000 };

export interface StaffSession {
  readonly user: StaffUser;
  readonly createdAt: number;
  readonly lastSeenAt: number;
}

/**
 * Server-side sessions in Redis. The cookie holds an opaque 256-bit id; Redis holds only its SHA-256,
 * so a Redis dump yields no usable session. Idle timeout = the key's TTL, renewed on every request;
 * the absolute timeout is checked against `createdAt` and also caps the TTL.
 */
export class StaffSessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly timeouts: SessionTimeouts = DEFAULT_SESSION_TIMEOUTS,
    private readonly now: () => number = Date.now,
  ) {}

  async create(user: StaffUser): Promise<{ id: string; session: StaffSession }> {
    const id = randomBytes(32).toString('base64url');
    const at = this.now();
    const session: StaffSession = { user, createdAt: at, lastSeenAt: at };
    await this.redis.set(this.key(id), JSON.stringify(session), 'PX', this.ttl(session, at));
    return { id, session };
  }

  /** The live session for this id, its idle clock restarted; undefined when unknown, idle or too old. */
  async touch(id: string): Promise<StaffSession | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const raw = await this.redis.get(this.key(id));
    if (raw === null) return undefined;
    const stored = JSON.parse(raw) as StaffSession;
    const at = this.now();
    if (at - stored.createdAt >= this.timeouts.absoluteMs || at - stored.lastSeenAt >= this.timeouts.idleMs) {
      await this.redis.del(this.key(id));
      return undefined;
    }
    const session: StaffSession = { ...stored, lastSeenAt: at };
    // XX: never resurrect a session that a concurrent logout just deleted.
    await this.redis.set(this.key(id), JSON.stringify(session), 'PX', this.ttl(session, at), 'XX');
    return session;
  }

  async destroy(id: string): Promise<void> {
    await this.redis.del(this.key(id));
  }

  private ttl(session: StaffSession, at: number): number {
    return Math.max(1, Math.min(this.timeouts.idleMs, session.createdAt + this.timeouts.absoluteMs - at));
  }

  private key(id: string): string {
    return `${this.keyPrefix}${createHash('sha256').update(id).digest('base64url')}`;
  }
}
