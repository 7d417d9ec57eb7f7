import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { STAFF_ROLES } from './staff-user';

const officeId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

const accountSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{2,64}$/),
  displayName: z.string().min(1).max(100),
  role: z.enum(STAFF_ROLES),
  offices: z.union([z.literal('*'), z.array(officeId).min(1)]),
  // bcrypt only ($2a/$2b/$2y, cost ≥ 10 outside tests): make one with `npx ts-node scripts/hash-password.ts`.
  passwordHash: z.string().regex(/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/),
});

const kioskSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  officeId,
  // The device token itself is 256 random bits, so a plain SHA-256 of it is enough (no slow hash needed).
  tokenSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const staffAccountsSchema = z.object({
  users: z.array(accountSchema),
  kioskDevices: z.array(kioskSchema).default([]),
});

export type StaffAccounts = z.infer<typeof staffAccountsSchema>;
export type StaffAccount = StaffAccounts['users'][number];
export type KioskDevice = StaffAccounts['kioskDevices'][number];

/** Read and validate once at boot: a malformed accounts file stops the gateway with every bad path listed. */
export function loadStaffAccounts(path: string): StaffAccounts {
  const parsed = staffAccountsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Staff accounts file ${path} is invalid: ${where}`);
  }
  const names = parsed.data.users.map((user) => user.username);
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  if (twice.length > 0) throw new Error(`Staff accounts file ${path} names a user twice: ${twice.join(', ')}`);
  return parsed.data;
}
