// Places: postcodes, place names with typos, bad input, the live region, the
// concept cards with their offers and details, printing.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT,
  conceptIds,
  expectText,
  goto,
  launch,
  messages,
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

/** index.html has an empty widget: the visitor types the place. */
async function indexPage() {
  const opened = await openPage(browser, { path: '/index.html' });
  await waitForWidget(opened.page);
  return opened;
}

describe('a postcode shows its eerstelijnszone and offers', () => {
  test('8500 → Kortrijk, zone Kortrijk-Kuurne-Harelbeke, OverKop, Veilig Huis, Kracht.Wonen', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await indexPage();
    try {
      await setPlace(page, '8500');
      await waitForConcepts(page);

      await expectText(shadow(page, '.ww-place'), /8500\s+Kortrijk/, '.ww-place for 8500');
      await openFold(page, 'details.ww-pro');
      await expectText(
        shadow(page, '.ww-areas [data-kind=eerstelijnszone]'),
        'Kortrijk-Kuurne-Harelbeke',
        'eerstelijnszone of 8500',
      );

      const applies = await conceptIds(page, '.ww-group[data-applies=yes] li.ww-concept');
      for (const id of ['overkop', 'fjc-veilig-huis-ketenaanpak-ifg', 'dak-thuisloosheid-netwerken']) {
        assert.ok(applies.includes(id), `8500: expected ${id} under .ww-group[data-applies=yes], found [${applies.join(', ')}]`);
      }

      // A service that works here is one line: it opens on its offers.
      for (const id of ['overkop', 'fjc-veilig-huis-ketenaanpak-ifg', 'dak-thuisloosheid-netwerken']) {
        await openFold(page, `li.ww-concept[data-concept=${id}] details.ww-concept-fold`);
      }
      await expectText(
        shadow(page, 'li.ww-concept[data-concept=overkop] .ww-offer'),
        'OverKop Kortrijk',
        'OverKop offer for 8500',
      );
      await expectText(
        shadow(page, 'li.ww-concept[data-concept=fjc-veilig-huis-ketenaanpak-ifg] .ww-offer'),
        'Veilig Huis Zuid-West-Vlaanderen (Kortrijk)',
        'Veilig Huis offer for 8500',
      );
      await expectText(
        shadow(page, 'li.ww-concept[data-concept=dak-thuisloosheid-netwerken] .ww-offer'),
        'Kracht.Wonen',
        'dak- en thuisloosheid offer for 8500',
      );

      // Every concept card has a name, a summary and how to get access.
      const cards = await shadow(page, 'li.ww-concept').evaluateAll((els) => els.map((el) => ({
        id: el.getAttribute('data-concept'),
        name: el.querySelector('h3')?.textContent.trim() ?? '',
        summary: el.querySelector('.ww-summary')?.textContent.trim() ?? '',
      })));
      const incomplete = cards.filter((c) => !c.name || !c.summary);
      assert.deepEqual(incomplete, [], 'every li.ww-concept needs an h3 name and a .ww-summary');
    } finally {
      await context.close();
    }
  });

  for (const [postcode, place, zone] of [
    ['9000', /9000\s+Gent/, 'Gent'],
    ['3500', /3500\s+Hasselt/, 'Herkenrode'],
  ]) {
    test(`${postcode} → eerstelijnszone ${zone}`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, context } = await indexPage();
      try {
        await setPlace(page, postcode);
        await waitForConcepts(page);
        await expectText(shadow(page, '.ww-place'), place, `.ww-place for ${postcode}`);
        await openFold(page, 'details.ww-pro');
        await expectText(shadow(page, '.ww-areas [data-kind=eerstelijnszone]'), zone, `eerstelijnszone of ${postcode}`);
      } finally {
        await context.close();
      }
    });
  }

  test('2000 Antwerpen lists its three eerstelijnszones (the street decides)', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await indexPage();
    try {
      await setPlace(page, '2000');
      await waitForConcepts(page);
      await expectText(shadow(page, '.ww-place'), /2000\s+Antwerpen/, '.ww-place for 2000');
      await openFold(page, 'details.ww-pro');
      let zones = [];
      await poll(async () => {
        zones = (await shadow(page, '.ww-areas [data-kind=eerstelijnszone]').allTextContents())
          .map((t) => t.replace(/\s+/g, ' ').trim());
        return zones.length === 3;
      }, { message: () => `2000: expected three .ww-areas [data-kind=eerstelijnszone], found ${JSON.stringify(zones)}` });
      assert.equal(new Set(zones).size, 3, `2000: the three zones should differ: ${JSON.stringify(zones)}`);
    } finally {
      await context.close();
    }
  });

  test('details expand with target groups, access and dated sources', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await indexPage();
    try {
      await setPlace(page, '8500');
      await waitForConcepts(page);
      const card = shadow(page, 'li.ww-concept[data-concept=overkop]');
      // A service that works here is one line: it opens on its offers and its "Meer uitleg".
      await card.locator('details.ww-concept-fold > summary').click();
      const details = card.locator('details.ww-details');
      assert.equal(await details.evaluate((d) => d.open), false, 'details.ww-details should start closed');
      await details.locator('summary').click();
      await poll(() => details.evaluate((d) => d.open), { message: () => 'clicking the summary did not open details.ww-details' });
      // The sources arrive with the first fold opened (hulpkompas-sources.txt).
      await poll(async () => (await details.locator('.ww-sources a[href^="http"]').count()) > 0, {
        message: () => 'the opened details never showed their source links',
      });
      const text = (await details.textContent()).replace(/\s+/g, ' ');
      assert.match(text, /\b(19|20)\d{2}\b/, `the sources in the details should carry dates; details text: ${text.slice(0, 400)}`);
      const visible = await details.evaluate((d) => {
        const body = [...d.children].filter((c) => c.tagName !== 'SUMMARY');
        return body.some((c) => c.getBoundingClientRect().height > 0);
      });
      assert.ok(visible, 'the opened details should show content');
    } finally {
      await context.close();
    }
  });
});

describe('place names', () => {
  test('“kortijk” offers Kortrijk, and one tap answers for it', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await indexPage();
    try {
      await setPlace(page, 'kortijk');
      // The widget does not know every Walloon village: a name one letter from a known place is
      // asked about, never answered for another place without a word.
      await expectText(shadow(page, '.ww-messages .ww-msg'), /kortijk/, 'the question for “kortijk”');
      assert.equal(await shadow(page, '.ww-place').count(), 0, 'an answer before the visitor chose');
      await shadow(page, '.ww-candidates button').filter({ hasText: 'Kortrijk' }).first().click();
      // A name finds the municipality (it has several postcodes), not one postcode.
      await expectText(shadow(page, '.ww-place'), /Kortrijk/, '.ww-place after choosing Kortrijk');
      await waitForConcepts(page);
    } finally {
      await context.close();
    }
  });

  test('“Kortrijk” as a name finds the municipality', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await indexPage();
    try {
      await setPlace(page, 'Kortrijk');
      await expectText(shadow(page, '.ww-place'), /^\s*Kortrijk\s*$/, '.ww-place for “Kortrijk”');
      await waitForConcepts(page);
    } finally {
      await context.close();
    }
  });
});

describe('bad input shows a message, never a blank box or a crash', () => {
  const cases = [
    { input: '85', kind: ['error', 'warning'], text: /4 cijfers.*typte er 2/, why: 'too few digits' },
    { input: '0612', kind: ['error', 'warning', 'info'], text: /organisatie/i, why: "an organisation's postcode" },
    { input: '4000', kind: ['error', 'warning', 'info'], text: /Walloni/, why: 'Liège is in Wallonia' },
    { input: 'abc', kind: ['error', 'warning'], text: /./, why: 'no such place' },
  ];

  for (const c of cases) {
    test(`“${c.input}” (${c.why})`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, context, monitor } = await indexPage();
      try {
        // Start from a valid place so that "nothing happened" cannot pass as a message.
        await setPlace(page, '8500');
        await waitForConcepts(page);
        await setPlace(page, c.input);

        let shown = [];
        await poll(async () => {
          shown = await messages(page);
          return shown.some((m) => c.kind.includes(m.kind) && c.text.test(m.text));
        }, {
          message: () => `input “${c.input}”: expected a .ww-msg (${c.kind.join('|')}) matching ${c.text}, found ${JSON.stringify(shown)}`,
        });

        if (c.input !== '4000' && c.input !== '0612') {
          // These are not places: the old results must not stay on screen as if they were.
          const place = (await shadow(page, '.ww-place').allTextContents()).join(' ');
          assert.doesNotMatch(place, /8500/, `input “${c.input}”: .ww-place still shows the previous place: “${place}”`);
        }
        assert.equal(await shadow(page, '.ww-error').count(), 0, `input “${c.input}” should not show the load-failure box .ww-error`);
        assert.deepEqual(monitor.pageErrors, [], `input “${c.input}” caused uncaught errors`);
      } finally {
        await context.close();
      }
    });
  }
});

describe('clearing the field', () => {
  test('an emptied field goes back to the start hint, without the old place', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, monitor } = await indexPage();
    try {
      await setPlace(page, '8500');
      await waitForConcepts(page);
      await setPlace(page, '');
      await expectText(shadow(page, '[role=status].ww-status'), /Typ een postcode/, 'status after clearing the field');
      assert.equal(await shadow(page, '.ww-place').count(), 0, 'the old place must not stay on screen');
      assert.equal(await shadow(page, 'li.ww-concept').count(), 0, 'the old results must not stay on screen');
      assert.deepEqual(monitor.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe('live region', () => {
  test('the status line exists before results and announces their number', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await indexPage();
    try {
      const status = shadow(page, '[role=status].ww-status');
      assert.equal(await status.count(), 1, 'expected exactly one [role=status].ww-status before any input (a live region must exist before it changes)');
      const handle = await status.elementHandle();
      const live = await handle.evaluate((el) => el.getAttribute('aria-live'));
      assert.ok(live === null || live === 'polite', `[role=status] should be polite, has aria-live="${live}"`);

      await setPlace(page, '8500');
      await waitForConcepts(page);
      const text = await expectText(status, /\d+.*8500\s+Kortrijk/, 'status after 8500');
      assert.match(text, /\b[1-9]\d*\b/, `the status should give a positive number of results: “${text}”`);
      assert.ok(await handle.evaluate((el) => el.isConnected), 'the status element was replaced; screen readers only announce changes to a region that stays in the DOM');

      const hidden = await handle.evaluate((el) => {
        for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) {
          if (n.getAttribute?.('aria-hidden') === 'true') return true;
          const s = getComputedStyle(n);
          if (s.display === 'none' || s.visibility === 'hidden') return true;
        }
        return false;
      });
      assert.equal(hidden, false, 'the status region must not be aria-hidden, display:none or visibility:hidden');

      await shadow(page, 'input[name=need]').fill('schulden');
      await shadow(page, 'input[name=need]').press('Enter');
      await poll(async () => {
        const now = (await status.textContent()).replace(/\s+/g, ' ').trim();
        return now !== text && /\d/.test(now);
      }, { message: () => 'the status line did not change to a new count after searching the need “schulden”' });
    } finally {
      await context.close();
    }
  });
});

describe('print', () => {
  test('button.ww-print opens the print dialog', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser);
    try {
      await context.addInitScript(() => {
        window.__printCalls = 0;
        window.print = () => { window.__printCalls += 1; };
      });
      await goto(page, '/plain.html');
      await waitForConcepts(page);
      const button = shadow(page, 'button.ww-print');
      assert.equal(await button.count(), 1, 'expected one button.ww-print');
      await button.click();
      await poll(() => page.evaluate(() => window.__printCalls > 0), { timeout: 3000, message: () => 'window.print() was not called' });
    } finally {
      await context.close();
    }
  });

  for (const [postcode, need] of [['8500', ''], ['2000', 'schulden']]) {
    test(`the print view of ${postcode}${need ? ` with “${need}”` : ''} fits one A4 page`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, context } = await openPage(browser);
      try {
        await goto(page, '/plain.html');
        await waitForConcepts(page);
        await setPlace(page, postcode);
        if (need) await setNeed(page, need);
        await waitForConcepts(page);
        await page.waitForTimeout(300);
        const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
        const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
        assert.equal(pages, 1, `the print view of ${postcode} takes ${pages} A4 pages`);
      } finally {
        await context.close();
      }
    });
  }
});

describe('a failed load', () => {
  test('shows .ww-error pointing to the Sociaal Huis or the CAW, not a blank box', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser);
    try {
      await context.route(/\.wasm(\?|$)/, (route) => route.abort('failed'));
      await goto(page, '/plain.html');
      const error = widget(page).locator('.ww-error');
      await expectText(error, /Sociaal Huis|CAW/, '.ww-error when the wasm cannot load');
      assert.ok(await error.first().isVisible(), '.ww-error should be visible');
    } finally {
      await context.close();
    }
  });
});
