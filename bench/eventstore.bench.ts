/*
 * npm run bench:eventstore — our EventStore against the raw JetStream ceiling, in one run (BENCHMARKS.md).
 *
 * append: raw = the same headers our append sends (Nats-Msg-Id and Nats-Expected-Last-Subject-Sequence)
 *   and a pre-encoded body of the same size (built by our own codec), sent two ways in every round:
 *   nats.js's js.publish, and a plain request over one wildcard inbox (bench/lib/raw-append.ts, the path
 *   our append uses); ours = EventStore.append (validation, body, UUIDv7 id, JSON). One at a time, and 256
 *   in flight (256 writers, one aggregate each). Rounds alternate raw/ours back to back. Raw is the
 *   method with the higher median over the rounds, reported as that median; ours is its median round.
 * replay: over the same stream of REPLAY_EVENTS one-event commits, raw = nats.js's ordered consumer, a
 *   pull consume() in batches of 1,000 and pull by plain MSG.NEXT requests with a callback, all reading
 *   bytes only, every round; raw is again the method with the highest median. Ours = readAllBatches,
 *   decoded, upcast envelopes one array per pull batch, as analytics replays the log. readAll (one
 *   envelope at a time) is measured too, as a note.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connect, nanos, type JetStreamClient, type JetStreamManager, type NatsConnection } from 'nats';
import { JetStreamEventStore, uuidv7, type EventEnvelope } from '@app/eventstore';
import { encodeCommit } from '@app/eventstore/commit-codec';
import { rawAppenders, type RawAppend } from './lib/raw-append';
import { figure, median, printTable, writeResult, type BenchResult } from './lib/bench-report';
import { rawReads, type RawReads } from './lib/raw-read';

const SERIAL_APPENDS = Number(process.env.BENCH_SERIAL ?? 3000);
// 60,000 per round: rounds of 20,000 (≈ 0.3 s) spread 57k–84k/s for ours in one run; 60,000 gave 68k–82k.
const PARALLEL_APPENDS = Number(process.env.BENCH_PARALLEL ?? 60_000);
const IN_FLIGHT = 256;
// More rounds than the 4 and 5 of before steady the medians; the whole run stays well under 5 minutes.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const REPLAY_EVENTS = Number(process.env.BENCH_REPLAY ?? 200_000);
const REPLAY_ROUNDS = Number(process.env.BENCH_REPLAY_ROUNDS ?? 7);
const suffix = randomBytes(4).toString('hex');
const meta = { correlationId: 'bench-eventstore', actor: 'bench' };
const eventData = { office: 'hbs', day: '2026-12-01', slot: '08:30', services: [{ id: 'personalausweis', quantity: 1 }] };

type Writer = (aggregate: number, version: number) => Promise<number>;

interface RunRate {
  readonly perSecond: number;
  /** This process's CPU per append (client side only), steadier than the rate on a shared machine. */
  readonly cpuMicros: number;
}

/** Each writer owns its aggregates, so versions are known locally and no append conflicts. */
async function appendRun(write: Writer, total: number, writers: number): Promise<RunRate> {
  const versions = new Map<number, number>();
  let next = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (next < total) {
        next += 1;
        const aggregate = writers === 1 ? next % 1000 : w;
        versions.set(aggregate, await write(aggregate, versions.get(aggregate) ?? 0));
      }
    }),
  );
  const perSecond = total / (Number(process.hrtime.bigint() - started) / 1e9);
  const used = process.cpuUsage(cpu);
  return { perSecond, cpuMicros: (used.user + used.system) / total };
}

let rawMsgId = 0; // message ids are deduplicated stream-wide: never reuse one across rounds
/** With a 12-digit counter after it, a raw message id is as long as our commit ids (a UUID). */
const rawIdPrefix = `${suffix}-0000-7000-8000-`;

/**
 * Raw message ids have the length of our UUIDv7 commit ids, so both send headers of the same size, but
 * cost raw only a counter. (Ids made before the round and kept for it weighed on every scavenge: raw
 * 47.7k → 39.2k appends/s, same-process A/B.)
 */
function rawWriter(append: RawAppend, prefix: string, payload: Uint8Array): Writer {
  return (aggregate, version) => append(`${prefix}.calendar.a${aggregate}`, payload, rawIdPrefix + String((rawMsgId += 1)).padStart(12, '0'), version);
}

function oursWriter(store: JetStreamEventStore, round: number): Writer {
  return async (aggregate, version) =>
    (await store.append({ type: 'calendar', id: `r${round}-a${aggregate}` }, [{ type: 'AppointmentBooked', data: eventData }], { expectedVersion: version, meta })).position;
}

/**
 * The raw method with the higher median over all rounds, and that median. Taking the faster method in
 * each round instead (the max of two noisy samples) lifted raw by noise alone; the median of one method
 * is still strict, since the other method's median is lower.
 */
function fastestMethod(rounds: Record<string, number[]>): { method: string; perSecond: number } {
  const [method, perSecond] = Object.entries(rounds)
    .map(([name, rates]) => [name, median(rates)] as const)
    .reduce((best, next) => (next[1] > best[1] ? next : best));
  return { method, perSecond };
}

async function compareAppends(appenders: { publish: RawAppend; mux: RawAppend }, store: JetStreamEventStore, rawPrefix: string, total: number, writers: number, roundBase: number) {
  const payload = samplePayload();
  const raw = { 'js.publish': [] as RunRate[], 'request over one inbox': [] as RunRate[] };
  const ours: RunRate[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    raw['js.publish'].push(await appendRun(rawWriter(appenders.publish, `${rawPrefix}.r${roundBase + round}p`, payload), total, writers));
    raw['request over one inbox'].push(await appendRun(rawWriter(appenders.mux, `${rawPrefix}.r${roundBase + round}m`, payload), total, writers));
    ours.push(await appendRun(oursWriter(store, roundBase + round), total, writers));
  }
  const rates = (runs: RunRate[]) => runs.map((r) => r.perSecond);
  const fastest = fastestMethod({ 'js.publish': rates(raw['js.publish']), 'request over one inbox': rates(raw['request over one inbox']) });
  const cpu = (runs: RunRate[]) => median(runs.map((r) => r.cpuMicros));
  return {
    raw: fastest.perSecond,
    rawMethod: fastest.method,
    rawRounds: { 'js.publish': rates(raw['js.publish']), 'request over one inbox': rates(raw['request over one inbox']) },
    rawCpu: cpu(raw[fastest.method as keyof typeof raw]),
    ours: median(rates(ours)),
    oursRounds: rates(ours),
    oursCpu: cpu(ours),
  };
}

/** The body our append writes for the same event (same codec, same size). */
function samplePayload(): Uint8Array {
  return Buffer.from(encodeCommit([{ type: 'AppointmentBooked', data: eventData }], uuidv7(), true, meta, Date.now()));
}

async function fill(store: JetStreamEventStore, events: number): Promise<void> {
  const present = await store.lastPosition();
  if (present >= events) return;
  await appendRun(oursWriter(store, 999), events - present, IN_FLIGHT);
}

async function oursRead(store: JetStreamEventStore, batches = false): Promise<{ perSecond: number; count: number }> {
  const started = process.hrtime.bigint();
  let count = 0;
  let last = 0;
  let ordered = true;
  const see = (e: EventEnvelope) => {
    if (e.position <= last) ordered = false;
    last = e.position;
    if (e.data !== undefined) count += 1;
  };
  if (batches) for await (const batch of store.readAllBatches()) for (const e of batch) see(e);
  else for await (const e of store.readAll()) see(e);
  return { perSecond: count / (Number(process.hrtime.bigint() - started) / 1e9), count: ordered ? count : -1 };
}

async function compareReplay(nc: NatsConnection, jsm: JetStreamManager, js: JetStreamClient, store: JetStreamEventStore) {
  const last = await store.lastPosition();
  const raws: RawReads[] = [];
  const ours: number[] = [];
  const oneByOne: number[] = [];
  let oursCount = 0;
  for (let round = 0; round < REPLAY_ROUNDS; round++) {
    raws.push(await rawReads(nc, jsm, js, store.streamName, last));
    const r = await oursRead(store, true);
    ours.push(r.perSecond);
    oursCount = r.count;
    oneByOne.push((await oursRead(store)).perSecond);
  }
  const byMethod = (key: keyof RawReads) => raws.map((r) => r[key]);
  const fastest = fastestMethod({ 'ordered consumer': byMethod('ordered'), 'pull consume()': byMethod('pull'), 'pull by MSG.NEXT requests with a callback': byMethod('corePull') });
  const of = (key: keyof RawReads) => median(byMethod(key));
  return { last, ordered: of('ordered'), pull: of('pull'), corePull: of('corePull'), raw: fastest.perSecond, rawMethod: fastest.method, ours: median(ours), readAll: median(oneByOne), oursRounds: ours, oursCount };
}

function appendNote(load: string, c: Awaited<ReturnType<typeof compareAppends>>): string {
  const rounds = Object.entries(c.rawRounds).map(([method, rates]) => `${method} ${rates.map(Math.round).join(', ')} (median ${Math.round(median(rates))})`);
  const cpu = `client CPU per append (median) raw ${c.rawCpu.toFixed(2)} µs, ours ${c.oursCpu.toFixed(2)} µs (raw/ours ${(c.rawCpu / c.oursCpu).toFixed(2)})`;
  return `append rounds (${load}): raw = ${c.rawMethod} (higher median); raw ${rounds.join('; ')}; ours ${c.oursRounds.map(Math.round).join(', ')}; ${cpu}`;
}

async function main(): Promise<void> {
  const nc: NatsConnection = await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222', name: 'bench-eventstore' });
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  const rawPrefix = `braw_${suffix}`;
  const rawStream = `BENCH_RAW_${suffix}`;
  await jsm.streams.add({ name: rawStream, subjects: [`${rawPrefix}.>`], allow_direct: true, duplicate_window: nanos(120_000) });
  const store = await JetStreamEventStore.create(nc, { streamName: `BENCH_ES_${suffix}`, subjectPrefix: `bes_${suffix}` });
  try {
    console.log(`appends: ${ROUNDS} alternating rounds of ${SERIAL_APPENDS} (1 in flight) and ${PARALLEL_APPENDS} (${IN_FLIGHT} in flight) each side`);
    const appenders = rawAppenders(nc, js);
    const serial = await compareAppends(appenders, store, rawPrefix, SERIAL_APPENDS, 1, 0);
    const parallel = await compareAppends(appenders, store, rawPrefix, PARALLEL_APPENDS, IN_FLIGHT, 100);
    appenders.close();
    console.log(`replay: filling to ${REPLAY_EVENTS} one-event commits, then ${REPLAY_ROUNDS} rounds`);
    await fill(store, REPLAY_EVENTS);
    const replay = await compareReplay(nc, jsm, js, store);
    const result: BenchResult = {
      name: 'eventstore',
      at: new Date().toISOString(),
      load: { serial_appends: SERIAL_APPENDS, parallel_appends: PARALLEL_APPENDS, in_flight: IN_FLIGHT, rounds: ROUNDS, body_bytes: samplePayload().length, replay_events: replay.last, replay_rounds: REPLAY_ROUNDS },
      figures: {
        append_per_s: figure(serial.ours, serial.raw, '1/s', '>= 0.8'),
        append_256_in_flight_per_s: figure(parallel.ours, parallel.raw, '1/s', '>= 0.8'),
        replay_per_s: figure(replay.ours, replay.raw, '1/s', '>= 0.6'),
      },
      checks: { replay_reads_every_event_in_order: replay.oursCount === replay.last },
      notes: [
        `replay: ours = readAllBatches, one array of envelopes per pull batch (as analytics reads), rounds ${replay.oursRounds.map(Math.round).join(', ')}; raw = the byte-only read method with the highest median over the rounds (${replay.rawMethod}); medians: ordered consumer ${Math.round(replay.ordered)}/s, pull consume() ${Math.round(replay.pull)}/s, pull by MSG.NEXT requests with a callback ${Math.round(replay.corePull)}/s`,
        `readAll (one envelope at a time, informative): ${Math.round(replay.readAll)}/s (${(replay.readAll / replay.raw).toFixed(2)} of raw)`,
        appendNote('1 in flight', serial),
        appendNote(`${IN_FLIGHT} in flight`, parallel),
        `server ${nc.info?.version}`,
      ],
    };
    printTable(result);
    for (const note of result.notes ?? []) console.log(note);
    writeResult(join(__dirname, 'results/eventstore.json'), result);
  } finally {
    await store.destroy();
    await jsm.streams.delete(rawStream).catch(() => undefined);
    await nc.drain();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
