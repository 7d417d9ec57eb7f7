/*
 * The development mailbox as its own process (scripts/start runs it when nothing answers on the SMTP
 * port): SMTP on SMTP_PORT (1025, the notifications app's default), the web page on MAILBOX_HTTP_PORT
 * (8025, where Mailpit is in docker-compose.yml), both on 127.0.0.1.
 */
import { DevMailbox } from './dev-mailbox';

async function main(): Promise<void> {
  const smtpPort = Number(process.env['SMTP_PORT'] ?? 1025);
  const httpPort = Number(process.env['MAILBOX_HTTP_PORT'] ?? 8025);
  const mailbox = await DevMailbox.start({ host: '127.0.0.1', smtpPort, httpPort });
  console.log(`development mailbox: SMTP on 127.0.0.1:${mailbox.smtpPort}, emails at http://127.0.0.1:${mailbox.httpPort}/`);
  const stop = () => void mailbox.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error('development mailbox did not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
