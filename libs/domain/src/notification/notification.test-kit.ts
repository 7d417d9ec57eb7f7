import type { AppointmentBooked, AppointmentCancelled, AppointmentRequested, AppointmentRescheduled } from '../calendar/events';
import { fromZoned, type Instant } from '../shared/local-time';

export const at = (date: string, time: string): Instant => fromZoned(date, time, 'Europe/Berlin');
export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** A booked 30-minute appointment on 1 December 2026 (Berlin winter time) made on 20 November. */
export function booked(start = '09:00', extra: Partial<AppointmentBooked['data']> = {}): AppointmentBooked {
  const startsAt = at('2026-12-01', start);
  return {
    type: 'AppointmentBooked',
    data: {
      officeId: 'hbs', date: '2026-12-01', start, end: '', startsAt, endsAt: startsAt + 30 * MIN, slots: [start],
      services: [{ serviceId: 'personalausweis', quantity: 1 }], minutes: 30,
      appointmentId: 'appt-1', reference: 'HBS-7K3Q9F', language: 'de', sealedContact: { sealed: true }, contactKey: 'ck',
      holdId: 'hold-1', bookedAt: at('2026-11-20', '12:00'), rescheduledFrom: null,
      ...extra,
    },
  };
}

export function requested(extra: Partial<AppointmentRequested['data']> = {}): AppointmentRequested {
  const { bookedAt, rescheduledFrom, ...rest } = booked().data;
  void bookedAt; void rescheduledFrom;
  return { type: 'AppointmentRequested', data: { ...rest, activationTokenHash: 'h', requestedAt: at('2026-11-20', '12:00'), activationExpiresAt: at('2026-11-20', '12:30'), ...extra } };
}

export function cancelled(extra: Partial<AppointmentCancelled['data']> = {}): AppointmentCancelled {
  const { bookedAt, rescheduledFrom, holdId, ...rest } = booked().data;
  void bookedAt; void rescheduledFrom; void holdId;
  return { type: 'AppointmentCancelled', data: { ...rest, reason: 'citizen_request', by: 'citizen', cancelledAt: at('2026-11-25', '08:00'), wasBooked: true, quarantineUntil: 0, ...extra } };
}

export function rescheduled(newStart = '11:00', extra: Partial<AppointmentRescheduled['data']> = {}): AppointmentRescheduled {
  const old = booked().data;
  const { bookedAt, rescheduledFrom, holdId, ...rest } = booked(newStart).data;
  void bookedAt; void rescheduledFrom; void holdId;
  return {
    type: 'AppointmentRescheduled',
    data: { ...rest, from: { start: old.start, end: old.end, startsAt: old.startsAt, endsAt: old.endsAt, slots: old.slots }, rescheduledAt: at('2026-11-26', '15:00'), releasedSlots: [], quarantineUntil: 0, ...extra },
  };
}
