// Custodia frontend server: the built SPA from dist/ (npm run build), the runtime /config.json, and /api + /v3
// proxied to the backend. Dependency-free (Node 20). Any path that is not a file is an SPA route (index.html).
//
// Environment: PORT (5173), HOST (127.0.0.1), CUSTODIA_BACKEND_URL (http://localhost:8080),
// CUSTODIA_API_BASE_URL ("" = same origin), CUSTODIA_KEYCLOAK_URL (http://localhost:8180),
// CUSTODIA_PLATFORM_REALM (platform), CUSTODIA_WEB_CLIENT_ID (custodia-web), CUSTODIA_WEB_DIR (./dist).

import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

// Paths served by the backend, not by this server.
const PROXIED = ['/api', '/v3'];

// Headers that describe one connection and must not be forwarded (RFC 9110, section 7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function httpUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Reads the server's settings from the environment; throws on a malformed value. */
export function configFromEnv(env = process.env) {
  const port = env.PORT === undefined || env.PORT === '' ? 5173 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const apiBaseUrl = env.CUSTODIA_API_BASE_URL ?? '';
  const name = (variable, value, fallback) => {
    const v = value || fallback;
    if (!/^[A-Za-z0-9._-]+$/.test(v)) throw new Error(`${variable} must be a plain name, got "${v}"`);
    return v;
  };
  return {
    host: env.HOST || '127.0.0.1',
    port,
    publicDir: env.CUSTODIA_WEB_DIR ? path.resolve(env.CUSTODIA_WEB_DIR) : path.join(here, 'dist'),
    platformRealm: name('CUSTODIA_PLATFORM_REALM', env.CUSTODIA_PLATFORM_REALM, 'platform'),
    clientId: name('CUSTODIA_WEB_CLIENT_ID', env.CUSTODIA_WEB_CLIENT_ID, 'custodia-web'),
    backendUrl: httpUrl('CUSTODIA_BACKEND_URL', env.CUSTODIA_BACKEND_URL || 'http://localhost:8080'),
    // What the browser is told (runtime configuration: one build serves every environment).
    apiBaseUrl: apiBaseUrl === '' ? '' : httpUrl('CUSTODIA_API_BASE_URL', apiBaseUrl),
    keycloakUrl: httpUrl('CUSTODIA_KEYCLOAK_URL', env.CUSTODIA_KEYCLOAK_URL || 'http://localhost:8180'),
  };
}

// The placeholder in index.html's <meta name="csp-nonce"> that each HTML response replaces with a fresh nonce.
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * Scripts only from this origin; styles from this origin, plus the <style> elements the component library writes,
 * which carry the page's nonce (no 'unsafe-inline'). Connections to the API and Keycloak; no framing.
 */
function contentSecurityPolicy(config, nonce) {
  const origins = [config.apiBaseUrl, config.keycloakUrl].filter(Boolean).map((u) => new URL(u).origin);
  const connect = ["'self'", ...new Set(origins)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    nonce ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'",
    `connect-src ${connect}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function securityHeaders(res, csp) {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function problem(res, status, title, detail, extraHeaders = {}) {
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  res.writeHead(status, {
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** The request path as sent, without query string or fragment; null when not origin-form. */
function rawPath(url) {
  if (!url || !url.startsWith('/')) return null;
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function isProxied(pathname) {
  return PROXIED.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function forwardedHeaders(headers) {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && !named.has(name)) out[name] = value;
  }
  return out;
}

function proxy(req, res, backend, note) {
  const headers = forwardedHeaders(req.headers);
  const client = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${client}` : client;
  headers['x-forwarded-proto'] = 'http';
  if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;

  const transport = backend.protocol === 'https:' ? https : http;
  const upstream = transport.request({
    protocol: backend.protocol,
    hostname: backend.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: backend.port || undefined,
    method: req.method,
    path: backend.pathname.replace(/\/+$/, '') + req.url,
    headers,
  });
  upstream.on('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardedHeaders(answer.headers));
    pipeline(answer, res, () => {});
  });
  upstream.on('error', (error) => {
    note(`backend ${error.code ?? error.message}`);
    if (!res.headersSent) {
      problem(res, 502, 'Bad Gateway', 'The Custodia API cannot be reached. Please try again later.');
    } else {
      res.destroy();
    }
  });
  // The client went away: stop talking to the backend on its behalf.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

/** index.html with a fresh style nonce, never cached (it names the current build's assets). */
async function sendIndex(req, res, file, config) {
  const nonce = randomBytes(18).toString('base64');
  const html = (await readFile(file, 'utf8')).replaceAll(NONCE_PLACEHOLDER, nonce);
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(config, nonce));
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES['.html'],
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

/** Vite names built assets by content hash: they never change, so browsers may keep them for a year. */
function cacheControlOf(relative) {
  return relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

async function sendFile(req, res, file, stats, relative = '') {
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', cacheControlOf(relative));
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', stats.mtime.toUTCString());
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304);
    res.end();
    return;
  }
  res.setHeader('Content-Length', stats.size);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  pipeline(createReadStream(file), res, () => {});
}

async function fileStats(file) {
  try {
    const stats = await stat(file);
    return stats.isFile() ? stats : null;
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw error;
  }
}

async function serveStatic(req, res, pathname, publicDir, config) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    problem(res, 400, 'Bad Request', 'The path is not valid.');
    return;
  }
  const segments = decoded.split('/');
  if (decoded.includes('\0') || decoded.includes('\\') || segments.includes('..')) {
    problem(res, 400, 'Bad Request', 'The path is not allowed.');
    return;
  }
  const index = path.join(publicDir, 'index.html');
  const file = path.join(publicDir, ...segments);
  const stats = segments.some((s) => s.startsWith('.')) ? null : await fileStats(file);
  if (stats) {
    // A symbolic link must not lead out of public/ either.
    const real = await realpath(file);
    if (!real.startsWith(publicDir + path.sep)) {
      problem(res, 404, 'Not Found', 'There is no such file.');
      return;
    }
    if (real === index) {
      await sendIndex(req, res, index, config);
      return;
    }
    await sendFile(req, res, file, stats, decoded);
    return;
  }
  // A path that names a file (has an extension) is a missing file; anything else is an SPA route.
  if (path.extname(segments.at(-1)) !== '') {
    problem(res, 404, 'Not Found', 'There is no such file.');
    return;
  }
  await sendIndex(req, res, index, config);
}

/**
 * Creates (does not start) the server. `log` receives one line per request, without query strings.
 */
export function createCustodiaServer(config, { log = (line) => console.log(line) } = {}) {
  const backend = new URL(config.backendUrl);
  const csp = contentSecurityPolicy(config);
  const runtimeConfig = JSON.stringify({
    apiBaseUrl: config.apiBaseUrl,
    keycloakUrl: config.keycloakUrl,
    platformRealm: config.platformRealm,
    clientId: config.clientId,
  });
  let publicDir;

  return http.createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    const pathname = rawPath(req.url);
    const notes = [];
    res.on('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const outcome = res.writableFinished ? res.statusCode : `${res.statusCode} aborted`;
      const extra = notes.length ? ` (${notes.join(', ')})` : '';
      log(
        `${new Date().toISOString()} ${req.method} ${(pathname ?? '-').slice(0, 300)} ${outcome} ${ms.toFixed(1)}ms${extra}`,
      );
    });

    try {
      if (pathname === null) {
        securityHeaders(res, csp);
        problem(res, 400, 'Bad Request', 'The request target is not a path.');
        return;
      }
      if (isProxied(pathname)) {
        proxy(req, res, backend, (n) => notes.push(n));
        return;
      }
      securityHeaders(res, csp);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        problem(res, 405, 'Method Not Allowed', `${req.method} is not supported here.`, { Allow: 'GET, HEAD' });
        return;
      }
      if (pathname === '/config.json') {
        res.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(runtimeConfig),
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : runtimeConfig);
        return;
      }
      try {
        publicDir ??= await realpath(config.publicDir);
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
        notes.push('no build');
        problem(
          res,
          503,
          'Service Unavailable',
          'The web application has not been built: run npm run build in frontend/.',
        );
        return;
      }
      await serveStatic(req, res, pathname, publicDir, config);
    } catch (error) {
      notes.push(`error ${error.code ?? error.message}`);
      if (!res.headersSent) {
        problem(res, 500, 'Internal Server Error', 'The server could not answer this request.');
      } else {
        res.destroy();
      }
    }
  });
}

async function main() {
  let config;
  try {
    config = configFromEnv();
  } catch (error) {
    console.error(`custodia-frontend: ${error.message}`);
    process.exit(2);
  }
  const server = createCustodiaServer(config);
  server.on('error', (error) => {
    console.error(`custodia-frontend: cannot listen on ${config.host}:${config.port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const { address, port } = server.address();
    const host = address.includes(':') ? `[${address}]` : address;
    console.log(`custodia-frontend listening on http://${host}:${port} (backend ${config.backendUrl})`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
