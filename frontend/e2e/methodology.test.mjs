// The country administrator's methodology screens against the real stack (see support.mjs): the instrument builder
// (a CEL error at its field, fixed, then the live dry run), a concurrent save met with 409, the rule tester, Arabic.
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
} from './support.mjs';

// Kazakhstan's default language is Kazakh: every text of a definition needs it.
const texts = (en, kk) => ({ en, kk });
const screening = {
  sections: [
    {
      code: 'screen',
      title: texts('Screen', 'Скрининг'),
      items: [
        {
          code: 'violent_offence',
          type: 'YES_NO',
          required: true,
          yesScore: 3,
          label: texts('The current offence involved violence', 'Қылмыс зорлықпен жасалды'),
        },
        {
          code: 'weapon',
          type: 'SINGLE_CHOICE',
          condition: 'has(answers.violent_offence) && answers.violent_offence == true',
          label: texts('Weapon used', 'Қолданылған қару'),
          options: [
            { code: 'none', label: texts('None', 'Жоқ'), score: 0 },
            { code: 'blade', label: texts('Blade', 'Суық қару'), score: 2 },
            { code: 'firearm', label: texts('Firearm or explosive', 'Атыс қаруы немесе жарылғыш'), score: 4 },
          ],
        },
        {
          code: 'age',
          type: 'NUMBER',
          required: true,
          label: texts('Age', 'Жасы'),
          scoreBands: [
            { to: 25, score: 2 },
            { from: 25, score: 0 },
          ],
        },
      ],
    },
  ],
  scales: [
    {
      code: 'screen_total',
      name: texts('Screen total', 'Скрининг қорытындысы'),
      method: 'SUM',
      items: ['violent_offence', 'weapon', 'age'],
      missing: { maxMissing: 1, policy: 'PRORATE' },
      bands: [
        { to: 3, level: 'LOW' },
        { from: 3, to: 6, level: 'MEDIUM' },
        { from: 6, level: 'HIGH' },
      ],
    },
  ],
  overall: { mode: 'FORMULA', formula: 'levels.screen_total' },
};

/** A new instrument of its own (unique code) with a draft of the screening above: its draft's id. */
async function draftScreening(token) {
  const code = `e2e_screen_${Date.now().toString(36)}`;
  const created = await api(token, 'POST', '/api/methodology/instruments', {
    code,
    kind: 'SCREENING',
    name: texts(`Admission screen ${code}`, `Қабылдау скринингі ${code}`),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const draft = await api(token, 'POST', `/api/methodology/instruments/${created.body.id}/versions`, {
    definition: screening,
  });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  assert.deepEqual(draft.body.problems, []);
  return { code, instrumentId: created.body.id, versionId: draft.body.id };
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe('a Kazakhstan country administrator', () => {
  const session = pageForTheSuite(() => browser);
  let token;
  let draft;
  before(async () => {
    token = await apiToken('kz', 'kz.admin');
    draft = await draftScreening(token);
  });

  const savedStatus = (page) => page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();

  test('opens the instrument builder from the methodology area', async () => {
    const { page } = session;
    await page.goto(BASE_URL);
    await page.locator('[data-tenant="KZ"]').click();
    await keycloakLogin(page, 'kz.admin', 'kz');
    await page.locator('[data-testid="user-name"]').waitFor();
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') await chooseLanguage(page, 'en');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Methodology' }).click();
    await page
      .getByRole('navigation', { name: 'Methodology screens' })
      .getByRole('link', { name: 'Instruments' })
      .click();
    await page.getByRole('link', { name: `Admission screen ${draft.code}` }).click();
    await page.locator('[data-testid="version-row"][data-status="DRAFT"] [data-testid="open-version"]').click();
    await page.waitForURL(`${BASE_URL}/methodology/instrument-versions/${draft.versionId}`);
    assert.equal(await page.locator('[data-testid="builder-title"]').innerText(), `Admission screen ${draft.code}`);
    await savedStatus(page);
  });

  test('opens the country’s users in Keycloak’s console from the home page, already signed in there', async () => {
    const { context, page } = session;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Overview' }).click();
    const card = page.locator('[data-testid="user-administration"]');
    const { keycloakUrl } = await (await fetch(`${BASE_URL}/config.json`)).json();
    assert.equal(await card.getAttribute('href'), `${keycloakUrl}/admin/kz/console/#/kz/users`);
    const [keycloakConsole] = await Promise.all([context.waitForEvent('page'), card.click()]);
    // The realm's single sign-on session opens it; USER_ADMIN lists the country's users (ADR 0012).
    await keycloakConsole.getByRole('link', { name: 'kz.assessor', exact: true }).waitFor({ timeout: 60_000 });
    await keycloakConsole.close();
    // Back to the builder the next tests work in.
    await page.goBack();
    await savedStatus(page);
  });

  test('writes a condition naming no item: the checker’s error appears at the field, its position marked', async () => {
    const { page } = session;
    const weapon = page.locator('[data-testid="item-card"][data-code="weapon"]');
    await weapon.locator('[data-testid="item-toggle"]').click();
    const field = weapon.locator('[data-field="definition.sections.0.items.1.condition"]');
    await field.locator('textarea').fill('has(answers.violent_offence) && answers.nope == true');

    const error = field.locator('[data-testid="cel-error"]');
    await error.waitFor();
    assert.match(await error.innerText(), /^Line 1, column 40: answers\.nope does not exist in this instrument$/);
    const marker = field.locator('[data-testid="cel-marker"]');
    assert.equal(await marker.getAttribute('data-line'), '1');
    assert.equal(await marker.getAttribute('data-column'), '40');
    assert.equal(await marker.locator('mark').innerText(), '.');
    assert.equal(await field.locator('textarea').getAttribute('aria-invalid'), 'true');
    await savedStatus(page);
    // The draft cannot be scored while it has a problem, and says why.
    await page.locator('[data-testid="dry-run-blocked"]').waitFor();
    await assertAccessible(page, 'instrument builder with a CEL error');
    await screenshot(page, 'methodology-builder-cel-error');

    // "Show in the field" selects the character the checker points at.
    await field.getByRole('button', { name: 'Show in the field' }).click();
    assert.deepEqual(
      await field.locator('textarea').evaluate((area) => [area.selectionStart, area.selectionEnd]),
      [39, 40],
    );
  });

  test('fixes the condition and sees the dry run score the sample answers as they are given', async () => {
    const { page, problems } = session;
    const weapon = page.locator('[data-testid="item-card"][data-code="weapon"]');
    const field = weapon.locator('[data-field="definition.sections.0.items.1.condition"]');
    await field.locator('textarea').fill('has(answers.violent_offence) && answers.violent_offence == true');
    await field.locator('[data-testid="cel-error"]').waitFor({ state: 'detached' });
    await savedStatus(page);

    const dryRun = page.locator('[data-testid="dry-run"]');
    await dryRun.locator('[data-answer="violent_offence"]').getByText('Yes', { exact: true }).click();
    await dryRun.locator('input[data-answer="weapon"]').click();
    await page.getByRole('option', { name: 'Blade (2)' }).click();
    await dryRun.locator('input[data-answer="age"]').fill('22');

    const total = dryRun.locator('[data-testid="dry-run-scale"][data-code="screen_total"]');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="dry-run-scale"][data-code="screen_total"] [data-testid="dry-run-score"]')
          ?.textContent === '7',
    );
    assert.equal(await total.locator('[data-testid="dry-run-level"]').innerText(), 'HIGH');
    assert.match(await dryRun.locator('[data-testid="dry-run-overall"]').innerText(), /Overall rating: HIGH/);
    await assertAccessible(page, 'instrument builder with a dry run');
    await screenshot(page, 'methodology-builder');
    assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
  });

  test('meets a save made elsewhere meanwhile: told, nothing lost, saves on top when asked', async () => {
    const { page } = session;
    const current = await api(token, 'GET', `/api/methodology/instrument-versions/${draft.versionId}`);
    const elsewhere = await api(token, 'PUT', `/api/methodology/instrument-versions/${draft.versionId}`, {
      definition: current.body.definition,
      version: current.body.version,
    });
    assert.equal(elsewhere.status, 200);

    const age = page.locator('[data-testid="item-card"][data-code="age"]');
    await age.locator('[data-testid="item-toggle"]').click();
    const required = age.getByRole('checkbox', { name: 'Required' });
    await required.uncheck();
    await page.locator('[data-testid="conflict"]').waitFor();
    assert.equal(await page.locator('[data-testid="save-status"]').getAttribute('data-status'), 'conflict');
    assert.equal(await required.isChecked(), false, 'the change stays on screen');

    await page.locator('[data-testid="conflict-keep-mine"]').click();
    await savedStatus(page);
    await page.locator('[data-testid="conflict"]').waitFor({ state: 'detached' });
    const saved = await api(token, 'GET', `/api/methodology/instrument-versions/${draft.versionId}`);
    assert.equal(saved.body.definition.sections[0].items[2].required, false);
    assert.equal(saved.body.version, elsewhere.body.version + 1);
  });

  test('tests the classification rules on a sample prisoner and reads the trace in plain words', async () => {
    const { page } = session;
    await page
      .getByRole('navigation', { name: 'Methodology screens' })
      .getByRole('link', { name: 'Classification' })
      .click();
    // Version 1 is the demo scheme the seed loaded (the backend's tests may have published others since); the
    // tester runs any version.
    await page.locator('[data-testid="scheme-versions"] tr[data-number="1"]').getByRole('link').click();
    await page.getByRole('tab', { name: 'Rule tester' }).click();
    const tester = page.locator('[data-testid="rule-tester"]');
    await tester.getByLabel('Flags').fill('VEO');
    await tester.getByLabel('Flags').press('Enter');
    await tester.getByLabel('Flags').press('Escape');
    await tester.getByRole('button', { name: 'Add an assessment' }).click();
    await tester.getByLabel('Instrument', { exact: true }).click();
    await page.getByRole('option', { name: 'Violent extremism risk guide' }).click();
    await tester.getByLabel('Overall rating', { exact: true }).click();
    await page.getByRole('option', { name: 'High', exact: true }).click();
    await tester.locator('[data-testid="run-rules"]').click();

    const trace = page.locator('[data-testid="trace"]');
    await trace.waitFor();
    const lines = await trace.locator('li').allInnerTexts();
    assert.match(lines[0], /^1\. Rule r_life_sentence does not apply/);
    assert.ok(
      lines.some((line) => /Rule r_ve_high_risk applies and proposes Maximum/.test(line)),
      lines.join('\n'),
    );
    assert.match(lines.at(-1), /^Proposed category: Maximum/);
    await trace.scrollIntoViewIfNeeded();
    await assertAccessible(page, 'rule tester');
    await screenshot(page, 'methodology-rule-tester');
  });

  test('edits the risk levels: a refused list shows the message at the field, and nothing is saved', async () => {
    const { page } = session;
    const before = await api(token, 'GET', '/api/methodology/risk-levels');
    await page
      .getByRole('navigation', { name: 'Methodology screens' })
      .getByRole('link', { name: 'Risk levels' })
      .click();
    const first = page.locator('[data-testid="list-entry"]').first();
    await first.getByLabel('Common scale').click();
    // Very high first: whatever levels follow (the backend's tests may have added some), one now goes down.
    await page.getByRole('option', { name: 'Very high', exact: true }).click();
    await page.locator('[data-testid="save-list"]').click();

    const second = page.locator('[data-testid="list-entry"]').nth(1);
    await page.locator('[data-testid="save-status"][data-status="failed"]').waitFor();
    assert.match(
      await second.locator('.mantine-InputWrapper-error').innerText(),
      /levels are ordered lowest first, so their common levels cannot go down/,
    );
    assert.deepEqual((await api(token, 'GET', '/api/methodology/risk-levels')).body, before.body);
    await assertAccessible(page, 'risk levels with a refused save');
    await screenshot(page, 'methodology-risk-levels');
  });

  test('shows the builder right-to-left in Arabic', async () => {
    const { page, problems } = session;
    await page.goto(`${BASE_URL}/methodology/instrument-versions/${draft.versionId}`);
    await page.locator('[data-testid="builder-title"]').waitFor();
    await chooseLanguage(page, 'ar');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.getByRole('tab', { name: 'التقدير العام' }).click();
    // The navigation sits on the right, the builder's content starts from the right, CEL stays left-to-right.
    const nav = await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).boundingBox();
    const main = await page.locator('#main').boundingBox();
    assert.ok(nav && main && nav.x > main.x, 'navigation on the right of the content');
    assert.equal(
      await page
        .locator('textarea.cel-input')
        .first()
        .evaluate((area) => getComputedStyle(area).direction),
      'ltr',
    );
    await assertAccessible(page, 'instrument builder in Arabic');
    await screenshot(page, 'methodology-builder-ar');
    await chooseLanguage(page, 'en');
    assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
  });
});
