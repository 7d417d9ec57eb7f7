/**
 * The check-in QR code of the confirmation email carries `SCHALTER:<reference>` (written by
 * notifications' `checkInQrPayload`). This is the reader's side, kept here so that frontdesk does not
 * import another app; it accepts exactly what notifications' `parseCheckInQr` accepts.
 */
export const CHECK_IN_QR_PREFIX = 'SCHALTER:';

/** The appointment reference from a scanned payload, or undefined if it is not one of ours. */
export function referenceFromCheckInQr(payload: string): string | undefined {
  const trimmed = payload.trim();
  if (!trimmed.toUpperCase().startsWith(CHECK_IN_QR_PREFIX)) return undefined;
  const reference = trimmed.slice(CHECK_IN_QR_PREFIX.length);
  return /^[A-Za-z0-9_-]{1,64}$/.test(reference) ? reference : undefined;
}
