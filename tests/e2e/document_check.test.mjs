// Issue 17 item 2: a generated document's check cries no wolf. Statements to merge are checked as
// such (no lockout finding on vended-logs' key-policy-statement.json), and a finding a document gets
// knowingly shows its reason beside it, with a summary that is not an alarm.
//
//   E2E_DIST=dist node --test tests/e2e/document_check.test.mjs
//
// Screenshot: target/e2e/document-check-expected.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SHOTS, TEST_TIMEOUT, byTestId, eventually, openPage, setValue, textOf, tryExample } from './harness.mjs';

let session = null;

before(async () => {
  session = await openPage();
}, { timeout: TEST_TIMEOUT });

after(async () => {
  await session?.close();
});

const card = (file) => session.page.locator(`${byTestId('document')}[data-file="${file}"]`);

test('a finding the s3-export key policy gets on purpose says why, and the summary is not red', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await page.locator(byTestId('scenario-select')).selectOption('s3-export');
  await tryExample(page);
  const key = card('key-policy.json');
  const summary = key.locator(byTestId('document-summary'));
  await eventually(async () => assert.match(await textOf(summary), /^Checked: 1 warning, expected here: see why below$/));
  assert.match(await summary.getAttribute('class'), /\bcheck-ok\b/);
  const finding = key.locator(byTestId('document-finding'));
  assert.equal(await finding.count(), 1);
  assert.match(await textOf(finding.locator(byTestId('finding-code'))), /SEC002/);
  const why = finding.locator(byTestId('finding-expected'));
  assert.match(await textOf(why), /expected here: .*AWS's export example/);
  assert.ok(await why.isVisible(), 'the reason is shown, not only in the DOM');
  mkdirSync(SHOTS, { recursive: true });
  await key.locator('.document-check').screenshot({ path: path.join(SHOTS, 'document-check-expected.png') });
});

test('the vended-logs key statement is checked as statements to merge: no lockout finding', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await page.locator(byTestId('scenario-select')).selectOption('vended-logs');
  await tryExample(page);
  await setValue(page, 'input-destination', 's3');
  await setValue(page, 'input-key-arn', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
  const statement = card('key-policy-statement.json');
  await eventually(async () => assert.equal(await statement.count(), 1));
  await eventually(async () => assert.equal(await textOf(statement.locator(byTestId('document-summary'))), '✓ Checked: no findings'));
});
