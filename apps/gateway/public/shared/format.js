/**
 * Dates and times for people, always Europe/Berlin. A `YYYY-MM-DD` is a calendar date, not an instant:
 * it is formatted at UTC noon in UTC so no time zone can shift it to another day.
 */
const ZONE = 'Europe/Berlin';
const LOCALES = { de: 'de-DE', en: 'en-GB' };

function dateAtNoon(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

export function formatDate(isoDate, lang, style = 'long') {
  const options =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
      : { weekday: 'short', day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: 'UTC' }).format(dateAtNoon(isoDate));
}

/** `HH:MM` wall-clock time; German adds "Uhr". */
export function formatTime(time, lang) {
  return lang === 'de' ? `${time} Uhr` : time;
}

export function formatInstant(iso, lang) {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE }).format(new Date(iso));
}

export function formatEuro(cents, lang) {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Today's date in Berlin as `YYYY-MM-DD` (the booking window counts Berlin days). */
export function todayInBerlin(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(isoDate, days) {
  const date = dateAtNoon(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** `m:ss` for a countdown. */
export function formatClock(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
