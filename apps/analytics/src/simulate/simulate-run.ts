import type { NatsConnection } from 'nats';
import type { FrontdeskActor } from '@app/contracts';
import { addDays, openingIntervals, type Catalog, type Office } from '@app/domain';
import type { EventStore } from '@app/eventstore';
import { planDay } from './day-plan';
import { bookDay, DirectDriver } from './direct-driver';
import { livePort } from './live-port';
import { arrivalsOf, playDay, playQueueDay } from './queue-day';
import { seededRandom } from './seeded-random';

export interface SimulateOptions {
  /** Last simulated day (inclusive); the days before it are filled back to `days`. */
  readonly until: string;
  readonly days: number;
  readonly officeIds: readonly string[];
  readonly seed: number;
  /** 1 = a normal day; 0.5 = half the traffic. */
  readonly load: number;
}

export interface SimulateSummary {
  readonly days: number;
  readonly skipped: number;
  readonly appointments: number;
  readonly tickets: number;
  readonly commands: number;
  readonly refused: number;
  /** Refusals by the rules' code: most are counters polling a queue with nobody waiting, as the simulator does. */
  readonly refusedBy: Readonly<Record<string, number>>;
}

/**
 * Fills past office-days through the deciders (see DirectDriver). A day whose queue already has events
 * is left alone, so running the simulator twice does not double a day. Each office-day gets its own
 * generator seeded from (seed, office, date): the same arguments give the same plan.
 */
export async function simulateDays(store: EventStore, catalog: Catalog, options: SimulateOptions, log: (line: string) => void): Promise<SimulateSummary> {
  const driver = new DirectDriver(store, catalog);
  const seq = { n: 0 };
  let days = 0;
  let skipped = 0;
  let appointments = 0;
  let tickets = 0;
  for (let i = options.days - 1; i >= 0; i--) {
    const date = addDays(options.until, -i);
    for (const officeId of options.officeIds) {
      const office = catalog.offices.find((o) => o.id === officeId)!;
      if ((await store.readAggregate({ type: 'queue', id: `${officeId}-${date}` })).version > 0) {
        skipped += 1;
        continue;
      }
      const plan = planDay(office, date, seededRandom(hash(`${options.seed}|${officeId}|${date}`)), options.load);
      if (plan.appointments.length === 0 && plan.walkIns.length === 0) continue;
      const booked = await bookDay(driver, office, date, plan, seq);
      const issued = await playQueueDay(driver, office, date, plan, booked);
      days += 1;
      appointments += booked.length;
      tickets += issued;
      log(`${officeId} ${date}: ${booked.length} appointments kept, ${issued} tickets`);
    }
  }
  return { days, skipped, appointments, tickets, ...driver.counts() };
}

/** FNV-1a: a stable 32-bit seed from text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface LiveRunOptions {
  readonly officeId: string;
  readonly seed: number;
  readonly load: number;
  readonly minutesPerSecond: number;
  /** Play only the first minutes of the day (a quick demo or a test); the whole day when absent. */
  readonly minutes?: number;
  readonly actor: FrontdeskActor;
  readonly rpcNamespace?: string;
}

/**
 * `--live`: today's walk-ins through the running frontdesk (frontdesk.* over NATS), with the arrival
 * curve and service times of a planned weekday, played in compressed real time. Appointments are not
 * booked for today: the booking window starts tomorrow.
 */
export async function simulateLive(nc: NatsConnection, catalog: Catalog, options: LiveRunOptions): Promise<{ tickets: number; refused: number }> {
  const { office, plan, intervals, arrivals } = livePlan(catalog, options);
  const port = livePort(nc, { officeId: office.id, minutesPerSecond: options.minutesPerSecond, actor: options.actor, rpcNamespace: options.rpcNamespace }, intervals[0]!.from);
  const tickets = await playDay(port, intervals, arrivals, plan.counters);
  return { tickets, refused: port.refused() };
}

/** What `--live` plays for these options: the walk-ins of a planned weekday within the minutes played. */
export function livePlan(catalog: Catalog, options: Pick<LiveRunOptions, 'officeId' | 'seed' | 'load' | 'minutes'>) {
  const office = catalog.offices.find((o) => o.id === options.officeId)!;
  const template = nextOpenDay(office, '2026-01-05');
  const plan = planDay(office, template, seededRandom(hash(`${options.seed}|${office.id}|live`)), options.load);
  let intervals = openingIntervals(office, template);
  if (options.minutes !== undefined) intervals = [{ from: intervals[0]!.from, to: intervals[0]!.from + options.minutes }];
  const arrivals = arrivalsOf(template, { ...plan, appointments: [] }, []).filter((a) => intervals.some((i) => a.minute >= i.from && a.minute < i.to));
  return { office, plan, intervals, arrivals };
}

function nextOpenDay(office: Office, from: string): string {
  let date = from;
  while (openingIntervals(office, date).length === 0) date = addDays(date, 1);
  return date;
}
