import { performance } from 'node:perf_hooks';
import { FRONTDESK, FRONTDESK_SOCKET, type DisplayState, type QueueCommandReply } from '@app/contracts';
import { Empty } from 'nats';
import { io, type Socket } from 'socket.io-client';
import { berlin, deleteStreams, frontdeskNames, mustRequest, natsConnection, startFrontdesk } from '../test/frontdesk-support';
import { printTable, writeResult, type BenchResult, type Figure } from './lib/bench-report';

/**
 * Call → screen latency: a clerk's `frontdesk.call.next` request is sent, the command is decided and
 * appended, the instance's tail of the log sees the commit, and each of 100 connected screens gets the
 * new display state over Socket.IO. Measured per screen from the request being sent to that screen's
 * receipt. Raw ceiling in the same run, alternating with every call: a core NATS request/reply to an
 * echo responder on the same connection.
 */
const SCREENS = 100;
const CALLS = Number(process.env.BENCH_CALLS ?? 200);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const fig = (ours: number, raw: number, goal: string): Figure => ({ ours: +ours.toFixed(3), raw: +raw.toFixed(3), ratio: +(ours / raw).toFixed(2), unit: 'ms', goal });

async function main(): Promise<void> {
  const names = frontdeskNames();
  const day = new Date().toISOString().slice(0, 10);
  const now = berlin(day, '10:00');
  const { app, url } = await startFrontdesk(names, () => now, names);
  const nc = await natsConnection();
  const echo = nc.subscribe(`bench-echo-${names.suffix}`, { callback: (_e, m) => m.respond(m.data) });
  const arrivals: Map<number, number>[] = [];
  const sockets: Socket[] = [];
  for (let i = 0; i < SCREENS; i++) {
    const seen = new Map<number, number>();
    arrivals.push(seen);
    const s = io(`${url}${FRONTDESK_SOCKET.displayNamespace}`, { transports: ['websocket'], auth: { officeId: 'hbs' }, forceNew: true });
    s.on(FRONTDESK_SOCKET.stateEvent, (state: DisplayState) => { if (!seen.has(state.seq)) seen.set(state.seq, performance.now()); });
    sockets.push(s);
  }
  await Promise.all(sockets.map((s) => (s.connected ? undefined : new Promise((r) => s.once('connect', r)))));
  const actor = { userId: 'bench', role: 'clerk' };
  const cmd = (subject: string, payload: object) => mustRequest<QueueCommandReply>(nc, subject, { officeId: 'hbs', actor, ...payload }, names.rpcNamespace);
  await cmd(FRONTDESK.openCounter, { counterId: 'schalter-1' });

  const ours: number[] = [];
  const raw: number[] = [];
  const calledNumbers: string[] = [];
  let missing = 0;
  for (let i = 0; i < CALLS; i++) {
    await cmd(FRONTDESK.walkIn, { services: [{ serviceId: 'anmeldung', quantity: 1 }] });
    const r0 = performance.now();
    await nc.request(`bench-echo-${names.suffix}`, Empty, { timeout: 5000 });
    raw.push(performance.now() - r0);
    const t0 = performance.now();
    const reply = await cmd(FRONTDESK.callNext, { counterId: 'schalter-1' });
    calledNumbers.push(reply.ticket!.number);
    const deadline = performance.now() + 5000;
    while (arrivals.some((a) => !a.has(reply.seq)) && performance.now() < deadline) await new Promise((r) => setImmediate(r));
    for (const a of arrivals) {
      const at = a.get(reply.seq);
      if (at === undefined) missing++;
      else ours.push(at - t0);
    }
    await cmd(FRONTDESK.start, { ticketId: reply.ticket!.ticketId });
    await cmd(FRONTDESK.complete, { ticketId: reply.ticket!.ticketId });
  }
  const last = await mustRequest<DisplayState>(nc, FRONTDESK.displaySnapshot, { officeId: 'hbs' }, names.rpcNamespace);
  const result: BenchResult = {
    name: 'display',
    at: new Date().toISOString(),
    load: { screens: SCREENS, calls: CALLS, instances: 1 },
    figures: {
      call_to_screen_p50_ms: fig(quantile(ours, 0.5), quantile(raw, 0.5), '<= 10'),
      call_to_screen_p99_ms: fig(quantile(ours, 0.99), quantile(raw, 0.99), '<= 10'),
    },
    checks: {
      every_screen_got_every_call: missing === 0,
      last_calls_shown_in_order: JSON.stringify(last.calls.map((c) => c.ticket)) === JSON.stringify(calledNumbers.slice(-10).reverse()),
    },
    notes: ['ours = request sent → state received by a screen (each of 100 screens counted); raw = core NATS request/reply to an echo responder, alternating with each call'],
  };
  printTable(result);
  writeResult('bench/results/display.json', result);
  sockets.forEach((s) => s.disconnect());
  echo.unsubscribe();
  await app.close();
  await deleteStreams(nc, names);
  await nc.close();
}

void main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
