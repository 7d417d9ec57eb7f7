/*
 * npm run bench:booking — whole bookings through the booking service and through HTTP, beside the raw
 * JetStream ceiling measured in the same run (BENCHMARKS.md).
 *
 * A "booking" is what a citizen does for one appointment with the shipped rules (email activation on):
 * place a hold → give contact data → activate. Through the SERVICE that is three NATS requests to a
 * booking process (`booking.hold.place`, `booking.contact.submit`, `booking.appointment.activate`);
 * through HTTP the same three calls to a gateway process, each hold with a pre-solved ALTCHA (low cost,
 * high rate limits — set by config, exactly as production reads them). Booking and gateway run as their
 * own processes (`apps/<app>/src/main.ts`), as deployed; 256 clients run here, each booking its own slot.
 *
 * raw: acked appends with expected last subject sequence, 256 in flight, payload as large as a calendar
 * commit — each round the faster of nats.js's js.publish and the same message as a request over one
 * wildcard inbox (the cheaper path our event store uses; bench/lib/raw-append.ts). One booking needs several JetStream writes (calendar ×3, contact ×2, the personal-data key),
 * counted from the streams after the run, so the raw ceiling in bookings/s is raw appends/s ÷ writes per
 * booking: what JetStream alone would allow for the same writes. Rounds alternate raw / service / HTTP;
 * the median round counts. Afterwards every calendar is replayed from the log: no slot over capacity.
 *
 * Each round also measures the ceiling of both paths on this machine (bench/ceiling/): a NATS-only booking
 * service that makes a booking's requests, appends and replies and nothing else, and a bare node:http
 * gateway in front of it, driven by the same clients over the same slots. They are printed beside the
 * figures as what any implementation could reach here, not as goals.
 *
 * The notes give CPU per booking of every process on the machine, nats-server included (found in /proc),
 * and the server's and raw client's CPU for the raw run's writes of one booking: on two shared cores the
 * sum is what bounds the rate. nats-server's figure counts every client of the server, so it is only
 * meaningful on an otherwise quiet machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { activationTokenFor, BOOKING } from '@app/contracts';
import { addDays, calendarDecider, findOffice, onlineCapacityAt, parseCatalog, timeToMinutes, type CalendarEvent, type CalendarState, type Catalog } from '@app/domain';
import { connectEventStore } from '@app/eventstore';
import { NamespacedNatsClient, RpcClient } from '@app/platform';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { connect, nanos } from 'nats';
import shipped from '../config/catalog.json';
import { solveCaptcha } from '../apps/gateway/src/security/captcha/captcha.testing';
import { figure, median, printTable, writeResult, type BenchResult } from './lib/bench-report';
import { rawAppenders, type RawAppend } from './lib/raw-append';

const CLIENTS = 256;
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 3000);
const HTTP_BOOKINGS = Number(process.env.BENCH_HTTP_BOOKINGS ?? 1500);
const RAW_APPENDS = Number(process.env.BENCH_RAW ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// A 64 MB young generation: GC was ≈ 20 % of the app processes' CPU; A/B (3 same-time pairs) cut booking CPU per booking 0.98 -> 0.88 ms.
const APP_NODE_FLAGS = '--max-semi-space-size=64';
const OFFICES = 16;
// BENCH_BOOKING_INSTANCES=2 runs two booking processes in one queue group, as a scaled-out deployment would (they share the log).
const BOOKING_INSTANCES = Number(process.env.BENCH_BOOKING_INSTANCES ?? 1);
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const suffix = randomBytes(4).toString('hex');
const names = { stream: `BENCH_BOOKING_${suffix}`, prefix: `bbk${suffix}`, bucket: `bench_booking_keys_${suffix}`, ns: `bench-${suffix}`, redis: `bench:${suffix}:`, raw: `BENCH_BOOKING_RAW_${suffix}`, ceiling: `BENCH_BOOKING_CEILING_${suffix}` };
const activationKey = randomBytes(32);
const services = [{ serviceId: 'personalausweis', quantity: 1 }];

interface Slot { readonly officeId: string; readonly date: string; readonly start: string }
type Step = (path: string, body: unknown, headers?: Record<string, string>) => Promise<{ ok: boolean; value: Record<string, unknown> }>;

/** Sixteen copies of the Halberstadt office with 4 online places per slot (one per counter): room for every booking of the run. */
function benchCatalog(): Catalog {
  const base = structuredClone(shipped) as { offices: { id: string; onlineCapacity: { parallel: number }[] }[] };
  const office = base.offices[0]!;
  office.onlineCapacity.forEach((band) => (band.parallel = 4));
  base.offices = Array.from({ length: OFFICES }, (_, k) => ({ ...structuredClone(office), id: `bench${k}` }));
  const parsed = parseCatalog(base);
  if (!parsed.ok) throw new Error(parsed.error.messageEn);
  return parsed.value;
}

/** An app (or, with `ipc`, a ceiling process that says when it is ready) under the apps' node flags. */
function start(main: string, env: Record<string, string>, ipc = false): ChildProcess {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each app process there (open in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // The app processes run with the node flags scripts/start and the Dockerfile use; BENCH_NODE_FLAGS overrides them for A/B runs.
  const flags = (process.env.BENCH_NODE_FLAGS ?? APP_NODE_FLAGS).split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, ...profile, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', main], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn', NODE_ENV: 'test', TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: ipc ? ['ignore', 'ignore', 'inherit', 'ipc'] : ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

/** A bench/ceiling process, and when it has said it is ready. */
function startCeiling(main: string, env: Record<string, string>): { child: ChildProcess; ready: Promise<void> } {
  const child = start(main, env, true);
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`${main} exited with ${code} before it was ready`)));
  });
  ready.catch(() => undefined); // awaited once the apps are up; an earlier exit must not end this process before its clean-up
  return { child, ready };
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not come up`);
}

/** Every free (office, day, start) unit, interleaved across calendars so concurrent clients spread out. */
async function slotUnits(rpc: RpcClient, catalog: Catalog): Promise<Slot[]> {
  const today = new Date().toISOString().slice(0, 10);
  const perCalendar: Slot[][] = [];
  for (const office of catalog.offices) {
    const reply = await rpc.request<{ days: { date: string; times: string[] }[] }>(BOOKING.availability, { officeId: office.id, services, from: addDays(today, 1), to: addDays(today, 60) });
    if (!reply.ok) throw new Error(reply.error.code);
    for (const day of reply.value.days) {
      const units = day.times.flatMap((start) => Array.from({ length: onlineCapacityAt(office, day.date, timeToMinutes(start)) }, () => ({ officeId: office.id, date: day.date, start })));
      if (units.length > 0) perCalendar.push(units);
    }
  }
  const out: Slot[] = [];
  for (let i = 0; perCalendar.some((c) => i < c.length); i++) for (const c of perCalendar) if (i < c.length) out.push(c[i]!);
  return out;
}

/** One booking: hold → contact → activate. Answers its latency in ms, or throws with the refusal. */
async function book(step: Step, slot: Slot, n: number, captcha?: string): Promise<number> {
  const started = performance.now();
  const hold = await step('hold', { officeId: slot.officeId, date: slot.date, start: slot.start, services }, captcha ? { 'x-altcha': captcha } : {});
  if (!hold.ok) throw new Error(`hold: ${JSON.stringify(hold.value)}`);
  const holdId = String(hold.value['holdId']);
  const contact = await step('contact', { officeId: slot.officeId, date: slot.date, holdId, name: 'Bench Bürger', email: `b${suffix}-${n}@example.org`, language: 'de', consent: true });
  if (!contact.ok) throw new Error(`contact: ${JSON.stringify(contact.value)}`);
  const activated = await step('activate', { reference: contact.value['reference'], token: activationTokenFor(activationKey, holdId) });
  if (!activated.ok || activated.value['status'] !== 'booked') throw new Error(`activate: ${JSON.stringify(activated.value)}`);
  return performance.now() - started;
}

function serviceStep(rpc: RpcClient): Step {
  const subjects: Record<string, string> = { hold: BOOKING.placeHold, contact: BOOKING.submitContact, activate: BOOKING.activate };
  return async (path, body) => {
    const { consent: _consent, ...payload } = body as Record<string, unknown>;
    const reply = await rpc.request<Record<string, unknown>>(subjects[path]!, payload);
    return reply.ok ? { ok: true, value: reply.value } : { ok: false, value: reply.error as unknown as Record<string, unknown> };
  };
}

/**
 * The HTTP client is node:http over a keep-alive agent, not fetch: undici's fetch cost the client
 * ≈ 1.6 ms of CPU per booking, on the same two cores as the gateway it measures.
 */
function httpStep(base: string): Step {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const { hostname, port } = new URL(base);
  return (path, body, headers = {}) => {
    const b = body as Record<string, string>;
    const url = path === 'hold' ? `/api/offices/${b['officeId']}/holds` : path === 'contact' ? `/api/offices/${b['officeId']}/holds/${b['holdId']}/contact` : `/api/appointments/${b['reference']}/activate`;
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = httpRequest({ agent, hostname, port, path: url, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ ok: (res.statusCode ?? 500) < 300, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  };
}

async function bookingRun(step: Step, slots: Slot[], first: number, captchas?: string[]) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (next < slots.length) {
      const i = next++;
      latencies.push(await book(step, slots[i]!, first + i, captchas?.[i]));
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  return { perSecond: slots.length / seconds, p50: latencies[Math.floor(latencies.length * 0.5)]!, p99: latencies[Math.floor(latencies.length * 0.99)]! };
}

/** User + system CPU of a process in ms, from /proc (Linux); NaN where unreadable. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100/s)
  } catch {
    return Number.NaN;
  }
}

/** The local nats-server's pid (its CPU is part of every booking on this machine), if /proc shows one. */
function natsServerPid(): number | undefined {
  try {
    return readdirSync('/proc').map(Number).find((pid) => pid > 0 && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'nats-server');
  } catch {
    return undefined;
  }
}
const natsServer = natsServerPid();

const isGroup = (p: ChildProcess | readonly ChildProcess[]): p is readonly ChildProcess[] => Array.isArray(p);

/** Runs `run` and adds the CPU per booking of the app processes (in order; a group such as the booking instances counts as one), this client and nats-server meanwhile. */
async function cpuPerBooking<T>(processes: readonly (ChildProcess | readonly ChildProcess[])[], bookings: number, run: () => Promise<T>): Promise<T & { cpuMs: number[] }> {
  const groups = [...processes.map((p) => (isGroup(p) ? p.map((c) => c.pid) : [p.pid])), [process.pid], [natsServer]];
  const cpuOf = (pids: (number | undefined)[]) => pids.reduce<number>((sum, pid) => sum + cpuMsOf(pid), 0);
  const before = groups.map(cpuOf);
  const result = await run();
  return { ...result, cpuMs: groups.map((pids, i) => (cpuOf(pids) - before[i]!) / bookings) };
}

let rawMsgId = 0;
/** Raw acked appends/s at CLIENTS in flight, through one of the two raw paths (see bench/lib/raw-append.ts). */
async function rawRun(append: RawAppend, round: number, path: string): Promise<{ perSecond: number; cpuMs: number[] }> {
  return cpuPerBooking([], RAW_APPENDS, async () => ({ perSecond: await rawRate(append, round, path) }));
}

async function rawRate(append: RawAppend, round: number, path: string): Promise<number> {
  const payload = new TextEncoder().encode(JSON.stringify({ pad: 'x'.repeat(900) }));
  const versions = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async (_, w) => {
    while (next < RAW_APPENDS) {
      next += 1;
      versions.set(w, await append(`${names.raw}.r${round}${path}.a${w}`, payload, `${suffix}-${(rawMsgId += 1)}`, versions.get(w) ?? 0));
    }
  }));
  return RAW_APPENDS / ((performance.now() - started) / 1000);
}

/** Replays every calendar from the log; false if any slot holds more appointments than its online capacity. */
async function noDoubleBooking(catalog: Catalog): Promise<{ ok: boolean; booked: number }> {
  const store = await connectEventStore({ servers: NATS_URL, name: 'bench-check', streamName: names.stream, subjectPrefix: names.prefix });
  const calendars = new Map<string, CalendarState>();
  for await (const e of store.readAll({ subjectFilter: 'calendar.*' })) {
    calendars.set(e.aggregate.id, calendarDecider.evolve(calendars.get(e.aggregate.id) ?? calendarDecider.initialState, { type: e.type, data: e.data } as CalendarEvent));
  }
  await store.close();
  let ok = true;
  let booked = 0;
  for (const state of calendars.values()) {
    if (state.status !== 'open') continue;
    const office = findOffice(catalog, state.officeId)!;
    const taken = new Map<string, number>();
    for (const a of Object.values(state.appointments)) {
      if (a.status === 'cancelled') continue;
      booked += a.status === 'booked' ? 1 : 0;
      for (const s of a.slots) taken.set(s, (taken.get(s) ?? 0) + 1);
    }
    for (const [slot, count] of taken) if (count > onlineCapacityAt(office, state.date, timeToMinutes(slot))) ok = false;
  }
  return { ok, booked };
}

async function main(): Promise<void> {
  Logger.overrideLogger(false); // the client's 'no responder yet' warnings while the apps start
  const loadAtStart = loadavg()[0]!; // other work on the two cores shows in every figure
  const catalog = benchCatalog();
  const dir = mkdtempSync(join(tmpdir(), 'bench-booking-'));
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog));
  const gatewayPort = 20000 + Math.floor(Math.random() * 20000);
  const common = { NATS_URL, RPC_NAMESPACE: names.ns, REDIS_URL, EVENT_STREAM: names.stream, EVENT_SUBJECT_PREFIX: names.prefix };
  const bookings = Array.from({ length: BOOKING_INSTANCES }, (_, k) =>
    start('apps/booking/src/main.ts', { ...common, HTTP_PORT: String(gatewayPort + 1 + k), NATS_QUEUE: `bench-booking-${suffix}`, PRIVACY_KEY_BUCKET: names.bucket, CATALOG_PATH: join(dir, 'catalog.json'), ACTIVATION_KEY: activationKey.toString('base64') }),
  );
  const gateway = start('apps/gateway/src/main.ts', { ...common, HTTP_PORT: String(gatewayPort), HTTP_HOST: '127.0.0.1', NATS_QUEUE: `bench-gateway-${suffix}`, REDIS_PREFIX: names.redis, ALTCHA_COUNTER_MAX: '20', RATE_LIMITS: 'hold=999999/1m,read=999999/1m,book=999999/1m,manage=999999/1m,captcha=999999/1m' });
  const nc = await connect({ servers: NATS_URL, name: 'bench-booking' });
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({ name: names.raw, subjects: [`${names.raw}.>`], duplicate_window: nanos(120_000) });
  await jsm.streams.add({ name: names.ceiling, subjects: [`${names.ceiling}.>`], duplicate_window: nanos(120_000) });
  const ceilingNs = `${names.ns}-ceiling`;
  const ceilingPort = gatewayPort + 100;
  const ceilings = [
    startCeiling('bench/ceiling/nats-only-booking.ts', { NATS_URL, RPC_NAMESPACE: ceilingNs, NATS_QUEUE: `bench-ceiling-${suffix}`, CEILING_STREAM: names.ceiling }),
    startCeiling('bench/ceiling/bare-http-gateway.ts', { NATS_URL, RPC_NAMESPACE: ceilingNs, HTTP_PORT: String(ceilingPort) }),
  ];
  const [ceilingService, ceilingGateway] = ceilings.map((c) => c.child) as [ChildProcess, ChildProcess];
  const ceilingProxy = new NamespacedNatsClient({ servers: [NATS_URL], rpcNamespace: ceilingNs });
  const ceilingRpc = new RpcClient(ceilingProxy as unknown as ConstructorParameters<typeof RpcClient>[0], 30_000);
  const proxy = new NamespacedNatsClient({ servers: [NATS_URL], rpcNamespace: names.ns });
  const rpc = new RpcClient(proxy as unknown as ConstructorParameters<typeof RpcClient>[0], 30_000);
  const base = `http://127.0.0.1:${gatewayPort}`;
  try {
    await waitFor(async () => (await rpc.request(BOOKING.offices, {}, { timeoutMs: 500 })).ok, 'booking');
    await waitFor(async () => (await fetch(`${base}/api/offices`)).ok, 'gateway');
    await Promise.all(ceilings.map((c) => c.ready));
    const slots = await slotUnits(rpc, catalog);
    const need = ROUNDS * (BOOKINGS + HTTP_BOOKINGS);
    if (slots.length < need) throw new Error(`only ${slots.length} slot units for ${need} bookings`);
    console.log(`${ROUNDS} alternating rounds: raw ${RAW_APPENDS} appends, service ${BOOKINGS} bookings, HTTP ${HTTP_BOOKINGS} bookings; ${CLIENTS} clients; solving ${ROUNDS * HTTP_BOOKINGS} captchas first`);
    const plan = Array.from({ length: ROUNDS }, (_, round) => {
      const first = round * (BOOKINGS + HTTP_BOOKINGS);
      return { first, service: slots.slice(first, first + BOOKINGS), http: slots.slice(first + BOOKINGS, first + BOOKINGS + HTTP_BOOKINGS) };
    });
    const captchas = await solveAll(base, plan.flatMap((p) => p.http));
    const raw: number[] = [];
    const rawCpu: number[][] = [];
    const svc: (Awaited<ReturnType<typeof bookingRun>> & { cpuMs: number[] })[] = [];
    const http: (Awaited<ReturnType<typeof bookingRun>> & { cpuMs: number[] })[] = [];
    const ceilingSvc: typeof svc = [];
    const ceilingHttp: typeof svc = [];
    const appenders = rawAppenders(nc, nc.jetstream());
    for (const [round, p] of plan.entries()) {
      const [viaPublish, viaMux] = [await rawRun(appenders.publish, round, 'p'), await rawRun(appenders.mux, round, 'm')];
      const faster = viaPublish.perSecond >= viaMux.perSecond ? viaPublish : viaMux;
      raw.push(faster.perSecond);
      rawCpu.push(faster.cpuMs);
      svc.push(await cpuPerBooking([bookings], p.service.length, () => bookingRun(serviceStep(rpc), p.service, p.first)));
      // BENCH_HTTP_BOOKINGS=0 measures the service alone (a quicker loop while tuning it).
      if (HTTP_BOOKINGS > 0) http.push(await cpuPerBooking([bookings, gateway], p.http.length, () => bookingRun(httpStep(base), p.http, p.first + BOOKINGS, captchas.slice(round * HTTP_BOOKINGS, (round + 1) * HTTP_BOOKINGS))));
      ceilingSvc.push(await cpuPerBooking([ceilingService], p.service.length, () => bookingRun(serviceStep(ceilingRpc), p.service, p.first)));
      if (HTTP_BOOKINGS > 0) ceilingHttp.push(await cpuPerBooking([ceilingService, ceilingGateway], p.http.length, () => bookingRun(httpStep(`http://127.0.0.1:${ceilingPort}`), p.http, p.first + BOOKINGS)));
      console.log(`round ${round + 1}: raw ${Math.round(raw[round]!)} appends/s, service ${Math.round(svc[round]!.perSecond)} bookings/s, HTTP ${Math.round(http[round]?.perSecond ?? 0)} bookings/s; ceilings: service ${Math.round(ceilingSvc[round]!.perSecond)}, HTTP ${Math.round(ceilingHttp[round]?.perSecond ?? 0)}`);
    }
    appenders.close();
    const used = need;
    const writes = await writesPerBooking(jsm, used);
    const check = await noDoubleBooking(catalog);
    const rawBookings = median(raw) / writes;
    const cpu = (runs: typeof svc, i: number) => median(runs.map((r) => r.cpuMs[i]!)).toFixed(2);
    const pick = (runs: typeof svc) => ({ perSecond: median(runs.map((r) => r.perSecond)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)) });
    const s = pick(svc);
    const h = http.length > 0 ? pick(http) : { perSecond: 0, p50: 0, p99: 0 };
    const result: BenchResult = {
      name: 'booking',
      at: new Date().toISOString(),
      load: { clients: CLIENTS, rounds: ROUNDS, service_bookings_per_round: BOOKINGS, http_bookings_per_round: HTTP_BOOKINGS, raw_appends_per_round: RAW_APPENDS, calendars: `${OFFICES} offices × open days`, booking_instances: BOOKING_INSTANCES },
      figures: {
        service_bookings_per_s: figure(s.perSecond, rawBookings, '1/s', '>= 0.5'),
        ...(http.length > 0 ? { http_bookings_per_s: figure(h.perSecond, rawBookings, '1/s', '>= 0.25') } : {}),
      },
      ceilings: {
        service_bookings_per_s: figure(pick(ceilingSvc).perSecond, rawBookings, '1/s', 'ceiling'),
        ...(http.length > 0 ? { http_bookings_per_s: figure(pick(ceilingHttp).perSecond, rawBookings, '1/s', 'ceiling') } : {}),
      },
      checks: { no_double_booking: check.ok, every_booking_booked: check.booked === used },
      notes: [
        'booking = hold + contact + activate (shipped rules: email activation on)',
        `raw: ${Math.round(median(raw))} acked appends/s (256 in flight) ÷ ${writes.toFixed(2)} JetStream writes per booking (counted from the streams)`,
        `service latency per booking p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms; HTTP p50 ${h.p50.toFixed(1)} ms, p99 ${h.p99.toFixed(1)} ms`,
        `CPU per booking (ms, median round; less noisy than rates on a shared machine): service run: booking ${cpu(svc, 0)}, bench client ${cpu(svc, 1)}, nats-server ${cpu(svc, 2)}; HTTP run: booking ${cpu(http, 0)}, gateway ${cpu(http, 1)}, bench client ${cpu(http, 2)}, nats-server ${cpu(http, 3)}`,
        `ceiling CPU per booking (ms, median round): service run: NATS-only service ${cpu(ceilingSvc, 0)}, bench client ${cpu(ceilingSvc, 1)}, nats-server ${cpu(ceilingSvc, 2)}; HTTP run: NATS-only service ${cpu(ceilingHttp, 0)}, bare gateway ${cpu(ceilingHttp, 1)}, bench client ${cpu(ceilingHttp, 2)}, nats-server ${cpu(ceilingHttp, 3)}`,
        `raw CPU per booking-equivalent (${writes.toFixed(2)} appends): nats-server ${(median(rawCpu.map((c) => c[1]!)) * writes).toFixed(2)} ms, raw client ${(median(rawCpu.map((c) => c[0]!)) * writes).toFixed(2)} ms`,
        `rounds raw/service/HTTP: ${raw.map(Math.round).join(', ')} / ${svc.map((r) => Math.round(r.perSecond)).join(', ')} / ${http.map((r) => Math.round(r.perSecond)).join(', ')}`,
        `rounds of the ceilings, service/HTTP: ${ceilingSvc.map((r) => Math.round(r.perSecond)).join(', ')} / ${ceilingHttp.map((r) => Math.round(r.perSecond)).join(', ')}`,
        `server ${nc.info?.version}; machine load (1-min average) ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end`,
      ],
    };
    printTable(result);
    for (const note of result.notes ?? []) console.log(note);
    // A partial run is not the record, nor a run with more booking instances than the deployment default of one.
    if (http.length > 0 && BOOKING_INSTANCES === 1) writeResult(join(__dirname, 'results/booking.json'), result);
  } finally {
    for (const child of [...bookings, gateway, ceilingService, ceilingGateway]) child.kill('SIGTERM');
    await proxy.close();
    await ceilingProxy.close();
    await cleanUp(jsm);
    await nc.drain();
  }
}

/** One solved ALTCHA per HTTP hold, scoped to the hold's office as the widget would ask; solved before timing. */
async function solveAll(base: string, slots: readonly Slot[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < slots.length; i += 64) {
    out.push(...(await Promise.all(slots.slice(i, i + 64).map(async (slot) => {
      const challenge = await (await fetch(`${base}/api/captcha/challenge?scope=hold:${slot.officeId}`)).json();
      return solveCaptcha(challenge as never);
    }))));
  }
  return out;
}

async function writesPerBooking(jsm: Awaited<ReturnType<Awaited<ReturnType<typeof connect>>['jetstreamManager']>>, bookings: number): Promise<number> {
  const events = (await jsm.streams.info(names.stream)).state.messages;
  const keys = (await jsm.streams.info(`KV_${names.bucket}`)).state.messages;
  return (events + keys) / bookings;
}

async function cleanUp(jsm: Awaited<ReturnType<Awaited<ReturnType<typeof connect>>['jetstreamManager']>>): Promise<void> {
  for (const stream of [names.stream, `${names.stream}_PARKED`, `KV_${names.bucket}`, names.raw, names.ceiling]) await jsm.streams.delete(stream).catch(() => undefined);
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${names.redis}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
