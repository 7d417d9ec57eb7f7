import { deciderSpec } from '../../test/decider-spec';
import { catalog, MIN, NOW } from '../calendar/calendar.test-kit';
import type { ContactCommand, ReserveAppointmentPlace } from './commands';
import { contactDecider } from './decide';
import type { ContactEvent } from './events';
import type { ContactContext } from './state';

const spec = deciderSpec(contactDecider);
const ctx = (now = NOW): ContactContext => ({ now, catalog });
const DAY_END = NOW + 24 * 60 * MIN;
const reserve = (placeId: string, extra: Partial<ReserveAppointmentPlace['data']> = {}): ReserveAppointmentPlace => ({
  type: 'ReserveAppointmentPlace', data: { contactKey: 'ck-anna', placeId, officeId: 'hbs', date: '2026-11-24', endsAt: DAY_END, expiresAt: NOW + 40 * MIN, ...extra },
});
const confirm = (placeId: string, appointmentId = `appt-${placeId}`): ContactCommand => ({ type: 'ConfirmAppointmentPlace', data: { contactKey: 'ck-anna', placeId, appointmentId } });
const release = (placeId: string): ContactCommand => ({ type: 'ReleaseAppointmentPlace', data: { contactKey: 'ck-anna', placeId, reason: 'cancelled' } });
const move = (placeId: string, date = '2026-11-30', endsAt = DAY_END + 6 * 24 * 60 * MIN): ContactCommand => ({
  type: 'MoveAppointmentPlace', data: { contactKey: 'ck-anna', placeId, appointmentId: 'appt-new', officeId: 'hbs', date, endsAt },
});

function run(commands: readonly ContactCommand[], now = NOW): ContactEvent[] {
  const events: ContactEvent[] = [];
  for (const command of commands) {
    const result = contactDecider.decide(command, events.reduce(contactDecider.evolve, contactDecider.initialState), ctx(now));
    if (!result.ok) throw new Error(result.error.code);
    events.push(...result.value);
  }
  return events;
}
const threeConfirmed = run(['p1', 'p2', 'p3'].flatMap((p) => [reserve(p), confirm(p)]));

describe('ReserveAppointmentPlace', () => {
  it('reserves a place while the contact is under the limit', () => {
    spec.given([]).when(reserve('p1'), ctx()).then([{
      type: 'AppointmentPlaceReserved',
      data: { contactKey: 'ck-anna', placeId: 'p1', officeId: 'hbs', date: '2026-11-24', endsAt: DAY_END, expiresAt: NOW + 40 * MIN, reservedAt: NOW, limit: 3 },
    }]);
  });

  it('refuses a fourth open appointment, across days', () => {
    spec.given(threeConfirmed).when(reserve('p4', { date: '2026-12-10' }), ctx()).thenFails('contact_limit', 'rule');
  });

  it('counts places free again once released, expired unconfirmed, or past', () => {
    spec.given([...threeConfirmed, ...runOn(threeConfirmed, [release('p3')])]).when(reserve('p4'), ctx()).then([expect.anything() as never]);
    const twoAndReserved = run([reserve('p1'), confirm('p1'), reserve('p2'), confirm('p2'), reserve('p3')]);
    spec.given(twoAndReserved).when(reserve('p4'), ctx(NOW + 39 * MIN)).thenFails('contact_limit');
    spec.given(twoAndReserved).when(reserve('p4'), ctx(NOW + 40 * MIN)).then([expect.anything() as never]);
    spec.given(threeConfirmed).when(reserve('p4'), ctx(DAY_END)).then([expect.anything() as never]);
  });

  it('changes nothing when repeated, and refuses a released place id', () => {
    spec.given(threeConfirmed).when(reserve('p1'), ctx()).thenNothing();
    spec.given([...threeConfirmed, ...runOn(threeConfirmed, [release('p1')])]).when(reserve('p1'), ctx()).thenFails('place_released');
  });

  it('refuses an unknown office', () => {
    spec.given([]).when(reserve('p1', { officeId: 'qlb' }), ctx()).thenFails('unknown_office');
  });
});

describe('ConfirmAppointmentPlace', () => {
  const reserved = run([reserve('p1')]);

  it('confirms the reservation for the booked appointment', () => {
    spec.given(reserved).when(confirm('p1'), ctx()).then([{ type: 'AppointmentPlaceConfirmed', data: { contactKey: 'ck-anna', placeId: 'p1', appointmentId: 'appt-p1', confirmedAt: NOW } }]);
  });

  it('changes nothing when repeated, and refuses another appointment for the place', () => {
    const given = [...reserved, ...runOn(reserved, [confirm('p1')])];
    spec.given(given).when(confirm('p1'), ctx()).thenNothing();
    spec.given(given).when(confirm('p1', 'appt-x'), ctx()).thenFails('place_taken');
  });

  it('refuses an unknown or released place', () => {
    spec.given([]).when(confirm('p1'), ctx()).thenFails('place_unknown', 'not_found');
    spec.given([...reserved, ...runOn(reserved, [release('p1')])]).when(confirm('p1'), ctx()).thenFails('place_released');
  });
});

describe('MoveAppointmentPlace', () => {
  it('moves the place with its appointment to another day, without needing a spare place', () => {
    spec.given(threeConfirmed).when(move('p1'), ctx()).then([{
      type: 'AppointmentPlaceMoved',
      data: { contactKey: 'ck-anna', placeId: 'p1', appointmentId: 'appt-new', officeId: 'hbs', date: '2026-11-30', endsAt: DAY_END + 6 * 24 * 60 * MIN, movedAt: NOW },
    }]);
  });

  it('changes nothing when repeated', () => {
    spec.given([...threeConfirmed, ...runOn(threeConfirmed, [move('p1')])]).when(move('p1'), ctx()).thenNothing();
  });

  it('refuses an unknown or released place', () => {
    spec.given([]).when(move('p1'), ctx()).thenFails('place_unknown');
    spec.given([...threeConfirmed, ...runOn(threeConfirmed, [release('p1')])]).when(move('p1'), ctx()).thenFails('place_released');
  });
});

describe('ReleaseAppointmentPlace', () => {
  it('releases the place with its reason', () => {
    spec.given(threeConfirmed).when(release('p2'), ctx()).then([{ type: 'AppointmentPlaceReleased', data: { contactKey: 'ck-anna', placeId: 'p2', reason: 'cancelled', releasedAt: NOW } }]);
  });

  it('changes nothing when repeated, and refuses an unknown place', () => {
    spec.given([...threeConfirmed, ...runOn(threeConfirmed, [release('p2')])]).when(release('p2'), ctx()).thenNothing();
    spec.given([]).when(release('p2'), ctx()).thenFails('place_unknown');
  });
});

describe('evolve of the contact', () => {
  it('ignores confirm and release events for places it never saw', () => {
    const events: ContactEvent[] = [
      { type: 'AppointmentPlaceConfirmed', data: { contactKey: 'ck', placeId: 'x', appointmentId: 'a', confirmedAt: NOW } },
      { type: 'AppointmentPlaceReleased', data: { contactKey: 'ck', placeId: 'x', reason: 'expired', releasedAt: NOW } },
    ];
    expect(events.reduce(contactDecider.evolve, contactDecider.initialState)).toEqual({ places: {} });
  });
});

/** Events that `commands` add on top of `given`. */
function runOn(given: readonly ContactEvent[], commands: readonly ContactCommand[]): ContactEvent[] {
  const events = [...given];
  for (const command of commands) {
    const result = contactDecider.decide(command, events.reduce(contactDecider.evolve, contactDecider.initialState), ctx());
    if (!result.ok) throw new Error(result.error.code);
    events.push(...result.value);
  }
  return events.slice(given.length);
}
