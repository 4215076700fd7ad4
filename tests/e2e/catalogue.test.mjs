// The IAM action names the page does not embed: fetched once, from the site itself, only when a
// pasted policy names a service without them; the page keeps working when the file is missing.
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node --test tests/e2e/catalogue.test.mjs
//
// Screenshots: target/e2e/catalogue-loading.png (the status while the list loads),
// catalogue-failed.png (the list is missing: the message, and the other findings still shown).
//
// The page contract (data-testid handles): checker-kind, checker-input, checker-summary,
// checker-catalogue-status, finding, compare-input, compare-catalogue-status, compare-finding.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  SHOTS,
  TEST_TIMEOUT,
  byTestId,
  eventually,
  foreignRequests,
  openPage,
  setValue,
  sleep,
  textOf,
} from './harness.mjs';

const LIST = '**/on-demand/actions-native.txt*';
const isList = (url) => new URL(url).pathname.endsWith('/on-demand/actions-native.txt');

const identityPolicy = (...actions) =>
  JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
    },
    null,
    2,
  );

/** ec2 is not among the services whose actions the page embeds. */
const EC2_TYPO = identityPolicy('ec2:DescribeInstancez');
const KMS_AND_LOGS = identityPolicy('kms:Decrypt', 'logs:PutLogEvents', 'kms:Encrypt*');

/** What the window shows. */
async function windowShot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

const findingsOf = (page, testid) => page.locator(byTestId(testid)).allTextContents();

async function check(page, text) {
  await setValue(page, 'checker-kind', 'identity');
  await page.locator(byTestId('checker-input')).fill(text);
}

async function noIam013ForEc2Yet(page) {
  const findings = await findingsOf(page, 'finding');
  assert.ok(!findings.some((f) => f.includes('IAM013')), findings.join('\n'));
}

function assertClean(opened) {
  assert.deepEqual(foreignRequests(opened.url, opened.requests), [], 'no request leaves the origin');
  assert.deepEqual(opened.pageErrors, []);
  const blocked = opened.consoleErrors.filter((e) => /Content Security Policy/i.test(e));
  assert.deepEqual(blocked, [], 'the CSP (connect-src \'self\') allows the fetch');
}

test('the list is fetched once, from the site, only when a policy names a service without actions', { timeout: TEST_TIMEOUT }, async () => {
  const opened = await openPage();
  const { page, url, requests } = opened;
  try {
    await sleep(1_000);
    assert.deepEqual(requests.filter(isList), [], 'the first visit does not load the list');

    await check(page, KMS_AND_LOGS);
    await eventually(async () =>
      assert.doesNotMatch(await textOf(page.locator(byTestId('checker-summary'))), /Nothing to check yet/),
    );
    await sleep(1_500);
    assert.deepEqual(requests.filter(isList), [], 'kms and logs actions are embedded: nothing to load');

    await check(page, EC2_TYPO);
    await eventually(async () => {
      const findings = await findingsOf(page, 'finding');
      const iam013 = findings.filter((f) => f.includes('IAM013'));
      assert.equal(iam013.length, 1, findings.join('\n'));
      assert.match(iam013[0], /ec2/);
      assert.match(iam013[0], /DescribeInstances/, 'suggests the real action');
    });
    const fetched = requests.filter(isList);
    assert.equal(fetched.length, 1, fetched.join('\n'));
    assert.ok(fetched[0].startsWith(url), `${fetched[0]} is under the page's public URL ${url}`);
    assert.equal(await textOf(page.locator(byTestId('checker-catalogue-status'))), '');

    // Editing again, and another panel checking ec2, use the loaded list: no second request.
    await page.locator(byTestId('checker-input')).fill(identityPolicy('ec2:RunInstancez'));
    await eventually(async () =>
      assert.ok((await findingsOf(page, 'finding')).some((f) => f.includes('IAM013') && f.includes('RunInstances'))),
    );
    await page.locator(byTestId('compare-input')).fill(EC2_TYPO);
    await eventually(async () =>
      assert.ok((await findingsOf(page, 'compare-finding')).some((f) => f.includes('IAM013') && f.includes('ec2'))),
    );
    assert.equal(requests.filter(isList).length, 1);
    assertClean(opened);
  } finally {
    await opened.close();
  }
});

test('while the list loads the checker says so, then re-runs with it', { timeout: TEST_TIMEOUT }, async () => {
  const opened = await openPage();
  const { page } = opened;
  let release;
  const held = new Promise((resolve) => (release = resolve));
  try {
    await page.route(LIST, async (route) => {
      await held;
      await route.continue();
    });
    await check(page, EC2_TYPO);
    const status = page.locator(byTestId('checker-catalogue-status'));
    await eventually(async () => assert.match(await textOf(status), /Loading the full list of IAM actions .*ec2/));
    await noIam013ForEc2Yet(page);
    await status.scrollIntoViewIfNeeded();
    await windowShot(page, 'catalogue-loading.png');

    release();
    await eventually(async () =>
      assert.ok((await findingsOf(page, 'finding')).some((f) => f.includes('IAM013') && f.includes('ec2'))),
    );
    assert.equal(await textOf(status), '');
    assert.equal(opened.requests.filter(isList).length, 1);
    assertClean(opened);
  } finally {
    release();
    await opened.close();
  }
});

test('the compare panel loads the list too when its text needs it', { timeout: TEST_TIMEOUT }, async () => {
  const opened = await openPage();
  const { page } = opened;
  try {
    await page.locator(byTestId('compare-input')).fill(EC2_TYPO);
    await eventually(async () =>
      assert.ok((await findingsOf(page, 'compare-finding')).some((f) => f.includes('IAM013') && f.includes('ec2'))),
    );
    assert.equal(opened.requests.filter(isList).length, 1);
    assertClean(opened);
  } finally {
    await opened.close();
  }
});

test('a missing list is a clear message; the other findings and the text stay', { timeout: TEST_TIMEOUT }, async () => {
  const opened = await openPage();
  const { page } = opened;
  try {
    await page.route(LIST, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found\n' }));
    // "allow" in lower case: IAM005, which does not need the list.
    const text = EC2_TYPO.replace('"Allow"', '"allow"');
    await check(page, text);
    const status = page.locator(byTestId('checker-catalogue-status'));
    await eventually(async () => {
      const said = await textOf(status);
      assert.match(said, /Unknown-action checks .* for ec2 were skipped/);
      assert.match(said, /404/);
    });
    const findings = await findingsOf(page, 'finding');
    assert.ok(findings.some((f) => f.includes('IAM005')), findings.join('\n'));
    await noIam013ForEc2Yet(page);
    assert.equal(await textOf(page.locator(byTestId('checker-input'))), text);
    await status.scrollIntoViewIfNeeded();
    await windowShot(page, 'catalogue-failed.png');

    // A failure is not retried on every keystroke.
    await page.locator(byTestId('checker-input')).fill(text.replace('DescribeInstancez', 'DescribeInstancey'));
    await sleep(1_500);
    assert.equal(opened.requests.filter(isList).length, 1);
    assertClean(opened);
  } finally {
    await opened.close();
  }
});
