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
