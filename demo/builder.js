// Embed builder for the Hulpkompas widget.
//
// Reads the form, keeps a live preview (<hulpkompas-widget id="preview">) in sync
// through its observed attributes and the --hulpkompas-accent custom property
// (set with style.setProperty, which a strict CSP allows), and writes the
// snippet to paste into a host page. The integrity and crossorigin attributes
// of that snippet's <script> come from /embed.html, which the build generates
// with the SRI hash, so the builder never computes the hash itself. The src
// points at the widget on this server (embed.html may carry a placeholder host).

const DEFAULT_ACCENT = '#0b5a43';
const WIDGET_PATH = '/widget/hulpkompas.js';

const form = document.getElementById('builder-form');
const preview = document.getElementById('preview');
const snippetCode = document.getElementById('snippet');
const copyButton = document.getElementById('copy');
const copyStatus = document.getElementById('copy-status');
const accentWarning = document.getElementById('accent-warning');

/** Script line used until /embed.html has been read (or when it cannot be). */
let scriptLine = `<script type="module" src="${escapeAttr(absoluteUrl(WIDGET_PATH))}"></script>`;
let extraLines = [];
let sriLoaded = false;

function absoluteUrl(path) {
  return new URL(path, window.location.href).href;
}

function escapeAttr(value) {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The current settings, read from the form. */
function readSettings() {
  const data = new FormData(form);
  return {
    lang: String(data.get('lang') || 'nl'),
    postcode: String(data.get('postcode') || '').trim(),
    need: String(data.get('need') || '').trim(),
    report: reportAddress(String(data.get('report') || '')),
    concepts: data.getAll('concept').map(String),
    accent: String(data.get('accent') || DEFAULT_ACCENT).toLowerCase(),
  };
}

/**
 * The widget's `report` attribute for what was typed: an e-mail address becomes `mailto:`, a web
 * page stays as it is; anything else (the widget would refuse it) gives none.
 */
function reportAddress(typed) {
  const value = typed.trim();
  if (/^https?:\/\/\S+$/.test(value)) return value;
  const mail = value.replace(/^mailto:/, '');
  return /^[^\s@,;?]+@[^\s@,;?]+$/.test(mail) ? `mailto:${mail}` : '';
}

/** Attributes of the <hulpkompas-widget> element, in a stable order. */
function widgetAttributes(settings) {
  const attrs = [];
  if (settings.postcode) attrs.push(['postcode', settings.postcode]);
  if (settings.need) attrs.push(['need', settings.need]);
  attrs.push(['lang', settings.lang]);
  if (settings.concepts.length > 0) attrs.push(['concepts', settings.concepts.join(',')]);
  if (settings.report) attrs.push(['report', settings.report]);
  return attrs;
}

function updatePreview(settings) {
  const wanted = new Map(widgetAttributes(settings));
  for (const name of ['postcode', 'need', 'lang', 'concepts', 'report']) {
    if (wanted.has(name)) {
      if (preview.getAttribute(name) !== wanted.get(name)) {
        preview.setAttribute(name, wanted.get(name));
      }
    } else if (preview.hasAttribute(name)) {
      preview.removeAttribute(name);
    }
  }
  preview.style.setProperty('--hulpkompas-accent', settings.accent);
}

// Inside the element, for when the widget cannot load at all (the loader blocked, or refused from
// another origin without CORS): the page then shows this, never an empty box. Once the widget
// mounts, its shadow root hides it.
const FALLBACK = {
  nl: '<p>Laadt deze hulpwijzer niet? Ga naar het Sociaal Huis (OCMW) van je gemeente of naar het CAW. In nood: bel <a href="tel:112">112</a>. Zelfmoordgedachten: bel <a href="tel:1813">1813</a>.</p>',
  fr: '<p>Ce guide ne se charge pas ? Adressez-vous au CPAS de votre commune ou au CAW. En cas d\'urgence : appelez le <a href="tel:112">112</a>. Pensées suicidaires : appelez le <a href="tel:080032123">0800 32 123</a>.</p>',
  en: '<p>Does this guide not load? Go to your municipality\'s Sociaal Huis (OCMW) or the CAW. In an emergency: call <a href="tel:112">112</a>. Suicidal thoughts: call <a href="tel:1813">1813</a> (in Dutch).</p>',
};

function buildSnippet(settings) {
  const lines = [...extraLines, scriptLine];
  if (settings.accent !== DEFAULT_ACCENT) {
    lines.push(`<style>hulpkompas-widget { --hulpkompas-accent: ${settings.accent}; }</style>`);
  }
  const attrs = widgetAttributes(settings)
    .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
    .join('');
  lines.push(`<hulpkompas-widget${attrs}>`, `  ${FALLBACK[settings.lang] || FALLBACK.nl}`, '</hulpkompas-widget>');
  return lines.join('\n');
}

/** Relative luminance contrast of white text on the accent colour. */
function contrastWithWhite(hex) {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) return 21;
  const channel = (i) => {
    const c = parseInt(match[1].slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return 1.05 / (luminance + 0.05);
}

function updateAccentWarning(settings) {
  const ratio = contrastWithWhite(settings.accent);
  const text = ratio < 4.5
    ? `Let op: witte tekst op deze kleur heeft een contrast van ${ratio.toFixed(1).replace('.', ',')}:1. Kies een donkerdere kleur (minstens 4,5:1).`
    : '';
  if (accentWarning.textContent !== text) accentWarning.textContent = text;
}

let previewTimer = 0;

function render({ debounce = false } = {}) {
  const settings = readSettings();
  snippetCode.textContent = buildSnippet(settings);
  updateAccentWarning(settings);
  window.clearTimeout(previewTimer);
  if (debounce) {
    previewTimer = window.setTimeout(() => updatePreview(readSettings()), 250);
  } else {
    updatePreview(settings);
  }
}

/**
 * Reads the SRI-pinned script line from /embed.html. The page is parsed as an
 * inert document (DOMParser runs no scripts); we keep the module script that
 * loads hulpkompas.js and its preload lines.
 */
async function loadEmbedSnippet() {
  const response = await fetch('/embed.html', { credentials: 'omit', cache: 'no-cache' });
  if (!response.ok) throw new Error(`/embed.html: HTTP ${response.status}`);
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');

  const script = [...doc.querySelectorAll('script[src]')]
    .find((el) => /hulpkompas\.js(\?|#|$)/.test(el.getAttribute('src')));
  if (!script) throw new Error('/embed.html has no <script> for hulpkompas.js');
  const integrity = script.getAttribute('integrity');
  if (!integrity) throw new Error('/embed.html: the <script> has no integrity attribute');

  const src = absoluteUrl(WIDGET_PATH);
  const crossorigin = script.getAttribute('crossorigin') || 'anonymous';
  scriptLine = `<script type="module" src="${escapeAttr(src)}" integrity="${escapeAttr(integrity)}" crossorigin="${escapeAttr(crossorigin)}"></script>`;

  // The preload lines (the loader, the wasm and the stylesheet fetched at once) and any
  // stylesheet with a hash: the same attributes, pointing at this server's files.
  extraLines = [...doc.querySelectorAll('link[href]')]
    .filter((link) => /^(modulepreload|preload|stylesheet)$/.test(link.getAttribute('rel')))
    .map((link) => {
      const href = absoluteUrl(`/widget/${link.getAttribute('href').split('/').pop()}`);
      const attrs = ['as', 'type', 'integrity', 'crossorigin']
        .filter((name) => link.hasAttribute(name))
        .map((name) => ` ${name}="${escapeAttr(link.getAttribute(name))}"`)
        .join('');
      return `<link rel="${escapeAttr(link.getAttribute('rel'))}" href="${escapeAttr(href)}"${attrs}>`;
    });
  sriLoaded = true;
}

function selectSnippet() {
  const range = document.createRange();
  range.selectNodeContents(snippetCode);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

async function copySnippet() {
  const text = snippetCode.textContent;
  try {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = 'Gekopieerd naar het klembord.';
  } catch {
    selectSnippet();
    copyStatus.textContent = 'Kopiëren lukte niet automatisch. De tekst is geselecteerd: druk op Ctrl+C (of ⌘+C).';
  }
}

form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('input', (event) => {
  const debounce = event.target instanceof HTMLInputElement && event.target.type === 'text';
  render({ debounce });
});
form.addEventListener('change', () => render());

document.getElementById('concepts-all').addEventListener('click', () => {
  for (const box of form.querySelectorAll('input[name="concept"]')) box.checked = true;
  render();
});
document.getElementById('concepts-none').addEventListener('click', () => {
  for (const box of form.querySelectorAll('input[name="concept"]')) box.checked = false;
  render();
});
copyButton.addEventListener('click', copySnippet);

render();

loadEmbedSnippet()
  .catch((error) => {
    console.warn('Hulpkompas builder: no SRI hash available:', error.message);
    copyStatus.textContent = 'Let op: de SRI-hash kon niet geladen worden; het fragment hieronder heeft geen integrity-attribuut.';
  })
  .finally(() => {
    document.documentElement.dataset.sri = sriLoaded ? 'loaded' : 'missing';
    render();
  });
