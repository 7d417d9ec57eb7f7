import { createHmac } from 'node:crypto';
import { contactKey } from './contact-key';
import { isPrivacyError } from './privacy-error';

const pepper = 'pepper-for-tests-0123456789';

describe('contactKey', () => {
  it('is HMAC-SHA256 (base64url) of the trimmed, lower-cased email', () => {
    const expected = createHmac('sha256', pepper).update('anna.schmidt@example.de').digest('base64url');
    expect(contactKey('  Anna.Schmidt@Example.DE \n', pepper)).toBe(expected);
    expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives one contact for differently written forms of one address', () => {
    const composed = 'j\u00FCrgen@example.de';
    const decomposed = 'Ju\u0308rgen@EXAMPLE.de';
    expect(contactKey(decomposed, pepper)).toBe(contactKey(composed, pepper));
  });

  it('tells different addresses and different peppers apart', () => {
    expect(contactKey('a@example.de', pepper)).not.toBe(contactKey('b@example.de', pepper));
    expect(contactKey('a@example.de', pepper)).not.toBe(contactKey('a@example.de', `${pepper}x`));
    expect(contactKey('a@example.de', Buffer.from(pepper))).toBe(contactKey('a@example.de', pepper));
  });

  it('never contains the clear address', () => {
    expect(contactKey('anna@example.de', pepper)).not.toContain('anna');
  });

  it('refuses a missing or short pepper without naming the email', () => {
    for (const bad of ['', 'short', Buffer.alloc(15)]) {
      let caught: unknown;
      try {
        contactKey('anna@example.de', bad);
      } catch (error) {
        caught = error;
      }
      expect(isPrivacyError(caught, 'pepper_invalid')).toBe(true);
      expect(JSON.stringify((caught as { toDomainError(): unknown }).toDomainError())).not.toContain('anna');
    }
  });
});
