import { isoWeekday, timeToMinutes, type LocalDate } from '../shared/local-time';
import { WEEKDAYS, type Catalog, type LocalizedText, type Office, type Service } from './catalog.schema';
import { publicHolidayOn } from './holidays';

/** Opening interval of a day in minutes since local midnight, `to` exclusive. */
export interface MinuteInterval {
  readonly from: number;
  readonly to: number;
}

export const findOffice = (catalog: Catalog, officeId: string): Office | undefined => catalog.offices.find((o) => o.id === officeId);
export const findService = (catalog: Catalog, serviceId: string): Service | undefined => catalog.services.find((s) => s.id === serviceId);

export const weekdayOf = (date: LocalDate) => WEEKDAYS[isoWeekday(date) - 1];

/** Why the office is closed on that day (holiday, ad-hoc closure, no hours that weekday), or undefined if open. */
export function closureOn(office: Office, date: LocalDate): LocalizedText | undefined {
  const holiday = publicHolidayOn(date);
  if (holiday) return holiday.name;
  const closure = office.closures.find((c) => c.date === date);
  if (closure) return closure.reason;
  if ((office.openingHours[weekdayOf(date)] ?? []).length === 0) return { de: 'Ruhetag', en: 'Closed on this weekday' };
  return undefined;
}

export function openingIntervals(office: Office, date: LocalDate): MinuteInterval[] {
  if (closureOn(office, date)) return [];
  return (office.openingHours[weekdayOf(date)] ?? []).map((i) => ({ from: timeToMinutes(i.from), to: timeToMinutes(i.to) }));
}

/** Appointments bookable online in parallel in the slot starting at that minute (0 outside every band). */
export function onlineCapacityAt(office: Office, date: LocalDate, minuteOfDay: number): number {
  const weekday = weekdayOf(date);
  const band = office.onlineCapacity.find(
    (b) => (!b.weekdays || b.weekdays.includes(weekday)) && timeToMinutes(b.from) <= minuteOfDay && minuteOfDay < timeToMinutes(b.to),
  );
  return band?.parallel ?? 0;
}

/** True when at least one counter handles every one of the services (an appointment stays at one counter). */
export function someCounterHandles(office: Office, serviceIds: readonly string[]): boolean {
  return office.counters.some((c) => serviceIds.every((s) => c.services.includes(s)));
}
