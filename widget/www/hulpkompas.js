// Hulpkompas loader — the one file a host page includes:
//
//   <script type="module" src="https://example.org/hulpkompas/hulpkompas.js"></script>
//   <hulpkompas-widget postcode="8500" lang="nl"></hulpkompas-widget>
//
// It defines the custom element <hulpkompas-widget> (attributes postcode, need, lang, concepts, exit-url, observed
// live) and exports mount(element, options) → { update(options), destroy(), ready }.
// Everything it loads (wasm, glue, CSS) is resolved relative to this file, so it works from any
// folder or origin, and so are the two files it fetches only when needed (the vocabulary of needs,
// the sources). It makes no other request, sets no cookie and uses no storage: the postcode
// never leaves the browser. No eval, no inline script or style: it works under a strict CSP.

import init, {
  mount as wasmMount,
  searchTimed as wasmSearchTimed,
  setSources,
  setSourcesLoader,
  setVocabulary,
  setVocabularyLoader,
  sourcesFailed,
} from './hulpkompas_widget.js';

const BASE = new URL('.', import.meta.url);
const CSS_URL = new URL('hulpkompas.css', BASE).href;
const WASM_URL = new URL('hulpkompas_widget_bg.wasm', BASE);
// The vocabulary of needs: fetched only when a visitor first searches by need.
const VOCABULARY_URL = new URL('hulpkompas-needs.txt', BASE);
// The source addresses: fetched only when a visitor first opens a fold ("Meer uitleg en bronnen").
const SOURCES_URL = new URL('hulpkompas-sources.txt', BASE);

// Shown when the widget cannot load or breaks: never a blank box.
const FALLBACK = {
  nl: 'Deze hulpwijzer kan nu niet laden. Voor hulp kan je altijd terecht bij het Sociaal Huis (OCMW) van je gemeente of bij het CAW.',
  fr: "Ce guide ne peut pas se charger pour le moment. Pour de l'aide, adressez-vous au CPAS de votre commune ou au CAW.",
  en: "This guide cannot load right now. For help, go to your municipality's Sociaal Huis (OCMW) or the CAW.",
};

let loading = null;
function load() {
  if (!loading) {
    loading = init({ module_or_path: WASM_URL }).then(() => {
      setVocabularyLoader(loadVocabulary);
      setSourcesLoader(loadSources);
    });
  }
  return loading;
}

let vocabulary = null;
function loadVocabulary() {
  if (!vocabulary) {
    vocabulary = fetch(VOCABULARY_URL)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((text) => setVocabulary(text))
      .catch((error) => {
        // Search keeps working on the concepts' own names; the next need search tries again.
        console.error('hulpkompas: the vocabulary of needs could not load:', error);
        vocabulary = null;
      });
  }
  return vocabulary;
}

// Fetched once (the browser caches it), one request in flight; after a failure the folds say so,
// the answer stays, and the next fold opened tries again.
let sources = null;
function loadSources() {
  if (!sources) {
    sources = fetch(SOURCES_URL)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((text) => setSources(text))
      .catch((error) => {
        console.error('hulpkompas: the sources could not load:', error);
        sources = null;
        sourcesFailed();
      });
  }
  return sources;
}

function langOf(options) {
  const l = String(options.lang || '').slice(0, 2).toLowerCase();
  return FALLBACK[l] ? l : 'nl';
}

function showError(root, options, error) {
  console.error('hulpkompas: the widget could not start or broke:', error);
  const p = document.createElement('p');
  p.className = 'ww-error';
  p.setAttribute('role', 'alert');
  p.lang = langOf(options);
  p.textContent = FALLBACK[langOf(options)];
  root.hidden = false;
  root.replaceChildren(p);
}

function clean(options) {
  const out = {};
  for (const key of ['postcode', 'need', 'lang', 'concepts', 'exitUrl']) {
    const v = options[key];
    if (v !== undefined && v !== null) out[key] = String(v).slice(0, 500);
  }
  return out;
}

/**
 * Mounts a Hulpkompas widget in `element` (in an open shadow root).
 * @param {Element} element
 * @param {{postcode?: string, need?: string, lang?: 'nl'|'fr'|'en', concepts?: string, exitUrl?: string}} options
 * @returns {{update(options: object): void, destroy(): void, ready: Promise<void>}}
 */
export function mount(element, options = {}) {
  let current = clean(options);
  const shadow = element.shadowRoot || element.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = CSS_URL;
  const root = document.createElement('div');
  root.className = 'ww-root';
  root.hidden = true; // until the stylesheet is there: no flash of unstyled content
  const reveal = () => { root.hidden = false; };
  link.addEventListener('load', reveal, { once: true });
  link.addEventListener('error', reveal, { once: true });
  shadow.replaceChildren(link, root);

  let handle = null;
  let destroyed = false;
  const ready = load()
    .then(() => {
      if (!destroyed) handle = wasmMount(root, current);
    })
    .catch((error) => showError(root, current, error));

  return {
    ready,
    update(next = {}) {
      current = { ...current, ...clean(next) };
      if (!handle) return;
      try {
        handle.update(current);
      } catch (error) {
        showError(root, current, error);
      }
    },
    destroy() {
      destroyed = true;
      if (handle) {
        try {
          handle.destroy();
          handle.free();
        } catch (error) {
          console.error('hulpkompas:', error);
        }
        handle = null;
      }
      shadow.replaceChildren();
    },
  };
}

/** For the browser benchmark: one need search in the wasm core, timed inside it. */
export async function searchTimed(query) {
  await load();
  await loadVocabulary();
  return wasmSearchTimed(String(query));
}

class HulpkompasWidget extends HTMLElement {
  static get observedAttributes() {
    return ['postcode', 'need', 'lang', 'concepts', 'exit-url'];
  }

  options() {
    const lang = this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || 'nl';
    return {
      postcode: this.getAttribute('postcode') || '',
      need: this.getAttribute('need') || '',
      lang,
      concepts: this.getAttribute('concepts') || '',
      exitUrl: this.getAttribute('exit-url') || '',
    };
  }

  connectedCallback() {
    if (!this.handle) this.handle = mount(this, this.options());
  }

  disconnectedCallback() {
    if (this.handle) this.handle.destroy();
    this.handle = null;
  }

  attributeChangedCallback() {
    if (this.handle) this.handle.update(this.options());
  }
}

if (!customElements.get('hulpkompas-widget')) {
  customElements.define('hulpkompas-widget', HulpkompasWidget);
}
