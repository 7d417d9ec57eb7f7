import type { CalendarEvent, QueueEvent } from '@app/domain';
import type { ExpectedAppointmentView, ExpectedStatus } from '@app/contracts';
import type { EmailFailure } from './email-failures';

/** One appointment of the day as the front desk expects it. No contact data: it stays sealed. */
export interface ExpectedAppointment {
  readonly appointmentId: string;
  readonly reference: string;
  readonly start: string;
  readonly startsAt: number;
  readonly services: readonly { serviceId: string; quantity: number }[];
  readonly status: ExpectedStatus;
  readonly ticketNumber?: string;
}

export type ExpectedAppointments = ReadonlyMap<string, ExpectedAppointment>;

/**
 * The day's expected appointments from the calendar aggregate's events. A requested (not yet
 * activated) appointment is not expected; a cancelled one stays listed as cancelled so that a
 * check-in with its reference is refused with the right reason.
 */
export function evolveExpectedByCalendar(current: ExpectedAppointments, event: CalendarEvent): ExpectedAppointments {
  switch (event.type) {
    case 'AppointmentBooked':
    case 'AppointmentRescheduled': {
      const d = event.data;
      const previous = current.get(d.appointmentId);
      const next: ExpectedAppointment = {
        appointmentId: d.appointmentId, reference: d.reference, start: d.start, startsAt: d.startsAt, services: d.services,
        status: previous?.status === 'checked_in' ? 'checked_in' : 'booked', ticketNumber: previous?.ticketNumber,
      };
      return new Map(current).set(d.appointmentId, next);
    }
    case 'AppointmentCancelled': {
      const d = event.data;
      if (!d.wasBooked) return current;
      const previous = current.get(d.appointmentId);
      const base = previous ?? { appointmentId: d.appointmentId, reference: d.reference, start: d.start, startsAt: d.startsAt, services: d.services };
      return new Map(current).set(d.appointmentId, { ...base, status: 'cancelled' });
    }
    case 'HoldPlaced':
    case 'AppointmentRequested':
      return current;
    default:
      return current;
  }
}

/** A check-in (on time, or late and turned walk-in) marks the appointment as checked in. */
export function evolveExpectedByQueue(current: ExpectedAppointments, event: QueueEvent): ExpectedAppointments {
  if (event.type !== 'BookedCustomerCheckedIn' && event.type !== 'WalkInTicketIssued') return current;
  const appointment = event.data.appointment;
  if (appointment === undefined) return current;
  const previous = current.get(appointment.appointmentId);
  if (previous === undefined) return current;
  return new Map(current).set(appointment.appointmentId, { ...previous, status: 'checked_in', ticketNumber: event.data.number });
}

export function findByReference(expected: ExpectedAppointments, reference: string): ExpectedAppointment | undefined {
  const wanted = reference.trim().toUpperCase();
  for (const a of expected.values()) if (a.reference.toUpperCase() === wanted) return a;
  return undefined;
}

export function expectedView(a: ExpectedAppointment, emailFailure?: EmailFailure): ExpectedAppointmentView {
  return {
    appointmentId: a.appointmentId, reference: a.reference, start: a.start, startsAt: new Date(a.startsAt).toISOString(),
    services: a.services, status: a.status, ...(a.ticketNumber ? { ticketNumber: a.ticketNumber } : {}),
    ...(emailFailure ? { emailFailed: true, emailFailure: { ...emailFailure, failedAt: new Date(emailFailure.failedAt).toISOString() } } : {}),
  };
}
