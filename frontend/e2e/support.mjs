// End-to-end helpers: Debian's Chromium driven by playwright-core (no browser download), axe-core in the page,
// screenshots for docs/screenshots. The stack under test is real: scripts/test.sh starts PostgreSQL, Keycloak,
// the backend jar and the frontend server, and passes their addresses in:
//   CUSTODIA_E2E_BASE_URL (http://localhost:5173), CUSTODIA_E2E_CHROMIUM (/usr/bin/chromium),
//   CUSTODIA_E2E_SCREENSHOTS (../docs/screenshots; "" to skip)

import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const BASE_URL = (process.env.CUSTODIA_E2E_BASE_URL || 'http://localhost:5173').replace(/\/+$/, '');
const CHROMIUM = process.env.CUSTODIA_E2E_CHROMIUM || '/usr/bin/chromium';
const SCREENSHOTS = process.env.CUSTODIA_E2E_SCREENSHOTS ?? path.resolve(here, '../../docs/screenshots');
export const DEMO_PASSWORD = 'demo'; // DEV ONLY, as in keycloak/realms/*.json

const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launch() {
  return chromium.launch({
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
  });
}

/**
 * A fresh browser context (no cookies, no storage) with a page that records Content-Security-Policy violations
 * and uncaught errors of the app, so a test can insist there were none.
 */
export async function newPage(browser) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.push(`CSP: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.setDefaultTimeout(20_000);
  return { context, page, problems };
}

/**
 * In a describe block: a fresh page for its tests ({@link newPage}), signed in as the user when one is given, opened
 * before the first test and closed after the last. Call it where the suite's hooks go; `browser` is a function
 * because the file's own `before` launches the browser later. Tests read `page` and `problems` from the result.
 */
export function pageForTheSuite(browser, tenant, username) {
  const session = {};
  before(async () => {
    Object.assign(session, await newPage(browser()));
    if (username) await signIn(session.page, tenant, username);
  });
  after(async () => {
    await session.context?.close();
  });
  return session;
}

/** Runs axe-core on the page; fails on any serious or critical violation, listing them. */
export async function assertAccessible(page, screen) {
  // evaluate() is not subject to the page's CSP (unlike an injected <script>), so the CSP stays as in production.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const blocking = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(blocking, [], `${screen}: axe-core found serious or critical violations`);
  return result;
}

export async function screenshot(page, name) {
  if (!SCREENSHOTS) return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Fills Keycloak's own login page (the realm's theme) and submits it. */
export async function keycloakLogin(page, username, realm) {
  await page.waitForURL(
    (url) =>
      url.pathname.includes(`/realms/${realm}/protocol/openid-connect/auth`) ||
      url.pathname.includes(`/realms/${realm}/login-actions/`),
  );
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('#kc-login').click();
}

/**
 * Everything the app could have left in the browser for its origin, except the service worker's app shell cache
 * ("custodia-shell…"), which holds only the public application files and outlives sign-out by design.
 */
export async function storedState(page) {
  return page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: (await caches.keys()).filter((name) => !name.startsWith('custodia-shell')),
  }));
}

/** Values in web storage that look like a JWT (tokens must stay in memory). */
export async function tokensInStorage(page) {
  return page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((storage) =>
      Object.keys(storage).filter((key) => /eyJ[\w-]+\.eyJ[\w-]+\./.test(storage.getItem(key) ?? '')),
    ),
  );
}

export async function chooseLanguage(page, language) {
  await page.locator('[data-testid="language-switcher"]').selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/**
 * An access token straight from Keycloak (password grant through the dev-only custodia-test client), for a test
 * that changes data behind the browser's back.
 */
export async function apiToken(realm, username) {
  const { keycloakUrl } = await (await fetch(`${BASE_URL}/config.json`)).json();
  const response = await fetch(`${keycloakUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'custodia-test',
      username,
      password: DEMO_PASSWORD,
    }),
  });
  assert.equal(response.status, 200, `token for ${username}`);
  return (await response.json()).access_token;
}

/** Calls the API through the frontend server, as the browser does. */
export async function api(token, method, pathname, body) {
  const response = await fetch(`${BASE_URL}${pathname}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/**
 * Signs a demo user of a country in through the country picker, in English: the language the user saved (another
 * test may have left one) is applied once their profile has loaded.
 */
export async function signIn(page, tenant, username) {
  await page.goto(BASE_URL);
  await page.locator(`[data-tenant="${tenant}"]`).click();
  await keycloakLogin(page, username, tenant.toLowerCase());
  await page.locator('[data-testid="user-name"]').waitFor();
  await page.waitForLoadState('networkidle');
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') await chooseLanguage(page, 'en');
}

/** Picks an option of a Mantine select by its text, or the first option when no text is given. */
export async function pick(page, testId, optionName) {
  await page.locator(`[data-testid="${testId}"]`).click();
  const options = page.locator('[data-combobox-option]:visible');
  await (optionName ? options.filter({ hasText: optionName }) : options).first().click();
}
