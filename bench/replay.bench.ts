/*
 * npm run bench:replay — the analytics replay against the raw JetStream read, in one run (BENCHMARKS.md).
 *
 * Load: BENCH_OFFICES × BENCH_DAYS office-days of synthetic but realistic traffic (appointments booked and
 * cancelled, walk-ins and check-ins over the day, calls, service, no-shows, counters opening and closing),
 * one event per commit, published in bulk with the raw client (256 in flight) into a stream of its own
 * until ≥ BENCH_EVENTS events, deleted afterwards. Each body is what the store's append writes, made by its
 * own codec (encodeCommit, format 2); the append's headers (message id, expected sequence) are left out, as
 * a core publish cannot check 1M expected sequences and the replay reads no header of a commit.
 * raw  = the fastest of three byte-only reads of the same messages (nats.js ordered consumer, pull consume()
 *        in batches of 1,000, pull by plain MSG.NEXT requests with a callback), nothing decoded, per round;
 * ours = flowReport: readAllBatches (taken off the connection by the store's reader thread; decode, upcast
 *        here), period filter, flow projection, figures and their hash, as the analytics service runs it.
 * One untimed warm-up of each (the JIT; the reader thread starts), then rounds alternate raw/ours; the
 * median counts.
 * check `deterministic`: every round (batch 1,000) and one untimed run with batch 250 give the same hash, and one office read
 * per day (subject filters) gives the same hash as the scan.
 * Node flags: the analytics service runs as an app process, with the flags scripts/start and the Dockerfile give
 * every app (a 64 MB young generation), so the bench re-runs itself under them; raw and ours share that process.
 * BENCH_NODE_FLAGS overrides them for A/B runs (BENCH_NODE_FLAGS= for none).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { addDays, fromZoned } from '@app/domain';
import { JetStreamEventStore, uuidv7 } from '@app/eventstore';
import { encodeCommit } from '@app/eventstore/commit-codec';
import { flowReport } from '../apps/analytics/src/report/flow-report';
import { seededRandom } from '../apps/analytics/src/simulate/seeded-random';
import { figure, median, printTable, writeResult, type BenchResult } from './lib/bench-report';
import { bestRaw, rawCorePullRead, rawReads, type RawReads } from './lib/raw-read';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const OFFICES = Number(process.env.BENCH_OFFICES ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const FIRST_DAY = '2026-01-05';
const suffix = randomBytes(4).toString('hex');
const meta = { correlationId: 'bench-replay', actor: 'bench' };
/** scripts/lib/common.sh APP_NODE_FLAGS (also the Dockerfile's and bench:booking's). */
const APP_NODE_FLAGS = '--max-semi-space-size=64';
const NODE_FLAGS = process.env.BENCH_NODE_FLAGS ?? APP_NODE_FLAGS;
const UNDER_FLAGS = 'BENCH_REPLAY_UNDER_FLAGS';

/** The simulator's seeded generator (mulberry32), so every run replays the same synthetic log. */
const seeded = seededRandom;

type Ev = [aggregate: 'calendar' | 'queue', type: string, data: Record<string, unknown>];
const SERVICES = ['personalausweis', 'reisepass', 'anmeldung', 'ummeldung', 'fuehrungszeugnis'];

/** One office-day: ~200 visits on 3 counters, 08:00–16:00. */
function day(officeId: string, date: string, rnd: () => number): Ev[] {
  const at = (minute: number) => fromZoned(date, '08:00', 'Europe/Berlin') + Math.round(minute * 60_000);
  const out: Ev[] = [];
  const counters = ['schalter-1', 'schalter-2', 'schalter-3'];
  for (const counterId of counters) out.push(['queue', 'CounterOpened', { counterId, serviceIds: SERVICES, at: at(0) }]);
  const free = counters.map(() => 0);
  for (let i = 0; i < 200; i++) {
    const booked = rnd() < 0.6;
    const services = [{ serviceId: SERVICES[Math.floor(rnd() * SERVICES.length)]!, quantity: 1 }];
    const arrive = (i / 200) * 450 + rnd() * 5;
    const ticketId = `${officeId}-${date}-t${i}`;
    const kind = booked ? 'booked' : 'walk_in';
    const number = `${booked ? 'T' : 'W'}-${String(i).padStart(3, '0')}`;
    if (booked) {
      const appointmentId = `${officeId}-${date}-a${i}`;
      const startsAt = at(Math.round(arrive / 15) * 15);
      out.push(['calendar', 'AppointmentBooked', { appointmentId, officeId, date, startsAt, services, bookedAt: startsAt - 5 * 86_400_000, reference: 'R', contactKey: 'k', sealedContact: {} }]);
      if (rnd() < 0.05) {
        out.push(['calendar', 'AppointmentCancelled', { appointmentId, officeId, date, startsAt, services, reason: 'citizen_request', wasBooked: true }]);
        continue;
      }
      if (rnd() < 0.07) continue; // never came
      out.push(['queue', 'BookedCustomerCheckedIn', { ticketId, number, kind, seq: i, services, priority: 0, at: at(arrive), dueAt: startsAt, appointment: { appointmentId, reference: 'R', start: startsAt } }]);
    } else {
      out.push(['queue', 'WalkInTicketIssued', { ticketId, number, kind, seq: i, services, priority: 0, at: at(arrive), reason: 'walk_in' }]);
    }
    const c = free.indexOf(Math.min(...free));
    const called = Math.max(arrive + 1, free[c]!);
    const counterId = counters[c]!;
    out.push(['queue', 'TicketCalled', { ticketId, number, kind, services, priority: 0, counterId, reason: kind, passedOver: [], queuedAt: at(arrive), at: at(called) }]);
    if (rnd() < 0.04) {
      out.push(['queue', 'TicketNoShow', { ticketId, number, kind, counterId, calls: 1, reason: 'marked', at: at(called + 3) }]);
      free[c] = called + 3;
      continue;
    }
    const minutes = 5 + rnd() * 20;
    out.push(['queue', 'ServiceStarted', { ticketId, number, kind, counterId, services, at: at(called + 1) }]);
    out.push(['queue', 'ServiceCompleted', { ticketId, number, kind, counterId, servicesRequested: services, servicesDone: services, startedAt: at(called + 1), at: at(called + 1 + minutes) }]);
    free[c] = called + 1 + minutes;
  }
  for (const counterId of counters) out.push(['queue', 'CounterClosed', { counterId, releasedTicketIds: [], at: at(Math.max(480, ...free)) }]);
  return out;
}

/**
 * Publishes days until the target is reached, on core NATS (the stream stores what arrives on its
 * subjects; TCP keeps the publisher from outrunning the server), then waits until the stream holds all.
 * Acked publishes would take minutes for 1M; the append path has its own benchmark.
 */
async function fill(nc: NatsConnection, jsm: JetStreamManager, stream: string, prefix: string): Promise<{ days: number; events: number }> {
  const rnd = seeded(20261124);
  const occurredAt = Date.now();
  let events = 0;
  let days = 0;
  while (events < TARGET_EVENTS) {
    const date = addDays(FIRST_DAY, days);
    for (let o = 0; o < OFFICES; o++) {
      for (const [type, eventType, data] of day(`b${o}`, date, rnd)) {
        const body = encodeCommit([{ type: eventType, data }], uuidv7(), true, meta, occurredAt);
        nc.publish(`${prefix}.${type}.b${o}-${date}`, Buffer.from(body));
        events += 1;
      }
      await nc.flush();
    }
    days += 1;
  }
  for (let waited = 0; (await jsm.streams.info(stream)).state.messages < events; waited += 1) {
    if (waited > 600) throw new Error('stream did not receive every published event within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { days, events };
}

/** CPU of this process (all its threads, GC helpers included), µs: steadier than wall time on a busy machine. */
const cpuMicros = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** `work`'s CPU per event, µs. */
async function cpuPerEvent<T>(events: number, work: () => Promise<T>): Promise<{ result: T; cpu: number }> {
  const before = cpuMicros();
  const result = await work();
  return { result, cpu: (cpuMicros() - before) / events };
}

async function readAllRate(store: JetStreamEventStore, batches: boolean, offThread = false): Promise<number> {
  const started = process.hrtime.bigint();
  let count = 0;
  if (batches) for await (const batch of store.readAllBatches({ batchSize: 1000, offThread })) count += batch.length;
  else for await (const e of store.readAll({ batchSize: 1000 })) if (e.position > 0) count += 1;
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function oursRead(store: JetStreamEventStore, period: { from: string; to: string }, batchSize: number) {
  const started = process.hrtime.bigint();
  const report = await flowReport(store, period, { mode: 'scan', batchSize });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: report.eventsReplayed / seconds, hash: report.hash, events: report.eventsReplayed, visits: report.figures.visits.total };
}

async function main(): Promise<void> {
  const nc = await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222', name: 'bench-replay' });
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  const servers = process.env.NATS_URL ?? '127.0.0.1:4222';
  // As the analytics service opens its log (analytics-runtime.ts): long replays read on a reader thread.
  const readerConnection = { servers, name: 'bench-replay-reader' };
  const store = await JetStreamEventStore.create(nc, { streamName: `BENCH_REPLAY_${suffix}`, subjectPrefix: `brp_${suffix}`, readerConnection });
  try {
    const startLoad = loadavg()[0]!;
    const fillStarted = Date.now();
    const load = await fill(nc, jsm, store.streamName, `brp_${suffix}`);
    console.log(`filled ${load.events} events (${OFFICES} offices × ${load.days} days) in ${((Date.now() - fillStarted) / 1000).toFixed(1)} s`);
    const last = await store.lastPosition();
    const period = { from: FIRST_DAY, to: addDays(FIRST_DAY, load.days - 1) };
    const raws: RawReads[] = [];
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const hashes = new Set<string>();
    let visits = 0;
    let counted = 0;
    // Untimed warm-up of both sides: the JIT, and ours' reader thread, which starts with the first long
    // read (in a built app in tens of milliseconds; here under ts-node it loads the compiler first).
    const warmUp = process.hrtime.bigint();
    await rawCorePullRead(nc, jsm, store.streamName, last, 1000, false);
    await flowReport(store, period, { mode: 'scan', batchSize: 1000 });
    const warmUpSeconds = Number(process.hrtime.bigint() - warmUp) / 1e9;
    for (let round = 0; round < ROUNDS; round++) {
      const raw = await rawReads(nc, jsm, js, store.streamName, last);
      raws.push(raw);
      const { result: r, cpu } = await cpuPerEvent(last, () => oursRead(store, period, 1000));
      ours.push(r.perSecond);
      oursCpu.push(cpu);
      hashes.add(r.hash);
      visits = r.visits;
      counted = r.events;
      console.log(`round ${round + 1}: raw ordered ${Math.round(raw.ordered)}/s, pull ${Math.round(raw.pull)}/s, core pull ${Math.round(raw.corePull)}/s; ours ${Math.round(r.perSecond)}/s`);
    }
    // Where the floor is: the fastest raw read that also JSON-parses each message (no envelopes, no
    // projection), and EventStore.readAll / readAllBatches alone (decoded envelopes; no projection).
    const { result: parsed, cpu: parsedCpu } = await cpuPerEvent(last, () => rawCorePullRead(nc, jsm, store.streamName, last, 1000, true));
    const readAllOnly = await readAllRate(store, false);
    const { result: batchesOnly, cpu: batchesCpu } = await cpuPerEvent(last, () => readAllRate(store, true, false));
    const { result: offThreadOnly, cpu: offThreadCpu } = await cpuPerEvent(last, () => readAllRate(store, true, true));
    // Untimed: another batch size must give the same bytes.
    hashes.add((await flowReport(store, period, { mode: 'scan', batchSize: 250 })).hash);
    const office = { officeId: 'b0', ...period };
    const scanOffice = await flowReport(store, office, { mode: 'scan' });
    const perDayOffice = await flowReport(store, office, { mode: 'per-day' });
    const ordered = median(raws.map((r) => r.ordered));
    const pull = median(raws.map((r) => r.pull));
    const corePull = median(raws.map((r) => r.corePull));
    const raw = median(raws.map(bestRaw));
    const result: BenchResult = {
      name: 'replay',
      at: new Date().toISOString(),
      load: { events: last, offices: OFFICES, days: load.days, visits, rounds: ROUNDS, nodeFlags: NODE_FLAGS },
      figures: { replay_events_per_s: figure(median(ours), raw, '1/s', '>= 0.5') },
      checks: {
        deterministic: hashes.size === 1 && scanOffice.hash === perDayOffice.hash,
        every_event_replayed: counted === last,
      },
      notes: [
        `raw = the fastest byte-only read of the same messages in each round (median ${Math.round(raw)}/s): ordered consumer ${Math.round(ordered)}/s, pull consume() ${Math.round(pull)}/s, pull by MSG.NEXT requests with a callback ${Math.round(corePull)}/s (medians)`,
        `ours rounds: ${ours.map(Math.round).join(', ')} (batch 1000); with batch 250 once more: ${hashes.size} distinct hash(es) over all runs`,
        `ratio per round (ours / that round's raw; the spread shows how noisy the machine was): ${ours.map((o, i) => (o / bestRaw(raws[i]!)).toFixed(2)).join(', ')}`,
        `one office (${scanOffice.eventsReplayed} events): scan vs per-day subject reads give ${scanOffice.hash === perDayOffice.hash ? 'the same' : 'DIFFERENT'} hash`,
        `raw MSG.NEXT read + JSON.parse of each message only: ${Math.round(parsed)}/s (${(parsed / raw).toFixed(2)} of raw) — decoding alone costs this much`,
        `EventStore.readAll alone: ${Math.round(readAllOnly)}/s (${(readAllOnly / raw).toFixed(2)} of raw); readAllBatches alone: ${Math.round(batchesOnly)}/s (${(batchesOnly / raw).toFixed(2)}), with the reader thread ${Math.round(offThreadOnly)}/s (${(offThreadOnly / raw).toFixed(2)}) — the rest is period filter, projection and figures`,
        `CPU per event of this process, all threads (µs): ours ${oursCpu.map((c) => c.toFixed(2)).join(', ')}; readAllBatches alone ${batchesCpu.toFixed(2)}, with the reader thread ${offThreadCpu.toFixed(2)}; raw MSG.NEXT read + JSON.parse ${parsedCpu.toFixed(2)}`,
        `ours reads on the event store's reader thread (a worker with its own connection) and decodes and projects on the main thread; one untimed warm-up of both sides first (${warmUpSeconds.toFixed(1)} s)`,
        `load average (1 min) at the start ${startLoad.toFixed(1)}, at the end ${loadavg()[0]!.toFixed(1)} (2 cores)`,
        `node ${process.version} with flags "${NODE_FLAGS}" (raw and ours in the same process); server ${nc.info?.version}`,
      ],
    };
    printTable(result);
    for (const note of result.notes ?? []) console.log(note);
    writeResult(join(__dirname, 'results/replay.json'), result);
  } finally {
    await store.destroy();
    await nc.drain();
  }
}

/** Runs this file again in a node process started with NODE_FLAGS (V8 sizes its heap at start-up only). */
function underAppFlags(): void {
  const flags = NODE_FLAGS.split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', __filename], {
    env: { ...process.env, [UNDER_FLAGS]: '1' },
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
}

if (process.env[UNDER_FLAGS] === '1') {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  underAppFlags();
}
