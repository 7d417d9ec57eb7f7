import { mailDecider, mailId, type EmailFailed, type EmailSent, type MailCommand, type MailEvent, type MailState } from '@app/domain';
import { CommandHandler, type EventStore } from '@app/eventstore';

export const MAIL_AGGREGATE = 'mail';

/**
 * The recorded outcomes of emails (aggregate `mail`, one per office-day). It is the memory of "already
 * sent" that outlives Redis: the sender asks it before each send and records into it after.
 * Records are idempotent twice over: the decider ignores a repeat for the same job id, and the commit id
 * is derived from the job id so a retried append is dropped by `Nats-Msg-Id` within the window.
 */
export class MailLog {
  private readonly handler: CommandHandler<MailCommand, MailEvent, MailState, unknown>;

  constructor(store: EventStore) {
    this.handler = new CommandHandler(store, mailDecider, { aggregateType: MAIL_AGGREGATE, cacheSize: 500, maxAttempts: 12 });
  }

  /** Reads the log afresh: another instance may have sent the email since this one cached the day. */
  async outcomeOf(officeId: string, date: string, jobId: string): Promise<'sent' | 'failed' | undefined> {
    return (await this.handler.latest(mailId(officeId, date))).state.outcomes[jobId];
  }

  recordSent(officeId: string, date: string, data: EmailSent['data'], correlationId: string): Promise<void> {
    return this.record(officeId, date, { type: 'RecordEmailSent', data }, `mail-sent-${data.jobId}`, correlationId);
  }

  recordFailed(officeId: string, date: string, data: EmailFailed['data'], correlationId: string): Promise<void> {
    return this.record(officeId, date, { type: 'RecordEmailFailed', data }, `mail-failed-${data.jobId}`, correlationId);
  }

  private async record(officeId: string, date: string, command: MailCommand, commitId: string, correlationId: string): Promise<void> {
    const result = await this.handler.handle(mailId(officeId, date), command, () => ({}), {
      commitId,
      meta: { correlationId, causationId: command.data.jobId, actor: 'notifications' },
    });
    if (!result.ok) throw new Error(`recording ${command.type} failed: ${result.error.code}`);
  }
}
