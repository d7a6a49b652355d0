// Embedding: the strict-CSP page, three independent instances, hostile host
// CSS, live attributes, the JS API (mount/update/destroy) and the embed
// builder.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  BASE_URL,
  SCREENSHOT_DIR,
  TEST_TIMEOUT,
  comparePngs,
  conceptIds,
  ensureDir,
  expectRanked,
  expectText,
  goto,
  launch,
  openFold,
  openPage,
  poll,
  setNeed,
  setPlace,
  shadow,
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

describe('strict Content Security Policy', () => {
  test('/csp/ is served with the strict header and the widget works without any violation', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, monitor } = await openPage(browser);
    try {
      const response = await goto(page, '/csp/index.html');
      const csp = (await response.allHeaders())['content-security-policy'] ?? '';
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, `/csp/index.html must be served with the strict CSP header (got “${csp}”); otherwise this test proves nothing`);
      assert.match(csp, /style-src 'self'/, `/csp/index.html: CSP header lacks style-src 'self' (got “${csp}”)`);

      await waitForConcepts(page);
      await expectText(shadow(page, '.ww-place'), /8500\s+Kortrijk/, '.ww-place on the CSP page');

      // Exercise more of the widget: a need, a language switch, details.
      await setNeed(page, 'schulden');
      await expectRanked(page, 'sociaal-huis', { query: 'schulden' });
      await shadow(page, 'details.ww-details summary').first().click();
      await shadow(page, '[role=group].ww-langs button[data-lang=fr]').click();
      await poll(async () => (await shadow(page, 'button[data-lang=fr]').getAttribute('aria-pressed')) === 'true', {
        message: () => 'the FR button did not switch the language on the CSP page',
      });

      // The widget's styles must have loaded (a blocked <style> or style="" would not apply).
      const rules = await widget(page).evaluate((host) => {
        const root = host.shadowRoot;
        const sheets = [...root.styleSheets, ...(root.adoptedStyleSheets ?? [])];
        let count = 0;
        for (const sheet of sheets) {
          try {
            count += sheet.cssRules.length;
          } catch {
            count += 1; // cross-origin sheet: loaded, rules not readable
          }
        }
        return count;
      });
      assert.ok(rules > 0, 'no CSS rules reached the widget’s shadow root under the strict CSP');

      // Give late violations (e.g. from a re-render) a moment to be reported.
      await page.waitForTimeout(300);
      const violations = monitor.allCspViolations();
      assert.deepEqual(violations, [], `CSP violations on /csp/index.html:\n${JSON.stringify(violations, null, 2)}`);
      assert.deepEqual(monitor.pageErrors, [], 'uncaught errors on /csp/index.html');
      assert.deepEqual(monitor.consoleErrors(), [], 'console errors on /csp/index.html');
    } finally {
      await context.close();
    }
  });
});

/** A snapshot of what a widget shows, to detect changes. */
async function snapshot(host) {
  return host.evaluate((el) => {
    const root = el.shadowRoot;
    const text = (s) => [...root.querySelectorAll(s)].map((n) => n.textContent.replace(/\s+/g, ' ').trim()).join(' | ');
    return {
      place: root.querySelector('input[name=place]')?.value ?? null,
      need: root.querySelector('input[name=need]')?.value ?? null,
      placeFound: text('.ww-place'),
      status: text('.ww-status'),
      lang: [...root.querySelectorAll('.ww-langs button[aria-pressed=true]')].map((b) => b.dataset.lang).join(','),
      concepts: [...root.querySelectorAll('li.ww-concept')].map((li) => li.getAttribute('data-concept')).join(','),
      open: [...root.querySelectorAll('details[open]')].length,
    };
  });
}

describe('three instances on one page', () => {
  test('each keeps its own postcode, language, need and concepts', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/multi.html' });
    try {
      const [kortrijk, gent, hasselt] = [0, 1, 2].map((i) => widget(page, i));
      for (const host of [kortrijk, gent, hasselt]) await waitForConcepts(host);

      // Initial state from the attributes.
      await expectText(shadow(kortrijk, '.ww-place'), /8500\s+Kortrijk/, 'instance 1 place');
      await expectText(shadow(gent, '.ww-place'), /9000\s+Gent|9000\s+Gand/, 'instance 2 place');
      await expectText(shadow(hasselt, '.ww-place'), /3500\s+Hasselt/, 'instance 3 place');
      await expectRanked(gent, 'sociaal-huis', { query: 'dettes (need attribute, fr)' });
      const hasseltIds = await conceptIds(hasselt);
      const outside = hasseltIds.filter((id) => !['overkop', 'huizen-van-het-kind'].includes(id));
      assert.deepEqual(outside, [], `instance 3 has concepts="overkop,huizen-van-het-kind" but shows [${hasseltIds.join(', ')}]`);
      assert.ok(hasseltIds.length > 0, 'instance 3 shows no concepts');

      // Typing in instance 1 changes only instance 1.
      let before2 = await snapshot(gent);
      let before3 = await snapshot(hasselt);
      await setPlace(kortrijk, '2000');
      await expectText(shadow(kortrijk, '.ww-place'), /2000\s+Antwerpen/, 'instance 1 after typing 2000');
      await setNeed(kortrijk, 'zwanger');
      await expectRanked(kortrijk, 'huizen-van-het-kind', { top: 3, query: 'zwanger' });
      await page.waitForTimeout(200);
      assert.deepEqual(await snapshot(gent), before2, 'typing in instance 1 changed instance 2');
      assert.deepEqual(await snapshot(hasselt), before3, 'typing in instance 1 changed instance 3');

      // Switching language in instance 2 changes only instance 2.
      const before1 = await snapshot(kortrijk);
      before3 = await snapshot(hasselt);
      await shadow(gent, '.ww-langs button[data-lang=nl]').click();
      await poll(async () => (await shadow(gent, 'button[data-lang=nl]').getAttribute('aria-pressed')) === 'true', {
        message: () => 'instance 2 did not switch to nl',
      });
      await page.waitForTimeout(200);
      assert.deepEqual(await snapshot(kortrijk), before1, 'switching language in instance 2 changed instance 1');
      assert.deepEqual(await snapshot(hasselt), before3, 'switching language in instance 2 changed instance 3');

      // Opening details in instance 3 changes only instance 3.
      before2 = await snapshot(gent);
      await shadow(hasselt, 'details.ww-details summary').first().click();
      await page.waitForTimeout(200);
      assert.deepEqual(await snapshot(kortrijk), before1, 'opening details in instance 3 changed instance 1');
      assert.deepEqual(await snapshot(gent), before2, 'opening details in instance 3 changed instance 2');
    } finally {
      await context.close();
    }
  });
});

describe('observed attributes', () => {
  test('postcode, need, lang and concepts update the widget live', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/plain.html' });
    try {
      const host = widget(page);
      await waitForConcepts(host);
      await host.evaluate((el) => el.setAttribute('postcode', '9000'));
      await expectText(shadow(host, '.ww-place'), /9000\s+Gent/, 'after postcode="9000"');
      await host.evaluate((el) => el.setAttribute('need', 'schulden'));
      await expectRanked(host, 'sociaal-huis', { query: 'schulden (need attribute)' });
      await host.evaluate((el) => el.setAttribute('lang', 'fr'));
      await poll(async () => (await shadow(host, 'button[data-lang=fr]').getAttribute('aria-pressed')) === 'true', {
        message: () => 'lang="fr" did not press the FR button',
      });
      await host.evaluate((el) => {
        el.removeAttribute('need');
        el.setAttribute('concepts', 'overkop,huizen-van-het-kind');
      });
      let ids = [];
      await poll(async () => {
        ids = await conceptIds(host);
        return ids.length > 0 && ids.every((id) => ['overkop', 'huizen-van-het-kind'].includes(id));
      }, { message: () => `concepts="overkop,huizen-van-het-kind" still shows [${ids.join(', ')}]` });
    } finally {
      await context.close();
    }
  });
});

describe('JS API', () => {
  test('mount(), update() and destroy() from /widget/hulpkompas.js', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, monitor } = await openPage(browser, { path: '/plain.html' });
    try {
      await waitForConcepts(page);
      await page.evaluate(async () => {
        const { mount } = await import('/widget/hulpkompas.js');
        const target = document.createElement('div');
        target.id = 'api-target';
        document.querySelector('main').append(target);
        window.__hulpkompasHandle = mount(target, { postcode: '9000', lang: 'nl' });
      });
      const mounted = page.locator('#api-target');
      await expectText(mounted.locator('.ww-place'), /9000\s+Gent/, 'mount(…, { postcode: "9000" })');

      await page.evaluate(() => window.__hulpkompasHandle.update({ postcode: '3500', lang: 'en' }));
      await expectText(mounted.locator('.ww-place'), /3500\s+Hasselt/, 'update({ postcode: "3500" })');
      await poll(async () => (await mounted.locator('button[data-lang=en]').getAttribute('aria-pressed')) === 'true', {
        message: () => 'update({ lang: "en" }) did not switch the language',
      });

      await page.evaluate(() => window.__hulpkompasHandle.update({ need: 'pregnant' }));
      await expectRanked(mounted, 'huizen-van-het-kind', { top: 3, query: 'pregnant (update)' });

      await page.evaluate(() => window.__hulpkompasHandle.update({ need: '', concepts: 'overkop' }));
      let ids = [];
      await poll(async () => {
        ids = await conceptIds(mounted);
        return ids.length > 0 && ids.every((id) => id === 'overkop');
      }, { message: () => `update({ concepts: "overkop" }) still shows [${ids.join(', ')}]` });

      // The custom element on the page is not affected.
      await expectText(shadow(page, '.ww-place'), /8500\s+Kortrijk/, 'the page’s own widget after mount/update');

      await page.evaluate(() => window.__hulpkompasHandle.destroy());
      const left = await page.evaluate(() => {
        const el = document.getElementById('api-target');
        return { light: el.childElementCount, shadow: el.shadowRoot ? el.shadowRoot.childElementCount : 0 };
      });
      assert.deepEqual(left, { light: 0, shadow: 0 }, 'destroy() should empty the mount element');
      await expectText(shadow(page, '.ww-place'), /8500\s+Kortrijk/, 'the page’s own widget after destroy()');
      assert.deepEqual(monitor.pageErrors, [], 'uncaught errors while using the JS API');
    } finally {
      await context.close();
    }
  });
});

// Computed styles that must be identical on hostile.html and plain.html.
const COMPARED = [
  { selector: ':host', props: ['display', 'position', 'width', 'height', 'box-sizing'] },
  { selector: 'input[name=place]' },
  { selector: 'input[name=need]' },
  { selector: 'button.ww-chip' },
  { selector: '.ww-langs button[data-lang=nl]' },
  { selector: 'button.ww-print' },
  { selector: '.ww-status' },
  { selector: '.ww-place' },
  { selector: '.ww-group' },
  { selector: 'li.ww-concept' },
  { selector: 'li.ww-concept h3' },
  { selector: '.ww-summary' },
  { selector: '.ww-offer' },
  { selector: 'details.ww-details' },
  { selector: 'details.ww-details summary' },
];
const PROPS = [
  'display', 'position', 'box-sizing', 'width', 'height',
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height',
  'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-indent', 'white-space',
  'text-decoration-line', 'color', 'background-color', 'color-scheme', 'cursor', 'visibility',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-top-color', 'border-top-left-radius',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'list-style-type', 'list-style-position', 'flex-direction', 'min-width', 'box-shadow',
];

async function computedStyles(page) {
  return widget(page).evaluate((host, { compared, props }) => {
    const out = {};
    for (const { selector, props: only } of compared) {
      const el = selector === ':host' ? host : host.shadowRoot.querySelector(selector);
      if (!el) {
        out[selector] = null;
        continue;
      }
      const style = getComputedStyle(el);
      out[selector] = Object.fromEntries((only ?? props).map((p) => [p, style.getPropertyValue(p)]));
    }
    return out;
  }, { compared: COMPARED, props: PROPS });
}

describe('hostile host CSS', () => {
  test('the widget looks the same on hostile.html as on plain.html', { timeout: TEST_TIMEOUT }, async () => {
    const viewport = { width: 1280, height: 900 };
    const hostile = await openPage(browser, { path: '/hostile.html', viewport });
    const plain = await openPage(browser, { path: '/plain.html', viewport });
    try {
      for (const { page } of [hostile, plain]) {
        await waitForConcepts(page);
        // An offer is inside a line that opens (folds are built when opened).
        await openFold(page, 'li.ww-concept[data-concept=overkop] details.ww-concept-fold');
        await page.evaluate(() => document.fonts.ready);
      }

      const [a, b] = await Promise.all([computedStyles(hostile.page), computedStyles(plain.page)]);
      const diffs = [];
      for (const { selector } of COMPARED) {
        if (!a[selector] || !b[selector]) {
          diffs.push(`${selector}: missing on ${!a[selector] ? 'hostile' : ''}${!a[selector] && !b[selector] ? ' and ' : ''}${!b[selector] ? 'plain' : ''}`);
          continue;
        }
        for (const [prop, value] of Object.entries(b[selector])) {
          if (a[selector][prop] !== value) diffs.push(`${selector} { ${prop}: hostile “${a[selector][prop]}” vs plain “${value}” }`);
        }
      }
      const shown = diffs.length > 60 ? [...diffs.slice(0, 60), `… and ${diffs.length - 60} more`] : diffs;
      assert.equal(diffs.length, 0, `computed styles inside the widget differ between hostile.html and plain.html (${diffs.length}):\n  ${shown.join('\n  ')}\n`);

      // Pixels: both widgets sit at the same place and width.
      await ensureDir(SCREENSHOT_DIR);
      const shotA = await widget(hostile.page).screenshot({ path: path.join(SCREENSHOT_DIR, 'hostile-widget.png') });
      const shotB = await widget(plain.page).screenshot({ path: path.join(SCREENSHOT_DIR, 'plain-widget.png') });
      const cmp = await comparePngs(plain.page, shotA, shotB);
      assert.ok(cmp.sameSize, `widget screenshots differ in size: hostile ${cmp.a?.join('×')} vs plain ${cmp.b?.join('×')}`);
      const ratio = cmp.differing / cmp.total;
      assert.ok(
        ratio <= 0.002,
        `widget screenshots differ in ${cmp.differing} of ${cmp.total} pixels (${(ratio * 100).toFixed(2)} %); see ${SCREENSHOT_DIR}/hostile-widget.png and plain-widget.png`,
      );
    } finally {
      await hostile.context.close();
      await plain.context.close();
    }
  });
});

describe('the first load', () => {
  test('is one module, the wasm and the stylesheet, each requested once (the preload lines are used, not fetched twice)', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, monitor } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      await setPlace(page, '8500');
      await waitForConcepts(widget(page));
      const widgetFiles = monitor.requests
        .map((r) => new URL(r.url).pathname)
        .filter((p) => p.startsWith('/widget/'))
        .sort();
      assert.deepEqual(widgetFiles, ['/widget/hulpkompas.css', '/widget/hulpkompas.js', '/widget/hulpkompas_widget_bg.wasm'], 'the widget files the page requested');
      const preloadWarnings = monitor.console.filter((m) => /preload/i.test(m.text));
      assert.deepEqual(preloadWarnings.map((m) => m.text), [], 'the browser warned about a preload');
    } finally {
      await context.close();
    }
  });
});

describe('embed builder', () => {
  async function openBuilder(options = {}) {
    const opened = await openPage(browser, { path: '/builder.html', ...options });
    await poll(() => opened.page.evaluate(() => document.documentElement.dataset.sri), {
      message: () => 'builder.js never finished reading /embed.html (html[data-sri] not set)',
    });
    return opened;
  }

  async function snippet(page) {
    return (await page.locator('#snippet').textContent()).trim();
  }

  test('"Je eigen aanbod" writes a layer the widget accepts, to download with its snippet, and checks a dropped file with the messages of layer check', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, monitor } = await openBuilder();
    try {
      const fill = async (name, value) => page.locator(`#layer-form [name="${name}"]`).fill(value);
      await fill('name', 'Sociaal Huis Ardooie');
      await fill('provider', 'OCMW Ardooie');
      await fill('areas', '8850');
      await fill('street', 'Oude Lichterveldsestraat 11A');
      await fill('postcode', '8850');
      await fill('city', 'Ardooie');
      await fill('phone', '051 74 03 70');
      for (const d of ['MO', 'TU', 'WE', 'TH', 'FR']) {
        await fill(`${d}-opens`, '09:00');
        await fill(`${d}-closes`, '12:00');
      }
      await page.locator('#layer-make').click();
      await poll(async () => (await page.locator('#layer-problems li').count()) > 0, { message: () => 'the made file was not checked' });
      assert.deepEqual(await page.locator('#layer-problems li').allTextContents(), ['Geen problemen: de widget kan dit bestand gebruiken.']);
      const json = await page.locator('#layer-json').textContent();
      const layer = JSON.parse(json);
      assert.equal(layer[0].name, 'Sociaal Huis Ardooie');
      assert.equal(layer[0].schedules.length, 5, 'one schedule per open weekday');
      assert.match(await page.locator('#layer-snippet').textContent(), /^<hulpkompas-widget postcode="8850" lang="nl" offers="\.\/ons-aanbod\.json"><\/hulpkompas-widget>$/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#layer-download').click()]);
      assert.equal(download.suggestedFilename(), 'ons-aanbod.json');
      const { readFile } = await import('node:fs/promises');
      assert.equal(await readFile(await download.path(), 'utf8'), json, 'the download is the file shown');

      // A file with a mistake: the message of `hulpkompas layer check` (layer/README.md).
      const wrong = [layer[0], layer[0], layer[0], { ...layer[0], service_areas: [{ id: 'x', extent_type: 'text', extent: '90000' }] }];
      await page.locator('#layer-file').setInputFiles({ name: 'ons-aanbod.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(wrong)) });
      await poll(async () => (await page.locator('#layer-check-problems li').count()) > 0, { message: () => 'a chosen file was not checked' });
      const lines = await page.locator('#layer-check-problems li').allTextContents();
      assert.ok(lines.includes('[3].service_areas[0].extent: "90000" is no Belgian postcode'), `the messages: ${JSON.stringify(lines)}`);
      assert.deepEqual(monitor.pageErrors, [], 'uncaught errors');
    } finally {
      await context.close();
    }
  });

  test('the snippet reuses the SRI script line of /embed.html', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openBuilder();
    try {
      assert.equal(await page.evaluate(() => document.documentElement.dataset.sri), 'loaded', 'builder could not use /embed.html');
      const embed = await (await fetch(`${BASE_URL}/embed.html`)).text();
      const integrity = /integrity="(sha384-[^"]+)"/.exec(embed)?.[1];
      assert.ok(integrity, `/embed.html has no sha384 integrity attribute:\n${embed.slice(0, 500)}`);

      const text = await snippet(page);
      assert.match(text, /<script type="module" src="[^"]*\/widget\/hulpkompas\.js"[^>]*><\/script>/, `snippet lacks the module script:\n${text}`);
      assert.ok(text.includes(`integrity="${integrity}"`), `snippet should carry the integrity of /embed.html (${integrity}):\n${text}`);
      assert.ok(text.includes('crossorigin="anonymous"'), `snippet lacks crossorigin="anonymous":\n${text}`);
      // The preload lines, pointing at this server's files, before the script.
      assert.match(text, new RegExp(`^<link rel="modulepreload" href="[^"]*/widget/hulpkompas\\.js" integrity="${integrity.replace(/[+/]/g, '\\$&')}" crossorigin="anonymous">`), `snippet lacks the loader's modulepreload line first:\n${text}`);
      assert.match(text, /\n<link rel="preload" href="[^"]*\/widget\/hulpkompas_widget_bg\.wasm" as="fetch" type="application\/wasm" crossorigin="anonymous">\n/, `snippet lacks the wasm's preload line:\n${text}`);
      assert.match(text, /\n<link rel="preload" href="[^"]*\/widget\/hulpkompas\.css" as="style">\n<script /, `snippet lacks the stylesheet's preload line before the script:\n${text}`);
      assert.ok(text.includes('<hulpkompas-widget postcode="8500" lang="nl">\n  <p>Laadt deze hulpwijzer niet?'), `snippet lacks the default element:\n${text}`);

      // The SRI hash must match what the server serves.
      const src = /src="([^"]*\/widget\/hulpkompas\.js)"/.exec(text)[1];
      const body = Buffer.from(await (await fetch(new URL(src, BASE_URL))).arrayBuffer());
      const { createHash } = await import('node:crypto');
      const actual = `sha384-${createHash('sha384').update(body).digest('base64')}`;
      assert.equal(actual, integrity, 'the integrity in /embed.html does not match /widget/hulpkompas.js');
    } finally {
      await context.close();
    }
  });

  test('language, postcode, concepts and accent update the preview and the snippet', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openBuilder();
    try {
      const preview = page.locator('#preview');
      await waitForConcepts(preview);

      await page.locator('input[name=lang][value=fr]').check();
      await poll(async () => (await preview.getAttribute('lang')) === 'fr', { message: () => 'preview lang did not become fr' });

      await page.locator('#b-postcode').fill('9000');
      await poll(async () => (await preview.getAttribute('postcode')) === '9000', { message: () => 'preview postcode did not become 9000' });
      await expectText(shadow(preview, '.ww-place'), /9000\s+(Gent|Gand)/, 'preview after postcode 9000');

      await page.locator('input[name=concept][value=overkop]').check();
      await page.locator('input[name=concept][value=huizen-van-het-kind]').check();
      await poll(async () => (await preview.getAttribute('concepts')) === 'huizen-van-het-kind,overkop', {
        message: () => 'preview concepts did not become "huizen-van-het-kind,overkop"',
      });
      let ids = [];
      await poll(async () => {
        ids = await conceptIds(preview);
        return ids.length > 0 && ids.every((id) => ['overkop', 'huizen-van-het-kind'].includes(id));
      }, { message: () => `preview with two concepts still shows [${ids.join(', ')}]` });

      await page.locator('#b-accent').fill('#8a1c1c');
      await poll(async () => (await preview.evaluate((el) => el.style.getPropertyValue('--hulpkompas-accent'))) === '#8a1c1c', {
        message: () => 'preview --hulpkompas-accent was not set to #8a1c1c',
      });
      // The accent must reach something inside the shadow root.
      await poll(() => preview.evaluate((host) => [...host.shadowRoot.querySelectorAll('*')].some((el) => {
        const s = getComputedStyle(el);
        return [s.color, s.backgroundColor, s.borderTopColor, s.borderBottomColor, s.borderLeftColor, s.outlineColor, s.textDecorationColor]
          .includes('rgb(138, 28, 28)');
      })), { message: () => '--hulpkompas-accent #8a1c1c is not used by any element inside the widget' });

      const text = await snippet(page);
      assert.ok(
        text.includes('<hulpkompas-widget postcode="9000" lang="fr" concepts="huizen-van-het-kind,overkop">\n  <p>Ce guide ne se charge pas ?'),
        `snippet does not match the settings:\n${text}`,
      );
      assert.ok(text.includes('--hulpkompas-accent: #8a1c1c'), `snippet lacks the accent colour:\n${text}`);

      // Attribute values are escaped in the snippet.
      await page.locator('#b-need').fill('"><script>x</script>');
      let latest = '';
      await poll(async () => {
        latest = await snippet(page);
        return latest.includes('need="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
      }, { message: () => `the need is not escaped in the snippet:\n${latest}` });
    } finally {
      await context.close();
    }
  });

  test('a report address gives every service a "Klopt dit niet?" link, in the preview and the snippet', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openBuilder();
    try {
      const preview = page.locator('#preview');
      await waitForConcepts(preview);
      assert.equal(await shadow(preview, '.ww-report').count(), 0, 'a link without a report address');
      // An e-mail address as typed becomes mailto:.
      await page.locator('#b-report').fill('meldpunt@example.org');
      await poll(async () => (await preview.getAttribute('report')) === 'mailto:meldpunt@example.org', {
        message: () => 'the preview did not get report="mailto:meldpunt@example.org"',
      });
      const stops = await shadow(preview, 'li.ww-stop').count();
      await poll(async () => (await shadow(preview, 'li.ww-stop .ww-report a[href^="mailto:meldpunt@example.org?subject="]').count()) === stops, {
        message: () => 'not every first stop has its "Klopt dit niet?" link',
      });
      let text = '';
      await poll(async () => (text = await snippet(page)).includes(' report="mailto:meldpunt@example.org">'), {
        message: () => `the snippet lacks the report attribute:\n${text}`,
      });
      // Something that is no e-mail or web address: no attribute, no link.
      await page.locator('#b-report').fill('javascript:alert(1)');
      await poll(async () => (await preview.getAttribute('report')) === null, { message: () => 'a javascript: report address reached the preview' });
      await poll(async () => (await shadow(preview, '.ww-report').count()) === 0, { message: () => 'the link stayed' });
      assert.ok(!(await snippet(page)).includes('report='), 'a javascript: report address in the snippet');
    } finally {
      await context.close();
    }
  });

  test('Kopieer copies the snippet to the clipboard', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openBuilder();
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
      await page.locator('#copy').click();
      await expectText(page.locator('#copy-status'), /Gekopieerd|geselecteerd/, 'copy status');
      const status = await page.locator('#copy-status').textContent();
      const expected = await snippet(page);
      if (/Gekopieerd/.test(status)) {
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied.trim(), expected, 'the clipboard does not hold the snippet');
      } else {
        const selected = await page.evaluate(() => String(window.getSelection()));
        assert.equal(selected.trim(), expected, 'the fallback did not select the snippet');
      }
    } finally {
      await context.close();
    }
  });

  test('without the Clipboard API, Kopieer selects the snippet', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser);
    try {
      await context.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
      });
      await goto(page, '/builder.html');
      await poll(() => page.evaluate(() => document.documentElement.dataset.sri), { message: () => 'builder never ready' });
      await page.locator('#copy').click();
      await expectText(page.locator('#copy-status'), /geselecteerd/, 'fallback copy status');
      const selected = await page.evaluate(() => String(window.getSelection()));
      assert.equal(selected.trim(), await snippet(page), 'the fallback did not select the whole snippet');
    } finally {
      await context.close();
    }
  });
});
