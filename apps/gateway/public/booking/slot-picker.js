/**
 * Choose a day, then a time, then submit: used by the booking step and by "reschedule" on the manage
 * page. Days and times are native radio groups styled as tiles, so keyboard and screen readers work
 * without any ARIA tricks. `onSubmit` may throw an ApiProblem: a 409 (taken) reloads the free times.
 */
import { h, fill, focusBlock } from '../shared/dom.js';
import { formatDate } from '../shared/format.js';

const FIRST_DAYS = 8;

export function createSlotPicker(container, { i18n, loadDays, submitKey, onSubmit, describeError }) {
  const state = { days: null, date: null, time: null, showAll: false, busy: false, error: null, loadError: null };

  async function load() {
    state.days = null;
    state.loadError = null;
    render();
    try {
      state.days = (await loadDays()).filter((day) => day.times.length > 0);
    } catch (problem) {
      state.loadError = describeError(problem);
    }
    const day = state.days?.find((d) => d.date === state.date);
    if (!day) state.date = null;
    if (!day?.times.includes(state.time)) state.time = null;
    render();
  }

  function render() {
    const { t } = i18n;
    if (state.loadError) return container.replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, state.loadError));
    if (!state.days) return container.replaceChildren(h('p', {}, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' ', t('loading')));
    if (state.days.length === 0) return container.replaceChildren(h('p', { class: 'notice notice--info' }, t('slot.noDays')));
    fill(container,
      h('div', { class: 'notice notice--error', id: 'slot-error', role: 'alert', hidden: !state.error }, state.error ?? ''),
      dayGroup(),
      state.date ? timeGroup() : null,
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'button', id: 'slot-submit', 'aria-disabled': state.busy ? 'true' : null, onclick: submit },
          state.busy ? [h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('slot.reserving')] : t(submitKey))),
    );
  }

  function dayGroup() {
    const { t, lang } = i18n;
    const visible = state.showAll ? state.days : state.days.slice(0, FIRST_DAYS);
    return h('fieldset', { class: 'tiles tiles--days' },
      h('legend', {}, t('slot.days')),
      h('div', { class: 'tiles__grid' }, ...visible.map((day) => tile('day', day.date, state.date === day.date,
        formatDate(day.date, lang, 'short'),
        day.times.length === 1 ? t('slot.oneFreeTime') : t('slot.freeTimes', { count: day.times.length }),
        () => chooseDay(day.date)))),
      !state.showAll && state.days.length > FIRST_DAYS
        ? h('button', { type: 'button', class: 'button button--secondary more-days', onclick: showMore }, t('slot.moreDays'))
        : null);
  }

  function timeGroup() {
    const { t, lang } = i18n;
    const times = state.days.find((d) => d.date === state.date).times;
    const groups = [['slot.morning', times.filter((x) => x < '12:00')], ['slot.afternoon', times.filter((x) => x >= '12:00')]];
    return h('fieldset', { class: 'tiles tiles--times', id: 'time-group' },
      h('legend', {}, t('slot.times', { date: formatDate(state.date, lang) })),
      ...groups.filter(([, list]) => list.length > 0).map(([key, list]) => h('div', { class: 'tiles__part' },
        h('p', { class: 'tiles__label', 'aria-hidden': 'true' }, t(key)),
        h('div', { class: 'tiles__grid tiles__grid--times' },
          ...list.map((time) => tile('time', time, state.time === time, time, null, () => chooseTime(time)))))));
  }

  function tile(name, value, checked, label, sub, onPick) {
    const input = h('input', { type: 'radio', name, value, checked, class: 'tile__input', onchange: onPick });
    return h('label', { class: 'tile' }, input, h('span', { class: 'tile__text' }, label), sub ? h('span', { class: 'tile__sub' }, sub) : null);
  }

  function chooseDay(date) {
    state.date = date;
    state.time = null;
    state.error = null;
    render();
    container.querySelector(`input[name="day"][value="${date}"]`)?.focus();
  }

  function chooseTime(time) {
    state.time = time;
    state.error = null;
    render();
    container.querySelector(`input[name="time"][value="${time}"]`)?.focus();
  }

  function showMore() {
    state.showAll = true;
    render();
    container.querySelectorAll('input[name="day"]')[FIRST_DAYS]?.focus();
  }

  async function submit() {
    if (state.busy) return;
    if (!state.date || !state.time) return fail(i18n.t(state.date ? 'slot.chooseTime' : 'slot.chooseDay'));
    state.busy = true;
    state.error = null;
    render();
    try {
      await onSubmit({ date: state.date, start: state.time });
      state.busy = false;
    } catch (problem) {
      state.busy = false;
      state.error = problem?.status === 409 ? i18n.t('slot.taken') : describeError(problem);
      if (problem?.status === 409) return load().then(() => focusBlock(container.querySelector('#slot-error')));
      render();
      focusBlock(container.querySelector('#slot-error'));
    }
  }

  function fail(message) {
    state.error = message;
    render();
    focusBlock(container.querySelector('#slot-error'));
  }

  return { load, render, reset: () => Object.assign(state, { date: null, time: null, error: null, showAll: false }) };
}
