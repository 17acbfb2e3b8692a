import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { configFromEnv, createCustodiaServer } from '../server.mjs';

const frontendDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// A stand-in for the built app (dist/), so these tests do not need a build.
const webDir = await mkdtemp(path.join(tmpdir(), 'custodia-web-'));
const indexHtml =
  '<!doctype html><html><head><meta name="csp-nonce" content="__CSP_NONCE__" />' +
  '<script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
await mkdir(path.join(webDir, 'assets'));
await mkdir(path.join(webDir, 'locales', 'en'), { recursive: true });
await mkdir(path.join(webDir, '.vite'));
await writeFile(path.join(webDir, 'index.html'), indexHtml);
await writeFile(path.join(webDir, 'assets', 'index-abc123.js'), 'console.log("app");');
await writeFile(path.join(webDir, 'assets', 'index-abc123.css'), 'body { margin: 0 }');
await writeFile(path.join(webDir, 'locales', 'en', 'common.json'), '{"common":{"loading":"Loading…"}}');
await writeFile(path.join(webDir, '.vite', 'manifest.json'), '{}');

/** The index page as served: the nonce placeholder replaced. */
function withoutNonce(html) {
  return html.replace(/content="[A-Za-z0-9+/=]{24}"/, 'content="__CSP_NONCE__"');
}

const TENANTS = [
  {
    code: 'kz',
    displayName: { en: 'Kazakhstan', ru: 'Казахстан' },
    defaultLanguage: 'kk',
    issuer: 'http://localhost:8180/realms/kz',
  },
  {
    code: 'kg',
    displayName: { en: 'Kyrgyzstan', ru: 'Кыргызстан' },
    defaultLanguage: 'ky',
    issuer: 'http://localhost:8180/realms/kg',
  },
];

/** Sends one request with the path exactly as given (no URL normalisation) and collects the answer. */
async function send(port, { method = 'GET', path: target = '/', headers = {}, body } = {}) {
  const req = http.request({ host: '127.0.0.1', port, method, path: target, headers });
  req.end(body);
  const [res] = await once(req, 'response');
  const chunks = [];
  for await (const chunk of res) chunks.push(chunk);
  return { status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') };
}

async function listen(server) {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server.address().port;
}

async function close(server) {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
}

/** A stand-in for the Custodia backend that records what reached it. */
function fakeBackend() {
  const seen = [];
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    if (req.method === 'GET' && req.url.startsWith('/api/public/tenants')) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Backend': 'fake' });
      res.end(JSON.stringify(TENANTS));
    } else if (req.method === 'POST' && req.url === '/api/echo') {
      res.writeHead(201, { 'Content-Type': req.headers['content-type'] ?? 'text/plain' });
      res.end(Buffer.concat(chunks));
    } else if (req.url === '/v3/api-docs') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"openapi":"3.1.0"}');
    } else {
      res.writeHead(404, { 'Content-Type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }));
    }
  });
  return { server, seen };
}

/** A port on which nothing listens: bind one, then let it go. */
async function closedPort() {
  const server = http.createServer();
  const port = await listen(server);
  await close(server);
  return port;
}

describe('frontend server', () => {
  const backend = fakeBackend();
  const logLines = [];
  const logEvents = new EventEmitter();
  let server;
  let port;

  before(async () => {
    const backendPort = await listen(backend.server);
    const config = configFromEnv({
      PORT: '0',
      CUSTODIA_BACKEND_URL: `http://127.0.0.1:${backendPort}`,
      CUSTODIA_WEB_DIR: webDir,
    });
    server = createCustodiaServer(config, {
      log: (line) => {
        logLines.push(line);
        logEvents.emit('line', line);
      },
    });
    port = await listen(server);
  });

  after(async () => {
    await close(server);
    await close(backend.server);
  });

  test('serves index.html with the security headers and a fresh style nonce each time', async () => {
    const res = await send(port, { path: '/' });
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/html/);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(withoutNonce(res.body), indexHtml);
    const nonce = res.body.match(/name="csp-nonce" content="([^"]+)"/)[1];
    assert.notEqual(nonce, '__CSP_NONCE__');
    const csp = res.headers['content-security-policy'];
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.ok(csp.includes(`style-src 'self' 'nonce-${nonce}'`), csp);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    const again = await send(port, { path: '/' });
    assert.notEqual(again.body.match(/name="csp-nonce" content="([^"]+)"/)[1], nonce);
  });

  test('serves assets with their content type; hashed assets are cached for good, the rest revalidated', async () => {
    const css = await send(port, { path: '/assets/index-abc123.css' });
    assert.equal(css.status, 200);
    assert.match(css.headers['content-type'], /^text\/css/);
    assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
    const js = await send(port, { path: '/assets/index-abc123.js' });
    assert.equal(js.status, 200);
    assert.match(js.headers['content-type'], /^text\/javascript/);
    const messages = await send(port, { path: '/locales/en/common.json' });
    assert.equal(messages.status, 200);
    assert.equal(messages.headers['cache-control'], 'no-cache');
  });

  test('does not serve the build manifest or other dot paths', async () => {
    const res = await send(port, { path: '/.vite/manifest.json' });
    assert.equal(res.status, 404);
  });

  test('answers a repeated request with 304 when the file has not changed', async () => {
    const first = await send(port, { path: '/assets/index-abc123.css' });
    const again = await send(port, {
      path: '/assets/index-abc123.css',
      headers: { 'If-None-Match': first.headers.etag },
    });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
  });

  test('falls back to index.html for an unknown route', async () => {
    const res = await send(port, { path: '/prisoners/0192f1a3-7c9e-7000-8000-000000000001?tab=assessments' });
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/html/);
    assert.equal(withoutNonce(res.body), indexHtml);
  });

  test('answers 404 for a missing file rather than serving index.html', async () => {
    const res = await send(port, { path: '/assets/missing.js' });
    assert.equal(res.status, 404);
    assert.match(res.headers['content-type'], /^application\/problem\+json/);
  });

  for (const target of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fserver.mjs',
    '/assets/..%2F..%2Fserver.mjs',
    '/..%5cserver.mjs',
  ]) {
    test(`refuses directory traversal: ${target}`, async () => {
      const res = await send(port, { path: target });
      assert.equal(res.status, 400);
      assert.match(res.headers['content-type'], /^application\/problem\+json/);
      assert.doesNotMatch(res.body, /custodia-frontend|createCustodiaServer/);
    });
  }

  test('refuses methods other than GET and HEAD outside the API', async () => {
    const res = await send(port, { method: 'POST', path: '/', body: 'x' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.allow, 'GET, HEAD');
  });

  test('serves /config.json with the defaults when the environment sets nothing', async () => {
    const res = await send(port, { path: '/config.json' });
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^application\/json/);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(JSON.parse(res.body), {
      apiBaseUrl: '',
      keycloakUrl: 'http://localhost:8180',
      platformRealm: 'platform',
      clientId: 'custodia-web',
    });
  });

  test('proxies /api/public/tenants with status, headers and body intact', async () => {
    const res = await send(port, { path: '/api/public/tenants?lang=ru', headers: { Accept: 'application/json' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['x-backend'], 'fake');
    assert.deepEqual(JSON.parse(res.body), TENANTS);
    const reached = backend.seen.at(-1);
    assert.equal(reached.url, '/api/public/tenants?lang=ru');
    assert.equal(reached.headers['x-forwarded-proto'], 'http');
    assert.equal(reached.headers['x-forwarded-host'], `127.0.0.1:${port}`);
  });

  test('proxies backend errors unchanged', async () => {
    const res = await send(port, { path: '/api/nothing-here' });
    assert.equal(res.status, 404);
    assert.match(res.headers['content-type'], /^application\/problem\+json/);
    assert.equal(JSON.parse(res.body).title, 'Not Found');
  });

  test('streams request bodies to the backend and its answer back', async () => {
    const body = JSON.stringify({ note: 'x'.repeat(200_000) });
    const res = await send(port, {
      method: 'POST',
      path: '/api/echo',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    assert.equal(res.status, 201);
    assert.equal(res.body, body);
  });

  test('proxies /v3 to the backend', async () => {
    const res = await send(port, { path: '/v3/api-docs' });
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), { openapi: '3.1.0' });
  });

  test('logs one line per request without the query string', async () => {
    const logged = new Promise((resolve) => {
      logEvents.on('line', function onLine(line) {
        if (line.includes('/api/public/tenants/log-check')) {
          logEvents.off('line', onLine);
          resolve(line);
        }
      });
    });
    await send(port, { path: '/api/public/tenants/log-check?name=secret-person' });
    assert.match(await logged, /GET \/api\/public\/tenants\/log-check 200 /);
    assert.equal(logLines.filter((l) => l.includes('/log-check')).length, 1);
    assert.doesNotMatch(logLines.join('\n'), /secret-person|lang=ru|tab=assessments/);
  });
});

describe('frontend server with the backend down', () => {
  let server;
  let port;

  before(async () => {
    const config = configFromEnv({
      CUSTODIA_BACKEND_URL: `http://127.0.0.1:${await closedPort()}`,
      CUSTODIA_WEB_DIR: webDir,
    });
    server = createCustodiaServer(config, { log: () => {} });
    port = await listen(server);
  });

  after(() => close(server));

  test('answers 502 problem+json', async () => {
    const res = await send(port, { path: '/api/public/tenants' });
    assert.equal(res.status, 502);
    assert.match(res.headers['content-type'], /^application\/problem\+json/);
    const problem = JSON.parse(res.body);
    assert.equal(problem.status, 502);
    assert.equal(problem.title, 'Bad Gateway');
    assert.ok(problem.detail);
  });

  test('still serves the app', async () => {
    const res = await send(port, { path: '/' });
    assert.equal(res.status, 200);
  });
});

describe('frontend server without a build', () => {
  test('answers 503 problem+json naming the build command, and still serves /config.json', async () => {
    const config = configFromEnv({ CUSTODIA_WEB_DIR: path.join(webDir, 'no-such-build') });
    const server = createCustodiaServer(config, { log: () => {} });
    const port = await listen(server);
    try {
      const res = await send(port, { path: '/' });
      assert.equal(res.status, 503);
      assert.match(JSON.parse(res.body).detail, /npm run build/);
      assert.equal((await send(port, { path: '/config.json' })).status, 200);
    } finally {
      await close(server);
    }
  });
});

describe('configuration from the environment', () => {
  test('uses the documented defaults', () => {
    const config = configFromEnv({});
    assert.equal(config.port, 5173);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.backendUrl, 'http://localhost:8080');
    assert.equal(config.apiBaseUrl, '');
    assert.equal(config.keycloakUrl, 'http://localhost:8180');
    assert.equal(config.platformRealm, 'platform');
    assert.equal(config.clientId, 'custodia-web');
    assert.equal(config.publicDir, path.join(frontendDir, 'dist'));
  });

  test('rejects malformed values', () => {
    assert.throws(() => configFromEnv({ PORT: 'eighty' }), /PORT/);
    assert.throws(() => configFromEnv({ CUSTODIA_BACKEND_URL: 'localhost:8080' }), /CUSTODIA_BACKEND_URL/);
    assert.throws(() => configFromEnv({ CUSTODIA_KEYCLOAK_URL: 'ftp://id.example' }), /CUSTODIA_KEYCLOAK_URL/);
    assert.throws(() => configFromEnv({ CUSTODIA_PLATFORM_REALM: 'a/b' }), /CUSTODIA_PLATFORM_REALM/);
  });

  test('node server.mjs serves /config.json from the environment and allows those origins in the CSP', async (t) => {
    const child = spawn(process.execPath, ['server.mjs'], {
      cwd: frontendDir,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        CUSTODIA_API_BASE_URL: 'https://api.custodia.example/',
        CUSTODIA_KEYCLOAK_URL: 'https://id.custodia.example',
        CUSTODIA_PLATFORM_REALM: 'staff',
        CUSTODIA_WEB_CLIENT_ID: 'web',
        CUSTODIA_WEB_DIR: webDir,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    t.after(async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    });
    const lines = createInterface({ input: child.stdout });
    let port;
    for await (const line of lines) {
      const match = line.match(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
      if (match) {
        port = Number(match[1]);
        break;
      }
    }
    assert.ok(port, 'the server announced its port');

    const res = await send(port, { path: '/config.json' });
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), {
      apiBaseUrl: 'https://api.custodia.example',
      keycloakUrl: 'https://id.custodia.example',
      platformRealm: 'staff',
      clientId: 'web',
    });
    assert.match(
      res.headers['content-security-policy'],
      /connect-src 'self' https:\/\/api\.custodia\.example https:\/\/id\.custodia\.example/,
    );
  });
});
