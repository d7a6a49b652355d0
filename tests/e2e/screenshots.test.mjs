// Screenshots of index.html with the results for 8500, at desktop and phone
// widths, for people to look at: target/screenshots/index-<width>.png. What is
// asserted is what a person would see wrong in them: an answer for another place,
// or a page that runs off the side.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  SCREENSHOT_DIR,
  TEST_TIMEOUT,
  ensureDir,
  launch,
  openPage,
  setPlace,
  waitForConcepts,
  waitForWidget,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
  await ensureDir(SCREENSHOT_DIR);
});
after(async () => {
  await browser?.close();
});

describe('screenshots', () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 812 }]) {
    test(`index.html with 8500 at ${viewport.width} px`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, context } = await openPage(browser, { path: '/index.html', viewport });
      try {
        await waitForWidget(page);
        await setPlace(page, '8500');
        await waitForConcepts(page);
        await page.evaluate(async () => {
          await document.fonts.ready;
          // Drop the focus ring of the field we typed in.
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          el?.blur();
        });
        // Let transitions and the live region settle.
        await page.waitForTimeout(300);
        const file = path.join(SCREENSHOT_DIR, `index-${viewport.width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const seen = await page.evaluate(() => {
          const root = document.querySelector('hulpkompas-widget').shadowRoot;
          const place = root.querySelector('.ww-place');
          const box = place.getBoundingClientRect();
          return {
            place: place.textContent,
            right: box.right,
            scrollWidth: document.scrollingElement.scrollWidth,
          };
        });
        assert.equal(seen.place, '8500 Kortrijk', `${file} answers for another place`);
        assert.ok(seen.scrollWidth <= viewport.width, `${file}: the page is ${seen.scrollWidth} px wide at ${viewport.width} px`);
        assert.ok(seen.right <= viewport.width, `${file}: the place runs off the side (right edge ${seen.right} px)`);
      } finally {
        await context.close();
      }
    });
  }
});
