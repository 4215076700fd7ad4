// The export bar: each format downloads and copies a file that starts as it should and holds the
// key policy; exports are off while the form has errors; no request leaves the page's origin.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import path from 'node:path';
import { byTestId, eventually, foreignRequests, openPage, screenshot, setValue, SHOTS, TEST_TIMEOUT } from './harness.mjs';

let session;

before(async () => {
  session = await openPage();
  // Records what the page copies (headless Chromium has no clipboard to read back reliably).
  await session.page.evaluate(() => {
    window.__copied = [];
    Object.defineProperty(navigator.clipboard, 'writeText', {
      configurable: true,
      value: (text) => {
        window.__copied.push(text);
        return Promise.resolve();
      },
    });
  });
}, { timeout: TEST_TIMEOUT });

after(async () => {
  await session?.close();
});

const FORMATS = [
  { id: 'script', file: 'log-group-key.sh', start: '#!/usr/bin/env bash\n', policy: "cat > key-policy.json <<'EOF'",
    rotation: 'aws kms enable-key-rotation', retention: '--retention-in-days 30' },
  { id: 'cloudformation-yaml', file: 'log-group-key.cfn.yaml', start: '# log-group-key', policy: 'Type: AWS::KMS::Key',
    rotation: 'EnableKeyRotation: true', retention: 'RetentionInDays: 30' },
  { id: 'cloudformation-json', file: 'log-group-key.cfn.json', start: '{\n  "AWSTemplateFormatVersion"', policy: '"KeyPolicy": {',
    rotation: '"EnableKeyRotation": true', retention: '"RetentionInDays": 30' },
  { id: 'terraform', file: 'log-group-key.tf', start: '# log-group-key', policy: 'resource "aws_kms_key" "key"',
    rotation: 'enable_key_rotation      = true', retention: 'retention_in_days = 30' },
];

async function download(page, format) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(byTestId(`export-download-${format.id}`)).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('each export downloads and copies a file with the key policy', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  const bar = page.locator(byTestId('export-bar'));
  await bar.waitFor({ state: 'visible' });
  await bar.scrollIntoViewIfNeeded();
  await screenshot(page, 'exports-bar.png');
  await bar.screenshot({ path: path.join(SHOTS, 'exports-bar-only.png') });
  for (const format of FORMATS) {
    const { name, text } = await download(page, format);
    assert.equal(name, format.file);
    assert.ok(text.startsWith(format.start), `${format.id} starts with ${JSON.stringify(text.slice(0, 60))}`);
    assert.ok(text.includes(format.policy), `${format.id} has the key`);
    assert.ok(text.includes(format.rotation), `${format.id}: the new key rotates`);
    assert.ok(text.includes('kms:EncryptionContext:aws:logs:arn'), `${format.id} has the key policy's condition`);

    await page.locator(byTestId(`export-copy-${format.id}`)).click();
    const copied = await eventually(async () => {
      const all = await page.evaluate(() => window.__copied);
      assert.equal(all.length, FORMATS.indexOf(format) + 1);
      return all.at(-1);
    });
    assert.equal(copied, text, `${format.id}: the copy equals the download`);
  }
  // The "Copied" feedback goes back to "Copy".
  await eventually(async () => {
    for (const format of FORMATS) {
      assert.equal((await page.locator(byTestId(`export-copy-${format.id}`)).textContent()).trim(), 'Copy');
    }
  });
});

test('the bar names the scanners at the pinned versions, and the retention chosen reaches every export', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  const pins = readFileSync(new URL('../../scripts/scanners.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('=='));
  assert.equal(pins.length, 2);
  const note = await page.locator(byTestId('export-scanners')).textContent();
  for (const [name, version] of pins) {
    assert.ok(note.includes(`${name} ${version}`), note);
  }
  await setValue(page, 'input-retention', '30');
  for (const format of FORMATS) {
    await eventually(async () => {
      const { text } = await download(page, format);
      assert.ok(text.includes(format.retention), `${format.id} keeps events 30 days`);
    });
  }
  await setValue(page, 'input-retention', '365');
});

test('exports are off while the form has errors', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = session;
  const status = page.locator(byTestId('export-disabled'));
  assert.equal((await status.textContent()).trim(), '');
  await setValue(page, 'input-account', '12345');
  await eventually(async () => {
    assert.match(await status.textContent(), /Exports are off while the form has errors/);
  });
  for (const format of FORMATS) {
    assert.equal(await page.locator(byTestId(`export-download-${format.id}`)).isDisabled(), true, format.id);
    assert.equal(await page.locator(byTestId(`export-copy-${format.id}`)).isDisabled(), true, format.id);
  }
  const bar = page.locator(byTestId('export-bar'));
  await bar.scrollIntoViewIfNeeded();
  await screenshot(page, 'exports-disabled.png');
  await bar.screenshot({ path: path.join(SHOTS, 'exports-disabled-only.png') });
  await setValue(page, 'input-account', '111122223333');
  await eventually(async () => {
    assert.equal(await page.locator(byTestId('export-download-script')).isDisabled(), false);
  });
  assert.equal((await status.textContent()).trim(), '');
});

test('no request leaves the page origin', () => {
  const offenders = foreignRequests(session.url, session.requests);
  assert.deepEqual(offenders, [], offenders.join('\n'));
  assert.deepEqual(session.pageErrors, []);
});
