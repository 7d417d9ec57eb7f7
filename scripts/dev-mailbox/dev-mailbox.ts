import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { parseMail } from '../../apps/notifications/src/email/testing/mime-reader';
import { htmlBodyOf, listPage, messagePage, summaryOf, type StoredMail } from './mailbox-pages';

export interface DevMailboxOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly smtpPort: number;
  readonly httpPort: number;
  /** The oldest mail goes once this many are kept. */
  readonly capacity?: number;
}

// The viewer runs no script at all; the mail's own HTML gets a stricter policy of its own (mailbox-pages).
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-src 'self'; form-action 'none'; frame-ancestors 'none'";

/**
 * The development mailbox: an SMTP server that keeps what it receives in memory and a web page that
 * shows it, so that `scripts/start` on a machine without Docker (and so without Mailpit) still lets a
 * tester read the activation and confirmation emails and follow their links. It listens on loopback
 * only, accepts any sender and recipient, and forgets everything when it stops. Not for production:
 * there the notifications app talks to the city's SMTP relay.
 */
export class DevMailbox {
  private readonly mails: StoredMail[] = [];
  private nextId = 1;

  private constructor(
    private readonly smtp: SMTPServer,
    private readonly http: Server,
    private readonly capacity: number,
  ) {}

  static async start(options: DevMailboxOptions): Promise<DevMailbox> {
    const ref: { self?: DevMailbox } = {};
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onData: (stream, session, callback) => ref.self!.receive(stream, session, callback),
    });
    // A client that drops its connection is an 'error' event: without a listener it would end the process.
    smtp.on('error', (err: Error) => console.warn(`development mailbox: SMTP connection error (${err.message})`));
    const http = createServer((req, res) => {
      // One bad request must not stop the mailbox (and with it, through scripts/start, every app).
      try {
        ref.self!.serve(req, res);
      } catch {
        if (!res.headersSent) send(res, 400, 'text/plain; charset=utf-8', 'Diese Adresse versteht der Posteingang nicht. · The mailbox does not understand this address.');
      }
    });
    ref.self = new DevMailbox(smtp, http, options.capacity ?? 1000);
    await listen(smtp.server, options.smtpPort, options.host);
    await listen(http, options.httpPort, options.host);
    return ref.self;
  }

  get smtpPort(): number {
    return (this.smtp.server.address() as AddressInfo).port;
  }

  get httpPort(): number {
    return (this.http.address() as AddressInfo).port;
  }

  get count(): number {
    return this.mails.length;
  }

  async close(): Promise<void> {
    this.http.closeAllConnections();
    await Promise.all([new Promise<void>((resolve) => this.smtp.close(() => resolve())), new Promise<void>((resolve) => this.http.close(() => resolve()))]);
  }

  private receive(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (stream.sizeExceeded) return callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
      const raw = Buffer.concat(chunks);
      let parsed: ReturnType<typeof parseMail>;
      try {
        parsed = parseMail(raw);
      } catch {
        // Refused at DATA rather than thrown out of this handler, which would stop the process.
        return callback(Object.assign(new Error('Message could not be read'), { responseCode: 554 }));
      }
      this.mails.unshift({
        id: this.nextId++,
        receivedAt: new Date(),
        envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        raw,
        parsed,
      });
      this.mails.splice(this.capacity);
      callback();
    });
  }

  private serve(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://mailbox').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Nur GET · GET only');
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', listPage(this.mails), PAGE_POLICY);
    if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', ''); // browsers ask for it on every page
    if (path === '/api/messages') return send(res, 200, 'application/json', JSON.stringify(this.mails.map(summaryOf)));
    const match = /^\/(api\/)?messages\/(\d+)(?:\/(html|raw|parts\/(\d+)|cid\/(.+)))?$/.exec(path);
    const mail = match ? this.mails.find((m) => m.id === Number(match[2])) : undefined;
    if (!match || !mail) return send(res, 404, 'text/plain; charset=utf-8', 'Diese E-Mail gibt es hier nicht (mehr). · No such email (any more).');
    const [, api, , part, index, cid] = match;
    if (api && !part) return send(res, 200, 'application/json', JSON.stringify({ ...summaryOf(mail), text: mail.parsed.text ?? null, html: mail.parsed.html ?? null }));
    if (!part) return send(res, 200, 'text/html; charset=utf-8', messagePage(mail), PAGE_POLICY);
    if (part === 'html') return send(res, 200, 'text/html; charset=utf-8', htmlBodyOf(mail), MAIL_POLICY);
    if (part === 'raw') return send(res, 200, 'text/plain; charset=utf-8', mail.raw);
    const contentId = cid === undefined ? undefined : decodeURIComponent(cid); // a malformed escape throws: 400 (see start)
    const attachment = index !== undefined ? mail.parsed.attachments[Number(index)] : mail.parsed.attachments.find((a) => a.contentId === contentId);
    if (!attachment) return send(res, 404, 'text/plain; charset=utf-8', 'Diesen Anhang gibt es nicht. · No such attachment.');
    // Served as a download unless it is an image, so no attachment can run as a page of this origin.
    const image = /^image\/(png|jpeg|gif)$/.test(attachment.contentType);
    res.setHeader('content-disposition', `${image ? 'inline' : 'attachment'}; filename="${(attachment.filename ?? `teil-${index ?? 'cid'}`).replace(/[^\w.-]/g, '_')}"`);
    return send(res, 200, image ? attachment.contentType : 'application/octet-stream', attachment.content);
  }
}

/** The mail's own HTML: no script, no requests but this mailbox's images, links open outside the frame. */
const MAIL_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox allow-popups allow-popups-to-escape-sandbox";

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, policy?: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...(policy ? { 'content-security-policy': policy } : {}),
  });
  res.end(body);
}

function listen(server: Server | SMTPServer['server'], port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
