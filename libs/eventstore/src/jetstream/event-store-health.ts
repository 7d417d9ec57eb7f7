import type { NatsConnection } from 'nats';

export interface EventStoreHealth {
  readonly status: 'up' | 'down';
  readonly serverVersion: string;
  readonly warnings: string[];
}

/** [major, minor, patch] of a version string such as `2.9.10`. */
function parseVersion(version: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = version.split('-')[0]!.split('.').map((n) => Number.parseInt(n, 10) || 0);
  return [major, minor, patch];
}

/**
 * Version warnings from MEASURED.md: below 2.10 there is no `sync_interval: always`, so acknowledged
 * events can be lost on an OS crash; 2.9.15–2.9.20 in a cluster could accept two appends for one version.
 */
export function versionWarnings(version: string): string[] {
  const [major, minor, patch] = parseVersion(version);
  const warnings: string[] = [];
  if (major < 2 || (major === 2 && minor < 10)) {
    warnings.push(`nats-server ${version} < 2.10: no sync_interval "always"; an OS crash can lose acknowledged events (Server vor 2.10: bestätigte Ereignisse können bei einem Systemabsturz verloren gehen)`);
  }
  if (major === 2 && minor === 9 && patch >= 15 && patch <= 20) {
    warnings.push(`nats-server ${version}: in a cluster, concurrent expected-sequence appends could both be accepted (im Cluster unsicher)`);
  }
  return warnings;
}

/** Health of the event store's connection: server version and warnings; `down` when NATS is unreachable. */
export async function eventStoreHealth(nc: NatsConnection, timeoutMs = 2000): Promise<EventStoreHealth> {
  if (nc.isClosed()) return { status: 'down', serverVersion: '', warnings: ['connection closed'] };
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from NATS within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([nc.rtt(), timeout]);
  } catch (err) {
    return { status: 'down', serverVersion: nc.info?.version ?? '', warnings: [String(err)] };
  } finally {
    clearTimeout(timer);
  }
  const serverVersion = nc.info?.version ?? 'unknown';
  return { status: 'up', serverVersion, warnings: versionWarnings(serverVersion) };
}
