import { WEEKDAYS, type Language, type Office, type Weekday } from '@app/domain';
import type { EmailOffice } from '../email';

const DAY_NAMES: Record<Language, Record<Weekday, string>> = {
  de: { mon: 'Mo', tue: 'Di', wed: 'Mi', thu: 'Do', fri: 'Fr', sat: 'Sa', sun: 'So' },
  en: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
};

/** Address and opening hours from the catalogue, in the citizen's language; days with equal hours share a line. */
export function officeInfo(office: Office, language: Language): EmailOffice {
  const lines: { days: Weekday[]; hours: string }[] = [];
  for (const day of WEEKDAYS) {
    const intervals = office.openingHours[day] ?? [];
    if (intervals.length === 0) continue;
    const hours = intervals.map((i) => `${i.from}–${i.to}`).join(', ');
    const same = lines.find((l) => l.hours === hours);
    if (same) same.days.push(day);
    else lines.push({ days: [day], hours });
  }
  const suffix = language === 'de' ? ' Uhr' : '';
  return {
    name: office.name[language],
    addressLines: [office.address.street, `${office.address.postalCode} ${office.address.city}`],
    openingInfo: lines.map((l) => `${l.days.map((d) => DAY_NAMES[language][d]).join(', ')}: ${l.hours}${suffix}`),
  };
}
