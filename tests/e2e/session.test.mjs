// Share links and autosave, as a user meets them: copy a link and open it in another browser,
// reload and find the work again, open a damaged link, start over, and work in two tabs at once.
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node --test tests/e2e/session.test.mjs
//
// Screenshots: target/e2e/session-link.png, session-bad-link.png, session-other-tab.png.
//
// Page contract (data-testid): session-link (readonly field with the link), session-link-length,
// session-copy-link, session-status, session-bad-link (+ session-kept-text, session-dismiss),
// session-start-over (+ -question, -confirm, -cancel), session-other-tab (+ session-load-theirs,
// session-keep-mine). The autosave lives in localStorage under STORAGE_KEY.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT,
  byTestId,
  eventually,
  foreignRequests,
  openPage,
  screenshot,
  setValue,
  textOf,
} from './harness.mjs';

const STORAGE_KEY = 'cwlogs-policy-builder.session';
const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [{"Sid": "Shared", "Effect": "Allow", "Principal": {"Service": "logs.eu-west-1.amazonaws.com"},
    "Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-logs/*"}]
}
`;

const value = (page, testId) => textOf(page.locator(byTestId(testId)).first());
const saved = (page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

/** Waits until the autosave holds something other than `before`. */
async function savedChange(page, before) {
  return eventually(async () => {
    const now = await saved(page);
    assert.ok(now && now !== before, 'the change was not autosaved');
    return now;
  });
}

async function fillSomeWork(page) {
  await setValue(page, 'input-region', 'eu-west-1');
  await setValue(page, 'input-account', '210987654321');
  await setValue(page, 'checker-kind', 'bucket');
  await page.locator(byTestId('checker-input')).fill(POLICY);
  await page.locator(byTestId('checker-against-form')).check();
}

async function expectSomeWork(page) {
  await eventually(async () => {
    assert.equal(await value(page, 'input-region'), 'eu-west-1');
    assert.equal(await value(page, 'input-account'), '210987654321');
    assert.equal(await page.locator(byTestId('checker-kind')).inputValue(), 'bucket');
    assert.equal(await value(page, 'checker-input'), POLICY);
    assert.ok(await page.locator(byTestId('checker-against-form')).isChecked(), 'the checker still judges against the form');
  });
}

function assertStayedHome(opened) {
  assert.deepEqual(foreignRequests(opened.url, opened.requests), [], 'a request left the page origin');
  assert.deepEqual(opened.pageErrors, []);
}

test('a copied link opens the same page in a fresh browser; a reload brings the autosave back', { timeout: TEST_TIMEOUT * 2 }, async () => {
  const a = await openPage({ example: false });
  const b = await openPage({ example: false });
  try {
    await a.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const before = await saved(a.page);
    await fillSomeWork(a.page);
    await savedChange(a.page, before);

    const link = await eventually(async () => {
      const link = await value(a.page, 'session-link');
      assert.match(link, /#v2\.[A-Za-z0-9_-]+$/);
      assert.ok(link.startsWith(a.url.split('#')[0]), link);
      const shown = await a.page.locator(byTestId('session-link-length')).textContent();
      assert.equal(shown, `${link.length.toLocaleString('en-US')} characters`);
      return link;
    });
    await a.page.locator(byTestId('session-copy-link')).click();
    const copied = await eventually(async () => {
      const text = await a.page.evaluate(() => navigator.clipboard.readText());
      assert.match(text, /#v2\./);
      return text;
    });
    assert.equal(copied, link);
    console.log(`link length with a small pasted policy: ${link.length} characters`);
    await screenshot(a.page, 'session-link.png');

    // Another browser profile (no autosave there), same server layout.
    const fragment = link.slice(link.indexOf('#'));
    const fresh = await b.page.context().newPage();
    await fresh.goto(b.url + fragment, { waitUntil: 'load' });
    await expectSomeWork(fresh);
    await fresh.locator(byTestId('session-opened-link')).waitFor();
    // The fragment is dropped once opened, so a reload shows the autosave (with later changes).
    await eventually(async () => assert.equal(new URL(fresh.url()).hash, ''));
    await savedChange(fresh, null);

    await a.page.reload({ waitUntil: 'load' });
    await expectSomeWork(a.page);
    assert.equal(await a.page.locator(byTestId('session-bad-link')).count(), 0);
    assertStayedHome(a);
    assertStayedHome(b);
  } finally {
    await a.close();
    await b.close();
  }
});

test('a damaged or newer link says so, keeps its text, and the page keeps working', { timeout: TEST_TIMEOUT }, async () => {
  const opened = await openPage({ example: false });
  const { page, url } = opened;
  try {
    const before = await saved(page);
    await fillSomeWork(page);
    const record = await savedChange(page, before);

    const damaged = '#v1.eNpVjsEOgjAQRH_FzLlVwIMJv2HihXIod';
    const other = await page.context().newPage();
    await other.goto(url + damaged, { waitUntil: 'load' });
    const notice = other.locator(byTestId('session-bad-link'));
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be opened: this link is damaged: .*cut short/);
    assert.equal(await value(other, 'session-kept-text'), damaged);
    // The autosaved work is shown, untouched.
    await expectSomeWork(other);
    assert.equal(await saved(other), record);
    await screenshot(other, 'session-bad-link.png');
    await other.locator(byTestId('session-dismiss')).click();
    await eventually(async () => assert.equal(await notice.count(), 0));
    // The page works: typing still changes the documents.
    await setValue(other, 'input-account', '333344445555');
    await eventually(async () => {
      const doc = await other.locator(byTestId('document-text')).first().textContent();
      assert.ok(doc.includes('333344445555'));
    });

    // A link from a newer format, arriving while the page is open (only the fragment changes).
    await other.evaluate(() => {
      location.hash = '#v9.abc';
    });
    await eventually(async () =>
      assert.match(await other.locator(byTestId('session-bad-link')).textContent(), /format v9.*newer version/),
    );
    assert.equal(await value(other, 'input-account'), '333344445555');
    assertStayedHome(opened);
  } finally {
    await opened.close();
  }
});

test('a damaged autosave says so, keeps the record to copy, and is replaced only by new work', { timeout: TEST_TIMEOUT }, async () => {
  // A first visit (no example clicked): nothing of its own to save over the damaged record.
  const opened = await openPage({ example: false });
  const { page } = opened;
  try {
    const damaged = '{"tab":"x","rev":3,"state":"#v1.eNpVjsEOgjAQ';
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STORAGE_KEY, damaged]);
    await page.reload({ waitUntil: 'load' });
    const notice = page.locator(byTestId('session-bad-save'));
    await notice.waitFor();
    assert.match(await notice.textContent(), /autosaved work could not be restored: /);
    assert.equal(await value(page, 'session-kept-text'), damaged);
    // Nothing is written over it until the user changes something.
    assert.equal(await saved(page), damaged);
    await page.locator(byTestId('session-dismiss')).click();
    await eventually(async () => assert.equal(await notice.count(), 0));
    await setValue(page, 'input-account', '333344445555');
    const record = await savedChange(page, damaged);
    assert.match(record, /"state"/);
    assertStayedHome(opened);
  } finally {
    await opened.close();
  }
});

test('start over asks first, then clears the forms, the pasted policy and the saved copy', { timeout: TEST_TIMEOUT }, async () => {
  const opened = await openPage({ example: false });
  const { page } = opened;
  try {
    const defaultRegion = await value(page, 'input-region');
    const before = await saved(page);
    await fillSomeWork(page);
    await savedChange(page, before);

    await page.locator(byTestId('session-start-over')).click();
    await page.locator(byTestId('session-start-over-question')).waitFor();
    await page.locator(byTestId('session-start-over-cancel')).click();
    await expectSomeWork(page);
    assert.notEqual(await saved(page), null);

    await page.locator(byTestId('session-start-over')).click();
    await page.locator(byTestId('session-start-over-confirm')).click();
    await eventually(async () => {
      assert.equal(await value(page, 'input-region'), defaultRegion);
      assert.equal(await value(page, 'checker-input'), '');
      assert.equal(await page.locator(byTestId('checker-kind')).inputValue(), 'key');
      assert.equal(await page.locator(byTestId('checker-against-form')).isChecked(), false);
    });
    // Nothing is written back after the pause, and a reload stays clean.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(await saved(page), null);
    await page.reload({ waitUntil: 'load' });
    await page.locator(byTestId('session-start-over')).waitFor();
    assert.equal(await value(page, 'input-region'), defaultRegion);
    assertStayedHome(opened);
  } finally {
    await opened.close();
  }
});

test('two tabs: a change in one makes the other ask instead of overwriting', { timeout: TEST_TIMEOUT }, async () => {
  const opened = await openPage({ example: false });
  const { page: a, url } = opened;
  try {
    const before = await saved(a);
    await fillSomeWork(a);
    await savedChange(a, before);

    const b = await a.context().newPage();
    await b.goto(url, { waitUntil: 'load' });
    await expectSomeWork(b);
    const fromA = await saved(b);
    await setValue(b, 'input-region', 'ap-southeast-2');
    const fromB = await savedChange(b, fromA);

    const banner = a.locator(byTestId('session-other-tab'));
    await banner.waitFor();
    assert.match(await banner.textContent(), /This work was changed in another tab/);
    // A keeps its own view and writes nothing while the question is open.
    assert.equal(await value(a, 'input-region'), 'eu-west-1');
    await setValue(a, 'input-account', '999988887777');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(await saved(a), fromB, 'tab A overwrote tab B');
    await screenshot(a, 'session-other-tab.png');

    // "Keep mine" writes A's work; now B is asked, and "load theirs" gives B A's work.
    await a.locator(byTestId('session-keep-mine')).click();
    await savedChange(a, fromB);
    await eventually(async () => assert.equal(await banner.count(), 0));
    await b.locator(byTestId('session-other-tab')).waitFor();
    assert.equal(await value(b, 'input-region'), 'ap-southeast-2');
    await b.locator(byTestId('session-load-theirs')).click();
    await eventually(async () => {
      assert.equal(await value(b, 'input-region'), 'eu-west-1');
      assert.equal(await value(b, 'input-account'), '999988887777');
    });
    assertStayedHome(opened);
  } finally {
    await opened.close();
  }
});

test('a link opened over other work can be undone', { timeout: TEST_TIMEOUT }, async () => {
  const opened = await openPage({ example: false });
  const { page } = opened;
  try {
    const before = await saved(page);
    await setValue(page, 'input-account', '210987654321');
    await savedChange(page, before);
    const mine = await value(page, 'session-link');
    await setValue(page, 'input-account', '444455556666');
    const theirs = await eventually(async () => {
      const link = await value(page, 'session-link');
      assert.notEqual(link, mine);
      return link;
    });
    await setValue(page, 'input-account', '210987654321');
    await eventually(async () => assert.equal(await value(page, 'session-link'), mine));

    // Pasting a link into the address bar of an open page changes only the fragment: no reload.
    await page.evaluate((hash) => {
      location.hash = hash;
    }, theirs.slice(theirs.indexOf('#')));
    await eventually(async () => assert.equal(await value(page, 'input-account'), '444455556666'));
    const notice = page.locator(byTestId('session-opened-link'));
    assert.match(await notice.textContent(), /replaced what this browser had saved/);
    await page.locator(byTestId('session-restore-previous')).click();
    await eventually(async () => assert.equal(await value(page, 'input-account'), '210987654321'));
    assert.equal(await notice.count(), 0);
    assertStayedHome(opened);
  } finally {
    await opened.close();
  }
});
