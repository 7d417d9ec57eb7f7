import { deciderSpec } from '../../test/decider-spec';
import { calendarDecider } from './decide';
import { at, ausweis, bookedAt, context, DAY, heldAt, history, MIN, NOW, placeHold, submitContact, withBooking } from './calendar.test-kit';

const spec = deciderSpec(calendarDecider);

describe('PlaceHold on a new calendar', () => {
  it('holds the slots the services need, until the hold time has passed', () => {
    spec.given([]).when(placeHold('09:00'), context()).then([{
      type: 'HoldPlaced',
      data: {
        holdId: 'id-1', officeId: 'hbs', date: DAY, start: '09:00', end: '09:15', startsAt: at(DAY, '09:00'), endsAt: at(DAY, '09:15'),
        slots: ['09:00'], services: ausweis, minutes: 15, placedAt: NOW, expiresAt: NOW + 10 * MIN,
      },
    }]);
  });

  it('rounds the total duration up to whole slots', () => {
    const services = [{ serviceId: 'personalausweis', quantity: 2 }, { serviceId: 'fuehrungszeugnis', quantity: 1 }];
    const { result } = spec.given([]).when(placeHold('10:00', services), context());
    expect(result.ok && result.value[0].data).toMatchObject({ minutes: 40, end: '10:45', slots: ['10:00', '10:15', '10:30'] });
  });

  it('refuses a start outside opening hours or a span that runs into the lunch break', () => {
    spec.given([]).when(placeHold('07:45'), context()).thenFails('outside_opening_hours', 'rule');
    spec.given([]).when(placeHold('12:00'), context()).thenFails('outside_opening_hours');
    spec.given([]).when(placeHold('11:45', [{ serviceId: 'reisepass', quantity: 2 }]), context()).thenFails('outside_opening_hours');
    spec.given([]).when(placeHold('15:30'), context()).thenFails('outside_opening_hours');
  });

  it('refuses a closed day: Sunday, public holiday, ad-hoc closure', () => {
    spec.given([]).when(placeHold('09:00', ausweis, { date: '2026-11-29' }), context()).thenFails('closed_day');
    spec.given([]).when(placeHold('09:00', ausweis, { date: '2026-12-25' }), context()).thenFails('closed_day');
    spec.given([]).when(placeHold('09:00', ausweis, { date: '2026-12-24' }), context()).thenFails('closed_day');
  });

  it('refuses the past, the lead time and both ends of the booking window', () => {
    spec.given([]).when(placeHold('09:00', ausweis, { date: '2026-11-23' }), context()).thenFails('in_past');
    const sameDay = withBooking({ window: { minDays: 0, maxDays: 60 } });
    spec.given([]).when(placeHold('11:45', ausweis, { date: '2026-11-23' }), context(NOW, sameDay)).thenFails('before_lead_time');
    spec.given([]).when(placeHold('14:00', ausweis, { date: '2026-11-23' }), context(NOW, sameDay)).then([expect.anything() as never]);
    spec.given([]).when(placeHold('14:00', ausweis, { date: '2026-11-23' }), context()).thenFails('before_window');
    spec.given([]).when(placeHold('09:00', ausweis, { date: '2027-01-22' }), context()).then([expect.anything() as never]);
    spec.given([]).when(placeHold('09:00', ausweis, { date: '2027-01-25' }), context()).thenFails('beyond_window');
  });

  it('refuses bad service choices with their own reasons', () => {
    spec.given([]).when(placeHold('09:00', [{ serviceId: 'hundesteuer', quantity: 1 }]), context()).thenFails('unknown_service', 'not_found');
    spec.given([]).when(placeHold('09:00', [{ serviceId: 'reisepass', quantity: 9 }]), context()).thenFails('quantity_too_high');
    spec.given([]).when(placeHold('09:00', [{ serviceId: 'anmeldung', quantity: 1 }, { serviceId: 'ummeldung', quantity: 1 }]), context()).thenFails('not_combinable');
  });

  it('refuses malformed requests', () => {
    spec.given([]).when(placeHold('09:00', ausweis, { officeId: 'wernigerode' }), context()).thenFails('unknown_office');
    spec.given([]).when(placeHold('09:05'), context()).thenFails('off_slot_grid', 'invalid');
    spec.given([]).when(placeHold('9:00'), context()).thenFails('invalid_time');
    spec.given([]).when(placeHold('09:00', ausweis, { date: '2026-02-30' }), context()).thenFails('invalid_time');
  });
});

describe('PlaceHold on a calendar with holds and appointments', () => {
  const twoHolds = [...heldAt('09:00', 'h1'), ...heldAt('09:00', 'h2')];

  it('refuses a slot whose online capacity is used up (two counters in the morning)', () => {
    spec.given(twoHolds).when(placeHold('09:00'), context()).thenFails('no_capacity', 'conflict');
    spec.given(twoHolds).when(placeHold('08:45', [{ serviceId: 'reisepass', quantity: 2 }]), context()).thenFails('no_capacity');
    spec.given(twoHolds).when(placeHold('09:15'), context()).then([expect.anything() as never]);
  });

  it('offers three places in the afternoon', () => {
    const three = ['a', 'b', 'c'].flatMap((id) => heldAt('14:00', id));
    spec.given(three).when(placeHold('14:00'), context()).thenFails('no_capacity');
  });

  it('treats holds as gone once their hold time has passed', () => {
    spec.given(twoHolds).when(placeHold('09:00'), context(NOW + 10 * MIN)).then([expect.anything() as never]);
  });

  it('treats an appointment as gone once its activation time has passed unactivated', () => {
    const requested = history([[submitContact('h1'), context()]], twoHolds);
    spec.given(requested).when(placeHold('09:00'), context(NOW + 11 * MIN)).then([expect.anything() as never]);
    spec.given(requested).when(placeHold('09:00'), context(NOW + 9 * MIN)).thenFails('no_capacity');
  });

  it('holds a cancelled slot back for the quarantine time', () => {
    const cancelled = history([[{ type: 'Cancel', data: { appointmentId: 'appt-b', reason: 'citizen_request', by: 'citizen' } }, context(NOW + 2 * MIN)]], bookedAt('09:00', 'b', 'ck-bert', bookedAt('09:00', 'a')));
    spec.given(cancelled).when(placeHold('09:00'), context(NOW + 16 * MIN)).thenFails('no_capacity');
    spec.given(cancelled).when(placeHold('09:00'), context(NOW + 3 * MIN)).thenFails('no_capacity');
    spec.given(cancelled).when(placeHold('09:00'), context(NOW + 17 * MIN)).then([expect.anything() as never]);
  });

  it('refuses a command for another day or office', () => {
    spec.given(twoHolds).when(placeHold('09:00', ausweis, { date: '2026-11-25' }), context()).thenFails('wrong_calendar');
  });
});

describe('PlaceHold repeated with the same hold id', () => {
  const held = heldAt('09:00', 'h1');

  it('changes nothing when it asks for the same', () => {
    spec.given(held).when(placeHold('09:00', ausweis, { holdId: 'h1' }), context()).thenNothing();
  });

  it('changes nothing once the hold became an appointment', () => {
    spec.given(history([[submitContact('h1'), context()]], held)).when(placeHold('09:00', ausweis, { holdId: 'h1' }), context()).thenNothing();
  });

  it('refuses the id for something else, and an expired one', () => {
    spec.given(held).when(placeHold('10:00', ausweis, { holdId: 'h1' }), context()).thenFails('hold_id_taken');
    spec.given(held).when(placeHold('09:00', ausweis, { holdId: 'h1' }), context(NOW + 10 * MIN)).thenFails('hold_expired');
  });

  it('places a new hold under a fresh client id', () => {
    const { result } = spec.given(held).when(placeHold('09:00', ausweis, { holdId: 'h2' }), context());
    expect(result).toMatchObject({ ok: true, value: [{ type: 'HoldPlaced', data: { holdId: 'h2' } }] });
  });

});
