// Sources on demand: the source addresses are not on the first load. The widget fetches them
// (hulpkompas-sources.txt, once) when a visitor first opens a fold ("Meer uitleg en bronnen");
// until then the fold says they are loading, and when they cannot load it says so and the rest of
// the answer stays.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT,
  goto,
  launch,
  openPage,
  poll,
  setPlace,
  shadow,
  waitForConcepts,
  waitForWidget,
} from './helpers.mjs';

const SOURCES_FILE = /\/hulpkompas-sources\.txt(\?|$)/;
const LOADING = 'Bronnen laden…';
const FAILED = 'De bronnen konden niet laden. Probeer later opnieuw.';
const FAILED_IN = {
  fr: "Les sources n'ont pas pu se charger. Réessayez plus tard.",
  en: 'The sources could not load. Please try again later.',
};

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * The host page with the first answer for 8500; `block` makes every request for the sources fail;
 * `hold()` keeps the next one waiting until the function it returns is called.
 */
async function firstAnswer({ block = false } = {}) {
  const opened = await openPage(browser);
  const blocked = { on: block, count: 0 };
  let gate = null;
  const hold = () => {
    let release;
    gate = new Promise((resolve) => { release = resolve; });
    return () => { gate = null; release(); };
  };
  await opened.page.route('**/hulpkompas-sources.txt', async (route) => {
    if (gate) await gate;
    if (!blocked.on) return route.continue();
    blocked.count += 1;
    return route.abort();
  });
  await goto(opened.page, '/index.html');
  await waitForWidget(opened.page);
  await setPlace(opened.page, '8500');
  await waitForConcepts(opened.page);
  return { ...opened, blocked, hold };
}

function sourceRequests(monitor) {
  return monitor.requests.filter((r) => SOURCES_FILE.test(new URL(r.url).pathname));
}

/** The card of a concept and its fold "Meer uitleg en bronnen". */
function fold(page, concept) {
  const card = shadow(page, `li.ww-concept[data-concept=${concept}]`);
  return { card, details: card.locator('details.ww-details') };
}

/** A service that works here is one line until opened: opens it, as a visitor would. */
async function openLine({ card }) {
  const line = card.locator('details.ww-concept-fold');
  if ((await line.count()) > 0 && !(await line.evaluate((d) => d.open))) {
    await line.locator(':scope > summary').click();
    await poll(async () => (await card.locator('details.ww-details').count()) > 0, { message: () => 'the line opened without its fold' });
  }
}

/** Opens the card's line and then its fold. */
async function open(f) {
  await openLine(f);
  await f.details.locator(':scope > summary').click();
  await poll(() => f.details.evaluate((d) => d.open), { message: () => 'clicking the summary did not open the fold' });
}

async function close(details) {
  await details.locator('summary').click();
  await poll(async () => !(await details.evaluate((d) => d.open)), { message: () => 'clicking the summary did not close the fold' });
}

/** The https:// links a fold shows: href and text (every string is text: the text is the address). */
async function links(details) {
  return details.locator('.ww-sources a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
}

describe('sources on demand', () => {
  test('not on the first answer; the first fold opened fetches them once and shows https:// links', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, monitor, hold } = await firstAnswer();
    try {
      // The first answer is there, its folds closed: no request for the sources.
      await page.waitForTimeout(300);
      assert.deepEqual(sourceRequests(monitor), [], `the first answer requested the sources:\n${monitor.describe()}`);
      const overkop = fold(page, 'overkop');
      const { card, details } = overkop;
      await openLine(overkop);
      assert.match(await card.locator('.ww-offers').textContent(), /OverKop Kortrijk/, 'the line shows the local offer');
      assert.deepEqual(sourceRequests(monitor), [], `opening a line requested the sources:\n${monitor.describe()}`);

      // While the file is on its way, the fold says plainly that the sources are loading.
      const release = hold();
      await open(overkop);
      await poll(async () => (await details.locator('.ww-sources-loading').count()) > 0, { message: () => 'the fold does not say the sources are loading' });
      assert.equal(await details.locator('.ww-sources-loading').textContent(), LOADING);
      release();
      let found = [];
      await poll(async () => {
        found = await links(details);
        return found.some((l) => l.href.startsWith('https://'));
      }, { message: () => `the opened fold shows no https:// link: ${JSON.stringify(found)}\n${monitor.describe()}` });
      for (const l of found) {
        assert.match(l.href, /^https?:\/\//, `a source link that is not http(s): ${l.href}`);
        assert.equal(l.text, l.href, 'a source link shows its address as text');
      }
      assert.equal(await details.locator('.ww-sources-loading').count(), 0, 'the loading message stays after the sources arrived');
      assert.equal(sourceRequests(monitor).length, 1, `the sources should be requested once:\n${monitor.describe()}`);

      // Every other fold has them too, with no second request.
      const other = fold(page, 'sociaal-huis');
      await open(other);
      assert.ok((await links(other.details)).length > 0, 'another fold has no sources after they arrived');
      await close(details);
      await open(overkop);
      await page.waitForTimeout(300);
      assert.equal(sourceRequests(monitor).length, 1, `the sources were requested again:\n${monitor.describe()}`);
      assert.deepEqual(monitor.pageErrors, [], 'uncaught errors');
    } finally {
      await context.close();
    }
  });

  test('when the file cannot load, the fold says so, the answer stays, and the next fold opened tries again', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, blocked } = await firstAnswer({ block: true });
    try {
      const concepts = await shadow(page, 'li.ww-concept').count();
      const overkop = fold(page, 'overkop');
      const { card, details } = overkop;
      await open(overkop);
      await poll(async () => (await details.locator('.ww-sources-failed').count()) > 0, {
        message: () => 'the fold never showed the failure message',
      });
      assert.equal((await details.locator('.ww-sources-failed').textContent()).trim(), FAILED);
      assert.equal(await details.locator('.ww-sources a').count(), 0, 'no source links when the file failed');
      assert.equal(blocked.count, 1, 'the sources should have been requested once');

      // The rest of the answer stays.
      assert.match(await shadow(page, '.ww-place').textContent(), /8500\s+Kortrijk/);
      assert.equal(await shadow(page, 'li.ww-concept').count(), concepts, 'the answer lost concepts');
      assert.match(await card.locator('.ww-offers').textContent(), /OverKop Kortrijk/, 'the answer lost its offer');
      assert.ok(await details.evaluate((d) => d.open), 'the fold closed');

      // The message is in the visitor's language.
      for (const [lang, message] of Object.entries(FAILED_IN)) {
        await shadow(page, `.ww-langs button[data-lang=${lang}]`).click();
        await poll(async () => (await details.locator('.ww-sources-failed').textContent()).trim() === message, {
          message: () => `the failure message is not in ${lang}: “${message}”`,
        });
      }
      await shadow(page, '.ww-langs button[data-lang=nl]').click();
      assert.equal(blocked.count, 1, 'switching the language requested the sources again');

      // The file is back: opening a fold asks again and shows the sources.
      blocked.on = false;
      await close(details);
      await open(overkop);
      await poll(async () => (await links(details)).some((l) => l.href.startsWith('https://')), {
        message: () => 'after a failure, opening the fold again did not load the sources',
      });
      assert.equal(await details.locator('.ww-sources-failed').count(), 0, 'the failure message stayed');
    } finally {
      await context.close();
    }
  });
});
