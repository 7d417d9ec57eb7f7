import { createEvent, type EventAttributes } from 'ics';
import { singleLine } from './email-format';
import type { AppointmentEmailModel, EmailAttachment } from './email-model';
import { EMAIL_TEXTS } from './email-texts';

export interface IcsOptions {
  /** DTSTAMP: when this version of the invitation was made. Passed in so composing stays deterministic. */
  readonly now: number;
  /** Right-hand side of the UID; the same for every email about one appointment. */
  readonly uidDomain: string;
  /** RFC 5546 wants an ORGANIZER on REQUEST/CANCEL; Outlook ignores invitations without one. */
  readonly organizer?: { readonly name: string; readonly email: string };
}

export type IcsMethod = 'REQUEST' | 'CANCEL';

/** One UID per appointment, so that an update or cancellation replaces the entry in the citizen's calendar. */
export function appointmentUid(reference: string, uidDomain: string): string {
  return `appointment-${reference}@${uidDomain}`;
}

export function icsMethod(kind: AppointmentEmailModel['kind']): IcsMethod | undefined {
  if (kind === 'cancellation') return 'CANCEL';
  return kind === 'activation' ? undefined : 'REQUEST';
}

/**
 * SEQUENCE must grow with every change of the same UID: a reschedule is at least 1, and a
 * cancellation is one above whatever the citizen's calendar last received.
 */
export function icsSequence(model: AppointmentEmailModel): number {
  const revision = model.revision ?? 0;
  if (model.kind === 'cancellation') return revision + 1;
  if (model.kind === 'rescheduled') return Math.max(1, revision);
  return revision;
}

function description(model: AppointmentEmailModel): string {
  const labels = EMAIL_TEXTS[model.language].labels;
  const services = model.services.map((s) => (s.quantity > 1 ? `${s.quantity} × ${s.name}` : s.name));
  return [...services, `${labels.reference}: ${model.reference}`, model.manageUrl].join('\n');
}

/**
 * The .ics attachment, or undefined for kinds that carry none (activation), and for the correction of a
 * move undone: the UID follows the reference, which the move's source keeps, so a CANCEL would remove
 * the appointment that still stands, and the correction does not know the source's time to send it again.
 * Times are written in UTC.
 */
export function buildIcsAttachment(model: AppointmentEmailModel, options: IcsOptions): EmailAttachment | undefined {
  const method = icsMethod(model.kind);
  if (!method || model.moveUndone === true) return undefined;
  const texts = EMAIL_TEXTS[model.language];
  const office = singleLine(model.office.name);
  const attributes: EventAttributes & { timestamp: number } = {
    productId: '-//schalter//Buergerbuero Termine//DE',
    method,
    uid: appointmentUid(model.reference, options.uidDomain),
    sequence: icsSequence(model),
    status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    timestamp: options.now,
    start: model.start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: model.end,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: texts.calendarTitle(office),
    description: description(model),
    location: [office, ...model.office.addressLines].map(singleLine).join(', '),
    busyStatus: method === 'CANCEL' ? 'FREE' : 'BUSY',
    ...(options.organizer ? { organizer: { name: singleLine(options.organizer.name), email: options.organizer.email } } : {}),
    ...(method === 'REQUEST' ? { alarms: [{ action: 'display', description: texts.calendarTitle(office), trigger: { hours: 1, before: true } }] } : {}),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new Error(`ics generation failed: ${error?.message ?? 'no output'}`);
  return {
    filename: texts.calendarFilename,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: Buffer.from(value, 'utf8'),
  };
}
