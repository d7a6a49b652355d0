// Danger first: a person who types that they want to die, are beaten or that a
// child is hurt sees the right line first, with a tap-to-call link, in every
// language — in the first load, before the vocabulary of needs has arrived
// (its request is blocked here). Violence gets a quick exit from the page.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  REPO_ROOT,
  TEST_TIMEOUT,
  goto,
  launch,
  needInput,
  openPage,
  parseCsv,
  placeInput,
  poll,
  shadow,
  url,
  waitForWidget,
  widget,
} from './helpers.mjs';

let browser;
let golden;
before(async () => {
  browser = await launch();
  golden = parseCsv(await readFile(path.join(REPO_ROOT, 'tests/golden/urgent.csv'), 'utf8'));
});
after(async () => {
  await browser?.close();
});

/** A plain host page with the vocabulary of needs never arriving. */
async function pageWithoutVocabulary(viewport = { width: 375, height: 812 }) {
  const opened = await openPage(browser, { viewport });
  let vocabularyRequests = 0;
  await opened.page.route('**/hulpkompas-needs.txt', (route) => {
    vocabularyRequests += 1;
    return route.abort();
  });
  await goto(opened.page, '/plain.html');
  await waitForWidget(opened.page);
  return { ...opened, vocabularyRequests: () => vocabularyRequests };
}

async function setLang(page, lang) {
  await widget(page).evaluate((el, l) => el.setAttribute('lang', l), lang);
}

/** The numbers of the lines shown, in order. */
async function lineNumbers(page) {
  return shadow(page, '.ww-urgent li.ww-line').evaluateAll((els) => els.map((el) => el.getAttribute('data-number')));
}

describe('danger first', () => {
  test('every crisis phrasing of the golden set shows its line first, before the vocabulary', { timeout: 10 * TEST_TIMEOUT }, async () => {
    const { page, context } = await pageWithoutVocabulary();
    try {
      const wrong = [];
      for (const row of golden) {
        await setLang(page, row.lang);
        await needInput(page).fill(row.query);
        let got = [];
        try {
          await poll(async () => {
            got = await lineNumbers(page);
            return row.first === '' ? true : got[0] === row.first;
          }, { timeout: 3000 });
        } catch {
          // reported below
        }
        got = await lineNumbers(page);
        if (row.first === '' ? got.length !== 0 : got[0] !== row.first) {
          wrong.push(`${row.lang} “${row.query}”: expected ${row.first || 'no line'}, got [${got.join(', ')}]`);
        }
      }
      assert.deepEqual(wrong, [], `wrong first lines:\n${wrong.join('\n')}`);
    } finally {
      await context.close();
    }
  });

  test('the line is a tap-to-call link, on the first phone screen, and the live region says it', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, vocabularyRequests } = await pageWithoutVocabulary();
    try {
      await needInput(page).fill('ik wil niet meer leven');
      const call = shadow(page, '.ww-urgent a.ww-call').first();
      await call.waitFor({ state: 'visible' });
      assert.equal(await call.getAttribute('href'), 'tel:1813');
      assert.match(await call.textContent(), /1813/);
      const box = await call.boundingBox();
      assert.ok(box.width >= 24 && box.height >= 24, `the call link is ${box.width}×${box.height} px`);
      // The block comes before every other part of the answer.
      const order = await widget(page).evaluate((el) => {
        const root = el.shadowRoot;
        const urgent = root.querySelector('.ww-urgent');
        const later = [...root.querySelectorAll('.ww-results, .ww-group, .ww-place')];
        return later.every((n) => urgent.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.ok(order, 'the lines to call are not before the rest of the answer');
      await poll(async () => /1813/.test(await shadow(page, '.ww-status').textContent()), {
        message: () => 'the live region does not say 1813',
      });
      // Scrolled into view it fits the first screen of a 375 px phone below the form.
      await call.scrollIntoViewIfNeeded();
      const after = await call.boundingBox();
      assert.ok(after.y + after.height <= 812, 'the call link is below the first screen');
      assert.ok(vocabularyRequests() >= 1, 'the vocabulary was never asked for: this test did not block it');
    } finally {
      await context.close();
    }
  });

  test('a cry for help typed in the place field still gets the line', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await pageWithoutVocabulary();
    try {
      await placeInput(page).fill('ik wil dood');
      await poll(async () => (await lineNumbers(page))[0] === '1813', { message: () => 'no 1813 for a cry in the place field' });
    } finally {
      await context.close();
    }
  });

  test('violence gets a quick exit that leaves the page for where the host says', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await pageWithoutVocabulary({ width: 1280, height: 900 });
    try {
      const exitTo = url('/plain.html?left=1');
      await widget(page).evaluate((el, to) => el.setAttribute('exit-url', to), exitTo);
      await needInput(page).fill('hij slaat me');
      await poll(async () => (await lineNumbers(page))[0] === '1712', { message: () => 'no 1712 for “hij slaat me”' });
      const exit = shadow(page, 'button.ww-exit');
      await exit.waitFor({ state: 'visible' });
      await exit.click();
      await page.waitForURL(exitTo);
      assert.equal(page.url(), exitTo);
      // No quick exit where it is not about violence.
      await goto(page, '/plain.html');
      await waitForWidget(page);
      await needInput(page).fill('ik wil niet meer leven');
      await poll(async () => (await lineNumbers(page))[0] === '1813');
      assert.equal(await shadow(page, 'button.ww-exit').count(), 0, 'a quick exit for a question about suicide');
    } finally {
      await context.close();
    }
  });

  test('an ordinary need shows no line to call, and says it is still loading rather than “nothing fits”', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await pageWithoutVocabulary();
    try {
      await needInput(page).fill('schulden');
      await poll(async () => (await shadow(page, '.ww-status').textContent()).trim() !== '');
      assert.equal(await shadow(page, '.ww-urgent').count(), 0);
      const status = await shadow(page, '.ww-status').textContent();
      assert.doesNotMatch(status, /We vinden geen dienst/, `without the vocabulary the widget says: ${status}`);
    } finally {
      await context.close();
    }
  });
});
