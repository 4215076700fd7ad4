// Accessibility check with axe-core (tests/e2e/package.json pins it) on every scenario, in the light
// and dark colour schemes, at desktop (1280 px) and phone (360 px) width, with the checker showing
// findings and the rules panel and the record import open. Fails on a serious or critical
// violation; prints the moderate and minor ones. At 360 px the page must not scroll sideways.
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node scripts/csp.mjs dist \
//     && node --test tests/e2e/a11y.test.mjs
//
// Screenshots: target/e2e/a11y-{light,dark}-{1280,360}.png (whole page) and …-top.png (the first screen).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SHOTS, TEST_TIMEOUT, byTestId, foreignRequests, openPage, screenshot, tryExample } from './harness.mjs';

// Evaluated through the DevTools protocol rather than added as a <script>: the page's
// Content-Security-Policy (scripts/csp.mjs) rightly refuses an inline script it has no hash for.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A key policy with findings of several severities, so the checker shows its whole layout. */
const POLICY_WITH_FINDINGS = `{
  "Version": "2008-10-17",
  "Statement": [
    {"Sid": "open to all", "Effect": "allow", "Principal": "*", "Action": "kms:*", "Resource": "*"}
  ]
}`;

const FAILING = new Set(['serious', 'critical']);

/** axe's violations on the whole page, as `impact rule-id: help (n nodes: selectors)` lines. */
async function violations(page) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
  );
  return results.violations.map((v) => ({
    impact: v.impact,
    line: `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes
      .slice(0, 4)
      .map((n) => n.target.join(' '))
      .join(', ')})`,
  }));
}

for (const width of [1280, 360]) {
  test(`axe finds no serious or critical problem at ${width} px, light and dark`, { timeout: TEST_TIMEOUT * 3 }, async () => {
    const { page, url, requests, pageErrors, close } = await openPage({ width, height: 800 });
    const failures = [];
    const reported = new Set();
    try {
      const scenarios = await page
        .locator(`${byTestId('scenario-select')} option`)
        .evaluateAll((options) => options.map((o) => o.value));
      assert.ok(scenarios.length >= 2, `scenarios: ${scenarios}`);
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.locator(byTestId('scenario-select')).selectOption(scenarios[0]);
        await tryExample(page);
        await page.evaluate(() => {
          document.activeElement?.blur();
          window.scrollTo(0, 0);
        });
        await screenshot(page, `a11y-${scheme}-${width}.png`);
        await page.screenshot({ path: path.join(SHOTS, `a11y-${scheme}-${width}-top.png`) });

        await page.locator(byTestId('checker-input')).fill(POLICY_WITH_FINDINGS);
        await page.locator(byTestId('finding')).first().waitFor({ state: 'visible' });
        await page.locator(`${byTestId('rules')}, ${byTestId('record-import')}`).evaluateAll((all) => all.forEach((d) => (d.open = true)));
        for (const scenario of scenarios) {
          await page.locator(byTestId('scenario-select')).selectOption(scenario);
          await tryExample(page);
          await page.locator('[data-testid^="input-"]').first().waitFor({ state: 'visible' });
          for (const v of await violations(page)) {
            const where = `${scheme} ${width}px ${scenario}: ${v.line}`;
            if (FAILING.has(v.impact)) failures.push(where);
            else if (!reported.has(v.line)) {
              reported.add(v.line);
              console.log(`# a11y (not failing) ${where}`);
            }
          }
          if (width <= 400) {
            const { scrollWidth, innerWidth } = await page.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              innerWidth: window.innerWidth,
            }));
            if (scrollWidth > innerWidth) failures.push(`${scheme} ${width}px ${scenario}: the page scrolls sideways (${scrollWidth} > ${innerWidth})`);
          }
        }
        await page.locator(`${byTestId('rules')}, ${byTestId('record-import')}`).evaluateAll((all) => all.forEach((d) => (d.open = false)));
        await page.locator(byTestId('checker-input')).fill('');
      }
      assert.deepEqual([...new Set(failures)], []);
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(foreignRequests(url, requests), []);
    } finally {
      await close();
    }
  });
}
