// Where do I go first: every answer for a place starts with a concrete first
// stop — name, tap-to-call phone, address, hours — and says so plainly where a
// fact is not recently confirmed. Wallonia gets the CPAS, never a Sociaal Huis
// or a CAW. The cases are rows of tests/golden/first-stop.csv.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  REPO_ROOT,
  TEST_TIMEOUT,
  launch,
  openFold,
  openPage,
  parseCsv,
  placeInput,
  poll,
  shadow,
  waitForWidget,
  widget,
} from './helpers.mjs';

let browser;
let golden;
before(async () => {
  browser = await launch();
  golden = parseCsv(await readFile(path.join(REPO_ROOT, 'tests/golden/first-stop.csv'), 'utf8'));
});
after(async () => {
  await browser?.close();
});

/** The first stops shown: kind, name, the tel: link and whether a warning is shown. */
async function stops(page) {
  return shadow(page, '.ww-first li.ww-stop').evaluateAll((els) => els.map((el) => ({
    kind: el.getAttribute('data-kind'),
    name: el.querySelector('.ww-stop-name')?.textContent ?? '',
    tel: el.querySelector('a.ww-call')?.getAttribute('href') ?? '',
    warned: !!el.querySelector('.ww-warn'),
    confidence: el.getAttribute('data-confidence'),
  })));
}

async function answerFor(page, place) {
  await placeInput(page).fill(place);
  let got = [];
  await poll(async () => {
    got = await stops(page);
    return got.length > 0;
  }, { message: () => `no first stop for ${place}` });
  return got;
}

describe('first stop', () => {
  test('each golden place shows its first stops in order, with a tap-to-call phone where one is known', { timeout: 4 * TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html', viewport: { width: 375, height: 812 } });
    try {
      await waitForWidget(page);
      const wrong = [];
      for (const row of golden.filter((r) => r.need === '')) {
        const got = await answerFor(page, row.input);
        const kinds = got.map((s) => s.kind).join(';');
        if (kinds !== row.kinds) wrong.push(`${row.input}: kinds ${kinds}, expected ${row.kinds}`);
        if (!got[0].name.includes(row.name)) wrong.push(`${row.input}: first is “${got[0].name}”, expected it to name ${row.name}`);
        if (row.phone) {
          const digits = row.phone.replace(/[^0-9+]/g, '');
          if (got[0].tel !== `tel:${digits}`) wrong.push(`${row.input}: call link ${got[0].tel}, expected tel:${digits}`);
        }
        for (const s of got) {
          if ((s.confidence === 'low') !== s.warned) wrong.push(`${row.input}: ${s.name} is ${s.confidence} but warned=${s.warned}`);
        }
        for (const absent of row.absent ? row.absent.split(';') : []) {
          const text = await shadow(page, '.ww-first').textContent();
          if (text.includes(absent)) wrong.push(`${row.input}: the first stop mentions ${absent}`);
        }
      }
      assert.deepEqual(wrong, [], wrong.join('\n'));
    } finally {
      await context.close();
    }
  });

  test('the first stop comes before the place and the concepts, and its call link is 24 px or more', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html', viewport: { width: 375, height: 812 } });
    try {
      await waitForWidget(page);
      await answerFor(page, '1070');
      const order = await widget(page).evaluate((el) => {
        const root = el.shadowRoot;
        const first = root.querySelector('.ww-first');
        return [...root.querySelectorAll('.ww-place, .ww-group')]
          .every((n) => first.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.ok(order, 'the first stop is not before the place and the concepts');
      const call = shadow(page, '.ww-first a.ww-call').first();
      const box = await call.boundingBox();
      assert.ok(box && box.width >= 24 && box.height >= 24, `call link ${JSON.stringify(box)}`);
    } finally {
      await context.close();
    }
  });

  test('what a citizen cannot walk into is folded away for professionals', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      await answerFor(page, '8500');
      const pro = shadow(page, 'details.ww-pro');
      assert.equal(await pro.count(), 1, 'no fold for professionals');
      assert.equal(await pro.getAttribute('open'), null, 'the fold for professionals is open by default');
      await openFold(page, 'details.ww-pro');
      const inside = await pro.locator('li.ww-concept').evaluateAll((els) => els.map((e) => e.getAttribute('data-concept')));
      assert.ok(inside.includes('eerstelijnszones-zorgraden'), `the zone partnership is not in the fold: ${inside}`);
      const citizens = await shadow(page, 'section.ww-group[data-audience=citizens][data-applies=yes] li.ww-concept')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-concept')));
      assert.ok(!citizens.includes('eerstelijnszones-zorgraden'), 'the zone partnership is counted among the services for citizens');
      const status = await shadow(page, '.ww-status').textContent();
      assert.match(status, new RegExp(`^${citizens.length} diensten`), `the status counts more than the services for citizens: ${status}`);
    } finally {
      await context.close();
    }
  });

  test('a Walloon village the widget does not know is asked about, never answered as a Flemish place one letter away', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      for (const [typed, wrongPlace] of [['Vottem', 'Gottem'], ['Beez', 'Bree']]) {
        await placeInput(page).fill(typed);
        await poll(async () => (await shadow(page, '.ww-candidates button').count()) > 0, {
          message: () => `no “did you mean” for ${typed}`,
        });
        assert.equal(await shadow(page, '.ww-place').count(), 0, `${typed} got an answer for a place`);
        assert.equal(await shadow(page, '.ww-first').count(), 0, `${typed} got a first stop`);
        const offered = await shadow(page, '.ww-candidates').textContent();
        assert.match(offered, new RegExp(wrongPlace), `${typed}: ${offered}`);
      }
    } finally {
      await context.close();
    }
  });

  test('a Walloon place points to its CPAS in French and never to a Sociaal Huis or a CAW', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      await widget(page).evaluate((el) => el.setAttribute('lang', 'fr'));
      const got = await answerFor(page, '5000');
      assert.deepEqual(got.map((s) => s.kind), ['cpas']);
      assert.match(got[0].name, /CPAS de Namur/);
      const text = await shadow(page, '.ww-first').textContent();
      assert.doesNotMatch(text, /Sociaal Huis|CAW|Centrum Algemeen Welzijnswerk/, 'the first stop for a Walloon place names a Sociaal Huis or a CAW');
    } finally {
      await context.close();
    }
  });
});
