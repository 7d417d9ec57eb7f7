/**
 * Step 3: name, email, optional phone and consent. Each error is shown under its field, linked with
 * aria-describedby and aria-invalid; on submit the first wrong field gets focus. The server's own field
 * errors (`errors[].path`) land on the same fields.
 */
import { h } from '../shared/dom.js';

const FIELDS = ['name', 'email', 'phone', 'consent'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9 +\-/()]{0,30}$/;

export function renderContactForm(form, i18n, values) {
  const { t } = i18n;
  form.replaceChildren(
    h('p', { class: 'lead' }, t('contact.intro')),
    h('div', { class: 'notice notice--error', id: 'contact-error', role: 'alert', tabindex: '-1', hidden: true }),
    textField('name', 'text', t('contact.name'), null, values, { autocomplete: 'name', maxlength: 100, required: true }),
    textField('email', 'email', t('contact.email'), t('contact.emailHint'), values, { autocomplete: 'email', maxlength: 254, required: true, inputmode: 'email', spellcheck: 'false' }),
    textField('phone', 'tel', t('contact.phone'), t('contact.phoneHint'), values, { autocomplete: 'tel', maxlength: 30, inputmode: 'tel' }),
    h('div', { class: 'field consent' },
      h('label', { class: 'check' },
        h('input', { type: 'checkbox', id: 'f-consent', name: 'consent', checked: values.consent, 'aria-describedby': 'err-consent', required: true }),
        h('span', {}, t('contact.consent'))),
      h('p', { class: 'field-error', id: 'err-consent', hidden: true })),
    h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'button', id: 'contact-submit' }, t('contact.submit'))),
  );
}

function textField(name, type, label, hint, values, attrs) {
  const described = [hint ? `hint-${name}` : null, `err-${name}`].filter(Boolean).join(' ');
  return h('div', { class: 'field' },
    h('label', { for: `f-${name}` }, label),
    hint ? h('p', { class: 'hint', id: `hint-${name}` }, hint) : null,
    h('input', { type, id: `f-${name}`, name, value: values[name] ?? '', 'aria-describedby': described, ...attrs }),
    h('p', { class: 'field-error', id: `err-${name}`, hidden: true }));
}

export function readContact(form) {
  return {
    name: form.elements.name.value.trim(),
    email: form.elements.email.value.trim(),
    phone: form.elements.phone.value.trim(),
    consent: form.elements.consent.checked,
  };
}

/** Field → error text, from the page's own rules (the server checks again). */
export function validateContact(values, t) {
  const errors = {};
  if (values.name === '') errors.name = t('contact.nameMissing');
  else if (values.name.length > 100) errors.name = t('contact.nameLong');
  if (!EMAIL.test(values.email) || values.email.length > 254) errors.email = t('contact.emailInvalid');
  if (!PHONE.test(values.phone)) errors.phone = t('contact.phoneInvalid');
  if (!values.consent) errors.consent = t('contact.consentMissing');
  return errors;
}

/** Shows `errors` (field → text) and `summary`; focuses the first wrong field. */
export function showContactErrors(form, errors, summary) {
  let first = null;
  for (const name of FIELDS) {
    const input = form.querySelector(`#f-${name}`);
    const slot = form.querySelector(`#err-${name}`);
    const text = errors[name];
    slot.textContent = text ?? '';
    slot.hidden = !text;
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    if (text && !first) first = input;
  }
  const box = form.querySelector('#contact-error');
  box.textContent = summary ?? '';
  box.hidden = !summary;
  if (first) first.focus();
  else if (summary) box.focus();
}

/** `errors[]` of a 400 problem → field → text (paths like `email` or `body.email`). */
export function fieldErrorsOf(problem) {
  const errors = {};
  for (const { path, message } of problem.errors ?? []) {
    const field = FIELDS.find((name) => String(path).split('.').includes(name));
    if (field && !errors[field]) errors[field] = message;
  }
  return errors;
}
