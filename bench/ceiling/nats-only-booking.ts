/*
 * The ceiling of the booking service on this machine: a process that answers the three booking
 * requests with exactly their NATS traffic and nothing else. Per booking it takes the same three
 * requests in Nest's wire format, makes six acked appends with an expected last subject sequence
 * (calendar ×3, contact ×2, the personal-data key; each as large as a calendar commit, through the raw
 * append of bench/lib/raw-append.ts) and sends the same three replies. No validation, no domain, no
 * encryption, no cache, no logging.
 *
 * bench:booking measures it beside the booking service in every round. What it reaches is the most any
 * implementation of the booking service can reach here, whatever it does on top.
 *
 * Started by bench:booking (env: NATS_URL, RPC_NAMESPACE, NATS_QUEUE, CEILING_STREAM); prints nothing.
 */
import { BOOKING } from '@app/contracts';
import { rpcSubject } from '@app/platform';
import { connect, type Msg } from 'nats';
import { rawAppenders } from '../lib/raw-append';

/** One calendar commit's worth of bytes, as in the raw run. */
const COMMIT = new TextEncoder().encode(JSON.stringify({ pad: 'x'.repeat(900) }));

interface Hold { readonly calendar: string }
interface Appointment { readonly calendar: string; readonly contact: string }

async function main(): Promise<void> {
  const env = process.env;
  const stream = env['CEILING_STREAM']!;
  const nc = await connect({ servers: env['NATS_URL'] ?? 'nats://127.0.0.1:4222', name: 'bench-ceiling-service' });
  const append = appendInOrder(rawAppenders(nc, nc.jetstream()).mux);
  const holds = new Map<string, Hold>();
  const appointments = new Map<string, Appointment>();
  let next = 0;

  const routes: Record<string, (data: Record<string, string>) => Promise<unknown>> = {
    [BOOKING.placeHold]: async ({ officeId, date }) => {
      const holdId = `h${(next += 1)}`;
      holds.set(holdId, { calendar: `${stream}.calendar.${officeId}-${date}` });
      await append(holds.get(holdId)!.calendar);
      return { holdId };
    },
    [BOOKING.submitContact]: async ({ holdId }) => {
      const hold = holds.get(holdId!)!;
      holds.delete(holdId!);
      const reference = `R${holdId}`;
      const appointment = { calendar: hold.calendar, contact: `${stream}.contact.${reference}` };
      appointments.set(reference, appointment);
      // In the booking service's order: reserve on the contact, create the personal-data key, then the calendar.
      await append(appointment.contact);
      await append(`${stream}.key.${reference}`);
      await append(appointment.calendar);
      return { reference, status: 'awaiting_activation' };
    },
    [BOOKING.activate]: async ({ reference }) => {
      const appointment = appointments.get(reference!)!;
      appointments.delete(reference!);
      await append(appointment.calendar);
      await append(appointment.contact);
      return { reference, status: 'booked' };
    },
  };
  for (const [pattern, route] of Object.entries(routes)) {
    nc.subscribe(rpcSubject(env['RPC_NAMESPACE'] ?? '', pattern), {
      queue: env['NATS_QUEUE'],
      callback: (err, msg) => err || void answer(msg, route),
    });
  }
  await nc.flush();
  process.send?.('ready');
}

async function answer(msg: Msg, route: (data: Record<string, string>) => Promise<unknown>): Promise<void> {
  const packet = JSON.parse(msg.string()) as { id: string; data: Record<string, string> };
  const value = await route(packet.data);
  msg.respond(JSON.stringify({ id: packet.id, response: { ok: true, value }, isDisposed: true }));
}

/**
 * Appends one at a time per subject with the subject's last sequence as the expected one, as the
 * command handler's per-aggregate queue does: two concurrent appends to one calendar never collide.
 */
function appendInOrder(raw: ReturnType<typeof rawAppenders>['mux']): (subject: string) => Promise<void> {
  const last = new Map<string, Promise<number>>();
  let id = 0;
  return (subject) => {
    const after = last.get(subject) ?? Promise.resolve(0);
    const appended = after.then((expected) => raw(subject, COMMIT, `${process.pid}-${(id += 1)}`, expected));
    last.set(subject, appended);
    return appended.then(() => undefined);
  };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
