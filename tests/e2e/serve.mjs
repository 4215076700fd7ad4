// A tiny static server for the trunk build, with no dependencies: serves a directory (dist/) only
// under one sub-path (/cwlogs-policy-builder/), as the page is deployed, and 404 everywhere else,
// so a page that loads something from the site root fails here as it would when deployed.
//
//   node tests/e2e/serve.mjs [dir] [--port N]     (default dir: dist, default port: a free one)
//
// harness.mjs imports `startServer` and runs it in-process. Like Netlify or Cloudflare Pages, it
// applies the `_headers` file scripts/csp.mjs writes into dist/ (and does not serve that file).

import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_PATH = '/cwlogs-policy-builder/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** The Content-Type for a file name. */
export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The headers a `_headers` file gives `pathname`: every block whose pattern matches (a trailing `*`
 * matches any rest), in file order. Lines: a pattern at the start of a line, then indented
 * `Name: value` lines; `#` starts a comment.
 */
export function headersFor(text, pathname) {
  const headers = {};
  let matches = false;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      matches = pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
    } else if (matches) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return headers;
}

/**
 * Serves `root` under `basePath` on 127.0.0.1. Resolves to `{ server, url, port, close() }` once
 * listening; `url` is the page address, e.g. http://127.0.0.1:41234/cwlogs-policy-builder/.
 * `port` 0 (the default) picks a free port.
 *
 * `asHosted` (the load measurements of perf.test.mjs) serves as static hosts do: gzip for clients
 * that accept it, and a year of caching for files whose names carry a content hash (index.html and
 * unhashed files are revalidated), so a second visit is measured with the cache a host would allow.
 */
export async function startServer({ root, basePath = BASE_PATH, port = 0, host = '127.0.0.1', log = false, asHosted = false } = {}) {
  const gzipped = new Map();
  const rootReal = await realpath(root);
  if (!(await stat(rootReal)).isDirectory()) throw new Error(`not a directory: ${root}`);
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) throw new Error(`basePath must start and end with /: ${basePath}`);

  const server = createServer(async (req, res) => {
    if (log) res.on('finish', () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      const url = new URL(req.url, 'http://localhost');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return send(400, 'bad request\n');
      }
      if (pathname === basePath.slice(0, -1)) return send(301, 'moved\n', { Location: basePath + url.search });
      if (!pathname.startsWith(basePath) || pathname.includes('\0')) return send(404, 'not found\n');

      let rel = pathname.slice(basePath.length);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(rootReal, rel);
      if (file !== rootReal && !file.startsWith(rootReal + path.sep)) return send(404, 'not found\n');

      let info;
      try {
        const real = await realpath(file);
        if (!real.startsWith(rootReal + path.sep)) return send(404, 'not found\n');
        info = await stat(real);
      } catch {
        return send(404, 'not found\n');
      }
      if (!info.isFile() || rel === '_headers') return send(404, 'not found\n');
      const extra = await readFile(path.join(rootReal, '_headers'), 'utf8').then(
        (text) => headersFor(text, pathname),
        () => ({}),
      );

      if (asHosted) {
        const hashed = /-[0-9a-f]{16}(_bg|_loader)?\.(js|wasm|css)$/.test(rel);
        const compressible = /\.(html|js|css|wasm|txt|json|svg)$/.test(rel);
        const gzip = compressible && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
        let body = await readFile(file);
        if (gzip) {
          const key = `${file}:${info.mtimeMs}`;
          if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
          body = gzipped.get(key);
        }
        res.writeHead(200, {
          'Content-Type': mimeType(file),
          'Content-Length': body.length,
          'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
          'X-Content-Type-Options': 'nosniff',
          ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
          ...extra,
        });
        return res.end(req.method === 'HEAD' ? undefined : body);
      }
      res.writeHead(200, {
        'Content-Type': mimeType(file),
        'Content-Length': info.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...extra,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch (err) {
      if (!res.headersSent) send(500, 'internal error\n');
      else res.destroy();
      console.error(err);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  return {
    server,
    port: actualPort,
    url: `http://${host}:${actualPort}${basePath}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

// Run directly: node tests/e2e/serve.mjs [dir] [--port N]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let port = Number(process.env.PORT ?? 0);
  let dir = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--port') port = Number(args[++i]);
    else if (args[i].startsWith('--port=')) port = Number(args[i].slice('--port='.length));
    else dir = args[i];
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = dir ?? path.join(here, '..', '..', 'dist');
  const { url } = await startServer({ root, port, log: true });
  console.log(`serving ${root} at ${url}`);
}
