import { connect as tcpConnect } from 'node:net';
import nodemailer from 'nodemailer';
import { composeEmail } from '../../apps/notifications/src/email/compose-email';
import { QR_CID } from '../../apps/notifications/src/email/email-content';
import { SmtpMailer } from '../../apps/notifications/src/email/smtp-mailer';
import { emailModel } from '../../apps/notifications/src/email/testing/email-fixtures';
import { DevMailbox } from './dev-mailbox';

const FROM = { name: 'Bürgerbüro Halberstadt', email: 'termine@halberstadt.example' };
const NOW = Date.UTC(2026, 10, 24, 12, 0);

let mailbox: DevMailbox;
let base: string;

beforeEach(async () => {
  mailbox = await DevMailbox.start({ host: '127.0.0.1', smtpPort: 0, httpPort: 0, capacity: 3 });
  base = `http://127.0.0.1:${mailbox.httpPort}`;
});

afterEach(() => mailbox.close());

/** A real citizen email, as the notifications app composes and sends it. */
async function sendConfirmation(): Promise<void> {
  const mailer = new SmtpMailer({ host: '127.0.0.1', port: mailbox.smtpPort, secure: false, ignoreTLS: true, from: FROM });
  const model = emailModel('confirmation', 'de', {});
  const email = await composeEmail(model, { now: NOW, uidDomain: 'termine.halberstadt.example', organizer: FROM });
  await mailer.send({ ...email, to: model.recipient }, { messageId: `dev-mailbox-${Date.now()}` });
  mailer.close();
}

async function sendPlain(subject: string): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: mailbox.smtpPort, secure: false, ignoreTLS: true });
  await transport.sendMail({ from: 'a@example.org', to: 'b@example.org', subject, text: 'Hallo' });
  transport.close();
}

describe('the development mailbox', () => {
  it('lists a citizen email the notifications app sent, newest first, with recipient and subject', async () => {
    await sendConfirmation();
    await sendPlain('Zweite');

    const list = (await (await fetch(`${base}/api/messages`)).json()) as { id: number; to: string[]; subject: string }[];
    expect(list.map((m) => m.subject)).toEqual(['Zweite', expect.stringContaining('Ihr Termin im Bürgerbüro Halberstadt')]);
    expect(list[1]!.to).toEqual([emailModel('confirmation', 'de', {}).recipient.email]);

    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-security-policy')).not.toMatch(/script-src/);
    expect(await page.text()).toContain(`<a href="/messages/${list[1]!.id}">Ihr Termin im Bürgerbüro Halberstadt`);
  });

  it('shows the HTML in a sandboxed frame whose links leave the frame and whose QR code loads from the mailbox', async () => {
    await sendConfirmation();
    const [mail] = (await (await fetch(`${base}/api/messages`)).json()) as { id: number }[];

    const page = await (await fetch(`${base}/messages/${mail!.id}`)).text();
    expect(page).toContain(`<iframe title="HTML-Fassung der E-Mail · HTML version of the email" src="/messages/${mail!.id}/html" sandbox="allow-popups allow-popups-to-escape-sandbox">`);
    expect(page).toContain('termin.ics');

    const html = await fetch(`${base}/messages/${mail!.id}/html`);
    expect(html.headers.get('content-security-policy')).toContain('sandbox allow-popups');
    const body = await html.text();
    expect(body.startsWith('<base target="_blank">')).toBe(true);
    expect(body).not.toContain(`cid:${QR_CID}`);
    expect(body).toContain(`/messages/${mail!.id}/cid/${encodeURIComponent(QR_CID)}`);

    const qr = await fetch(`${base}/messages/${mail!.id}/cid/${encodeURIComponent(QR_CID)}`);
    expect(qr.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await qr.arrayBuffer()).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('hands out a calendar attachment as a download, never as a page of its own', async () => {
    await sendConfirmation();
    const [mail] = (await (await fetch(`${base}/api/messages`)).json()) as { id: number; attachments: { filename: string | null }[] }[];
    const ics = mail!.attachments.findIndex((a) => a.filename?.endsWith('.ics'));

    const download = await fetch(`${base}/messages/${mail!.id}/parts/${ics}`);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.ics"$/);
    expect(await download.text()).toContain('BEGIN:VCALENDAR');
  });

  it('escapes what a mail says, so a subject cannot become markup', async () => {
    await sendPlain('<img src=x onerror=alert(1)> & "Termin"');
    const list = await (await fetch(`${base}/`)).text();
    expect(list).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;Termin&#34;');
    expect(list).not.toContain('<img src=x');
  });

  it('goes on receiving after a client resets its connection in the middle of a mail', async () => {
    const socket = tcpConnect(mailbox.smtpPort, '127.0.0.1');
    const reply = (code: string) => new Promise<void>((resolve) => socket.on('data', (d: Buffer) => d.toString().split('\r\n').some((l) => l.startsWith(`${code} `)) && resolve()));
    await reply('220');
    socket.write('EHLO reset.example\r\n');
    await reply('250');
    socket.write('MAIL FROM:<a@example.org>\r\n');
    await reply('250');
    socket.resetAndDestroy(); // inside a transaction smtp-server reports the reset as an 'error' event
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sendPlain('Nach dem Abbruch');
    expect(mailbox.count).toBe(1);
  });

  it('keeps only the newest mails once it holds as many as its capacity', async () => {
    for (const n of [1, 2, 3, 4]) await sendPlain(`Mail ${n}`);
    const list = (await (await fetch(`${base}/api/messages`)).json()) as { subject: string }[];
    expect(list.map((m) => m.subject)).toEqual(['Mail 4', 'Mail 3', 'Mail 2']);
    expect(mailbox.count).toBe(3);
  });

  it('answers 404 for a mail it does not hold and 405 for anything but reading', async () => {
    expect((await fetch(`${base}/messages/99`)).status).toBe(404);
    expect((await fetch(`${base}/api/messages/99`)).status).toBe(404);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    expect((await fetch(`${base}/favicon.ico`)).status).toBe(204);
    await sendConfirmation();
    // A malformed escape in an address answers 400 and leaves the mailbox running.
    expect((await fetch(`${base}/messages/1/cid/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base}/api/messages`)).status).toBe(200);
    expect((await fetch(`${base}/api/messages`, { method: 'DELETE' })).status).toBe(405);
  });
});
