/**
 * Why a send failed, as a stable code that goes into the `EmailDeliveryFailed` event and the logs.
 * Messages name the SMTP reply code, never the recipient, the name or the server's reply text (which
 * often quotes the address).
 */
export type MailFailureReason =
  | 'invalid-address'
  | 'recipient-rejected'
  | 'message-rejected'
  | 'smtp-temporary'
  | 'connection-failed'
  | 'timeout'
  | 'auth-failed'
  | 'unknown';

/** The parts of a nodemailer error that are safe to keep: codes only, no addresses or reply text. */
export interface SmtpErrorSummary {
  readonly code?: string;
  readonly responseCode?: number;
  readonly command?: string;
}

abstract class MailError extends Error {
  abstract readonly permanent: boolean;
  constructor(
    readonly reason: MailFailureReason,
    message: string,
    readonly smtp: SmtpErrorSummary = {},
  ) {
    // The original error is deliberately not kept as `cause`: it carries the recipient address.
    super(message);
    this.name = new.target.name;
  }
}

/** Worth retrying later with backoff: 4xx replies, connection trouble, timeouts, our own SMTP auth. */
export class TransientMailError extends MailError {
  readonly permanent = false;
}

/** Retrying the same message gets the same answer: 5xx replies, rejected or invalid recipient. */
export class PermanentMailError extends MailError {
  readonly permanent = true;
}

export type MailFailure = TransientMailError | PermanentMailError;

export function isMailFailure(error: unknown): error is MailFailure {
  return error instanceof TransientMailError || error instanceof PermanentMailError;
}

interface NodemailerLikeError {
  code?: string;
  responseCode?: number;
  command?: string;
  permanent?: boolean;
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'EDNS', 'ETLS', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EPROXY']);

/** Sorts a nodemailer error into transient or permanent by its SMTP reply code first, then its error code. */
export function classifySmtpError(raw: unknown): MailFailure {
  const err = (typeof raw === 'object' && raw !== null ? raw : {}) as NodemailerLikeError;
  const summary: SmtpErrorSummary = { code: err.code, responseCode: err.responseCode, command: err.command };
  const reply = err.responseCode;
  const isRecipientStep = /^RCPT/i.test(err.command ?? '') || err.code === 'EENVELOPE';
  if (err.code === 'EAUTH' || err.code === 'ENOAUTH') {
    // Our credentials, not the citizen's address: retrying gives operations time to fix the config.
    return new TransientMailError('auth-failed', `SMTP authentication failed${reply ? ` (${reply})` : ''}`, summary);
  }
  if (reply !== undefined && reply >= 500 && reply !== 503) {
    return isRecipientStep
      ? new PermanentMailError('recipient-rejected', `recipient rejected (${reply})`, summary)
      : new PermanentMailError('message-rejected', `message rejected by the SMTP server (${reply})`, summary);
  }
  if (reply !== undefined) return new TransientMailError('smtp-temporary', `temporary SMTP failure (${reply})`, summary);
  if (err.code === 'EENVELOPE') return new PermanentMailError('invalid-address', 'recipient address refused by the mailer', summary);
  const code = (err as { originalCode?: string }).originalCode ?? err.code ?? '';
  if (TIMEOUT_CODES.has(code) || TIMEOUT_CODES.has(err.code ?? '')) return new TransientMailError('timeout', 'SMTP connection timed out', summary);
  if (CONNECTION_CODES.has(code) || CONNECTION_CODES.has(err.code ?? '')) {
    return new TransientMailError('connection-failed', `SMTP connection failed (${err.code})`, summary);
  }
  return new TransientMailError('unknown', `SMTP send failed (${err.code ?? 'no code'})`, summary);
}
