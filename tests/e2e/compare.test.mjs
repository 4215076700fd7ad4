// The compare panel as a user runs it: paste the key policy a key has now, read the diff, take the
// merged policy and its command, and check the scenario's calls with each policy.
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node --test tests/e2e/compare.test.mjs
//
// Screenshots: target/e2e/compare-desktop.png, target/e2e/compare-390.png (the panel only).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SHOTS, TEST_TIMEOUT, byTestId, eventually, foreignRequests, openPage, setValue, textOf } from './harness.mjs';
import { mkdirSync } from 'node:fs';

const LOGS_SID = 'Allow CloudWatch Logs to use the key';
const ROOT_SID = 'Enable IAM User Permissions';

/** What `aws kms get-key-policy --output text` returns for a key made with the default policy. */
const AWS_DEFAULT_KEY_POLICY = `{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "${ROOT_SID}",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::111122223333:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`;

/** AWS's rewritten form: every single value as a one-element array, AWS's spacing. */
function rewritten(policyText) {
  const arrays = (v) => (typeof v === 'string' ? [v] : v);
  const policy = JSON.parse(policyText);
  for (const s of policy.Statement) {
    for (const key of ['Action', 'Resource']) if (key in s) s[key] = arrays(s[key]);
    if (s.Principal && typeof s.Principal === 'object') {
      for (const k of Object.keys(s.Principal)) s.Principal[k] = arrays(s.Principal[k]);
    }
  }
  return JSON.stringify(policy, null, 2).replaceAll('": ', '" : ');
}

async function shoot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.locator(byTestId('compare')).screenshot({ path: path.join(SHOTS, name) });
}

async function paste(page, text) {
  await page.locator(byTestId('compare-input')).fill(text);
}

async function openLogGroupKey(width) {
  const opened = await openPage({ width });
  await setValue(opened.page, 'input-region', 'us-east-1');
  await setValue(opened.page, 'input-account', '111122223333');
  await opened.page.locator(byTestId('compare-document')).selectOption('key-policy.json');
  return opened;
}

test('paste the AWS default key policy: diff, merge, command and checklist', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, url, requests, pageErrors, close } = await openLogGroupKey(1280);
  try {
    await paste(page, AWS_DEFAULT_KEY_POLICY);

    // The logs statement is missing from the pasted policy: a broadening change, marked on the right.
    const logsChange = page.locator(byTestId('compare-change'), { hasText: LOGS_SID });
    await eventually(async () => assert.equal(await logsChange.getAttribute('data-impact'), 'broadening'));
    assert.match(await logsChange.textContent(), /broadening\s+Statement \d+ "Allow CloudWatch Logs to use the key" is only in the generated policy/);
    const mark = page.locator(`${byTestId('compare-generated')} mark.impact-broadening`, { hasText: LOGS_SID });
    assert.equal(await mark.count(), 1);
    assert.match(await mark.getAttribute('title'), /^broadening: /);
    assert.equal(await page.locator(byTestId('compare-change'), { hasText: ROOT_SID }).count(), 0);
    assert.match(await page.locator(byTestId('compare-summary')).textContent(), /\d+ broadening/);

    // The merge keeps the existing statement byte for byte (as JSON) and appends the logs one.
    const merged = JSON.parse(await page.locator(byTestId('compare-merged-text')).textContent());
    const pasted = JSON.parse(AWS_DEFAULT_KEY_POLICY);
    assert.deepEqual(merged.Statement[0], pasted.Statement[0]);
    assert.ok(merged.Statement.some((s) => s.Sid === LOGS_SID));
    assert.equal(merged.Statement.filter((s) => s.Sid === ROOT_SID).length, 1);
    assert.match(await page.locator(byTestId('compare-merged-size')).textContent(), /^[\d,]+ of 32,768 bytes \(within the limit\)$/);
    const command = await page.locator(byTestId('compare-command')).textContent();
    assert.match(command, /aws kms put-key-policy --region us-east-1 --key-id "\$KEY_ARN" --policy-name default --policy file:\/\/key-policy\.merged\.json/);
    assert.equal(await page.locator(byTestId('download-merged')).getAttribute('aria-label'), 'Download key-policy.merged.json');

    // Checklist: red for the pasted policy, with the fix named; green for generated and merged.
    const encrypt = page.locator(byTestId('compare-call'), { hasText: 'kms:GenerateDataKey' }).first();
    assert.equal(await encrypt.locator(byTestId('verdict-pasted')).getAttribute('data-ok'), 'false');
    const pastedCell = await encrypt.locator(byTestId('verdict-pasted')).textContent();
    assert.match(pastedCell, /denied/);
    assert.match(pastedCell, new RegExp(`fix: add the statement "${LOGS_SID}" of key-policy\\.json`));
    assert.equal(await encrypt.locator(byTestId('verdict-merged')).getAttribute('data-ok'), 'true');
    assert.match(await encrypt.locator(byTestId('verdict-merged')).textContent(), new RegExp(`allowed.*by key-policy\\.json statement 2 "${LOGS_SID}"`));
    assert.equal(await encrypt.locator(byTestId('verdict-generated')).getAttribute('data-ok'), 'true');

    // New access, merged against yours: CloudWatch Logs gains the key.
    const gained = page.locator(`${byTestId('compare-access')}[data-gained="true"]`, { hasText: 'logs.us-east-1.amazonaws.com' });
    assert.ok((await gained.count()) >= 1);
    assert.equal(await page.locator(`${byTestId('compare-access')}[data-gained="false"]`).count(), 0);
    await shoot(page, 'compare-desktop.png');

    // The generated policy itself, as AWS hands it back, is no change.
    const generated = await page.locator(`${byTestId('document')}[data-file="key-policy.json"] ${byTestId('document-text')}`).textContent();
    const again = rewritten(generated);
    assert.notEqual(again, generated);
    await paste(page, again);
    await eventually(async () => assert.ok(await page.locator(byTestId('compare-no-change')).isVisible()));
    assert.match(await page.locator(byTestId('compare-summary')).textContent(), /^No change/);
    assert.equal(await page.locator(byTestId('compare-change')).count(), 0);
    assert.match(await page.locator(byTestId('compare-merged-what')).textContent(), /^Adds nothing/);
    for (const cell of await page.locator(`${byTestId('verdict-pasted')}`).all()) {
      assert.equal(await cell.getAttribute('data-ok'), 'true');
    }

    // Broken JSON: located, and the text stays as typed.
    const broken = '{\n  "Version": "2012-10-17",\n  "Statement": [}\n';
    await paste(page, broken);
    const finding = page.locator(byTestId('compare-finding')).first();
    await eventually(async () => assert.match(await finding.textContent(), /JSON001\s+3:\d+/));
    assert.equal(await textOf(page.locator(byTestId('compare-input'))), broken);
    assert.equal(await page.locator(byTestId('compare-merged-text')).count(), 0);

    assert.deepEqual(foreignRequests(url, requests), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('the panel at 390 px wide', { timeout: TEST_TIMEOUT }, async () => {
  const { page, url, requests, pageErrors, close } = await openLogGroupKey(390);
  try {
    await paste(page, AWS_DEFAULT_KEY_POLICY);
    await eventually(async () => assert.ok((await page.locator(byTestId('compare-call')).count()) > 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await shoot(page, 'compare-390.png');
    assert.deepEqual(foreignRequests(url, requests), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('paste the JSON answer of get-key-policy: the policy inside is compared and merged bare, with the command that takes it', { timeout: TEST_TIMEOUT }, async () => {
  const { page, url, requests, pageErrors, close } = await openLogGroupKey(1280);
  try {
    const deployed = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'KeyAdmins', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/KeyAdmin' }, Action: ['kms:Create*', 'kms:Describe*', 'kms:Put*'], Resource: '*' },
        { Sid: 'BackupService', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/Backup' }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' },
      ],
    };
    // `aws kms get-key-policy` without --output text: the policy is a string inside the answer.
    // Issue 14: read with the importer, so the policy inside is what is compared (it used to be
    // refused with a "Use the policy inside" button).
    const answer = JSON.stringify({ Policy: JSON.stringify(deployed), PolicyName: 'default' }, null, 4);
    await paste(page, answer);

    const merged = page.locator(byTestId('compare-merged-text'));
    await eventually(async () => assert.ok(await merged.isVisible()));
    const statements = JSON.parse(await merged.textContent()).Statement;
    assert.deepEqual(statements.slice(0, 2), deployed.Statement);
    assert.ok(statements.some((s) => s.Sid === LOGS_SID));
    assert.match(await page.locator(byTestId('compare-merged-what')).textContent(), /kept exactly as they are/);
    assert.match(await textOf(page.locator(byTestId('compare-merged-put-back'))), /aws kms put-key-policy takes this bare policy, not the aws kms get-key-policy answer/);
    assert.equal(await page.locator(byTestId('compare-merge-refused')).count(), 0);
    assert.equal(await page.locator(byTestId('use-policy-inside')).count(), 0);
    assert.match(await textOf(page.locator(byTestId('compare-found'))), /AWS CLI output holds 1 policy/);
    // The paste stays as pasted.
    assert.equal(await textOf(page.locator(byTestId('compare-input'))), answer);

    // An unknown top-level element: not read, so not merged, and the findings are open.
    await paste(page, JSON.stringify({ ...deployed, Comment: 'owned by the platform team' }, null, 2));
    const refused = page.locator(byTestId('compare-merge-refused'));
    await eventually(async () => assert.match(await page.locator(byTestId('compare-refused-message')).textContent(), /^Part of your policy could not be read \(Comment\)/));
    assert.ok(await refused.isVisible());
    await shoot(page, 'compare-refused.png');
    assert.equal(await page.locator('details.compare-findings[open]').count(), 1);
    assert.equal(await page.locator(byTestId('compare-command')).count(), 0);

    assert.deepEqual(foreignRequests(url, requests), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('a role the pasted key policy leaves to IAM is "up to its IAM policy", with the delegating statement', { timeout: TEST_TIMEOUT }, async () => {
  const { page, url, requests, pageErrors, close } = await openLogGroupKey(1280);
  const role = 'arn:aws:iam::111122223333:role/orders-app';
  try {
    await setValue(page, 'input-caller-permission', 'key-policy');
    await setValue(page, 'input-callers', [role]);
    await page.locator(byTestId('compare-document')).selectOption('key-policy.json');
    await paste(page, AWS_DEFAULT_KEY_POLICY);

    const row = page.locator(byTestId('compare-call'), { hasText: 'role/orders-app' }).first();
    const cell = row.locator(byTestId('verdict-pasted'));
    await eventually(async () => assert.match(await cell.textContent(), /up to its IAM policy/));
    assert.equal(await cell.getAttribute('data-ok'), 'false');
    const said = await cell.locator(byTestId('verdict-up-to-iam')).textContent();
    assert.match(said, new RegExp(`^allowed if ${role}'s own IAM policy grants kms:\\w+: key-policy\\.json statement 1 "${ROOT_SID}"`));
    // CloudWatch Logs, a service, is plainly denied: no IAM policy of its own could help.
    const service = page.locator(byTestId('compare-call'), { hasText: 'logs.us-east-1.amazonaws.com' }).first();
    assert.doesNotMatch(await service.locator(byTestId('verdict-pasted')).textContent(), /up to its IAM policy/);
    assert.equal(await service.locator(byTestId('verdict-up-to-iam')).count(), 0);
    await page.locator(byTestId('compare')).screenshot({ path: path.join(SHOTS, 'compare-up-to-iam.png') });

    assert.deepEqual(foreignRequests(url, requests), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('read-only callers: the key policy gives the roles kms:Decrypt alone, and the hint says what the default grants', { timeout: TEST_TIMEOUT }, async () => {
  const { page, url, requests, pageErrors, close } = await openLogGroupKey(1280);
  try {
    await setValue(page, 'input-caller-permission', 'key-policy');
    await setValue(page, 'input-callers', ['arn:aws:iam::111122223333:role/reader']);
    const keyPolicy = page.locator(`${byTestId('document')}[data-file="key-policy.json"] ${byTestId('document-text')}`);
    const callers = async () => JSON.parse(await keyPolicy.textContent()).Statement.find((s) => s.Sid === 'Allow callers to use the key through CloudWatch Logs');
    await eventually(async () => assert.ok((await callers())?.Action.includes('kms:GenerateDataKey*')));
    assert.match(await page.locator('body').textContent(), /Read and write, the default, grants AWS's documented set/);
    await setValue(page, 'input-caller-access', 'read-only');
    await eventually(async () => assert.equal((await callers()).Action, 'kms:Decrypt'));
    // The role still reads its log groups: the generated policy's checklist row for it is green.
    await paste(page, await keyPolicy.textContent());
    const row = page.locator(byTestId('compare-call'), { hasText: 'role/reader' }).first();
    await eventually(async () => assert.equal(await row.locator(byTestId('verdict-generated')).getAttribute('data-ok'), 'true'));
    assert.deepEqual(foreignRequests(url, requests), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});
