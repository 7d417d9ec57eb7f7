import type { Instant, ZonedParts } from '../shared/local-time';
import { berlinClock } from './berlin-clock';
import type { FlowServiceLine, Visit } from './types';

export const VISIT_CSV_HEADER: readonly string[] = [
  'visit_id', 'office_id', 'date', 'kind', 'had_appointment', 'late_for_appointment', 'ticket_number', 'services',
  'services_done', 'booked_at', 'appointment_at', 'arrived_at', 'first_called_at', 'calls', 'served_from', 'served_until',
  'counter_id', 'transfers', 'outcome', 'waiting_minutes', 'service_minutes',
];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * One CSV cell, safe to open in a spreadsheet: text that a spreadsheet would read as a formula (it
 * starts with = + - @, a tab or CR) gets a leading apostrophe (OWASP CSV injection advice), and text with a
 * separator, quote or line break is quoted with doubled quotes. Numbers are written as they are (a
 * negative number is data, not a formula); null is an empty cell.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Berlin wall clock, `YYYY-MM-DD HH:MM`. */
function localTime(clock: (i: Instant) => ZonedParts, instant: Instant | null): string | null {
  if (instant === null) return null;
  const z = clock(instant);
  return `${z.date} ${z.time}`;
}

const lines = (services: readonly FlowServiceLine[] | null) =>
  services === null ? null : services.map((s) => (s.quantity === 1 ? s.serviceId : `${s.serviceId}x${s.quantity}`)).join(' ');

/** Header and one row per visit, values not yet escaped (see `csvCell`). */
export function visitsToCsvRows(visits: readonly Visit[]): (string | number | boolean | null)[][] {
  const clock = berlinClock();
  const local = (instant: Instant | null) => localTime(clock, instant);
  return [
    [...VISIT_CSV_HEADER],
    ...visits.map((v) => [
      v.visitId, v.officeId, v.date, v.kind, v.hadAppointment, v.lateForAppointment, v.ticketNumber, lines(v.services),
      lines(v.servicesDone), local(v.bookedAt), local(v.appointmentAt), local(v.arrivedAt), local(v.calls[0] ?? null), v.calls.length,
      local(v.servedFrom), local(v.servedUntil), v.counterId, v.transfers, v.outcome, v.waitingMinutes, v.serviceMinutes,
    ]),
  ];
}

/** The whole export: escaped cells, comma-separated, CRLF line ends (RFC 4180). */
export function visitsToCsv(visits: readonly Visit[]): string {
  return visitsToCsvRows(visits).map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
