// Issue 14 item 6 (the checker): a pasted CloudFormation template or AWS CLI answer is checked
// policy by policy in the analysis worker, each finding located in the paste as pasted, with a list
// of the policies found and a choice of whose findings to show.
//
//   E2E_DIST=dist node --test tests/e2e/import.test.mjs
//
// Screenshot: target/e2e/checker-template.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, SHOTS, TEST_TIMEOUT, byTestId, eventually, openPage, textOf } from './harness.mjs';

let session = null;

before(async () => {
  session = await openPage();
}, { timeout: TEST_TIMEOUT });

after(async () => {
  await session?.close();
});

const fixture = (name) => readFileSync(path.join(REPO, 'tests', 'fixtures', 'import', name), 'utf8');

/** Pastes as a user does: one input event with the whole text. */
async function paste(page, testId, text) {
  await page.locator(byTestId(testId)).evaluate((el, t) => {
    el.focus();
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

test('a CloudFormation template in the checker: every policy listed, findings marked where they are in the template', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  const template = fixture('cloudformation.yaml');
  await paste(page, 'checker-input', template);
  const found = page.locator(byTestId('found-policy'));
  await eventually(async () => assert.ok((await found.count()) >= 1, 'the policies are listed'));
  const names = await found.allTextContents();
  assert.ok(names.some((n) => /AWS::KMS::Key/.test(n)), `the key policy is named: ${names.join(' | ')}`);
  // The broken key policy inside: the same misspellings the bare fixture has, marked in the template.
  const marks = page.locator(byTestId('finding-mark'));
  await eventually(async () => assert.ok((await marks.count()) > 0));
  const marked = await marks.allTextContents();
  assert.ok(marked.some((m) => /Alow/.test(m)), `the misspelt Effect is marked in the template: ${marked.join(' | ')}`);
  for (const m of marked.filter((m) => m.trim())) assert.ok(template.includes(m), `"${m}" is text of the template as pasted`);
  assert.match(await textOf(page.locator(byTestId('checker-summary'))), /error/);

  // Only one policy's findings.
  const all = await page.locator(byTestId('finding')).count();
  const pick = page.locator(byTestId('found-policy-pick'));
  const options = await pick.locator('option').allTextContents();
  const clean = options.findIndex((o, i) => i > 0 && !/KMS::Key/.test(o));
  if (clean > 0) {
    await pick.selectOption({ index: clean });
    await eventually(async () => assert.ok((await page.locator(byTestId('finding')).count()) < all));
    await pick.selectOption({ index: 0 });
  }
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('.checker').screenshot({ path: path.join(SHOTS, 'checker-template.png') });
});

test('aws kms get-key-policy output in the checker is checked as the key policy inside', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await paste(page, 'checker-input', fixture('aws-kms-get-key-policy.json'));
  const found = page.locator(byTestId('found-policy'));
  await eventually(async () => assert.match((await found.allTextContents()).join(' '), /get-key-policy/));
  await eventually(async () => assert.doesNotMatch(await textOf(page.locator(byTestId('checker-summary'))), /IAM002/));
  const marked = await page.locator(byTestId('finding-mark')).allTextContents();
  assert.ok(marked.some((m) => /Alow/.test(m)), `the misspelt Effect inside the escaped string is marked: ${marked.join(' | ')}`);
});
