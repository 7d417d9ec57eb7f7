/*
 * npm run simulate -- --days 30 [--office hbs] [--seed 1] [--load 1] [--until YYYY-MM-DD] --direct
 * npm run simulate -- --live [--office hbs] [--speed 60] [--minutes N] [--seed 1] [--load 1]
 *
 * Demo data: realistic past days (arrival curves, service mix, cancellations, no-shows, walk-ins, late
 * customers) so that the analytics dashboard is filled minutes after the first start.
 *
 * --direct (required): past days need a past `now`, and the services rightly never take the time from a
 * client. So this mode runs the same command path as the services — CommandHandler over the real
 * calendar and queue deciders, append with expected version — with a simulated clock, writing into the
 * configured stream (EVENT_STREAM / EVENT_SUBJECT_PREFIX / NATS_URL, as the services read them).
 * Simulated appointments carry no personal data (no sealed contact, a synthetic contact key); the
 * per-contact limit process of booking is not driven. Days whose queue already has events are skipped.
 * Note: reactors on that stream (notifications) see these events too.
 *
 * --live: today's walk-ins through the running frontdesk (frontdesk.* over NATS, as the gateway sends
 * them, actor `office_manager:simulator`), on the frontdesk's own clock, the planned day compressed to
 * `--speed` simulated minutes per real second (default 60: a day in about 8 minutes). No appointments
 * (the booking window starts tomorrow).
 */
import { connect } from 'nats';
import { connectEventStore } from '@app/eventstore';
import { addDays } from '@app/domain';
import { loadAnalyticsConfig } from '../apps/analytics/src/config';
import { loadCatalog } from '../apps/analytics/src/flow/analytics-runtime';
import { isRealDate } from '../apps/analytics/src/replay/flow-period';
import { simulateDays, simulateLive } from '../apps/analytics/src/simulate/simulate-run';

const USAGE = 'usage: npm run simulate -- --days N --direct [--office ID] [--seed N] [--load 0.1-3] [--until YYYY-MM-DD]\n       npm run simulate -- --live [--office ID] [--speed MIN_PER_S] [--minutes N] [--seed N] [--load 0.1-3]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(argv: string[]) {
  const flags = new Set(argv.filter((a) => a === '--direct' || a === '--live'));
  const rest = argv.filter((a) => a !== '--direct' && a !== '--live');
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    if (!['--days', '--office', '--seed', '--load', '--until', '--speed', '--minutes'].includes(rest[i]!) || rest[i + 1] === undefined) fail(`Unbekannte oder unvollständige Option / bad option: ${rest[i]}`);
    values.set(rest[i]!.slice(2), rest[i + 1]!);
  }
  const days = Number(values.get('days') ?? 30);
  const seed = Number(values.get('seed') ?? 1);
  const load = Number(values.get('load') ?? 1);
  const until = values.get('until') ?? addDays(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date()), -1);
  if (!Number.isInteger(days) || days < 1 || days > 366) fail('--days: 1 … 366');
  if (!Number.isInteger(seed)) fail('--seed: eine ganze Zahl / an integer');
  if (!(load >= 0.1 && load <= 3)) fail('--load: 0.1 … 3');
  if (!isRealDate(until)) fail(`--until: kein gültiges Datum / not a valid date: ${until}`);
  const speed = Number(values.get('speed') ?? 60);
  const minutes = values.has('minutes') ? Number(values.get('minutes')) : undefined;
  if (!(speed > 0 && speed <= 6000)) fail('--speed: simulierte Minuten je Sekunde / simulated minutes per second, 0 … 6000');
  if (minutes !== undefined && !(Number.isInteger(minutes) && minutes > 0)) fail('--minutes: eine ganze Zahl > 0 / an integer > 0');
  if (flags.size !== 1) fail('Genau eins von --direct (vergangene Tage, simulierte Uhr) oder --live (heute, über frontdesk.*). / Exactly one of --direct (past days, simulated clock) or --live (today, through frontdesk.*).');
  return { mode: flags.has('--live') ? ('live' as const) : ('direct' as const), days, seed, load, until, speed, minutes, office: values.get('office') };
}

/** The most frequent refusal codes: `nothing_waiting` is the simulator's counters polling an empty queue. */
function mostRefused(by: Readonly<Record<string, number>>): string {
  const top = Object.entries(by).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 3);
  return top.length === 0 ? '' : `: ${top.map(([code, n]) => `${code} ${n}`).join(', ')}`;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const config = loadAnalyticsConfig(process.env);
  const catalog = loadCatalog(config.CATALOG_PATH);
  const known = catalog.offices.map((o) => o.id);
  if (args.office !== undefined && !known.includes(args.office)) fail(`Unbekanntes Amt / unknown office "${args.office}". Bekannt / known: ${known.join(', ')}`);
  if (args.mode === 'live') return runLive(config.NATS_URL, config.RPC_NAMESPACE, catalog, args);
  const store = await connectEventStore({ servers: config.NATS_URL, name: 'simulate', streamName: config.EVENT_STREAM, subjectPrefix: config.EVENT_SUBJECT_PREFIX });
  const started = Date.now();
  try {
    const summary = await simulateDays(store, catalog, { until: args.until, days: args.days, officeIds: args.office ? [args.office] : known, seed: args.seed, load: args.load }, (line) => process.stderr.write(`${line}\n`));
    process.stderr.write(`simulate: ${summary.days} days written, ${summary.skipped} skipped (already had a queue), ${summary.appointments} appointments, ${summary.tickets} tickets, ${summary.commands} commands (${summary.refused} refused by the rules${mostRefused(summary.refusedBy)}), ${((Date.now() - started) / 1000).toFixed(1)} s, stream ${config.EVENT_STREAM}\n`);
  } finally {
    await store.close();
  }
}

async function runLive(natsUrl: string, rpcNamespace: string, catalog: ReturnType<typeof loadCatalog>, args: ReturnType<typeof parse>): Promise<void> {
  const nc = await connect({ servers: natsUrl, name: 'simulate-live' });
  const started = Date.now();
  try {
    const officeId = args.office ?? catalog.offices[0]!.id;
    process.stderr.write(`simulate --live: ${officeId}, ${args.speed} simulated minutes per second${args.minutes ? `, first ${args.minutes} minutes` : ''}\n`);
    const r = await simulateLive(nc, catalog, { officeId, seed: args.seed, load: args.load, minutesPerSecond: args.speed, minutes: args.minutes, actor: { userId: 'simulator', role: 'office_manager' }, rpcNamespace });
    process.stderr.write(`simulate --live: ${r.tickets} tickets, ${r.refused} requests refused or unanswered, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    if (r.tickets === 0) {
      process.stderr.write('Keine Tickets: läuft frontdesk? / No tickets: is frontdesk running (npm start)?\n');
      process.exitCode = 3;
    }
  } finally {
    await nc.drain();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`simulate failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
