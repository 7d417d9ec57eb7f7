// Staff console at /staff: sign-in, then one office's queue live over the `/staff` socket. Every push
// is the whole StaffState with a `seq`; the newest wins and a snapshot is asked on every (re)connect.
// The socket token is short-lived, so it is fetched again before every (re)connect.
import { io } from '/vendor/socket.io.esm.min.js';
import { api, ApiProblem } from '/shared/api.js';
import { $, fill, h } from '/shared/dom.js';
import { createI18n, wireLanguageSwitch } from '/shared/i18n.js';
import { TEXTS } from '/staff/assets/console-texts.js';
import { canScan, scanQr } from '/staff/assets/qr-scan.js';
import { counterName, renderCounter, renderExpected, renderWaiting } from '/staff/assets/console-views.js';

const i18n = createI18n(TEXTS);
const ctx = { i18n, serviceNames: new Map(), onCall: (ticket) => act('call', ticket), onUnpark: (ticket) => act('unpark', ticket) };
const els = {
  counter: $('#counter'), toggle: $('#toggle-counter'), current: $('#current'), actions: $('#actions'),
  transferTo: $('#transfer-to'), transferButton: $('#transfer-form button'),
};
const COUNTER_KEY = 'schalter.counter';
let officeId;
let state;
let current;
const callsSeen = new Map();

const staff = (path, { method = 'GET', body } = {}) => api(path, { method, body, headers: { 'x-requested-with': 'schalter-console' } });
const say = (text) => ($('#announce').textContent = text);
const showError = (error) => ($('#desk-error').textContent = error instanceof ApiProblem ? error.text(i18n.lang, i18n.t('error.generic')) : i18n.t('error.generic'));

async function boot() {
  i18n.apply();
  wireLanguageSwitch(i18n, $('[data-lang-switch]'));
  i18n.onChange(render);
  try {
    const { user } = await staff('/api/staff/session');
    await startDesk(user);
  } catch {
    showLogin();
  }
}

function showLogin() {
  $('#login-view').hidden = false;
  $('#desk-view').hidden = true;
  $('#username').focus();
}

$('#login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('#login-error').textContent = '';
  try {
    const { user } = await staff('/api/staff/session', { method: 'POST', body: { username: $('#username').value.trim(), password: $('#password').value } });
    $('#password').value = '';
    await startDesk(user);
  } catch (error) {
    $('#login-error').textContent = error instanceof ApiProblem ? error.text(i18n.lang, i18n.t('login.failed')) : i18n.t('login.failed');
  }
});

$('#logout').addEventListener('click', async () => {
  await staff('/api/staff/session', { method: 'DELETE' }).catch(() => undefined);
  location.reload();
});

async function startDesk(user) {
  // Analysts have no counter: their place is the dashboard (the session cookie covers its API too).
  if (user.role === 'analyst') return location.assign('/analytics');
  officeId = Array.isArray(user.offices) ? user.offices[0] : new URLSearchParams(location.search).get('office') ?? 'hbs';
  $('#login-view').hidden = true;
  $('#desk-view').hidden = false;
  $('#logout').hidden = false;
  $('#who').hidden = false;
  $('#who').textContent = `${user.displayName} · ${officeId}`;
  await loadServices();
  setUpScan();
  connect();
}

async function loadServices() {
  const { services } = await api(`/api/offices/${encodeURIComponent(officeId)}/services`).catch(() => ({ services: [] }));
  for (const service of services) ctx.serviceNames.set(service.id, service.name);
  const options = () => fill($('#walkin-service'), services.map((s) => h('option', { value: s.id, text: s.name[i18n.lang] })));
  options();
  i18n.onChange(options);
}

function connect() {
  const socket = io('/staff', {
    transports: ['websocket', 'polling'],
    auth: (cb) => staff(`/api/staff/socket-token?officeId=${encodeURIComponent(officeId)}`).then(({ token }) => cb({ token }), () => cb({})),
  });
  socket.on('connect', () => {
    say(i18n.t('conn.ok'));
    socket.emit('snapshot', (reply) => reply?.ok && accept(reply.value));
  });
  socket.on('disconnect', () => say(i18n.t('conn.lost')));
  socket.on('connect_error', () => say(i18n.t('conn.lost')));
  socket.on('state', accept);
}

function accept(next) {
  if (state && next.seq <= state.seq) return;
  const first = state === undefined;
  state = next;
  announceCalls(first);
  render();
}

/** A call (or recall) anywhere in the office is spoken once by the live region. */
function announceCalls(first) {
  for (const ticket of state.tickets) {
    const calls = ticket.calls ?? 0;
    if (!first && ticket.status === 'called' && calls > (callsSeen.get(ticket.ticketId) ?? 0)) {
      say(i18n.t('called', { number: ticket.number, counter: counterName(state, ticket.counterId, i18n.lang) }));
    }
    callsSeen.set(ticket.ticketId, calls);
  }
}

function render() {
  if (!state) return;
  const saved = localStorage.getItem(COUNTER_KEY);
  if (!els.counter.value && saved) els.counter.value = saved;
  current = renderCounter(state, saved ?? state.counters[0]?.counterId, ctx, els);
  const others = state.counters.filter((c) => c.counterId !== els.counter.value);
  fill(els.transferTo, others.map((c) => h('option', { value: c.counterId, text: c.name[i18n.lang] })));
  renderWaiting($('#waiting'), state, ctx);
  renderExpected($('#expected'), state, ctx);
}

els.counter.addEventListener('change', () => {
  localStorage.setItem(COUNTER_KEY, els.counter.value);
  render();
});

els.toggle.addEventListener('click', () => {
  const counter = state?.counters.find((c) => c.counterId === els.counter.value);
  run(`counters/${els.counter.value}/${counter?.status === 'open' ? 'close' : 'open'}`, {}, els.toggle);
});

// After each action the focus moves to the next step of the usual flow, so Enter, Enter, Enter serves a customer.
const NEXT_FOCUS = { 'call-next': 'start', recall: 'start', start: 'complete', complete: 'call-next', park: 'call-next', 'no-show': 'call-next', call: 'start' };

els.actions.addEventListener('click', (event) => {
  const button = event.target.closest('[data-action]');
  if (button && !button.disabled) act(button.dataset.action, current);
});

function act(action, ticket) {
  const counterId = els.counter.value;
  const paths = {
    'call-next': [`counters/${counterId}/call-next`, {}],
    call: [`counters/${counterId}/call`, { ticketId: ticket?.ticketId }],
    unpark: [`tickets/${ticket?.ticketId}/unpark`, {}],
  };
  const [path, body] = paths[action] ?? [`tickets/${ticket?.ticketId}/${action}`, {}];
  return run(path, body, els.actions.querySelector(`[data-action="${NEXT_FOCUS[action] ?? 'call-next'}"]`), action);
}

$('#transfer-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (current) run(`tickets/${current.ticketId}/transfer`, { toCounterId: els.transferTo.value }, els.actions.querySelector('[data-action="call-next"]'), 'transfer');
});

/** Sends one command; the reply's state arrives by socket, but the reply's seq already tells us it is done. */
async function run(path, body, focusNext, action) {
  $('#desk-error').textContent = '';
  try {
    const reply = await staff(`/api/staff/offices/${encodeURIComponent(officeId)}/${path}`, { method: 'POST', body });
    await waitForSeq(reply.seq);
    if (action && action !== 'call-next' && action !== 'call') say(i18n.t('done', { action: i18n.t(`act.${camel(action)}`) }));
    if (focusNext && !focusNext.disabled) focusNext.focus();
    return reply;
  } catch (error) {
    showError(error);
    return undefined;
  }
}

const camel = (action) => action.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** Resolves once the pushed state is at least `seq` (or after 3 s: the socket may be reconnecting). */
function waitForSeq(seq) {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => ((state?.seq ?? 0) >= seq || Date.now() - started > 3000 ? resolve() : setTimeout(check, 20));
    check();
  });
}

$('#checkin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reference = $('#reference').value.trim();
  if (reference) await checkIn({ reference });
});

async function checkIn(body) {
  const reply = await run('check-ins', body);
  if (reply?.ticket) {
    say(i18n.t('arrive.checkedIn', { reference: reply.ticket.appointment?.reference ?? body.reference ?? '', number: reply.ticket.number }));
    $('#reference').value = '';
  }
}

$('#walkin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reply = await run('walk-ins', { services: [{ serviceId: $('#walkin-service').value, quantity: 1 }] });
  if (reply?.ticket) say(i18n.t('arrive.issued', { number: reply.ticket.number }));
});

function setUpScan() {
  const available = canScan();
  $('#scan-note').dataset.i18n = available ? 'arrive.scanAvailable' : 'arrive.scanMissing';
  $('#scan-note').textContent = i18n.t($('#scan-note').dataset.i18n);
  $('#scan').hidden = !available;
  let scanning;
  $('#scan').addEventListener('click', async () => {
    if (scanning) return scanning.stop();
    scanning = scanQr($('#scan-video'));
    $('#scan').textContent = i18n.t('arrive.scanStop');
    const payload = await scanning.result.catch(() => undefined);
    scanning = undefined;
    $('#scan').textContent = i18n.t('arrive.scan');
    if (payload) await checkIn({ qr: payload });
  });
}

void boot();
