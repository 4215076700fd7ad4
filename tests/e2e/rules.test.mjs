// Fix buttons in the checker, links from findings to the rules, and the rules index filter.
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node --test tests/e2e/rules.test.mjs
//
// Screenshots: target/e2e/rules-fixes.png (a fixable finding), rules-index.png (a rule reached
// from a finding), rules-filter.png (the filtered index).
//
// The page contract (data-testid handles): checker-input, finding, finding-code (a link to
// #rule-CODE), fix-button, fix-all, fix-undo, fix-status, rules (the <details> panel), rule,
// rules-filter, rules-count, rule-index-item.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SHOTS, TEST_TIMEOUT, byTestId, eventually, foreignRequests, openPage, textOf } from './harness.mjs';

/** A key policy with two mechanical problems: lowercase "allow" and the legacy Version. */
const FIXABLE = `{
  "Version": "2008-10-17",
  "Statement": [
    {
      "Sid": "Enable IAM User Permissions",
      "Effect": "allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "kms:*",
      "Resource": "*"
    }
  ]
}
`;

let opened = null;

/** What the window shows (the whole page is too tall to look at). */
async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

before(async () => {
  opened = await openPage();
});

after(async () => {
  await opened?.close();
});

const finding = (code) => opened.page.locator(byTestId('finding')).filter({ hasText: code });
const input = () => opened.page.locator(byTestId('checker-input'));

async function paste(text) {
  await input().fill(text);
  await eventually(async () => assert.ok((await finding('IAM005').count()) > 0, 'IAM005 shows'));
}

/** Whether the element's top edge is inside the window. */
function inViewport(locator) {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight && box.height > 0;
  });
}

test('a fix button rewrites the pasted policy, and Undo restores it step by step', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = opened;
  await paste(FIXABLE);
  const effectFix = finding('IAM005').locator(byTestId('fix-button'));
  await effectFix.waitFor({ state: 'visible' });
  assert.match(await effectFix.textContent(), /Write "Allow"/);
  await finding('IAM005').scrollIntoViewIfNeeded();
  await screenshot(page, 'rules-fixes.png');

  await effectFix.click();
  await eventually(async () => assert.equal(await finding('IAM005').count(), 0, 'the Effect finding is gone'));
  const once = await textOf(input());
  assert.ok(once.includes('"Effect": "Allow"'), once);
  assert.equal(once, FIXABLE.replace('"allow"', '"Allow"'), 'nothing else changed');

  await finding('IAM006').locator(byTestId('fix-button')).click();
  await eventually(async () => assert.equal(await finding('IAM006').count(), 0, 'the Version finding is gone'));
  assert.equal(await textOf(input()), once.replace('2008-10-17', '2012-10-17'));

  const undo = page.locator(byTestId('fix-undo'));
  await undo.click();
  await eventually(async () => assert.equal(await textOf(input()), once, 'the first undo reverts the last fix'));
  await undo.click();
  await eventually(async () => assert.equal(await textOf(input()), FIXABLE, 'the second undo reverts the first'));
  await eventually(async () => assert.equal(await finding('IAM005').count(), 1, 'the finding is back'));
  assert.equal(await undo.count(), 0, 'nothing left to undo');

  await page.locator(byTestId('fix-all')).click();
  await eventually(async () => {
    const all = await textOf(input());
    assert.ok(all.includes('"Allow"') && all.includes('"2012-10-17"'), all);
  });
  assert.match(await page.locator(byTestId('fix-status')).textContent(), /Applied: 2 fixes/);
  await page.locator(byTestId('fix-undo')).click();
  await eventually(async () => assert.equal(await textOf(input()), FIXABLE));
});

test("a finding's code opens the rules panel on its rule", { timeout: TEST_TIMEOUT }, async () => {
  const { page } = opened;
  await paste(FIXABLE);
  const panel = page.locator(byTestId('rules'));
  assert.equal(await panel.evaluate((el) => el.open), false, 'the panel starts closed');
  const path = new URL(page.url()).pathname;

  await finding('IAM005').locator(byTestId('finding-code')).click();
  const rule = page.locator('#rule-IAM005');
  await eventually(async () => {
    assert.equal(await panel.evaluate((el) => el.open), true, 'the panel opened');
    assert.ok(await inViewport(rule), 'the rule is scrolled into view');
  });
  const url = new URL(page.url());
  assert.equal(url.hash, '#rule-IAM005');
  assert.equal(url.pathname, path, 'the sub-path is kept');
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'rule-IAM005'));
  assert.match(await rule.textContent(), /Why it matters/);
  await screenshot(page, 'rules-index.png');
});

test('the filter narrows the rules index, and a link to a filtered-out rule clears it', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = opened;
  await paste(FIXABLE);
  await page.locator(byTestId('rules')).evaluate((el) => {
    el.open = true;
  });
  const items = page.locator(byTestId('rule-index-item'));
  const total = await items.count();
  assert.ok(total >= 13, `every rule is listed (${total})`);
  const filter = page.locator(byTestId('rules-filter'));
  await filter.fill('sid');
  await eventually(async () => {
    const visible = await items.filter({ visible: true }).count();
    assert.ok(visible > 0 && visible < total, `${visible} of ${total} shown`);
    assert.match(await page.locator(byTestId('rules-count')).textContent(), new RegExp(`${visible} of ${total} rules match`));
  });
  assert.ok(await page.locator('#rule-IAM011').isVisible(), 'sid-format matches "sid"');
  assert.equal(await page.locator('#rule-IAM006').isVisible(), false, 'version does not');
  await filter.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'rules-filter.png');

  await finding('IAM006').locator(byTestId('finding-code')).click();
  await eventually(async () => {
    assert.equal(await filter.inputValue(), '', 'the filter is cleared');
    assert.ok(await inViewport(page.locator('#rule-IAM006')), 'the linked rule is shown');
  });
});

test('nothing left the origin, and the page raised no error', async () => {
  assert.deepEqual(foreignRequests(opened.url, opened.requests), []);
  assert.deepEqual(opened.pageErrors, []);
});
