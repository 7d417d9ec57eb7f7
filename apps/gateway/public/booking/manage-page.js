/**
 * `/booking/manage.html?ref=…&token=…` — the manage link: details, download .ics, cancel (after an
 * explicit confirmation) and move to another free time (invisible captcha, scope `reschedule`).
 */
import { api } from '../shared/api.js';
import { captchaReserve } from '../shared/altcha-solver.js';
import { $, h, fill, focusBlock } from '../shared/dom.js';
import { appointmentFacts, setupPage } from './page-setup.js';
import { createSlotPicker } from './slot-picker.js';

const { i18n, describeError } = setupPage();
const params = new URLSearchParams(location.search);
const reference = params.get('ref');
const token = params.get('token');
const path = `/api/appointments/${encodeURIComponent(reference ?? '')}`;
const captcha = captchaReserve('reschedule');
// mode: 'view' | 'confirmCancel' | 'reschedule'; notice: { kind, key } after an action
const state = { view: null, failure: null, mode: 'view', notice: null, actionError: null };
const pickerBox = h('div', { id: 'slot-picker' });
const picker = createSlotPicker(pickerBox, { i18n, loadDays, submitKey: 'manage.rescheduleSubmit', onSubmit: reschedule, describeError });

function render() {
  const { t } = i18n;
  document.title = `${t('manage.title')} – ${t('office.service')}`;
  if (state.failure) {
    const text = state.failure === 'badLink' ? t('manage.badLink') : describeError(state.failure);
    return $('#content').replaceChildren(h('div', { class: 'notice notice--error', role: 'alert' }, h('p', {}, text)));
  }
  if (!state.view) return $('#content').replaceChildren(h('p', {}, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' ', t('loading')));
  const view = state.view;
  fill($('#content'),
    state.notice ? h('div', { class: `notice notice--${state.notice.kind}`, id: 'manage-notice', tabindex: '-1' }, h('p', {}, t(state.notice.key))) : null,
    h('section', { class: 'step', 'aria-labelledby': 'h-details' },
      h('h2', { id: 'h-details' }, t('summary.heading')),
      appointmentFacts(i18n, view),
      h('div', { class: 'notice notice--error', id: 'action-error', role: 'alert', hidden: !state.actionError }, state.actionError ?? ''),
      view.status === 'cancelled' ? h('p', {}, h('a', { href: `./?lang=${i18n.lang}` }, t('done.another'))) : actions()),
    state.mode === 'reschedule' ? rescheduleSection() : null);
}

function actions() {
  const { t, lang } = i18n;
  const ics = `${path}/calendar.ics?token=${encodeURIComponent(token)}&lang=${lang}`;
  if (state.mode === 'confirmCancel') {
    return h('div', { class: 'confirm-box', id: 'confirm-cancel', role: 'group', 'aria-labelledby': 'confirm-text' },
      h('p', { id: 'confirm-text' }, t('manage.cancelConfirm')),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'button button--danger', onclick: cancel }, t('manage.cancelYes')),
        h('button', { type: 'button', class: 'button button--secondary', onclick: () => setMode('view', '#btn-cancel') }, t('manage.cancelNo'))));
  }
  return h('div', { class: 'button-row' },
    h('a', { class: 'button', href: ics, download: `termin-${reference}.ics` }, t('manage.ics')),
    h('button', { type: 'button', class: 'button button--secondary', id: 'btn-reschedule', 'aria-expanded': String(state.mode === 'reschedule'), onclick: openReschedule }, t('manage.reschedule')),
    h('button', { type: 'button', class: 'button button--secondary', id: 'btn-cancel', onclick: () => setMode('confirmCancel', '#confirm-text') }, t('manage.cancel')));
}

function rescheduleSection() {
  const { t } = i18n;
  return h('section', { class: 'step reschedule', 'aria-labelledby': 'h-reschedule' },
    h('h2', { id: 'h-reschedule' }, t('manage.rescheduleHeading')),
    pickerBox,
    h('button', { type: 'button', class: 'button button--secondary', onclick: () => setMode('view', '#btn-reschedule') }, t('manage.abort')));
}

function setMode(mode, focusSelector) {
  state.mode = mode;
  state.actionError = null;
  render();
  if (focusSelector) focusBlock($(focusSelector));
}

function openReschedule() {
  captcha.prepare();
  picker.reset();
  setMode('reschedule', '#h-reschedule');
  void picker.load();
}

// The API moves an appointment within its day, so only that day's free times are offered.
async function loadDays() {
  const view = state.view;
  const services = view.services.map((s) => `${s.serviceId}:${s.quantity}`).join(',');
  const query = `services=${encodeURIComponent(services)}&from=${view.date}&to=${view.date}`;
  return (await api(`/api/offices/${encodeURIComponent(view.officeId)}/availability?${query}`)).days;
}

async function reschedule({ date, start }) {
  const send = async () => api(`${path}/reschedule`, { method: 'POST', bearer: token, body: { date, start }, headers: { 'x-altcha': await captcha.take() } });
  try {
    state.view = await send();
  } catch (problem) {
    if (!String(problem?.code).startsWith('captcha')) throw problem;
    state.view = await send();
  }
  state.notice = { kind: 'ok', key: 'manage.rescheduled' };
  setMode('view', '#manage-notice');
}

async function cancel() {
  try {
    state.view = await api(`${path}/cancel`, { method: 'POST', bearer: token });
    state.notice = { kind: 'ok', key: 'manage.cancelled' };
    setMode('view', '#manage-notice');
  } catch (problem) {
    state.actionError = describeError(problem);
    render();
    focusBlock($('#action-error'));
  }
}

async function load() {
  if (!reference || !token) state.failure = 'badLink';
  render();
  if (state.failure) return;
  try {
    state.view = await api(path, { bearer: token });
  } catch (problem) {
    state.failure = problem;
  }
  render();
}

i18n.onChange(() => {
  render();
  picker.render();
});
void load();
