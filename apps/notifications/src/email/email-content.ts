import { assertNever } from '@app/domain';
import { type EmailBlock, type EmailDocument, type EmailSection, lines, list, paragraph } from './email-document';
import { formatDateTime, formatFee, formatLongDate, formatTime, formatTimeRange, singleLine } from './email-format';
import type { AppointmentEmailModel } from './email-model';
import { EMAIL_TEXTS, type EmailTexts } from './email-texts';

/** Content-ID of the inline check-in QR image; the HTML refers to it as `cid:` + this. */
export const QR_CID = 'checkin-qr@schalter';
const QR_DISPLAY_SIZE = 200;

/** Which parts each kind carries: activation has no QR/ics, a cancellation no documents or check-in. */
export function hasCheckIn(kind: AppointmentEmailModel['kind']): boolean {
  return kind === 'confirmation' || kind === 'reminder' || kind === 'rescheduled';
}

export function buildEmailDocument(model: AppointmentEmailModel): EmailDocument {
  const t = EMAIL_TEXTS[model.language];
  const office = singleLine(model.office.name);
  const when = formatDateTime(model.start, model.language);
  const undone = model.kind === 'cancellation' && model.moveUndone === true;
  const base = {
    language: model.language,
    subject: singleLine(undone ? t.subject.moveUndone(office, when) : t.subject[model.kind](office, when)),
    heading: undone ? t.heading.moveUndone : t.heading[model.kind],
    closing: t.closing(office),
    footer: t.footer,
  };
  const greeting = paragraph(t.greeting(singleLine(model.recipient.name)));
  switch (model.kind) {
    case 'activation':
      return { ...base, intro: [greeting, ...activationIntro(model, t)], sections: bookingSections(model, t, false) };
    case 'confirmation':
      return { ...base, intro: [greeting, paragraph(t.confirmationIntro), paragraph(t.calendarHint)], sections: bookingSections(model, t, true) };
    case 'reminder':
      return { ...base, intro: [greeting, paragraph(reminderIntro(model, t)), paragraph(t.arriveEarly)], sections: bookingSections(model, t, true) };
    case 'rescheduled':
      return { ...base, intro: [greeting, ...rescheduledIntro(model, t)], sections: bookingSections(model, t, true) };
    case 'cancellation':
      if (undone) return { ...base, intro: [greeting, ...moveUndoneIntro(model, t)], sections: moveUndoneSections(model, t) };
      return { ...base, intro: [greeting, ...cancellationIntro(model, t)], sections: cancellationSections(model, t) };
    default:
      return assertNever(model.kind);
  }
}

function activationIntro(model: AppointmentEmailModel, t: EmailTexts): EmailBlock[] {
  const url = model.activationUrl ?? model.manageUrl;
  const expiry =
    model.activationExpiresAt === undefined
      ? t.activationExpiryUnknown
      : t.activationExpiry(formatDateTime(model.activationExpiresAt, model.language));
  return [
    paragraph(t.activationIntro(singleLine(model.office.name))),
    { type: 'button', label: t.activationButton, url, fallback: t.linkFallback },
    paragraph(expiry),
    paragraph(t.activationNotYou),
  ];
}

function reminderIntro(model: AppointmentEmailModel, t: EmailTexts): string {
  const { language } = model;
  return t.reminderIntro(singleLine(model.office.name), formatLongDate(model.start, language), formatTime(model.start, language));
}

function rescheduledIntro(model: AppointmentEmailModel, t: EmailTexts): EmailBlock[] {
  const { language } = model;
  const blocks = [paragraph(t.rescheduledIntro(formatLongDate(model.start, language), formatTime(model.start, language)))];
  if (model.previousStart !== undefined) blocks.push(paragraph(t.rescheduledPrevious(formatDateTime(model.previousStart, language))));
  blocks.push(paragraph(t.calendarHint));
  return blocks;
}

function cancellationIntro(model: AppointmentEmailModel, t: EmailTexts): EmailBlock[] {
  const { language } = model;
  const office = singleLine(model.office.name);
  const blocks = [paragraph(t.cancellationIntro(office, formatLongDate(model.start, language), formatTime(model.start, language)))];
  if (model.cancelReason) blocks.push(paragraph(t.cancellationReason(model.cancelReason)));
  blocks.push(paragraph(t.cancellationCalendar));
  return blocks;
}

function appointmentSection(model: AppointmentEmailModel, t: EmailTexts, heading: string): EmailSection {
  const { language, office } = model;
  const place = [office.name, ...office.addressLines].map(singleLine).join(', ');
  return {
    heading,
    blocks: [
      {
        type: 'details',
        rows: [
          [t.labels.date, formatLongDate(model.start, language)],
          [t.labels.time, formatTimeRange(model.start, model.end, language)],
          [t.labels.place, place],
          [t.labels.reference, model.reference],
        ],
      },
    ],
  };
}

function servicesSection(model: AppointmentEmailModel, t: EmailTexts): EmailSection {
  const items = model.services.map((s) => (s.quantity > 1 ? `${s.quantity} × ${s.name}` : s.name));
  return { heading: t.servicesHeading, blocks: [list(items)] };
}

function feeText(model: AppointmentEmailModel, t: EmailTexts): string {
  if (model.feeCents === undefined) return t.feeUnknown;
  if (model.feeCents === 0) return t.feeFree;
  return t.fee(formatFee(model.feeCents, model.language));
}

function bookingSections(model: AppointmentEmailModel, t: EmailTexts, withCheckIn: boolean): EmailSection[] {
  const sections: EmailSection[] = [appointmentSection(model, t, t.appointmentHeading), servicesSection(model, t)];
  if (model.documents.length > 0) {
    sections.push({ heading: t.documentsHeading, blocks: [list(model.documents), paragraph(t.documentsNote)] });
  }
  sections.push({ heading: t.feeHeading, blocks: [paragraph(feeText(model, t))] });
  if (withCheckIn) {
    sections.push({
      heading: t.checkInHeading,
      blocks: [paragraph(t.checkIn(model.reference)), { type: 'image', cid: QR_CID, alt: t.qrAlt(model.reference), size: QR_DISPLAY_SIZE }],
    });
    sections.push({ heading: t.manageHeading, blocks: [paragraph(t.manageText), { type: 'link', label: t.manageLink, url: model.manageUrl }] });
  }
  sections.push(officeSection(model, t));
  return sections;
}

function cancellationSections(model: AppointmentEmailModel, t: EmailTexts): EmailSection[] {
  const sections = [appointmentSection(model, t, t.cancelledAppointmentHeading), servicesSection(model, t)];
  if (model.bookingUrl) {
    sections.push({
      heading: t.cancellationRebookLink,
      blocks: [paragraph(t.cancellationRebook), { type: 'link', label: t.cancellationRebookLink, url: model.bookingUrl }],
    });
  }
  sections.push(officeSection(model, t));
  return sections;
}

function moveUndoneIntro(model: AppointmentEmailModel, t: EmailTexts): EmailBlock[] {
  const { language } = model;
  return [paragraph(t.moveUndoneIntro(formatLongDate(model.start, language), formatTime(model.start, language))), paragraph(t.moveUndoneStands), paragraph(t.moveUndoneCalendar)];
}

/** No rebooking offer: the citizen most likely still has the appointment the move started from. */
function moveUndoneSections(model: AppointmentEmailModel, t: EmailTexts): EmailSection[] {
  return [
    appointmentSection(model, t, t.moveUndoneHeading),
    servicesSection(model, t),
    { heading: t.manageHeading, blocks: [paragraph(t.moveUndoneManage), { type: 'link', label: t.moveUndoneLink, url: model.manageUrl }] },
    officeSection(model, t),
  ];
}

function officeSection(model: AppointmentEmailModel, t: EmailTexts): EmailSection {
  const { office } = model;
  const address = [office.name, ...office.addressLines];
  if (office.phone) address.push(t.phone(office.phone));
  const blocks: EmailBlock[] = [lines(address)];
  if (office.openingInfo.length > 0) blocks.push(lines([`${t.openingHeading}:`, ...office.openingInfo]));
  return { heading: t.officeHeading, blocks };
}
