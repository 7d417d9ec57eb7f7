import { checkInQrPayload, parseCheckInQr, renderCheckInQrPng } from './check-in-qr';
import { decodeQrPng } from './testing/email-assertions';

describe('check-in QR code', () => {
  it('encodes exactly SCHALTER:<reference> and a camera reads it back', () => {
    const png = renderCheckInQrPng('HBS-7K3Q9F');
    expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    expect(decodeQrPng(png)).toBe('SCHALTER:HBS-7K3Q9F');
  });

  it('is small enough to inline in every email', () => {
    expect(renderCheckInQrPng('HBS-7K3Q9F').length).toBeLessThan(4_000);
  });

  it('round-trips through the counter\'s parser', () => {
    expect(parseCheckInQr(checkInQrPayload('HBS-7K3Q9F'))).toBe('HBS-7K3Q9F');
    expect(parseCheckInQr(' schalter:HBS-7K3Q9F\n')).toBe('HBS-7K3Q9F');
  });

  it('refuses codes that are not ours or carry anything but a reference', () => {
    expect(parseCheckInQr('HBS-7K3Q9F')).toBeUndefined();
    expect(parseCheckInQr('https://example.org/?SCHALTER:HBS')).toBeUndefined();
    expect(parseCheckInQr('SCHALTER:HBS 7K3Q9F')).toBeUndefined();
    expect(parseCheckInQr('SCHALTER:')).toBeUndefined();
  });
});
