// Sign-in, the role-aware shell, languages and sign-out, against the real stack (see support.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  BASE_URL,
  api,
  apiToken,
  assertAccessible,
  chooseLanguage,
  keycloakLogin,
  launch,
  pageForTheSuite,
  screenshot,
  storedState,
  tokensInStorage,
} from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe('a Kazakhstan assessor', () => {
  const session = pageForTheSuite(() => browser);

  test('picks Kazakhstan and signs in on the Keycloak login page of the kz realm', async () => {
    const { page } = session;
    await page.goto(BASE_URL);
    const kazakhstan = page.locator('[data-tenant="KZ"]');
    await kazakhstan.waitFor();
    assert.equal((await kazakhstan.innerText()).trim().split('\n')[0], 'Kazakhstan');
    assert.ok(await page.locator('[data-testid="platform-signin"]').isVisible());
    await assertAccessible(page, 'country picker');
    await screenshot(page, 'signin');

    // Keyboard only: Tab to Kazakhstan, Enter.
    for (let i = 0; i < 10 && !(await kazakhstan.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await keycloakLogin(page, 'kz.assessor', 'kz');
    await page.waitForURL(`${BASE_URL}/`);
    await page.locator('[data-testid="user-name"]').waitFor();
    await chooseLanguageIfNeeded(page, 'en');

    assert.equal(await page.locator('[data-testid="user-name"]').innerText(), 'Demo Assessor KZ');
    assert.match(await page.locator('[data-testid="user-roles"]').innerText(), /Assessor/i);
    assert.equal(await page.locator('[data-testid="tenant-name"]').innerText(), 'Kazakhstan');
    assert.match(await page.locator('[data-testid="signed-in-as"]').innerText(), /kz\.assessor/);
    assert.deepEqual(await tokensInStorage(page), [], 'no token in localStorage or sessionStorage');
    await assertAccessible(page, 'home');
    await screenshot(page, 'home-assessor');
  });

  test('sees the areas of the role only', async () => {
    const { page } = session;
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    assert.deepEqual(await navigation.getByRole('link').allInnerTexts(), ['Overview', 'Prisoners', 'Reviews']);
    await navigation.getByRole('link', { name: 'Prisoners' }).click();
    await page.waitForURL(`${BASE_URL}/prisoners`);
    await page.getByRole('heading', { name: 'Prisoner register' }).waitFor();
    await page.locator('[data-testid="register-total"]').waitFor();
    await assertAccessible(page, 'prisoner register');
    await screenshot(page, 'prisoners-assessor');

    await page.goto(`${BASE_URL}/tenants`); // a reload: the session resumes silently
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
  });

  test('switches to Arabic: the page turns right-to-left and the choice is saved on the server', async () => {
    const { page } = session;
    await page.goto(`${BASE_URL}/`);
    await page.locator('[data-testid="user-name"]').waitFor();
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/me/preferences') && response.request().method() === 'PUT',
    );
    await chooseLanguage(page, 'ar');
    assert.equal((await saved).status(), 200);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.locator('[data-testid="sign-out"]').innerText(), 'تسجيل الخروج');
    assert.equal(await page.locator('[data-testid="tenant-name"]').innerText(), 'كازاخستان');
    await assertAccessible(page, 'home in Arabic');
    await screenshot(page, 'home-assessor-ar');

    await page.reload();
    await page.locator('[data-testid="user-name"]').waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.locator('[data-testid="sign-out"]').innerText(), 'تسجيل الخروج');

    await chooseLanguage(page, 'en');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  });

  test('changes language after the preferences changed elsewhere: told, reloaded, saved on the new version', async () => {
    const { page } = session;
    // Another device saves the preferences meanwhile: the version this page holds is now stale.
    const token = await apiToken('kz', 'kz.assessor');
    const before = await api(token, 'GET', '/api/me');
    const elsewhere = await api(token, 'PUT', '/api/me/preferences', {
      language: 'en',
      version: before.body.preferences.version,
    });
    assert.equal(elsewhere.status, 200);

    const answers = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/me/preferences')) answers.push(response.status());
    });
    await chooseLanguage(page, 'fr');
    await page.locator('[data-testid="language-status"]').waitFor();
    assert.match(await page.locator('[data-testid="language-status"]').innerText(), /modifiées ailleurs/);
    assert.deepEqual(answers, [409, 200]);
    const after = await api(token, 'GET', '/api/me');
    assert.equal(after.body.preferences.language, 'fr');
    assert.equal(after.body.preferences.version, elsewhere.body.version + 1);
    await chooseLanguage(page, 'en');
  });

  test('signs out: back at the picker, nothing stored, and the Keycloak session is over', async () => {
    const { page, problems } = session;
    await page.locator('[data-testid="sign-out"]').click();
    await page.locator('[data-testid="signin-notice"]').waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.deepEqual(await storedState(page), { localStorage: [], sessionStorage: [], indexedDB: [], caches: [] });
    await assertAccessible(page, 'signed out');

    // Choosing Kazakhstan again shows Keycloak's login form: no single sign-on session is left. The form speaks
    // the language chosen on the picker (ui_locales).
    await chooseLanguage(page, 'ru');
    await page.locator('[data-tenant="KZ"]').click();
    await page.locator('#username').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
    assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
  });
});

describe('a platform user', () => {
  const session = pageForTheSuite(() => browser);

  test('opens a link while signed out, signs in through the platform entry and lands on it', async () => {
    const { page, problems } = session;
    await page.goto(`${BASE_URL}/indicators`);
    await page.locator('[data-testid="platform-signin"]').click();
    await keycloakLogin(page, 'programme.coordinator', 'platform');
    await page.waitForURL(`${BASE_URL}/indicators`);
    await page.locator('[data-testid="user-name"]').waitFor();

    assert.equal(await page.locator('[data-testid="user-name"]').innerText(), 'Demo Programme-Coordinator');
    assert.match(await page.locator('[data-testid="user-roles"]').innerText(), /Programme coordinator/i);
    assert.equal(await page.locator('[data-testid="tenant-name"]').innerText(), 'Platform');
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    assert.deepEqual(await navigation.getByRole('link').allInnerTexts(), ['Overview', 'Programme indicators']);
    await page.getByRole('heading', { level: 1, name: 'Cross-country indicators' }).waitFor();
    await page.locator('[data-testid="indicator-population-by-category"]').waitFor();
    await assertAccessible(page, 'cross-country indicators');
    await screenshot(page, 'indicators-coordinator');

    await page.locator('[data-testid="sign-out"]').click();
    await page.locator('[data-testid="signin-notice"]').waitFor();
    assert.deepEqual(await storedState(page), { localStorage: [], sessionStorage: [], indexedDB: [], caches: [] });
    assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
  });
});

/** The language after sign-in follows the user's saved preferences, which earlier runs may have left anywhere. */
async function chooseLanguageIfNeeded(page, language) {
  if ((await page.evaluate(() => document.documentElement.lang)) !== language) await chooseLanguage(page, language);
}

describe('a shared workstation', () => {
  const session = pageForTheSuite(() => browser);

  test("erases the previous user's stored data when another user signs in without a sign-out", async () => {
    const { context, page, problems } = session;
    await page.goto(BASE_URL);
    await page.locator('[data-tenant="KZ"]').click();
    await keycloakLogin(page, 'kz.assessor', 'kz');
    await page.locator('[data-testid="user-name"]').waitFor();
    // Offline work of the assessor, as later features will keep it.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('custodia-offline-test', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('answers');
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await page.evaluate(() => localStorage.setItem('custodia.test-draft', 'unsynced answers of kz.assessor'));

    // The tab is closed and the Keycloak session runs out; a colleague signs in on the same browser.
    await context.clearCookies();
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(BASE_URL);
    await page.locator('[data-tenant="KZ"]').click();
    await keycloakLogin(page, 'kz.supervisor', 'kz');
    await page.locator('[data-testid="user-name"]').waitFor();
    assert.equal(await page.locator('[data-testid="user-name"]').innerText(), 'Demo Supervisor KZ');

    const stored = await storedState(page);
    assert.deepEqual(stored.indexedDB, []);
    assert.deepEqual(stored.localStorage, ['custodia.owner']);
    assert.match(await page.evaluate(() => localStorage.getItem('custodia.owner')), /\/realms\/kz /);
    assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
  });
});
