import fc from 'fast-check';
import { addDays, daysBetween, fromZoned, isoWeekday, toZoned, zoneOffsetMinutes } from './local-time';

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

  it('answers from its offset cache exactly what Intl says, also at odd transitions and offsets of seconds', () => {
    // Lord Howe shifts by 30 minutes, Kathmandu is +05:45, and before 1893 Berlin kept local mean time (+00:53:28).
    const zones = [BERLIN, 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'UTC'];
    const transitions = [Date.parse('2026-03-29T01:00:00Z'), Date.parse('2026-10-25T01:00:00Z'), Date.parse('1893-03-31T23:06:32Z'), Date.parse('2026-04-04T15:00:00Z')];
    const instant = fc.oneof(
      fc.integer({ min: Date.parse('1880-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }),
      fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -7_200_000, max: 7_200_000 })).map(([t, d]) => t + d),
    );
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (t, zone) => {
        const expected = intlWallClock(t, zone);
        const zoned = toZoned(t, zone);
        expect({ date: zoned.date, time: zoned.time }).toEqual({ date: expected.date, time: expected.time });
        expect(zoneOffsetMinutes(t, zone)).toBe(expected.offsetMinutes);
      }),
      { numRuns: 3000 },
    );
  });
});

/** The uncached reference: Intl asked about this very instant. */
function intlWallClock(instant: number, zone: string) {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(instant).filter((x) => x.type !== 'literal').map((x) => [x.type, Number(x.value)]));
  const asUtc = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return {
    date: `${pad(p['year']!, 4)}-${pad(p['month']!)}-${pad(p['day']!)}`,
    time: `${pad(p['hour']!)}:${pad(p['minute']!)}`,
    offsetMinutes: Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000),
  };
}
