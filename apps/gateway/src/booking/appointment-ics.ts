import type { AppointmentView } from '@app/contracts';

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const escape = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');

/** A minimal RFC 5545 event (UTC times, so no VTIMEZONE block is needed). */
export function appointmentIcs(view: AppointmentView, lang: 'de' | 'en'): string {
  const services = view.services.map((s) => `${s.quantity} × ${s.name[lang]}`).join(', ');
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//schalter//booking//DE', 'METHOD:PUBLISH', 'BEGIN:VEVENT',
    `UID:${view.reference}@schalter`, `DTSTAMP:${stamp(new Date().toISOString())}`,
    `DTSTART:${stamp(view.startsAt)}`, `DTEND:${stamp(view.endsAt)}`,
    `SUMMARY:${escape(`${view.officeName[lang]}: ${services}`)}`,
    `DESCRIPTION:${escape(`${lang === 'de' ? 'Vorgangsnummer' : 'Reference'} ${view.reference}`)}`,
    view.status === 'cancelled' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
    'END:VEVENT', 'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
