import type { DomainEvent } from '../shared/decider';
import type { Instant, LocalDate } from '../shared/local-time';

/** Events of a contact (aggregate `contact`, id = the contact's keyed hash). No clear data ever. */
export type AppointmentPlaceReserved = DomainEvent<'AppointmentPlaceReserved', {
  readonly contactKey: string;
  /** The hold the place is reserved for; stays the place's id for the appointment's whole life. */
  readonly placeId: string;
  readonly officeId: string;
  readonly date: LocalDate;
  readonly endsAt: Instant;
  /** Unconfirmed places stop counting then (hold time + activation time), without a release event. */
  readonly expiresAt: Instant;
  readonly reservedAt: Instant;
  readonly limit: number;
}>;

export type AppointmentPlaceConfirmed = DomainEvent<'AppointmentPlaceConfirmed', {
  readonly contactKey: string;
  readonly placeId: string;
  readonly appointmentId: string;
  readonly confirmedAt: Instant;
}>;

/** The appointment behind a place moved (same day or another): same place, new date and end. */
export type AppointmentPlaceMoved = DomainEvent<'AppointmentPlaceMoved', {
  readonly contactKey: string;
  readonly placeId: string;
  readonly appointmentId: string;
  readonly officeId: string;
  readonly date: LocalDate;
  readonly endsAt: Instant;
  readonly movedAt: Instant;
}>;

export type ReleaseReason = 'cancelled' | 'expired' | 'booking_failed';

export type AppointmentPlaceReleased = DomainEvent<'AppointmentPlaceReleased', {
  readonly contactKey: string;
  readonly placeId: string;
  readonly reason: ReleaseReason;
  readonly releasedAt: Instant;
}>;

export type ContactEvent = AppointmentPlaceReserved | AppointmentPlaceConfirmed | AppointmentPlaceMoved | AppointmentPlaceReleased;
