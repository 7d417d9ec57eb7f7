import type { ParsedMail } from '../../apps/notifications/src/email/testing/mime-reader';

export interface StoredMail {
  readonly id: number;
  readonly receivedAt: Date;
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly raw: Buffer;
  readonly parsed: ParsedMail;
}

export interface MailSummary {
  readonly id: number;
  readonly receivedAt: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly attachments: readonly { readonly filename: string | null; readonly contentType: string }[];
}

const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'medium' });

export function summaryOf(mail: StoredMail): MailSummary {
  return {
    id: mail.id,
    receivedAt: mail.receivedAt.toISOString(),
    from: mail.parsed.headers.get('from') ?? mail.envelopeFrom,
    to: mail.envelopeTo,
    subject: mail.parsed.subject,
    attachments: mail.parsed.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType })),
  };
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}
a{color:#0b5394}iframe{width:100%;height:70vh;border:1px solid #999}pre{white-space:pre-wrap;background:#f4f4f4;padding:.75rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}`;

function page(title: string, body: string, refreshSeconds?: number): string {
  const refresh = refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '';
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${refresh}<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** Newest first; reloads itself every 5 s (a meta refresh, as the page runs no script). */
export function listPage(mails: readonly StoredMail[]): string {
  const rows = mails
    .map((m) => `<tr><td>${escapeHtml(berlin.format(m.receivedAt))}</td><td>${escapeHtml(m.envelopeTo.join(', '))}</td><td><a href="/messages/${m.id}">${escapeHtml(m.parsed.subject || '(ohne Betreff · no subject)')}</a></td></tr>`)
    .join('');
  const table = mails.length === 0
    ? '<p>Noch keine E-Mails. Sobald Schalter eine sendet, erscheint sie hier. · No emails yet; they appear here as Schalter sends them.</p>'
    : `<table><thead><tr><th scope="col">Empfangen · Received</th><th scope="col">An · To</th><th scope="col">Betreff · Subject</th></tr></thead><tbody>${rows}</tbody></table>`;
  return page(`Posteingang (${mails.length})`, `<h1>Posteingang für die Entwicklung · Development mailbox</h1><p>Alles, was per SMTP an diesen Rechner geht, nur im Speicher. · Everything sent here over SMTP, kept in memory only.</p>${table}`, 5);
}

export function messagePage(mail: StoredMail): string {
  const { parsed } = mail;
  const attachments = parsed.attachments
    .map((a, i) => `<li><a href="/messages/${mail.id}/parts/${i}">${escapeHtml(a.filename ?? `Teil ${i + 1}`)}</a> (${escapeHtml(a.contentType)}, ${a.content.length} B)</li>`)
    .join('');
  const body = [
    '<p><a href="/">← Posteingang · Mailbox</a></p>',
    `<h1>${escapeHtml(parsed.subject || '(ohne Betreff · no subject)')}</h1>`,
    '<dl>',
    `<dt>Von · From</dt><dd>${escapeHtml(parsed.headers.get('from') ?? mail.envelopeFrom)}</dd>`,
    `<dt>An · To</dt><dd>${escapeHtml(parsed.headers.get('to') ?? mail.envelopeTo.join(', '))}</dd>`,
    `<dt>Empfangen · Received</dt><dd>${escapeHtml(berlin.format(mail.receivedAt))}</dd>`,
    '</dl>',
    parsed.html ? `<h2>HTML</h2><iframe title="HTML-Fassung der E-Mail · HTML version of the email" src="/messages/${mail.id}/html" sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>` : '',
    parsed.text ? `<h2>Text</h2><pre>${escapeHtml(parsed.text)}</pre>` : '',
    attachments ? `<h2>Anhänge · Attachments</h2><ul>${attachments}</ul>` : '',
    `<p><a href="/messages/${mail.id}/raw">Quelltext · Raw message</a></p>`,
  ].join('');
  return page(parsed.subject || `E-Mail ${mail.id}`, body);
}

/** The mail's HTML with inline images (cid:) served by the mailbox, and links opening in a new tab rather than inside the frame. */
export function htmlBodyOf(mail: StoredMail): string {
  const html = (mail.parsed.html ?? '').replace(/(["'(])cid:([^"')\s]+)/g, (_m, quote: string, cid: string) => `${quote}/messages/${mail.id}/cid/${encodeURIComponent(cid)}`);
  return `<base target="_blank">${html}`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
