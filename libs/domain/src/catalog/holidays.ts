import { addDays, type LocalDate } from '../shared/local-time';
import type { LocalizedText } from './catalog.schema';

export interface PublicHoliday {
  readonly date: LocalDate;
  readonly name: LocalizedText;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Easter Sunday of the Gregorian calendar (the "Anonymous" or Meeus/Jones/Butcher algorithm). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Statutory public holidays of Saxony-Anhalt (Gesetz über die Sonn- und Feiertage, § 2). Easter and
 * Whit Sunday are Sundays anyway and so not listed.
 */
export function publicHolidaysSaxonyAnhalt(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (mmdd: string, de: string, en: string): PublicHoliday => ({ date: `${year}-${mmdd}`, name: { de, en } });
  const moving = (offset: number, de: string, en: string): PublicHoliday => ({ date: addDays(easter, offset), name: { de, en } });
  return [
    fixed('01-01', 'Neujahr', "New Year's Day"),
    fixed('01-06', 'Heilige Drei Könige', 'Epiphany'),
    moving(-2, 'Karfreitag', 'Good Friday'),
    moving(1, 'Ostermontag', 'Easter Monday'),
    fixed('05-01', 'Tag der Arbeit', 'Labour Day'),
    moving(39, 'Christi Himmelfahrt', 'Ascension Day'),
    moving(50, 'Pfingstmontag', 'Whit Monday'),
    fixed('10-03', 'Tag der Deutschen Einheit', 'German Unity Day'),
    fixed('10-31', 'Reformationstag', 'Reformation Day'),
    fixed('12-25', '1. Weihnachtstag', 'Christmas Day'),
    fixed('12-26', '2. Weihnachtstag', 'Boxing Day'),
  ].sort((x, y) => x.date.localeCompare(y.date));
}

const cache = new Map<number, ReadonlyMap<LocalDate, PublicHoliday>>();

export function publicHolidayOn(date: LocalDate): PublicHoliday | undefined {
  const year = Number(date.slice(0, 4));
  let byDate = cache.get(year);
  if (!byDate) {
    byDate = new Map(publicHolidaysSaxonyAnhalt(year).map((h) => [h.date, h]));
    cache.set(year, byDate);
  }
  return byDate.get(date);
}
