/**
 * Just enough of a MIME parser for our tests to read what nodemailer sent: headers with encoded words,
 * nested multiparts, base64 and quoted-printable. Test support only, not for mail from strangers.
 */
export interface MimePart {
  readonly headers: ReadonlyMap<string, string>;
  readonly contentType: string;
  readonly params: Readonly<Record<string, string>>;
  readonly disposition?: string;
  readonly filename?: string;
  readonly contentId?: string;
  readonly content: Buffer;
}

export interface ParsedMail {
  readonly headers: ReadonlyMap<string, string>;
  readonly subject: string;
  readonly messageId?: string;
  readonly text?: string;
  readonly html?: string;
  /** Every leaf part that is not the text or HTML body. */
  readonly attachments: readonly MimePart[];
}

export function parseMail(raw: Buffer | string): ParsedMail {
  const leaves = parseEntity(Buffer.isBuffer(raw) ? raw.toString('latin1') : Buffer.from(raw, 'utf8').toString('latin1'));
  const top = leaves.headers;
  const isBody = (p: MimePart, type: string) => p.contentType === type && p.disposition !== 'attachment' && !p.filename;
  const text = leaves.parts.find((p) => isBody(p, 'text/plain'));
  const html = leaves.parts.find((p) => isBody(p, 'text/html'));
  return {
    headers: top,
    subject: top.get('subject') ?? '',
    messageId: top.get('message-id'),
    text: text?.content.toString('utf8'),
    html: html?.content.toString('utf8'),
    attachments: leaves.parts.filter((p) => p !== text && p !== html),
  };
}

// The raw message is handled as latin1 ("binary") so that byte offsets survive; decoded text is utf8.
function parseEntity(binary: string): { headers: Map<string, string>; parts: MimePart[] } {
  const split = binary.indexOf('\r\n\r\n');
  const headers = parseHeaders(split < 0 ? binary : binary.slice(0, split));
  const body = split < 0 ? '' : binary.slice(split + 4);
  const [contentType, params] = parseHeaderValue(headers.get('content-type') ?? 'text/plain');
  if (contentType.startsWith('multipart/') && params.boundary) {
    const parts = splitMultipart(body, params.boundary).flatMap((section) => parseEntity(section).parts);
    return { headers, parts };
  }
  const [disposition, dispositionParams] = parseHeaderValue(headers.get('content-disposition') ?? '');
  const content = decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit');
  const filename = dispositionParams.filename ?? params.name;
  const contentId = headers.get('content-id')?.replace(/^<|>$/g, '');
  return { headers, parts: [{ headers, contentType, params, disposition: disposition || undefined, filename, contentId, content }] };
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

/** RFC 2047 encoded words, e.g. `=?UTF-8?Q?B=C3=BCrgerb=C3=BCro?=`; whitespace between two of them is dropped. */
export function decodeWords(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  return joined.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, encoding: string, data: string) => {
    if (encoding.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
    const bytes = data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  });
}

function parseHeaderValue(value: string): [string, Record<string, string>] {
  const [first, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const piece of rest) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    const key = piece.slice(0, eq).trim().toLowerCase();
    params[key] = piece.slice(eq + 1).trim().replace(/^"|"$/g, '');
  }
  return [first.trim().toLowerCase(), params];
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const sections = body.split(new RegExp(`(?:^|\\r\\n)${escapeRegExp(delimiter)}`));
  // sections[0] is the preamble; the closing delimiter leaves a section starting with '--'.
  return sections
    .slice(1)
    .filter((s) => !s.startsWith('--'))
    .map((s) => s.replace(/^[ \t]*\r\n/, ''));
}

function decodeBody(body: string, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable': {
      const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1');
    }
    default:
      return Buffer.from(body, 'latin1');
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
