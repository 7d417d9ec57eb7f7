import { addDays, fromZoned, toZoned, type Instant, type LocalTime } from '../shared/local-time';

/**
 * When a reminder goes out. The default is the day before at 10:00 Berlin time: late enough that the
 * citizen still remembers it, early enough to gather the documents or cancel and free the slot.
 */
export interface ReminderPolicy {
  /** Calendar days before the appointment's day (1 = the day before). */
  readonly daysBefore: number;
  /** Wall-clock time in Europe/Berlin on that day. */
  readonly at: LocalTime;
  /** No reminder at all when the appointment is this close (it was just booked, the confirmation is enough). */
  readonly minLeadMs: number;
  /** When the regular time has passed but the appointment is far enough away: send this long after now. */
  readonly catchUpDelayMs: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  daysBefore: 1,
  at: '10:00',
  minLeadMs: 2 * 60 * 60_000,
  catchUpDelayMs: 60_000,
};

const TIME_ZONE = 'Europe/Berlin';

/**
 * The instant a reminder for an appointment starting at `startsAt` is due, judged at `now`; `null`
 * when none should be sent. Deterministic: the same inputs always give the same instant, so a
 * reconcile that runs before the regular time re-creates exactly the reminder the consumer scheduled.
 */
export function reminderAt(startsAt: Instant, now: Instant, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): Instant | null {
  if (startsAt - now <= policy.minLeadMs) return null;
  const day = toZoned(startsAt, TIME_ZONE).date;
  const regular = fromZoned(addDays(day, -policy.daysBefore), policy.at, TIME_ZONE);
  if (regular > now && regular < startsAt) return regular;
  return now + policy.catchUpDelayMs;
}
