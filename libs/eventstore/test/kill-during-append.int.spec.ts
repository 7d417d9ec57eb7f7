import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectEventStore } from '../src/jetstream/connect-event-store';
import type { JetStreamEventStore } from '../src/jetstream/jetstream-event-store';
import { uuidv7 } from '../src/uuidv7';
import { NATS_URL, randomSuffix, waitFor } from './contract-harness';

describe('JetStreamEventStore: a writer killed with SIGKILL after its append reached the server', () => {
  let store: JetStreamEventStore;
  const suffix = randomSuffix();
  beforeAll(async () => {
    store = await connectEventStore({ servers: NATS_URL, streamName: `ES_KILL_${suffix}`, subjectPrefix: `k_${suffix}` });
  });
  afterAll(async () => store.destroy());

  it('stores the commit once when the retry reuses the commit id', async () => {
    const commitId = uuidv7();
    const recordFile = join(tmpdir(), `append-record-${suffix}.json`);
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'fixtures/append-child.ts')], {
      cwd: join(__dirname, '../../..'),
      env: { ...process.env, NATS_URL, STREAM: store.streamName, PREFIX: store.options.subjectPrefix, COMMIT_ID: commitId, RECORD_FILE: recordFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    await waitFor(async () => (await store.readAggregate({ type: 'calendar', id: 'crash' })).version > 0, 20_000, `child append (${stderr})`);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(recordFile)).toBe(false); // it never learned (recorded) that its append succeeded

    const stored = await store.readAggregate({ type: 'calendar', id: 'crash' });
    const retry = await store.append({ type: 'calendar', id: 'crash' }, [{ type: 'AppointmentBooked', data: { by: 'retry' } }], {
      expectedVersion: 0,
      commitId,
      meta: { correlationId: 'kill-9' },
    });
    expect(retry).toEqual({ position: stored.version, duplicate: true, commitId });
    const after = await store.readAggregate({ type: 'calendar', id: 'crash' });
    expect(after.events.map((e) => e.data)).toEqual([{ by: 'child' }]);
    expect(await store.lastPosition()).toBe(stored.version);
  }, 40_000);
});
