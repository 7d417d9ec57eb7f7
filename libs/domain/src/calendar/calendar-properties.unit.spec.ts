import fc from 'fast-check';
import { onlineCapacityAt } from '../catalog/office-schedule';
import { timeToMinutes } from '../shared/local-time';
import { calendarDecider } from './decide';
import type { CalendarEvent } from './events';
import { catalogOf, play, scenarioArb } from './calendar.arbitraries';
import type { CalendarState } from './state';

/** Counted here from the raw state, independently of the `occupancy` that decide uses. */
function takenAt(state: CalendarState, now: number): Map<string, number> {
  const taken = new Map<string, number>();
  if (state.status === 'new') return taken;
  const count = (slots: readonly string[]) => slots.forEach((s) => taken.set(s, (taken.get(s) ?? 0) + 1));
  for (const hold of Object.values(state.holds)) if (now < hold.expiresAt) count(hold.slots);
  for (const a of Object.values(state.appointments)) {
    if (a.status === 'booked' || (a.status === 'awaiting_activation' && now < a.activationExpiresAt)) count(a.slots);
  }
  for (const q of state.quarantines) if (now < q.until) count(q.slots);
  return taken;
}

const fold = (events: readonly CalendarEvent[]) => events.reduce(calendarDecider.evolve, calendarDecider.initialState);

describe('calendar properties', () => {
  it('never takes more online places in a slot than the capacity of its time band', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const office = catalogOf(scenario.setup).offices[0];
        for (const { state, now } of play(scenario).trace) {
          if (state.status === 'new') continue;
          for (const [slot, count] of takenAt(state, now)) {
            if (count > onlineCapacityAt(office, state.date, timeToMinutes(slot))) return false;
          }
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same state when the same events are folded again, in one go or in two parts, after a JSON round trip', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (scenario, cut) => {
        const { events, state } = play(scenario);
        const split = events.length === 0 ? 0 : cut % events.length;
        const twoParts = events.slice(split).reduce(calendarDecider.evolve, fold(events.slice(0, split)));
        const replayed = fold(JSON.parse(JSON.stringify(events)) as CalendarEvent[]);
        expect(fold(events)).toEqual(state);
        expect(twoParts).toEqual(state);
        expect(replayed).toEqual(state);
      }),
      { numRuns: 1000 },
    );
  });

  it('reconstructs every booked appointment from its events alone', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { events, state } = play(scenario);
        if (state.status === 'new') return;
        for (const a of Object.values(state.appointments)) {
          if (a.status !== 'booked') continue;
          const last = [...events].reverse().find((e) => e.type !== 'HoldPlaced' && 'appointmentId' in e.data && e.data.appointmentId === a.appointmentId)!;
          expect(last.data).toMatchObject({ start: a.start, end: a.end, slots: a.slots, services: a.services, reference: a.reference, contactKey: a.contactKey, sealedContact: a.sealedContact });
        }
      }),
      { numRuns: 1000 },
    );
  });
});
