import { invalid, type DomainError } from '../shared/domain-error';
import { fail, ok, type Result } from '../shared/result';
import { addDays, daysBetween, LOCAL_DATE, minutesToTime, type Instant, type LocalDate, type LocalTime } from '../shared/local-time';
import type { Catalog, LocalizedText, Office } from '../catalog/catalog.schema';
import { closureOn, findOffice, openingIntervals } from '../catalog/office-schedule';
import { selectServices, type ServiceLine } from '../catalog/service-selection';
import { checkCapacity, placeAppointment } from '../calendar/placement';
import { refuse } from '../calendar/refusals';
import { initialCalendarState, occupancy, type CalendarState } from '../calendar/state';

export interface DateRange {
  readonly from: LocalDate;
  /** Inclusive. */
  readonly to: LocalDate;
}

export type DayAvailability =
  | { readonly date: LocalDate; readonly open: true; readonly starts: readonly LocalTime[] }
  | { readonly date: LocalDate; readonly open: false; readonly closedReason: LocalizedText; readonly starts: readonly LocalTime[] };

/** A query longer than this is refused; no window needs more, and it bounds the work per request. */
export const MAX_RANGE_DAYS = 92;

/**
 * Free start times for a set of services, per day. A pure function of the catalogue, the calendars
 * (missing days are empty) and `now`, built from the very rules `decide` applies to `PlaceHold`, so
 * every start offered here is one a hold would be accepted for (and no other).
 */
export function availability(
  catalog: Catalog,
  officeId: string,
  services: readonly ServiceLine[],
  range: DateRange,
  calendarsByDate: Readonly<Record<LocalDate, CalendarState>>,
  now: Instant,
): Result<DayAvailability[], DomainError> {
  const office = findOffice(catalog, officeId);
  if (!office) return fail(refuse.unknownOffice(officeId));
  const rangeProblem = checkRange(range);
  if (rangeProblem) return fail(rangeProblem);
  const selection = selectServices(catalog, office, services);
  if (!selection.ok) return selection;
  const days: DayAvailability[] = [];
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
    days.push(dayAvailability(office, date, selection.value.minutes, calendarsByDate[date] ?? initialCalendarState, now));
  }
  return ok(days);
}

function checkRange(range: DateRange): DomainError | undefined {
  if (!LOCAL_DATE.test(range.from) || !LOCAL_DATE.test(range.to)) return refuse.invalidTime(`${range.from}..${range.to}`);
  const length = daysBetween(range.from, range.to) + 1;
  if (length < 1 || length > MAX_RANGE_DAYS) {
    return invalid('invalid_range', {
      de: `Der Zeitraum muss 1 bis ${MAX_RANGE_DAYS} Tage umfassen.`,
      en: `The date range must cover 1 to ${MAX_RANGE_DAYS} days.`,
    }, { maxDays: MAX_RANGE_DAYS });
  }
  return undefined;
}

function dayAvailability(office: Office, date: LocalDate, minutes: number, calendar: CalendarState, now: Instant): DayAvailability {
  const closedReason = closureOn(office, date);
  if (closedReason) return { date, open: false, closedReason, starts: [] };
  const taken = occupancy(calendar, now);
  const starts: LocalTime[] = [];
  for (const interval of openingIntervals(office, date)) {
    for (let minute = interval.from; minute < interval.to; minute += office.booking.slotMinutes) {
      const where = placeAppointment(office, date, minutesToTime(minute), minutes, now);
      if (where.ok && checkCapacity(office, date, where.value.slots, taken).ok) starts.push(where.value.start);
    }
  }
  return { date, open: true, starts };
}
