// Privacy and hygiene on every demo page: no request leaves the demo server,
// nothing is stored (cookies, Web Storage, IndexedDB, Cache Storage, service
// workers), and no errors in the console.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_ORIGIN,
  DEMO_PAGES,
  TEST_TIMEOUT,
  launch,
  openPage,
  poll,
  setNeed,
  setPlace,
  shadow,
  storageState,
  waitForConcepts,
  waitForWidget,
  widget,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Uses every widget on the page a little: place, need, details, language. */
async function exercise(page, demo) {
  if (!demo.preset) {
    await waitForWidget(page);
    await setPlace(page, '8500');
  }
  for (let i = 0; i < demo.widgets; i += 1) {
    const host = widget(page, i);
    await waitForConcepts(host);
    await setNeed(host, 'zwanger');
    await poll(async () => (await shadow(host, '.ww-results li.ww-concept').count()) > 0, {
      message: () => `${demo.path}: widget ${i + 1} shows no results for “zwanger”`,
    });
    await shadow(host, 'details.ww-details summary').first().click();
    await shadow(host, '.ww-langs button[data-lang=en]').click();
  }
  // Let any deferred work (analytics, lazy loads, storage writes) happen.
  await page.waitForTimeout(500);
}

describe('privacy and hygiene on every demo page', () => {
  for (const demo of DEMO_PAGES) {
    test(demo.path, { timeout: TEST_TIMEOUT }, async () => {
      const { page, context, monitor } = await openPage(browser, { path: demo.path });
      try {
        await exercise(page, demo);

        const external = monitor.externalRequests();
        assert.deepEqual(
          external.map((r) => `${r.method} ${r.url}`),
          [],
          `${demo.path}: requests left ${BASE_ORIGIN}`,
        );
        assert.deepEqual(monitor.websockets, [], `${demo.path}: opened WebSockets`);

        const cookies = await context.cookies();
        assert.deepEqual(cookies.map((c) => `${c.name}@${c.domain}`), [], `${demo.path}: cookies were set`);

        const state = await storageState(page);
        assert.deepEqual(state, {
          cookie: '',
          localStorage: 0,
          sessionStorage: 0,
          indexedDB: [],
          caches: [],
          serviceWorkers: 0,
        }, `${demo.path}: the page stored something`);

        assert.deepEqual(monitor.pageErrors, [], `${demo.path}: uncaught errors`);
        assert.deepEqual(
          monitor.consoleErrors().map((m) => `${m.text} ${m.where}`),
          [],
          `${demo.path}: console errors`,
        );
        assert.deepEqual(
          monitor.failedResponses.map((r) => `${r.status} ${r.url}`),
          [],
          `${demo.path}: failed responses (4xx/5xx)`,
        );
      } finally {
        await context.close();
      }
    });
  }
});
