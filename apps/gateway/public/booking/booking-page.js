/**
 * The booking flow as four steps on one page: services → day and time (a hold is placed, with an
 * invisible captcha) → contact data (with the hold's countdown) → "check your email". Each step change
 * moves focus to the step's heading; the progress list marks the current step with aria-current.
 */
import { api } from '../shared/api.js';
import { captchaReserve } from '../shared/altcha-solver.js';
import { $, h, fill, focusBlock, showOnly } from '../shared/dom.js';
import { addDays, formatInstant, todayInBerlin } from '../shared/format.js';
import { fieldErrorsOf, readContact, renderContactForm, showContactErrors, validateContact } from './contact-form.js';
import { createHoldTimer } from './hold-timer.js';
import { addressLine, appointmentFacts, minutesBetween, setupPage } from './page-setup.js';
import { documentsList, renderServices, selectionLines, selectionMinutes, selectionProblem, selectionQuery } from './services-step.js';
import { createSlotPicker } from './slot-picker.js';

const MAX_RANGE_DAYS = 62; // the API's limit per availability request
const { i18n, describeError } = setupPage();
const steps = { services: $('#step-services'), slot: $('#step-slot'), contact: $('#step-contact'), done: $('#step-done') };
const state = { step: 'services', office: null, services: [], selection: new Map(), contact: { consent: false }, result: null };
let captcha = null;

const picker = createSlotPicker($('#slot-picker'), { i18n, loadDays, submitKey: 'slot.reserve', onSubmit: placeHold, describeError });
const timer = createHoldTimer($('#hold-box'), { i18n, maxMs: () => (state.office.holdMinutes + 1) * 60_000, onExtend: extendHold, onExpire: holdExpired, describeError });

function goTo(step) {
  state.step = step;
  showOnly(Object.values(steps), steps[step]);
  for (const marker of document.querySelectorAll('[data-step-marker]')) {
    if (marker.dataset.stepMarker === step) marker.setAttribute('aria-current', 'step');
    else marker.removeAttribute('aria-current');
  }
  focusBlock(steps[step].querySelector('h2'));
  window.scrollTo(0, 0);
}

async function boot() {
  try {
    const { offices } = await api('/api/offices');
    const wanted = new URLSearchParams(location.search).get('office');
    state.office = offices.find((o) => o.id === wanted) ?? offices[0];
    state.services = (await api(`/api/offices/${encodeURIComponent(state.office.id)}/services`)).services;
  } catch (problem) {
    return showPageError(describeError(problem));
  }
  captcha = captchaReserve(`hold:${state.office.id}`);
  renderAll();
}

function showPageError(text) {
  const box = $('#page-error');
  box.textContent = text;
  box.hidden = !text;
}

function renderAll() {
  const { t, lang } = i18n;
  if (!state.office) return;
  document.title = t('booking.pageTitle', { office: state.office.name[lang] });
  $('#office-line').textContent = `${state.office.name[lang]} · ${addressLine(state.office)}`;
  $('#footer-office').textContent = `${state.office.name[lang]} · ${addressLine(state.office)}`;
  renderServices($('#service-items'), state.services, state.selection, i18n, updateDuration);
  updateDuration();
  picker.render();
  timer.render();
  renderContactStep();
  if (state.result) renderDone();
}

function updateDuration() {
  const minutes = selectionMinutes(state.services, state.selection, state.office.slotMinutes);
  $('#services-duration').textContent = minutes > 0 ? i18n.t('services.duration', { minutes }) : '';
  if (state.selection.size > 0) $('#services-error').hidden = true;
}

$('#services-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const problem = selectionProblem(state.services, state.selection, i18n.t, i18n.lang);
  const slot = $('#services-error');
  slot.textContent = problem ?? '';
  slot.hidden = !problem;
  if (problem) return $('#service-items input')?.focus();
  captcha.prepare(); // solve while the citizen looks at the calendar
  picker.reset();
  goTo('slot');
  void picker.load();
});

$('#slot-back').addEventListener('click', () => goTo('services'));

async function loadDays() {
  const from = addDays(todayInBerlin(), state.office.window.minDays);
  const to = addDays(todayInBerlin(), Math.min(state.office.window.maxDays, state.office.window.minDays + MAX_RANGE_DAYS - 1));
  const query = `services=${encodeURIComponent(selectionQuery(state.selection))}&from=${from}&to=${to}`;
  return (await api(`/api/offices/${encodeURIComponent(state.office.id)}/availability?${query}`)).days;
}

async function placeHold({ date, start }) {
  const body = { date, start, services: selectionLines(state.selection), holdId: crypto.randomUUID?.() };
  const send = async () => api(`/api/offices/${encodeURIComponent(state.office.id)}/holds`, { method: 'POST', body, headers: { 'x-altcha': await captcha.take() } });
  let hold;
  try {
    hold = await send();
  } catch (problem) {
    // An expired or already spent solution is our fault, not the citizen's: solve once more.
    if (!String(problem?.code).startsWith('captcha')) throw problem;
    hold = await send();
  }
  timer.start(hold);
  renderContactStep();
  goTo('contact');
}

async function extendHold(hold) {
  return api(`/api/offices/${encodeURIComponent(state.office.id)}/holds/${encodeURIComponent(hold.holdId)}/extend`, {
    method: 'POST',
    body: { date: hold.date },
  });
}

function holdExpired() {
  timer.clear();
  captcha.prepare();
  goTo('slot');
  void picker.load().then(() => {
    const box = $('#slot-error');
    if (!box) return;
    box.textContent = i18n.t('hold.expired');
    box.hidden = false;
  });
}

function renderContactStep() {
  const hold = timer.hold;
  const form = $('#contact-form');
  if (form.elements.name) state.contact = readContact(form);
  if (!hold) return;
  const lines = hold.services.map((line) => ({ ...line, name: state.services.find((s) => s.id === line.serviceId)?.name ?? { de: line.serviceId, en: line.serviceId } }));
  $('#contact-summary').replaceChildren(h('div', { class: 'card summary' },
    h('h3', {}, i18n.t('summary.heading')),
    appointmentFacts(i18n, { ...hold, officeName: state.office.name, address: addressLine(state.office), services: lines, minutes: minutesBetween(hold.start, hold.end) })));
  renderContactForm(form, i18n, state.contact);
}

$('#contact-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const values = readContact(form);
  const errors = validateContact(values, i18n.t);
  if (Object.keys(errors).length > 0) return showContactErrors(form, errors, i18n.t('contact.errors'));
  const button = $('#contact-submit');
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  button.textContent = i18n.t('contact.sending');
  try {
    const hold = timer.hold;
    state.result = await api(`/api/offices/${encodeURIComponent(state.office.id)}/holds/${encodeURIComponent(hold.holdId)}/contact`, {
      method: 'POST',
      body: { date: hold.date, name: values.name, email: values.email, ...(values.phone ? { phone: values.phone } : {}), language: i18n.lang, consent: true },
    });
    state.result.email = values.email;
    timer.stop();
    renderDone();
    goTo('done');
  } catch (problem) {
    button.removeAttribute('aria-disabled');
    button.textContent = i18n.t('contact.submit');
    showContactErrors(form, fieldErrorsOf(problem), describeError(problem));
  }
});

function renderDone() {
  const { t, lang } = i18n;
  const { result } = state;
  const hold = timer.hold;
  const booked = result.status === 'booked';
  $('#h-done').textContent = t(booked ? 'done.booked' : 'done.checkMail');
  const manageUrl = `manage.html?ref=${encodeURIComponent(result.reference)}&token=${encodeURIComponent(result.manageToken)}&lang=${lang}`;
  const documents = state.services.filter((s) => state.selection.has(s.id)).flatMap((s) => s.documents);
  fill($('#done-body'),
    booked
      ? h('div', { class: 'notice notice--ok' }, h('p', {}, h('a', { href: manageUrl }, t('done.manage'))), h('p', {}, t('done.manageHint')))
      : h('div', { class: 'notice notice--info' },
          h('p', {}, t('done.checkMailText', { email: result.email })),
          result.activationExpiresAt ? h('p', {}, t('done.deadline', { deadline: formatInstant(result.activationExpiresAt, lang) })) : null,
          h('p', {}, t('done.noMail'))),
    h('div', { class: 'card summary' },
      h('h3', {}, t('summary.heading')),
      appointmentFacts(i18n, { ...hold, officeName: state.office.name, address: addressLine(state.office), reference: result.reference, status: result.status,
        services: hold.services.map((line) => ({ ...line, name: state.services.find((s) => s.id === line.serviceId)?.name ?? { de: line.serviceId, en: line.serviceId } })) }),
      documentsList(documents, t, lang, true)),
    h('p', {}, h('a', { href: `./?lang=${lang}` }, t('done.another'))),
  );
}

i18n.onChange(renderAll);
void boot();
