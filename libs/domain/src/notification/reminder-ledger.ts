import type { CalendarEvent } from '../calendar/events';
import type { DomainEvent } from '../shared/decider';
import type { Instant } from '../shared/local-time';
import type { MailEvent } from './mail';
import { reminderFor, revisionAt, snapshotOf, type AppointmentSnapshot, type EmailJob } from './notification-plan';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './reminder-time';

interface Standing {
  readonly appointment: AppointmentSnapshot;
  readonly revision: number;
  readonly factAt: Instant;
}

/**
 * The reminders that should be pending, rebuilt from the log alone (for the reconcile after Redis lost
 * its jobs): every booked appointment as it stands now, minus those cancelled, minus the reminder jobs
 * whose outcome is already recorded (sent, or given up on). Fed in log order; other events are ignored.
 * Mutable on purpose: it folds the whole log and copying maps per event would be quadratic.
 */
export class ReminderLedger {
  private readonly standing = new Map<string, Standing>();
  private readonly settled = new Set<string>();

  apply(event: DomainEvent): void {
    const e = event as CalendarEvent | MailEvent;
    switch (e.type) {
      case 'AppointmentBooked':
        this.standing.set(e.data.appointmentId, { appointment: snapshotOf(e), revision: e.data.rescheduledFrom ? revisionAt(e.data.bookedAt) : 0, factAt: e.data.bookedAt });
        return;
      case 'AppointmentRescheduled':
        this.standing.set(e.data.appointmentId, { appointment: snapshotOf(e), revision: revisionAt(e.data.rescheduledAt), factAt: e.data.rescheduledAt });
        return;
      case 'AppointmentCancelled':
        this.standing.delete(e.data.appointmentId);
        return;
      case 'EmailSent':
      case 'EmailFailed':
        if (e.data.kind === 'reminder') this.settled.add(e.data.jobId);
        return;
      default:
        return; // HoldPlaced, AppointmentRequested and other aggregates' events do not change reminders
    }
  }

  /** Reminder jobs still to send, with their due time judged at `now`. */
  pending(now: Instant, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): { job: EmailJob; dueAt: Instant }[] {
    const out: { job: EmailJob; dueAt: Instant }[] = [];
    for (const { appointment, revision, factAt } of this.standing.values()) {
      const reminder = reminderFor(appointment, revision, factAt, now, policy);
      if (reminder && !this.settled.has(reminder.job.jobId)) out.push(reminder);
    }
    return out;
  }
}
