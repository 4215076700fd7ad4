// Teaching mode (why each statement and condition is there, "Break it") and the printable review.
//
//   trunk build --public-url /cwlogs-policy-builder/ --dist DIST && E2E_DIST=DIST node --test tests/e2e/teaching.test.mjs
//
// Screenshots: target/e2e/teaching-*.png (screen, broken statement, print emulation, opened from a
// link) and target/e2e/teaching-review.pdf.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SHOTS, TEST_TIMEOUT, byTestId, eventually, foreignRequests, openPage, screenshot, setValue, textOf, tryExample } from './harness.mjs';

const LOGS_SID = 'Allow CloudWatch Logs to use the key';

let session = null;

before(async () => {
  session = await openPage();
}, { timeout: TEST_TIMEOUT });

after(async () => {
  await session?.close();
});

const keyPolicyCard = () => session.page.locator(`${byTestId('document')}[data-file="key-policy.json"]`);
const logsLesson = () => keyPolicyCard().locator(`${byTestId('lesson')}[data-sid="${LOGS_SID}"]`);

test('teaching mode explains the logs statement and its condition, and breaking it denies GenerateDataKey', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await page.locator(byTestId('scenario-select')).selectOption('log-group-key');
  await setValue(page, 'input-log-groups', ['/app/orders']);
  assert.equal(await page.locator(byTestId('lesson')).count(), 0, 'lessons are hidden until teaching mode is on');

  // The switch is a labelled checkbox; Space turns it on, as with any checkbox.
  const toggle = page.getByRole('switch', { name: 'Teaching mode' });
  await toggle.focus();
  await page.keyboard.press('Space');
  await eventually(async () => assert.equal(await toggle.isChecked(), true));

  const lesson = logsLesson();
  await lesson.waitFor({ state: 'visible' });
  const why = await lesson.locator(byTestId('lesson-why')).innerText();
  assert.match(why, /encryption context/);
  assert.equal(
    await lesson.locator(byTestId('lesson-doc')).getAttribute('href'),
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
  );
  const condition = await lesson.locator(byTestId('condition-notes')).innerText();
  assert.match(condition, /kms:EncryptionContext:aws:logs:arn/);
  assert.match(condition, /arn:aws:logs:us-east-1:111122223333:log-group:\/app\/orders/);
  assert.match(condition, /log group's ARN/);
  // The plain reasons list steps aside while the lessons show them.
  assert.equal(await keyPolicyCard().locator('.explanations').isVisible(), false);
  await page.locator(byTestId('teaching-bar')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'teaching-on.png') });

  await lesson.locator(byTestId('break-statement')).click();
  const result = lesson.locator(byTestId('break-result'));
  await result.waitFor({ state: 'visible' });
  const denied = result.locator(byTestId('broken-call')).filter({ hasText: 'kms:GenerateDataKey' });
  await eventually(async () => assert.equal(await denied.count(), 1));
  const deniedText = await denied.innerText();
  assert.match(deniedText, /logs\.us-east-1\.amazonaws\.com/);
  assert.match(deniedText, /\/app\/orders/);
  assert.match(deniedText, new RegExp(`Fix: add the statement "${LOGS_SID}" of key-policy.json`));
  assert.equal(await lesson.locator(byTestId('break-statement')).getAttribute('aria-pressed'), 'true');
  // The document itself is not changed.
  assert.match(await keyPolicyCard().locator(byTestId('document-text')).innerText(), new RegExp(LOGS_SID));
  await lesson.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'teaching-broken.png') });

  // Switching teaching mode off and on keeps the broken statement and the form.
  await toggle.click();
  await eventually(async () => assert.equal(await page.locator(byTestId('lesson')).count(), 0));
  await toggle.click();
  await logsLesson().locator(byTestId('break-result')).waitFor({ state: 'visible' });
  assert.equal(await page.locator(byTestId('input-log-groups')).inputValue(), '/app/orders');

  await logsLesson().locator(byTestId('break-statement')).click();
  await eventually(async () => assert.equal(await logsLesson().locator(byTestId('break-result')).count(), 0));
  assert.equal(await logsLesson().locator(byTestId('break-statement')).innerText(), 'Break it');

  // Breaking the account's root statement shows the lockout finding instead.
  const root = keyPolicyCard().locator(`${byTestId('lesson')}[data-sid="Enable IAM User Permissions"]`);
  await root.locator(byTestId('break-statement')).click();
  await eventually(async () => assert.match(await root.locator(byTestId('break-result')).innerText(), /SEC004/));
  await root.locator(byTestId('break-statement')).click();

  assert.deepEqual(foreignRequests(session.url, session.requests), []);
  assert.deepEqual(session.pageErrors, []);
});

test('print review calls window.print, and print media shows the review without the controls', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
  });
  await page.locator(byTestId('print-review')).click();
  await eventually(async () => assert.equal(await page.evaluate(() => window.__printed), 1));

  const summary = page.locator(byTestId('review-summary'));
  assert.equal(await summary.isVisible(), false, 'the review summary is print-only');
  // Dark mode too: paper gets no dark backgrounds.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  try {
    await summary.waitFor({ state: 'visible' });
    const inputs = await page.locator(byTestId('review-inputs')).innerText();
    assert.match(inputs, /Log group names\s+\/app\/orders/);
    assert.match(inputs, /Region\s+us-east-1/);
    const checklist = await page.locator(byTestId('review-checklist')).innerText();
    assert.match(checklist, /kms:GenerateDataKey/);
    assert.doesNotMatch(checklist, /WRONG/);
    assert.match(await summary.innerText(), /Reviewed by:/);
    // Form controls and buttons are gone; every document is there.
    assert.equal(await page.locator(byTestId('input-region')).isVisible(), false);
    assert.equal(await page.locator(byTestId('teaching-toggle')).isVisible(), false);
    assert.equal(await page.locator(byTestId('print-review')).isVisible(), false);
    assert.equal(await page.locator(byTestId('copy-document')).first().isVisible(), false);
    assert.equal(await page.locator(byTestId('lesson')).first().isVisible(), false);
    assert.equal(await keyPolicyCard().locator(byTestId('document-text')).isVisible(), true);
    assert.equal(await keyPolicyCard().locator('.explanations').isVisible(), true);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(255, 255, 255)');
    const code = await keyPolicyCard().locator(byTestId('document-text')).evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(code, 'rgb(255, 255, 255)');
    await screenshot(page, 'teaching-print.png');
  } finally {
    await page.emulateMedia({ media: null, colorScheme: null });
  }
  mkdirSync(SHOTS, { recursive: true });
  const pdf = path.join(SHOTS, 'teaching-review.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  assert.ok(statSync(pdf).size > 10_000, 'the PDF is written');
  assert.equal(await summary.isVisible(), false, 'back on screen, the summary hides again');
  assert.deepEqual(foreignRequests(session.url, session.requests), []);
  assert.deepEqual(session.pageErrors, []);
});

test('a 390 px wide screen stacks each statement above its reasons', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const lesson = logsLesson();
    await lesson.waitFor({ state: 'visible' });
    const width = await lesson.evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(width <= 1, `the lesson overflows by ${width}px`);
    await lesson.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'teaching-narrow.png') });
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  assert.deepEqual(foreignRequests(session.url, session.requests), []);
  assert.deepEqual(session.pageErrors, []);
});

test('a link or a reload keeps teaching mode on, with the notes showing; switching it off is kept too', { timeout: TEST_TIMEOUT * 2 }, async () => {
  const trainer = await openPage();
  const student = await openPage();
  try {
    const { page } = trainer;
    const toggle = (p) => p.getByRole('switch', { name: 'Teaching mode' });
    const link = () => textOf(page.locator(byTestId('session-link')));
    const defaultLink = await link();
    await toggle(page).click();
    await logsLessonOn(page).waitFor({ state: 'visible' });
    // The shown link follows the autosave; with only the switch changed it is still short.
    const shared = await eventually(async () => {
      const now = await link();
      assert.notEqual(now, defaultLink);
      assert.match(now, /#v2\.[A-Za-z0-9_-]+$/);
      return now;
    });
    const fragment = shared.slice(shared.indexOf('#'));
    console.log(`link fragment lengths: default ${defaultLink.length - defaultLink.indexOf('#') - 1}, teaching on ${fragment.length - 1}`);

    // Another browser profile opens the link: the switch is on and the reasons show.
    const fresh = await student.page.context().newPage();
    await fresh.goto(student.url + fragment, { waitUntil: 'load' });
    await fresh.locator(byTestId('session-opened-link')).waitFor();
    await expectTeachingOn(fresh);
    await fresh.locator(byTestId('teaching-bar')).scrollIntoViewIfNeeded();
    await fresh.screenshot({ path: path.join(SHOTS, 'teaching-from-link.png') });

    // A reload (the fragment is dropped once opened) brings it back from the autosave, in both.
    await eventually(async () => assert.equal(new URL(fresh.url()).hash, ''));
    await eventually(async () => assert.match(await fresh.evaluate(() => localStorage.getItem('cwlogs-policy-builder.session')) ?? '', /"rev"/));
    await fresh.reload({ waitUntil: 'load' });
    await expectTeachingOn(fresh);
    await page.reload({ waitUntil: 'load' });
    await expectTeachingOn(page);
    // Start over clears the work, not how it is shown.
    await setValue(page, 'input-account', '210987654321');
    await page.locator(byTestId('session-start-over')).click();
    await page.locator(byTestId('session-start-over-confirm')).click();
    // Back to the first-visit form (empty account); the example brings the documents and their notes back.
    await eventually(async () => assert.equal(await textOf(page.locator(byTestId('input-account'))), ''));
    await tryExample(page);
    await expectTeachingOn(page);

    // Off is saved as well: after a reload the lessons stay hidden.
    await toggle(fresh).click();
    await eventually(async () => assert.equal(await fresh.locator(byTestId('lesson')).count(), 0));
    const fragmentOf = (url) => url.slice(url.indexOf('#'));
    await eventually(async () =>
      assert.equal(fragmentOf(await textOf(fresh.locator(byTestId('session-link')))), fragmentOf(defaultLink)),
    );
    await fresh.reload({ waitUntil: 'load' });
    await fresh.locator(byTestId('teaching-toggle')).waitFor();
    assert.equal(await toggle(fresh).isChecked(), false);
    assert.equal(await fresh.locator(byTestId('lesson')).count(), 0);

    for (const opened of [trainer, student]) {
      assert.deepEqual(foreignRequests(opened.url, opened.requests), []);
      assert.deepEqual(opened.pageErrors, []);
    }
  } finally {
    await trainer.close();
    await student.close();
  }
});

function logsLessonOn(page) {
  return page.locator(`${byTestId('document')}[data-file="key-policy.json"] ${byTestId('lesson')}[data-sid="${LOGS_SID}"]`);
}

async function expectTeachingOn(page) {
  const toggle = page.getByRole('switch', { name: 'Teaching mode' });
  await eventually(async () => assert.equal(await toggle.isChecked(), true));
  const why = logsLessonOn(page).locator(byTestId('lesson-why'));
  await why.waitFor({ state: 'visible' });
  assert.match(await why.innerText(), /encryption context/);
}
