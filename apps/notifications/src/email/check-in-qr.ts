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

/**
 * PNG rendered at twice the size the HTML shows it, so it stays sharp on high-density screens and
 * scanners; quiet zone of 4 modules as the QR standard asks; level M survives a scratched phone screen.
 */
export function renderCheckInQrPng(reference: string): Promise<Buffer> {
  return QRCode.toBuffer(checkInQrPayload(reference), {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 4,
    width: 400,
    color: { dark: '#000000', light: '#ffffff' },
  });
}
