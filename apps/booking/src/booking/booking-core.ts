import {
  calendarDecider, calendarId, contactDecider, type CalendarCommand, type CalendarContext, type CalendarEvent, type CalendarState,
  type Catalog, type ContactCommand, type ContactContext, type ContactEvent, type ContactState, type DomainError, type Result,
} from '@app/domain';
import { CommandHandler, uuidv7, type EventMeta, type EventStore, type Handled } from '@app/eventstore';
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

  constructor(readonly deps: BookingDeps) {
    this.now = deps.now ?? Date.now;
    this.calendars = new CommandHandler(deps.store, calendarDecider, { aggregateType: 'calendar', cacheSize: deps.cacheSize ?? 2000, maxAttempts: 12 });
    this.contacts = new CommandHandler(deps.store, contactDecider, { aggregateType: 'contact', cacheSize: deps.cacheSize ?? 2000, maxAttempts: 12 });
    this.references = new ReferenceIndex(deps.store);
  }

  get catalog(): Catalog {
    return this.deps.catalog;
  }

  /** `newId` is fixed per command when the caller must know the id beforehand (sealing by appointment id). */
  async onCalendar(officeId: string, date: string, command: CalendarCommand, meta: EventMeta, newId: () => string = uuidv7): Promise<Result<Handled<CalendarEvent, CalendarState>, DomainError>> {
    const result = await this.calendars.handle(calendarId(officeId, date), command, () => ({ now: this.now(), catalog: this.catalog, newId }), { meta });
    if (result.ok) this.references.record(result.value.events);
    return result;
  }

  onContact(contactKey: string, command: ContactCommand, meta: EventMeta): Promise<Result<Handled<ContactEvent, ContactState>, DomainError>> {
    return this.contacts.handle(contactKey, command, () => ({ now: this.now(), catalog: this.catalog }), { meta });
  }

  async calendar(officeId: string, date: string): Promise<CalendarState> {
    return (await this.calendars.state(calendarId(officeId, date))).state;
  }

  /** Reloads from the log: another instance may have written since this one cached the calendar. */
  async freshCalendar(officeId: string, date: string): Promise<CalendarState> {
    this.calendars.evict(calendarId(officeId, date));
    return this.calendar(officeId, date);
  }
}
