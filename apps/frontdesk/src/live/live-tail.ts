import type { AggregateRef, CommitBody } from '@app/eventstore';
import { DeliverPolicy, type ConsumerMessages, type JetStreamClient } from 'nats';

export interface TailCommit {
  readonly aggregate: AggregateRef;
  readonly position: number;
  readonly body: CommitBody;
}

/**
 * This instance's own view of "what was just appended": an ordered (ephemeral, flow-controlled,
 * self-healing) consumer over the whole event stream from a given position. It is not durable on
 * purpose: each instance rebuilds its live state at start and only needs what comes after, and a
 * crashed instance leaves no consumer behind (the server drops an idle ordered consumer).
 *
 * One consumer over `<prefix>.>` rather than one per aggregate type: nats-server 2.9 has no multiple
 * filter subjects, and the other aggregate types are few and small.
 */
export class LiveTail {
  private messages?: ConsumerMessages;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly js: JetStreamClient,
    private readonly stream: string,
    private readonly subjectPrefix: string,
  ) {}

  async start(fromPosition: number, onCommit: (commit: TailCommit) => void): Promise<void> {
    const consumer = await this.js.consumers.get(this.stream, {
      filterSubjects: `${this.subjectPrefix}.>`,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: Math.max(1, fromPosition),
    });
    const messages = await consumer.consume({ max_messages: 512 });
    this.messages = messages;
    const prefixTokens = this.subjectPrefix.split('.').length;
    this.loop = (async () => {
      for await (const m of messages) {
        const tokens = m.subject.split('.');
        const aggregate = { type: tokens[prefixTokens] ?? '', id: tokens.slice(prefixTokens + 1).join('.') };
        let body: CommitBody;
        try {
          body = m.json<CommitBody>();
        } catch {
          continue; // not a commit (never written by the event store): nothing to show
        }
        onCommit({ aggregate, position: m.seq, body });
      }
    })();
  }

  async stop(): Promise<void> {
    this.messages?.stop();
    await this.loop.catch(() => undefined);
  }
}
