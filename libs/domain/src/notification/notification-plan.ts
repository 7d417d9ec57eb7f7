import type { AppointmentBooked, AppointmentCancelled, AppointmentRequested, AppointmentRescheduled, CalendarEvent, CancelReason } from '../calendar/events';
import type { Language } from '../catalog/catalog.schema';
import type { ServiceLine } from '../catalog/service-selection';
import { assertNever } from '../shared/decider';
import type { Instant, LocalDate } from '../shared/local-time';
import type { EmailKindName } from './mail';
import { DEFAULT_REMINDER_POLICY, reminderAt, type ReminderPolicy } from './reminder-time';

/** What an email job needs about its appointment, copied from one self-describing calendar event. */
export interface AppointmentSnapshot {
  readonly officeId: string;
  readonly date: LocalDate;
  readonly appointmentId: string;
  readonly reference: string;
  readonly language: Language;
  /** Still sealed: opened by the sender only, right before sending. */
  readonly sealedContact: unknown;
  readonly services: readonly ServiceLine[];
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly holdId: string | null;
}

export interface EmailJobDetails {
  readonly previousStartsAt?: Instant;
  readonly cancelReason?: CancelReason;
  readonly activationExpiresAt?: Instant;
  /**
   * A cancellation that corrects a move the booking service could not finish: the target was booked
   * (and its "rescheduled" email sent), then cancelled again because the source could not be.
   */
  readonly moveUndone?: boolean;
}

export interface EmailJob {
  readonly jobId: string;
  readonly kind: EmailKindName;
  readonly appointment: AppointmentSnapshot;
  readonly details: EmailJobDetails;
  /** .ics SEQUENCE base: grows with every change of the appointment (see `revisionAt`). */
  readonly revision: number;
  /** When the fact happened; the .ics DTSTAMP, so a retry composes the same bytes. */
  readonly factAt: Instant;
}

export type NotificationAction =
  | { readonly type: 'send'; readonly job: EmailJob }
  | { readonly type: 'schedule-reminder'; readonly job: EmailJob; readonly dueAt: Instant }
  | { readonly type: 'drop-reminder'; readonly jobId: string };

export interface PlanContext {
  readonly eventId: string;
  readonly now: Instant;
  readonly policy?: ReminderPolicy;
  /**
   * Events older than this trigger no immediate email (a new consumer reading an old log must not mail
   * every citizen again); reminders are still planned. Default 48 h.
   */
  readonly maxEventAgeMs?: number;
}

/** Event job ids are `<eventId>.<kind>`: a redelivered event maps onto the same job. */
export const eventJobId = (eventId: string, kind: EmailKindName) => `${eventId}.${kind}`;
/** From appointment and start: a moved appointment gets a new reminder and the old id can be removed. */
export const reminderJobId = (appointmentId: string, startsAt: Instant) => `${appointmentId}.${startsAt}.reminder`;

const REVISION_EPOCH = Date.UTC(2025, 0, 1);
/**
 * .ics SEQUENCE without state: minutes since 2025 of the change. Every later change of the same
 * appointment has a larger number, and it fits a 32-bit integer for four thousand years.
 */
export const revisionAt = (changedAt: Instant) => Math.max(1, Math.floor((changedAt - REVISION_EPOCH) / 60_000));

export function snapshotOf(event: AppointmentRequested | AppointmentBooked | AppointmentCancelled | AppointmentRescheduled): AppointmentSnapshot {
  const d = event.data;
  return {
    officeId: d.officeId, date: d.date, appointmentId: d.appointmentId, reference: d.reference, language: d.language,
    sealedContact: d.sealedContact, services: d.services, startsAt: d.startsAt, endsAt: d.endsAt,
    holdId: 'holdId' in d ? d.holdId : null,
  };
}

/** The emails and reminder changes one calendar event causes. Pure: the consumer only carries them out. */
export function notificationsFor(event: CalendarEvent, ctx: PlanContext): NotificationAction[] {
  switch (event.type) {
    case 'HoldPlaced':
    case 'HoldExtended':
      return [];
    case 'AppointmentRequested':
      return sendUnlessStale(ctx, event.data.requestedAt, job(ctx, event, 'activation', 0, event.data.requestedAt, { activationExpiresAt: event.data.activationExpiresAt }));
    case 'AppointmentBooked': {
      const moved = event.data.rescheduledFrom !== null;
      const revision = moved ? revisionAt(event.data.bookedAt) : 0;
      const notice = job(ctx, event, moved ? 'rescheduled' : 'confirmation', revision, event.data.bookedAt, {});
      return [...sendUnlessStale(ctx, event.data.bookedAt, notice), ...scheduleReminder(snapshotOf(event), revision, event.data.bookedAt, ctx)];
    }
    case 'AppointmentCancelled': {
      const drop: NotificationAction = { type: 'drop-reminder', jobId: reminderJobId(event.data.appointmentId, event.data.startsAt) };
      if (!event.data.wasBooked) return [drop];
      if (event.data.reason === 'rescheduled') {
        // By the citizen: the source of a finished move, which the target's "rescheduled" email announced.
        // By the system: a move undone (RescheduleProcess) whose "rescheduled" email went out: correct it.
        if (event.data.by !== 'system') return [drop];
        const correction = job(ctx, event, 'cancellation', revisionAt(event.data.cancelledAt), event.data.cancelledAt, { moveUndone: true });
        return [drop, ...sendUnlessStale(ctx, event.data.cancelledAt, correction)];
      }
      const notice = job(ctx, event, 'cancellation', revisionAt(event.data.cancelledAt), event.data.cancelledAt, { cancelReason: event.data.reason });
      return [drop, ...sendUnlessStale(ctx, event.data.cancelledAt, notice)];
    }
    case 'AppointmentRescheduled': {
      const revision = revisionAt(event.data.rescheduledAt);
      const drop: NotificationAction = { type: 'drop-reminder', jobId: reminderJobId(event.data.appointmentId, event.data.from.startsAt) };
      const notice = job(ctx, event, 'rescheduled', revision, event.data.rescheduledAt, { previousStartsAt: event.data.from.startsAt });
      return [drop, ...sendUnlessStale(ctx, event.data.rescheduledAt, notice), ...scheduleReminder(snapshotOf(event), revision, event.data.rescheduledAt, ctx)];
    }
    default:
      return assertNever(event);
  }
}

/** The reminder job for an appointment as it stands, or none when it is too close (or over). */
export function reminderFor(appointment: AppointmentSnapshot, revision: number, factAt: Instant, now: Instant, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): { job: EmailJob; dueAt: Instant } | null {
  const dueAt = reminderAt(appointment.startsAt, now, policy);
  if (dueAt === null) return null;
  const job: EmailJob = { jobId: reminderJobId(appointment.appointmentId, appointment.startsAt), kind: 'reminder', appointment, details: {}, revision, factAt };
  return { job, dueAt };
}

function scheduleReminder(appointment: AppointmentSnapshot, revision: number, factAt: Instant, ctx: PlanContext): NotificationAction[] {
  const reminder = reminderFor(appointment, revision, factAt, ctx.now, ctx.policy);
  return reminder ? [{ type: 'schedule-reminder', ...reminder }] : [];
}

function job(ctx: PlanContext, event: AppointmentRequested | AppointmentBooked | AppointmentCancelled | AppointmentRescheduled, kind: EmailKindName, revision: number, factAt: Instant, details: EmailJobDetails): EmailJob {
  return { jobId: eventJobId(ctx.eventId, kind), kind, appointment: snapshotOf(event), details, revision, factAt };
}

function sendUnlessStale(ctx: PlanContext, factAt: Instant, emailJob: EmailJob): NotificationAction[] {
  const tooOld = ctx.now - factAt > (ctx.maxEventAgeMs ?? 48 * 60 * 60_000);
  const over = emailJob.kind !== 'cancellation' && emailJob.appointment.endsAt <= ctx.now;
  const expired = emailJob.details.activationExpiresAt !== undefined && emailJob.details.activationExpiresAt <= ctx.now;
  return tooOld || over || expired ? [] : [{ type: 'send', job: emailJob }];
}
