import type { Appointment, Catalog, Hold, Office } from '@app/domain';
import type { AppointmentView, HoldResponse, OfficeSummary, ServiceInfo } from '@app/contracts';

const iso = (instant: number) => new Date(instant).toISOString();

export function officeSummary(office: Office): OfficeSummary {
  const { slotMinutes, window, holdMinutes, requiresActivation, maxOpenAppointmentsPerContact } = office.booking;
  return { id: office.id, name: office.name, address: office.address, slotMinutes, window, holdMinutes, requiresActivation, maxOpenAppointmentsPerContact };
}

/** Services bookable online that some counter of the office handles. */
export function officeServices(catalog: Catalog, office: Office): ServiceInfo[] {
  const handled = new Set(office.counters.flatMap((c) => c.services));
  return catalog.services
    .filter((s) => s.bookableOnline && handled.has(s.id))
    .map((s) => ({ id: s.id, name: s.name, minutes: s.minutes, maxQuantity: s.maxQuantity, documents: s.documents, fee: s.fee, combinableWith: s.combinableWith }));
}

export function holdView(hold: Hold): HoldResponse {
  return {
    holdId: hold.holdId, officeId: hold.officeId, date: hold.date, start: hold.start, end: hold.end, minutes: hold.minutes,
    services: hold.services.map((s) => ({ serviceId: s.serviceId, quantity: s.quantity })), expiresAt: iso(hold.expiresAt),
  };
}

/** `anna@example.org` → `a***@example.org`: enough to recognise one's address, not to learn it. */
export function maskEmail(email: string | undefined): string {
  if (!email) return '';
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}

export function appointmentView(appointment: Appointment, catalog: Catalog, office: Office, email: string | undefined): AppointmentView {
  const names = new Map(catalog.services.map((s) => [s.id, s.name]));
  return {
    reference: appointment.reference,
    status: appointment.status,
    officeId: appointment.officeId,
    officeName: office.name,
    date: appointment.date,
    start: appointment.start,
    end: appointment.end,
    startsAt: iso(appointment.startsAt),
    endsAt: iso(appointment.endsAt),
    services: appointment.services.map((s) => ({ serviceId: s.serviceId, quantity: s.quantity, name: names.get(s.serviceId) ?? { de: s.serviceId, en: s.serviceId } })),
    language: appointment.language,
    maskedEmail: maskEmail(email),
    ...(appointment.status === 'cancelled' ? { cancelledAt: iso(appointment.cancelledAt) } : {}),
    ...(appointment.status === 'awaiting_activation' ? { activationExpiresAt: iso(appointment.activationExpiresAt) } : {}),
  };
}
