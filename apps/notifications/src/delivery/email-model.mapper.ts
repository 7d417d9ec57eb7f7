import { documentsToBring, feeFor, findOffice, findService, type Catalog, type EmailJob } from '@app/domain';
import type { AppointmentEmailModel, EmailRecipient } from '../email';
import type { EmailLinks } from './email-links';
import { officeInfo } from './office-info';

const CANCEL_REASONS = {
  citizen_request: { de: 'Auf Ihren Wunsch', en: 'At your request' },
  staff_decision: { de: 'Durch das Bürgerbüro', en: "By the citizens' office" },
  office_closure: { de: 'Das Bürgerbüro ist an diesem Tag geschlossen', en: 'The office is closed on that day' },
  rescheduled: { de: 'Verschoben', en: 'Rescheduled' },
} as const;

/**
 * Fills the email model from a job (copied from the calendar event), the catalogue and the contact
 * opened just now. The fee is the regular one: reductions (under 24) are decided at the counter.
 */
export function emailModelFor(job: EmailJob, catalog: Catalog, recipient: EmailRecipient, links: EmailLinks): AppointmentEmailModel {
  const { appointment: a, details } = job;
  const office = findOffice(catalog, a.officeId);
  if (!office) throw new Error(`unknown office ${a.officeId}`);
  const fee = feeFor(catalog, a.services);
  return {
    kind: job.kind,
    language: a.language,
    recipient,
    reference: a.reference,
    office: officeInfo(office, a.language),
    start: a.startsAt,
    end: a.endsAt,
    services: a.services.map((line) => ({ name: findService(catalog, line.serviceId)?.name[a.language] ?? line.serviceId, quantity: line.quantity })),
    documents: documentsToBring(catalog, a.services, a.language),
    ...(fee.ok ? { feeCents: fee.value.totalCents } : {}),
    manageUrl: links.manageUrl(a.reference),
    revision: job.revision,
    ...(job.kind === 'activation' && a.holdId ? { activationUrl: links.activationUrl(a.reference, a.holdId), activationExpiresAt: details.activationExpiresAt } : {}),
    ...(details.previousStartsAt !== undefined ? { previousStart: details.previousStartsAt } : {}),
    ...(job.kind === 'cancellation' && details.moveUndone === true ? { moveUndone: true } : {}),
    ...(job.kind === 'cancellation' && details.moveUndone !== true ? { bookingUrl: links.bookingUrl(), ...(details.cancelReason ? { cancelReason: CANCEL_REASONS[details.cancelReason][a.language] } : {}) } : {}),
  };
}
