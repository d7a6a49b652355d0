// Needs: searching in Dutch, French and English, the ranking and its
// explanation, and switching the language (button and attribute).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT,
  expectRanked,
  expectText,
  launch,
  needInput,
  openPage,
  placeInput,
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

const LABELS = {
  nl: { place: /^Postcode of gemeente$/, need: /^Waarvoor zoek je hulp\s*\?$/ },
  fr: { place: /^Code postal ou commune$/, need: /^Pour quoi cherchez-vous de l.aide\s*\?$/ },
  en: { place: /^Postcode or municipality$/, need: /^What do you need help with\s*\?$/ },
};

const NEEDS = {
  nl: [
    { query: 'schulden', id: 'sociaal-huis', top: 1 },
    { query: 'mijn partner slaat me', id: 'fjc-veilig-huis-ketenaanpak-ifg', top: 1 },
    { query: 'zwanger', id: 'huizen-van-het-kind', top: 3 },
  ],
  fr: [
    { query: 'mon mari me frappe', id: 'fjc-veilig-huis-ketenaanpak-ifg', top: 1 },
    { query: 'enceinte', id: 'huizen-van-het-kind', top: 3 },
  ],
  en: [
    { query: 'my partner hits me', id: 'fjc-veilig-huis-ketenaanpak-ifg', top: 1 },
    { query: 'pregnant', id: 'huizen-van-het-kind', top: 3 },
  ],
};

/** The accessible name of a field: <label for>, wrapping <label>, aria-labelledby or aria-label. */
async function accessibleLabel(field) {
  return field.evaluate((el) => {
    const root = el.getRootNode();
    const text = (n) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => text(root.getElementById(id))).join(' ');
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
    if (el.labels && el.labels.length) return [...el.labels].map(text).join(' ');
    return '';
  });
}

/** The language that applies to an element: the nearest lang, crossing shadow boundaries. */
async function effectiveLang(locator) {
  return locator.evaluate((el) => {
    for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) {
      if (n.hasAttribute?.('lang')) return n.getAttribute('lang');
    }
    return null;
  });
}

async function expectLanguage(page, lang) {
  for (const [field, name] of [[placeInput(page), 'place'], [needInput(page), 'need']]) {
    let label = '';
    await poll(async () => {
      label = await accessibleLabel(field);
      return LABELS[lang][name].test(label);
    }, { message: () => `lang=${lang}: input[name=${name}] should be labelled ${LABELS[lang][name]}, is labelled “${label}”` });
  }
  const pressed = await shadow(page, '[role=group].ww-langs button[data-lang]').evaluateAll((els) => Object.fromEntries(
    els.map((b) => [b.dataset.lang, b.getAttribute('aria-pressed')]),
  ));
  assert.deepEqual(
    pressed,
    { nl: lang === 'nl' ? 'true' : 'false', fr: lang === 'fr' ? 'true' : 'false', en: lang === 'en' ? 'true' : 'false' },
    `lang=${lang}: aria-pressed of the language buttons`,
  );
  const spoken = await effectiveLang(needInput(page));
  assert.equal(spoken, lang, `lang=${lang}: the widget's content should be marked lang="${lang}" for screen readers (nearest lang attribute is “${spoken}”)`);
}

async function searchNeeds(page, lang) {
  for (const { query, id, top } of NEEDS[lang]) {
    await setNeed(page, query);
    const ids = await expectRanked(page, id, { top, query });
    const explanation = await shadow(page, '.ww-results li.ww-concept').first().locator('.ww-matched').textContent();
    assert.ok(explanation && explanation.trim().length > 0, `need “${query}”: the first result should explain the match in .ww-matched (results: ${ids.join(', ')})`);
  }
}

describe('searching a need', () => {
  test('in Dutch', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      await expectLanguage(page, 'nl');
      await setPlace(page, '8500');
      await waitForConcepts(page);
      await searchNeeds(page, 'nl');
    } finally {
      await context.close();
    }
  });

  test('in French, after pressing the FR language button', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      await setPlace(page, '8500');
      await waitForConcepts(page);
      await shadow(page, '[role=group].ww-langs button[data-lang=fr]').click();
      await expectLanguage(page, 'fr');
      await searchNeeds(page, 'fr');
      // The place and its results stay after switching language.
      // In French the municipality is named Courtrai.
      await expectText(shadow(page, '.ww-place'), /8500\s+Courtrai/, '.ww-place after switching to French');
    } finally {
      await context.close();
    }
  });

  test('in English, after setting the lang attribute', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      await widget(page).evaluate((el) => el.setAttribute('lang', 'en'));
      await expectLanguage(page, 'en');
      await setPlace(page, '8500');
      await waitForConcepts(page);
      await searchNeeds(page, 'en');
    } finally {
      await context.close();
    }
  });

  test('a need chip ranks results', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      await setPlace(page, '8500');
      await waitForConcepts(page);
      const chips = shadow(page, 'button.ww-chip');
      assert.ok(await chips.count() > 0, 'expected need chips (button.ww-chip)');
      const chipText = (await chips.first().textContent()).trim();
      await chips.first().click();
      await poll(async () => (await shadow(page, '.ww-results li.ww-concept').count()) > 0, {
        message: () => `clicking the chip “${chipText}” showed no ranked .ww-results`,
      });
    } finally {
      await context.close();
    }
  });
});
