// Walk-in kiosk at /kiosk/<officeId>. Nobody signs in at it: the device is set up once by opening
// /kiosk/<office>#device=<token>; the token is kept in localStorage and sent as `Authorization: Kiosk`.
// The ticket carries a QR code to the citizen's live ticket page: the gateway encodes it, the page draws it.
import { api, ApiProblem } from '/shared/api.js';
import { $, fill, focusBlock, h, showOnly } from '/shared/dom.js';
import { createI18n, wireLanguageSwitch } from '/shared/i18n.js';

const TEXTS = {
  de: {
    city: 'Stadt Halberstadt', title: 'Bürgerbüro · Wartenummer', 'choose.title': 'Ihr Anliegen ohne Termin',
    'choose.lead': 'Tippen Sie auf Ihr Anliegen. Sie erhalten eine Wartenummer.', 'ticket.office': 'Bürgerbüro Halberstadt',
    'ticket.number': 'Ihre Wartenummer', 'ticket.live': 'Live-Stand auf dem Handy:', 'ticket.print': 'Drucken', 'ticket.done': 'Fertig',
    'ticket.wait': 'Geschätzte Wartezeit: ca. {n} Minuten', 'ticket.waitUnknown': 'Die Wartezeit wird berechnet, sobald ein Schalter öffnet.',
    'ticket.waitNone': 'Sie sind gleich an der Reihe.', 'ticket.qr': 'QR-Code zur Live-Ansicht Ihrer Wartenummer', 'error.device': 'Dieses Gerät ist nicht eingerichtet. Bitte wenden Sie sich an das Personal.',
    'error.generic': 'Das hat nicht geklappt. Bitte versuchen Sie es erneut oder wenden Sie sich an das Personal.', issuing: 'Wartenummer wird erstellt …',
  },
  en: {
    city: 'Town of Halberstadt', title: "Citizens' office · Queue ticket", 'choose.title': 'Your matter without an appointment',
    'choose.lead': 'Tap your matter. You will receive a queue number.', 'ticket.office': "Citizens' Office Halberstadt",
    'ticket.number': 'Your number', 'ticket.live': 'Live status on your phone:', 'ticket.print': 'Print', 'ticket.done': 'Done',
    'ticket.wait': 'Estimated wait: about {n} minutes', 'ticket.waitUnknown': 'The wait is estimated as soon as a counter opens.',
    'ticket.waitNone': 'You are next in line.', 'ticket.qr': 'QR code to the live view of your number', 'error.device': 'This device is not set up. Please ask the staff.',
    'error.generic': 'That did not work. Please try again or ask the staff.', issuing: 'Creating your number …',
  },
};
const RETURN_AFTER_MS = 45_000;
const i18n = createI18n(TEXTS);
const officeId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const tokenKey = `schalter.kiosk.${officeId}`;
let services = [];
let returnTimer;

function deviceToken() {
  const fromHash = /^#device=([A-Za-z0-9_-]{20,100})$/.exec(location.hash)?.[1];
  if (fromHash) {
    localStorage.setItem(tokenKey, fromHash);
    history.replaceState(null, '', location.pathname + location.search); // the token never stays in the address bar
  }
  return localStorage.getItem(tokenKey);
}

function renderServices() {
  fill($('#services'), services.map((service) =>
    h('button', { type: 'button', class: 'button service-button', text: service.name[i18n.lang], onclick: () => issue(service) })));
}

async function issue(service) {
  $('#error').textContent = '';
  $('#status').textContent = i18n.t('issuing');
  const token = deviceToken();
  if (!token) return ($('#error').textContent = i18n.t('error.device'));
  try {
    const reply = await api(`/api/kiosk/offices/${encodeURIComponent(officeId)}/walk-ins`, {
      method: 'POST', headers: { authorization: `Kiosk ${token}` },
      body: { services: [{ serviceId: service.id, quantity: 1 }], requestId: crypto.randomUUID() },
    });
    await showTicket(reply.ticket, service);
  } catch (error) {
    const code = error instanceof ApiProblem ? error.code : '';
    $('#error').textContent = code === 'kiosk_token_invalid' ? i18n.t('error.device') : error instanceof ApiProblem ? error.text(i18n.lang, i18n.t('error.generic')) : i18n.t('error.generic');
  } finally {
    $('#status').textContent = '';
  }
}

async function showTicket(ticket, service) {
  const url = `${location.origin}/ticket/${encodeURIComponent(officeId)}/${encodeURIComponent(ticket.ticketId)}`;
  $('#ticket-number').textContent = ticket.number;
  $('#ticket-service').textContent = service.name[i18n.lang];
  $('#ticket-wait').textContent = waitText(ticket.estimatedWaitMinutes);
  $('#ticket-url').textContent = url;
  $('#ticket-time').textContent = new Intl.DateTimeFormat(i18n.lang === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ticket.issuedAt));
  const qr = await api(`/api/offices/${encodeURIComponent(officeId)}/tickets/${encodeURIComponent(ticket.ticketId)}/qr`);
  fill($('#ticket-qr'), qrSvg(qr, i18n.t('ticket.qr')));
  showOnly([$('#choose'), $('#issued')], $('#issued'));
  focusBlock($('#ticket-title'));
  if (new URLSearchParams(location.search).has('autoprint')) window.print();
  clearTimeout(returnTimer);
  returnTimer = setTimeout(reset, RETURN_AFTER_MS);
}

function waitText(minutes) {
  if (minutes === undefined) return i18n.t('ticket.waitUnknown');
  return minutes === 0 ? i18n.t('ticket.waitNone') : i18n.t('ticket.wait', { n: minutes });
}

/** The QR code as one SVG path (no canvas, no inline style: the CSP stays strict). */
function qrSvg({ url, size, modules }, label) {
  const quiet = 4;
  let d = '';
  for (let i = 0; i < modules.length; i++) {
    if (modules[i] === '1') d += `M${(i % size) + quiet} ${Math.floor(i / size) + quiet}h1v1h-1z`;
  }
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const full = size + 2 * quiet;
  for (const [k, v] of Object.entries({ viewBox: `0 0 ${full} ${full}`, role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges' })) svg.setAttribute(k, v);
  const background = document.createElementNS(ns, 'rect');
  for (const [k, v] of Object.entries({ width: full, height: full, fill: '#fff' })) background.setAttribute(k, String(v));
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(background, path);
  svg.dataset.payload = url;
  return svg;
}

function reset() {
  clearTimeout(returnTimer);
  showOnly([$('#choose'), $('#issued')], $('#choose'));
  focusBlock($('#choose-title'));
}

async function boot() {
  i18n.apply();
  wireLanguageSwitch(i18n, $('[data-lang-switch]'));
  i18n.onChange(renderServices);
  if (!deviceToken()) $('#error').textContent = i18n.t('error.device');
  $('#print').addEventListener('click', () => window.print());
  $('#done').addEventListener('click', reset);
  try {
    // Every service the office offers online may also be drawn here (the catalogue allows walk-ins for all).
    services = (await api(`/api/offices/${encodeURIComponent(officeId)}/services`)).services;
    renderServices();
  } catch {
    $('#error').textContent = i18n.t('error.generic');
  }
}

void boot();
