// Static checks of the demo site's files (no browser, no server): every page
// has lang, a title and landmarks; no inline script or style; nothing from
// other hosts; every local link points at a file that will be served.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './helpers.mjs';

const DEMO_DIR = path.join(REPO_ROOT, 'demo');

/** Paths the demo server serves that are not files in demo/. */
const GENERATED = [
  /^\/widget\/(hulpkompas\.js|hulpkompas\.css|hulpkompas_widget\.js|hulpkompas_widget_bg\.wasm)$/,
  /^\/embed\.html$/,
  /^\/size-report\.json$/,
  /^\/bench\/corpus\.json$/,
];

function files(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full, ext);
    return full.endsWith(ext) ? [full] : [];
  });
}

const pages = files(DEMO_DIR, '.html');
const rel = (file) => path.relative(DEMO_DIR, file);

test('the demo has the expected pages', () => {
  const have = pages.map(rel).sort();
  for (const page of ['builder.html', 'csp/index.html', 'hostile.html', 'index.html', 'multi.html', 'plain.html']) {
    assert.ok(have.includes(page), `demo/${page} is missing (have: ${have.join(', ')})`);
  }
});

for (const file of pages) {
  test(`demo/${rel(file)}: lang, title, landmarks, no inline code, nothing external, links resolve`, () => {
    const html = readFileSync(file, 'utf8');
    const where = `demo/${rel(file)}`;

    assert.match(html, /^<!doctype html>/i, `${where}: must start with <!doctype html>`);
    assert.match(html, /<html[^>]*\slang="(nl|fr|en)"/, `${where}: <html> needs a lang attribute`);
    assert.match(html, /<title>[^<]+<\/title>/, `${where}: needs a non-empty <title>`);
    assert.match(html, /<meta charset="utf-8">/i, `${where}: needs <meta charset="utf-8">`);
    assert.match(html, /<meta name="viewport"[^>]*width=device-width/, `${where}: needs a responsive viewport meta`);
    assert.match(html, /<main[\s>]/, `${where}: needs a <main> landmark`);
    assert.equal((html.match(/<main[\s>]/g) ?? []).length, 1, `${where}: exactly one <main>`);
    assert.match(html, /<h1[\s>]/, `${where}: needs an <h1>`);

    const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/\ssrc=/.test(m[1]));
    assert.deepEqual(inlineScripts.map((m) => m[0]), [], `${where}: inline <script> is not allowed`);
    assert.doesNotMatch(html, /<style[\s>]/, `${where}: <style> blocks are not allowed`);
    assert.doesNotMatch(html, /\sstyle=/, `${where}: style="" attributes are not allowed`);
    assert.doesNotMatch(html, /\son[a-z]+=/, `${where}: inline event handlers are not allowed`);

    const refs = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    const external = refs.filter((r) => /^(https?:)?\/\//i.test(r));
    assert.deepEqual(external, [], `${where}: references to other hosts`);

    const broken = [];
    for (const ref of refs) {
      if (/^(#|mailto:|tel:)/.test(ref)) continue;
      const target = new URL(ref, `http://demo.invalid/${rel(file).replace(/\\/g, '/')}`).pathname;
      if (GENERATED.some((re) => re.test(target))) continue;
      let onDisk = path.join(DEMO_DIR, decodeURIComponent(target));
      if (target.endsWith('/')) onDisk = path.join(onDisk, 'index.html');
      if (!existsSync(onDisk)) broken.push(ref);
    }
    assert.deepEqual(broken, [], `${where}: links to files that do not exist in demo/`);

    // Fragment links (#id, /page.html#id) must point at an id on the target page.
    const missing = [];
    for (const ref of refs.filter((r) => r.includes('#') && !/^(mailto|tel):/.test(r))) {
      const target = new URL(ref, `http://demo.invalid/${rel(file).replace(/\\/g, '/')}`);
      const id = decodeURIComponent(target.hash.slice(1));
      if (!id) continue;
      let onDisk = path.join(DEMO_DIR, decodeURIComponent(target.pathname));
      if (target.pathname.endsWith('/')) onDisk = path.join(onDisk, 'index.html');
      if (!existsSync(onDisk)) continue; // reported above
      const targetHtml = readFileSync(onDisk, 'utf8');
      if (!new RegExp(`\\sid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(targetHtml)) missing.push(ref);
    }
    assert.deepEqual(missing, [], `${where}: links to ids that do not exist on their page`);
  });
}

for (const file of [...files(DEMO_DIR, '.css'), ...files(DEMO_DIR, '.js')]) {
  test(`demo/${rel(file)}: nothing from other hosts`, () => {
    const text = readFileSync(file, 'utf8');
    const urls = [...text.matchAll(/url\(\s*['"]?([^'")]+)/g), ...text.matchAll(/@import\s+['"]([^'"]+)/g)]
      .map((m) => m[1])
      .filter((u) => /^(https?:)?\/\//i.test(u));
    assert.deepEqual(urls, [], `demo/${rel(file)}: loads from other hosts`);
    assert.doesNotMatch(text, /\bfetch\(\s*['"`]https?:/, `demo/${rel(file)}: fetches from another host`);
  });
}
