// Pure renderers of the staff state: they build DOM from a StaffState and never touch the network.
import { fill, h } from '/shared/dom.js';

const ACTIVE = new Set(['waiting', 'called', 'serving', 'parked']);
const STATUS_BADGE = { waiting: '', called: 'badge--warn', serving: 'badge--ok', parked: 'badge--warn', completed: 'badge--ok', no_show: 'badge--bad' };

/** "Personalausweis ×2, Anmeldung" in the page language (ids when the catalogue is not loaded). */
export function servicesText(lines, serviceNames, lang) {
  return lines.map((line) => `${serviceNames.get(line.serviceId)?.[lang] ?? line.serviceId}${line.quantity > 1 ? ` ×${line.quantity}` : ''}`).join(', ');
}

/** The waiting list: every ticket still in the house, waiting first (in the server's order), then the rest. */
export function renderWaiting(tbody, state, ctx) {
  const { t } = ctx.i18n;
  const tickets = state.tickets.filter((ticket) => ACTIVE.has(ticket.status));
  if (tickets.length === 0) return fill(tbody, h('tr', {}, h('td', { colspan: '6', text: t('waiting.none') })));
  fill(tbody, tickets.map((ticket) => h('tr', { 'data-ticket': ticket.number },
    h('td', { class: 'num', text: ticket.number }),
    h('td', { text: servicesText(ticket.services, ctx.serviceNames, ctx.i18n.lang) }),
    h('td', {}, h('span', { class: `badge ${STATUS_BADGE[ticket.status]}`, text: t(`status.${ticket.status}`) }), ticket.counterId ? ` ${counterName(state, ticket.counterId, ctx.i18n.lang)}` : ''),
    h('td', { text: ticket.waitedMinutes === undefined ? '–' : t('minutes', { n: ticket.waitedMinutes }) }),
    h('td', { text: ticket.estimatedWaitMinutes === undefined ? '–' : t('minutes', { n: ticket.estimatedWaitMinutes }) }),
    h('td', {}, rowAction(ticket, ctx)),
  )));
}

function rowAction(ticket, ctx) {
  const { t } = ctx.i18n;
  if (ticket.status === 'waiting') {
    return h('button', { type: 'button', class: 'button button--secondary', 'aria-label': `${t('act.call')} ${ticket.number}`, text: t('act.call'), onclick: () => ctx.onCall(ticket) });
  }
  if (ticket.status === 'parked') {
    return h('button', { type: 'button', class: 'button button--secondary', 'aria-label': `${t('act.unpark')}: ${ticket.number}`, text: t('act.unpark'), onclick: () => ctx.onUnpark(ticket) });
  }
  return '';
}

/** Today's appointments with their state, the ticket once checked in, and a failed confirmation email. */
export function renderExpected(tbody, state, ctx) {
  const { t } = ctx.i18n;
  if (state.expected.length === 0) return fill(tbody, h('tr', {}, h('td', { colspan: '5', text: t('expected.none') })));
  fill(tbody, state.expected.map((appointment) => h('tr', {},
    h('td', { text: appointment.start }),
    h('td', { class: 'num', text: appointment.reference }),
    h('td', { text: servicesText(appointment.services, ctx.serviceNames, ctx.i18n.lang) }),
    h('td', { text: t(`status.${appointment.status}`, { ticket: appointment.ticketNumber ?? '' }) }),
    // frontdesk flags an appointment while its latest activation/confirmation/reminder email failed.
    h('td', {}, appointment.emailFailed ? h('span', { class: 'badge badge--bad', text: t('email.failed') }) : t('email.ok')),
  )));
}

export function counterName(state, counterId, lang) {
  return state.counters.find((counter) => counter.counterId === counterId)?.name[lang] ?? counterId;
}

/** The ticket called or served at `counterId` now, if any. */
export function currentTicket(state, counterId) {
  return state.tickets.find((ticket) => ticket.counterId === counterId && (ticket.status === 'called' || ticket.status === 'serving'));
}

/** The counter panel: choice of counter, open/close, the current ticket, which actions apply now. */
export function renderCounter(state, counterId, ctx, els) {
  const { t, lang } = ctx.i18n;
  const selected = els.counter.value || counterId;
  fill(els.counter, state.counters.map((counter) => h('option', { value: counter.counterId, selected: counter.counterId === selected, text: `${counter.name[lang]}${counter.status === 'closed' ? ` (${t('counter.closed').replace('.', '')})` : ''}` })));
  const counter = state.counters.find((c) => c.counterId === selected);
  const open = counter?.status === 'open';
  els.toggle.textContent = t(open ? 'counter.close' : 'counter.open');
  const current = currentTicket(state, selected);
  if (!open) fill(els.current, t('counter.closed'));
  else if (!current) fill(els.current, t('counter.idle'));
  else fill(els.current, h('span', { class: 'number', text: current.number }), t(`current.${current.status}`), ` · ${servicesText(current.services, ctx.serviceNames, lang)}`);
  const allowed = {
    'call-next': open && !current,
    recall: current?.status === 'called',
    start: current?.status === 'called',
    complete: current?.status === 'serving',
    park: current !== undefined,
    'no-show': current?.status === 'called',
  };
  for (const button of els.actions.querySelectorAll('[data-action]')) button.disabled = !allowed[button.dataset.action];
  els.transferButton.disabled = current === undefined;
  return current;
}
