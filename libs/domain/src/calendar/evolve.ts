import { assertNever } from '../shared/decider';
import type { AppointmentWhat, AppointmentWhere, CalendarEvent } from './events';
import type { Appointment, CalendarState, OpenCalendar } from './state';

/** Folds one calendar event into the state. Never throws, never validates: decide already did. */
export function evolveCalendar(state: CalendarState, event: CalendarEvent): CalendarState {
  const open = opened(state, event.data);
  switch (event.type) {
    case 'HoldPlaced': {
      return { ...open, holds: { ...open.holds, [event.data.holdId]: { ...event.data, extensions: 0 } } };
    }
    case 'HoldExtended': {
      const hold = open.holds[event.data.holdId];
      if (!hold) return open;
      return { ...open, holds: { ...open.holds, [hold.holdId]: { ...hold, expiresAt: event.data.expiresAt, extensions: event.data.extensions } } };
    }
    case 'AppointmentRequested': {
      const { requestedAt: _requestedAt, ...rest } = event.data;
      return putAppointment(withoutHold(open, rest.holdId), { ...rest, status: 'awaiting_activation' });
    }
    case 'AppointmentBooked':
      return putAppointment(withoutHold(open, event.data.holdId), { ...event.data, status: 'booked' });
    case 'AppointmentCancelled': {
      const { quarantineUntil, wasBooked: _wasBooked, ...rest } = event.data;
      const holdId = open.appointments[rest.appointmentId]?.holdId ?? '';
      const next = putAppointment(open, { ...rest, holdId, status: 'cancelled' });
      return { ...next, quarantines: [...next.quarantines, { slots: rest.slots, until: quarantineUntil }] };
    }
    case 'AppointmentRescheduled':
      return rescheduled(open, event.data);
    default:
      return assertNever(event);
  }
}

function opened(state: CalendarState, data: { officeId: string; date: string }): OpenCalendar {
  return state.status === 'open' ? state : { status: 'open', officeId: data.officeId, date: data.date, holds: {}, appointments: {}, quarantines: [] };
}

function withoutHold(state: OpenCalendar, holdId: string): OpenCalendar {
  const { [holdId]: _used, ...holds } = state.holds;
  return { ...state, holds };
}

function putAppointment(state: OpenCalendar, appointment: Appointment): OpenCalendar {
  return { ...state, appointments: { ...state.appointments, [appointment.appointmentId]: appointment } };
}

function rescheduled(state: OpenCalendar, data: Extract<CalendarEvent, { type: 'AppointmentRescheduled' }>['data']): OpenCalendar {
  const current = state.appointments[data.appointmentId];
  if (!current) return state;
  const where: AppointmentWhere & AppointmentWhat = {
    officeId: data.officeId, date: data.date, start: data.start, end: data.end, startsAt: data.startsAt, endsAt: data.endsAt,
    slots: data.slots, services: data.services, minutes: data.minutes,
  };
  const next = putAppointment(state, { ...current, ...where });
  return data.releasedSlots.length === 0 ? next : { ...next, quarantines: [...next.quarantines, { slots: data.releasedSlots, until: data.quarantineUntil }] };
}

