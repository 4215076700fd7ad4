// One flow per scenario, as a user runs it: choose the scenario, fill its key fields, and find the
// values in the generated documents, files and commands; no generated document has an error or security finding.
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node --test tests/e2e/scenarios.test.mjs
//
// Screenshots: target/e2e/<scenario>.png. A scenario with no flow below yet (its form still
// being written) is skipped with a note.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT,
  byTestId,
  eventually,
  foreignRequests,
  generatedTexts,
  openPage,
  screenshot,
  setValue,
  tryExample,
} from './harness.mjs';

/**
 * Per scenario (its CLI name): the fields to fill (`input-<name>`; a list fills a lines box) in
 * order, and the strings the generated texts must then contain.
 */
const FLOWS = {
  'log-group-key': {
    fill: {
      region: 'eu-central-1',
      account: '210987654321',
      scope: 'several-groups',
      'log-groups': ['/app/payments', '/app/refunds'],
      'caller-permission': 'iam-policy',
      callers: ['arn:aws:iam::210987654321:role/payments'],
    },
    expect: [
      '"logs.eu-central-1.amazonaws.com"',
      '"arn:aws:logs:eu-central-1:210987654321:log-group:/app/payments"',
      '"arn:aws:logs:eu-central-1:210987654321:log-group:/app/refunds"',
      '"arn:aws:iam::210987654321:root"',
      'aws iam put-role-policy --role-name payments',
      'aws logs create-log-group --region eu-central-1',
    ],
  },
  'query-result-key': {
    fill: {
      region: 'eu-west-1',
      account: '210987654321',
      'share-with-log-groups': true,
      'log-group-scope': 'one-group',
      'log-groups': ['/app/orders'],
    },
    expect: [
      '"logs.eu-west-1.amazonaws.com"',
      '"aws:SourceArn": "arn:aws:logs:eu-west-1:210987654321:query-result:*"',
      '"aws:SourceAccount": "210987654321"',
      '"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:210987654321:log-group:/app/orders"',
      "--resource-identifier 'arn:aws:logs:eu-west-1:210987654321:query-result:*'",
      'aws logs associate-kms-key --region eu-west-1 --log-group-name /app/orders',
    ],
  },
  's3-export': {
    fill: {
      region: 'eu-west-1',
      account: '210987654321',
      'log-groups': ['/app/orders'],
      from: '2024-01-01',
      to: '2024-01-31',
      bucket: 'acme-log-archive',
    },
    expect: [
      '"Service": "logs.eu-west-1.amazonaws.com"',
      '"Resource": "arn:aws:s3:::acme-log-archive/exportedlogs/*"',
      '"arn:aws:logs:eu-west-1:210987654321:log-group:*"',
      '"arn:aws:logs:eu-west-1:210987654321:log-group:/app/orders"',
      '"KMSMasterKeyID": "arn:aws:kms:eu-west-1:210987654321:key/',
      'aws s3api put-bucket-encryption --region eu-west-1 --bucket acme-log-archive',
      // The dates as export-task milliseconds: 2024-01-01T00:00:00Z to 2024-01-31T23:59:59.999Z.
      '--from 1704067200000 --to 1706745599999',
      '--destination acme-log-archive',
    ],
  },
  'vended-logs': {
    fill: {
      region: 'eu-west-1',
      account: '210987654321',
      'source-resource-arn': 'arn:aws:bedrock:eu-west-1:210987654321:knowledge-base/KBACME0001',
      'delivery-source-name': 'acme-kb-logs',
      destination: 's3',
      bucket: 'acme-vended-logs',
    },
    expect: [
      '"Service": "delivery.logs.amazonaws.com"',
      '"Resource": "arn:aws:s3:::acme-vended-logs/AWSLogs/210987654321/*"',
      '"arn:aws:logs:eu-west-1:210987654321:delivery-source:*"',
      'aws logs put-delivery-source --region eu-west-1 --name acme-kb-logs',
      '--resource-arn arn:aws:bedrock:eu-west-1:210987654321:knowledge-base/KBACME0001',
      'destinationResourceArn=arn:aws:s3:::acme-vended-logs',
    ],
  },
  'audit-trail': {
    fill: {
      region: 'eu-west-1',
      account: '210987654321',
      'watch-s3-export': false,
      'rule-name': 'acme-kms-watch',
      'sns-topic-arn': 'arn:aws:sns:eu-west-1:210987654321:sec-alerts',
    },
    expect: [
      '"kms.amazonaws.com"',
      '"PutKeyPolicy"',
      '"Resource": "arn:aws:sns:eu-west-1:210987654321:sec-alerts"',
      '"aws:SourceArn": "arn:aws:events:eu-west-1:210987654321:rule/acme-kms-watch"',
      'aws events put-rule --region eu-west-1 --name acme-kms-watch',
      'aws events put-targets --region eu-west-1 --rule acme-kms-watch',
    ],
  },
};

/** Every scenario the page offers, in its order (a new one must be added here, and given a flow). */
const SCENARIOS = ['log-group-key', 'query-result-key', 's3-export', 'vended-logs', 'audit-trail'];

let session = null;

before(async () => {
  session = await openPage();
}, { timeout: TEST_TIMEOUT });

after(async () => {
  await session?.close();
});

/** The scenarios the page offers, by value, read from the scenario select. */
async function offeredScenarios() {
  return session.page.locator(`${byTestId('scenario-select')} option`).evaluateAll((options) => options.map((o) => o.value));
}

test('the page offers every scenario this file knows, in order', { timeout: TEST_TIMEOUT }, async () => {
  assert.deepEqual(await offeredScenarios(), SCENARIOS);
  for (const name of Object.keys(FLOWS)) assert.ok(SCENARIOS.includes(name), `a flow for an unknown scenario ${name}`);
});

// One test per offered scenario, so a new scenario shows up here as skipped until it has a flow.
for (const name of SCENARIOS) {
  test(`${name}: the filled values reach the documents and commands`, { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator(byTestId('scenario-select')).selectOption(name);
    await tryExample(page);
    await eventually(async () => {
      const form = await page.locator(`form.scenario-form [data-testid^="input-"], ${byTestId('no-fields')}`).count();
      assert.ok(form > 0, `the ${name} form did not render`);
    });
    const flow = FLOWS[name];
    if (!flow) {
      const fields = await page.locator(`form.scenario-form [data-testid^="input-"]`).count();
      await screenshot(page, `${name}.png`);
      t.skip(fields ? `${name} has ${fields} fields but no flow in scenarios.test.mjs yet` : `${name} has no fields yet`);
      return;
    }

    for (const [field, value] of Object.entries(flow.fill)) await setValue(page, `input-${field}`, value);

    await eventually(async () => {
      const texts = (await generatedTexts(page)).join('\n');
      const missing = flow.expect.filter((s) => !texts.includes(s));
      assert.deepEqual(missing, [], `the generated texts lack ${missing.join(', ')}; they read:\n${texts}`);
    });
    assert.equal(await page.locator(byTestId('bundle-banner')).count(), 0,
      `the form reports problems: ${await page.locator(byTestId('bundle-banner')).allInnerTexts()}\n` +
      (await page.locator('[data-testid^="field-error-"]').allInnerTexts()).join('\n'));
    const checks = await page.locator(byTestId('document-summary')).allInnerTexts();
    // The bar: no error or security finding. Warnings stay visible on purpose: they
    // explain facts the fact sheet marks unverified (e.g. whether export sends aws:SourceAccount).
    assert.ok(checks.every((c) => !/error|security/i.test(c)), `a generated document has error or security findings:\n${checks.join('\n')}`);

    await screenshot(page, `${name}.png`);
  });
}

test('no request leaves the page origin', () => {
  assert.ok(session.requests.length > 0, 'no request was recorded at all');
  const offenders = foreignRequests(session.url, session.requests);
  assert.deepEqual(offenders, [], `requests to other origins:\n${offenders.join('\n')}`);
});

test('no uncaught error in the page', (t) => {
  for (const message of session.consoleErrors) t.diagnostic(`console error: ${message}`);
  assert.deepEqual(session.pageErrors, [], `uncaught errors:\n${session.pageErrors.join('\n')}`);
});
