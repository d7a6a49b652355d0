// Shared helpers for the Hulpkompas end-to-end tests and the browser benchmark.
//
// The demo server is started by the harness (`cargo xtask test`), never by
// these tests. Playwright's CSS locators pierce open shadow roots, so
// `page.locator('hulpkompas-widget').locator('input[name=place]')` reaches into
// the widget.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.HULPKOMPAS_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const BASE_ORIGIN = new URL(BASE_URL).origin;

export const CHROMIUM_PATH = process.env.HULPKOMPAS_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Repository root (tests/e2e/../../). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TARGET_DIR = path.join(REPO_ROOT, 'target');
export const SCREENSHOT_DIR = path.join(TARGET_DIR, 'screenshots');
export const TESTS_DIR = fileURLToPath(new URL('../', import.meta.url));

/** How long to wait for the widget to show something (wasm download + compile). */
export const RENDER_TIMEOUT = Number(process.env.HULPKOMPAS_RENDER_TIMEOUT_MS || 20_000);
/** Timeout for one test. */
export const TEST_TIMEOUT = Number(process.env.HULPKOMPAS_TEST_TIMEOUT_MS || 120_000);

/** The demo pages. `widgets` is the number of <hulpkompas-widget> on the page. */
export const DEMO_PAGES = [
  { path: '/index.html', widgets: 1, preset: false },
  { path: '/builder.html', widgets: 1, preset: true },
  { path: '/csp/index.html', widgets: 1, preset: true, csp: true },
  { path: '/multi.html', widgets: 3, preset: true },
  { path: '/hostile.html', widgets: 1, preset: true },
  { path: '/plain.html', widgets: 1, preset: true },
  { path: '/layer.html', widgets: 1, preset: true },
];

export const ALL_CONCEPT_IDS = [
  'sociaal-huis',
  'gbo',
  'huizen-van-het-kind',
  'overkop',
  'fjc-veilig-huis-ketenaanpak-ifg',
  'ggz-netwerken-volwassenen',
  'ggz-netwerken-kinderen-jongeren',
  '1gezin1plan',
  'vroeg-en-nabij',
  'dak-thuisloosheid-netwerken',
  'stek',
  'eerstelijnszones-zorgraden',
  'lokale-gezinscoaches',
  'zorgzame-buurten',
  'livc',
];

export function url(pathname) {
  return new URL(pathname, `${BASE_URL}/`).href;
}

/** Launches the system Chromium (Playwright cannot download browsers here). */
export async function launch() {
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(`Could not start Chromium at ${CHROMIUM_PATH}: ${error.message}`);
  }
}

/**
 * Records what a page does: every request (from any page or worker of the
 * context), console messages, uncaught errors and CSP violations.
 */
export class Monitor {
  constructor() {
    this.requests = [];
    this.failedResponses = [];
    this.console = [];
    this.pageErrors = [];
    this.cspViolations = [];
    this.websockets = [];
  }

  /** Requests that did not go to the demo server's origin (data:/blob: are local). */
  externalRequests() {
    return this.requests.filter((r) => !isLocalUrl(r.url));
  }

  consoleErrors() {
    return this.console.filter((m) => m.type === 'error');
  }

  /** CSP violations seen as events or as console messages. */
  allCspViolations() {
    const fromConsole = this.console
      .filter((m) => /Content Security Policy/i.test(m.text))
      .map((m) => ({ source: 'console', text: m.text }));
    return [...this.cspViolations.map((v) => ({ source: 'event', ...v })), ...fromConsole];
  }

  describe() {
    return [
      `requests (${this.requests.length}):`,
      ...this.requests.map((r) => `  ${r.method} ${r.url} [${r.resourceType}]`),
      `console (${this.console.length}):`,
      ...this.console.map((m) => `  ${m.type}: ${m.text}`),
      `page errors (${this.pageErrors.length}):`,
      ...this.pageErrors.map((e) => `  ${e}`),
    ].join('\n');
  }
}

export function isLocalUrl(raw) {
  if (/^(data|blob|about):/i.test(raw)) return true;
  try {
    return new URL(raw).origin === BASE_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * A new context and page with monitoring. Options:
 *   viewport  { width, height } (default 1280×900)
 *   bypassCSP (only for injecting axe on the CSP page)
 *   path      navigate there right away and wait for 'load'
 */
export async function openPage(browser, { viewport = { width: 1280, height: 900 }, bypassCSP = false, path: pagePath, contextOptions = {} } = {}) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    bypassCSP,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    serviceWorkers: 'allow',
    ...contextOptions,
  });
  const monitor = new Monitor();

  context.on('request', (request) => {
    monitor.requests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType() });
  });
  context.on('response', (response) => {
    if (response.status() >= 400) monitor.failedResponses.push({ url: response.url(), status: response.status() });
  });

  // CSP violations fire as `securitypolicyviolation` events (composed, so they
  // reach the document from inside a shadow root too).
  await context.exposeBinding('__hulpkompasReportCsp', (_source, violation) => {
    monitor.cspViolations.push(violation);
  });
  await context.addInitScript(() => {
    const report = (event) => {
      // eslint-disable-next-line no-undef
      window.__hulpkompasReportCsp({
        violatedDirective: event.violatedDirective,
        effectiveDirective: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        lineNumber: event.lineNumber,
        sample: event.sample,
      });
    };
    document.addEventListener('securitypolicyviolation', report, true);
  });

  const page = await context.newPage();
  attachPageMonitor(page, monitor);
  page.setDefaultTimeout(RENDER_TIMEOUT);
  context.on('page', (p) => {
    if (p !== page) attachPageMonitor(p, monitor);
  });

  if (pagePath) await goto(page, pagePath);
  return { context, page, monitor };
}

function attachPageMonitor(page, monitor) {
  page.on('console', (message) => {
    const location = message.location();
    monitor.console.push({
      type: message.type(),
      text: message.text(),
      where: location?.url ? `${location.url}:${location.lineNumber}` : '',
    });
  });
  page.on('pageerror', (error) => monitor.pageErrors.push(String(error?.stack || error)));
  page.on('websocket', (ws) => monitor.websockets.push(ws.url()));
}

/** Navigates and fails clearly when the demo server is not there. */
export async function goto(page, pagePath) {
  let response;
  try {
    response = await page.goto(url(pagePath), { waitUntil: 'load' });
  } catch (error) {
    throw new Error(`Could not load ${url(pagePath)} — is the demo server running (cargo xtask demo / cargo xtask test)? ${error.message}`);
  }
  assert.ok(response, `no response for ${pagePath}`);
  assert.ok(response.ok(), `${pagePath} answered HTTP ${response.status()}`);
  return response;
}

// ---------------------------------------------------------------------------
// Widget access. Playwright CSS locators pierce open shadow roots.

/** The nth <hulpkompas-widget> on the page. */
export function widget(page, nth = 0) {
  return page.locator('hulpkompas-widget').nth(nth);
}

/**
 * A locator for `selector` inside a widget. `scope` is a Page (first widget)
 * or a Locator for a widget host (or any element with the widget inside).
 */
export function shadow(scope, selector) {
  const host = typeof scope.goto === 'function' ? widget(scope, 0) : scope;
  return host.locator(selector);
}

export function placeInput(scope) {
  return shadow(scope, 'input[name=place]');
}

export function needInput(scope) {
  return shadow(scope, 'input[name=need]');
}

/** Waits until the widget (or a host locator) shows at least one concept. */
export async function waitForConcepts(scope, timeout = RENDER_TIMEOUT) {
  const first = shadow(scope, 'li.ww-concept').first();
  try {
    await first.waitFor({ state: 'visible', timeout });
  } catch {
    const text = await describeWidget(scope);
    assert.fail(`The widget rendered no li.ww-concept within ${timeout} ms. Widget text now:\n${text}`);
  }
}

/**
 * Opens the fold `selector` (a <details>) inside a widget as a visitor would, with a click on its
 * summary, and waits for its body: the widget builds a fold's body when it is first opened.
 */
export async function openFold(scope, selector) {
  const details = shadow(scope, selector).first();
  if (!(await details.evaluate((d) => d.open))) await details.locator(':scope > summary').click();
  await poll(() => details.evaluate((d) => d.open && d.children.length > 1), {
    message: () => `${selector} did not open on its body`,
  });
  return details;
}

/** Waits until the widget's first field is there (the widget has rendered). */
export async function waitForWidget(scope, timeout = RENDER_TIMEOUT) {
  try {
    await placeInput(scope).waitFor({ state: 'visible', timeout });
  } catch {
    const text = await describeWidget(scope);
    assert.fail(`The widget did not render input[name=place] within ${timeout} ms. Widget text now:\n${text}`);
  }
}

/** The visible text of a widget, for failure messages. */
export async function describeWidget(scope) {
  const host = typeof scope.goto === 'function' ? widget(scope, 0) : scope;
  try {
    return await host.evaluate((el) => {
      const root = el.shadowRoot ?? el;
      const text = (root.textContent || '').replace(/\s+/g, ' ').trim();
      return `${el.shadowRoot ? '(shadow root) ' : '(no shadow root) '}${text.slice(0, 1500) || '(empty)'}`;
    }, undefined, { timeout: 2000 });
  } catch (error) {
    return `(could not read the widget: ${error.message.split('\n')[0]})`;
  }
}

/** Types into a field like a user (replacing its value) and presses Enter. */
export async function enter(field, value) {
  await field.fill(value);
  await field.press('Enter');
}

export async function setPlace(scope, value) {
  await enter(placeInput(scope), value);
}

export async function setNeed(scope, value) {
  await enter(needInput(scope), value);
}

/** data-concept ids of the elements matched by `selector`, in DOM order. */
export async function conceptIds(scope, selector = 'li.ww-concept') {
  return shadow(scope, selector).evaluateAll((els) => els.map((el) => el.getAttribute('data-concept')));
}

/** Ranked ids of the need results. */
export async function rankedIds(scope) {
  return conceptIds(scope, '.ww-results li.ww-concept');
}

/**
 * Polls `fn` until it returns a truthy value; fails with `message()` (given the
 * last value) after `timeout`.
 */
export async function poll(fn, { timeout = RENDER_TIMEOUT, interval = 100, message = () => 'condition not met' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await fn();
      lastError = undefined;
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const extra = lastError ? `\n(last error: ${lastError.message.split('\n')[0]})` : '';
      assert.fail(`${message(last)} (after ${timeout} ms)${extra}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

function normalise(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until one of the elements matched by `locator` has text matching `pattern`. */
export async function expectText(locator, pattern, what, timeout = RENDER_TIMEOUT) {
  let texts = [];
  await poll(async () => {
    texts = (await locator.allTextContents()).map(normalise);
    return texts.some((t) => matches(t, pattern));
  }, {
    timeout,
    message: () => `${what}: expected text matching ${pattern}, found ${texts.length ? JSON.stringify(texts, null, 1) : 'no element'}`,
  });
  return texts.find((t) => matches(t, pattern));
}

function matches(text, pattern) {
  return pattern instanceof RegExp ? pattern.test(text) : text.includes(pattern);
}

/** Waits until the ranked results start with, or contain in the top n, an id. */
export async function expectRanked(scope, id, { top = 1, query = '' } = {}) {
  let ids = [];
  await poll(async () => {
    ids = await rankedIds(scope);
    return ids.slice(0, top).includes(id);
  }, {
    message: () => `need “${query}”: expected ${id} ${top === 1 ? 'first' : `in the top ${top}`} of .ww-results, got [${ids.join(', ') || 'no results'}]`,
  });
  return ids;
}

/** Text messages shown by the widget, with their kind. */
export async function messages(scope) {
  return shadow(scope, '.ww-messages .ww-msg').evaluateAll((els) => els.map((el) => ({
    kind: ['error', 'warning', 'info'].find((k) => el.classList.contains(`ww-msg-${k}`)) ?? 'none',
    text: el.textContent.replace(/\s+/g, ' ').trim(),
  })));
}

// ---------------------------------------------------------------------------
// Focus and geometry.

/**
 * The element that really has focus, descending into shadow roots, with the
 * styles that make focus visible.
 */
export async function deepFocus(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    let inShadow = false;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) {
      el = el.shadowRoot.activeElement;
      inShadow = true;
    }
    if (!el || el === document.body) return { tag: 'body', inShadow: false };
    const style = getComputedStyle(el);
    const classes = [...el.classList].join('.');
    const name = el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : '';
    return {
      tag: el.tagName.toLowerCase(),
      inShadow,
      label: `${el.tagName.toLowerCase()}${name}${classes ? `.${classes}` : ''}`,
      text: (el.textContent || el.value || '').replace(/\s+/g, ' ').trim().slice(0, 60),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
      inDetailsSummary: el.tagName === 'SUMMARY' && !!el.closest('details.ww-details'),
      detailsOpen: el.tagName === 'SUMMARY' ? !!el.parentElement?.open : null,
      focusVisible: el.matches(':focus-visible'),
    };
  });
}

/** True when the focused element shows an outline or a box shadow. */
export function hasVisibleFocus(f) {
  const outline = f.outlineStyle && f.outlineStyle !== 'none' && parseFloat(f.outlineWidth) > 0;
  const shadowRing = f.boxShadow && f.boxShadow !== 'none';
  return Boolean(outline || shadowRing);
}

// ---------------------------------------------------------------------------
// Privacy.

/** Cookies, Web Storage, IndexedDB, Cache Storage and service workers of a page. */
export async function storageState(page) {
  return page.evaluate(async () => {
    const state = {
      cookie: document.cookie,
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      indexedDB: [],
      caches: [],
      serviceWorkers: 0,
    };
    try {
      state.indexedDB = (await indexedDB.databases()).map((d) => d.name);
    } catch {
      state.indexedDB = ['(indexedDB.databases() failed)'];
    }
    if (self.caches) state.caches = await caches.keys();
    if (navigator.serviceWorker) state.serviceWorkers = (await navigator.serviceWorker.getRegistrations()).length;
    return state;
  });
}

// ---------------------------------------------------------------------------
// axe-core.

const AXE_SOURCE_PATH = path.join(TESTS_DIR, 'node_modules', 'axe-core', 'axe.min.js');
let axeSource;

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Injects axe-core and runs it on the whole document (open shadow roots included). */
export async function runAxe(page) {
  axeSource ??= readFileSync(AXE_SOURCE_PATH, 'utf8');
  const present = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!present) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target,
        html: n.html,
        summary: n.failureSummary,
      })),
    }));
  }, AXE_TAGS);
}

/** Human-readable axe violations. */
export function formatAxeViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.map((n) => {
      const target = JSON.stringify(n.target);
      const html = n.html.replace(/\s+/g, ' ').slice(0, 200);
      const summary = (n.summary || '').split('\n').map((l) => `        ${l}`).join('\n');
      return `    - ${target}\n      ${html}\n${summary}`;
    }).join('\n');
    return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
  }).join('\n\n');
}

export async function assertNoAxeViolations(page, where) {
  const violations = await runAxe(page);
  assert.equal(
    violations.length,
    0,
    `axe-core found ${violations.length} WCAG 2.2 AA violation(s) on ${where}:\n\n${formatAxeViolations(violations)}\n`,
  );
}

// ---------------------------------------------------------------------------
// Files.

export async function ensureDir(dir) {
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Compares two PNG screenshots pixel by pixel, decoding them in the page
 * (no image library needed). Returns { sameSize, width, height, differing, total }.
 * Pixels count as different when a channel differs by more than `tolerance`.
 */
export async function comparePngs(page, pngA, pngB, tolerance = 8) {
  return page.evaluate(async ({ a, b, tolerance: tol }) => {
    const load = async (b64) => {
      const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
      return createImageBitmap(blob);
    };
    const [imgA, imgB] = await Promise.all([load(a), load(b)]);
    if (imgA.width !== imgB.width || imgA.height !== imgB.height) {
      return { sameSize: false, a: [imgA.width, imgA.height], b: [imgB.width, imgB.height] };
    }
    const pixels = (img) => {
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const pa = pixels(imgA);
    const pb = pixels(imgB);
    let differing = 0;
    for (let i = 0; i < pa.length; i += 4) {
      if (Math.abs(pa[i] - pb[i]) > tol || Math.abs(pa[i + 1] - pb[i + 1]) > tol
        || Math.abs(pa[i + 2] - pb[i + 2]) > tol || Math.abs(pa[i + 3] - pb[i + 3]) > tol) {
        differing += 1;
      }
    }
    return { sameSize: true, width: imgA.width, height: imgA.height, differing, total: pa.length / 4 };
  }, { a: pngA.toString('base64'), b: pngB.toString('base64'), tolerance });
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes) into objects keyed by the header. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.some((f) => f.trim() !== ''));
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}
