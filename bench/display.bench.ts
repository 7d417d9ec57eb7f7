import { fork, type ChildProcess } from 'node:child_process';
import { FRONTDESK, FRONTDESK_SOCKET, type DisplayState, type QueueCommandReply } from '@app/contracts';
import { Empty } from 'nats';
import { io, type Socket } from 'socket.io-client';
import { berlin, deleteStreams, frontdeskNames, mustRequest, natsConnection, startFrontdesk, type FrontdeskNames } from '../test/frontdesk-support';
import { printTable, writeResult, type BenchResult, type Figure } from './lib/bench-report';

/**
 * Call → screen latency: a clerk's `frontdesk.call.next` request is sent, the command is decided and
 * appended, the instance pushes the new display state, and each of 100 connected screens receives it
 * over Socket.IO. Measured per screen from the request being sent to that screen's receipt. Raw ceiling
 * in the same run, alternating with every call: a core NATS request/reply to an echo responder.
 *
 * Three processes, as in the building: the frontdesk app, the 100 screens, and this driver (the clerk).
 * With all of them in one event loop the bench measured itself: the driver's reply waited behind the
 * 100 screens' frames (reply p50 14 ms, after the first screen at 8 ms). Times are taken on the
 * system-wide monotonic clock (`process.hrtime`), so the processes' readings compare directly.
 * Run as `display.bench.ts server|screens` the file plays one of the children.
 */
const SCREENS = 100;
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

interface Arrival { readonly seq: number; readonly at: number[] }
type ToDriver = { ready: string } | Arrival | { duplicates: number };

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const fig = (ours: number, raw: number, goal: string): Figure => ({ ours: +ours.toFixed(3), raw: +raw.toFixed(3), ratio: +(ours / raw).toFixed(2), unit: 'ms', goal });
const send = (message: ToDriver) => process.send!(message);
const namesFromEnv = () => JSON.parse(process.env.BENCH_NAMES!) as FrontdeskNames;
const officeOpenNow = () => berlin(new Date().toISOString().slice(0, 10), '10:00');

/** Child: the frontdesk app, its clock at 10:00 today (the office is open whenever the bench runs). */
async function serve(): Promise<void> {
  const now = officeOpenNow();
  const { app, url } = await startFrontdesk(namesFromEnv(), () => now, namesFromEnv());
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
  send({ ready: url });
}

/** Child: 100 screens; reports each state's arrival times once every screen has it. */
async function screens(url: string): Promise<void> {
  const arrivals = new Map<number, number[]>();
  let duplicates = 0;
  const sockets: Socket[] = [];
  for (let i = 0; i < SCREENS; i++) {
    const seen = new Set<number>();
    const s = io(`${url}${FRONTDESK_SOCKET.displayNamespace}`, { transports: ['websocket'], auth: { officeId: 'hbs' }, forceNew: true });
    s.on(FRONTDESK_SOCKET.stateEvent, (state: DisplayState) => {
      const at = nowMs();
      if (seen.has(state.seq)) return void duplicates++;
      seen.add(state.seq);
      const list = arrivals.get(state.seq) ?? [];
      list.push(at);
      arrivals.set(state.seq, list);
      if (list.length === SCREENS) send({ seq: state.seq, at: list });
    });
    sockets.push(s);
  }
  await Promise.all(sockets.map((s) => (s.connected ? undefined : new Promise<void>((r) => s.once('connect', () => r())))));
  process.on('message', () => send({ duplicates }));
  process.on('disconnect', () => process.exit(0));
  send({ ready: url });
}

function child(role: string, names: FrontdeskNames, extra: string[] = []): ChildProcess {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each child there (open in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  return fork(__filename, [role, ...extra], {
    execArgv: [...profile, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', BENCH_NAMES: JSON.stringify(names) },
  });
}

const nextMessage = <T>(c: ChildProcess, pick: (m: ToDriver) => T | undefined, timeoutMs: number): Promise<T | undefined> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => done(undefined), timeoutMs);
    const listener = (m: ToDriver) => {
      const value = pick(m);
      if (value !== undefined) done(value);
    };
    const done = (value: T | undefined) => {
      clearTimeout(timer);
      c.off('message', listener);
      resolve(value);
    };
    c.on('message', listener);
  });

async function drive(): Promise<void> {
  const names = frontdeskNames();
  const server = child('server', names);
  const url = await nextMessage(server, (m) => ('ready' in m ? m.ready : undefined), 60_000);
  if (url === undefined) throw new Error('the frontdesk app did not start');
  const viewers = child('screens', names, [url]);
  if ((await nextMessage(viewers, (m) => ('ready' in m ? m.ready : undefined), 60_000)) === undefined) throw new Error('the screens did not connect');
  const arrived = new Map<number, number[]>();
  viewers.on('message', (m: ToDriver) => 'seq' in m && arrived.set(m.seq, m.at));

  const nc = await natsConnection();
  const echo = nc.subscribe(`bench-echo-${names.suffix}`, { callback: (_e, m) => m.respond(m.data) });
  const actor = { userId: 'bench', role: 'clerk' };
  const cmd = (subject: string, payload: object) => mustRequest<QueueCommandReply>(nc, subject, { officeId: 'hbs', actor, ...payload }, names.rpcNamespace);
  await cmd(FRONTDESK.openCounter, { counterId: 'schalter-1' });

  const ours: number[] = [];
  const raw: number[] = [];
  const calledNumbers: string[] = [];
  // Where the time goes: the command's round trip, and the first and the last of the 100 screens.
  const replied: number[] = [];
  const firstScreen: number[] = [];
  const lastScreen: number[] = [];
  let missing = 0;
  for (let i = 0; i < CALLS; i++) {
    await cmd(FRONTDESK.walkIn, { services: [{ serviceId: 'anmeldung', quantity: 1 }] });
    const r0 = nowMs();
    await nc.request(`bench-echo-${names.suffix}`, Empty, { timeout: 5000 });
    raw.push(nowMs() - r0);
    const t0 = nowMs();
    const reply = await cmd(FRONTDESK.callNext, { counterId: 'schalter-1' });
    replied.push(nowMs() - t0);
    calledNumbers.push(reply.ticket!.number);
    const deadline = nowMs() + 5000;
    while (!arrived.has(reply.seq) && nowMs() < deadline) await new Promise((r) => setTimeout(r, 1));
    const at = arrived.get(reply.seq);
    if (at === undefined) missing++;
    else {
      ours.push(...at.map((a) => a - t0));
      firstScreen.push(Math.min(...at) - t0);
      lastScreen.push(Math.max(...at) - t0);
    }
    await cmd(FRONTDESK.start, { ticketId: reply.ticket!.ticketId });
    await cmd(FRONTDESK.complete, { ticketId: reply.ticket!.ticketId });
  }
  const last = await mustRequest<DisplayState>(nc, FRONTDESK.displaySnapshot, { officeId: 'hbs' }, names.rpcNamespace);
  viewers.send('report');
  const duplicates = await nextMessage(viewers, (m) => ('duplicates' in m ? m.duplicates : undefined), 5000);
  const result: BenchResult = {
    name: 'display',
    at: new Date().toISOString(),
    load: { screens: SCREENS, calls: CALLS, instances: 1, processes: 'app, screens, driver' },
    figures: {
      call_to_screen_p50_ms: fig(quantile(ours, 0.5), quantile(raw, 0.5), '<= 10'),
      call_to_screen_p99_ms: fig(quantile(ours, 0.99), quantile(raw, 0.99), '<= 10'),
    },
    checks: {
      every_screen_got_every_call: missing === 0,
      no_screen_got_a_state_twice: duplicates === 0,
      last_calls_shown_in_order: JSON.stringify(last.calls.map((c) => c.ticket)) === JSON.stringify(calledNumbers.slice(-10).reverse()),
    },
    notes: [
      `breakdown p50: command reply ${quantile(replied, 0.5).toFixed(2)} ms, first screen ${quantile(firstScreen, 0.5).toFixed(2)} ms, last screen ${quantile(lastScreen, 0.5).toFixed(2)} ms`,
      'ours = request sent → state received by a screen (each of 100 screens counted); raw = core NATS request/reply to an echo responder, alternating with each call',
      'app, screens and driver run as three processes; times on the shared monotonic clock',
    ],
  };
  printTable(result);
  for (const note of result.notes ?? []) console.log(note);
  writeResult('bench/results/display.json', result);
  echo.unsubscribe();
  viewers.disconnect();
  server.disconnect();
  await new Promise((r) => server.once('exit', r));
  await deleteStreams(nc, names);
  await nc.close();
}

const role = process.argv[2];
const run = role === 'server' ? serve() : role === 'screens' ? screens(process.argv[3]!) : drive().then(() => process.exit(0));
run.catch((err) => {
  console.error(err);
  process.exit(1);
});
