/*
 * npm run replay -- --office hbs --from 2026-11-01 --to 2026-11-30 --format csv --out flow.csv
 *
 * Replays the event log (all of it, or one office and a date range) through the customer-flow
 * projection and writes the figures (json: figures + hash) or one line per visit (csv). Reads only.
 * Connection and stream come from the same environment as the analytics service (NATS_URL,
 * EVENT_STREAM, EVENT_SUBJECT_PREFIX, CATALOG_PATH). Exit codes: see REPLAY_USAGE.
 */
import { writeFileSync } from 'node:fs';
import { connectEventStore, type JetStreamEventStore } from '@app/eventstore';
import { REPLAY_USAGE, parseReplayArgs } from '../apps/analytics/src/cli/replay-args';
import { progressSink } from '../apps/analytics/src/cli/progress-bar';
import { loadAnalyticsConfig } from '../apps/analytics/src/config';
import { loadCatalog } from '../apps/analytics/src/flow/analytics-runtime';
import { parsePeriod } from '../apps/analytics/src/replay/flow-period';
import type { ReplayProgress } from '../apps/analytics/src/replay/flow-replay';
import { csvExport, flowReport } from '../apps/analytics/src/report/flow-report';

const EXIT_BAD_INPUT = 2;
const EXIT_LOG_UNREACHABLE = 3;

function exit(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function openLog(natsUrl: string, streamName: string, subjectPrefix: string): Promise<JetStreamEventStore> {
  try {
    return await connectEventStore({ servers: natsUrl, name: 'replay-cli', streamName, subjectPrefix, ensureStreams: false, connection: { maxReconnectAttempts: 0 } });
  } catch (err) {
    return exit(EXIT_LOG_UNREACHABLE, `Ereignisprotokoll nicht erreichbar / event log unreachable (${natsUrl}, stream ${streamName}): ${(err as Error).message}`);
  }
}

async function main(): Promise<void> {
  const args = parseReplayArgs(process.argv.slice(2));
  if (!args.ok) exit(EXIT_BAD_INPUT, `${args.error}\n\n${REPLAY_USAGE}`);
  const config = loadAnalyticsConfig(process.env);
  const catalog = loadCatalog(config.CATALOG_PATH);
  const period = parsePeriod(args.value, catalog.offices.map((o) => o.id));
  if (!period.ok) exit(EXIT_BAD_INPUT, `${period.error.message}\n${period.error.messageEn}`);
  const store = await openLog(config.NATS_URL, config.EVENT_STREAM, config.EVENT_SUBJECT_PREFIX);
  const lastPosition = await store.lastPosition().catch((err: Error) => exit(EXIT_LOG_UNREACHABLE, `Stream ${config.EVENT_STREAM} fehlt / missing: ${err.message}`));
  const sink = progressSink(process.stderr, { tty: process.stderr.isTTY === true && !process.env.CI });
  let last = { read: 0, used: 0 };
  const onProgress = (p: ReplayProgress) => {
    last = p;
    sink.report(p);
  };
  const options = { batchSize: args.value.batchSize ?? config.REPLAY_BATCH_SIZE, mode: args.value.mode, onProgress };
  process.stderr.write(`replay: stream ${config.EVENT_STREAM} (${lastPosition} messages), ${period.value.officeId ?? 'alle Ämter'} ${period.value.from} … ${period.value.to}\n`);
  try {
    const output = args.value.format === 'csv' ? (await csvExport(store, period.value, options)).content : `${JSON.stringify(await flowReport(store, period.value, options), null, 2)}\n`;
    if (args.value.out === undefined) process.stdout.write(output);
    else writeFileSync(args.value.out, output);
    sink.done(last);
    if (args.value.out !== undefined) process.stderr.write(`written: ${args.value.out}\n`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => exit(1, `replay failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`));
