import type { Catalog, EmailJob } from '@app/domain';
import type { EventStore } from '@app/eventstore';
import type { PersonalDataVault } from '@app/privacy';
import { composeEmail, failedOutcome, isMailFailure, PermanentMailError, toBullmqError, type SmtpMailer } from '../email';
import { appointmentStands } from './appointment-stands';
import type { EmailLinks } from './email-links';
import { emailModelFor } from './email-model.mapper';
import type { MailLog } from './mail-log';

export interface EmailSenderDeps {
  readonly mailer: SmtpMailer;
  readonly vault: PersonalDataVault;
  readonly catalog: Catalog;
  readonly links: EmailLinks;
  readonly log: MailLog;
  /** Read to check that a reminder's appointment still stands. */
  readonly store: EventStore;
  readonly now?: () => number;
}

export interface Attempt {
  /** 1-based number of this attempt. */
  readonly number: number;
  readonly maxAttempts: number;
  readonly correlationId: string;
}

export type SendResult = 'sent' | 'already-done' | 'contact-erased' | 'appointment-gone';

/**
 * One attempt at one email job: skip it when the log already has its outcome, else open the contact,
 * compose, send, record. The window left open: a crash after the SMTP server accepted and before the
 * record is appended sends the email again on the retry. The Message-ID is derived from the job id, so
 * such a twin is recognisable (and mail systems that dedupe by Message-ID drop it).
 */
export class EmailSender {
  private readonly now: () => number;

  constructor(private readonly deps: EmailSenderDeps) {
    this.now = deps.now ?? Date.now;
  }

  async send(job: EmailJob, attempt: Attempt): Promise<SendResult> {
    const { officeId, date, appointmentId, reference } = job.appointment;
    if ((await this.deps.log.outcomeOf(officeId, date, job.jobId)) !== undefined) return 'already-done';
    if (job.kind === 'reminder' && !(await appointmentStands(this.deps.store, job.appointment))) return 'appointment-gone';
    const ref = { jobId: job.jobId, kind: job.kind, appointmentId, reference };
    // Personal data is opened here only, to address the email; it is never logged or put into errors.
    const opened = await this.deps.vault.open(appointmentId, job.appointment.sealedContact);
    if (opened.status === 'erased' || !opened.fields.email) {
      await this.deps.log.recordFailed(officeId, date, { ...ref, reason: 'contact-erased', permanent: true, attempts: attempt.number, failedAt: this.now() }, attempt.correlationId);
      return 'contact-erased';
    }
    const recipient = { name: opened.fields.name ?? '', email: opened.fields.email };
    try {
      const composed = await composeEmail(emailModelFor(job, this.deps.catalog, recipient, this.deps.links), { now: job.factAt });
      const receipt = await this.deps.mailer.send({ ...composed, to: recipient }, { messageId: job.jobId });
      await this.deps.log.recordSent(officeId, date, { ...ref, messageId: receipt.messageId, attempts: attempt.number, sentAt: this.now() }, attempt.correlationId);
      return 'sent';
    } catch (error) {
      if (!isMailFailure(error)) throw error; // a bug or the event store: BullMQ retries it
      const last = error instanceof PermanentMailError || attempt.number >= attempt.maxAttempts;
      if (last) {
        const outcome = failedOutcome(error, attempt.number);
        if (outcome.status === 'failed') {
          const { reason, permanent, smtpCode } = outcome;
          await this.deps.log.recordFailed(officeId, date, { ...ref, reason, permanent, attempts: attempt.number, failedAt: this.now(), ...(smtpCode !== undefined ? { smtpCode } : {}) }, attempt.correlationId);
        }
      }
      throw toBullmqError(error);
    }
  }
}
