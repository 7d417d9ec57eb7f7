/**
 * Makes a bcrypt hash for config/staff-users.json, or a kiosk device token and its SHA-256.
 *
 *   npx ts-node --transpile-only scripts/hash-password.ts            # asks for the password (not echoed to history)
 *   npx ts-node --transpile-only scripts/hash-password.ts --kiosk    # new device token + tokenSha256
 *
 * Cost 12 (≈ 0.3 s per login in bcryptjs): slow enough against offline guessing, fast enough at a counter.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import bcrypt from 'bcryptjs';

const COST = 12;

async function main(): Promise<void> {
  if (process.argv.includes('--kiosk')) {
    const token = randomBytes(32).toString('base64url');
    process.stdout.write(`device token (open /kiosk/<office>#device=${token} once on the kiosk):\n${token}\n`);
    process.stdout.write(`tokenSha256 for config/staff-users.json:\n${createHash('sha256').update(token).digest('hex')}\n`);
    return;
  }
  const password = process.env.STAFF_PASSWORD ?? (await ask('Password: '));
  if (password.length < 12) throw new Error('Use at least 12 characters.');
  process.stdout.write(`${await bcrypt.hash(password, COST)}\n`);
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
