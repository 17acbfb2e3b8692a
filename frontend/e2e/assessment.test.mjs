// Assessment entry against the real stack (see support.mjs): a Kazakhstan assessor starts a custody rating from the
// case file, answers it (a conditional item appears on an answer), sees the live score and submits it; then continues
// a needs inventory with the browser offline, and its answers land once the connection returns.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  BASE_URL,
  api,
  apiToken,
  assertAccessible,
  chooseLanguage,
  launch,
  newPage,
  screenshot,
  signIn,
} from './support.mjs';

const KZ_FACILITY = '01900000-0000-7000-8000-0000000f0001';

let browser;
let token;
let prisonerId;
before(async () => {
  browser = await launch();
  token = await apiToken('kz', 'kz.assessor');
  const registered = await api(token, 'POST', '/api/prisoners', {
    number: `E2E-A-${Date.now().toString(36).toUpperCase()}`,
    familyName: 'Assessov',
    givenNames: 'Arman',
    dateOfBirth: '1990-04-02',
    sex: 'M',
    citizenship: 'KAZ',
    facilityId: KZ_FACILITY,
    legalStatus: 'SENTENCED',
    admittedOn: '2025-01-20',
    sentence: { start: '2025-01-15', expectedRelease: '2031-01-15', lengthMonths: 72, life: false },
    offences: [],
    flags: [],
  });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  prisonerId = registered.body.id;
});
after(async () => {
  await browser?.close();
});

const choose = (page, item, value) => page.locator(`#item-${item} input[value="${value}"]`).check();
const yes = (page, item) => choose(page, item, 'yes');
const no = (page, item) => choose(page, item, 'no');
const type = (page, item, value) => page.locator(`#item-${item}`).fill(String(value));

async function allSaved(page) {
  await page.locator('[data-testid="unsynced-count"][data-count="0"]').waitFor();
  await page.locator('[data-testid="sync-state"]', { hasText: 'All answers saved' }).waitFor();
}

describe('a Kazakhstan assessor', () => {
  let session;
  before(async () => {
    session = await newPage(browser);
    await signIn(session.page, 'KZ', 'kz.assessor');
  });
  after(async () => {
    await session?.context.close();
  });

  test('starts a custody rating from the case file, answers it, sees the score and submits it', async () => {
    const { page, problems } = session;
    await page.goto(`${BASE_URL}/prisoners/${prisonerId}`);
    await page.locator('[data-testid="new-assessment-link"]').click();
    await page.waitForURL(`${BASE_URL}/prisoners/${prisonerId}/assessments/new`);
    await page.getByRole('radio', { name: /Custody Rating Scale/ }).check();
    await assertAccessible(page, 'new assessment');
    await page.locator('[data-testid="start"]').click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="assessment-form"]').waitFor();

    await choose(page, 'offence_gravity', 'medium');
    await type(page, 'sentence_years', 6);
    await no(page, 'offence_violence');
    await no(page, 'offence_weapon');
    await no(page, 'terrorism_offence');
    await type(page, 'prior_convictions', 1);
    // release_revoked applies only to someone who served a prison sentence before.
    assert.equal(await page.locator('#item-release_revoked').count(), 0);
    await yes(page, 'prior_prison');
    await page.locator('#item-release_revoked').waitFor();
    await no(page, 'release_revoked');
    await choose(page, 'escape_history', 'none');
    await no(page, 'escape_information');
    await type(page, 'disciplinary_violations', 0);
    await no(page, 'violence_in_custody');
    await choose(page, 'criminal_subculture', 'none');
    await type(page, 'age_now', 35);
    await page.locator('#item-age_now').blur();
    await allSaved(page);
    // Every required item is answered, but the subscales allow only one or two missing items each.
    await page.locator('[data-testid="missing-required"]').waitFor({ state: 'detached' });
    assert.match(await page.locator('[data-testid="score-overall"]').innerText(), /not scorable/);
    await no(page, 'persistent_violator');
    await no(page, 'contraband');
    await no(page, 'substance_use_custody');
    await no(page, 'pressure_on_others');
    await choose(page, 'programme_engagement', 'engaged');
    await yes(page, 'employed_before');
    await yes(page, 'family_contact');
    await choose(page, 'outstanding_charges', 'none');
    await type(page, 'age_first_conviction', 24);
    await yes(page, 'stable_residence');
    await page.locator('#item-age_first_conviction').blur();

    await allSaved(page);
    const overall = await page.locator('[data-testid="score-overall"]').innerText();
    assert.match(overall, /Overall rating: (?!—)\S/);
    assert.ok((await page.locator('[data-testid="score-scale"]').count()) >= 2);
    await assertAccessible(page, 'assessment entry');
    await screenshot(page, 'assessment-entry');
    await chooseLanguage(page, 'ar');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.locator('[data-testid="sync-state"]', { hasText: 'حُفظت جميع الإجابات' }).waitFor();
    await assertAccessible(page, 'assessment entry in Arabic');
    await screenshot(page, 'assessment-entry-ar');
    await chooseLanguage(page, 'en');

    await page.locator('[data-testid="submit-assessment"]').click();
    await page.locator('[data-testid="assessment-page"][data-status="SUBMITTED"]').waitFor();
    await page.locator('[data-testid="submitted"]').waitFor();
    assert.equal(await page.locator('[data-testid="submit-assessment"]').count(), 0);

    await page.locator('a', { hasText: 'Back to the case file' }).click();
    await page.locator('[data-testid="assessment-row"][data-status="SUBMITTED"]').waitFor();
    assert.deepEqual(problems, []);
  });

  test('continues a needs inventory offline; the answers land when the connection returns', async () => {
    const { page, context, problems } = session;
    const instruments = await api(token, 'GET', '/api/methodology/instruments');
    const needs = instruments.body.find((i) => i.code === 'needs_inventory');
    const published = needs.versions.find((v) => v.status === 'PUBLISHED');
    const started = await api(token, 'POST', '/api/assessments', { prisonerId, instrumentVersionId: published.id });
    assert.equal(started.status, 201);
    const id = started.body.id;

    await page.goto(`${BASE_URL}/assessments/${id}`);
    await page.locator('[data-testid="assessment-form"]').waitFor();
    await context.setOffline(true);
    await choose(page, 'alcohol_misuse', 'none');
    // Conditions are evaluated in the browser: the follow-up questions appear without the server.
    assert.equal(await page.locator('#item-drug_injecting').count(), 0);
    await yes(page, 'drug_use');
    await page.locator('#item-drug_injecting').waitFor();
    await yes(page, 'drug_injecting');
    await page.locator('[data-testid="sync-state"]', { hasText: 'Offline' }).waitFor();
    await page.locator('[data-testid="unsynced-count"][data-count="3"]').waitFor();
    await screenshot(page, 'assessment-offline');

    await context.setOffline(false);
    await allSaved(page);
    const saved = await api(token, 'GET', `/api/assessments/${id}`);
    assert.equal(saved.status, 200);
    assert.deepEqual(
      {
        alcohol: saved.body.answers.alcohol_misuse,
        use: saved.body.answers.drug_use,
        inj: saved.body.answers.drug_injecting,
      },
      { alcohol: 'none', use: true, inj: true },
    );
    assert.deepEqual(
      problems.filter((p) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(p)),
      [],
    );
  });
});
