import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { parseMail, type ParsedMail } from './mime-reader';

export interface ReceivedMail {
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly raw: Buffer;
  readonly parsed: ParsedMail;
}

export type SmtpStage = 'rcpt' | 'data';

interface Fault {
  stage: SmtpStage;
  code: number;
  remaining: number;
}

/**
 * A real SMTP server on a random local port for integration tests. It records every message it
 * accepts, counts every transaction (MAIL FROM) so tests can prove there was no retry storm, and can
 * be told to answer 4xx/5xx a number of times at RCPT or DATA.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Transactions started (one per send attempt that reached MAIL FROM). */
  transactions = 0;
  private faults: Fault[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<TestSmtpServer> {
    // The handlers need the instance, which needs the listening server's port: tie the knot by reference.
    const ref: { self?: TestSmtpServer } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onMailFrom: (_address, _session, callback) => {
        ref.self!.transactions++;
        callback();
      },
      onRcptTo: (_address, _session, callback) => callback(ref.self!.takeFault('rcpt')),
      onData: (stream, session, callback) => ref.self!.receive(stream, session, callback),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (server.server.address() as AddressInfo).port;
    ref.self = new TestSmtpServer(server, port);
    return ref.self;
  }

  /** Answer `code` at `stage` for the next `times` transactions (Infinity = always). */
  failNext(times: number, code: number, stage: SmtpStage = 'data'): void {
    this.faults.push({ stage, code, remaining: times });
  }

  /** Resolves once at least `count` messages have arrived. */
  async waitForMessages(count: number, timeoutMs = 5_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.received;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private takeFault(stage: SmtpStage): Error | null {
    const fault = this.faults.find((f) => f.stage === stage && f.remaining > 0);
    if (!fault) return null;
    fault.remaining--;
    const text = fault.code >= 500 ? 'Requested action not taken: mailbox unavailable' : 'Try again later';
    return Object.assign(new Error(`${text} (test fault)`), { responseCode: fault.code });
  }

  private receive(stream: SMTPServerDataStream, session: { envelope: { mailFrom: unknown; rcptTo: { address: string }[] } }, callback: (err?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const fault = this.takeFault('data');
      if (fault) return callback(fault);
      const raw = Buffer.concat(chunks);
      const from = session.envelope.mailFrom;
      this.received.push({
        envelopeFrom: typeof from === 'object' && from !== null ? String((from as { address: string }).address) : '',
        envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        raw,
        parsed: parseMail(raw),
      });
      this.waiters.splice(0).forEach((wake) => wake());
      callback();
    });
  }
}
