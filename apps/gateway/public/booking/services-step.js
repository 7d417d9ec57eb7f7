/**
 * Step 1: choose services and how many people each. `selection` (Map serviceId → quantity) lives in the
 * page so a language switch or "back" re-renders without losing the choice.
 */
import { h } from '../shared/dom.js';
import { formatEuro } from '../shared/format.js';

export function renderServices(container, services, selection, i18n, onChange) {
  const { t, lang } = i18n;
  container.replaceChildren(...services.map((service) => serviceItem(service, selection, t, lang, onChange)));
}

function serviceItem(service, selection, t, lang, onChange) {
  const id = service.id;
  const chosen = selection.has(id);
  const qty = h('select', { id: `qty-${id}`, name: `qty-${id}` },
    ...Array.from({ length: service.maxQuantity }, (_, i) => h('option', { value: i + 1, selected: selection.get(id) === i + 1 }, String(i + 1))));
  const qtyField = h('div', { class: 'field service__qty', hidden: !chosen || service.maxQuantity < 2 },
    // The service name (hidden) makes each of these labels unique for screen readers.
    h('label', { for: `qty-${id}` }, t('services.quantity'), h('span', { class: 'visually-hidden' }, ` – ${service.name[lang]}`)), qty);
  const box = h('input', { type: 'checkbox', name: 'service', value: id, checked: chosen, 'aria-describedby': `meta-${id}` });
  box.addEventListener('change', () => {
    if (box.checked) selection.set(id, Number(qty.value) || 1);
    else selection.delete(id);
    qtyField.hidden = !box.checked || service.maxQuantity < 2;
    item.classList.toggle('service--chosen', box.checked);
    onChange();
  });
  qty.addEventListener('change', () => {
    selection.set(id, Number(qty.value));
    onChange();
  });
  const item = h('div', { class: `service${chosen ? ' service--chosen' : ''}` },
    h('label', { class: 'check service__choose' }, box, h('span', { class: 'service__name' }, service.name[lang])),
    h('p', { class: 'service__meta', id: `meta-${id}` }, `${t('services.minutes', { minutes: service.minutes })} · ${feeText(service.fee, t, lang)}`),
    qtyField,
    documentsList(service.documents, t, lang));
  return item;
}

function feeText(fee, t, lang) {
  if (fee.cents === 0) return t('services.free');
  if (fee.reducedUnder24Cents !== undefined) {
    return t('services.feeReduced', { fee: formatEuro(fee.cents, lang), reduced: formatEuro(fee.reducedUnder24Cents, lang) });
  }
  return t('services.fee', { fee: formatEuro(fee.cents, lang) });
}

export function documentsList(documents, t, lang, open = false) {
  if (documents.length === 0) return null;
  return h('details', { class: 'documents', open },
    h('summary', {}, `${t('services.documents')} (${documents.length})`),
    h('ul', {}, ...documents.map((doc) => h('li', {}, doc[lang]))));
}

/** An error text for a selection that cannot be booked, else null. */
export function selectionProblem(services, selection, t, lang) {
  if (selection.size === 0) return t('services.none');
  const chosen = services.filter((s) => selection.has(s.id));
  for (const a of chosen) {
    for (const b of chosen) {
      if (a.id < b.id && !a.combinableWith.includes(b.id) && !b.combinableWith.includes(a.id)) {
        return t('services.notCombinable', { a: a.name[lang], b: b.name[lang] });
      }
    }
  }
  return null;
}

/** Counter minutes of the selection, rounded up to whole slots (as the calendar does). */
export function selectionMinutes(services, selection, slotMinutes) {
  const raw = services.reduce((sum, s) => sum + (selection.has(s.id) ? s.minutes * selection.get(s.id) : 0), 0);
  return Math.ceil(raw / slotMinutes) * slotMinutes;
}

/** `personalausweis:1,anmeldung:2` for the availability query; service lines for a hold. */
export const selectionQuery = (selection) => [...selection].map(([id, q]) => `${id}:${q}`).join(',');
export const selectionLines = (selection) => [...selection].map(([serviceId, quantity]) => ({ serviceId, quantity }));
