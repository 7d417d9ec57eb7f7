import fc from 'fast-check';
import { evolveFlow, evolveFlowBatch, initialFlowState } from './flow-state';
import { flowFigures } from './flow-figures';
import { flowCounterSessions, flowStateFigures, flowVisits } from './flow-visits';
import { visitsToCsv } from './visit-csv';
import { simulateWhatIf, whatIfArrivals } from './what-if';
import { DATE, OFFICE, digest, staffedDay, type DayArrival } from './flow.test-kit';
import type { FlowEvent } from './types';

const RUNS = { numRuns: 1000 };
const arrival: fc.Arbitrary<DayArrival> = fc.record({
  minute: fc.integer({ min: 0, max: 240 }),
  kind: fc.constantFrom('booked' as const, 'walk_in' as const),
  early: fc.integer({ min: -15, max: 30 }),
  serviceId: fc.constantFrom('ausweis', 'meldung'),
  duration: fc.integer({ min: 1, max: 30 }),
});
const day = fc.record({ arrivals: fc.array(arrival, { maxLength: 25 }), counters: fc.integer({ min: 1, max: 3 }) });

/** Everything the analytics service serialises: visits, figures and the CSV export. */
function output(events: readonly FlowEvent[], fold: (events: readonly FlowEvent[]) => ReturnType<typeof initialFlowState>) {
  const state = fold(events);
  const visits = flowVisits(state);
  return JSON.stringify({ visits, figures: flowFigures(visits, { from: DATE, to: DATE }, flowCounterSessions(state)), csv: visitsToCsv(visits) });
}
const oneByOne = (events: readonly FlowEvent[]) => events.reduce(evolveFlow, initialFlowState());

describe('customer flow properties (1000 random days each)', () => {
  it('replaying the same events twice gives byte-identical output (digest compared)', () => {
    fc.assert(fc.property(day, ({ arrivals, counters }) => {
      const events = staffedDay(arrivals, counters);
      const first = output(events, oneByOne);
      const second = output(events, oneByOne);
      expect(digest(second)).toBe(digest(first));
      expect(second).toBe(first);
    }), RUNS);
  });

  it('folding in batches of any sizes gives the same bytes as one event at a time', () => {
    fc.assert(fc.property(day, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), ({ arrivals, counters }, sizes) => {
      const events = staffedDay(arrivals, counters);
      const batched = (all: readonly FlowEvent[]) => {
        const state = initialFlowState();
        for (let i = 0, k = 0; i < all.length; k += 1) {
          const size = sizes[k % sizes.length];
          evolveFlowBatch(state, all.slice(i, i + size));
          i += size;
        }
        return state;
      };
      expect(digest(output(events, batched))).toBe(digest(output(events, oneByOne)));
    }), RUNS);
  });

  it('figures straight from the state are the bytes of the figures over the copied visits, for any period', () => {
    const periods = [{ from: DATE, to: DATE }, { from: DATE, to: DATE, officeId: OFFICE }, { from: DATE, to: DATE, officeId: 'other' }, { from: '2026-12-02', to: '2026-12-31' }];
    fc.assert(fc.property(day, fc.constantFrom(...periods), ({ arrivals, counters }, period) => {
      const state = oneByOne(staffedDay(arrivals, counters));
      expect(JSON.stringify(flowStateFigures(state, period))).toBe(JSON.stringify(flowFigures(flowVisits(state), period, flowCounterSessions(state))));
    }), RUNS);
  });

  it('figures depend only on the set of visits, not on their order', () => {
    fc.assert(fc.property(day, fc.array(fc.nat(), { minLength: 25, maxLength: 25 }), ({ arrivals, counters }, keys) => {
      const state = oneByOne(staffedDay(arrivals, counters));
      const visits = flowVisits(state);
      const shuffled = visits.map((v, i) => ({ v, k: keys[i] })).sort((a, b) => a.k - b.k).map((x) => x.v);
      const period = { from: DATE, to: DATE };
      expect(JSON.stringify(flowFigures(shuffled, period, flowCounterSessions(state)))).toBe(JSON.stringify(flowFigures(visits, period, flowCounterSessions(state))));
    }), RUNS);
  });

  it('every arrival is one visit, and every visit of a fully staffed day ends served', () => {
    fc.assert(fc.property(day, ({ arrivals, counters }) => {
      const visits = flowVisits(oneByOne(staffedDay(arrivals, counters)));
      expect(visits).toHaveLength(arrivals.length);
      expect(visits.every((v) => v.outcome === 'served' && v.waitingMinutes !== null && v.waitingMinutes >= 0)).toBe(true);
    }), RUNS);
  });

  it('the what-if with the recorded counters reproduces every recorded wait (tolerance 0.01 min)', () => {
    fc.assert(fc.property(day, ({ arrivals, counters }) => {
      const visits = flowVisits(oneByOne(staffedDay(arrivals, counters)));
      const result = simulateWhatIf(whatIfArrivals(visits, { officeId: OFFICE, date: DATE }), { counters, serviceTimes: {} });
      expect(result.unserved).toBe(0);
      for (const v of result.visits) expect(Math.abs((v.predictedWaitMinutes as number) - (v.recordedWaitMinutes as number))).toBeLessThanOrEqual(0.01);
    }), RUNS);
  });

  it('one more counter never raises the mean predicted wait', () => {
    fc.assert(fc.property(day, ({ arrivals, counters }) => {
      const recorded = whatIfArrivals(flowVisits(oneByOne(staffedDay(arrivals, 1))), { officeId: OFFICE, date: DATE });
      const fewer = simulateWhatIf(recorded, { counters, serviceTimes: {} });
      const more = simulateWhatIf(recorded, { counters: counters + 1, serviceTimes: {} });
      expect(more.predicted.all.mean ?? 0).toBeLessThanOrEqual(fewer.predicted.all.mean ?? 0);
    }), RUNS);
  });
});
