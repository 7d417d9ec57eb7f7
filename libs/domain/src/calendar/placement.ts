import { addDays, daysBetween, fromZoned, LOCAL_DATE, LOCAL_TIME, minutesToTime, timeToMinutes, toZoned, type Instant, type LocalDate, type LocalTime } from '../shared/local-time';
import { fail, ok, type Result } from '../shared/result';
import type { DomainError } from '../shared/domain-error';
import type { Office } from '../catalog/catalog.schema';
import { closureOn, onlineCapacityAt, openingIntervals } from '../catalog/office-schedule';
import type { AppointmentWhere } from './events';
import { refuse } from './refusals';

/**
 * Where an appointment of `minutes` starting at `start` would lie, if the office's time rules allow it:
 * not in the past, not within the lead time, inside the booking window, on an open day, on the slot
 * grid, and wholly inside one opening interval (it must end before a break or closing).
 * Shared by decide and availability, so the two cannot disagree.
 */
export function placeAppointment(office: Office, date: LocalDate, start: LocalTime, minutes: number, now: Instant): Result<AppointmentWhere, DomainError> {
  if (!LOCAL_DATE.test(date) || addDays(date, 0) !== date) return fail(refuse.invalidTime(date));
  if (!LOCAL_TIME.test(start)) return fail(refuse.invalidTime(start));
  const { slotMinutes, leadTimeMinutes, window } = office.booking;
  const startsAt = fromZoned(date, start, office.timeZone);
  if (startsAt <= now) return fail(refuse.inPast());
  if (startsAt < now + leadTimeMinutes * 60_000) return fail(refuse.beforeLeadTime(leadTimeMinutes));
  const today = toZoned(now, office.timeZone).date;
  if (daysBetween(today, date) < window.minDays) return fail(refuse.beforeWindow(addDays(today, window.minDays)));
  if (daysBetween(today, date) > window.maxDays) return fail(refuse.beyondWindow(addDays(today, window.maxDays)));
  const closed = closureOn(office, date);
  if (closed) return fail(refuse.closedDay(closed));
  const from = timeToMinutes(start);
  if (from % slotMinutes !== 0) return fail(refuse.offSlotGrid(slotMinutes));
  const slotCount = Math.ceil(minutes / slotMinutes);
  const to = from + slotCount * slotMinutes;
  if (!openingIntervals(office, date).some((i) => i.from <= from && to <= i.to)) return fail(refuse.outsideOpeningHours());
  const end = minutesToTime(to);
  const slots = Array.from({ length: slotCount }, (_, k) => minutesToTime(from + k * slotMinutes));
  return ok({ officeId: office.id, date, start, end, startsAt, endsAt: fromZoned(date, end, office.timeZone), slots });
}

/** Refuses when one more appointment in any of the slots would exceed the online capacity there. */
export function checkCapacity(office: Office, date: LocalDate, slots: readonly LocalTime[], taken: ReadonlyMap<LocalTime, number>): Result<true, DomainError> {
  const full = slots.find((slot) => (taken.get(slot) ?? 0) + 1 > onlineCapacityAt(office, date, timeToMinutes(slot)));
  return full === undefined ? ok(true) : fail(refuse.noCapacity(full));
}
