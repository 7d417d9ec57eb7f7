import { zoneOffsetMinutes, type Instant, type ZonedParts } from '../shared/local-time';

const HOUR = 3_600_000;

/**
 * `toZoned` for Europe/Berlin, fast for many instants: Intl is asked once per UTC hour (Berlin's
 * offset only changes on the hour) and the rest is arithmetic. The cache lives in the returned
 * function, so each export or figure run has its own and nothing is shared between calls.
 */
export function berlinClock(): (instant: Instant) => ZonedParts {
  const offsets = new Map<number, number>();
  return (instant) => {
    const hour = Math.floor(instant / HOUR);
    let offset = offsets.get(hour);
    if (offset === undefined) offsets.set(hour, (offset = zoneOffsetMinutes(hour * HOUR, 'Europe/Berlin')));
    const local = new Date(instant + offset * 60_000);
    const iso = local.toISOString();
    const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
    return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: ((local.getUTCDay() + 6) % 7) + 1, minuteOfDay };
  };
}

/**
 * The Berlin (weekday − 1) × 24 + hour of an instant, the cell of the arrivals grid: one Intl call and
 * one Date per UTC hour, then a Map lookup per instant. Berlin's offset is a whole number of hours and
 * changes on a UTC hour, so every instant of a UTC hour falls in the same Berlin hour; an offset that is
 * not whole hours (none since 1893) falls back to the full conversion.
 */
export function berlinWeekdayHour(): (instant: Instant) => number {
  const cells = new Map<number, number>();
  const clock = berlinClock();
  return (instant) => {
    const hour = Math.floor(instant / HOUR);
    let cell = cells.get(hour);
    if (cell === undefined) {
      const offset = zoneOffsetMinutes(hour * HOUR, 'Europe/Berlin');
      const local = new Date(hour * HOUR + offset * 60_000);
      cell = offset % 60 === 0 ? ((local.getUTCDay() + 6) % 7) * 24 + local.getUTCHours() : -1;
      cells.set(hour, cell);
    }
    if (cell >= 0) return cell;
    const z = clock(instant);
    return (z.weekday - 1) * 24 + Math.floor(z.minuteOfDay / 60);
  };
}
