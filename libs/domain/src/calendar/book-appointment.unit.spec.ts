import { deciderSpec } from '../../test/decider-spec';
import type { Activate, ConfirmReschedule } from './commands';
import { calendarDecider } from './decide';
import { at, ausweis, bookedAt, context, DAY, heldAt, history, MIN, NOW, submitContact, withBooking } from './calendar.test-kit';

const spec = deciderSpec(calendarDecider);
const sealedContact = { v: 1, box: 'sealed-bytes' };
const where = { officeId: 'hbs', date: DAY, start: '09:00', end: '09:15', startsAt: at(DAY, '09:00'), endsAt: at(DAY, '09:15'), slots: ['09:00'], services: ausweis, minutes: 15 };
const who = { appointmentId: 'id-1', reference: 'HBS-7K3Q9F', language: 'de' as const, sealedContact, contactKey: 'ck-anna' };
const activate = (tokenHash = 'hash-of-token', appointmentId = 'id-1'): Activate => ({ type: 'Activate', data: { appointmentId, tokenHash } });
const times: Record<string, string> = { a: '10:00', b: '10:15', c: '10:30' };
const threeBookedAfter = (events: ReturnType<typeof heldAt>) => ['a', 'b', 'c'].reduce((acc, id) => bookedAt(times[id], id, 'ck-anna', acc), events);
const confirmReschedule = (holdId: string, fromAppointmentId = 'appt-old', contactKey = 'ck-anna'): ConfirmReschedule => ({
  type: 'ConfirmReschedule',
  data: { holdId, from: { date: '2026-11-30', appointmentId: fromAppointmentId }, reference: 'HBS-7K3Q9F', sealedContact, contactKey, language: 'de' },
});

describe('SubmitContact on a calendar with a live hold', () => {
  const held = heldAt('09:00', 'h1');

  it('turns the hold into an appointment that waits for email activation', () => {
    spec.given(held).when(submitContact('h1'), context(NOW + 3 * MIN)).then([{
      type: 'AppointmentRequested',
      data: { ...where, ...who, holdId: 'h1', activationTokenHash: 'hash-of-token', requestedAt: NOW + 3 * MIN, activationExpiresAt: NOW + 33 * MIN },
    }]);
  });

  it('books at once where the office requires no activation', () => {
    spec.given(held).when(submitContact('h1'), context(NOW, withBooking({ requiresActivation: false }))).then([{
      type: 'AppointmentBooked', data: { ...where, ...who, holdId: 'h1', bookedAt: NOW, rescheduledFrom: null },
    }]);
  });

  it('refuses a contact who already has the maximum of open appointments', () => {
    const three = threeBookedAfter(held);
    spec.given(three).when(submitContact('h1'), context()).thenFails('contact_limit', 'rule');
    spec.given(three).when(submitContact('h1', 'ck-bert'), context()).then([expect.anything() as never]);
  });

  it('does not count cancelled appointments against the limit', () => {
    const three = threeBookedAfter(held);
    const oneCancelled = history([[{ type: 'Cancel', data: { appointmentId: 'appt-b', reason: 'citizen_request', by: 'citizen' } }, context()]], three);
    spec.given(oneCancelled).when(submitContact('h1'), context()).then([expect.anything() as never]);
  });
});

describe('SubmitContact without a live hold', () => {
  it('refuses an unknown hold', () => {
    spec.given([]).when(submitContact('h1'), context()).thenFails('hold_unknown', 'not_found');
    spec.given(heldAt('09:00', 'h2')).when(submitContact('h1'), context()).thenFails('hold_unknown');
  });

  it('refuses an expired hold', () => {
    spec.given(heldAt('09:00', 'h1')).when(submitContact('h1'), context(NOW + 10 * MIN)).thenFails('hold_expired', 'conflict');
  });

  it('changes nothing when the same contact submits again, and refuses another contact', () => {
    const requested = history([[submitContact('h1'), context()]], heldAt('09:00', 'h1'));
    spec.given(requested).when(submitContact('h1'), context()).thenNothing();
    spec.given(requested).when(submitContact('h1', 'ck-bert'), context()).thenFails('hold_used');
  });
});

describe('Activate an appointment awaiting activation', () => {
  const requested = history([[submitContact('h1'), context()]], heldAt('09:00', 'h1'));

  it('books it with every detail notifications and the front desk need', () => {
    spec.given(requested).when(activate(), context(NOW + 5 * MIN)).then([{
      type: 'AppointmentBooked', data: { ...where, ...who, holdId: 'h1', bookedAt: NOW + 5 * MIN, rescheduledFrom: null },
    }]);
  });

  it('refuses a wrong token', () => {
    spec.given(requested).when(activate('other-hash'), context()).thenFails('activation_token_invalid', 'forbidden');
  });

  it('refuses once the activation time has passed', () => {
    spec.given(requested).when(activate(), context(NOW + 30 * MIN)).thenFails('activation_expired');
  });

  it('refuses an unknown appointment', () => {
    spec.given(requested).when(activate('hash-of-token', 'nope'), context()).thenFails('appointment_unknown');
    spec.given([]).when(activate(), context()).thenFails('appointment_unknown');
  });
});

describe('Activate a booked or cancelled appointment', () => {
  it('changes nothing when the link is followed again', () => {
    spec.given(bookedAt('09:00', 'h1')).when(activate('hash-of-token', 'appt-h1'), context()).thenNothing();
  });

  it('refuses a cancelled appointment', () => {
    const cancelled = history([[{ type: 'Cancel', data: { appointmentId: 'id-1', reason: 'citizen_request', by: 'citizen' } }, context()]],
      history([[submitContact('h1'), context()]], heldAt('09:00', 'h1')));
    spec.given(cancelled).when(activate(), context()).thenFails('already_cancelled');
  });
});

describe('ConfirmReschedule on the target day', () => {
  const held = heldAt('09:00', 'h1');

  it('books the hold at once, carrying the reference and contact over from the source day', () => {
    spec.given(held).when(confirmReschedule('h1'), context()).then([{
      type: 'AppointmentBooked',
      data: { ...where, ...who, holdId: 'h1', bookedAt: NOW, rescheduledFrom: { date: '2026-11-30', appointmentId: 'appt-old' } },
    }]);
  });

  it('changes nothing when repeated, and refuses the hold for another source', () => {
    const moved = history([[confirmReschedule('h1'), context()]], held);
    spec.given(moved).when(confirmReschedule('h1'), context()).thenNothing();
    spec.given(moved).when(confirmReschedule('h1', 'appt-other'), context()).thenFails('hold_used');
  });

  it('refuses an unknown or expired hold', () => {
    spec.given([]).when(confirmReschedule('h1'), context()).thenFails('hold_unknown');
    spec.given(held).when(confirmReschedule('h1'), context(NOW + 11 * MIN)).thenFails('hold_expired');
  });

  it('refuses when the contact already has the maximum of open appointments on this day', () => {
    const three = threeBookedAfter(held);
    spec.given(three).when(confirmReschedule('h1'), context()).thenFails('contact_limit');
  });
});
