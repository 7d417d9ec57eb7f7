import { randomUUID } from 'node:crypto';
import { createInbox, JSONCodec, type NatsConnection } from 'nats';
import { FRONTDESK, type FrontdeskActor, type QueueCommandReply } from '@app/contracts';
import type { QueuePort } from './queue-day';

const jc = JSONCodec();
/** How long a refusal waits for another responder's acceptance. */
const REFUSAL_SETTLE_MS = 25;

export interface LiveOptions {
  readonly officeId: string;
  /** Simulated minutes per real second: 60 plays an 8-hour day in 8 minutes. */
  readonly minutesPerSecond: number;
  readonly actor: FrontdeskActor;
  readonly timeoutMs?: number;
}

/**
 * The running system's own door: frontdesk.* requests over NATS, in the Nest wire format the gateway
 * uses, on the frontdesk's clock (today, real time). The plan's minutes are played in compressed real
 * time, so the waits it records are compressed too: the live mode shows the whole path working and
 * fills today's screens; history comes from `--direct`.
 */
export function livePort(nc: NatsConnection, options: LiveOptions, firstMinute: number, startedAt = Date.now()): QueuePort & { refused: () => number } {
  let refused = 0;
  const base = { officeId: options.officeId, actor: options.actor };
  const send = async (subject: string, payload: Record<string, unknown>): Promise<QueueCommandReply | undefined> => {
    const reply = await request(nc, subject, { ...base, ...payload }, options.timeoutMs ?? 5000);
    if (!reply.ok) refused += 1;
    return reply.ok ? (reply.value as QueueCommandReply) : undefined;
  };
  return {
    refused: () => refused,
    reach: async (minute) => {
      const due = startedAt + ((minute - firstMinute) / options.minutesPerSecond) * 1000;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    },
    arrive: async (a) => (await send(FRONTDESK.walkIn, { services: a.services }))?.ticket?.ticketId,
    open: async (counterId) => (await send(FRONTDESK.openCounter, { counterId })) !== undefined,
    close: async (counterId) => (await send(FRONTDESK.closeCounter, { counterId })) !== undefined,
    callNext: async (counterId) => (await send(FRONTDESK.callNext, { counterId }))?.ticket?.ticketId,
    start: async (ticketId) => void (await send(FRONTDESK.start, { ticketId })),
    complete: async (ticketId, services) => void (await send(FRONTDESK.complete, { ticketId, servicesDone: services })),
    noShow: async (ticketId) => void (await send(FRONTDESK.noShow, { ticketId })),
  };
}

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string } };

/**
 * One request/reply as Nest's NATS client sends it. Subjects are shared by every frontdesk on the
 * server (other queue groups, e.g. parallel tests, answer too), so a refusal waits a moment for an
 * acceptance from another responder; silence is a refusal, not a hang.
 */
async function request(nc: NatsConnection, subject: string, data: unknown, timeoutMs: number): Promise<Envelope> {
  const inbox = createInbox();
  const sub = nc.subscribe(inbox, { timeout: timeoutMs });
  let refusal: Envelope | undefined;
  let settle: ReturnType<typeof setTimeout> | undefined;
  nc.publish(subject, jc.encode({ pattern: subject, data, id: randomUUID() }), { reply: inbox });
  try {
    for await (const m of sub) {
      const reply = (jc.decode(m.data) as { response?: Envelope }).response ?? { ok: false, error: { code: 'malformed_reply' } };
      if (reply.ok) return reply;
      refusal ??= reply;
      settle ??= setTimeout(() => sub.unsubscribe(), REFUSAL_SETTLE_MS);
    }
  } catch {
    // timeout: nobody answered
  } finally {
    clearTimeout(settle);
    sub.unsubscribe();
  }
  return refusal ?? { ok: false, error: { code: 'no_answer' } };
}
