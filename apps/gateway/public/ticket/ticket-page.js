// The citizen's live ticket at /ticket/<officeId>/<ticketId>. The office's `/display` socket (numbers
// only, never names) is the nudge: on each push the page re-reads its own ticket over REST, at most
// every 2 s; a 30 s poll covers a socket that cannot connect. A call shows the counter and beeps.
import { io } from '/vendor/socket.io.esm.min.js';
import { api, ApiProblem } from '/shared/api.js';
import { $ } from '/shared/dom.js';
import { createI18n, wireLanguageSwitch } from '/shared/i18n.js';

const TEXTS = {
  de: {
    city: 'Stadt Halberstadt', title: 'Bürgerbüro · Wartenummer', heading: 'Ihre Wartenummer', ahead: 'Vor Ihnen', estimate: 'Geschätzte Wartezeit',
    hint: 'Diese Seite aktualisiert sich selbst. Wenn Sie aufgerufen werden, ertönt ein Signal.', 'sound.on': 'Ton einschalten', 'sound.ready': 'Ton ist eingeschaltet',
    'state.waiting': 'Sie warten. Bitte bleiben Sie in der Nähe.', 'state.called': 'Sie sind aufgerufen!', 'state.serving': 'Sie werden gerade bedient.',
    'state.parked': 'Ihre Nummer ist zurückgestellt. Bitte melden Sie sich an der Information.', 'state.completed': 'Erledigt. Vielen Dank für Ihren Besuch!',
    'state.no_show': 'Sie haben Ihren Aufruf verpasst. Bitte melden Sie sich an der Information.', 'state.unknown': 'Diese Wartenummer gibt es heute nicht.',
    people: '{n} Personen', person: '1 Person', nobody: 'niemand', minutes: 'ca. {n} Minuten', 'minutes.unknown': 'wird berechnet, sobald ein Schalter öffnet',
    updated: 'Stand: {time}', offline: 'Keine Verbindung – neuer Versuch läuft …',
  },
  en: {
    city: 'Town of Halberstadt', title: "Citizens' office · Queue number", heading: 'Your number', ahead: 'Ahead of you', estimate: 'Estimated wait',
    hint: 'This page updates itself. When you are called, a signal sounds.', 'sound.on': 'Turn sound on', 'sound.ready': 'Sound is on',
    'state.waiting': 'You are waiting. Please stay nearby.', 'state.called': 'You are being called!', 'state.serving': 'You are being served.',
    'state.parked': 'Your number has been put on hold. Please go to the information desk.', 'state.completed': 'Done. Thank you for your visit!',
    'state.no_show': 'You missed your call. Please go to the information desk.', 'state.unknown': 'There is no such number today.',
    people: '{n} people', person: '1 person', nobody: 'nobody', minutes: 'about {n} minutes', 'minutes.unknown': 'estimated as soon as a counter opens',
    updated: 'Updated: {time}', offline: 'No connection – retrying …',
  },
};
const i18n = createI18n(TEXTS);
const [, , officeId = '', ticketId = ''] = location.pathname.split('/').map(decodeURIComponent);
let view;
let lastCallSeq = -1;
let loading;
let lastLoad = 0;

async function load() {
  lastLoad = Date.now();
  try {
    const next = await api(`/api/offices/${encodeURIComponent(officeId)}/tickets/${encodeURIComponent(ticketId)}`);
    if (view && next.seq < view.seq) return;
    const freshCall = next.status === 'called' && (view?.status !== 'called' || next.seq > lastCallSeq) && view !== undefined;
    view = next;
    render();
    if (next.status === 'called' && (freshCall || lastCallSeq < 0)) lastCallSeq = next.seq;
    if (freshCall) signal();
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return renderUnknown();
    $('#updated').textContent = i18n.t('offline');
  }
}

/** At most one read in flight and one every 2 s, however many pushes arrive. */
function nudge() {
  if (loading) return;
  const wait = Math.max(0, 2000 - (Date.now() - lastLoad));
  loading = setTimeout(() => load().finally(() => (loading = undefined)), wait);
}

function render() {
  if (!view) return;
  const { t } = i18n;
  $('#number').textContent = view.number;
  $('#state').textContent = t(`state.${view.status}`);
  const waiting = view.status === 'waiting';
  $('#facts').hidden = !waiting;
  if (waiting) {
    $('#ahead').textContent = view.ahead === undefined ? '–' : view.ahead === 0 ? t('nobody') : view.ahead === 1 ? t('person') : t('people', { n: view.ahead });
    $('#estimate').textContent = view.estimatedWaitMinutes === undefined ? t('minutes.unknown') : t('minutes', { n: view.estimatedWaitMinutes });
  }
  const called = view.status === 'called' && view.counterName;
  $('#call').hidden = !called;
  if (called) {
    $('#call-de').textContent = `Bitte gehen Sie zu ${view.counterName}`;
    $('#call-en').textContent = `Please go to ${view.counterName.replace(/^Schalter\b/, 'counter')}`;
  }
  const time = new Intl.DateTimeFormat(i18n.lang === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date());
  $('#updated').textContent = t('updated', { time });
}

function renderUnknown() {
  $('#number').textContent = ticketId.length > 12 ? '–' : ticketId;
  $('#state').textContent = i18n.t('state.unknown');
  $('#facts').hidden = true;
}

let audio;
/** Beep (WebAudio) and vibrate; a browser that blocks sound until a tap still shows the call. */
function signal() {
  const box = $('#call');
  box.classList.remove('fresh');
  void box.offsetWidth;
  box.classList.add('fresh');
  navigator.vibrate?.([300, 150, 300]);
  try {
    audio ??= new AudioContext();
    void audio.resume().catch(() => undefined);
    for (const delay of [0, 0.35, 0.7]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.3, audio.currentTime + delay);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + delay + 0.3);
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + delay);
      osc.stop(audio.currentTime + delay + 0.3);
    }
    document.body.dataset.signalled = String(Number(document.body.dataset.signalled ?? 0) + 1);
  } catch {
    // no audio here: the call stays on screen
  }
}

function boot() {
  i18n.apply();
  wireLanguageSwitch(i18n, $('[data-lang-switch]'));
  i18n.onChange(() => (view ? render() : undefined));
  $('#sound').addEventListener('click', () => {
    try {
      audio ??= new AudioContext();
      void audio.resume();
      $('#sound').textContent = i18n.t('sound.ready');
    } catch {
      // no WebAudio: nothing to switch on
    }
  });
  const socket = io('/display', { auth: { officeId }, transports: ['websocket', 'polling'] });
  socket.on('state', nudge);
  socket.on('connect', nudge);
  void load();
  setInterval(() => void load(), 30_000);
}

boot();
