import { UpcastLoop } from './errors';
import type { StoredEvent } from './event-envelope';

/** The part of an event an upcaster may change. */
export interface UpcastInput {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * Turns one stored shape into the next. Returning a list splits an event into several; returning a
 * different `type` renames it. The result must carry a higher schemaVersion or another type.
 */
export type Upcaster = (event: UpcastInput) => UpcastInput | readonly UpcastInput[];

const MAX_STEPS = 64;

/**
 * Upcasters per (type, schemaVersion), applied on every read path so the domain only ever sees the
 * newest shape of each event. The log itself is never rewritten (it is the audit record).
 */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  register(type: string, fromSchemaVersion: number, upcaster: Upcaster): this {
    const key = `${type}@${fromSchemaVersion}`;
    if (this.byKey.has(key)) throw new Error(`upcaster for ${key} registered twice`);
    this.byKey.set(key, upcaster);
    return this;
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Upcasts one stored event; split events share the original id with a `#n` suffix. */
  upcast(event: StoredEvent): StoredEvent[] {
    if (this.byKey.size === 0) return [event];
    return this.step({ type: event.type, schemaVersion: event.schemaVersion ?? 1, data: event.data }, 0).map((e, i, all) => ({
      id: all.length === 1 ? event.id : `${event.id}#${i}`,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
    }));
  }

  private step(event: UpcastInput, depth: number): UpcastInput[] {
    const upcaster = this.byKey.get(`${event.type}@${event.schemaVersion}`);
    if (upcaster === undefined) return [event];
    if (depth >= MAX_STEPS) throw new UpcastLoop(event.type, event.schemaVersion);
    const next = upcaster(event);
    const list: readonly UpcastInput[] = Array.isArray(next) ? next : [next as UpcastInput];
    return list.flatMap((e) => this.step(e, depth + 1));
  }
}
