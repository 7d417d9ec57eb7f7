// Waiting-room screen: /display/<officeId>. Read-only Socket.IO namespace `/display`; each push is the
// whole state with a `seq`, so we keep the newest and ask for a snapshot after every (re)connect.
import { io } from '/vendor/socket.io.esm.min.js';

const officeId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const $ = (id) => document.getElementById(id);
let state;
const announced = new Set();

function render(next) {
  if (state && next.seq <= state.seq) return;
  const fresh = next.calls.filter((call) => !announced.has(call.callId));
  state = next;
  const [current, ...rest] = next.calls;
  $('current-ticket').textContent = current ? current.ticket : '–';
  $('current-counter').textContent = current ? current.counterName : 'Bitte warten Sie auf Ihren Aufruf';
  $('history').replaceChildren(...rest.slice(0, 5).map(historyItem));
  $('waiting').textContent = String(next.waitingCount);
  $('wait').textContent = next.estimatedWaitMinutes === null ? '–' : `${next.estimatedWaitMinutes} Min.`;
  const firstLoad = announced.size === 0 && fresh.length === next.calls.length;
  for (const call of next.calls) announced.add(call.callId);
  if (!firstLoad && fresh.length > 0) announce(fresh[0]);
}

function historyItem(call) {
  const li = document.createElement('li');
  const counter = document.createElement('span');
  counter.textContent = call.counterName;
  li.append(call.ticket, counter);
  return li;
}

function announce(call) {
  const box = document.querySelector('.current');
  box.classList.remove('fresh');
  void box.offsetWidth; // restart the animation
  box.classList.add('fresh');
  gong();
  if ('speechSynthesis' in window) {
    const spoken = call.ticket.replace('-', ' ');
    const de = new SpeechSynthesisUtterance(`Nummer ${spoken}, bitte zu ${call.counterName}.`);
    de.lang = 'de-DE';
    speechSynthesis.speak(de);
  }
}

let audio;
function gong() {
  try {
    audio ??= new AudioContext();
    for (const [freq, delay] of [[660, 0], [520, 0.45]]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, audio.currentTime + delay);
      gain.gain.exponentialRampToValueAtTime(0.4, audio.currentTime + delay + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + delay + 1.4);
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + delay);
      osc.stop(audio.currentTime + delay + 1.5);
    }
  } catch {
    // No audio (autoplay policy): the flashing call is still shown.
  }
}

function tick() {
  $('clock').textContent = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date());
}

const socket = io('/display', { auth: { officeId }, transports: ['websocket', 'polling'] });
socket.on('connect', () => {
  $('status').textContent = 'Verbunden';
  socket.emit('snapshot', (reply) => reply?.ok && render(reply.value));
});
socket.on('disconnect', () => ($('status').textContent = 'Verbindung unterbrochen – verbinde neu …'));
socket.on('state', render);
tick();
setInterval(tick, 10_000);
document.body.dataset.officeId = officeId;
