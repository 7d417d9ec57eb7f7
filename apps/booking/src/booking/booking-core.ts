import {
  calendarDecider, calendarId, contactDecider, type CalendarCommand, type CalendarContext, type CalendarEvent, type CalendarState,
  type Catalog, type ContactCommand, type ContactContext, type ContactEvent, type ContactState, type DomainError, type Result,
} from '@app/domain';
import { CommandHandler, uuidv7, type EventMeta, type EventStore, type FollowedCommit, type Handled } from '@app/eventstore';
import type { PersonalDataVault } from '@app/privacy';
import { ReferenceIndex } from './reference-index';

export interface BookingDeps {
  readonly store: EventStore;
  readonly vault: PersonalDataVault;
  readonly catalog: Catalog;
  /** Keys the contact hash (per-contact limits) so the log never holds a clear address. */
  readonly pepper: string;
  /** Derives activation tokens (see @app/contracts booking-tokens). */
  readonly activationKey: Buffer;
  readonly now?: () => number;
  /** Calendars kept in memory per instance. */
  readonly cacheSize?: number;
}

/**
 * The two aggregates of booking behind their command handlers, shared by the booking operations. The
 * handlers serialise commands per aggregate inside this process and resolve races between processes
 * with the expected version (retry with random backoff), so several instances never double-book.
 */
export class BookingCore {
  readonly calendars: CommandHandler<CalendarCommand, CalendarEvent, CalendarState, CalendarContext>;
  readonly contacts: CommandHandler<ContactCommand, ContactEvent, ContactState, ContactContext>;
  readonly references: ReferenceIndex;
  readonly now: () => number;
  private otherWriterSeen: (() => void) | undefined;

  constructor(readonly deps: BookingDeps) {
    this.now = deps.now ?? Date.now;
    this.calendars = new CommandHandler(deps.store, calendarDecider, {
      aggregateType: 'calendar',
      cacheSize: deps.cacheSize ?? 2000,
      maxAttempts: 12,
      onBehind: () => this.otherWriterSeen?.(),
    });
    // A contact is new at most bookings: decide its first command without reading the log (see the option).
    this.contacts = new CommandHandler(deps.store, contactDecider, { aggregateType: 'contact', cacheSize: deps.cacheSize ?? 2000, maxAttempts: 12, assumeNewWhenUncached: true });
    this.references = new ReferenceIndex(deps.store);
  }

  get catalog(): Catalog {
    return this.deps.catalog;
  }

  /** `newId` is fixed per command when the caller must know the id beforehand (sealing by appointment id). */
  async onCalendar(officeId: string, date: string, command: CalendarCommand, meta: EventMeta, newId: () => string = uuidv7): Promise<Result<Handled<CalendarEvent, CalendarState>, DomainError>> {
    const id = calendarId(officeId, date);
    const run = () => this.calendars.handle(id, command, () => ({ now: this.now(), catalog: this.catalog, newId }), { meta });
    const result = await refusedOnlyWhenCurrent(run, this.calendars, id);
    if (result.ok) this.references.record(result.value.events);
    return result;
  }

  onContact(contactKey: string, command: ContactCommand, meta: EventMeta): Promise<Result<Handled<ContactEvent, ContactState>, DomainError>> {
    const run = () => this.contacts.handle(contactKey, command, () => ({ now: this.now(), catalog: this.catalog }), { meta });
    return refusedOnlyWhenCurrent(run, this.contacts, contactKey);
  }

  async calendar(officeId: string, date: string): Promise<CalendarState> {
    return (await this.calendars.state(calendarId(officeId, date))).state;
  }

  /** Calls `react` once, the first time a cached calendar turns out to be behind: another process writes calendars too. */
  onOtherWriter(react: () => void): void {
    this.otherWriterSeen = () => {
      this.otherWriterSeen = undefined;
      react();
    };
  }

  /**
   * A calendar commit from the log (see CalendarFollower): another instance's write reaches
   * this instance's cache before the citizen's next step does, most of the time. Without it, with two
   * instances every other step met a stale calendar: a failed append, a catch-up read and a retry.
   */
  observeCalendar(commit: FollowedCommit): void {
    this.calendars.observe(commit.aggregate.id, commit.events.map((e) => ({ type: e.type, data: e.data }) as CalendarEvent), commit.position, commit.previous);
  }

  /** The calendar as the log has it now, for reads that must see every earlier write (see CommandHandler.latest). */
  async latestCalendar(officeId: string, date: string): Promise<CalendarState> {
    return (await this.calendars.latest(calendarId(officeId, date))).state;
  }
}

/**
 * A refusal decided on this instance's cached state may be stale (another instance changed the
 * aggregate, and a refusal appends nothing, so no version check caught it). Before answering a
 * refusal, look whether the log is ahead (one direct get) and, if so, decide once more on fresh state.
 */
async function refusedOnlyWhenCurrent<T extends Result<unknown, DomainError>>(
  run: () => Promise<T>,
  handler: { state(id: string): Promise<{ version: number }>; latest(id: string): Promise<{ version: number }> },
  id: string,
): Promise<T> {
  const first = await run();
  if (first.ok) return first;
  const known = await handler.state(id);
  if ((await handler.latest(id)).version <= known.version) return first;
  return run();
}
