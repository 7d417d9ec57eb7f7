import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = POOL_BYTES;

/**
 * Fresh random bytes from the CSPRNG, drawn from a pooled buffer: `randomBytes` calls into OpenSSL for
 * every small request (≈ 1.9 µs for 12 bytes against ≈ 0.2 µs here; a booking takes a data key and two
 * IVs). Every pooled byte is handed out once and copied out, so a refill never changes a key or IV
 * already given away (the same idea as Node's own `randomUUID` cache).
 */
export function freshRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES / 4) return randomFillSync(Buffer.alloc(size));
  if (offset + size > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + size));
  pool.fill(0, offset, offset + size); // nothing of a handed-out key lingers in the pool
  offset += size;
  return out;
}
