import type { InjectionToken } from '@nestjs/common';

export interface CheckResult {
  readonly status: 'up' | 'down';
  readonly [detail: string]: unknown;
}

/** A named dependency check: the tokens it needs from Nest and how to probe them. */
export interface HealthCheck {
  readonly inject?: readonly InjectionToken[];
  readonly check: (...deps: never[]) => Promise<CheckResult>;
}

export interface HealthReport {
  readonly status: 'ok' | 'down';
  readonly checks: Readonly<Record<string, CheckResult>>;
}

/** A probe that neither answers nor fails within this time counts as down: /health must not hang. */
export const CHECK_TIMEOUT_MS = 2000;

export async function runChecks(probes: Readonly<Record<string, () => Promise<CheckResult>>>, timeoutMs = CHECK_TIMEOUT_MS): Promise<HealthReport> {
  const entries = await Promise.all(Object.entries(probes).map(async ([name, probe]) => [name, await withTimeout(probe, timeoutMs)] as const));
  const checks = Object.fromEntries(entries);
  return { status: entries.every(([, result]) => result.status === 'up') ? 'ok' : 'down', checks };
}

async function withTimeout(probe: () => Promise<CheckResult>, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'down', error: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([probe().catch((err: unknown) => ({ status: 'down' as const, error: messageOf(err) })), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
