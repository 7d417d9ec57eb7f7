/**
 * German-first i18n. The language comes from `?lang=`, else the last choice (localStorage), else German
 * — the office's language — unless the browser asks for English first. Elements with `data-i18n="key"`
 * get their text from the dictionary; `data-i18n-attr="aria-label:key"` sets attributes.
 */
const STORAGE_KEY = 'schalter.lang';
const LANGUAGES = ['de', 'en'];

export function createI18n(dictionaries) {
  let lang = detectLanguage();
  const listeners = [];

  function t(key, vars = {}) {
    const text = dictionaries[lang][key] ?? dictionaries.de[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
  }

  function apply(root = document) {
    document.documentElement.lang = lang;
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of el.dataset.i18nAttr.split(';')) {
        const [attr, key] = pair.split(':');
        el.setAttribute(attr, t(key));
      }
    }
  }

  function setLanguage(next) {
    if (!LANGUAGES.includes(next) || next === lang) return;
    lang = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    const url = new URL(location.href);
    url.searchParams.set('lang', next);
    history.replaceState(history.state, '', url);
    apply();
    for (const listener of listeners) listener(lang);
  }

  return {
    get lang() {
      return lang;
    },
    t,
    apply,
    setLanguage,
    onChange: (listener) => listeners.push(listener),
  };
}

function detectLanguage() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (LANGUAGES.includes(fromUrl)) return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(stored)) return stored;
  } catch {
    // storage blocked: fall through
  }
  const preferred = (navigator.languages ?? [navigator.language]).find((l) => /^(de|en)\b/i.test(l));
  return preferred?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/**
 * Wires a `<button data-lang-switch>`: it shows the OTHER language in that language (with its own
 * `lang` attribute, so a screen reader pronounces "English" in English).
 */
export function wireLanguageSwitch(i18n, button) {
  const render = () => {
    const other = i18n.lang === 'de' ? 'en' : 'de';
    button.textContent = other === 'en' ? 'English' : 'Deutsch';
    button.lang = other;
    button.setAttribute('aria-label', other === 'en' ? 'English – switch language' : 'Deutsch – Sprache wechseln');
  };
  button.addEventListener('click', () => i18n.setLanguage(i18n.lang === 'de' ? 'en' : 'de'));
  i18n.onChange(render);
  render();
}
