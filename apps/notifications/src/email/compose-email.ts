import { buildIcsAttachment, type IcsOptions } from './appointment-ics';
import { renderCheckInQrPng } from './check-in-qr';
import { buildEmailDocument, hasCheckIn, QR_CID } from './email-content';
import { renderHtml } from './email-html.renderer';
import type { AppointmentEmailModel, ComposedEmail, EmailAttachment } from './email-model';
import { renderText } from './email-text.renderer';

export interface ComposeOptions {
  /** Becomes the .ics DTSTAMP; take it from the job (e.g. the event's time) so a retry composes the same bytes. */
  readonly now: number;
  /** Right-hand side of the calendar UID; default 'schalter.local'. Keep it stable forever. */
  readonly uidDomain?: string;
  readonly organizer?: IcsOptions['organizer'];
}

export const DEFAULT_UID_DOMAIN = 'schalter.local';

/**
 * Subject, text, HTML and attachments of one citizen email. Pure apart from the QR and .ics
 * libraries: no network, no clock, nothing logged.
 */
export async function composeEmail(model: AppointmentEmailModel, options: ComposeOptions): Promise<ComposedEmail> {
  const doc = buildEmailDocument(model);
  const attachments: EmailAttachment[] = [];
  const ics = buildIcsAttachment(model, {
    now: options.now,
    uidDomain: options.uidDomain ?? DEFAULT_UID_DOMAIN,
    organizer: options.organizer,
  });
  if (ics) attachments.push(ics);
  if (hasCheckIn(model.kind)) {
    attachments.push({
      filename: model.language === 'de' ? 'termin-qr-code.png' : 'appointment-qr-code.png',
      contentType: 'image/png',
      content: renderCheckInQrPng(model.reference),
      cid: QR_CID,
    });
  }
  return { subject: doc.subject, text: renderText(doc), html: renderHtml(doc), attachments };
}
