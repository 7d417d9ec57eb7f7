/**
 * Tiny DOM helpers: enough to build small views without a framework. `h` never uses innerHTML, so
 * text from the API can never become markup.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) el.append(child);
  }
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Moves focus to a heading (or any block) so screen readers announce the new step. */
export function focusBlock(el) {
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
}

/** Shows exactly one of `sections` (the others get `hidden`). */
export function showOnly(sections, visible) {
  for (const section of sections) section.hidden = section !== visible;
}

/** `el.replaceChildren` that skips null/false children (replaceChildren would print "null"). */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
}
