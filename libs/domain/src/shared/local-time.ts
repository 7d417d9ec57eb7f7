/**
 * Wall-clock time in an office's time zone (Europe/Berlin), computed with the platform's Intl data so
 * that daylight saving changes are right without a time library. Pure: same input, same output.
 *
 * Instants are epoch milliseconds (UTC). A local day is 'YYYY-MM-DD', a local time 'HH:MM'.
 */
export type Instant = number;
export type LocalDate = string;
export type LocalTime = string;

export interface ZonedParts {
  readonly date: LocalDate;
  readonly time: LocalTime;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minuteOfDay: number;
}

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(instant: Instant, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const HOUR = 3_600_000;
/** Entries per zone before its cache starts again (an hour each: 50,000 ≈ 5.7 years of hours). */
const OFFSET_CACHE_LIMIT = 50_000;
/**
 * Offset in ms per (zone, UTC hour). `formatToParts` is by far the costliest step of every booking
 * decision, and an offset changes only a few times a year. An hour whose first and last second
 * have different offsets (a transition inside it) is stored as NaN and asked of Intl every time, so
 * the cache stays exact for transitions at any second, not only on the hour (tzdb never has two
 * transitions within one hour).
 */
const offsetCache = new Map<string, Map<number, number>>();

/** Offset in ms (whole seconds) straight from Intl. */
function intlOffsetMs(instant: Instant, timeZone: string): number {
  const p = parts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

function offsetMs(instant: Instant, timeZone: string): number {
  let zone = offsetCache.get(timeZone);
  if (zone === undefined) offsetCache.set(timeZone, (zone = new Map()));
  const hour = Math.floor(instant / HOUR);
  let offset = zone.get(hour);
  if (offset === undefined) {
    const first = intlOffsetMs(hour * HOUR, timeZone);
    offset = first === intlOffsetMs(hour * HOUR + HOUR - 1000, timeZone) ? first : Number.NaN;
    if (zone.size >= OFFSET_CACHE_LIMIT) zone.clear();
    zone.set(hour, offset);
  }
  return Number.isNaN(offset) ? intlOffsetMs(instant, timeZone) : offset;
}

/** Offset of the zone from UTC at that instant, in minutes (Berlin: +60 in winter, +120 in summer). */
export function zoneOffsetMinutes(instant: Instant, timeZone: string): number {
  return Math.round(offsetMs(instant, timeZone) / MINUTE);
}

export function toZoned(instant: Instant, timeZone: string): ZonedParts {
  // The offset is whole seconds, so the shifted instant's UTC fields are the zone's wall clock.
  const local = new Date(instant + offsetMs(instant, timeZone));
  const hour = local.getUTCHours();
  const minute = local.getUTCMinutes();
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const weekday = ((local.getUTCDay() + 6) % 7) + 1;
  return { date, time: `${pad(hour)}:${pad(minute)}`, weekday, minuteOfDay: hour * 60 + minute };
}

/**
 * The instant of a local wall-clock time. In the spring gap (02:00–03:00 does not exist) the time is
 * read with the offset before the change; in the autumn overlap the earlier instant is taken.
 */
export function fromZoned(date: LocalDate, time: LocalTime, timeZone: string): Instant {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // The offsets in force a day before and a day after cover every transition of a real zone.
  const offsetBefore = zoneOffsetMinutes(naive - 86_400_000, timeZone);
  const offsetAfter = zoneOffsetMinutes(naive + 86_400_000, timeZone);
  const matches = [naive - offsetBefore * MINUTE, naive - offsetAfter * MINUTE].filter((candidate) => {
    const zoned = toZoned(candidate, timeZone);
    return zoned.date === date && zoned.time === time;
  });
  return matches.length > 0 ? Math.min(...matches) : naive - offsetBefore * MINUTE;
}

export function minutesToTime(minuteOfDay: number): LocalTime {
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

export function timeToMinutes(time: LocalTime): number {
  const [hh, mm] = time.split(':').map(Number);
  return hh * 60 + mm;
}

/** Calendar arithmetic on local dates (no time zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function isoWeekday(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

export const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
