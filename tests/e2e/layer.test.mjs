// An organisation's own layer (offers="…", HSDS 3.0: layer/README.md): a valid layer comes first,
// with who gave it, its phone and today's hours; every kind of bad layer leaves the widget working
// with its built-in data, injects nothing and requests nothing from another site.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  REPO_ROOT,
  TEST_TIMEOUT,
  goto,
  launch,
  openPage,
  poll,
  shadow,
  waitForConcepts,
} from './helpers.mjs';

// The demo's layer is the documented example: its facts are what the widget must show.
const EXAMPLE = JSON.parse(readFileSync(path.join(REPO_ROOT, 'layer', 'example.json'), 'utf8'));
const SERVICE = EXAMPLE[0];
const PHONE = SERVICE.phones[0].number;
const PROVIDER = SERVICE.organization.name;
const LAYER = /\/layer\/ons-aanbod\.json$/;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The first stop the widget shows first: its name, phone, today's hours and who gave it. */
async function firstStop(page) {
  const stop = shadow(page, 'li.ww-stop').first();
  await stop.waitFor();
  return stop.evaluate((el) => ({
    name: el.querySelector('.ww-stop-name')?.textContent ?? '',
    call: el.querySelector('a.ww-call')?.getAttribute('href') ?? '',
    today: el.querySelector('.ww-today')?.textContent ?? '',
    provider: el.querySelector('.ww-provider')?.textContent ?? '',
    report: el.querySelector('.ww-report a')?.getAttribute('href') ?? '',
    reportText: el.querySelector('.ww-report a')?.textContent ?? '',
  }));
}

describe('a layer from the host page', () => {
  test('a valid layer shows its own first stop first, with its phone, today\'s hours and who gave it', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, monitor } = await openPage(browser, { path: '/layer.html' });
    try {
      await waitForConcepts(page);
      let stop = {};
      await poll(async () => {
        stop = await firstStop(page);
        return stop.provider.includes(PROVIDER);
      }, { message: () => `the first stop does not show the layer's facts: ${JSON.stringify(stop)}` });
      assert.equal(stop.name, SERVICE.name);
      assert.equal(stop.call, `tel:${PHONE.replace(/[^\d+]/g, '')}`, 'the layer\'s phone, tap to call');
      assert.match(stop.today, /^Vandaag (\d\d:\d\d–\d\d:\d\d|gesloten) · /, 'today\'s hours and whether it is open now');
      assert.match(stop.provider, /^gegevens van /);
      // "Klopt dit niet?" mails the page's report address, with the stop's name in the subject.
      assert.equal(stop.reportText, 'Klopt dit niet?');
      const mail = new URL(stop.report);
      assert.equal(mail.protocol, 'mailto:');
      assert.equal(mail.pathname, 'fouten@example.org');
      assert.equal(mail.searchParams.get('subject'), `Hulpkompas: klopt dit niet? ${SERVICE.name}`);
      // The week is one click away.
      const week = shadow(page, 'li.ww-stop details.ww-week').first();
      await week.locator('summary').click();
      await poll(async () => /09:00–12:00/.test(await week.textContent()), { message: () => 'the week of the layer is not in its fold' });
      assert.deepEqual(monitor.externalRequests(), [], 'requests to another site');
      assert.deepEqual(monitor.pageErrors, [], 'uncaught errors');
    } finally {
      await context.close();
    }
  });

  const XSS = '<img src=x onerror="window.__hacked=1"><script>window.__hacked=2</script>';
  // Every text of the example (names, descriptions, phone, address) with markup in front; the
  // fields the profile reads as codes, areas and times stay as they are (else it is no layer).
  const CODES = new Set(['id', 'taxonomy', 'code', 'extent_type', 'extent', 'freq', 'byday', 'opens_at', 'closes_at', 'valid_from', 'valid_to', 'url', 'email', 'postal_code', 'country', 'address_type', 'location_type', 'status', 'type']);
  const withMarkup = (value, key) => {
    if (Array.isArray(value)) return value.map((v) => withMarkup(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withMarkup(v, k)]));
    return typeof value === 'string' && !CODES.has(key) ? `${XSS} ${value}` : value;
  };
  const hostile = JSON.stringify(withMarkup(EXAMPLE));
  const bad = [
    { name: 'invalid JSON', body: '[{"name": "half', warned: /not valid JSON/ },
    { name: 'wrong types', body: JSON.stringify([{ name: 42, attributes: 'x', service_areas: {} }, 7]), warned: /\[0\]|\[1\]/ },
    { name: 'a file of 2 MB', body: JSON.stringify([{ name: 'x'.repeat(2_000_000) }]), warned: /1 MB/ },
    { name: 'a missing file (404)', status: 404, body: 'not found', warned: /HTTP 404/ },
  ];
  for (const c of bad) {
    test(`${c.name}: the built-in data, a console warning, nothing broken`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, context, monitor } = await openPage(browser);
      try {
        await context.route(LAYER, (route) => route.fulfill({ status: c.status ?? 200, contentType: 'application/json', body: c.body }));
        await goto(page, '/layer.html');
        await waitForConcepts(page);
        await poll(() => monitor.console.some((m) => m.type === 'warning' && /hulpkompas/.test(m.text) && c.warned.test(m.text)), {
          message: () => `no console warning for ${c.name}:\n${monitor.describe()}`,
        });
        const stop = await firstStop(page);
        assert.equal(stop.provider, '', `${c.name}: a layer's first stop is shown`);
        assert.ok(stop.name, 'the built-in first stop is there');
        assert.deepEqual(monitor.pageErrors, [], 'uncaught errors');
        assert.deepEqual(monitor.externalRequests(), [], 'requests to another site');
      } finally {
        await context.close();
      }
    });
  }

  test('a layer on another site is never requested', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, monitor } = await openPage(browser, { path: '/plain.html' });
    try {
      await waitForConcepts(page);
      await page.evaluate(() => {
        const w = document.createElement('hulpkompas-widget');
        w.setAttribute('postcode', '8850');
        w.setAttribute('offers', 'https://example.org/ons-aanbod.json');
        w.className = 'added';
        document.querySelector('main').append(w);
      });
      await waitForConcepts(page.locator('hulpkompas-widget.added'));
      await poll(() => monitor.console.some((m) => m.type === 'warning' && /offers="https:\/\/example\.org/.test(m.text)), {
        message: () => `no console warning for the other site's layer:\n${monitor.describe()}`,
      });
      assert.deepEqual(monitor.externalRequests(), [], 'requests to another site');
    } finally {
      await context.close();
    }
  });

  test('XSS strings in every field are shown as text and run nothing', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, monitor } = await openPage(browser);
    try {
      await context.route(LAYER, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: hostile }));
      await goto(page, '/layer.html');
      await waitForConcepts(page);
      let stop = {};
      await poll(async () => {
        stop = await firstStop(page);
        return stop.provider.includes('<img');
      }, { message: () => `the hostile layer was not shown as text: ${JSON.stringify(stop)}` });
      assert.ok(stop.name.includes('<script>'), 'the name is shown as the text it is');
      const injected = await shadow(page, 'img, script, [onerror]').count();
      assert.equal(injected, 0, 'elements from the layer\'s strings');
      assert.equal(await page.evaluate(() => window.__hacked), undefined, 'a layer string ran');
      assert.deepEqual(monitor.externalRequests(), [], 'requests to another site');
    } finally {
      await context.close();
    }
  });
});
