import { api, ApiProblem } from '/shared/api.js';
import { h, $ } from '/shared/dom.js';
import { createI18n, wireLanguageSwitch } from '/shared/i18n.js';
import { addDays, todayInBerlin } from '/shared/format.js';
import { TEXTS } from './texts.js';
import { barChart, binLabels, heatColor } from './charts.js';

/**
 * The analyst's dashboard: filters → /api/staff/analytics/figures (replayed on request), charts, CSV link, and
 * the what-if. Only figures reach the page; the staff session cookie authorises every call.
 */
const i18n = createI18n(TEXTS);
const t = (key, vars) => i18n.t(key, vars);
let current = null;

function query() {
  const params = new URLSearchParams();
  for (const [key, id] of [['officeId', 'f-office'], ['from', 'f-from'], ['to', 'f-to']]) {
    const value = $(`#${id}`).value;
    if (value) params.set(key, value);
  }
  return params;
}

function showError(problem) {
  const box = $('#error');
  box.hidden = false;
  const signIn = problem instanceof ApiProblem && (problem.status === 401 || problem.status === 403);
  box.textContent = signIn ? t('login') : problem instanceof ApiProblem ? problem.text(i18n.lang, t('failed')) : t('failed');
  if (signIn) box.append(' ', h('a', { href: '/staff' }, t('loginLink')));
}

async function load() {
  $('#error').hidden = true;
  $('#status').textContent = t('loading');
  const params = query();
  $('#csv-link').href = `/api/staff/analytics/visits.csv?${params}`;
  try {
    // The office of the figures shown, not of the filter, which may have changed since.
    current = { ...(await api(`/api/staff/analytics/figures?${params}`)), officeId: params.get('officeId') };
    render();
    $('#status').textContent = t('loaded', { from: params.get('from'), to: params.get('to'), events: current.eventsReplayed.toLocaleString(i18n.lang) });
  } catch (problem) {
    $('#status').textContent = '';
    showError(problem);
  }
}

const percent = (rate) => (rate === null ? '–' : `${(rate * 100).toLocaleString(i18n.lang, { maximumFractionDigits: 1 })} %`);
const number = (value) => (value === null || value === undefined ? '–' : value.toLocaleString(i18n.lang, { maximumFractionDigits: 1 }));

function renderKpis(f) {
  const items = [
    [f.visits.total, 'kpi.visits'], [f.visits.booked, 'kpi.booked'], [f.visits.walkIn, 'kpi.walkIn'],
    [percent(f.rates.appointmentNoShow), 'kpi.noShow'], [percent(f.rates.appointmentCancellation), 'kpi.cancel'],
    [percent(f.rates.walkInNoShow), 'kpi.walkInNoShow'],
    [number(f.waitingMinutes.booked.p50), 'kpi.waitBooked'], [number(f.waitingMinutes.walkIn.p50), 'kpi.waitWalkIn'],
  ];
  $('#kpis').replaceChildren(...items.map(([value, key]) => h('li', {}, h('span', { class: 'kpi-value', text: String(value) }), h('span', { class: 'kpi-label', text: t(key) }))));
}

function renderHeatmap(grid) {
  const hours = [];
  for (let hour = 0; hour < 24; hour++) if (grid.some((row) => row[hour] > 0)) hours.push(hour);
  const shown = hours.length > 0 ? hours : [8, 9, 10, 11, 12, 13, 14, 15];
  const max = Math.max(0, ...grid.flat());
  const days = TEXTS[i18n.lang].days;
  const head = h('tr', {}, h('th', { scope: 'col', text: t('heat.hour') }), ...shown.map((hour) => h('th', { scope: 'col', text: String(hour) })));
  const rows = grid.map((row, d) => h('tr', {}, h('th', { scope: 'row', text: days[d] }), ...shown.map((hour) => {
    const { background, color } = heatColor(row[hour], max);
    const cell = h('td', { text: String(row[hour]) });
    cell.style.background = background;
    cell.style.color = color;
    return cell;
  })));
  $('#heatmap').replaceChildren(h('table', { class: 'heatmap' }, h('caption', { class: 'visually-hidden', text: t('heat.caption') }), h('thead', {}, head), h('tbody', {}, ...rows)));
}

/** The catalogue's name for an id in the current language (from the report's `names`), else the id itself. */
function nameOf(names, id) {
  return names?.[id]?.[i18n.lang] ?? id;
}

/** Services by name, each with its distribution: the service chart's rows in the order shown. */
function servicesByName(perService, names) {
  return Object.entries(perService)
    .map(([id, minutes]) => ({ name: nameOf(names.services, id), minutes }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.lang));
}

/** "Schalter 1"; with every office counted, "Bürgerbüro Halberstadt · Schalter 1". */
function counterName(names, officeId, counterId) {
  const counter = nameOf(names.counters?.[officeId], counterId);
  return current.officeId ? counter : `${nameOf(names.offices, officeId)} · ${counter}`;
}

function utilisationByCounter(rows, names) {
  const byCounter = new Map();
  for (const r of rows) {
    const key = counterName(names, r.officeId, r.counterId);
    const sum = byCounter.get(key) ?? { open: 0, serving: 0 };
    sum.open += r.openMinutes;
    sum.serving += r.servingMinutes;
    byCounter.set(key, sum);
  }
  const labels = [...byCounter.keys()].sort((a, b) => a.localeCompare(b, i18n.lang, { numeric: true }));
  return { labels, data: labels.map((k) => { const s = byCounter.get(k); return s.open === 0 ? 0 : Math.round((s.serving / s.open) * 1000) / 10; }) };
}

function render() {
  const f = current.figures;
  $('#results').hidden = false;
  renderKpis(f);
  renderHeatmap(f.arrivalsByWeekdayHour);
  const wait = f.waitingMinutes;
  barChart($('#c-wait'), {
    labels: binLabels(wait.booked.edges), yTitle: t('punct.count'),
    series: [{ label: t('wait.booked'), data: wait.booked.counts }, { label: t('wait.walkIn'), data: wait.walkIn.counts }],
    label: t('chart.wait', { b: wait.booked.count, w: wait.walkIn.count }),
  });
  const names = current.names ?? {}; // an analytics service older than this page sends none: ids then
  const services = servicesByName(f.serviceMinutesPerUnit, names);
  barChart($('#c-service'), {
    labels: services.map((s) => s.name), horizontal: true, label: t('chart.service'),
    series: [{ label: t('service.mean'), data: services.map((s) => s.minutes.mean) }, { label: t('service.p90'), data: services.map((s) => s.minutes.p90) }],
  });
  barChart($('#c-punct'), { labels: binLabels(f.punctualityMinutes.edges), series: [{ label: t('punct.count'), data: f.punctualityMinutes.counts }], label: t('chart.punct'), yTitle: t('punct.count') });
  const util = utilisationByCounter(f.counterUtilisation, names);
  barChart($('#c-util'), { labels: util.labels, series: [{ label: t('util.value'), data: util.data }], label: t('chart.util'), yTitle: t('util.value') });
}

async function runWhatIf(event) {
  event.preventDefault();
  const params = query();
  const note = $('#whatif-note');
  if (!params.get('officeId')) {
    note.textContent = t('whatif.needOffice');
    return;
  }
  params.set('counters', $('#w-counters').value);
  const share = $('#w-share').value;
  if (share !== '') params.set('onlineShare', String(Number(share) / 100));
  note.textContent = t('loading');
  try {
    const r = await api(`/api/staff/analytics/what-if?${params}`);
    const keys = ['mean', 'p50', 'p90'];
    const canvas = $('#c-whatif');
    canvas.hidden = false;
    barChart(canvas, {
      labels: keys.map((k) => t(k)), yTitle: t('wait.axis'), label: t('chart.whatif'),
      series: [{ label: t('whatif.recorded'), data: keys.map((k) => r.recorded.all[k]) }, { label: t('whatif.predicted'), data: keys.map((k) => r.predicted.all[k]) }],
    });
    note.textContent = t('whatif.summary', { arrivals: r.arrivals, rec: number(r.recorded.all.mean), pred: number(r.predicted.all.mean) });
  } catch (problem) {
    note.textContent = problem instanceof ApiProblem ? problem.text(i18n.lang, t('failed')) : t('failed');
  }
}

async function loadOffices() {
  try {
    const { offices } = await api('/api/offices');
    const select = $('#f-office');
    for (const office of offices) select.append(h('option', { value: office.id, text: office.name[i18n.lang] ?? office.id }));
  } catch {
    // without the office list, "all offices" still works
  }
}

async function start() {
  i18n.apply();
  wireLanguageSwitch(i18n, $('[data-lang-switch]'));
  i18n.onChange(() => current && render());
  const params = new URLSearchParams(location.search);
  const today = todayInBerlin();
  $('#f-from').value = params.get('from') ?? addDays(today, -30);
  $('#f-to').value = params.get('to') ?? today;
  await loadOffices();
  const officeId = params.get('officeId');
  if (officeId && ![...$('#f-office').options].some((o) => o.value === officeId)) $('#f-office').append(h('option', { value: officeId, text: officeId }));
  if (officeId) $('#f-office').value = officeId;
  $('#filters').addEventListener('submit', (e) => { e.preventDefault(); void load(); });
  $('#whatif').addEventListener('submit', (e) => void runWhatIf(e));
  await load();
}

void start();
