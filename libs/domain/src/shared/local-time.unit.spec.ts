import fc from 'fast-check';
import { addDays, daysBetween, fromZoned, isoWeekday, toZoned } from './local-time';

const BERLIN = 'Europe/Berlin';

describe('local time in Europe/Berlin', () => {
  it('reads winter time as UTC+1 and summer time as UTC+2', () => {
    expect(new Date(fromZoned('2026-12-01', '09:00', BERLIN)).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(new Date(fromZoned('2026-07-01', '09:00', BERLIN)).toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('maps the spring gap to the offset before the change and the autumn overlap to the earlier instant', () => {
    expect(new Date(fromZoned('2026-03-29', '02:30', BERLIN)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(fromZoned('2026-10-25', '02:30', BERLIN)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('gives the weekday and minute of day of an instant', () => {
    expect(toZoned(Date.parse('2026-11-24T17:50:00Z'), BERLIN)).toEqual({
      date: '2026-11-24', time: '18:50', weekday: 2, minuteOfDay: 18 * 60 + 50,
    });
  });

  it('round-trips every wall-clock minute outside the spring gap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 0, max: 1439 }), (day, minute) => {
        const date = addDays('2026-01-01', day);
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const zoned = toZoned(fromZoned(date, time, BERLIN), BERLIN);
        const inSpringGap = zoned.time !== time;
        if (!inSpringGap) expect(zoned.date).toBe(date);
        return inSpringGap ? minute >= 120 && minute < 180 : zoned.time === time;
      }),
      { numRuns: 1000 },
    );
  });

  it('does date arithmetic across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-11-24', '2027-01-23')).toBe(60);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});
