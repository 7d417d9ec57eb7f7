import { randomFillSync } from 'node:crypto';

/*
 * UUIDv7 over node:crypto (RFC 9562): 48-bit Unix milliseconds, then random bits. The uuid package's
 * current major is ESM-only and cannot be loaded by jest on Node 20, hence this small function.
 * Ids made by one process stay ordered: the 12-bit rand_a field is a counter seeded randomly each
 * millisecond, and the timestamp never runs backwards.
 */
const POOL_SIZE = 16 * 512;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let poolOffset = POOL_SIZE;
let lastMs = -1;
let counter = 0;

function randomBytes16(): Buffer {
  if (poolOffset + 16 > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const slice = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  return slice;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const scratch = Buffer.alloc(16);

export function uuidv7(nowMs: number = Date.now()): string {
  // Copied out of the pool so the pool's bytes are used once; formatted by table, not Buffer#toString
  // plus slices: this runs twice per append on the command path.
  randomBytes16().copy(scratch, 0);
  const bytes = scratch;
  // Never go back in time within a process: a clock step backwards keeps the last millisecond.
  let ms = Math.max(nowMs, lastMs);
  if (ms === lastMs) counter += 1;
  if (ms !== lastMs || counter > 0xfff) {
    // A new millisecond, or the counter ran out (RFC 9562 §6.2: borrow the next millisecond).
    if (ms === lastMs) ms += 1;
    counter = bytes.readUInt16BE(6) & 0x7ff; // headroom so the counter rarely runs out
  }
  lastMs = ms;
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const b = (i: number) => HEX[bytes[i]!];
  return (
    b(0) + b(1) + b(2) + b(3) + '-' + b(4) + b(5) + '-' + b(6) + b(7) + '-' + b(8) + b(9) + '-' +
    b(10) + b(11) + b(12) + b(13) + b(14) + b(15)
  );
}

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidv7(value: string): boolean {
  return UUIDV7.test(value);
}

/** The creation time encoded in a UUIDv7, in epoch milliseconds. */
export function uuidv7Time(value: string): number {
  return parseInt(value.slice(0, 8) + value.slice(9, 13), 16);
}
