import fc from 'fast-check';
import { toZoned } from '../shared/local-time';
import { berlinClock, berlinWeekdayHour } from './berlin-clock';

describe('berlinClock', () => {
  it('agrees with toZoned on any instant 2020–2035, daylight saving changes included', () => {
    const clock = berlinClock();
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (instant) => {
      expect(clock(instant)).toEqual(toZoned(instant, 'Europe/Berlin'));
    }), { numRuns: 1000 });
  });

  it('is right either side of the spring and autumn changes', () => {
    const clock = berlinClock();
    for (const instant of [Date.UTC(2026, 2, 29, 0, 59), Date.UTC(2026, 2, 29, 1, 0), Date.UTC(2026, 9, 25, 0, 59), Date.UTC(2026, 9, 25, 1, 0)]) {
      expect(clock(instant)).toEqual(toZoned(instant, 'Europe/Berlin'));
    }
  });
});

describe('berlinWeekdayHour', () => {
  it('is the weekday and hour toZoned gives, for any instant 2020–2035', () => {
    const cell = berlinWeekdayHour();
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (instant) => {
      const z = toZoned(instant, 'Europe/Berlin');
      expect(cell(instant)).toBe((z.weekday - 1) * 24 + Math.floor(z.minuteOfDay / 60));
    }), { numRuns: 1000 });
  });

  it('is right either side of the spring and autumn changes, and for an offset of 53 minutes (1890)', () => {
    const cell = berlinWeekdayHour();
    for (const instant of [Date.UTC(2026, 2, 29, 0, 59), Date.UTC(2026, 2, 29, 1, 0), Date.UTC(2026, 9, 25, 0, 59), Date.UTC(2026, 9, 25, 1, 0), Date.UTC(1890, 5, 2, 10, 30)]) {
      const z = toZoned(instant, 'Europe/Berlin');
      expect(cell(instant)).toBe((z.weekday - 1) * 24 + Math.floor(z.minuteOfDay / 60));
    }
  });
});
