#!/usr/bin/env node
// Finishes a `trunk build` for static hosting: writes a Content-Security-Policy <meta> into
// DIST/index.html that allows nothing but the site's own files, and points DIST/404.html at the
// public URL.
//
//   trunk build --release --public-url /cwlogs-policy-builder/ && node scripts/csp.mjs dist
//
// Why after the build: Trunk 0.21 writes an inline module script (the wasm loader) into index.html,
// and its text (file hashes, public URL) changes with every build, so the policy allows exactly
// that script by its SHA-256. Trunk's own `create_nonce` only works behind `trunk serve`, which
// puts a fresh nonce into every response; a static host cannot.
//
// It also writes DIST/_headers (the format Netlify and Cloudflare Pages read, and tests/e2e/serve.mjs
// applies): the same policy as a header plus what only a header can say — `frame-ancestors 'none'`
// (no site may frame the page) — and nosniff / no-referrer. Hosts without `_headers` (GitHub Pages,
// S3) ignore the file; CloudFront can send the same lines with a response headers policy.
//
// Safe to run again on the same dist/ (the meta tag is replaced, not added twice). Fails, naming
// what it found, when index.html has something the policy would block: an inline style or event
// handler attribute, a <style> element, or a script or stylesheet from another origin.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The policy without the script hashes; `script-src` gets one 'sha256-…' per inline script. */
export function policy(scriptHashes) {
  return [
    "default-src 'none'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes.map((h) => `'sha256-${h}'`)].join(' '),
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const CSP_META = /<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/gi;

/** Why the policy would break `html`, one sentence per problem (empty: nothing). */
export function blockedByPolicy(html) {
  const problems = [];
  const withoutScripts = html.replace(INLINE_SCRIPT, '');
  if (/<style[\s>]/i.test(withoutScripts)) problems.push('a <style> element (style-src has no inline styles)');
  if (/\sstyle\s*=/i.test(withoutScripts)) problems.push('a style="…" attribute (style-src has no inline styles)');
  const handler = withoutScripts.match(/\s(on[a-z]+)\s*=/i);
  if (handler) problems.push(`an inline event handler ${handler[1]}= (script-src has no inline handlers)`);
  for (const m of html.matchAll(/\s(?:src|href)\s*=\s*["']?((?:[a-z][a-z0-9+.-]*:)?\/\/[^"'\s>]+)/gi)) {
    problems.push(`a reference to another origin: ${m[1]}`);
  }
  return problems;
}

/** The base64 SHA-256 of every inline script's text, in page order. */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.push(createHash('sha256').update(body, 'utf8').digest('base64'));
  }
  return hashes;
}

/** Response headers for every file under `base`, in `_headers` syntax: a path pattern, then
 * indented `Name: value` lines. The header policy adds `frame-ancestors`, which a <meta> cannot set. */
export function headersFile(content, base) {
  const pattern = base.startsWith('/') ? `${base}*` : '/*';
  return [
    pattern,
    `  Content-Security-Policy: ${content}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '',
  ].join('\n');
}

/** `html` with the policy meta tag right after <meta charset>, before any script it governs. */
export function withPolicyMeta(html, content) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${content}">`;
  const cleaned = html.replace(CSP_META, '');
  const charset = cleaned.match(/<meta\s[^>]*charset\s*=[^>]*>/i);
  if (!charset) throw new Error('index.html has no <meta charset>: cannot place the policy before the scripts');
  const at = charset.index + charset[0].length;
  return cleaned.slice(0, at) + meta + cleaned.slice(at);
}

/** The public URL Trunk built with, read from the loader's import (e.g. /cwlogs-policy-builder/). */
export function publicUrl(html) {
  const loader = html.match(/\bfrom\s+['"]([^'"]*\/)?[^'"/]+\.js['"]/);
  return loader?.[1] ?? './';
}

/** 404.html with its <base href> set to the public URL, so its links lead to the app from any path. */
export function notFoundPage(html, base) {
  return html.replace(/<base\s+href=["'][^"']*["']\s*\/?>/i, `<base href="${base}">`);
}

function main() {
  const dist = process.argv[2] || 'dist';
  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) {
    console.error(`csp: ${indexFile} does not exist; run trunk build first`);
    process.exit(2);
  }
  const html = readFileSync(indexFile, 'utf8');
  const problems = blockedByPolicy(html);
  if (problems.length) {
    console.error(`csp: ${indexFile} has what the Content-Security-Policy would block:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  const hashes = inlineScriptHashes(html);
  writeFileSync(indexFile, withPolicyMeta(html, policy(hashes)));
  console.log(`csp: ${indexFile}: policy written, ${hashes.length} inline script(s) allowed by hash`);

  const base = publicUrl(html);
  writeFileSync(path.join(dist, '_headers'), headersFile(policy(hashes), base));
  console.log(`csp: ${path.join(dist, '_headers')}: the same policy as a header, with frame-ancestors 'none'`);

  const notFoundFile = path.join(dist, '404.html');
  if (existsSync(notFoundFile)) {
    writeFileSync(notFoundFile, notFoundPage(readFileSync(notFoundFile, 'utf8'), base));
    console.log(`csp: ${notFoundFile}: links lead to ${base}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
