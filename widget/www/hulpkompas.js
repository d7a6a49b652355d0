// Hulpkompas loader — the one file a host page includes:
//
//   <script type="module" src="https://example.org/hulpkompas/hulpkompas.js"></script>
//   <hulpkompas-widget postcode="8500" lang="nl"></hulpkompas-widget>
//
// It defines the custom element <hulpkompas-widget> (attributes postcode, need, lang, concepts, exit-url,
// heading-level, compact, offers, report, observed live) and exports mount(element, options) → { update(options), destroy(), ready }.
// Everything it loads (the wasm, CSS) is resolved relative to this file, so it works from any
// folder or origin, and so are the two files it fetches only when needed (the vocabulary of needs,
// the sources). Besides those it requests only the host's own layer file (`offers`, same origin).
// It sets no cookie and uses no storage: the postcode never leaves the browser. No eval, no inline script or style: it works under a strict CSP.

import init, * as glue from './hulpkompas_widget.js';

const BASE = new URL('.', import.meta.url);
const CSS_URL = new URL('hulpkompas.css', BASE).href;
// The wasm-bindgen glue is bundled into this file (`cargo xtask dist`): one module, no waterfall.
// The wasm is requested as soon as this module runs, and compiled while it streams in.
const WASM_URL = new URL('hulpkompas_widget_bg.wasm', BASE);
// A page whose widget has `offers` (the organisation's own layer) loads the widget's layered build
// instead: the same widget with the layer reader inside, so a page without a layer loads nothing
// of it. Module scripts run after the page is parsed: the widgets of its HTML are there.
const LAYERED_GLUE_URL = new URL('hulpkompas-layer.js', BASE).href;
const LAYERED_WASM_URL = new URL('hulpkompas_widget_layer_bg.wasm', BASE);
const LAYERED_AT_START = document.querySelector('hulpkompas-widget[offers]') !== null;
let wasmFile = LAYERED_AT_START ? null : fetch(WASM_URL);
// A request that fails now is reported when the first widget mounts (as its fallback).
wasmFile?.catch(() => {});
// The vocabulary of needs: fetched only when a visitor first searches by need.
const VOCABULARY_URL = new URL('hulpkompas-needs.txt', BASE);
// The source addresses: fetched only when a visitor first opens a fold ("Meer uitleg en bronnen").
const SOURCES_URL = new URL('hulpkompas-sources.txt', BASE);
// The handout's page stylesheet: put in the host page only when a visitor first prints.
const PRINT_CSS_URL = new URL('hulpkompas-print.css', BASE).href;
// How long a widget waits for its stylesheet before it shows itself anyway.
const STYLESHEET_TIMEOUT_MS = 3000;

// What every instance shows before the wasm is there, and instead of it when it cannot load or
// breaks: never a blank box. The lines are those of core/data/urgent/lines.csv (an e2e test
// checks them against it); they are here because the wasm may be what failed.
const TEXT = {
  nl: {
    loading: 'Hulpkompas laadt…',
    error: 'Deze hulpwijzer kan nu niet laden. Voor hulp kan je altijd terecht bij het Sociaal Huis (OCMW) van je gemeente of bij het CAW.',
    lines: 'Hulp nodig, nu? Bel:',
    retry: 'Opnieuw proberen',
    call: [['112', 'Noodnummer'], ['1813', 'Zelfmoordlijn'], ['1712', 'Hulplijn geweld en misbruik'], ['106', 'Tele-Onthaal']],
  },
  fr: {
    loading: 'Chargement de Hulpkompas…',
    error: "Ce guide ne peut pas se charger pour le moment. Pour de l'aide, adressez-vous au CPAS de votre commune ou au CAW.",
    lines: "Besoin d'aide maintenant ? Appelez :",
    retry: 'Réessayer',
    call: [['112', "Numéro d'urgence"], ['0800 32 123', 'Centre de Prévention du Suicide'], ['0800 30 030', 'Écoute Violences Conjugales'], ['107', 'Télé-Accueil']],
  },
  en: {
    loading: 'Loading Hulpkompas…',
    error: "This guide cannot load right now. For help, go to your municipality's Sociaal Huis (OCMW) or the CAW.",
    lines: 'Need help now? Call:',
    retry: 'Try again',
    call: [['112', 'Emergency number'], ['1813', 'Zelfmoordlijn (suicide, in Dutch)'], ['1712', 'Hulplijn (violence and abuse, in Dutch)'], ['106', 'Tele-Onthaal (in Dutch)']],
  },
};

// The glue, once the wasm is there. A failed load is forgotten, so the next widget (or the
// fallback's "try again") loads again, under a fresh URL (nothing of the failed request reused).
let loading = null;
let attempts = 0;
function load(options = {}) {
  if (!loading) {
    const layered = LAYERED_AT_START || Boolean(options.offers);
    const retry = attempts++ === 0 ? '' : `?retry=${attempts}`;
    const started = layered
      ? import(`${LAYERED_GLUE_URL}${retry}`).then((module) => module.default({ module_or_path: fetch(`${LAYERED_WASM_URL.href}${retry}`) }).then(() => module))
      : init({ module_or_path: retry ? fetch(`${WASM_URL.href}${retry}`) : wasmFile }).then(() => glue);
    wasmFile = null;
    loading = started
      .then((wasm) => {
        wasm.setPanicHandler(broke);
        wasm.setVocabularyLoader(() => loadVocabulary(wasm));
        wasm.setSourcesLoader(() => loadSources(wasm));
        return wasm;
      })
      .catch((error) => {
        loading = null;
        throw error;
      });
  }
  return loading;
}

/** Hands the layer `raw` (the `offers` attribute) to the layered build, which fetches it. */
function loadLayer(wasm, raw) {
  if (wasm.loadLayer) wasm.loadLayer(raw, () => broken);
  else console.warn(`hulpkompas: offers="${raw}": the widget was loaded on this page without a layer (set offers in the page's HTML, or on the first widget mounted); it shows its built-in data`);
}

// After a panic the wasm's memory is in no known state: every instance shows the fallback, and
// no new one mounts on it (a reload of the page starts afresh).
let broken = false;
const instances = new Set();
function broke(message) {
  broken = true;
  for (const instance of [...instances]) instance.fail(message, false);
}

let vocabulary = null;
function loadVocabulary(wasm) {
  if (!vocabulary) {
    vocabulary = fetch(VOCABULARY_URL)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((text) => wasm.setVocabulary(text))
      .catch((error) => {
        // Every instance says so and keeps its answer; the next need typed tries again.
        console.error('hulpkompas: the vocabulary of needs could not load:', error);
        vocabulary = null;
        if (!broken) wasm.vocabularyFailed();
      });
  }
  return vocabulary;
}

// Fetched once (the browser caches it), one request in flight; after a failure the folds say so,
// the answer stays, and the next fold opened tries again.
let sources = null;
function loadSources(wasm) {
  if (!sources) {
    sources = fetch(SOURCES_URL)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((text) => wasm.setSources(text))
      .catch((error) => {
        console.error('hulpkompas: the sources could not load:', error);
        sources = null;
        if (!broken) wasm.sourcesFailed();
      });
  }
  return sources;
}

// A stylesheet link that settles when it loaded or failed (printing the page beats not printing).
function stylesheet(href) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  return { link, loaded };
}

// The handout: a copy of one widget's answer, alone on the printed page (hulpkompas-print.css hides
// the host page; hulpkompas.css lays the copy out for one A4). Made by the loader, so printing
// needs no wasm; the copy is a clone of the nodes, never parsed HTML.
let printSheet = null;
let handout = null;
const printable = new WeakSet();
function removeHandout() {
  handout?.remove();
  handout = null;
  document.documentElement.classList.remove('hulpkompas-printing');
}
async function printHandout(widget) {
  if (!printSheet) {
    const sheet = stylesheet(PRINT_CSS_URL);
    document.head.append(sheet.link);
    printSheet = sheet.loaded;
  }
  removeHandout();
  const box = element('div', 'hulpkompas-handout');
  const own = stylesheet(CSS_URL);
  const copy = widget.cloneNode(true);
  copy.classList.add('ww-handout');
  box.attachShadow({ mode: 'open' }).append(own.link, copy);
  document.body.append(box);
  handout = box;
  await Promise.all([printSheet, own.loaded]);
  if (handout !== box) return;
  document.documentElement.classList.add('hulpkompas-printing');
  window.addEventListener('afterprint', removeHandout, { once: true });
  window.print();
}

function langOf(options) {
  const l = String(options.lang || '').slice(0, 2).toLowerCase();
  return TEXT[l] ? l : 'nl';
}

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The fallback: the general entry, the lines to call now, and (after a failed load) a retry. */
function fallback(options, retry) {
  const t = TEXT[langOf(options)];
  const box = element('div', 'ww ww-fallback');
  box.lang = langOf(options);
  box.setAttribute('role', 'alert');
  const urgent = element('div', 'ww-urgent');
  const list = element('ul');
  for (const [number, name] of t.call) {
    const a = element('a', 'ww-call', `${name} ${number}`);
    a.href = `tel:${number.replace(/\s/g, '')}`;
    const li = element('li');
    li.append(a);
    list.append(li);
  }
  urgent.append(element('p', 'ww-fallback-lines', t.lines), list);
  box.append(element('p', 'ww-error', t.error), urgent);
  if (retry) {
    const button = element('button', 'ww-retry', t.retry);
    button.type = 'button';
    button.addEventListener('click', retry, { once: true });
    box.append(button);
  }
  return box;
}

function clean(options) {
  const out = {};
  for (const key of ['postcode', 'need', 'lang', 'concepts', 'exitUrl', 'headingLevel', 'compact', 'offers', 'report']) {
    const v = options[key];
    if (v !== undefined && v !== null) out[key] = String(v).slice(0, 500);
  }
  return out;
}

/**
 * Mounts a Hulpkompas widget in `element` (in an open shadow root).
 * @param {Element} host the element to mount in (it gets an open shadow root)
 * @param {{postcode?: string, need?: string, lang?: 'nl'|'fr'|'en', concepts?: string, exitUrl?: string, headingLevel?: string, compact?: string, offers?: string, report?: string}} options
 * @returns {{update(options: object): void, destroy(): void, ready: Promise<void>}}
 */
export function mount(host, options = {}) {
  let current = clean(options);
  const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
  if (!printable.has(shadow)) {
    // The widget's "Afdrukken" button (rendered by the wasm) prints its answer as a handout.
    printable.add(shadow);
    shadow.addEventListener('click', (event) => {
      const button = event.target.closest?.('.ww-print');
      const widget = button?.closest('.ww');
      if (widget) printHandout(widget);
    });
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = CSS_URL;
  let root = null;
  let handle = null;
  let destroyed = false;
  // Until the stylesheet is there the widget stays hidden (no flash of unstyled content), but
  // never longer than STYLESHEET_TIMEOUT_MS: a stalled stylesheet must not hide a working widget.
  let styled = false;
  const reveal = () => {
    styled = true;
    clearTimeout(timer);
    if (root) root.hidden = false;
  };
  const timer = setTimeout(reveal, STYLESHEET_TIMEOUT_MS);
  link.addEventListener('load', reveal, { once: true });
  link.addEventListener('error', reveal, { once: true });

  // A fresh root each time: what a broken or failed instance left is never reused.
  const newRoot = (child) => {
    root = element('div', 'ww-root');
    root.hidden = !styled;
    root.append(child);
    return root;
  };

  // Lets go of the wasm side (its app is parked for the next widget). After a panic the wasm is
  // not called again; its objects go with the page.
  const release = () => {
    instances.delete(instance);
    if (handle && !broken) {
      try {
        handle.destroy();
        handle.free();
      } catch (error) {
        console.error('hulpkompas:', error);
      }
    }
    handle = null;
  };

  const instance = {
    fail(error, retry) {
      release();
      if (destroyed) return;
      console.error('hulpkompas: the widget could not start or broke:', error);
      shadow.replaceChildren(link, newRoot(fallback(current, retry ? start : null)));
    },
  };

  function start() {
    // Something to read while the wasm loads: the wasm's first render replaces it.
    const waiting = element('div', 'ww ww-loading');
    waiting.append(element('p', '', TEXT[langOf(current)].loading));
    waiting.lang = langOf(current);
    shadow.replaceChildren(link, newRoot(waiting));
    if (broken) {
      instance.fail(new Error('an earlier panic'), false);
      return Promise.resolve();
    }
    return load(current).then(
      (wasm) => {
        if (current.offers) loadLayer(wasm, current.offers);
        if (destroyed) return;
        if (broken) {
          instance.fail(new Error('an earlier panic'), false);
          return;
        }
        instances.add(instance);
        try {
          const begin = performance.now();
          handle = wasm.mount(root, current);
          // Yew renders in a microtask queued by mount(): measure after it.
          queueMicrotask(() => measure('hulpkompas:mount', begin));
        } catch (error) {
          instance.fail(error, false);
        }
      },
      (error) => instance.fail(error, true),
    );
  }

  const ready = start();
  return {
    ready,
    update(next = {}) {
      current = { ...current, ...clean(next) };
      if (!handle || broken) return;
      if (current.offers) loading?.then((wasm) => loadLayer(wasm, current.offers), () => {});
      try {
        handle.update(current);
      } catch (error) {
        instance.fail(error, false);
      }
    },
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      release();
      root = null;
      shadow.replaceChildren();
    },
  };
}

/**
 * A performance measure from `start` until now, for the host's DevTools and the browser benchmark
 * (hulpkompas:mount: the wasm's mount and first render). An older browser without it loses nothing else.
 */
function measure(name, start) {
  try {
    performance.measure(name, { start });
  } catch {
    // no measure in this browser
  }
}

/**
 * For the end-to-end tests (the glue is inside this module, so they reach the wasm here): its
 * memory in bytes, and a deliberate panic inside it.
 */
export const selfTest = {
  // The wasm's exports have short names (`cargo xtask dist`): its memory is found by its kind.
  memoryBytes: async () => Object.values(await init()).find((e) => e instanceof WebAssembly.Memory).buffer.byteLength,
  panic: async () => (await load()).selfTestPanic(),
};

/** For the browser benchmark: one need search in the wasm core, timed around the call. */
export async function searchTimed(query) {
  const wasm = await load();
  await loadVocabulary(wasm);
  const t0 = performance.now();
  const ids = wasm.searchTimed(String(query));
  const ms = performance.now() - t0;
  return { ms, ids: ids ? ids.split(',') : [] };
}

class HulpkompasWidget extends HTMLElement {
  static get observedAttributes() {
    return ['postcode', 'need', 'lang', 'concepts', 'exit-url', 'heading-level', 'compact', 'offers', 'report'];
  }

  options() {
    const lang = this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || 'nl';
    return {
      postcode: this.getAttribute('postcode') || '',
      need: this.getAttribute('need') || '',
      lang,
      concepts: this.getAttribute('concepts') || '',
      exitUrl: this.getAttribute('exit-url') || '',
      headingLevel: this.getAttribute('heading-level') || '',
      compact: this.hasAttribute('compact') ? this.getAttribute('compact') : 'false',
      offers: this.getAttribute('offers') || '',
      report: this.getAttribute('report') || '',
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
