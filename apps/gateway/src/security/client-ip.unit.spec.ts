import { expandIpv6, rateLimitSubject } from './client-ip';

describe('rateLimitSubject', () => {
  it('keys IPv4 clients by their address', () => {
    expect(rateLimitSubject('203.0.113.7')).toBe('203.0.113.7');
  });

  it('unwraps IPv4-mapped IPv6 so one client has one key on dual-stack sockets', () => {
    expect(rateLimitSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keys IPv6 clients by their /64, so rotating the interface id does not escape the limit', () => {
    const a = rateLimitSubject('2001:db8:1:2:aaaa::1');
    const b = rateLimitSubject('2001:0db8:0001:0002:ffff:ffff:ffff:ffff');
    expect(a).toBe('2001:0db8:0001:0002::/64');
    expect(b).toBe(a);
    expect(rateLimitSubject('2001:db8:1:3::1')).not.toBe(a);
  });

  it('files a missing or garbage address under one shared key rather than none', () => {
    expect(rateLimitSubject(undefined)).toBe('unknown');
    expect(rateLimitSubject('not an ip')).toBe('unknown');
  });
});

describe('expandIpv6', () => {
  it('expands :: in any position and embedded IPv4', () => {
    expect(expandIpv6('::1')).toEqual(['0000', '0000', '0000', '0000', '0000', '0000', '0000', '0001']);
    expect(expandIpv6('fe80::1%eth0')[0]).toBe('fe80');
    expect(expandIpv6('64:ff9b::192.0.2.33').slice(6)).toEqual(['c000', '0221']);
    expect(expandIpv6('1::')).toHaveLength(8);
  });
});
