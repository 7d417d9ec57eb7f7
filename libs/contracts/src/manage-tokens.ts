import { createHmac, timingSafeEqual } from 'node:crypto';
import { fail, invalid, ok, type Result } from '@app/domain';

export interface ManageTokenKey {
  readonly id: string; // short key id, travels in the token so old links survive a rotation
  readonly secret: Buffer; // ≥ 32 bytes
}

const KEY_ID = /^[a-z0-9]{1,8}$/;
const TOKEN = /^([a-z0-9]{1,8})\.([A-Za-z0-9_-]{43})$/; // 32-byte MAC in base64url
const CONTEXT = 'schalter/manage-link/v1\0'; // domain separation: this key signs nothing else

/**
 * Manage-link tokens are HMAC-SHA256(secret, appointmentId), not stored random tokens: nothing to keep
 * per appointment (no personal-data-adjacent secret in the event log, no lookup table), they survive a
 * replay of the log, and 256 bits of MAC are far beyond the 128-bit floor. The appointment reference
 * alone reveals nothing without the server's secret. Rotation: sign with the first key, accept all
 * listed keys; drop an old key once its links should die. Verification is constant-time.
 */
export class ManageTokens {
  private readonly byId: ReadonlyMap<string, Buffer>;

  constructor(private readonly keys: readonly ManageTokenKey[]) {
    if (keys.length === 0) throw new Error('ManageTokens needs at least one key');
    for (const key of keys) {
      if (!KEY_ID.test(key.id)) throw new Error(`Manage-link key id "${key.id}" must match ${KEY_ID}`);
      if (key.secret.length < 32) throw new Error(`Manage-link key "${key.id}" must be at least 32 bytes`);
    }
    this.byId = new Map(keys.map((key) => [key.id, key.secret]));
  }

  issue(appointmentId: string): string {
    const [current] = this.keys;
    return `${current.id}.${mac(current.secret, appointmentId).toString('base64url')}`;
  }

  verify(appointmentId: string, token: string): boolean {
    const match = TOKEN.exec(token);
    if (!match) return false;
    const secret = this.byId.get(match[1]);
    if (secret === undefined) return false;
    // Compare the text, not decoded bytes: the last base64url character carries two spare bits that a
    // decoder ignores, so four spellings would decode to the same MAC. Only the canonical one passes.
    const given = Buffer.from(match[2], 'ascii');
    const expected = Buffer.from(mac(secret, appointmentId).toString('base64url'), 'ascii');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function mac(secret: Buffer, appointmentId: string): Buffer {
  return createHmac('sha256', secret).update(CONTEXT).update(appointmentId, 'utf8').digest();
}

/**
 * Keys from env MANAGE_LINK_KEYS: `id:base64secret[,id:base64secret…]`, newest first, e.g.
 * `k2:3q2+7w…,k1:q83v…`. Generate a secret with `openssl rand -base64 32`.
 */
export function parseManageTokenKeys(spec: string | undefined): Result<ManageTokenKey[]> {
  const entries = (spec ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  const keys: ManageTokenKey[] = [];
  const bad: string[] = [];
  for (const entry of entries) {
    const [id, encoded] = entry.split(':', 2);
    const secret = Buffer.from(encoded ?? '', 'base64');
    if (KEY_ID.test(id) && secret.length >= 32) keys.push({ id, secret });
    else bad.push(KEY_ID.test(id) ? id : '(unnamed)'); // never echo a secret into logs
  }
  if (bad.length > 0 || keys.length === 0) {
    return fail(
      invalid('manage_link_keys_invalid', {
        de: `MANAGE_LINK_KEYS ist ungültig (${bad.join(', ') || 'leer'}): erwartet "id:base64" mit mindestens 32 Bytes.`,
        en: `MANAGE_LINK_KEYS is invalid (${bad.join(', ') || 'empty'}): expected "id:base64" with at least 32 bytes.`,
      }),
    );
  }
  return ok(keys);
}
