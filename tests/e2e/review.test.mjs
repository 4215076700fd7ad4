// A printed review that matches what is applied (issue 17, item 6): the date, the share link, the
// SHA-256 of every reviewed file and the comparison (diff, merged policy with its digest, the apply
// command) on paper; rule examples laid out; "Will it work?" one row per call, not per log group;
// at 390 px, code, condition values and export buttons wrap between an ARN's parts, never sideways.
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node --test tests/e2e/review.test.mjs
//
// Screenshots: target/e2e/review-*.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { SHOTS, TEST_TIMEOUT, byTestId, eventually, openPage, screenshot, setValue } from './harness.mjs';

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

test('the printed review carries the date, the share link, each file\'s SHA-256 and the comparison', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openPage({ width: 1280 });
  try {
    await setValue(page, 'input-region', 'eu-west-1');
    await setValue(page, 'input-account', '444455556666');
    await page.locator(byTestId('compare-examples')).locator('[data-sample="default-key-policy"]').click();
    await page.locator(byTestId('compare-merged-text')).waitFor();
    const merged = await page.locator(byTestId('compare-merged-text')).textContent();
    const document = await page.locator(`${byTestId('document')}[data-file="key-policy.json"] ${byTestId('document-text')}`).textContent();

    // What the browser does before it prints (the button or its own menu).
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    try {
      await page.locator(byTestId('review-summary')).waitFor({ state: 'visible' });
      const today = new Date().toISOString().slice(0, 10);
      assert.match(await page.locator(byTestId('review-date')).textContent(), new RegExp(`Printed ${today} \\d\\d:\\d\\d UTC`));
      const link = await page.locator(byTestId('review-link')).textContent();
      assert.match(link, /^http:\/\/[^/]+\/cwlogs-policy-builder\/.*#./, `the share link: ${link.slice(0, 80)}`);
      const digests = await page.locator(byTestId('review-digests')).innerText();
      assert.ok(digests.includes(`key-policy.json\t${sha256(document)}`), `the key policy's SHA-256 is listed:\n${digests}`);

      // The comparison is printed: diff, merged policy with its digest, the command; not the box.
      assert.equal(await page.locator(byTestId('compare')).isVisible(), true, 'the compare result is printed');
      assert.equal(await page.locator(byTestId('compare-merged-text')).isVisible(), true);
      assert.equal(await page.locator(byTestId('compare-command')).isVisible(), true);
      assert.match(await page.locator(byTestId('compare-command')).textContent(), /put-key-policy/);
      assert.equal(await page.locator(byTestId('compare-input')).isVisible(), false, 'the paste box is not printed');
      const clipped = await page.locator(`${byTestId('compare')} .annotated, ${byTestId('compare')} pre.code`).evaluateAll((blocks) =>
        blocks.filter((b) => b.scrollHeight > b.clientHeight + 1).map((b) => b.textContent.slice(0, 40)));
      assert.deepEqual(clipped, [], 'every printed block of the comparison is shown in full');
      assert.match(await page.locator(byTestId('compare-merged-digest')).textContent(), new RegExp(sha256(merged)));
      await screenshot(page, 'review-print.png');
    } finally {
      await page.emulateMedia({ media: null });
    }
  } finally {
    await close();
  }
});

test('a rule\'s JSON examples are laid out one member per line', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openPage({ width: 1280 });
  try {
    await page.locator(`${byTestId('rules')} > summary`).click();
    const example = page.locator('#rule-CWL001 pre.code').first();
    const text = await example.textContent();
    assert.ok(text.split('\n').length > 10, `the example spans lines:\n${text}`);
    assert.match(text, /^\{\n  "Version": "2012-10-17",\n  "Statement": \[/);
  } finally {
    await close();
  }
});

test('"Will it work?" shows a call that repeats per log group once, naming every group', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openPage({ width: 1280 });
  try {
    await setValue(page, 'input-region', 'eu-west-1');
    await setValue(page, 'input-account', '444455556666');
    await setValue(page, 'input-log-groups', ['/app/orders', '/app/payments', '/app/users']);
    await page.locator(byTestId('compare-examples')).locator('[data-sample="default-key-policy"]').click();
    const rows = page.locator(byTestId('compare-call'));
    await rows.first().waitFor();
    const texts = await rows.allTextContents();
    const encrypt = texts.filter((t) => /encrypts new events of/.test(t));
    assert.equal(encrypt.length, 1, `one row for the encrypt call:\n${texts.join('\n')}`);
    assert.match(encrypt[0], /\/app\/orders, \/app\/payments and \/app\/users/);
    assert.ok(texts.length <= 4, `${texts.length} rows for 3 log groups`);
  } finally {
    await close();
  }
});

/** Every code block, condition value and export button inside the viewport's width, and no text
 *  part between ARN separators split over two lines. */
async function layoutAt390(page) {
  return page.evaluate(() => {
    const problems = [];
    const width = document.documentElement.clientWidth;
    for (const pre of document.querySelectorAll('pre.code')) {
      if (!pre.checkVisibility()) continue;
      if (pre.scrollWidth > pre.clientWidth + 1) problems.push(`scrolls sideways: ${pre.textContent.slice(0, 60)}`);
      // Every line break falls after a separator (":", "/", "-", ".", "_", ",", and a query's "[" and
      // "=") or at a space or a newline: never between two letters or digits of a name or an account id.
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      let previousTop = null;
      let previousChar = '\n';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent;
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '\n' || text[i] === ' ') {
            previousChar = text[i];
            continue;
          }
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          if (previousTop !== null && top > previousTop && !/[\s:/\-._,[=]/.test(previousChar)) {
            const context = text.slice(Math.max(0, i - 20), i + 20);
            problems.push(`a line breaks inside a word before "${text[i]}": …${context}…`);
          }
          previousTop = top;
          previousChar = text[i];
        }
      }
    }
    for (const el of document.querySelectorAll('.condition-values, [data-testid="export-bar"] .button')) {
      if (!el.checkVisibility()) continue;
      const box = el.getBoundingClientRect();
      if (box.right > width + 1) problems.push(`${el.textContent.slice(0, 40)} ends at ${box.right} px`);
    }
    // Each export format's Download and Copy sit side by side.
    for (const row of document.querySelectorAll('[data-testid="export-bar"] .export-row')) {
      const tops = [...row.querySelectorAll('.button')].map((b) => Math.round(b.getBoundingClientRect().top));
      if (new Set(tops).size > 1) problems.push(`${row.textContent.slice(0, 30)}: its buttons are on ${new Set(tops).size} lines`);
    }
    if (document.documentElement.scrollWidth > width) problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    return problems;
  });
}

test('at 390 px code, condition values and export buttons wrap between an ARN\'s parts and never sideways', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openPage({ width: 390 });
  try {
    await setValue(page, 'input-region', 'eu-west-1');
    await setValue(page, 'input-account', '444455556666');
    await setValue(page, 'input-log-groups', ['/aws/vendedlogs/states/order-processing-state-machine-production']);
    await page.locator(byTestId('teaching-toggle')).check();
    await page.locator(byTestId('lesson')).first().waitFor();
    assert.deepEqual(await layoutAt390(page), []);
    await page.locator(byTestId('compare-examples')).locator('[data-sample="default-key-policy"]').click();
    await page.locator(byTestId('compare-merged-text')).waitFor();
    assert.deepEqual(await layoutAt390(page), []);
    // The rules' examples too, laid out and wrapped the same way.
    await page.locator(`${byTestId('rules')} > summary`).click();
    await page.locator('#rule-CWL001 pre.code').first().waitFor();
    assert.deepEqual(await layoutAt390(page), []);
    await page.locator(`${byTestId('document')}[data-file="key-policy.json"]`).screenshot({ path: path.join(SHOTS, "review-390-document.png") });
    await page.locator(byTestId('export-bar')).screenshot({ path: path.join(SHOTS, "review-390-export.png") });
  } finally {
    await close();
  }
});
