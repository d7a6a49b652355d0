// The widget's layered build: what hulpkompas.js imports instead of its own glue on a page whose
// widget has `offers` (the organisation's own layer, HSDS 3.0: see layer/README.md). It is the
// wasm-bindgen glue of the widget built with the layer reader (bundled in by `cargo xtask dist`),
// and the function that fetches a layer file. A page without a layer loads none of this.

export * from './hulpkompas_widget_layer.js';
export { default } from './hulpkompas_widget_layer.js';
import { setLayer } from './hulpkompas_widget_layer.js';

// A layer file: read only from this page's own origin, at most 1 MB, within 5 s.
const MAX_BYTES = 1_000_000;
const TIMEOUT_MS = 5000;
// The layer files asked for, by address: each is fetched once (again after a failure).
const asked = new Set();

/**
 * Fetches the layer `raw` (the `offers` attribute, relative to the page) and hands its text to the
 * wasm, which reads it (every problem one console warning naming the record and the field). Never
 * fatal: a file that cannot be used leaves the widget with its built-in data, and says why.
 * `broken()` tells whether the wasm panicked meanwhile.
 */
export function loadLayer(raw, broken) {
  const warn = (why) => console.warn(`hulpkompas: offers="${raw}": ${why}; the widget shows its built-in data`);
  let address;
  try {
    address = new URL(raw, document.baseURI);
  } catch {
    warn('this is no address');
    return;
  }
  if (address.origin !== location.origin) {
    warn(`only a file of this site (${location.origin}) is read`);
    return;
  }
  if (asked.has(address.href)) return;
  asked.add(address.href);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  fetch(address, { signal: controller.signal, credentials: 'same-origin' })
    .then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (new URL(response.url).origin !== location.origin) throw new Error('it was redirected to another site');
      if (Number(response.headers.get('Content-Length')) > MAX_BYTES) throw new Error('it is over 1 MB');
      const text = await response.text();
      if (text.length > MAX_BYTES) throw new Error('it is over 1 MB');
      if (!broken()) setLayer(address.href, text);
    })
    .catch((error) => {
      asked.delete(address.href);
      warn(`it could not load (${controller.signal.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : error.message || error})`);
    })
    .finally(() => clearTimeout(timer));
}
