import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

/**
 * The check-in QR code carries `SCHALTER:<reference>`, e.g. `SCHALTER:HBS-7K3Q9F`, and nothing else
 * (no name, no date: a photo of the code leaks no personal data). The prefix lets the counter's
 * scanner tell our code from any other QR code a citizen holds up; the frontdesk reads it back with
 * `parseCheckInQr`.
 */
export const CHECK_IN_QR_PREFIX = 'SCHALTER:';

export function checkInQrPayload(reference: string): string {
  return `${CHECK_IN_QR_PREFIX}${reference}`;
}

/** The appointment reference from a scanned payload, or undefined if it is not one of ours. */
export function parseCheckInQr(payload: string): string | undefined {
  const trimmed = payload.trim();
  if (!trimmed.toUpperCase().startsWith(CHECK_IN_QR_PREFIX)) return undefined;
  const reference = trimmed.slice(CHECK_IN_QR_PREFIX.length);
  return /^[A-Za-z0-9_-]{1,64}$/.test(reference) ? reference : undefined;
}

const QUIET_ZONE = 4; // modules of white around the code, as the QR standard asks
const TARGET_PIXELS = 400; // twice the size the HTML shows, so it stays sharp on dense screens

/**
 * PNG of the check-in code. The `qrcode` package computes the matrix (level M survives a scratched
 * phone screen); the PNG is written here with zlib because qrcode's pngjs path takes ~0.8 s per image
 * under jest's module sandbox (35 ms in plain Node), which made every email test crawl. The image is
 * 8-bit greyscale, one deflated IDAT, no filters: a few hundred bytes.
 */
export function renderCheckInQrPng(reference: string): Buffer {
  const { modules } = QRCode.create(checkInQrPayload(reference), { errorCorrectionLevel: 'M' });
  const cells = modules.size + 2 * QUIET_ZONE;
  const scale = Math.max(4, Math.ceil(TARGET_PIXELS / cells));
  const width = cells * scale;
  const stride = width + 1; // each scanline starts with its filter type byte (0 = none)
  const raw = Buffer.alloc(stride * width, 0xff);
  for (let y = 0; y < width; y++) {
    raw[y * stride] = 0;
    const row = Math.floor(y / scale) - QUIET_ZONE;
    for (let x = 0; x < width; x++) {
      const col = Math.floor(x / scale) - QUIET_ZONE;
      const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      if (inside && modules.data[row * modules.size + col]) raw[y * stride + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0, 0);
  return Buffer.concat([length, typeAndData, crc]);
}
