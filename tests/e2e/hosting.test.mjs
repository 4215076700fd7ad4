// The page as hosted: dist/ after scripts/csp.mjs, under its Content-Security-Policy, with pasted
// markup shown as text, and the 404 page leading back to the app from any missing path.
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node scripts/csp.mjs dist \
//     && node --test tests/e2e/hosting.test.mjs
//
// Screenshots: target/e2e/hosting-pasted-markup.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { blockedByPolicy, headersFile, inlineScriptHashes, notFoundPage, policy, publicUrl, withPolicyMeta } from '../../scripts/csp.mjs';
import { headersFor } from './serve.mjs';
import { REPO, TEST_TIMEOUT, byTestId, eventually, foreignRequests, openPage, screenshot, setValue, tryExample } from './harness.mjs';

const DIST = process.env.E2E_DIST || path.join(REPO, 'dist');
const MARKUP = '<img src=x onerror=alert(1)>';

/** Collects `securitypolicyviolation` events from the next navigation on, in `window.__cspViolations`. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  await page.reload({ waitUntil: 'load' });
  await page.locator(byTestId('scenario-select')).waitFor({ state: 'visible' });
}

test('scripts/csp.mjs: hashes inline scripts, places the policy before them, refuses what it would block', () => {
  const html = `<!doctype html><meta charset=utf-8><title>t</title><script type=module></script><script src=/a/app.js></script>`;
  // SHA-256 of the empty string, a published test vector.
  assert.deepEqual(inlineScriptHashes(html), ['47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=']);
  const once = withPolicyMeta(html, "default-src 'none'");
  const twice = withPolicyMeta(once, "default-src 'self'");
  assert.equal(twice.match(/Content-Security-Policy/g).length, 1, 'running again replaces the tag');
  assert.ok(twice.indexOf('Content-Security-Policy') < twice.indexOf('<script'), 'the policy precedes the scripts');
  assert.match(twice, /content="default-src 'self'"/);
  assert.deepEqual(blockedByPolicy(html), []);
  assert.equal(blockedByPolicy('<div style="color:red">').length, 1);
  assert.equal(blockedByPolicy('<style>p{}</style>').length, 1);
  assert.equal(blockedByPolicy('<body onload="go()">').length, 1);
  assert.equal(blockedByPolicy('<script src="https://cdn.example/x.js"></script>').length, 1);
  assert.equal(publicUrl(`<script type=module>import init from '/sub/path/app-1.js';</script>`), '/sub/path/');
  assert.equal(notFoundPage('<base href="./" />', '/sub/path/'), '<base href="/sub/path/">');

  // _headers: the meta policy plus frame-ancestors, for every file under the public URL only.
  const file = headersFile(policy(['abc=']), '/sub/path/');
  const served = headersFor(file, '/sub/path/app.wasm');
  assert.equal(served['Content-Security-Policy'], `${policy(['abc='])}; frame-ancestors 'none'`);
  assert.equal(served['Referrer-Policy'], 'no-referrer');
  assert.deepEqual(headersFor(file, '/other/index.html'), {});
  assert.match(headersFile(policy([]), './'), /^\/\*\n/);
});

test('the page is sent with the _headers policy and refuses to be framed', { timeout: TEST_TIMEOUT }, async () => {
  const { page, url, requests, pageErrors, close } = await openPage();
  try {
    const response = await page.reload({ waitUntil: 'load' });
    const header = response.headers()['content-security-policy'] ?? '';
    assert.match(header, /frame-ancestors 'none'/, 'scripts/csp.mjs must have written dist/_headers');
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(header.startsWith(meta), 'the header policy is the meta policy plus frame-ancestors');

    // A page of the same origin without a policy of its own frames the app: only the app's
    // frame-ancestors can refuse it (the app's own default-src would refuse any frame it opened).
    const probe = new URL('frame-probe.html', url).href;
    await page.route(probe, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>probe</title><iframe title="app" src="${url}"></iframe>` }),
    );
    await page.goto(probe);
    await eventually(async () => {
      const child = page.frames().find((f) => f !== page.mainFrame());
      assert.ok(child, 'the probe frame exists');
      // Chromium replaces a refused frame's document with its error page.
      assert.match(child.url(), /^chrome-error:/, `the framed page was refused, not loaded (${child.url()})`);
    });
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(foreignRequests(url, requests), []);
  } finally {
    await close();
  }
});

const violations = (page) => page.evaluate(() => window.__cspViolations);

test('the page runs under its Content-Security-Policy without a violation', { timeout: TEST_TIMEOUT }, async () => {
  const { page, url, requests, pageErrors, consoleErrors, close } = await openPage();
  try {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(policy ?? '', /default-src 'none'/, 'scripts/csp.mjs must have run on this dist/');
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    await recordViolations(page);

    // Walk through what loads or runs code: every scenario, the rules panel, the checker, a fix.
    const scenarios = await page.locator(`${byTestId('scenario-select')} option`).evaluateAll((os) => os.map((o) => o.value));
    for (const scenario of scenarios) {
      await page.locator(byTestId('scenario-select')).selectOption(scenario);
      await tryExample(page);
      await page.locator('[data-testid^="input-"]').first().waitFor({ state: 'visible' });
    }
    await page.locator(byTestId('rules')).evaluate((el) => (el.open = true));
    await page.locator(byTestId('checker-input')).fill('{"Version": "2012-10-17", "Statement": [{"Effect": "allow"}]}');
    await page.locator(byTestId('finding')).first().waitFor({ state: 'visible' });

    assert.deepEqual(await violations(page), []);
    assert.deepEqual(consoleErrors.filter((m) => /Content Security Policy/i.test(m)), []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(foreignRequests(url, requests), []);
  } finally {
    await close();
  }
});

test('markup pasted into the checker, compare and record boxes is shown as text', { timeout: TEST_TIMEOUT }, async () => {
  const { page, url, requests, pageErrors, close } = await openPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  try {
    await recordViolations(page);
    const imagesBefore = await page.locator('img').count();

    await page.locator(byTestId('checker-input')).fill(MARKUP);
    await eventually(async () => {
      const shown = await page.locator('#checker-title').locator('xpath=ancestor::section[1]').textContent();
      assert.ok(shown.includes(MARKUP), 'the checker shows the pasted text in its numbered copy');
    });

    await setValue(page, 'input-region', 'us-east-1');
    await setValue(page, 'input-account', '111122223333');
    await page.locator(byTestId('compare-document')).selectOption('key-policy.json');
    await page.locator(byTestId('compare-input')).fill(MARKUP);
    await eventually(async () => assert.match(await page.locator(byTestId('compare-summary')).textContent(), /\S/));
    assert.ok((await page.locator(byTestId('compare')).textContent()).includes(MARKUP), 'compare shows the pasted text');

    await page.locator(byTestId('record-import')).evaluate((el) => (el.open = true));
    await page.locator(byTestId('record-input')).fill(MARKUP);
    await page.locator(byTestId('record-import-button')).click();
    await page.locator(byTestId('record-message')).waitFor({ state: 'visible' });
    assert.equal(await page.locator(byTestId('record-input')).inputValue(), MARKUP, 'the record box keeps the text');

    await screenshot(page, 'hosting-pasted-markup.png');
    assert.equal(await page.locator('img').count(), imagesBefore, 'no <img> element was created');
    assert.equal(await page.locator('[onerror]').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(pageErrors, []);
    assert.ok(!requests.some((r) => new URL(r).pathname.endsWith('/x')), 'nothing requested the pasted src=x');
    assert.deepEqual(foreignRequests(url, requests), []);
  } finally {
    await close();
  }
});

test('the 404 page leads back to the app from a missing path at any depth', { timeout: TEST_TIMEOUT }, async () => {
  const { page, url, requests, close } = await openPage();
  try {
    const notFound = readFileSync(path.join(DIST, '404.html'), 'utf8');
    // As GitHub Pages or an S3 website does: the 404 page's bytes for any missing path.
    await page.route('**/no/such/page', (route) =>
      route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: notFound }),
    );
    const home = new URL(url);
    await page.goto(new URL('no/such/page', url).href, { waitUntil: 'commit' });
    // The refresh and the link both lead to the public URL; the app starts there.
    await page.waitForURL((u) => u.pathname === home.pathname);
    await page.locator(byTestId('scenario-select')).waitFor({ state: 'visible' });
    assert.deepEqual(foreignRequests(url, requests), []);

    await page.unroute('**/no/such/page');
    await page.route('**/deeper/missing', (route) =>
      route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: notFound.replace(/<meta http-equiv="refresh"[^>]*>/, '') }),
    );
    await page.goto(new URL('a/deeper/missing', url).href);
    const link = page.locator(byTestId('not-found-home'));
    assert.equal(await link.evaluate((a) => a.href), home.href);
    await link.click();
    await page.locator(byTestId('scenario-select')).waitFor({ state: 'visible' });
    assert.equal(new URL(page.url()).pathname, home.pathname);
  } finally {
    await close();
  }
});
