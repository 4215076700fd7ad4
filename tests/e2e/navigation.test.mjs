// Finding your way (issue 17, item 3): scenario intros and a chooser whose text is not cut off, the
// section bar (sticky, keyboard, 390 px), "Compare with mine" from a document card, "Try an
// example" in the checker and the compare box, Rules scrolled into view when opened, a finding's
// line:column selecting its spot in the pasted text, the troubleshooter's answer in view and its
// "Fix: Sid …" link to the statement.
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node --test tests/e2e/navigation.test.mjs
//
// Screenshots: target/e2e/navigation-*.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SHOTS, TEST_TIMEOUT, byTestId, eventually, openPage, screenshot, setValue } from './harness.mjs';

const SCENARIOS = ['log-group-key', 'query-result-key', 's3-export', 'vended-logs', 'audit-trail'];

/** The element's top and bottom against the viewport, and the section bar's bottom. */
async function placeOf(page, selector) {
  return page.evaluate((sel) => {
    const target = document.querySelector(sel).getBoundingClientRect();
    const nav = document.querySelector('[data-testid="section-nav"]')?.getBoundingClientRect();
    return { top: target.top, bottom: target.bottom, navBottom: nav ? nav.bottom : 0, height: window.innerHeight };
  }, selector);
}

/** In view and not under the section bar. */
async function assertInView(page, selector, what) {
  await eventually(async () => {
    const p = await placeOf(page, selector);
    assert.ok(p.top >= p.navBottom - 1 && p.top < p.height, `${what} is in view below the bar: ${JSON.stringify(p)}`);
  });
}

for (const width of [1280, 390]) {
  test(`every scenario has a two-line intro and its name is not cut off in the chooser at ${width} px`, { timeout: TEST_TIMEOUT }, async () => {
    const { page, close } = await openPage({ width });
    try {
      for (const scenario of SCENARIOS) {
        await setValue(page, 'scenario-select', scenario);
        // The closed chooser shows the chosen option's text: it must fit the box (arrow included).
        const fit = await page.locator(byTestId('scenario-select')).evaluate((select) => {
          const style = getComputedStyle(select);
          const context = document.createElement('canvas').getContext('2d');
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const text = select.options[select.selectedIndex].textContent;
          return { text, needed: context.measureText(text).width + 36, has: select.clientWidth };
        });
        assert.ok(fit.needed <= fit.has, `${scenario}: "${fit.text}" needs ${fit.needed} px, the chooser has ${fit.has}`);
        const purpose = (await page.locator(byTestId('scenario-purpose')).textContent()).trim();
        const other = (await page.locator(byTestId('scenario-pick-another')).textContent()).trim();
        assert.match(purpose, /^For /, `${scenario}: what it is for`);
        assert.ok(other.length > 20, `${scenario}: when to pick another`);
        const title = await page.locator(byTestId('scenario-title')).evaluate((el) => ({ w: el.scrollWidth, c: el.clientWidth }));
        assert.ok(title.w <= title.c, `${scenario}: the full title wraps instead of overflowing`);
      }
      await setValue(page, 'scenario-select', 'vended-logs');
      await screenshot(page, `navigation-intro-${width}.png`);
    } finally {
      await close();
    }
  });

  test(`the section bar stays on screen, takes the keyboard to each section and covers nothing at ${width} px`, { timeout: TEST_TIMEOUT }, async () => {
    const { page, close } = await openPage({ width });
    try {
      // The example's values are saved; reloaded, the page has them and the keyboard starts afresh
      // (the "Try an example" click left the focus where the button was).
      await eventually(async () => assert.ok(await page.evaluate(() => localStorage.length > 0)));
      await page.reload({ waitUntil: 'load' });
      await page.locator(byTestId('document')).first().waitFor();
      // The first Tab reaches the skip link, which skips the bar.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the form');
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'scenario-form'));

      const nav = page.locator(byTestId('section-nav'));
      const words = (await nav.locator('a:visible').allTextContents()).map((t) => t.trim());
      for (const word of ['Form', 'Documents', 'Commands', 'Export', 'Compare', 'Check', 'Rules']) {
        assert.ok(words.includes(word), `the bar links to ${word}: ${words}`);
      }
      const box = await nav.boundingBox();
      assert.ok(box.height <= (width < 600 ? 80 : 48), `the bar is ${box.height} px tall`);

      // Far down the page the bar is still at the top.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await eventually(async () => assert.equal(Math.round((await nav.boundingBox()).y), 0, 'the bar sticks to the top'));

      // Compare, by keyboard: focus the link, press Enter.
      await nav.getByRole('link', { name: 'Compare' }).focus();
      await page.keyboard.press('Enter');
      await assertInView(page, '#compare-title', 'the compare panel');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'compare-title', 'the focus moved to the section');

      // Rules is folded: its link opens it.
      await nav.getByRole('link', { name: 'Rules' }).click();
      await eventually(async () => assert.equal(await page.locator(byTestId('rules')).evaluate((d) => d.open), true));
      await assertInView(page, '#rules', 'the rules panel');

      await nav.getByRole('link', { name: 'Form' }).click();
      await assertInView(page, '#scenario-form', 'the form');

      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(sideways <= 0, `the page scrolls sideways by ${sideways} px`);
      await page.evaluate(() => window.scrollTo(0, 1500));
      await screenshot(page, `navigation-bar-${width}.png`);
    } finally {
      await close();
    }
  });
}

test('"Compare with mine" on a document card picks that document in the compare box and puts the cursor there', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openPage({ width: 1280 });
  try {
    await setValue(page, 'scenario-select', 's3-export');
    const card = page.locator(`${byTestId('document')}[data-file="caller-policy.json"]`);
    await card.locator(byTestId('compare-this')).click();
    await eventually(async () => assert.equal(await page.locator(byTestId('compare-document')).inputValue(), 'caller-policy.json'));
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'compare-input'));
    await assertInView(page, '#compare-title', 'the compare panel');
  } finally {
    await close();
  }
});

test('"Try an example" fills the checker and the compare box with the fact sheet\'s policies and the form\'s account', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openPage({ width: 1280 });
  try {
    await setValue(page, 'input-region', 'eu-west-1');
    await setValue(page, 'input-account', '444455556666');

    const checker = page.locator(byTestId('checker-examples'));
    await checker.locator('[data-sample="key-policy-with-mistakes"]').click();
    const text = await page.locator(byTestId('checker-input')).inputValue();
    assert.match(text, /"logs\.amazonaws\.com"/);
    assert.match(text, /arn:aws:logs:eu-west-1:444455556666:log-group:log-group-name:\*/);
    assert.equal(await page.locator(byTestId('checker-kind')).inputValue(), 'key');
    await eventually(async () => {
      const codes = await page.locator(`${byTestId('finding')} ${byTestId('finding-code')}`).allTextContents();
      assert.ok(codes.includes('CWL001') && codes.includes('CWL003'), `the two mistakes are found: ${codes}`);
    });

    await checker.locator('[data-sample="default-key-policy"]').click();
    await eventually(async () => assert.match(await page.locator(byTestId('checker-summary')).textContent(), /no findings/i));

    // In the compare box: the deployed default policy, merged with the generated statements.
    await page.locator(byTestId('compare-examples')).locator('[data-sample="default-key-policy"]').click();
    assert.match(await page.locator(byTestId('compare-input')).inputValue(), /arn:aws:iam::444455556666:root/);
    await eventually(async () => {
      const merged = await page.locator(byTestId('compare-merged-text')).textContent();
      assert.match(merged, /Enable IAM User Permissions/);
      assert.match(merged, /logs\.eu-west-1\.amazonaws\.com/);
    });
    await page.locator(byTestId('compare')).screenshot({ path: path.join(SHOTS, "navigation-compare-example.png") }).catch(() => {});
  } finally {
    await close();
  }
});

test('a finding\'s line:column selects its spot in the pasted text', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openPage({ width: 1280 });
  try {
    await page.locator(byTestId('checker-examples')).locator('[data-sample="key-policy-with-mistakes"]').click();
    const finding = page.locator(byTestId('finding')).filter({ hasText: 'CWL001' }).first();
    const location = finding.locator(byTestId('finding-loc'));
    const [line, column] = (await location.textContent()).split(':').map(Number);
    await location.click();
    const selected = await page.evaluate(() => {
      const box = document.activeElement;
      return { id: box.id, start: box.selectionStart, text: box.value.slice(box.selectionStart, box.selectionEnd), value: box.value };
    });
    assert.equal(selected.id, 'checker-input', 'the text box has the focus');
    const lines = selected.value.split('\n');
    const expectedStart = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    assert.equal(selected.start, expectedStart, `the selection starts at ${line}:${column}`);
    assert.match(selected.text, /log-group-name:\*/, 'the selection is the value the finding is about');
  } finally {
    await close();
  }
});

test('opening Rules scrolls it into view', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openPage({ width: 1280, height: 800 });
  try {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator(`${byTestId('rules')} > summary`).click();
    // The opened panel moves up to just under the bar, so what unfolded is on screen, not below it.
    await eventually(async () => {
      const p = await placeOf(page, byTestId('rules'));
      assert.ok(p.top >= p.navBottom - 1 && p.top <= p.navBottom + 40, `the rules start under the bar: ${JSON.stringify(p)}`);
      const filter = await placeOf(page, byTestId('rules-filter'));
      assert.ok(filter.bottom <= filter.height, 'the rule filter is on screen');
    });
  } finally {
    await close();
  }
});

test('the troubleshooter\'s answer comes into view and its "Fix: Sid" links to the statement', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openPage({ width: 1280, height: 800 });
  try {
    await setValue(page, 'scenario-select', 's3-export');
    await page.locator(byTestId('troubleshoot-known')).selectOption('get-bucket-acl');
    await eventually(async () => {
      const p = await placeOf(page, `${byTestId('remedy')}`);
      assert.ok(p.top >= 0 && p.top < p.height, `the first cause is in view: ${JSON.stringify(p)}`);
    });
    const link = page.locator(byTestId('remedy-link')).first();
    assert.match(await link.textContent(), /^Sid \S+ in bucket-policy\.json$/);
    await link.click();
    const target = await page.evaluate(() => ({ id: document.activeElement.id, text: document.activeElement.textContent }));
    assert.match(target.id, /^statement-bucket-policy-json-/, 'the focus is on the statement\'s explanation');
    const sid = (await link.textContent()).split(' ')[1];
    assert.equal(target.text, sid);
    await assertInView(page, `#${target.id}`, 'the statement');
  } finally {
    await close();
  }
});
