// Input that people actually type (issue 17 item 5): a first visit with empty Region and account
// (placeholders, a prompt and "Try an example"), an account pasted as the console shows it, Region
// and account carried into the next scenario, the vended-logs service list filtered by typing,
// copy buttons off while the form has errors, and a multi-megabyte paste kept out of the saved
// state and shown around its error.
//
//   E2E_DIST=dist node --test tests/e2e/inputs.test.mjs
// Screenshots: target/e2e/inputs-first-visit.png, inputs-filter.png, inputs-huge-paste.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, eventually, openPage, screenshot, setValue, TEST_TIMEOUT, textOf, tryExample } from './harness.mjs';

let session = null;
let page = null;

before(async () => {
  session = await openPage({ example: false });
  page = session.page;
});

after(async () => {
  await session?.close();
});

const fieldErrors = (name) => page.locator(byTestId(`field-error-${name}`));

test('a first visit shows empty Region and account with placeholders, a prompt, and Try an example', { timeout: TEST_TIMEOUT }, async () => {
  const region = page.locator(byTestId('input-region'));
  const account = page.locator(byTestId('input-account'));
  assert.equal(await textOf(region), '');
  assert.equal(await textOf(account), '');
  assert.equal(await region.getAttribute('placeholder'), 'us-east-1');
  assert.equal(await account.getAttribute('placeholder'), '111122223333');
  const prompt = page.locator(byTestId('bundle-start'));
  assert.match(await prompt.textContent(), /Fill in Region and Account ID to see your documents and commands/);
  assert.equal(await page.locator(byTestId('document')).count(), 0, 'no bundle made of empty values');
  assert.ok(await page.locator(byTestId('export-bar')).isHidden());
  // The empty fields are asked for by the prompt, not shouted at in red before anything was typed.
  assert.equal(await fieldErrors('region').count(), 0, 'no error beside the untouched empty Region');
  assert.equal(await fieldErrors('account').count(), 0, 'no error beside the untouched empty account');
  await screenshot(page, 'inputs-first-visit.png');

  await tryExample(page);
  assert.equal(await textOf(region), 'us-east-1');
  assert.equal(await textOf(account), '111122223333');
  await eventually(async () => assert.ok((await page.locator(byTestId('document')).count()) > 0));
  assert.equal(await page.locator(byTestId('bundle-start')).count(), 0);
});

test('an account pasted as the console shows it is read as its 12 digits', { timeout: TEST_TIMEOUT }, async () => {
  await setValue(page, 'input-account', '4444-5555-6666');
  await eventually(async () => assert.equal(await textOf(page.locator(byTestId('input-account'))), '444455556666'));
  assert.equal(await fieldErrors('account').count(), 0);
  const policy = await page.locator(byTestId('document-text')).first().textContent();
  assert.match(policy, /arn:aws:iam::444455556666:root/);
  await setValue(page, 'input-account', '4444 5555 6666');
  await eventually(async () => assert.equal(await textOf(page.locator(byTestId('input-account'))), '444455556666'));
  // Emptied by the user, the field says what it needs.
  await setValue(page, 'input-account', '');
  await eventually(async () => assert.match(await fieldErrors('account').textContent(), /Error/));
  await setValue(page, 'input-account', '111122223333');
  await eventually(async () => assert.equal(await fieldErrors('account').count(), 0));
});

test('copy buttons of documents and steps are off while the form has errors, and say why', { timeout: TEST_TIMEOUT }, async () => {
  const copyDocument = page.locator(byTestId('copy-document')).first();
  const copyStep = page.locator(byTestId('copy-step')).first();
  assert.ok(await copyDocument.isEnabled());
  await setValue(page, 'input-account', '12345');
  await eventually(async () => assert.ok(await copyDocument.isDisabled()));
  assert.ok(await copyStep.isDisabled());
  assert.match(await copyDocument.getAttribute('title'), /Off while the form has errors/);
  await setValue(page, 'input-account', '444455556666');
  await eventually(async () => assert.ok(await copyDocument.isEnabled()));
  assert.equal(await copyDocument.getAttribute('title'), null);
});

test('Region and account carry over into the next scenario', { timeout: TEST_TIMEOUT }, async () => {
  await setValue(page, 'input-region', 'eu-west-3');
  await page.locator(byTestId('scenario-select')).selectOption('s3-export');
  await eventually(async () => assert.equal(await textOf(page.locator(byTestId('input-region'))), 'eu-west-3'));
  assert.equal(await textOf(page.locator(byTestId('input-account'))), '444455556666');
  // The export dates are still to fill in: the prompt names them.
  assert.match(await page.locator(byTestId('bundle-start')).textContent(), /Fill in From and To/);
  await setValue(page, 'scenario-select', 'log-group-key');
});

test('the vended-logs service list filters by typing; a V1 service hides the empty V2 group', { timeout: TEST_TIMEOUT }, async () => {
  await setValue(page, 'scenario-select', 'vended-logs');
  const filter = page.locator(byTestId('filter-service'));
  assert.equal(await filter.getAttribute('aria-label'), 'Filter the list below by name');
  await filter.fill('api gateway');
  await eventually(async () => assert.match(await page.locator(byTestId('filter-service-status')).textContent(), /^\d+ of \d+ match\.$/));
  const visible = await page
    .locator(`${byTestId('input-service')} option`)
    .evaluateAll((options) => options.filter((o) => !o.hidden).map((o) => o.value));
  assert.ok(visible.includes('api-gateway-access-logs'), visible.join());
  assert.ok(visible.length < 5, visible.join());
  await filter.press('Enter');
  await eventually(async () => assert.equal(await page.locator(byTestId('input-service')).inputValue(), 'api-gateway-access-logs'));
  await eventually(async () => assert.ok(await page.locator('fieldset[data-section="Delivery objects (V2 services)"]').isHidden()));
  await screenshot(page, 'inputs-filter.png');
  await filter.fill('');
  await setValue(page, 'input-service', 'bedrock-knowledge-bases');
  await eventually(async () => assert.ok(await page.locator('fieldset[data-section="Delivery objects (V2 services)"]').isVisible()));
  await setValue(page, 'scenario-select', 'log-group-key');
});

test('a multi-megabyte paste stays in its box only, and its error is shown in a window', { timeout: TEST_TIMEOUT }, async () => {
  // One line of 3 MB, cut short at the end: the JSON error is at its last character.
  const huge = `{"Version": "2012-10-17", "Statement": [], "Padding": "${'x'.repeat(3_000_000)}`;
  const box = page.locator(byTestId('checker-input'));
  await box.fill(huge);
  await eventually(async () => assert.match(await page.locator(byTestId('checker-not-saved')).textContent(), /not saved in this browser and not put in the share link/), 60_000);
  // The note above is the page's own; the marked text comes from the worker's verdict, which on a slow
  // machine lands later (the results are greyed and aria-busy until then): wait for the verdict itself.
  await eventually(async () => assert.equal(await page.locator('.checker-results').first().getAttribute('aria-busy'), 'false'), 60_000);
  await eventually(async () => {
    const shown = await page.locator('.annotated').first().evaluate((el) => ({ length: el.textContent.length, elided: el.querySelectorAll('.elided').length, marks: el.querySelectorAll('mark').length }));
    assert.ok(shown.length < 5_000, `${shown.length} characters drawn`);
    assert.ok(shown.elided >= 1 && shown.marks >= 1, JSON.stringify(shown));
  }, 60_000);
  assert.equal((await textOf(box)).length, huge.length, 'the box keeps the paste');
  await screenshot(page, 'inputs-huge-paste.png');
  // The share link and the autosave hold no trace of it.
  await eventually(async () => {
    const saved = await page.evaluate(() => JSON.stringify(Object.values(localStorage)));
    assert.ok(saved.length < 10_000, `${saved.length} bytes saved`);
  });
  await box.fill('');
});
