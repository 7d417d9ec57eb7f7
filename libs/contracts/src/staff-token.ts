import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FrontdeskRole } from './frontdesk';

/**
 * Short-lived token that lets a staff browser join the front desk's `/staff` socket namespace. The
 * gateway (which holds the session) issues it; frontdesk verifies it with the same secret
 * (`STAFF_TOKEN_SECRET`). Format: `base64url(JSON claims).base64url(HMAC-SHA256)`. The MAC covers a
 * context string too, so a token of another kind signed with the same secret is never accepted.
 */
export interface StaffTokenClaims {
  readonly user: string;
  readonly role: FrontdeskRole;
  readonly officeId: string;
  /** Expiry, epoch seconds. */
  readonly exp: number;
}

export type StaffTokenError = 'malformed' | 'bad_signature' | 'expired';

const CONTEXT = 'schalter/staff-socket/v1\0';
export const STAFF_TOKEN_DEFAULT_TTL_SECONDS = 120;
const ROLES: readonly FrontdeskRole[] = ['clerk', 'office_manager', 'admin', 'kiosk'];

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(CONTEXT).update(payload, 'utf8').digest('base64url');
}

/** `nowMs` comes in so tests and callers control time. */
export function issueStaffToken(
  claims: Omit<StaffTokenClaims, 'exp'>,
  secret: string,
  nowMs: number,
  ttlSeconds = STAFF_TOKEN_DEFAULT_TTL_SECONDS,
): string {
  const full: StaffTokenClaims = { ...claims, exp: Math.floor(nowMs / 1000) + ttlSeconds };
  const payload = Buffer.from(JSON.stringify(full), 'utf8').toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

export function verifyStaffToken(
  token: unknown,
  secret: string,
  nowMs: number,
): { ok: true; value: StaffTokenClaims } | { ok: false; error: StaffTokenError } {
  if (typeof token !== 'string' || token.length > 2048) return { ok: false, error: 'malformed' };
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return { ok: false, error: 'malformed' };
  const expected = Buffer.from(mac(secret, payload), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, error: 'bad_signature' };
  const claims = parseClaims(payload);
  if (claims === undefined) return { ok: false, error: 'malformed' };
  if (claims.exp * 1000 <= nowMs) return { ok: false, error: 'expired' };
  return { ok: true, value: claims };
}

function parseClaims(payload: string): StaffTokenClaims | undefined {
  try {
    const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const valid =
      typeof c.user === 'string' && typeof c.officeId === 'string' && typeof c.exp === 'number' && ROLES.includes(c.role as FrontdeskRole);
    return valid ? { user: c.user as string, role: c.role as FrontdeskRole, officeId: c.officeId as string, exp: c.exp as number } : undefined;
  } catch {
    return undefined;
  }
}
