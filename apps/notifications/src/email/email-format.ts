import type { EmailLanguage } from './email-model';

/** Offices of this system are all in Germany; every time a citizen reads is Berlin wall-clock time. */
export const OFFICE_TIME_ZONE = 'Europe/Berlin';

const LOCALE: Record<EmailLanguage, string> = { de: 'de-DE', en: 'en-GB' };

// Intl formatters are costly to build and safe to share: one per language and pattern.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(language: EmailLanguage, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${language}:${key}`;
  let format = dateFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[language], { timeZone: OFFICE_TIME_ZONE, ...options });
    dateFormats.set(id, format);
  }
  return format;
}

/** 'Di., 1. Dezember 2026' / 'Tue, 1 December 2026' */
export function formatDate(instant: number, language: EmailLanguage): string {
  return dateTimeFormat(language, 'date', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** 'Dienstag, 1. Dezember 2026' / 'Tuesday, 1 December 2026' — the unabbreviated form for the body. */
export function formatLongDate(instant: number, language: EmailLanguage): string {
  return dateTimeFormat(language, 'long-date', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** '09:00' in both languages: a 24-hour clock is what the office's signs and the ticket show. */
export function formatClock(instant: number, language: EmailLanguage): string {
  return dateTimeFormat(language, 'clock', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** '09:00 Uhr' / '09:00' */
export function formatTime(instant: number, language: EmailLanguage): string {
  const clock = formatClock(instant, language);
  return language === 'de' ? `${clock} Uhr` : clock;
}

/** '09:00–09:30 Uhr' / '09:00–09:30' */
export function formatTimeRange(start: number, end: number, language: EmailLanguage): string {
  const range = `${formatClock(start, language)}–${formatClock(end, language)}`;
  return language === 'de' ? `${range} Uhr` : range;
}

/** 'Di., 1. Dezember 2026, 09:00 Uhr' / 'Tue, 1 December 2026, 09:00' */
export function formatDateTime(instant: number, language: EmailLanguage): string {
  return `${formatDate(instant, language)}, ${formatTime(instant, language)}`;
}

const feeFormats: Record<EmailLanguage, Intl.NumberFormat> = {
  de: new Intl.NumberFormat(LOCALE.de, { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat(LOCALE.en, { style: 'currency', currency: 'EUR' }),
};

/** '37,00 €' / '€37.00' (the German form has a no-break space before the sign). */
export function formatFee(cents: number, language: EmailLanguage): string {
  return feeFormats[language].format(cents / 100);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every interpolated value goes through this, in text content and in attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Links come from our own configuration, but a mapper bug must not turn into a `javascript:` link in a
 * citizen's inbox: only http(s) passes, anything else becomes '#'.
 */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

/** Names end up in headers and calendar fields: line breaks there would be header injection. */
export function singleLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}
