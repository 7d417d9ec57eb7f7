import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a client is rate-limited under. Which address is the client's is decided by Express's
 * `trust proxy` setting (see `applyHttpSecurity`): `req.ip` is the socket peer unless that peer is a
 * trusted proxy, in which case X-Forwarded-For is walked back from the right. A client cannot spoof
 * X-Forwarded-For past a proxy we do not trust.
 *
 * IPv6 clients are keyed by their /64: one subscriber usually gets a whole /64 and could otherwise
 * rotate through 2^64 addresses to escape the limit.
 */
export function rateLimitSubject(ip: string | undefined): string {
  if (ip === undefined || ip === '') return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip)) return `${expandIpv6(ip).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}

/** Eight 4-digit lowercase hex groups; zone ids (`%eth0`) are dropped. */
export function expandIpv6(ip: string): string[] {
  const address = embeddedIpv4ToHex(ip.split('%')[0].toLowerCase());
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return groups.map((group) => group.padStart(4, '0'));
}

function embeddedIpv4ToHex(address: string): string {
  const match = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!match) return address;
  const [a, b, c, d] = match.slice(2).map(Number);
  return `${match[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}
