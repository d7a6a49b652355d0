// Accessibility: axe-core (WCAG 2.2 AA) on every demo page with results on
// screen, keyboard-only use with visible focus, target sizes, and reflow at
// 320 CSS pixels.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_PAGES,
  TEST_TIMEOUT,
  assertNoAxeViolations,
  deepFocus,
  hasVisibleFocus,
  launch,
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

/** Brings a demo page to a state with results in every widget. */
async function showResults(page, demo) {
  if (!demo.preset) {
    await waitForWidget(page);
    await setPlace(page, '8500');
  }
  for (let i = 0; i < demo.widgets; i += 1) await waitForConcepts(widget(page, i));
}

describe('axe-core finds no WCAG 2.2 AA violations', () => {
  for (const demo of DEMO_PAGES) {
    test(`${demo.path} with results`, { timeout: TEST_TIMEOUT }, async () => {
      // axe is injected as an inline script: the CSP page needs bypassCSP for that.
      const { page, context } = await openPage(browser, { path: demo.path, bypassCSP: Boolean(demo.csp) });
      try {
        await showResults(page, demo);
        await assertNoAxeViolations(page, demo.path);
      } finally {
        await context.close();
      }
    });
  }

  test('/index.html with a “did you mean”, then a need and an open details', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      await setPlace(page, 'kortijk');
      await poll(async () => (await shadow(page, '.ww-candidates button').count()) > 0, {
        message: () => 'no “did you mean” for “kortijk”',
      });
      await assertNoAxeViolations(page, '/index.html (“did you mean” for “kortijk”)');
      await shadow(page, '.ww-candidates button').filter({ hasText: 'Kortrijk' }).first().click();
      await waitForConcepts(page);
      await setNeed(page, 'schulden');
      await poll(async () => (await shadow(page, '.ww-results li.ww-concept').count()) > 0, {
        message: () => 'no .ww-results for “schulden”',
      });
      await shadow(page, 'details.ww-details summary').first().click();
      await assertNoAxeViolations(page, '/index.html (need “schulden”, details open)');
    } finally {
      await context.close();
    }
  });

  test('/index.html with error messages (85)', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      await setPlace(page, '85');
      await poll(async () => (await shadow(page, '.ww-messages .ww-msg').count()) > 0, { message: () => 'no message for “85”' });
      await assertNoAxeViolations(page, '/index.html (message for “85”)');
    } finally {
      await context.close();
    }
  });
});

describe('keyboard only', () => {
  test('Tab to the first field, type a postcode, Tab to a result, open its details with Space/Enter; focus always visible', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      const invisible = [];
      const visited = [];
      const check = async () => {
        const f = await deepFocus(page);
        if (f.inShadow) {
          visited.push(f.label);
          if (!hasVisibleFocus(f)) {
            invisible.push(`${f.label} “${f.text}” (outline: ${f.outlineStyle} ${f.outlineWidth}, box-shadow: ${f.boxShadow})`);
          }
        }
        return f;
      };

      // 1. From the top of the page to input[name=place] with Tab only.
      let focus = await deepFocus(page);
      for (let i = 0; i < 60 && !(focus.inShadow && focus.label.startsWith('input[name=place]')); i += 1) {
        await page.keyboard.press('Tab');
        focus = await check();
      }
      assert.ok(
        focus.inShadow && focus.label.startsWith('input[name=place]'),
        `Tab never reached input[name=place] inside the widget; focus is on ${focus.label}`,
      );

      // 2. Type the postcode and confirm with Enter.
      await page.keyboard.type('8500');
      await page.keyboard.press('Enter');
      await waitForConcepts(page);

      // 3. Tab on until a result's details summary has focus.
      for (let i = 0; i < 150 && !focus.inDetailsSummary; i += 1) {
        await page.keyboard.press('Tab');
        focus = await check();
      }
      assert.ok(
        focus.inDetailsSummary,
        `Tab never reached a details.ww-details summary inside the widget; visited: ${visited.join(' → ')}`,
      );

      // 4. Space opens, Enter closes, Enter opens again.
      assert.equal(focus.detailsOpen, false, 'the details should start closed');
      await page.keyboard.press('Space');
      await poll(async () => (await deepFocus(page)).detailsOpen === true, { timeout: 3000, message: () => 'Space on the summary did not open the details' });
      await page.keyboard.press('Enter');
      await poll(async () => (await deepFocus(page)).detailsOpen === false, { timeout: 3000, message: () => 'Enter on the summary did not close the details' });
      await page.keyboard.press('Enter');
      await poll(async () => (await deepFocus(page)).detailsOpen === true, { timeout: 3000, message: () => 'Enter on the summary did not open the details again' });
      await check();

      assert.deepEqual(invisible, [], `focus was not visible (no outline or box-shadow) on:\n  ${invisible.join('\n  ')}`);
    } finally {
      await context.close();
    }
  });

  test('a language button works with Enter and Space', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html' });
    try {
      await waitForWidget(page);
      const fr = shadow(page, '[role=group].ww-langs button[data-lang=fr]');
      const en = shadow(page, '[role=group].ww-langs button[data-lang=en]');
      await fr.focus();
      await page.keyboard.press('Enter');
      await poll(async () => (await fr.getAttribute('aria-pressed')) === 'true', { timeout: 5000, message: () => 'Enter on the FR button did not press it' });
      await en.focus();
      await page.keyboard.press('Space');
      await poll(async () => (await en.getAttribute('aria-pressed')) === 'true', { timeout: 5000, message: () => 'Space on the EN button did not press it' });
    } finally {
      await context.close();
    }
  });
});

/** Interactive elements in the widget's shadow root smaller than 24×24 CSS px. */
async function smallTargets(page) {
  return widget(page).evaluate((host) => {
    const root = host.shadowRoot;
    if (!root) return ['(no shadow root)'];
    const selector = 'button, input:not([type=hidden]), select, textarea, summary, [role=button]';
    return [...root.querySelectorAll(selector)]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      .filter(({ r }) => r.width < 24 || r.height < 24)
      .map(({ el, r }) => {
        const cls = [...el.classList].join('.');
        const text = (el.textContent || el.getAttribute('name') || '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} “${text}”: ${r.width.toFixed(1)}×${r.height.toFixed(1)}`;
      });
  });
}

describe('target size', () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 812 }]) {
    test(`buttons, inputs and summaries are at least 24×24 px at ${viewport.width} px`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, context } = await openPage(browser, { path: '/index.html', viewport });
      try {
        await waitForWidget(page);
        await setPlace(page, '8500');
        await waitForConcepts(page);
        await setNeed(page, 'schulden');
        await poll(async () => (await shadow(page, '.ww-results li.ww-concept').count()) > 0, { message: () => 'no results for “schulden”' });
        const small = await smallTargets(page);
        assert.deepEqual(small, [], `targets smaller than 24×24 CSS px (WCAG 2.5.8):\n  ${small.join('\n  ')}`);
      } finally {
        await context.close();
      }
    });
  }
});

/** Width of the page's scrollable area and the elements that reach past `limit`. */
async function overflow(page, limit) {
  return page.evaluate((max) => {
    const wide = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > max + 0.5) {
          const cls = [...el.classList].join('.');
          wide.push(`${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} right=${r.right.toFixed(0)} “${(el.textContent || '').trim().slice(0, 40)}”`);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return { scrollWidth: document.scrollingElement.scrollWidth, wide: wide.slice(0, 15) };
  }, limit);
}

describe('reflow', () => {
  test('the widget works at 320 px wide without horizontal scrolling', { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openPage(browser, { path: '/index.html', viewport: { width: 320, height: 720 } });
    try {
      await waitForWidget(page);
      await setPlace(page, '8500');
      await waitForConcepts(page);
      await setNeed(page, 'mijn partner slaat me');
      await poll(async () => (await shadow(page, '.ww-results li.ww-concept').count()) > 0, { message: () => 'no results at 320 px' });
      // Open every details so long sources and URLs are laid out too.
      await widget(page).evaluate((host) => {
        for (const d of host.shadowRoot.querySelectorAll('details')) d.open = true;
      });
      const result = await overflow(page, 320);
      assert.ok(
        result.scrollWidth <= 320,
        `horizontal scroll at 320 px: scrollWidth is ${result.scrollWidth}. Elements reaching past 320 px:\n  ${result.wide.join('\n  ')}`,
      );
    } finally {
      await context.close();
    }
  });

  // hostile.html and plain.html use a fixed 560 px frame on purpose.
  for (const demo of DEMO_PAGES.filter((d) => d.preset && !['/hostile.html', '/plain.html'].includes(d.path))) {
    test(`${demo.path} at 320 px has no horizontal scrolling`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, context } = await openPage(browser, { path: demo.path, viewport: { width: 320, height: 720 } });
      try {
        await showResults(page, demo);
        const result = await overflow(page, 320);
        assert.ok(
          result.scrollWidth <= 320,
          `${demo.path}: horizontal scroll at 320 px: scrollWidth is ${result.scrollWidth}. Elements reaching past 320 px:\n  ${result.wide.join('\n  ')}`,
        );
      } finally {
        await context.close();
      }
    });
  }
});
