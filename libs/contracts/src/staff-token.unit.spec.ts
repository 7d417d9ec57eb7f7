import { issueStaffToken, verifyStaffToken } from './staff-token';
import { referenceFromCheckInQr } from './check-in-qr';

const secret = 'a-secret-of-at-least-thirty-two-chars!!';
const now = Date.UTC(2026, 11, 1, 9);

describe('staff socket token', () => {
  it('verifies its own claims until it expires', () => {
    const token = issueStaffToken({ user: 'clerk.hbs', role: 'clerk', officeId: 'hbs' }, secret, now, 60);
    expect(verifyStaffToken(token, secret, now + 59_000)).toEqual({ ok: true, value: { user: 'clerk.hbs', role: 'clerk', officeId: 'hbs', exp: now / 1000 + 60 } });
    expect(verifyStaffToken(token, secret, now + 60_000)).toEqual({ ok: false, error: 'expired' });
  });

  it('refuses another secret, altered claims and garbage', () => {
    const token = issueStaffToken({ user: 'clerk.hbs', role: 'clerk', officeId: 'hbs' }, secret, now);
    expect(verifyStaffToken(token, `${secret}x`, now)).toEqual({ ok: false, error: 'bad_signature' });
    const [, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ user: 'x', role: 'admin', officeId: 'hbs', exp: now / 1000 + 999 })).toString('base64url');
    expect(verifyStaffToken(`${forged}.${mac}`, secret, now)).toEqual({ ok: false, error: 'bad_signature' });
    for (const bad of [undefined, 42, '', 'a', 'a.b.c']) expect(verifyStaffToken(bad, secret, now)).toMatchObject({ ok: false });
  });
});

describe('check-in QR', () => {
  it('reads SCHALTER:<reference> and nothing else', () => {
    expect(referenceFromCheckInQr(' schalter:HBS-7K3Q9F ')).toBe('HBS-7K3Q9F');
    expect(referenceFromCheckInQr('https://example.org')).toBeUndefined();
    expect(referenceFromCheckInQr('SCHALTER:HBS 7K')).toBeUndefined();
  });
});
