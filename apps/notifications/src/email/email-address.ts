/**
 * A deliberately plain check of a recipient address before any SMTP traffic: one `@`, a local part
 * of printable characters without spaces, quotes or angle brackets, and a domain of at least two
 * labels (internationalised domains allowed). Quoted local parts and IP literals are valid by the
 * RFC but never typed by citizens, so they are refused here rather than risked in a header.
 */
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

export function isDeliverableAddress(address: string): boolean {
  if (address.length > 254 || address !== address.trim()) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.indexOf('@') !== at) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  // The top-level domain is never all digits; that would be an IP address typed without brackets.
  return !/^\d+$/.test(labels[labels.length - 1]);
}
