/** What the three booking pages share: language, error texts, the appointment summary. */
import { createI18n, wireLanguageSwitch } from '../shared/i18n.js';
import { h } from '../shared/dom.js';
import { formatDate, formatTime } from '../shared/format.js';
import { TEXTS } from './texts.js';

export function setupPage() {
  const i18n = createI18n(TEXTS);
  i18n.apply();
  const button = document.querySelector('[data-lang-switch]');
  if (button) wireLanguageSwitch(i18n, button);
  return { i18n, describeError: (problem) => describeError(problem, i18n) };
}

/** A readable sentence for any failure: the API's own text when it sent one. */
function describeError(problem, i18n) {
  const { t, lang } = i18n;
  if (!problem || typeof problem.text !== 'function') return t('error.generic');
  if (problem.status === 0) return t('error.network');
  if (problem.status === 429 && !problem.detail) return t('error.tooMany');
  return problem.text(lang, t('error.generic'));
}

/** Definition list of an appointment (a hold, or an AppointmentView). */
export function appointmentFacts(i18n, { date, start, end, officeName, address, services, minutes = end ? minutesBetween(start, end) : null, reference, status, maskedEmail }) {
  const { t, lang } = i18n;
  const rows = [
    ['summary.when', `${formatDate(date, lang)}, ${formatTime(start, lang)}`],
    ['summary.where', [officeName?.[lang], address].filter(Boolean).join(', ')],
    ['summary.what', services.map((s) => (s.quantity > 1 ? `${s.name[lang]} (${s.quantity}×)` : s.name[lang])).join(', ')],
    ['summary.duration', minutes ? t('summary.durationValue', { minutes }) : null],
    ['summary.reference', reference],
    ['summary.status', status ? t(`status.${status}`) : null],
    ['summary.email', maskedEmail],
  ].filter(([, value]) => value);
  return h('dl', { class: 'facts' }, ...rows.flatMap(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]));
}

export const addressLine = (office) => (office ? `${office.address.street}, ${office.address.postalCode} ${office.address.city}` : '');

/** Minutes between two `HH:MM` times. */
export function minutesBetween(start, end) {
  const toMinutes = (time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return toMinutes(end) - toMinutes(start);
}
