import { conflict, forbidden, invalid, notFound, ruleViolation, type DomainError } from '../shared/domain-error';

/**
 * Every refusal of the calendar, with the stable code clients branch on and text a citizen
 * understands. Kept in one place so the wording stays consistent between decide and availability.
 */
type Details = Record<string, unknown>;

export const refuse = {
  unknownOffice: (officeId: string) => notFound('unknown_office', { de: 'Diesen Standort gibt es nicht.', en: 'This office does not exist.' }, { officeId }),
  invalidTime: (value: string) => invalid('invalid_time', { de: 'Datum oder Uhrzeit ist ungültig.', en: 'The date or time is invalid.' }, { value }),
  wrongCalendar: (details: Details) => invalid('wrong_calendar', { de: 'Der Befehl gehört zu einem anderen Tag oder Standort.', en: 'The command belongs to another day or office.' }, details),
  offSlotGrid: (slotMinutes: number) => invalid('off_slot_grid', { de: `Termine beginnen nur im ${slotMinutes}-Minuten-Takt.`, en: `Appointments start every ${slotMinutes} minutes only.` }, { slotMinutes }),
  inPast: () => ruleViolation('in_past', { de: 'Dieser Zeitpunkt liegt in der Vergangenheit.', en: 'This time is in the past.' }),
  beforeLeadTime: (leadTimeMinutes: number) => ruleViolation('before_lead_time', {
    de: `Termine müssen mindestens ${leadTimeMinutes} Minuten im Voraus gebucht werden.`,
    en: `Appointments must be booked at least ${leadTimeMinutes} minutes in advance.`,
  }, { leadTimeMinutes }),
  beforeWindow: (earliest: string) => ruleViolation('before_window', { de: `Termine sind frühestens ab ${earliest} buchbar.`, en: `Appointments can be booked from ${earliest} at the earliest.` }, { earliest }),
  beyondWindow: (latest: string) => ruleViolation('beyond_window', { de: `Termine sind höchstens bis ${latest} buchbar.`, en: `Appointments can be booked up to ${latest} only.` }, { latest }),
  closedDay: (reason: { de: string; en: string }) => ruleViolation('closed_day', {
    de: `An diesem Tag ist das Bürgerbüro geschlossen (${reason.de}).`,
    en: `The office is closed on this day (${reason.en}).`,
  }, { reason }),
  outsideOpeningHours: () => ruleViolation('outside_opening_hours', {
    de: 'Der Termin muss vollständig in den Öffnungszeiten liegen (vor Pause oder Schließung enden).',
    en: 'The appointment must lie wholly within opening hours (end before a break or closing).',
  }),
  noCapacity: (slot: string) => conflict('no_capacity', { de: 'Dieser Termin ist leider schon vergeben.', en: 'Sorry, this time is already taken.' }, { slot }),
  contactLimit: (limit: number) => ruleViolation('contact_limit', {
    de: `Sie haben bereits ${limit} offene Termine. Bitte sagen Sie zuerst einen ab.`,
    en: `You already have ${limit} open appointments. Please cancel one first.`,
  }, { limit }),
  holdUnknown: (holdId: string) => notFound('hold_unknown', { de: 'Diese Reservierung gibt es nicht.', en: 'This reservation does not exist.' }, { holdId }),
  holdExpired: (holdId: string) => conflict('hold_expired', {
    de: 'Die Reservierung ist abgelaufen. Bitte wählen Sie den Termin erneut.',
    en: 'The reservation has expired. Please choose the time again.',
  }, { holdId }),
  holdExtensionLimit: (holdId: string, maxExtensions: number) => conflict('hold_extension_limit', {
    de: 'Die Reservierung kann nicht weiter verlängert werden. Bitte geben Sie Ihre Daten jetzt ein oder wählen Sie den Termin erneut.',
    en: 'The reservation cannot be extended any further. Please enter your details now or choose the time again.',
  }, { holdId, maxExtensions }),
  holdUsed: (holdId: string) => conflict('hold_used', { de: 'Diese Reservierung wurde bereits verwendet.', en: 'This reservation has already been used.' }, { holdId }),
  holdIdTaken: (holdId: string) => conflict('hold_id_taken', { de: 'Diese Reservierungsnummer ist bereits vergeben.', en: 'This reservation id is already in use.' }, { holdId }),
  appointmentUnknown: (appointmentId: string) => notFound('appointment_unknown', { de: 'Diesen Termin gibt es nicht.', en: 'This appointment does not exist.' }, { appointmentId }),
  activationExpired: (appointmentId: string) => conflict('activation_expired', {
    de: 'Der Bestätigungslink ist abgelaufen. Bitte buchen Sie erneut.',
    en: 'The confirmation link has expired. Please book again.',
  }, { appointmentId }),
  tokenInvalid: () => forbidden('activation_token_invalid', { de: 'Der Bestätigungslink ist ungültig.', en: 'The confirmation link is invalid.' }),
  notActivated: (appointmentId: string) => ruleViolation('not_activated', {
    de: 'Bitte bestätigen Sie den Termin zuerst über den Link in der E-Mail.',
    en: 'Please confirm the appointment first with the link in the email.',
  }, { appointmentId }),
  alreadyCancelled: (appointmentId: string) => conflict('already_cancelled', { de: 'Dieser Termin wurde bereits abgesagt.', en: 'This appointment has already been cancelled.' }, { appointmentId }),
  alreadyStarted: (appointmentId: string) => ruleViolation('in_past', {
    de: 'Der Termin hat bereits begonnen und kann nicht mehr geändert werden.',
    en: 'The appointment has already started and can no longer be changed.',
  }, { appointmentId }),
} satisfies Record<string, (...args: never[]) => DomainError>;
