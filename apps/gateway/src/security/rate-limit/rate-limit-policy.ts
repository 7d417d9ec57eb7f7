import { fail, invalid, ok, type DomainError, type Result } from '@app/domain';

/**
 * What a policy does when Redis cannot answer: `allow` (fail open) for reads, where refusing would take
 * the public calendar down with Redis; `refuse` (fail closed, 503) for writes, where an unmetered
 * attacker could fill the calendar with holds.
 */
export type WhenRedisDown = 'allow' | 'refuse';

export interface RateLimitPolicy {
  readonly name: string;
  readonly limit: number; //   requests allowed in a burst …
  readonly periodMs: number; // … refilled evenly over this period (GCRA)
  readonly whenRedisDown: WhenRedisDown;
}

const MINUTE = 60_000;

export const DEFAULT_RATE_LIMIT_POLICIES: readonly RateLimitPolicy[] = [
  { name: 'read', limit: 120, periodMs: MINUTE, whenRedisDown: 'allow' },
  { name: 'captcha', limit: 30, periodMs: MINUTE, whenRedisDown: 'allow' },
  { name: 'hold', limit: 10, periodMs: 10 * MINUTE, whenRedisDown: 'refuse' },
  { name: 'book', limit: 10, periodMs: 10 * MINUTE, whenRedisDown: 'refuse' },
  { name: 'manage', limit: 20, periodMs: 10 * MINUTE, whenRedisDown: 'refuse' },
  { name: 'login', limit: 5, periodMs: MINUTE, whenRedisDown: 'refuse' },
];

const UNIT_MS: Record<string, number> = { s: 1000, m: MINUTE, h: 60 * MINUTE };
const ENTRY = /^([a-z][a-z0-9_-]{0,31})=(\d{1,6})\/(\d{0,4})([smh])(?::(allow|refuse))?$/;

/**
 * Overrides from one env value, e.g. `RATE_LIMITS="read=120/1m,hold=10/10m:refuse"`. Entries replace the
 * default of the same name (keeping its Redis-down behaviour unless given) or add a policy (default
 * `refuse`: an unknown policy is safest closed). Every bad entry is reported, not only the first.
 */
export function parseRateLimitPolicies(
  spec: string | undefined,
  defaults: readonly RateLimitPolicy[] = DEFAULT_RATE_LIMIT_POLICIES,
): Result<ReadonlyMap<string, RateLimitPolicy>> {
  const policies = new Map(defaults.map((policy) => [policy.name, policy]));
  const bad: string[] = [];
  for (const entry of (spec ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const parsed = parseEntry(entry, policies);
    if (parsed === undefined) bad.push(entry);
    else policies.set(parsed.name, parsed);
  }
  return bad.length === 0 ? ok(policies) : fail(badSpec(bad));
}

function parseEntry(entry: string, known: ReadonlyMap<string, RateLimitPolicy>): RateLimitPolicy | undefined {
  const match = ENTRY.exec(entry);
  if (!match) return undefined;
  const [, name, limitText, countText, unit, mode] = match;
  const limit = Number(limitText);
  const periodMs = Number(countText === '' ? 1 : countText) * UNIT_MS[unit];
  if (limit < 1 || periodMs < 1) return undefined;
  const whenRedisDown = (mode as WhenRedisDown | undefined) ?? known.get(name)?.whenRedisDown ?? 'refuse';
  return { name, limit, periodMs, whenRedisDown };
}

function badSpec(entries: string[]): DomainError {
  return invalid(
    'rate_limit_spec_invalid',
    {
      de: `RATE_LIMITS enthält ungültige Einträge (${entries.join(', ')}); erwartet z. B. "hold=10/10m:refuse".`,
      en: `RATE_LIMITS has invalid entries (${entries.join(', ')}); expected e.g. "hold=10/10m:refuse".`,
    },
    { entries },
  );
}
