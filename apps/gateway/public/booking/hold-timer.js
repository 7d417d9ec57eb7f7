/**
 * The visible countdown of a hold. WCAG 2.2.1 (timing adjustable): the citizen is warned at least 20 s
 * before the end (we warn at 60 s) through an assertive live region, and can extend with one button.
 * The timer itself is `role="timer"` (not live), so a screen reader is not told every second.
 */
import { h } from '../shared/dom.js';
import { formatClock, formatDate, formatTime } from '../shared/format.js';

export const WARN_BEFORE_MS = 60_000;

/** `maxMs()`: the longest a hold can last (the office's hold time), read when a hold starts. */
export function createHoldTimer(container, { i18n, maxMs, onExtend, onExpire, describeError }) {
  let hold = null;
  let deadline = 0;
  let ticker = null;
  let warned = false;
  let message = null; // { kind, text }
  // The live region stays in the DOM across renders: a region inserted together with its text is not
  // reliably announced.
  const body = h('div');
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'assertive' });
  container.replaceChildren(body, live);

  function start(nextHold) {
    hold = nextHold;
    // Trust the server's expiry but not the phone's clock beyond the office's hold time.
    deadline = Date.now() + Math.min(Math.max(Date.parse(hold.expiresAt) - Date.now(), 0), maxMs());
    warned = false;
    message = null;
    clearInterval(ticker);
    ticker = setInterval(tick, 1000);
    render();
  }

  function stop() {
    clearInterval(ticker);
    ticker = null;
  }

  function clear() {
    stop();
    hold = null;
    render();
  }

  function tick() {
    const left = deadline - Date.now();
    if (left <= 0) {
      stop();
      onExpire();
      return;
    }
    if (!warned && left <= WARN_BEFORE_MS) {
      warned = true;
      render();
      announce(i18n.t('hold.warning'));
    }
    const clock = body.querySelector('[data-clock]');
    if (clock) clock.textContent = formatClock(left);
  }

  function announce(text) {
    live.textContent = text;
  }

  async function extend() {
    try {
      start(await onExtend(hold));
      message = { kind: 'ok', text: i18n.t('hold.extended') };
    } catch (problem) {
      message = { kind: 'error', text: `${i18n.t('hold.extendFailed')} ${describeError(problem)}` };
    }
    render();
    announce(message.text);
  }

  function render() {
    if (!hold) return body.replaceChildren();
    const { t, lang } = i18n;
    const left = Math.max(0, deadline - Date.now());
    const warning = warned && left > 0;
    body.replaceChildren(h('div', { class: `hold${warning ? ' hold--warning' : ''}` },
      h('p', { class: 'hold__slot' }, t('hold.reserved', { date: formatDate(hold.date, lang), time: formatTime(hold.start, lang) })),
      h('p', { class: 'hold__timer' }, `${t('hold.remaining')} `,
        h('span', { role: 'timer', 'data-clock': true, class: 'hold__clock' }, formatClock(left)), ` ${t('hold.minutes')}`),
      warning ? h('p', { class: 'hold__warning' }, t('hold.warning')) : null,
      warning || message?.kind === 'error'
        ? h('button', { type: 'button', class: 'button button--secondary', onclick: extend }, t('hold.extend'))
        : null,
      message ? h('p', { class: message.kind === 'ok' ? 'hold__ok' : 'field-error' }, message.text) : null));
  }

  return { start, stop, clear, render, get hold() { return hold; } };
}
