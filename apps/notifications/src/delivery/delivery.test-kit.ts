import { randomUUID } from 'node:crypto';
import {
  fromZoned, parseCatalog, toZoned, addDays, type AppointmentBooked, type AppointmentCancelled, type AppointmentRequested,
  type AppointmentRescheduled, type Catalog, type ServiceLine,
} from '@app/domain';
import type { PersonalDataVault } from '@app/privacy';
import catalogJson from '../../../../config/catalog.json';

export const TZ = 'Europe/Berlin';
export const SERVICES: ServiceLine[] = [{ serviceId: 'personalausweis', quantity: 2 }, { serviceId: 'reisepass', quantity: 1 }];

export function testCatalog(): Catalog {
  const parsed = parseCatalog(catalogJson);
  if (!parsed.ok) throw new Error(parsed.error.messageEn);
  return parsed.value;
}

/** A date `days` ahead of today in Berlin: far enough that a reminder is due (and never past). */
export const dayAhead = (days: number) => addDays(toZoned(Date.now(), TZ).date, days);

export interface TestAppointment {
  readonly appointmentId: string;
  readonly reference: string;
  readonly holdId: string;
  readonly date: string;
  readonly start: string;
  readonly sealedContact: unknown;
}

export async function newAppointment(vault: PersonalDataVault, email: string, date = dayAhead(3), start = '09:00'): Promise<TestAppointment> {
  const appointmentId = randomUUID();
  const sealedContact = await vault.seal(appointmentId, { name: 'Erika Mustermann', email });
  return { appointmentId, reference: `HBS-${appointmentId.slice(0, 6).toUpperCase()}`, holdId: randomUUID(), date, start, sealedContact };
}

function where(a: TestAppointment, start = a.start) {
  const startsAt = fromZoned(a.date, start, TZ);
  return { officeId: 'hbs', date: a.date, start, end: '', startsAt, endsAt: startsAt + 45 * 60_000, slots: [start], services: SERVICES, minutes: 45 };
}

function who(a: TestAppointment, language: 'de' | 'en') {
  return { appointmentId: a.appointmentId, reference: a.reference, language, sealedContact: a.sealedContact, contactKey: 'ck' };
}

export const requested = (a: TestAppointment, language: 'de' | 'en' = 'de'): AppointmentRequested => ({
  type: 'AppointmentRequested',
  data: { ...where(a), ...who(a, language), holdId: a.holdId, activationTokenHash: 'x', requestedAt: Date.now(), activationExpiresAt: Date.now() + 30 * 60_000 },
});

export const booked = (a: TestAppointment, language: 'de' | 'en' = 'de'): AppointmentBooked => ({
  type: 'AppointmentBooked',
  data: { ...where(a), ...who(a, language), holdId: a.holdId, bookedAt: Date.now(), rescheduledFrom: null },
});

export const rescheduled = (a: TestAppointment, newStart: string, language: 'de' | 'en' = 'de'): AppointmentRescheduled => {
  const old = where(a);
  return {
    type: 'AppointmentRescheduled',
    data: { ...where(a, newStart), ...who(a, language), from: { start: old.start, end: old.end, startsAt: old.startsAt, endsAt: old.endsAt, slots: old.slots }, rescheduledAt: Date.now(), releasedSlots: [], quarantineUntil: 0 },
  };
};

export const cancelled = (a: TestAppointment, start = a.start, language: 'de' | 'en' = 'de'): AppointmentCancelled => ({
  type: 'AppointmentCancelled',
  data: { ...where(a, start), ...who(a, language), reason: 'citizen_request', by: 'citizen', cancelledAt: Date.now(), wasBooked: true, quarantineUntil: 0 },
});
