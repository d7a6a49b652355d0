#!/usr/bin/env node
// Browser benchmark for the Hulpkompas widget (run by `cargo xtask bench-browser`,
// which starts the demo server first). Not a test.
//
// (a) The host page with <hulpkompas-widget postcode="8500"> against the same
//     page without it (tests/e2e/bench/*.html), interleaved, each load in a
//     fresh browser context (cold HTTP cache), at 1× and 4× CPU throttling:
//     time to the answer in the DOM and painted, the ratio to the page without
//     the widget, when the wasm is requested, the first render's wasm time (the
//     loader's performance measure hulpkompas:mount), and keystroke → painted
//     frame.
// (b) Query latency for the golden need queries (tests/golden/search.csv):
//     the wasm core via searchTimed(query) exported by /widget/hulpkompas.js,
//     versus MiniSearch indexing the same corpus (/bench/corpus.json). Both run
//     in the same Chromium page, so they share the JS engine and the timer;
//     MiniSearch is also timed in Node (nanosecond timer) for reference.
//     For each engine: median over REPS per query, then the median of those.
//
// Output: a JSON report on stdout and in target/bench-browser.json.
//
// Environment: HULPKOMPAS_BASE_URL (default http://127.0.0.1:8080),
// HULPKOMPAS_BENCH_REPS (default 20), HULPKOMPAS_BENCH_PAGE (default /plain.html).

import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import {
  BASE_URL,
  REPO_ROOT,
  TARGET_DIR,
  TESTS_DIR,
  ensureDir,
  launch,
  parseCsv,
  url,
} from './helpers.mjs';

const REPS = Number(process.env.HULPKOMPAS_BENCH_REPS || 20);
const FIRST_RESULT_PAGE = process.env.HULPKOMPAS_BENCH_PAGE || '/plain.html';
const FIRST_RESULT_TIMEOUT = 30_000;
const GOLDEN = path.join(REPO_ROOT, 'tests', 'golden', 'search.csv');
const REPORT = path.join(TARGET_DIR, 'bench-browser.json');
const MINISEARCH_UMD = path.join(TESTS_DIR, 'node_modules', 'minisearch', 'dist', 'umd', 'index.js');

const MINISEARCH_OPTIONS = {
  fields: ['name', 'aliases', 'summary', 'terms'],
  storeFields: ['id'],
  searchOptions: { fuzzy: 0.2, prefix: true },
};

// ---------------------------------------------------------------------------
// Statistics.

function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function quantile(values, q) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v[Math.min(v.length - 1, Math.floor(q * v.length))];
}

function summary(samples) {
  return {
    medianMs: round(median(samples)),
    p90Ms: round(quantile(samples, 0.9)),
    minMs: round(Math.min(...samples)),
    maxMs: round(Math.max(...samples)),
    samplesMs: samples.map(round),
  };
}

function round(x, digits = 4) {
  return x == null || !Number.isFinite(x) ? x : Number(x.toFixed(digits));
}

function ratio(a, b) {
  return a != null && b ? round(a / b, 3) : null;
}

// ---------------------------------------------------------------------------
// (a) The page with the widget against the same page without it, interleaved, at 1× and 4× CPU.

const WITH_WIDGET = '/bench/with-widget.html';
const WITHOUT_WIDGET = '/bench/without-widget.html';
const CPU_RATES = [1, 4];

/**
 * Runs in the page before any script. With the widget: stamps when the answer (the first
 * .ww-concept) is in the shadow DOM, and the frame after it. Without: the frame after `load`
 * (the page's own content, styled, is there).
 */
function observeReady() {
  window.__wwReady = null;
  window.__wwFrame = null;
  const done = () => {
    window.__wwReady = performance.now();
    requestAnimationFrame(() => {
      window.__wwFrame = performance.now();
    });
  };
  if (location.pathname.endsWith('without-widget.html')) {
    addEventListener('load', done, { once: true });
    return;
  }
  const check = () => {
    if (window.__wwReady !== null) return true;
    for (const host of document.querySelectorAll('hulpkompas-widget')) {
      if (host.shadowRoot && host.shadowRoot.querySelector('.ww-concept')) {
        done();
        return true;
      }
    }
    return false;
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function patchedAttachShadow(init) {
    const root = attachShadow.call(this, init);
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
}

async function throttled(context, page, rate) {
  if (rate === 1) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** One cold load (fresh context: empty HTTP cache) of `path` at `rate`× CPU. */
async function timeLoad(browser, path, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(observeReady);
  try {
    const page = await context.newPage();
    await throttled(context, page, rate);
    await page.goto(url(path), { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__wwFrame !== null, undefined, { timeout: FIRST_RESULT_TIMEOUT, polling: 20 });
    return await page.evaluate(() => {
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      const mount = performance.getEntriesByName('hulpkompas:mount')[0];
      return {
        ready: window.__wwReady,
        frame: window.__wwFrame,
        wasmRequested: wasm ? wasm.requestStart || wasm.startTime : null,
        firstRender: mount ? mount.duration : null,
      };
    });
  } finally {
    await context.close();
  }
}

/**
 * Keystroke → painted frame: the place field holds the first three digits of a postcode, the
 * visitor types the fourth, the widget answers for the whole postcode. Measured from the key's
 * event time to just after the next frame (a message posted from requestAnimationFrame).
 */
async function timeKeystrokes(browser, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(observeReady);
  const samples = [];
  try {
    const page = await context.newPage();
    await page.goto(url(WITH_WIDGET), { waitUntil: 'load' });
    await page.waitForFunction(() => window.__wwFrame !== null, undefined, { timeout: FIRST_RESULT_TIMEOUT });
    await throttled(context, page, rate);
    for (let i = 0; i < REPS; i += 1) {
      const postcode = i % 2 ? '8500' : '9000';
      await page.evaluate((head) => {
        const input = document.querySelector('hulpkompas-widget').shadowRoot.querySelector('input[name="place"]');
        input.focus();
        input.value = head;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        window.__wwKey = new Promise((resolve) => {
          input.addEventListener('keydown', (event) => {
            const pressed = event.timeStamp;
            input.addEventListener('input', () => {
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now() - pressed);
                channel.port2.postMessage(0);
              });
            }, { once: true });
          }, { once: true });
        });
      }, postcode.slice(0, 3));
      await page.waitForTimeout(100);
      await page.keyboard.press(postcode[3]);
      const ms = await page.evaluate(() => window.__wwKey);
      const place = await page.evaluate(() => document.querySelector('hulpkompas-widget').shadowRoot.querySelector('.ww-place')?.textContent ?? '');
      if (!place.includes(postcode)) throw new Error(`after typing ${postcode} the widget shows "${place}"`);
      samples.push(ms);
    }
  } finally {
    await context.close();
  }
  return samples;
}

async function benchPages(browser) {
  const out = {};
  for (const rate of CPU_RATES) {
    const withWidget = [];
    const without = [];
    for (let i = 0; i < REPS; i += 1) {
      // Interleaved, the order alternating: drift of the machine hits both pages alike.
      const order = i % 2 ? [[WITH_WIDGET, withWidget], [WITHOUT_WIDGET, without]] : [[WITHOUT_WIDGET, without], [WITH_WIDGET, withWidget]];
      for (const [path, into] of order) into.push(await timeLoad(browser, path, rate));
    }
    const keys = await timeKeystrokes(browser, rate);
    const answer = median(withWidget.map((s) => s.frame));
    const baseline = median(without.map((s) => s.frame));
    out[`${rate}x`] = {
      cpuThrottling: rate,
      withWidget: {
        answerInDom: summary(withWidget.map((s) => s.ready)),
        answerPaintedMedianMs: round(answer),
        wasmRequestedMedianMs: round(median(withWidget.map((s) => s.wasmRequested))),
        firstRenderWasmMedianMs: round(median(withWidget.map((s) => s.firstRender))),
      },
      withoutWidget: { pageReadyPaintedMedianMs: round(baseline), ...summary(without.map((s) => s.frame)) },
      ratio: ratio(answer, baseline),
      keystrokeToFrame: summary(keys),
    };
  }
  return {
    pages: { withWidget: WITH_WIDGET, withoutWidget: WITHOUT_WIDGET },
    definitions: {
      answerInDom: 'ms from navigation start until the first .ww-concept is in the shadow DOM (fresh context per load: empty HTTP cache)',
      answerPaintedMedianMs: 'the frame after that',
      pageReadyPaintedMedianMs: 'without the widget: the frame after the load event',
      ratio: 'answerPaintedMedianMs / pageReadyPaintedMedianMs',
      firstRenderWasmMedianMs: 'the performance measure hulpkompas:mount: the wasm mount() call of the first widget, its first render included',
      wasmRequestedMedianMs: 'requestStart of the .wasm (after the loader module: the waterfall)',
      keystrokeToFrame: 'typing the fourth digit of a postcode: from the key event to just after the next frame',
    },
    budgets: { firstRenderWasmMs: 10, ratio1x: 1.6, ratio4x: 1.8, keystroke1xMs: 16, keystroke4xMs: 33 },
    ...out,
  };
}

// ---------------------------------------------------------------------------
// (b) Query latency.

function loadQueries() {
  const rows = parseCsv(readFileSync(GOLDEN, 'utf8'));
  const seen = new Set();
  const queries = [];
  for (const row of rows) {
    if (!row.query || seen.has(row.query)) continue;
    seen.add(row.query);
    queries.push({ query: row.query, expect: row.expect ? row.expect.split(';').map((s) => s.trim()).filter(Boolean) : [] });
  }
  return queries;
}

/** Concept documents for MiniSearch: names, aliases, summaries, and the terms of the needs pointing at them. */
function buildDocuments(corpus) {
  const flat = (v) => {
    if (v == null) return [];
    if (typeof v === 'string') return [v];
    if (Array.isArray(v)) return v.flatMap(flat);
    if (typeof v === 'object') return Object.values(v).flatMap(flat);
    return [String(v)];
  };
  const docs = new Map();
  for (const c of corpus.concepts ?? []) {
    docs.set(c.id, { id: c.id, name: flat(c.name).join(' '), aliases: flat(c.aliases).join(' '), summary: flat(c.summary).join(' '), terms: [] });
  }
  for (const need of corpus.needs ?? []) {
    for (const link of need.concepts ?? []) {
      const id = typeof link === 'string' ? link : link.id;
      docs.get(id)?.terms.push(...flat(need.label), ...flat(need.terms));
    }
  }
  return [...docs.values()].map((d) => ({ ...d, terms: d.terms.join(' ') }));
}

/** Lower case, accents removed: what a Flemish/French query needs to match. */
function foldTerm(term) {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function quality(queries, idsPerQuery) {
  let hit1 = 0;
  let hit3 = 0;
  let judged = 0;
  queries.forEach(({ expect }, i) => {
    if (expect.length === 0) return;
    judged += 1;
    const ids = idsPerQuery[i] ?? [];
    if (expect.includes(ids[0])) hit1 += 1;
    if (ids.slice(0, 3).some((id) => expect.includes(id))) hit3 += 1;
  });
  return { judged, hitAt1: round(hit1 / judged, 3), hitAt3: round(hit3 / judged, 3) };
}

/** Per query: median of the per-call times, and the batch time / reps; then medians over queries. */
function latency(perQueryCalls, perQueryBatch) {
  const perQueryMedian = perQueryCalls.map(median);
  return {
    perCallMedianMs: round(median(perQueryMedian), 5),
    batchMedianMs: round(median(perQueryBatch), 5),
    p90OverQueriesMs: round(quantile(perQueryMedian, 0.9), 5),
    perQueryMedianMs: perQueryMedian.map((x) => round(x, 5)),
  };
}

async function benchQueries(browser, queries, docs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  try {
    await page.goto(url(FIRST_RESULT_PAGE), { waitUntil: 'load' });
    await page.addScriptTag({ content: readFileSync(MINISEARCH_UMD, 'utf8') });

    const result = await page.evaluate(async ({ queries: qs, reps, options, docs }) => {
      /* global MiniSearch */
      // Timer resolution of performance.now() in this page.
      let resolution = Infinity;
      for (let i = 0, last = performance.now(); i < 20000 && resolution > 0.001; i += 1) {
        const now = performance.now();
        if (now > last) resolution = Math.min(resolution, now - last);
        last = now;
      }

      // --- wasm core
      const mod = await import('/widget/hulpkompas.js');
      if (typeof mod.searchTimed !== 'function') {
        throw new Error(`/widget/hulpkompas.js does not export searchTimed(query); exports: ${Object.keys(mod).join(', ')}`);
      }
      const probe = mod.searchTimed(qs[0]);
      const isAsync = Boolean(probe && typeof probe.then === 'function');
      await probe;
      const call = (q) => mod.searchTimed(q); // awaited below: works for sync and async

      const wasmIds = [];
      for (const q of qs) { // warm-up, and the ranking for the quality score
        const r = await call(q);
        wasmIds.push(Array.from(r.ids ?? [], String));
      }
      const wasmCalls = qs.map(() => []);
      for (let rep = 0; rep < reps; rep += 1) {
        for (let i = 0; i < qs.length; i += 1) {
          const r = await call(qs[i]);
          wasmCalls[i].push(Number(r.ms));
        }
      }
      // Batch: back-to-back calls until BATCH_MS have passed (at least `reps`
      // calls), so the mean is not limited by the timer's resolution.
      const BATCH_MS = 5;
      const wasmBatch = [];
      for (const q of qs) {
        let n = 0;
        const t0 = performance.now();
        let elapsed = 0;
        do {
          if (isAsync) await mod.searchTimed(q); else mod.searchTimed(q);
          n += 1;
          elapsed = performance.now() - t0;
        } while (n < reps || (elapsed < BATCH_MS && n < 100000));
        wasmBatch.push(elapsed / n);
      }

      // --- MiniSearch on the same corpus (documents built in Node from /bench/corpus.json)
      const fold = (term) => term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      const t0 = performance.now();
      const index = new MiniSearch({ ...options, processTerm: fold });
      index.addAll(docs);
      const indexMs = performance.now() - t0;

      const msIds = qs.map((q) => index.search(q).map((r) => r.id));
      const msCalls = qs.map(() => []);
      for (let rep = 0; rep < reps; rep += 1) {
        for (let i = 0; i < qs.length; i += 1) {
          const start = performance.now();
          index.search(qs[i]);
          msCalls[i].push(performance.now() - start);
        }
      }
      const msBatch = [];
      for (const q of qs) {
        let n = 0;
        const start = performance.now();
        let elapsed = 0;
        do {
          index.search(q);
          n += 1;
          elapsed = performance.now() - start;
        } while (n < reps || (elapsed < BATCH_MS && n < 100000));
        msBatch.push(elapsed / n);
      }

      return {
        resolution,
        isAsync,
        wasm: { calls: wasmCalls, batch: wasmBatch, ids: wasmIds },
        minisearch: { calls: msCalls, batch: msBatch, ids: msIds, indexMs, documents: docs.length },
      };
    }, {
      queries: queries.map((q) => q.query),
      reps: REPS,
      options: MINISEARCH_OPTIONS,
      docs,
    });
    if (pageErrors.length) console.error(`page errors during the query benchmark:\n${pageErrors.join('\n')}`);
    return result;
  } finally {
    await context.close();
  }
}

async function loadCorpus() {
  const response = await fetch(url('/bench/corpus.json'));
  if (!response.ok) throw new Error(`${url('/bench/corpus.json')}: HTTP ${response.status} (the build should export it with \`hulpkompas export --json\`)`);
  const corpus = await response.json();
  if (!Array.isArray(corpus.concepts) || corpus.concepts.length === 0) throw new Error('/bench/corpus.json has no concepts');
  return corpus;
}

/** MiniSearch in Node with process.hrtime (ns), for reference. */
function benchMiniSearchNode(queries, docs) {
  const t0 = process.hrtime.bigint();
  const index = new MiniSearch({ ...MINISEARCH_OPTIONS, processTerm: foldTerm });
  index.addAll(docs);
  const indexMs = Number(process.hrtime.bigint() - t0) / 1e6;
  for (const { query } of queries) index.search(query); // warm-up
  const calls = queries.map(() => []);
  for (let rep = 0; rep < REPS; rep += 1) {
    queries.forEach(({ query }, i) => {
      const start = process.hrtime.bigint();
      index.search(query);
      calls[i].push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  const batch = queries.map(({ query }) => {
    const start = process.hrtime.bigint();
    for (let rep = 0; rep < REPS; rep += 1) index.search(query);
    return Number(process.hrtime.bigint() - start) / 1e6 / REPS;
  }); // hrtime is precise: no need to batch for longer than REPS calls
  return { indexMs, ...latency(calls, batch), ids: queries.map(({ query }) => index.search(query).map((r) => r.id)) };
}

// ---------------------------------------------------------------------------

async function main() {
  const queries = loadQueries();
  const browser = await launch();
  let report;
  try {
    const corpus = await loadCorpus();
    const docs = buildDocuments(corpus);
    const pages = await benchPages(browser);
    const q = await benchQueries(browser, queries, docs);
    const node = benchMiniSearchNode(queries, docs);

    const wasm = latency(q.wasm.calls, q.wasm.batch);
    const mini = latency(q.minisearch.calls, q.minisearch.batch);
    const slowest = queries
      .map((x, i) => ({ query: x.query, wasmMs: wasm.perQueryMedianMs[i], minisearchMs: mini.perQueryMedianMs[i] }))
      .sort((a, b) => (b.wasmMs ?? 0) - (a.wasmMs ?? 0))
      .slice(0, 5);

    report = {
      generatedAt: new Date().toISOString(),
      baseUrl: BASE_URL,
      chromium: browser.version(),
      reps: REPS,
      pages,
      query: {
        source: 'tests/golden/search.csv (column query, duplicates removed)',
        queries: queries.length,
        timerResolutionMs: round(q.resolution, 4),
        note: 'perCall = median over reps of each call’s own time, then median over queries (quantised by timerResolutionMs); batch = mean time of back-to-back calls for ≥ 5 ms (≥ reps calls) per query, then median over queries: use ratioBatch when perCall medians are near the timer resolution',
        wasm: {
          how: 'searchTimed(query) from /widget/hulpkompas.js in Chromium; perCall uses the ms it returns',
          async: q.isAsync,
          perCallMedianMs: wasm.perCallMedianMs,
          batchMedianMs: wasm.batchMedianMs,
          p90OverQueriesMs: wasm.p90OverQueriesMs,
          ...quality(queries, q.wasm.ids),
        },
        minisearch: {
          how: 'MiniSearch 7 (UMD) in the same Chromium page, performance.now() around index.search(query)',
          options: { ...MINISEARCH_OPTIONS.searchOptions, fields: MINISEARCH_OPTIONS.fields, processTerm: 'lower case, accents removed' },
          documents: q.minisearch.documents,
          indexMs: round(q.minisearch.indexMs),
          perCallMedianMs: mini.perCallMedianMs,
          batchMedianMs: mini.batchMedianMs,
          p90OverQueriesMs: mini.p90OverQueriesMs,
          ...quality(queries, q.minisearch.ids),
        },
        minisearchNode: {
          how: `MiniSearch in Node ${process.version}, process.hrtime.bigint()`,
          indexMs: round(node.indexMs),
          perCallMedianMs: node.perCallMedianMs,
          batchMedianMs: node.batchMedianMs,
          ...quality(queries, node.ids),
        },
        ratio: ratio(wasm.perCallMedianMs, mini.perCallMedianMs),
        ratioBatch: ratio(wasm.batchMedianMs, mini.batchMedianMs),
        ratioMeaning: 'wasm median / MiniSearch median (in the page); below 1 means the wasm core is faster',
        corpus: { concepts: corpus.concepts.length, needs: corpus.needs?.length ?? 0, documents: docs.length },
        slowestWasmQueries: slowest,
      },
    };
  } finally {
    await browser.close();
  }

  await ensureDir(TARGET_DIR);
  await writeFile(REPORT, `${JSON.stringify(report, null, 2)}\n`);
  // Samples stay in the file; stdout gets the headline numbers.
  const headline = structuredClone(report);
  for (const rate of CPU_RATES) {
    const r = headline.pages[`${rate}x`];
    delete r.withWidget.answerInDom.samplesMs;
    delete r.withoutWidget.samplesMs;
    delete r.keystrokeToFrame.samplesMs;
  }
  delete headline.query.slowestWasmQueries;
  console.log(JSON.stringify(headline, null, 2));
  console.error(`report written to ${REPORT}`);
}

main().catch((error) => {
  console.error(`bench-browser failed: ${error.stack || error}`);
  process.exit(1);
});
