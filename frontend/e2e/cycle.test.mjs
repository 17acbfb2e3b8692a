// The classification cycle's screens against the real stack (see support.mjs): a Kazakhstan assessor registers a
// prisoner and finds them in the register, proposes a classification and reads its trace, submits it; a supervisor
// approves it from the inbox and sees the category on the case file; an auditor reads the trail and verifies it.
// Every run registers its own prisoner with a unique number.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, assertAccessible, chooseLanguage, launch, pageForTheSuite, screenshot, pick } from './support.mjs';

const number = `E2E-${Date.now().toString(36).toUpperCase()}`;
let prisonerUrl;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe('a Kazakhstan assessor', () => {
  const session = pageForTheSuite(() => browser, 'KZ', 'kz.assessor');

  test('registers a prisoner and finds them in the register', async () => {
    const { page, problems } = session;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Prisoners' }).click();
    await page.locator('[data-testid="register-prisoner"]').click();
    await page.waitForURL(`${BASE_URL}/prisoners/new`);
    await page.locator('[data-testid="field-number"]').fill(number);
    await page.locator('[data-testid="field-familyName"]').fill('Testov');
    await page.locator('[data-testid="field-givenNames"]').fill('Erlan');
    await page.locator('[data-testid="field-dateOfBirth"]').fill('1988-04-12');
    await page.getByText('Male', { exact: true }).click();
    await page.locator('[data-testid="field-citizenship"]').fill('KAZ');
    await page.locator('[data-testid="field-admittedOn"]').fill('2026-01-15');
    await pick(page, 'field-legalStatus', 'Sentenced');
    await pick(page, 'field-facility');
    await page.locator('[data-testid="field-hasSentence"]').check();
    await page.locator('[data-testid="field-sentence-start"]').fill('2026-01-10');
    await page.locator('[data-testid="field-sentence-lengthMonths"]').fill('36');
    await pick(page, 'field-sentence-courtRegime', 'Minimum-security institution');
    await assertAccessible(page, 'prisoner registration');
    await page.locator('[data-testid="save-prisoner"]').click();

    // The server refuses a sentence without its expected release: the message stands at that field, input kept.
    const release = page.locator('[data-path="sentence.expectedRelease"]');
    await page.locator('[data-path="sentence.expectedRelease"][aria-invalid="true"]').waitFor();
    const describedBy = await release.getAttribute('aria-describedby');
    assert.match(
      await page.locator(`[id="${describedBy?.split(' ').find((id) => id.endsWith('-error'))}"]`).innerText(),
      /required/,
    );
    assert.equal(await page.locator('[data-testid="field-number"]').inputValue(), number);
    await screenshot(page, 'cycle-register-refused');
    await release.fill('2029-01-10');
    await page.locator('[data-testid="save-prisoner"]').click();

    await page.waitForURL(/\/prisoners\/[0-9a-f-]{36}$/);
    prisonerUrl = page.url();
    assert.equal(await page.locator('[data-testid="prisoner-number"]').innerText(), number);
    // The court's regime is stored as a category code and read as the category's name.
    await page.locator('[data-testid="court-regime"]', { hasText: 'Minimum-security institution' }).waitFor();

    await page.goto(`${BASE_URL}/prisoners`);
    await page.locator('[data-testid="register-search"]').fill(number);
    await page.waitForURL((url) => url.searchParams.get('q') === number);
    const row = page.locator('[data-testid="register-row"]', { hasText: number });
    await row.waitFor();
    // Only this prisoner once the search's answer replaced the previous page.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="register-row"]').length === 1);
    assert.match(await row.innerText(), /Testov, Erlan/);
    await assertAccessible(page, 'prisoner register');
    await screenshot(page, 'cycle-register');
    assert.deepEqual(problems, []);
  });

  test('proposes a classification, reads its trace in plain words and submits it', async () => {
    const { page, problems } = session;
    await page.goto(prisonerUrl);
    await page.locator('[data-testid="propose-classification"]').click();
    const decision = page.locator('[data-testid="decision"][data-status="PROPOSED"]');
    await decision.waitFor();
    const trace = await decision.locator('[data-testid="decision-trace"]').innerText();
    assert.match(trace, /Rule r_court_minimum applies and proposes Minimum-security institution/);
    assert.match(trace, /Rule r_life_sentence does not apply/);
    assert.match(trace, /Proposed category: Minimum-security institution\./);
    await assertAccessible(page, 'case file with a proposal');
    await screenshot(page, 'cycle-prisoner-trace');

    // An override below the court-ordered regime is refused: the constraint's message stands at the category.
    await decision.locator('[data-testid="override-classification"]').click();
    await pick(page, 'override-category', 'Colony-settlement');
    await pick(page, 'override-reason', 'Behaviour');
    await page.locator('[data-testid="override-narrative"]').fill('Calm and cooperative since admission.');
    await page.locator('[data-testid="override-submit"]').click();
    const category = page.locator('[data-testid="override-category"][aria-invalid="true"]');
    await category.waitFor();
    const errorId = (await category.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error'));
    assert.match(
      await page.locator(`[id="${errorId}"]`).innerText(),
      /c_not_below_court_regime: The category cannot be less secure than the institution type ordered by the court\./,
    );
    assert.equal(
      await page.locator('[data-testid="override-narrative"]').inputValue(),
      'Calm and cooperative since admission.',
    );
    await screenshot(page, 'cycle-override-refused');
    await page.locator('[data-testid="override-form"]').getByRole('button', { name: 'Cancel' }).click();

    await decision.locator('[data-testid="accept-classification"]').click();
    await page.locator('[data-testid="decision"][data-status="SUBMITTED"]').waitFor();
    assert.deepEqual(problems, []);
  });
});

describe('a Kazakhstan supervisor', () => {
  const session = pageForTheSuite(() => browser, 'KZ', 'kz.supervisor');

  test('approves the classification from the inbox and sees the category on the case file', async () => {
    const { page, problems } = session;
    // The home page counts what waits (the assessor's submission among it) and opens the inbox.
    const waiting = page.locator('[data-testid="waiting-classifications"]');
    await page.waitForFunction(
      () =>
        Number(
          document
            .querySelector('[data-testid="waiting-classifications"] [data-testid="count"]')
            ?.textContent?.replace(/\D/g, ''),
        ) > 0,
    );
    await assertAccessible(page, 'home with waiting work');
    await waiting.click();
    await page.waitForURL(`${BASE_URL}/approvals`);
    const item = page.locator(`[data-testid="inbox-item"][data-number="${number}"]`);
    await item.waitFor();
    await assertAccessible(page, 'inbox');
    await screenshot(page, 'cycle-inbox');
    await item.locator('[data-testid="inbox-comment"]').fill('Agreed.');
    await item.locator('[data-testid="inbox-approve"]').click();
    await item.waitFor({ state: 'detached' });

    await page.goto(prisonerUrl);
    await page.locator('[data-testid="decision"][data-status="APPROVED"]').waitFor();
    assert.equal(await page.locator('[data-testid="current-category"]').innerText(), 'Minimum-security institution');
    assert.match(await page.locator('[data-testid="decision-decided"]').innerText(), /kz\.supervisor/);

    await chooseLanguage(page, 'ar');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.getByRole('heading', { name: 'قرارات التصنيف' }).waitFor();
    // The navigation moves to the right-hand side: wait until the page stands to its left.
    await page.waitForFunction(() => {
      const nav = document.querySelector('nav[aria-label]')?.getBoundingClientRect();
      const content = document.querySelector('[data-testid="prisoner-page"]')?.getBoundingClientRect();
      return nav && content && content.right <= nav.left;
    });
    await screenshot(page, 'cycle-prisoner-ar');
    await chooseLanguage(page, 'en');
    assert.deepEqual(problems, []);
  });
});

describe('a Kazakhstan auditor', () => {
  const session = pageForTheSuite(() => browser, 'KZ', 'kz.auditor');

  test('reads the trail, filtered, and verifies the chain', async () => {
    const { page, problems } = session;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.locator('[data-testid="audit-row"]').first().waitFor();
    await page.locator('[data-testid="audit-filter-actor"]').fill('kz.supervisor');
    await page.locator('[data-testid="audit-apply"]').click();
    await page.waitForURL((url) => url.searchParams.get('actor') === 'kz.supervisor');
    await page.locator('[data-testid="audit-row"]').first().waitFor();
    await page.locator('[data-testid="verify-chain"]').click();
    await page.locator('[data-testid="chain-intact"]').waitFor();
    assert.match(await page.locator('[data-testid="chain-intact"]').innerText(), /The chain is intact/);
    await assertAccessible(page, 'audit trail');
    await screenshot(page, 'cycle-audit');
    assert.deepEqual(problems, []);
  });
});

describe('a Kazakhstan country administrator', () => {
  const session = pageForTheSuite(() => browser, 'KZ', 'kz.admin');

  test('sees the facilities with their categories, capacity and population, and opens one to edit', async () => {
    const { page, problems } = session;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Facilities' }).click();
    const row = page.locator('[data-testid="facility-row"]').first();
    await row.waitFor();
    assert.match(await row.innerText(), /\d+ \/ \d+/);
    await row.locator('[data-testid="facility-edit"]').click();
    await page.locator('[data-testid="facility-editor"]').waitFor();
    assert.notEqual(await page.locator('[data-testid="facility-code"]').inputValue(), '');
    await assertAccessible(page, 'facilities');
    await screenshot(page, 'cycle-facilities');
    await page.locator('[data-testid="facility-cancel"]').click();
    await page.locator('[data-testid="facility-editor"]').waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
  });
});
