// Shared by the e2e tests: the release build served under /cwlogs-policy-builder/, opened in Debian
// Chromium (playwright-core) with every request recorded, and helpers that act as a user does.
//
// Environment: E2E_DIST (default <repo>/dist), E2E_URL (test a running server instead),
// CHROMIUM (default /usr/bin/chromium).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
const DIST = process.env.E2E_DIST || path.join(REPO, 'dist');
export const SHOTS = path.join(REPO, 'target', 'e2e');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Loading, compiling and starting the wasm on a slow CI machine. */
export const LOAD_TIMEOUT = 120_000;
/** One reactive update after typing. */
export const STEP_TIMEOUT = 30_000;
export const TEST_TIMEOUT = LOAD_TIMEOUT + 60_000;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `check` (which throws on failure) until it passes or `timeout` ms have gone by. */
export async function eventually(check, timeout = STEP_TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(250);
  }
}

export const byTestId = (id) => `[data-testid="${id}"]`;

/**
 * Opens the page in a fresh Chromium profile. Resolves to `{ page, url, requests, pageErrors,
 * consoleErrors, close() }`; `requests` collects every URL the page asks for. A first visit
 * leaves Region and account empty; with `example` (the default) the flow starts as a user who
 * clicks "Try an example" does, from the documented example values.
 */
export async function openPage({ width = 1280, height = 900, example = true } = {}) {
  let server = null;
  let url = process.env.E2E_URL;
  if (!url) {
    assert.ok(
      existsSync(path.join(DIST, 'index.html')),
      `${DIST}/index.html is missing: run trunk build --release --public-url /cwlogs-policy-builder/ first`,
    );
    server = await startServer({ root: DIST });
    url = server.url;
  }
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'cwlogs-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width, height },
    timeout: LOAD_TIMEOUT,
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const requests = [];
  const pageErrors = [];
  const consoleErrors = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(error.stack || String(error)));
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
  await page.locator(byTestId('scenario-select')).waitFor({ state: 'visible', timeout: LOAD_TIMEOUT });
  if (example) await tryExample(page);
  return {
    page,
    url,
    requests,
    pageErrors,
    consoleErrors,
    async close() {
      await context.close();
      await server?.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Sets a form control's value as a user would: types into boxes, picks from selects, ticks boxes.
 * Choosing a scenario then fills what the form still lacks with "Try an example" (Region and
 * account carry over from the scenario left; s3-export's dates do not).
 */
export async function setValue(page, testId, value) {
  const control = page.locator(byTestId(testId)).first();
  await control.waitFor({ state: 'visible' });
  const { tag, type } = await control.evaluate((el) => ({ tag: el.tagName, type: el.type }));
  if (tag === 'SELECT') {
    await control.selectOption(String(value));
  } else if (type === 'checkbox') {
    await control.setChecked(Boolean(value));
  } else {
    await control.fill(Array.isArray(value) ? value.join('\n') : String(value));
  }
  await control.blur();
  if (testId === 'scenario-select') await tryExample(page);
}

/** The text of an element: a form control's value, otherwise its text content. */
export function textOf(locator) {
  return locator.evaluate((el) =>
    el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' ? el.value : el.textContent ?? '',
  );
}

/** Every generated text on the page: documents, other files and step commands. */
export async function generatedTexts(page) {
  const texts = [];
  for (const id of ['document-text', 'file-text', 'step-command']) {
    texts.push(...(await page.locator(byTestId(id)).allTextContents()));
  }
  return texts;
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

/** The requests that went to another origin than the page's (data: is not fetched). */
export function foreignRequests(pageUrl, requests) {
  const origin = new URL(pageUrl).origin;
  return requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
}

/**
 * Clicks "Try an example" where the form still has empty first-visit fields (Region, account,
 * export dates), filling them with the documented example values as a user starting out would;
 * waits for the documents. Does nothing when the form is already filled.
 */
export async function tryExample(page) {
  const button = page.locator(byTestId('form-try-example'));
  if ((await button.count()) === 0) return;
  await button.click();
  await page.locator(byTestId('bundle-start')).waitFor({ state: 'detached' });
}
