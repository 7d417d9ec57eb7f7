/**
 * `/booking/activate.html?ref=…&token=…` — the link from the activation email. Activates, then shows
 * the booked appointment. The manage link is shown when the email link carries it (`&manage=`), else
 * the page points to the email (the activation token is not the manage token).
 */
import { api } from '../shared/api.js';
import { $, h, focusBlock } from '../shared/dom.js';
import { appointmentFacts, setupPage } from './page-setup.js';

const { i18n, describeError } = setupPage();
const params = new URLSearchParams(location.search);
const reference = params.get('ref');
const token = params.get('token');
const manageToken = params.get('manage');
let view = null;
let failure = null; // an ApiProblem, or 'badLink'

function render() {
  const { t, lang } = i18n;
  document.title = `${t('activate.title')} – ${t('office.service')}`;
  const status = $('#status');
  if (failure) {
    status.replaceChildren();
    const text = failure === 'badLink' ? t('activate.badLink') : describeError(failure);
    return $('#content').replaceChildren(h('div', { class: 'notice notice--error', role: 'alert' }, h('p', {}, text)));
  }
  if (!view) return status.replaceChildren(h('p', {}, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' ', t('activate.working')));
  status.replaceChildren(h('p', { class: 'visually-hidden' }, t('activate.done')));
  const manageUrl = manageToken ? `manage.html?ref=${encodeURIComponent(reference)}&token=${encodeURIComponent(manageToken)}&lang=${lang}` : null;
  $('#content').replaceChildren(h('section', { class: 'step', 'aria-labelledby': 'h-done' },
    h('h2', { id: 'h-done' }, t('activate.done')),
    h('div', { class: 'notice notice--ok' }, h('p', {}, t('activate.doneText'))),
    appointmentFacts(i18n, { ...view, officeName: view.officeName, reference: view.reference, status: view.status, maskedEmail: view.maskedEmail }),
    manageUrl
      ? h('p', {}, h('a', { class: 'button button--secondary', href: manageUrl }, t('done.manage')))
      : h('p', {}, t('activate.manageInMail'))));
}

async function activate() {
  if (!reference || !token) {
    failure = 'badLink';
    return render();
  }
  render();
  try {
    view = await api(`/api/appointments/${encodeURIComponent(reference)}/activate`, { method: 'POST', body: { token } });
  } catch (problem) {
    failure = problem;
  }
  render();
  focusBlock($('#content h2') ?? $('#content'));
}

i18n.onChange(render);
void activate();
