// A platform admin onboards a country, sees its steps and the temporary password once, suspends and reactivates it,
// against the real stack (see support.mjs). Each run onboards a new code: Keycloak forgets the realm at restart.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, assertAccessible, keycloakLogin, launch, pageForTheSuite, screenshot } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** "E" and five random capital letters: a code no earlier run used. */
function newCode() {
  return `E${Array.from({ length: 5 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('')}`;
}

describe('a platform admin', () => {
  const session = pageForTheSuite(() => browser);

  test('onboards a country, reads its temporary password once, suspends and reactivates it', async () => {
    const { page, problems } = session;
    const code = newCode();
    await page.goto(`${BASE_URL}/tenants`);
    await page.locator('[data-testid="platform-signin"]').click();
    await keycloakLogin(page, 'platform.admin', 'platform');
    await page.waitForURL(`${BASE_URL}/tenants`);
    await page.locator('[data-testid="tenant-row"][data-code="KZ"]').waitFor();
    await assertAccessible(page, 'tenants');

    await page.locator('[data-testid="tenant-onboard"]').click();
    await page.locator('[data-testid="onboarding-code"]').fill(code);
    await page.locator('[data-testid="onboarding-country"]').fill('UG');
    await page.getByRole('textbox', { name: /^Name/ }).first().fill(`E2E country ${code}`);
    await page.locator('[data-testid="onboarding-time-zone"]').fill('Africa/Kampala');
    await page.locator('[data-testid="onboarding-username"]').fill(`${code.toLowerCase()}.admin`);
    await page.locator('[data-testid="onboarding-email"]').fill('admin@example.org');
    await assertAccessible(page, 'onboarding wizard');
    await page.locator('[data-testid="onboarding-submit"]').click();

    await page.locator('[data-testid="onboarding-complete"]').waitFor({ timeout: 60_000 });
    for (const step of ['REGISTRY', 'REALM', 'FIRST_ADMIN', 'METHODOLOGY', 'ACTIVATION']) {
      assert.equal(await page.locator(`[data-testid="onboarding-step-${step}"]`).getAttribute('data-status'), 'DONE');
    }
    const password = await page.locator('[data-testid="onboarding-password-value"]').innerText();
    assert.equal(password.trim().length, 20);
    await screenshot(page, 'tenants-onboarded');
    await page.locator('[data-testid="onboarding-password-ack"]').click();
    assert.equal(await page.locator('[data-testid="onboarding-password"]').count(), 0);
    await page.locator('[data-testid="onboarding-close"]').click();

    const row = page.locator(`[data-testid="tenant-row"][data-code="${code}"]`);
    await row.locator('[data-testid="tenant-status"]', { hasText: 'Active' }).waitFor();
    await row.locator('[data-testid="tenant-suspend"]').click();
    await page.locator('[data-testid="tenant-suspend-confirm"]').click();
    await row.locator('[data-testid="tenant-status"]', { hasText: 'Suspended' }).waitFor();
    await row.locator('[data-testid="tenant-reactivate"]').click();
    await page.locator('[data-testid="tenant-reactivate-confirm"]').click();
    await row.locator('[data-testid="tenant-status"]', { hasText: 'Active' }).waitFor();
    await screenshot(page, 'tenants');
    assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
  });
});
