// End-to-end test of the release build, as a user sees it: Debian Chromium driven by
// playwright-core against dist/ served under /cwlogs-policy-builder/ (as deployed).
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node --test tests/e2e/app.test.mjs
//
// Environment: E2E_DIST (default <repo>/dist), E2E_URL (test a running server instead, e.g. trunk
// serve's http://127.0.0.1:8080/), CHROMIUM (default /usr/bin/chromium).
// Screenshots: target/e2e/form.png, checker.png, phone.png.
//
// The page contract (data-testid handles):
//   input-region, input-account (input or select), input-log-groups (textarea, one name per line)
//   document-text (the first one is the generated key policy), step-command (CLI steps)
//   checker-input (textarea), finding (one per finding: code and line:column in its text),
//   finding-mark (the finding's place marked in the text)
//   nav-checker (optional: clicked when the checker is not shown next to the form)

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  byTestId,
  eventually,
  foreignRequests,
  LOAD_TIMEOUT,
  openPage,
  screenshot,
  setValue,
  sleep,
  TEST_TIMEOUT,
  textOf,
} from './harness.mjs';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const LOG_GROUP = '/app/orders';

/** A key policy with a comma missing between two array items on line 3. */
const MISSING_COMMA = `{
  "Version": "2012-10-17",
  "Statement": [{"Sid": "EnableRootPermissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${ACCOUNT}:root"}, "Action": ["kms:Describe*" "kms:Get*"], "Resource": "*"}]
}
`;

/** A key policy whose Effect is "allow" (lowercase). */
const LOWERCASE_EFFECT = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "EnableRootPermissions",
      "Effect": "allow",
      "Principal": {"AWS": "arn:aws:iam::${ACCOUNT}:root"},
      "Action": "kms:*",
      "Resource": "*"
    }
  ]
}
`;

/** The page every test here shares, opened once by `before`. */
let session = null;
let page = null;

/** Each finding's rendered text (innerText keeps the badge, code, line:column and message apart). */
function findingTexts() {
  return page.locator(byTestId('finding')).allInnerTexts();
}

/** Shows the checker when it lives behind a navigation link rather than next to the form. */
async function showChecker() {
  const input = page.locator(byTestId('checker-input')).first();
  if (await input.isVisible()) return input;
  const nav = page.locator(byTestId('nav-checker')).first();
  if (await nav.count()) await nav.click();
  await input.waitFor({ state: 'visible' });
  return input;
}

before(async () => {
  session = await openPage();
  page = session.page;
}, { timeout: TEST_TIMEOUT });

after(async () => {
  await session?.close();
});

test('the page loads and shows the form', { timeout: TEST_TIMEOUT }, async () => {
  await page.locator(byTestId('input-region')).first().waitFor({ state: 'visible', timeout: LOAD_TIMEOUT });
  await page.locator(byTestId('input-account')).first().waitFor({ state: 'visible' });
  await page.locator(byTestId('input-log-groups')).first().waitFor({ state: 'visible' });
});

test('the form generates a key policy for the log group and the CLI steps', { timeout: TEST_TIMEOUT }, async () => {
  await setValue(page, 'input-region', REGION);
  await setValue(page, 'input-account', ACCOUNT);
  await setValue(page, 'input-log-groups', LOG_GROUP);

  const expected = [
    `"logs.${REGION}.amazonaws.com"`,
    `"arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${LOG_GROUP}"`,
    `"arn:aws:iam::${ACCOUNT}:root"`,
  ];
  await eventually(async () => {
    const policy = await textOf(page.locator(byTestId('document-text')).first());
    const missing = expected.filter((s) => !policy.includes(s));
    assert.deepEqual(missing, [], `the key policy lacks ${missing.join(', ')}; it reads:\n${policy}`);
  });

  await eventually(async () => {
    const commands = await page.locator(byTestId('step-command')).allTextContents();
    assert.ok(
      commands.some((c) => c.includes('aws logs')),
      `no step-command contains "aws logs"; there are ${commands.length}:\n${commands.join('\n')}`,
    );
  });

  await screenshot(page, 'form.png');
});

test('the checker locates a missing comma: JSON001 on line 3, marked in the text', { timeout: TEST_TIMEOUT }, async () => {
  const input = await showChecker();
  await input.fill(MISSING_COMMA);
  await input.blur();

  await eventually(async () => {
    const findings = await findingTexts();
    assert.ok(
      findings.some((f) => f.includes('JSON001') && /(^|[^0-9])3:/.test(f)),
      `no finding with JSON001 at line 3 ("3:"); findings:\n${findings.join('\n') || '(none)'}`,
    );
  });
  await eventually(async () => {
    assert.ok((await page.locator(byTestId('finding-mark')).count()) > 0, 'no finding-mark in the checked text');
  });

  await screenshot(page, 'checker.png');
});

test('the checker flags a lowercase Effect with IAM005', { timeout: TEST_TIMEOUT }, async () => {
  const input = await showChecker();
  await input.fill(LOWERCASE_EFFECT);
  await input.blur();

  await eventually(async () => {
    const findings = await findingTexts();
    assert.ok(
      findings.some((f) => f.includes('IAM005')),
      `no IAM005 finding for "Effect": "allow"; findings:\n${findings.join('\n') || '(none)'}`,
    );
  });
});

test('judged against the form, a key policy for another Region gets CWL002', { timeout: TEST_TIMEOUT }, async () => {
  // The generated key policy (form: REGION, ACCOUNT, LOG_GROUP), moved to another Region.
  const generated = await textOf(page.locator(byTestId('document-text')).first());
  const elsewhere = generated.replaceAll(REGION, 'us-east-2');
  assert.notEqual(elsewhere, generated);
  const input = await showChecker();
  await input.fill(elsewhere);
  const codes = async () => (await findingTexts()).filter((f) => f.includes('CWL002'));
  await eventually(async () => assert.match(await page.locator(byTestId('checker-summary')).textContent(), /\S/));
  assert.deepEqual(await codes(), [], 'on its own the policy is consistent');

  const toggle = page.locator(byTestId('checker-against-form'));
  assert.match(await toggle.locator('xpath=..').textContent(), /against the form above \(Encrypt log groups/);
  await toggle.check();
  await eventually(async () => {
    const found = await codes();
    assert.ok(found.length > 0, `no CWL002 with the form's Region ${REGION}; findings:\n${(await findingTexts()).join('\n')}`);
  });
  await toggle.uncheck();
  await eventually(async () => assert.deepEqual(await codes(), []));
  assert.equal(await input.inputValue(), elsewhere, 'the pasted text is kept');
});

test('the page on a 390px-wide phone', { timeout: TEST_TIMEOUT }, async (t) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await sleep(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) t.diagnostic(`warning: the page is ${overflow}px wider than a 390px phone screen`);
  await screenshot(page, 'phone.png');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('no request leaves the page origin', () => {
  const origin = new URL(session.url).origin;
  // data: URLs are not fetched from anywhere; blob: URLs carry the origin that made them.
  const offenders = foreignRequests(session.url, session.requests);
  assert.ok(session.requests.length > 0, 'no request was recorded at all');
  assert.deepEqual(offenders, [], `requests to other origins than ${origin}:\n${offenders.join('\n')}`);
});

test('no uncaught error in the page', (t) => {
  for (const message of session.consoleErrors) t.diagnostic(`console error: ${message}`);
  assert.deepEqual(
    session.pageErrors,
    [],
    `uncaught errors:\n${session.pageErrors.join('\n')}${session.consoleErrors.length ? `\nconsole errors:\n${session.consoleErrors.join('\n')}` : ''}`,
  );
});
