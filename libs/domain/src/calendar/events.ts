import type { DomainEvent } from '../shared/decider';
import type { Instant, LocalDate, LocalTime } from '../shared/local-time';
import type { Language } from '../catalog/catalog.schema';
import type { ServiceLine } from '../catalog/service-selection';

/**
 * Calendar events (aggregate `calendar`, id `<officeId>-<YYYY-MM-DD>`). Each one is self-describing:
 * a consumer (notifications, frontdesk, customer flow) never needs an earlier event to understand it,
 * and every appointment can be rebuilt from the log alone. Times of day are Europe/Berlin wall clock,
 * instants are epoch milliseconds.
 */
export interface AppointmentWhere {
  readonly officeId: string;
  readonly date: LocalDate;
  readonly start: LocalTime;
  /** Exclusive end: start + minutes, rounded up to whole slots. */
  readonly end: LocalTime;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  /** Start times of every slot the appointment occupies. */
  readonly slots: readonly LocalTime[];
}

export interface AppointmentWhat {
  readonly services: readonly ServiceLine[];
  /** Counter time needed, before rounding up to slots. */
  readonly minutes: number;
}

export interface AppointmentWho {
  readonly appointmentId: string;
  /** Human-friendly reference the citizen quotes (e.g. `HBS-7K3Q9F`); kept across a reschedule. */
  readonly reference: string;
  readonly language: Language;
  /** Contact data sealed by the app (opaque here); shredding its key anonymises the log. */
  readonly sealedContact: unknown;
  /** Keyed hash of the email: the contact's identity, never the clear address. */
  readonly contactKey: string;
}

export type HoldPlaced = DomainEvent<'HoldPlaced', AppointmentWhere & AppointmentWhat & {
  readonly holdId: string;
  readonly placedAt: Instant;
  readonly expiresAt: Instant;
}>;

/** Contact data given; the appointment waits for the citizen to follow the activation link. */
export type AppointmentRequested = DomainEvent<'AppointmentRequested', AppointmentWhere & AppointmentWhat & AppointmentWho & {
  readonly holdId: string;
  readonly activationTokenHash: string;
  readonly requestedAt: Instant;
  readonly activationExpiresAt: Instant;
}>;

export interface RescheduleOrigin {
  readonly date: LocalDate;
  readonly appointmentId: string;
}

/** A confirmed appointment with everything notifications and the front desk need. */
export type AppointmentBooked = DomainEvent<'AppointmentBooked', AppointmentWhere & AppointmentWhat & AppointmentWho & {
  readonly holdId: string;
  readonly bookedAt: Instant;
  /** Set when this appointment replaces one on another day (that one is cancelled with reason `rescheduled`). */
  readonly rescheduledFrom: RescheduleOrigin | null;
}>;

export type CancelReason = 'citizen_request' | 'staff_decision' | 'office_closure' | 'rescheduled';
export type Actor = 'citizen' | 'staff' | 'system';

export type AppointmentCancelled = DomainEvent<'AppointmentCancelled', AppointmentWhere & AppointmentWhat & AppointmentWho & {
  readonly reason: CancelReason;
  readonly by: Actor;
  readonly cancelledAt: Instant;
  /** False when it was still awaiting activation. */
  readonly wasBooked: boolean;
  /** The freed slots count as taken until then, so a cancelled slot cannot be handed to a buyer. */
  readonly quarantineUntil: Instant;
}>;

/** Moved to another time on the same day; `from` are the old place, the rest describes the new one. */
export type AppointmentRescheduled = DomainEvent<'AppointmentRescheduled', AppointmentWhere & AppointmentWhat & AppointmentWho & {
  readonly from: Pick<AppointmentWhere, 'start' | 'end' | 'startsAt' | 'endsAt' | 'slots'>;
  readonly rescheduledAt: Instant;
  /** Old slots the new place does not cover; held back like cancelled ones. */
  readonly releasedSlots: readonly LocalTime[];
  readonly quarantineUntil: Instant;
}>;

/** A live hold got more time; `extensions` counts them (1, 2, …) so the cap is visible in the log. */
export type HoldExtended = DomainEvent<'HoldExtended', AppointmentWhere & AppointmentWhat & {
  readonly holdId: string;
  readonly placedAt: Instant;
  readonly expiresAt: Instant;
  readonly extendedAt: Instant;
  readonly extensions: number;
}>;

export type CalendarEvent = HoldPlaced | HoldExtended | AppointmentRequested | AppointmentBooked | AppointmentCancelled | AppointmentRescheduled;
