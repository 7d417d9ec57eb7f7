import nodemailer, { type Transporter } from 'nodemailer';
import { isDeliverableAddress } from './email-address';
import { singleLine } from './email-format';
import type { ComposedEmail, EmailRecipient } from './email-model';
import { classifySmtpError, PermanentMailError } from './mail-errors';

export interface SmtpMailerOptions {
  readonly host: string;
  readonly port: number;
  /** true = TLS from the first byte (port 465); false = plain, upgraded by STARTTLS when offered. */
  readonly secure: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  readonly from: { readonly name: string; readonly email: string };
  /** Right-hand side of Message-IDs; defaults to the domain of `from`. */
  readonly messageIdDomain?: string;
  readonly requireTLS?: boolean;
  /** For a local SMTP catcher only: never skip STARTTLS or certificate checks against a real relay. */
  readonly ignoreTLS?: boolean;
  readonly rejectUnauthorized?: boolean;
  readonly connectionTimeoutMs?: number;
  readonly greetingTimeoutMs?: number;
  readonly socketTimeoutMs?: number;
}

export interface OutgoingEmail extends ComposedEmail {
  readonly to: EmailRecipient;
}

export interface SendOptions {
  /** The job id: the same job always gets the same Message-ID, so a retried delivery is recognisable. */
  readonly messageId: string;
}

export interface SendReceipt {
  readonly messageId: string;
  /** SMTP reply code of the accepted DATA (250), for the sent event. */
  readonly responseCode?: number;
}

/** `<job-id@domain>` with anything outside RFC 5322 dot-atom text escaped as `=XX`, reversibly. */
export function messageIdFor(jobId: string, domain: string): string {
  const local = Array.from(Buffer.from(jobId, 'utf8'))
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9._-]/.test(char) ? char : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return `<${local}@${domain}>`;
}

/**
 * Sends one email per call over a fresh SMTP connection (no pool: the volume is a few thousand a day,
 * and a broken pooled connection would turn into confusing retries). Throws TransientMailError or
 * PermanentMailError; never logs and never puts the recipient into an error.
 */
export class SmtpMailer {
  private readonly transport: Transporter;
  private readonly messageIdDomain: string;

  constructor(private readonly options: SmtpMailerOptions) {
    this.messageIdDomain = options.messageIdDomain ?? options.from.email.split('@')[1] ?? 'localhost';
    this.transport = nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      auth: options.auth ? { user: options.auth.user, pass: options.auth.pass } : undefined,
      requireTLS: options.requireTLS,
      ignoreTLS: options.ignoreTLS,
      tls: options.rejectUnauthorized === false ? { rejectUnauthorized: false } : undefined,
      connectionTimeout: options.connectionTimeoutMs ?? 10_000,
      greetingTimeout: options.greetingTimeoutMs ?? 10_000,
      socketTimeout: options.socketTimeoutMs ?? 30_000,
      logger: false,
      debug: false,
      // Attachments are buffers we made; never let a path or URL in a message read files or fetch.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(message: OutgoingEmail, { messageId }: SendOptions): Promise<SendReceipt> {
    if (!isDeliverableAddress(message.to.email)) {
      throw new PermanentMailError('invalid-address', 'recipient address is not valid');
    }
    const id = messageIdFor(messageId, this.messageIdDomain);
    let info: { messageId?: string; accepted?: unknown[]; response?: string };
    try {
      info = await this.transport.sendMail({
        from: { name: singleLine(this.options.from.name), address: this.options.from.email },
        to: { name: singleLine(message.to.name), address: message.to.email },
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: id,
        attachments: message.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
          ...(a.cid ? { cid: a.cid, contentDisposition: 'inline' as const } : {}),
        })),
      });
    } catch (error) {
      throw classifySmtpError(error);
    }
    if (!info.accepted || info.accepted.length === 0) {
      throw new PermanentMailError('recipient-rejected', 'recipient rejected');
    }
    return { messageId: info.messageId ?? id, responseCode: replyCode(info.response) };
  }

  /** For /health: can we reach and greet the relay? Never throws. */
  async verify(): Promise<boolean> {
    try {
      return await this.transport.verify();
    } catch {
      return false;
    }
  }

  close(): void {
    this.transport.close();
  }
}

function replyCode(response: string | undefined): number | undefined {
  const match = /^(\d{3})/.exec(response ?? '');
  return match ? Number(match[1]) : undefined;
}
