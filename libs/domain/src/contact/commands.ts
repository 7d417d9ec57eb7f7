import type { Command } from '../shared/decider';
import type { Instant, LocalDate } from '../shared/local-time';
import type { ReleaseReason } from './events';

export type ReserveAppointmentPlace = Command<'ReserveAppointmentPlace', {
  readonly contactKey: string;
  readonly placeId: string;
  readonly officeId: string;
  readonly date: LocalDate;
  readonly endsAt: Instant;
  readonly expiresAt: Instant;
}>;

export type ConfirmAppointmentPlace = Command<'ConfirmAppointmentPlace', { readonly contactKey: string; readonly placeId: string; readonly appointmentId: string }>;

export type MoveAppointmentPlace = Command<'MoveAppointmentPlace', {
  readonly contactKey: string;
  readonly placeId: string;
  readonly appointmentId: string;
  readonly officeId: string;
  readonly date: LocalDate;
  readonly endsAt: Instant;
}>;

export type ReleaseAppointmentPlace = Command<'ReleaseAppointmentPlace', { readonly contactKey: string; readonly placeId: string; readonly reason: ReleaseReason }>;

export type ContactCommand = ReserveAppointmentPlace | ConfirmAppointmentPlace | MoveAppointmentPlace | ReleaseAppointmentPlace;
