import { deciderSpec } from '../../test/decider-spec';
import type { Cancel, Reschedule } from './commands';
import { calendarDecider } from './decide';
import { at, ausweis, bookedAt, context, DAY, heldAt, history, MIN, NOW, submitContact } from './calendar.test-kit';

const spec = deciderSpec(calendarDecider);
const cancel = (appointmentId = 'appt-h1', reason: Cancel['data']['reason'] = 'citizen_request', by: Cancel['data']['by'] = 'citizen'): Cancel => ({
  type: 'Cancel', data: { appointmentId, reason, by },
});
const reschedule = (start: string, appointmentId = 'appt-h1'): Reschedule => ({ type: 'Reschedule', data: { appointmentId, start } });
const booked = bookedAt('09:00', 'h1');
const who = { appointmentId: 'appt-h1', reference: 'HBS-7K3Q9F', language: 'de' as const, sealedContact: { v: 1, box: 'sealed-bytes' }, contactKey: 'ck-anna' };

describe('Cancel a booked appointment', () => {
  it('cancels it with reason and actor and holds its slots back against trading', () => {
    spec.given(booked).when(cancel(), context(NOW + 60 * MIN)).then([{
      type: 'AppointmentCancelled',
      data: {
        officeId: 'hbs', date: DAY, start: '09:00', end: '09:15', startsAt: at(DAY, '09:00'), endsAt: at(DAY, '09:15'), slots: ['09:00'],
        services: ausweis, minutes: 15, ...who,
        reason: 'citizen_request', by: 'citizen', cancelledAt: NOW + 60 * MIN, wasBooked: true, quarantineUntil: NOW + 75 * MIN,
      },
    }]);
  });

  it('refuses once the appointment has started', () => {
    spec.given(booked).when(cancel(), context(at(DAY, '09:00'))).thenFails('in_past');
  });

  it('refuses an unknown appointment', () => {
    spec.given(booked).when(cancel('nope'), context()).thenFails('appointment_unknown', 'not_found');
    spec.given([]).when(cancel(), context()).thenFails('appointment_unknown');
  });
});

describe('Cancel an appointment awaiting activation', () => {
  const requested = history([[submitContact('h1'), { ...context(), newId: () => 'appt-h1' }]], heldAt('09:00', 'h1'));

  it('cancels it and records that it was never booked', () => {
    const { result } = spec.given(requested).when(cancel('appt-h1', 'staff_decision', 'staff'), context());
    expect(result).toMatchObject({ ok: true, value: [{ type: 'AppointmentCancelled', data: { wasBooked: false, by: 'staff' } }] });
  });

  it('refuses once it expired unactivated', () => {
    spec.given(requested).when(cancel(), context(NOW + 30 * MIN)).thenFails('activation_expired');
  });
});

describe('Cancel a cancelled appointment', () => {
  const cancelled = history([[cancel(), context()]], booked);

  it('changes nothing when repeated', () => {
    spec.given(cancelled).when(cancel(), context(NOW + 5 * MIN)).thenNothing();
  });

  it('refuses a different cancellation', () => {
    spec.given(cancelled).when(cancel('appt-h1', 'office_closure', 'staff'), context()).thenFails('already_cancelled', 'conflict');
  });
});

describe('Reschedule a booked appointment on the same day', () => {
  it('moves it, describing the old and new place, and holds the freed slots back', () => {
    spec.given(booked).when(reschedule('10:30'), context(NOW + 5 * MIN)).then([{
      type: 'AppointmentRescheduled',
      data: {
        officeId: 'hbs', date: DAY, start: '10:30', end: '10:45', startsAt: at(DAY, '10:30'), endsAt: at(DAY, '10:45'), slots: ['10:30'],
        services: ausweis, minutes: 15, ...who,
        from: { start: '09:00', end: '09:15', startsAt: at(DAY, '09:00'), endsAt: at(DAY, '09:15'), slots: ['09:00'] },
        rescheduledAt: NOW + 5 * MIN, releasedSlots: ['09:00'], quarantineUntil: NOW + 20 * MIN,
      },
    }]);
  });

  it('does not compete with itself, and releases only the slots it leaves', () => {
    const long = history([
      [{ type: 'PlaceHold', data: { officeId: 'hbs', date: DAY, start: '09:00', services: [{ serviceId: 'reisepass', quantity: 2 }], holdId: 'h1' } }, context()],
      [submitContact('h1'), { ...context(), newId: () => 'appt-h1' }],
      [{ type: 'Activate', data: { appointmentId: 'appt-h1', tokenHash: 'hash-of-token' } }, context()],
    ], heldAt('09:15', 'other'));
    const { result } = spec.given(long).when(reschedule('09:15'), context());
    expect(result).toMatchObject({ ok: true, value: [{ data: { slots: ['09:15', '09:30'], releasedSlots: ['09:00'] } }] });
  });

  it('refuses a full slot and the time rules of a new booking', () => {
    const full = [...heldAt('10:30', 'x'), ...heldAt('10:30', 'y')];
    spec.given([...booked, ...full]).when(reschedule('10:30'), context()).thenFails('no_capacity');
    spec.given(booked).when(reschedule('12:00'), context()).thenFails('outside_opening_hours');
  });

  it('changes nothing when moved to where it already is', () => {
    spec.given(booked).when(reschedule('09:00'), context()).thenNothing();
  });

  it('refuses once the appointment has started', () => {
    spec.given(booked).when(reschedule('11:00'), context(at(DAY, '09:05'))).thenFails('in_past');
  });
});

describe('Reschedule an appointment that is not booked', () => {
  it('refuses one still awaiting activation', () => {
    const requested = history([[submitContact('h1'), { ...context(), newId: () => 'appt-h1' }]], heldAt('09:00', 'h1'));
    spec.given(requested).when(reschedule('10:00'), context()).thenFails('not_activated');
  });

  it('refuses a cancelled or unknown one', () => {
    spec.given(history([[cancel(), context()]], booked)).when(reschedule('10:00'), context()).thenFails('already_cancelled');
    spec.given(booked).when(reschedule('10:00', 'nope'), context()).thenFails('appointment_unknown');
  });
});
