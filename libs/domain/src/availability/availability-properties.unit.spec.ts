import fc from 'fast-check';
import { calendarDecider } from '../calendar/decide';
import { DAY, MIN } from '../calendar/calendar.test-kit';
import { catalogOf, gridTimes, play, scenarioArb, serviceSets } from '../calendar/calendar.arbitraries';
import { availability } from './availability';

describe('availability properties', () => {
  it('offers exactly the starts that decide accepts as a hold', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(serviceSets.length - 1), fc.nat(20), (scenario, serviceIndex, laterMinutes) => {
        const { state, now: lastNow } = play(scenario);
        const catalog = catalogOf(scenario.setup);
        const now = lastNow + laterMinutes * MIN;
        const services = serviceSets[serviceIndex];
        const result = availability(catalog, 'hbs', services, { from: DAY, to: DAY }, { [DAY]: state }, now);
        if (!result.ok) throw new Error(result.error.code);
        const offered = new Set(result.value[0].starts);
        for (const start of gridTimes) {
          const decided = calendarDecider.decide({ type: 'PlaceHold', data: { officeId: 'hbs', date: DAY, start, services } }, state, { now, catalog, newId: () => 'probe' });
          if (decided.ok !== offered.has(start)) return false;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
