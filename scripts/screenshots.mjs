#!/usr/bin/env node
// The README's user-guide screenshots, taken from a built page by going through it as each
// audience does (fill the form, share the link, compare, export; teach, break, read the rules;
// phone width, dark theme). Every step checks what it expects, so a shot of a broken page fails.
//
//   node scripts/screenshots.mjs [dist]      (default: $E2E_DIST, then dist/)
//   node scripts/screenshots.mjs --check [dist]   (every flow and check, docs/ left as it is;
//                                                   scripts/test.sh runs this, so the guide stays true)
//
// The page must be a build for the public URL /cwlogs-policy-builder/ (as the e2e tests need):
//   trunk build --offline --release --public-url /cwlogs-policy-builder/ && node scripts/csp.mjs dist
// Writes docs/screenshots/*.png (1280x800 viewport, 390x844 for the phone, CSS pixels) and exits
// non-zero when a step fails or a request leaves the page's origin. Uses the e2e harness
// (tests/e2e/harness.mjs: Chromium through playwright-core, the dist served under its sub-path);
// run `bash scripts/setup.sh` first on a fresh machine.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = path.join(REPO, 'docs', 'screenshots');
// Shots go to a scratch directory first: a failed run leaves the committed screenshots as they were.
const OUT = mkdtempSync(path.join(os.tmpdir(), 'cwlogs-screenshots-'));
const args = process.argv.slice(2);
const CHECK_ONLY = args.includes('--check');
const distArg = args.find((a) => a !== '--check');
// The harness reads E2E_DIST when it is loaded, so it is set first.
process.env.E2E_DIST = path.resolve(distArg ?? process.env.E2E_DIST ?? path.join(REPO, 'dist'));
const { byTestId, eventually, foreignRequests, openPage, setValue, textOf } = await import(
  '../tests/e2e/harness.mjs'
);

const VIEWPORT = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** Per-shot and total sizes the README can carry without weighing on a clone. */
const SHOT_BUDGET = 200 * 1024;
const TOTAL_BUDGET = 1.5 * 1024 * 1024;

const ACCOUNT = '444455556666';
const REGION = 'eu-west-1';
const LOG_GROUPS = ['/prod/orders-api', '/prod/payments-api'];
const CALLER = `arn:aws:iam::${ACCOUNT}:role/orders-api`;
const LOGS_SID = 'Allow CloudWatch Logs to use the key';
/** What `aws kms get-key-policy --output text` returns for a key created with the default policy. */
const DEPLOYED_KEY_POLICY = `{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::${ACCOUNT}:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`;

const written = [];

/** Screenshot options shared by every shot: CSS pixels, no caret, no running animation. */
const SHOT = { scale: 'css', animations: 'disabled', caret: 'hide' };

/** A PNG of `locator`, cut at `maxHeight` CSS pixels from its top when it is taller. */
async function shootElement(page, locator, name, { maxHeight = Infinity } = {}) {
  await locator.scrollIntoViewIfNeeded();
  const box = await pageBox(locator);
  await shootClip(page, name, { ...box, height: Math.min(box.height, maxHeight) });
}

/** A PNG of `container`'s width, from the top of `from` to the bottom of `to` (both inside it). */
async function shootRange(page, container, from, to, name, { pad = 12, padBottom = pad } = {}) {
  await from.scrollIntoViewIfNeeded();
  const outer = await pageBox(container);
  const top = (await pageBox(from)).y - pad;
  const bottom = await pageBox(to).then((b) => b.y + b.height + padBottom);
  await shootClip(page, name, { x: outer.x, y: top, width: outer.width, height: bottom - top });
}

/** The element's box in page coordinates (`clip` with `fullPage` is measured from the page's top). */
async function pageBox(locator) {
  const box = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
  });
  assert.ok(box.width > 0 && box.height > 0, 'the element to shoot is not visible');
  return box;
}

async function shootClip(page, name, clip) {
  const rounded = {
    x: Math.floor(clip.x),
    y: Math.floor(clip.y),
    width: Math.ceil(clip.width),
    height: Math.ceil(clip.height),
  };
  await page.screenshot({ path: path.join(OUT, name), ...SHOT, fullPage: true, clip: rounded });
  written.push(name);
}

/** A PNG of the viewport with `locator` scrolled to its top (less `margin` CSS pixels below the
 *  section bar, which stays at the top of the window). */
async function shootViewport(page, locator, name, { margin = 8 } = {}) {
  await locator.evaluate((el, margin) => {
    const bar = document.querySelector('[data-testid="section-nav"]')?.offsetHeight ?? 0;
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - margin - bar);
  }, margin);
  await page.screenshot({ path: path.join(OUT, name), ...SHOT });
  written.push(name);
}

const keyPolicyCard = (page) => page.locator(`${byTestId('document')}[data-file="key-policy.json"]`);

async function fillLogGroupKey(page) {
  await page.locator(byTestId('scenario-select')).selectOption('log-group-key');
  await setValue(page, 'input-region', REGION);
  await setValue(page, 'input-account', ACCOUNT);
  await setValue(page, 'input-scope', 'several-groups');
  await setValue(page, 'input-log-groups', LOG_GROUPS);
  await setValue(page, 'input-log-group-state', 'existing');
  await setValue(page, 'input-caller-permission', 'key-policy');
  await setValue(page, 'input-callers', [CALLER]);
  await eventually(async () => {
    const policy = await keyPolicyCard(page).locator(byTestId('document-text')).textContent();
    for (const group of LOG_GROUPS) {
      assert.ok(policy.includes(`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${group}`), group);
    }
    assert.ok(policy.includes(CALLER), 'the caller role is in the key policy');
    assert.ok(policy.includes(`logs.${REGION}.amazonaws.com`));
  });
  assert.equal(await page.locator(byTestId('banner-problems')).count(), 0, 'the form has no problems');
  // The validator's verdict on the generated key policy, shown on its card.
  assert.match(await keyPolicyCard(page).locator(byTestId('document-summary')).textContent(), /Checked: no findings/);
}

/** App team: the form, the link it sends, the exports. Returns the share link. */
async function appTeam(session) {
  const { page } = session;
  await fillLogGroupKey(page);
  // The form keeps its own scroll beside the documents: its values from the Region on, beside the
  // key policy's statements for CloudWatch Logs.
  await page.locator('.builder-form').evaluate((form) => {
    const group = form.querySelector('[data-testid="input-region"]').closest('fieldset');
    form.scrollTop += group.getBoundingClientRect().top - form.getBoundingClientRect().top - 8;
  });
  await shootViewport(page, keyPolicyCard(page), 'self-service-form.png');
  // The chooser's two lines on the scenario, and the section bar, at the top of the page.
  await page.locator('.builder-form').evaluate((form) => { form.scrollTop = 0; });
  assert.match(await page.locator(byTestId('scenario-purpose')).textContent(), /^For encrypting/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, 'self-service-intro.png'), ...SHOT, clip: { x: 0, y: 0, width: 1280, height: 520 } });
  written.push('self-service-intro.png');

  // "Copy link" builds the link at the click, from everything typed so far.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator(byTestId('session-copy-link')).click();
  const link = await eventually(async () => {
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /\/cwlogs-policy-builder\/#v2\.[A-Za-z0-9_-]+$/);
    return link;
  });
  await eventually(async () => assert.equal(await textOf(page.locator(byTestId('session-link'))), link));
  await shootElement(page, page.locator('.session'), 'self-service-share-link.png');

  const bar = page.locator(byTestId('export-bar'));
  for (const format of ['cloudformation-yaml', 'terraform']) {
    assert.equal(await page.locator(byTestId(`export-download-${format}`)).isEnabled(), true, format);
  }
  await shootElement(page, bar, 'self-service-export.png');
  return link;
}

/** Security team: opens the link in another browser, reads the check, compares with the deployed key. */
async function securityTeam(link) {
  const session = await openPage(VIEWPORT);
  try {
    // A new tab of a browser that has never seen the page, as the security team's.
    const page = await session.page.context().newPage();
    await page.goto(session.url + link.slice(link.indexOf('#')), { waitUntil: 'load' });
    const notice = page.locator(byTestId('session-opened-link'));
    await notice.waitFor();
    assert.match(await notice.textContent(), /Opened the shared link/);
    await eventually(async () => {
      assert.equal(await textOf(page.locator(byTestId('input-account'))), ACCOUNT);
      assert.equal(await textOf(page.locator(byTestId('input-log-groups'))), LOG_GROUPS.join('\n'));
    });

    // From the key policy's card straight to the compare box, that document picked.
    await page.locator(`${byTestId('document')}[data-file="key-policy.json"] ${byTestId('compare-this')}`).click();
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'compare-input'));
    assert.equal(await page.locator(byTestId('compare-document')).inputValue(), 'key-policy.json');
    await page.locator(byTestId('compare-input')).fill(DEPLOYED_KEY_POLICY);
    const logsChange = page.locator(byTestId('compare-change'), { hasText: LOGS_SID });
    await eventually(async () => assert.equal(await logsChange.getAttribute('data-impact'), 'broadening'));
    const encrypt = page.locator(byTestId('compare-call'), { hasText: 'kms:GenerateDataKey' }).first();
    assert.equal(await encrypt.locator(byTestId('verdict-pasted')).getAttribute('data-ok'), 'false');
    assert.equal(await encrypt.locator(byTestId('verdict-merged')).getAttribute('data-ok'), 'true');
    assert.match(await page.locator(byTestId('compare-command')).textContent(), /put-key-policy/);
    const input = page.locator(byTestId('compare-input'));
    await input.evaluate((box) => {
      box.blur();
      box.scrollTop = 0;
    });
    const compare = page.locator(byTestId('compare'));
    // The diff up to both texts side by side; then the first three calls of "Will it work?".
    const title = compare.locator('#compare-title');
    await shootRange(page, compare, title, compare.locator('.compare-sides'), 'self-service-compare.png');
    const checklist = compare.locator('section:has(#compare-calls-title)');
    const thirdCall = checklist.locator(byTestId('compare-call')).nth(2);
    await shootRange(page, compare, checklist.locator('h3'), thirdCall, 'self-service-checklist.png', { padBottom: 4 });
    return session;
  } catch (error) {
    await session.close();
    throw error;
  }
}

/** Trainer: teaching mode, Break it, the rules, the printed review, the dark theme, a phone. */
async function workshop(session) {
  const { page } = session;
  const toggle = page.getByRole('switch', { name: 'Teaching mode' });
  await toggle.check();
  const lesson = keyPolicyCard(page).locator(`${byTestId('lesson')}[data-sid="${LOGS_SID}"]`);
  await lesson.waitFor({ state: 'visible' });
  assert.match(await lesson.locator(byTestId('condition-notes')).innerText(), /kms:EncryptionContext:aws:logs:arn/);
  await lesson.locator(byTestId('break-statement')).click();
  const denied = lesson.locator(byTestId('broken-call')).filter({ hasText: 'kms:GenerateDataKey' });
  await eventually(async () => assert.ok((await denied.count()) >= 1, 'breaking the statement denies GenerateDataKey'));
  await shootRange(page, lesson, lesson, denied.first(), 'workshop-break-it.png', { pad: 8 });
  await lesson.locator(byTestId('break-statement')).click();
  await eventually(async () => assert.equal(await lesson.locator(byTestId('break-result')).count(), 0, 'Restore'));

  const rules = page.locator(byTestId('rules'));
  await rules.locator('summary').click();
  await page.locator(byTestId('rules-filter')).fill('encryption context');
  await eventually(async () => {
    assert.match(await page.locator(byTestId('rules-count')).textContent(), /of \d+ rules match/);
  });
  await page.locator(byTestId('rules-filter')).blur();
  await shootElement(page, rules, 'workshop-rules.png', { maxHeight: 560 });
  await page.locator(byTestId('rules-filter')).fill('');

  // "Try an example" in the checker: the documented statement with two typical mistakes; a
  // finding's line:column selects its spot in the text.
  await page.locator(byTestId('checker-examples')).locator('[data-sample="key-policy-with-mistakes"]').click();
  const mistake = page.locator(byTestId('finding')).filter({ hasText: 'CWL001' }).first();
  await mistake.waitFor();
  await mistake.locator(byTestId('finding-loc')).click();
  const selected = await page.evaluate(() => {
    const box = document.activeElement;
    return box.value.slice(box.selectionStart, box.selectionEnd);
  });
  assert.match(selected, /log-group-name:\*/, 'the location selects the value in the text');
  const checker = page.locator('.checker');
  await shootRange(page, checker, checker.locator('#checker-title'), mistake, 'workshop-examples.png');

  // The printed review (the browser's print dialog prints this media), with the date, the link and
  // each file's SHA-256, then the comparison when there is one.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const review = page.locator(byTestId('review-summary'));
  await review.waitFor({ state: 'visible' });
  assert.match(await page.locator(byTestId('review-inputs')).innerText(), new RegExp(`Region\\s+${REGION}`));
  assert.match(await page.locator(byTestId('review-checklist')).innerText(), /kms:GenerateDataKey/);
  assert.match(await page.locator(byTestId('review-digests')).innerText(), /key-policy\.json\s+[0-9a-f]{64}/);
  assert.match(await page.locator(byTestId('review-date')).textContent(), /Printed \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  assert.equal(await page.locator(byTestId('input-region')).isVisible(), false, 'the form is not printed');
  await shootElement(page, review, 'workshop-review-print.png', { maxHeight: 700 });
  await page.emulateMedia({ media: null });

  await page.emulateMedia({ colorScheme: 'dark' });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(background, 'rgb(255, 255, 255)', 'the dark theme follows prefers-color-scheme');
  await shootViewport(page, keyPolicyCard(page).locator(byTestId('lessons')), 'workshop-dark.png');
  await page.emulateMedia({ colorScheme: null });

  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  assert.ok(overflow <= 0, `at ${PHONE.width} px the page scrolls sideways by ${overflow} px`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, 'workshop-phone.png'), ...SHOT });
  written.push('workshop-phone.png');
  // Further down, the section bar is still at the top, and the key policy wraps between an ARN's
  // parts instead of scrolling sideways.
  const phoneCode = keyPolicyCard(page).locator(byTestId('document-text'));
  assert.ok(await phoneCode.evaluate((pre) => pre.scrollWidth <= pre.clientWidth), 'the key policy wraps at 390 px');
  await shootViewport(page, phoneCode, 'workshop-phone-code.png');
  await page.setViewportSize(VIEWPORT);
}

function assertStayedHome(session) {
  const foreign = foreignRequests(session.url, session.requests);
  assert.deepEqual(foreign, [], `requests left the page's origin:\n${foreign.join('\n')}`);
  assert.deepEqual(session.pageErrors, [], 'the page threw');
}

async function main() {
  const sessions = [];
  try {
    const appSession = await openPage(VIEWPORT);
    sessions.push(appSession);
    const link = await appTeam(appSession);
    sessions.push(await securityTeam(link));
    await workshop(appSession);
    sessions.forEach(assertStayedHome);
  } finally {
    for (const session of sessions) await session.close();
  }

  if (CHECK_ONLY) {
    console.log(`screenshots --check: every flow passed (${readdirSync(OUT).length} shots taken, docs/screenshots/ unchanged)`);
    return;
  }
  rmSync(DOCS, { recursive: true, force: true });
  mkdirSync(DOCS, { recursive: true });
  cpSync(OUT, DOCS, { recursive: true });
  let total = 0;
  const oversized = [];
  for (const name of readdirSync(DOCS).sort()) {
    const size = statSync(path.join(DOCS, name)).size;
    total += size;
    if (size > SHOT_BUDGET) oversized.push(name);
    console.log(`${(size / 1024).toFixed(1).padStart(7)} KiB  docs/screenshots/${name}`);
  }
  console.log(`${(total / 1024).toFixed(1).padStart(7)} KiB  in ${written.length} screenshots`);
  if (oversized.length) console.warn(`over ${SHOT_BUDGET / 1024} KiB: ${oversized.join(', ')}`);
  if (total > TOTAL_BUDGET) console.warn(`over the ${TOTAL_BUDGET / 1024 / 1024} MiB total`);
}

try {
  await main();
} catch (error) {
  console.error(`screenshots: ${error.stack || error}`);
  process.exitCode = 1;
} finally {
  rmSync(OUT, { recursive: true, force: true });
}
