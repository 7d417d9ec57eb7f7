import { randomUUID } from 'node:crypto';
import { JSONCodec, type NatsConnection } from 'nats';
import { rpcSubject } from '@app/platform';
import { FRONTDESK, type FrontdeskActor, type QueueCommandReply } from '@app/contracts';
import type { QueuePort } from './queue-day';

const jc = JSONCodec();

export interface LiveOptions {
  readonly officeId: string;
  /** Simulated minutes per real second: 60 plays an 8-hour day in 8 minutes. */
  readonly minutesPerSecond: number;
  readonly actor: FrontdeskActor;
  /** The running system's RPC_NAMESPACE (empty for the default subjects). */
  readonly rpcNamespace?: string;
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
    const reply = await request(nc, options.rpcNamespace ?? '', subject, { ...base, ...payload }, options.timeoutMs ?? 5000);
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

/** One request/reply as Nest's NATS client sends it; silence is a refusal, not a hang. */
async function request(nc: NatsConnection, namespace: string, pattern: string, data: unknown, timeoutMs: number): Promise<Envelope> {
  try {
    const m = await nc.request(rpcSubject(namespace, pattern), jc.encode({ pattern, data, id: randomUUID() }), { timeout: timeoutMs });
    return (jc.decode(m.data) as { response?: Envelope }).response ?? { ok: false, error: { code: 'malformed_reply' } };
  } catch {
    return { ok: false, error: { code: 'no_answer' } };
  }
}
