// The audit trail panel, "Fill from a CloudTrail record" and the export troubleshooter, as a user
// runs them.
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node --test tests/e2e/audit.test.mjs
//
// Screenshots: target/e2e/audit-*.png (desktop, and 390 px wide).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  REPO,
  TEST_TIMEOUT,
  byTestId,
  eventually,
  foreignRequests,
  openPage,
  screenshot,
  tryExample,
} from './harness.mjs';

const CREATE_EXPORT_TASK = readFileSync(path.join(REPO, 'tests/fixtures/cloudtrail/create-export-task.json'), 'utf8');

let session = null;

before(async () => {
  session = await openPage();
}, { timeout: TEST_TIMEOUT });

after(async () => {
  await session?.close();
});

async function chooseScenario(name) {
  const { page } = session;
  await page.locator(byTestId('scenario-select')).selectOption(name);
  await tryExample(page);
  await eventually(async () => assert.equal(await page.locator(byTestId('scenario-select')).inputValue(), name));
}

/** Opens the collapsed record box and puts `text` in it. */
async function pasteRecord(text) {
  const { page } = session;
  const box = page.locator(byTestId('record-import'));
  if (!(await box.evaluate((el) => el.open))) await box.locator('summary').click();
  await page.locator(byTestId('record-input')).fill(text);
}

test('the audit trail panel lists the steps\' events and the alert pattern (log-group-key)', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await chooseScenario('log-group-key');
  const panel = page.locator(byTestId('audit-trail'));
  await panel.waitFor({ state: 'visible' });

  // Every chip under the steps appears once in the panel, in the same order.
  const chips = await page.locator(byTestId('step-event')).evaluateAll((els) => els.map((el) => el.innerText.replace(/\s+/g, ' ').trim()));
  const listed = await page.locator(byTestId('audit-event')).evaluateAll((els) =>
    els.map((el) => `${el.querySelector('code').textContent} ${el.querySelector('strong').textContent}`));
  assert.ok(chips.length > 0, 'the default steps record no event');
  assert.deepEqual(listed, chips);

  // Risky calls are said in words, with why.
  const risks = await page.locator(byTestId('audit-risk')).allInnerTexts();
  for (const name of ['PutKeyPolicy', 'DisableKey', 'ScheduleKeyDeletion', 'CreateGrant', 'DisassociateKmsKey']) {
    const item = risks.find((r) => r.includes(name));
    assert.ok(item, `${name} is not among the risky calls:\n${risks.join('\n')}`);
    assert.match(item, / — \S.{10,}/, `${name} has no reason: ${item}`);
  }

  const pattern = JSON.parse(await page.locator(byTestId('audit-pattern')).textContent());
  assert.deepEqual(pattern['detail-type'], ['AWS API Call via CloudTrail']);
  assert.deepEqual(pattern.source, ['aws.kms', 'aws.logs']);
  for (const name of ['PutKeyPolicy', 'DisableKey', 'ScheduleKeyDeletion', 'CreateGrant', 'DisassociateKmsKey']) {
    assert.ok(pattern.detail.eventName.includes(name), `${name} missing from the pattern`);
  }
  assert.equal(await panel.locator(byTestId('copy-audit-pattern')).count(), 1);
  assert.equal(await panel.locator(byTestId('download-audit-pattern')).count(), 1);
  await panel.screenshot({ path: path.join(REPO, 'target/e2e/audit-panel.png') });
});

test('pasting the CreateExportTask record opens s3-export with its values filled', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await chooseScenario('log-group-key');
  await pasteRecord(CREATE_EXPORT_TASK);
  await page.locator(byTestId('record-import-button')).click();

  await eventually(async () => assert.equal(await page.locator(byTestId('scenario-select')).inputValue(), 's3-export'));
  const expected = {
    partition: 'aws',
    region: 'us-east-1',
    account: '123456789012',
    'log-groups': 'yourloggroup',
    bucket: 'yourdestination',
    from: '1970-01-01',
    to: '1973-11-29',
  };
  await eventually(async () => {
    for (const [field, value] of Object.entries(expected)) {
      assert.equal(await page.locator(byTestId(`input-${field}`)).inputValue(), value, `field ${field}`);
    }
  });
  const message = await page.locator(byTestId('record-message')).innerText();
  for (const label of ['Partition', 'Region', 'Account ID', 'Log group names', 'Bucket name', 'From', 'To']) {
    assert.ok(message.includes(label), `the message does not name ${label}: ${message}`);
  }
  const notes = await page.locator(byTestId('record-notes')).innerText();
  assert.ok(notes.includes('15e5e534-9548-44ab-a221-64d9d2b27b9b'), notes);
  // The documents follow the filled form.
  await eventually(async () => {
    const docs = (await page.locator(byTestId('document-text')).allTextContents()).join('\n');
    assert.ok(docs.includes('arn:aws:s3:::yourdestination'), 'the bucket policy does not name the imported bucket');
  });
  assert.equal(await page.locator(byTestId('record-input')).inputValue(), CREATE_EXPORT_TASK, 'the pasted record is kept');
});

test('the troubleshooter names s3:GetBucketAcl and shows the bundle\'s statement', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await chooseScenario('s3-export');
  const box = page.locator(byTestId('troubleshooter'));
  await box.locator(byTestId('troubleshoot-known')).selectOption('get-bucket-acl');

  await eventually(async () => {
    assert.match(await box.locator(byTestId('troubleshoot-heading')).innerText(), /GetBucketAcl call on the given bucket failed/);
  });
  const missing = await box.locator(byTestId('remedy-missing')).first().innerText();
  assert.match(missing, /^s3:GetBucketAcl for logs\.[a-z0-9-]+\.amazonaws\.com on arn:aws:s3:::/);
  const statement = JSON.parse(await box.locator(byTestId('remedy-statement')).first().textContent());
  assert.equal(statement.Action, 's3:GetBucketAcl');
  // It is the statement the page's own bucket policy holds.
  const bucketPolicy = JSON.parse(await page.locator(`[data-file="bucket-policy.json"] ${byTestId('document-text')}`).textContent());
  assert.deepEqual(bucketPolicy.Statement.find((s) => s.Sid === statement.Sid), statement);
  assert.equal(await box.locator(byTestId('copy-remedy')).first().count(), 1);
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, 'audit-desktop.png');
  await box.screenshot({ path: path.join(REPO, 'target/e2e/audit-troubleshooter.png') });

  // A message it does not know says so and lists what it knows.
  await box.locator(byTestId('troubleshoot-message')).fill('AccessDeniedException: not an export error');
  await eventually(async () => {
    assert.equal(await box.locator(byTestId('troubleshoot-heading')).innerText(), 'Not recognised');
    assert.match(await box.locator(byTestId('remedy')).innerText(), /GetBucketAcl call on the given bucket failed/);
  });
  assert.equal(await box.locator(byTestId('troubleshoot-known')).inputValue(), '', 'the select no longer claims a known error');
});

test('a broken record gives a located message and keeps the text', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await chooseScenario('query-result-key');
  const broken = CREATE_EXPORT_TASK.slice(0, 120);
  await pasteRecord(broken);
  await page.locator(byTestId('record-input')).press('Control+Enter');
  await eventually(async () => {
    const message = await page.locator(byTestId('record-message')).innerText();
    assert.match(message, /Not imported: line 1, column \d+: /);
  });
  assert.equal(await page.locator(byTestId('record-input')).inputValue(), broken);
  assert.equal(await page.locator(byTestId('scenario-select')).inputValue(), 'query-result-key', 'the scenario stays');

  await page.setViewportSize({ width: 390, height: 844 });
  await chooseScenario('s3-export');
  await page.locator(byTestId('troubleshoot-known')).selectOption('put-object');
  await page.locator(byTestId('remedy-statement')).first().waitFor({ state: 'visible' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 390px`);
  await screenshot(page, 'audit-390.png');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('a PutKeyPolicy record fills log-group-key and sends its policy to the checker', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await chooseScenario('s3-export');
  await pasteRecord(readFileSync(path.join(REPO, 'tests/fixtures/cloudtrail/put-key-policy.json'), 'utf8'));
  await page.locator(byTestId('record-import-button')).click();
  await eventually(async () => assert.equal(await page.locator(byTestId('scenario-select')).inputValue(), 'log-group-key'));
  await eventually(async () => assert.equal(await page.locator(byTestId('input-log-groups')).inputValue(), '/app/orders'));
  await page.locator(byTestId('record-check-policy')).click();
  await eventually(async () => {
    assert.equal(await page.locator(byTestId('checker-kind')).inputValue(), 'key');
    const pasted = JSON.parse(await page.locator(byTestId('checker-input')).inputValue());
    assert.ok(pasted.Statement.length > 0, 'the checker holds no statement');
    assert.match(await page.locator(byTestId('checker-summary')).innerText(), /\S/);
  });
});

test('no request leaves the page origin', () => {
  assert.ok(session.requests.length > 0, 'no request was recorded at all');
  const offenders = foreignRequests(session.url, session.requests);
  assert.deepEqual(offenders, [], `requests to other origins:\n${offenders.join('\n')}`);
});

test('no uncaught error in the page', (t) => {
  for (const message of session.consoleErrors) t.diagnostic(`console error: ${message}`);
  assert.deepEqual(session.pageErrors, [], `uncaught errors:\n${session.pageErrors.join('\n')}`);
});
