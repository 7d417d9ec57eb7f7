import { isDeliverableAddress } from './email-address';

describe('recipient address check before sending', () => {
  it.each(['erika@example.org', 'e.mustermann+termine@stadt-halberstadt.de', 'jürgen@müller.de', "o'neil@example.co.uk"])('accepts %s', (address) => {
    expect(isDeliverableAddress(address)).toBe(true);
  });

  it.each([
    '',
    'erika',
    'erika@',
    '@example.org',
    'erika@localhost',
    'erika@@example.org',
    'er ika@example.org',
    'erika@example..org',
    '.erika@example.org',
    'erika.@example.org',
    'erika@-example.org',
    'erika@10.0.0.1',
    ' erika@example.org',
    'erika@example.org\r\nBcc: x@example.org',
    '"erika"@example.org',
    '<erika@example.org>',
    `${'a'.repeat(65)}@example.org`,
  ])('refuses %j', (address) => {
    expect(isDeliverableAddress(address)).toBe(false);
  });
});
