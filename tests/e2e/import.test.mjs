// Issue 14 item 6 (the checker): a pasted CloudFormation template or AWS CLI answer is checked
// policy by policy in the analysis worker, each finding located in the paste as pasted, with a list
// of the policies found and a choice of whose findings to show.
//
//   E2E_DIST=dist node --test tests/e2e/import.test.mjs
//
// The compare box (item 6, second half): a pasted template lists its policies, pairs each generated
// document with the policy that stands for it, compares the picked one and merges it bare.
//
// Screenshots: target/e2e/checker-template.png, target/e2e/compare-template.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, SHOTS, TEST_TIMEOUT, byTestId, eventually, openPage, setValue, textOf } from './harness.mjs';

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

test('a CloudFormation stack in the compare box: policies listed, pairs found, the picked one compared with its findings located, the merge bare', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await setValue(page, 'scenario-select', 's3-export');
  await setValue(page, 'input-region', 'us-east-1');
  await setValue(page, 'input-bucket', 'my-exported-logs');
  await page.locator(byTestId('compare-document')).selectOption('bucket-policy.json');
  // The export bucket's policy without its GetBucketAcl statement: CWL006, an export that fails.
  const stack = fixture('s3-export-stack.yaml');
  const broken = stack.replace(/\n {10}- Sid: AllowLogsAcl[\s\S]*?arn:aws:s3:::my-exported-logs\n/, '\n');
  assert.notEqual(broken, stack, 'the fixture still has the AllowLogsAcl statement to take out');
  await paste(page, 'compare-input', broken);

  // Paste → the list of policies and the pairs.
  const pick = page.locator(byTestId('compare-policy-pick'));
  await eventually(async () => assert.equal(await pick.locator('option').count(), 5, 'the paired one and the four policies'));
  const options = await pick.locator('option').allTextContents();
  assert.match(options.join(' | '), /AuditBucketPolicy.*ExportBucketPolicy.*ExportKey.*ExporterPolicy/);
  const pairs = page.locator(byTestId('compare-pair'));
  await eventually(async () => assert.equal(await pairs.count(), 3));
  const paired = await pairs.allTextContents();
  assert.match(paired[0], /bucket-policy\.json ↔ ExportBucketPolicy/, 'paired by the bucket it names, not the first bucket policy');
  assert.match(paired[1], /key-policy\.json ↔ ExportKey/);
  assert.match(paired[2], /caller-policy\.json ↔ ExporterPolicy/);
  assert.match(await textOf(page.locator(byTestId('compare-summary'))), /ExportBucketPolicy/);

  // Findings of the compared policy, located in the template as pasted.
  const findings = page.locator(byTestId('compare-finding'));
  await eventually(async () => assert.match((await findings.allTextContents()).join(' '), /CWL006/));
  const acl = findings.filter({ hasText: 'CWL006' }).first();
  await acl.locator(byTestId('finding-loc')).click();
  const selected = await page.locator(byTestId('compare-input')).evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  assert.match(selected, /logs\.us-east-1\.amazonaws\.com/, `the finding selects the principal in the pasted template: "${selected}"`);
  await eventually(async () => assert.ok(await page.locator(byTestId('compare-merge-refused')).isVisible(), 'an error is not merged'));
  mkdirSync(SHOTS, { recursive: true });
  await page.locator(byTestId('compare')).screenshot({ path: path.join(SHOTS, 'compare-template.png') });

  // Pick → the other bucket policy is compared instead.
  await pick.selectOption('AuditBucketPolicy');
  await eventually(async () => assert.match(await textOf(page.locator(byTestId('compare-summary'))), /AuditBucketPolicy/));
  await eventually(async () => assert.match(await textOf(page.locator(byTestId('compare-existing'))), /DenyInsecure/));

  // The clean stack: compared, merged bare, and the merge says where it goes.
  await pick.selectOption('');
  await paste(page, 'compare-input', stack);
  const putBack = page.locator(byTestId('compare-merged-put-back'));
  await eventually(async () => assert.match(await textOf(putBack), /back into the CloudFormation template \(YAML\) by hand, as ExportBucketPolicy/));
  const merged = await textOf(page.locator(byTestId('compare-merged-text')));
  assert.doesNotMatch(merged, /Resources:|Type:/, 'the merge is the bare policy');
  assert.ok(JSON.parse(merged).Statement.length >= 2);

  // A pair's "Compare this pair" shows that document.
  await pairs.nth(1).locator(byTestId('compare-pair-show')).click();
  await eventually(async () => assert.equal(await page.locator(byTestId('compare-document')).inputValue(), 'key-policy.json'));
  await eventually(async () => assert.match(await textOf(page.locator(byTestId('compare-summary'))), /ExportKey/));
});

test('aws kms get-key-policy output in the compare box is compared as the policy inside and merged bare', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await setValue(page, 'scenario-select', 'log-group-key');
  await page.locator(byTestId('compare-document')).selectOption('key-policy.json');
  const answer = JSON.stringify({ Policy: fixture('broken-key-policy.json').replace('Alow', 'Allow').replace('Decript', 'Decrypt'), PolicyName: 'default' });
  await paste(page, 'compare-input', answer);
  await eventually(async () => assert.match(await textOf(page.locator(byTestId('compare-found'))), /holds 1 policy/));
  assert.equal(await page.locator(byTestId('use-policy-inside')).count(), 0, 'no refusal card offering the policy inside');
  const putBack = page.locator(byTestId('compare-merged-put-back'));
  await eventually(async () => assert.match(await textOf(putBack), /aws kms put-key-policy takes this bare policy/));
  assert.doesNotMatch(await textOf(page.locator(byTestId('compare-merged-text'))), /PolicyName/);
});
