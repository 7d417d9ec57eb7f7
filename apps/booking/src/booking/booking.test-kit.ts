import { randomUUID } from 'node:crypto';
import { addDays, parseCatalog, type Catalog } from '@app/domain';
import { connect } from 'nats';
import shipped from '../../../../config/catalog.json';
import { DEVELOPMENT_MASTER_KEYS } from '@app/platform';
import { BookingRuntime, type BookingRuntimeOptions } from './booking-runtime';

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const TEST_ACTIVATION_KEY = Buffer.alloc(32, 'test-activation-key');

/** The shipped catalogue with one online place per slot, so a single hold fills a slot. */
export function capacityOneCatalog(): Catalog {
  const copy = structuredClone(shipped) as { offices: { onlineCapacity: { parallel: number }[] }[] };
  copy.offices.forEach((o) => o.onlineCapacity.forEach((band) => (band.parallel = 1)));
  const parsed = parseCatalog(copy);
  if (!parsed.ok) throw new Error(parsed.error.messageEn);
  return parsed.value;
}

/** Names of one test run's stream, subject prefix and key bucket. */
export function testNames() {
  const suffix = randomUUID().slice(0, 8);
  return { streamName: `test_booking_${suffix}`, subjectPrefix: `tb${suffix}`, keyBucket: `test_booking_keys_${suffix}` };
}

export function runtimeOptions(names: ReturnType<typeof testNames>, catalog: Catalog = capacityOneCatalog()): BookingRuntimeOptions {
  return { natsUrl: NATS_URL, ...names, masterKeys: DEVELOPMENT_MASTER_KEYS, pepper: 'test-pepper-0123456789', activationKey: TEST_ACTIVATION_KEY, catalog };
}

export function startRuntime(names: ReturnType<typeof testNames>, catalog?: Catalog): Promise<BookingRuntime> {
  return BookingRuntime.start(runtimeOptions(names, catalog));
}

/** Deletes the event streams and the key bucket of a test run. */
export async function destroyNames(names: ReturnType<typeof testNames>): Promise<void> {
  const nc = await connect({ servers: NATS_URL });
  const jsm = await nc.jetstreamManager();
  for (const stream of [names.streamName, `${names.streamName}_PARKED`, `KV_${names.keyBucket}`]) await jsm.streams.delete(stream).catch(() => undefined);
  await nc.close();
}

/** The first Monday at least a week ahead (open 08:00–12:00 and 13:00–15:30), skipping holidays by trying a few. */
export function futureMonday(today = new Date().toISOString().slice(0, 10), weeksAhead = 1): string {
  let date = addDays(today, 7 * weeksAhead);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 1) date = addDays(date, 1);
  return date;
}
