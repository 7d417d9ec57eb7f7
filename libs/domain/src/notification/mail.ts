import type { Command, Decider, DomainEvent } from '../shared/decider';
import type { Instant, LocalDate } from '../shared/local-time';
import { ok } from '../shared/result';

/**
 * Aggregate `mail`, id `<officeId>-<YYYY-MM-DD>` of the appointment's day: the outcome of every email
 * about that day's appointments. One subject per office-day (not per citizen or per email) keeps the
 * server's subject count small (MEASURED.md). These events are the memory of "already sent" that
 * survives a Redis flush, and staff read "email not delivered" from `EmailFailed`. No personal data.
 */
export type EmailKindName = 'activation' | 'confirmation' | 'reminder' | 'cancellation' | 'rescheduled';

export interface EmailJobRef {
  /** Deterministic job id (`<eventId>.<kind>` or `<appointmentId>.<startsAt>.reminder`). */
  readonly jobId: string;
  readonly kind: EmailKindName;
  readonly appointmentId: string;
  readonly reference: string;
}

export type EmailSent = DomainEvent<'EmailSent', EmailJobRef & {
  /** SMTP Message-ID, derived from the job id: a resend after a crash is recognisable by it. */
  readonly messageId: string;
  readonly attempts: number;
  readonly sentAt: Instant;
}>;

export type EmailFailed = DomainEvent<'EmailFailed', EmailJobRef & {
  /** Stable code: `recipient-rejected`, `smtp-temporary`, `contact-erased`, … */
  readonly reason: string;
  readonly permanent: boolean;
  readonly attempts: number;
  readonly smtpCode?: number;
  readonly failedAt: Instant;
}>;

export type MailEvent = EmailSent | EmailFailed;

export type RecordEmailSent = Command<'RecordEmailSent', EmailSent['data']>;
export type RecordEmailFailed = Command<'RecordEmailFailed', EmailFailed['data']>;
export type MailCommand = RecordEmailSent | RecordEmailFailed;

export type EmailOutcome = 'sent' | 'failed';

export interface MailState {
  readonly outcomes: Readonly<Record<string, EmailOutcome>>;
}

export const mailId = (officeId: string, date: LocalDate) => `${officeId}-${date}`;

/**
 * Recording is idempotent per job id: a second "sent" for the same job changes nothing, and a failure
 * is not recorded over a success or a failure already recorded (a later success after a failure is
 * recorded: staff then see that it arrived after all).
 */
export const mailDecider: Decider<MailCommand, MailEvent, MailState, unknown> = {
  initialState: { outcomes: {} },
  decide(command, state) {
    const previous = state.outcomes[command.data.jobId];
    if (command.type === 'RecordEmailSent') return ok(previous === 'sent' ? [] : [{ type: 'EmailSent', data: command.data }]);
    return ok(previous === undefined ? [{ type: 'EmailFailed', data: command.data }] : []);
  },
  evolve(state, event) {
    const outcome: EmailOutcome = event.type === 'EmailSent' ? 'sent' : 'failed';
    if (state.outcomes[event.data.jobId] === 'sent') return state;
    return { outcomes: { ...state.outcomes, [event.data.jobId]: outcome } };
  },
};
