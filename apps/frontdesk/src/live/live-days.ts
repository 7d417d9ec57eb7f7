import type { EventEnvelope, EventStore } from '@app/eventstore';
import { assertNever } from '@app/domain';
import { Logger } from '@nestjs/common';
import { OfficeDay, type DayCommit } from '../day/office-day';
import type { OfficeCatalog } from '../queue/office-catalog';
import type { TailCommit } from './live-tail';

/** `mail` changes only the staff state (email failures are never shown on a screen). */
export type DayChange = 'queue' | 'calendar' | 'mail';
/** Aggregate type under which notifications records email outcomes (its `MAIL_AGGREGATE`). */
const MAIL_AGGREGATE = 'mail';

export type DayListener = (day: OfficeDay, change: DayChange) => void;

/**
 * The office-days this instance holds live. A day is loaded on first use from its three aggregates
 * (queue, calendar and mail, all with the id `<officeId>-<date>`) and kept up to date from the tail. Loads and tail commits run one after the
 * other on a single chain, and each side of a day skips versions it has seen: the tail starts before
 * any load, so every commit is either in the load or delivered after it, and none is applied twice.
 */
export class LiveDays {
  private readonly days = new Map<string, Promise<OfficeDay>>();
  private chain: Promise<unknown> = Promise.resolve();
  private readonly listeners: DayListener[] = [];
  private readonly logger = new Logger('LiveDays');

  constructor(
    private readonly store: EventStore,
    private readonly catalogOf: (officeId: string) => OfficeCatalog | undefined,
  ) {}

  onChange(listener: DayListener): void {
    this.listeners.push(listener);
  }

  /** The day's live view (undefined for an unknown office). */
  day(officeId: string, date: string): Promise<OfficeDay | undefined> {
    const catalog = this.catalogOf(officeId);
    if (catalog === undefined) return Promise.resolve(undefined);
    const key = `${officeId}-${date}`;
    let day = this.days.get(key);
    if (day === undefined) {
      day = this.serial(() => this.load(new OfficeDay(officeId, date, catalog)));
      this.days.set(key, day);
      day.catch(() => this.days.delete(key));
    }
    return day;
  }

  /** Reads the calendar commits the tail may not have delivered yet (a booking made a moment ago). */
  async catchUpCalendar(day: OfficeDay): Promise<void> {
    await this.serial(async () => {
      const { events } = await this.store.readAggregate({ type: 'calendar', id: `${day.officeId}-${day.date}` }, day.calendarVersion);
      if (commits(events).map((c) => day.applyCalendar(c)).some(Boolean)) this.emit(day, 'calendar');
    });
  }

  /** Called by the tail for every appended commit, in log order. */
  onCommit(commit: TailCommit): void {
    const { type, id } = commit.aggregate;
    if (type !== 'queue' && type !== 'calendar' && type !== MAIL_AGGREGATE) return;
    const pending = this.days.get(id);
    if (pending === undefined) return; // not held here; a later load reads it from the log
    const dayCommit: DayCommit = { version: commit.position, events: commit.body.events };
    void this.serial(async () => {
      const day = await pending;
      if (apply(day, type, dayCommit)) this.emit(day, type);
    });
  }

  /** Forgets days other than the ones given (yesterday's queues). */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of [...this.days.keys()]) if (!keys.has(key)) this.days.delete(key);
  }

  private async load(day: OfficeDay): Promise<OfficeDay> {
    const id = `${day.officeId}-${day.date}`;
    const [calendar, queue, mail] = await Promise.all([
      this.store.readAggregate({ type: 'calendar', id }),
      this.store.readAggregate({ type: 'queue', id }),
      this.store.readAggregate({ type: MAIL_AGGREGATE, id }),
    ]);
    for (const c of commits(calendar.events)) day.applyCalendar(c);
    for (const c of commits(queue.events)) day.applyQueue(c);
    for (const c of commits(mail.events)) day.applyMail(c);
    return day;
  }

  private emit(day: OfficeDay, change: DayChange): void {
    for (const listener of this.listeners) {
      try {
        listener(day, change);
      } catch (err) {
        this.logger.error({ err, officeId: day.officeId }, 'A live-state listener failed');
      }
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work);
    this.chain = next.catch(() => undefined);
    return next;
  }
}

function apply(day: OfficeDay, change: DayChange, commit: DayCommit): boolean {
  switch (change) {
    case 'queue': return day.applyQueue(commit);
    case 'calendar': return day.applyCalendar(commit);
    case 'mail': return day.applyMail(commit);
    default: return assertNever(change);
  }
}

/** Groups envelopes (in log order) into commits by position. */
function commits(events: readonly EventEnvelope[]): DayCommit[] {
  const out: { version: number; events: EventEnvelope[] }[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (last?.version === e.position) last.events.push(e);
    else out.push({ version: e.position, events: [e] });
  }
  return out;
}
