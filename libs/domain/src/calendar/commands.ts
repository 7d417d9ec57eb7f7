import type { Command } from '../shared/decider';
import type { LocalDate, LocalTime } from '../shared/local-time';
import type { Language } from '../catalog/catalog.schema';
import type { ServiceLine } from '../catalog/service-selection';
import type { Actor, CancelReason, RescheduleOrigin } from './events';

/**
 * Commands to one calendar (office and day). Contact data arrives sealed; the domain sees only the
 * opaque blob, the keyed hash and the language.
 */
export type PlaceHold = Command<'PlaceHold', {
  readonly officeId: string;
  readonly date: LocalDate;
  readonly start: LocalTime;
  readonly services: readonly ServiceLine[];
  /** Optional idempotency key from the client; a repeat with the same id and content changes nothing. */
  readonly holdId?: string;
}>;

interface ContactData {
  readonly reference: string;
  readonly sealedContact: unknown;
  readonly contactKey: string;
  readonly language: Language;
}

export type SubmitContact = Command<'SubmitContact', ContactData & {
  readonly holdId: string;
  /** Hash of the activation token mailed to the citizen (the token itself never reaches the domain). */
  readonly activationTokenHash: string;
}>;

export type Activate = Command<'Activate', { readonly appointmentId: string; readonly tokenHash: string }>;

export type Cancel = Command<'Cancel', { readonly appointmentId: string; readonly reason: CancelReason; readonly by: Actor }>;

/** Same-day move: one command, one event. */
export type Reschedule = Command<'Reschedule', { readonly appointmentId: string; readonly start: LocalTime }>;

/**
 * Second step of a move to another day, sent to the target day: turns a hold there into a booked
 * appointment that carries over the source's contact data and reference. The process then cancels
 * the source with reason `rescheduled`.
 */
export type ConfirmReschedule = Command<'ConfirmReschedule', ContactData & {
  readonly holdId: string;
  readonly from: RescheduleOrigin;
}>;

/** Pushes a live hold's expiry out again, within the cap documented on `extendHold`. */
export type ExtendHold = Command<'ExtendHold', { readonly holdId: string }>;

export type CalendarCommand = PlaceHold | ExtendHold | SubmitContact | Activate | Cancel | Reschedule | ConfirmReschedule;
