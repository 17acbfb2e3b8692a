// The end of the cycle against the real stack (see support.mjs), in Kyrgyzstan: a KG assessor's needs assessment
// (set up through the API in a facility of its own) waits in the inbox; a KG supervisor approves it there, proposes
// programme referrals from its needs on the case file, accepts one and declines another (the reason is required),
// follows the accepted one to completion with a review trigger, records an incident, and finds the prisoner due on
// the reviews screen filtered by the facility. Then a Kazakhstan administrator sets the pre-release window, meeting
// another administrator's save on the way (409).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, api, apiToken, assertAccessible, launch, pageForTheSuite, screenshot, pick } from './support.mjs';

const suffix = Date.now().toString(36).toUpperCase();
const number = `E2E-KG-${suffix}`;
const facilityCode = `E2E-${suffix}`;
let prisonerId;

/** The needs inventory answered with two needs (education, peers): as the backend's ReferralIT answers it. */
const NEEDS_ANSWERS = {
  edu_level: 'incomplete_secondary',
  literacy_problem: false,
  numeracy_problem: false,
  learning_difficulty: false,
  edu_interest: 'interested',
  employed_before_arrest: true,
  work_history: 'stable',
  vocational_skills: true,
  debt_problem: false,
  job_prospects: 'secured',
  alcohol_misuse: 'none',
  drug_use: false,
  mh_diagnosis: false,
  emotional_distress: 'none',
  self_harm: 'never',
  head_injury: false,
  relationship_problems: 'none',
  family_contact: true,
  family_violence: false,
  family_offending: false,
  dependants_without_care: false,
  criminal_friends: 'some',
  extremist_associates: false,
  prosocial_support: true,
  social_isolation: false,
  easily_led: false,
  procriminal_attitudes: 'none',
  responsibility: 'full',
  hostility_authority: 'none',
  victim_awareness: true,
  motivation_to_change: 'motivated',
  impulsivity: false,
  extremist_sympathy: false,
  accommodation_on_release: true,
};

function expectStatus(result, status, what) {
  assert.equal(result.status, status, `${what}: ${JSON.stringify(result.body)}`);
  return result.body;
}

/** A KG facility of this run, a sentenced man in it, and his needs assessment submitted by the KG assessor. */
async function submittedNeedsAssessment() {
  const admin = await apiToken('kg', 'kg.admin');
  const facility = expectStatus(
    await api(admin, 'POST', '/api/facilities', {
      code: facilityCode,
      name: { en: facilityCode, ru: facilityCode, ky: facilityCode },
      categories: [],
      capacity: 50,
    }),
    201,
    'facility',
  );
  const assessor = await apiToken('kg', 'kg.assessor');
  const prisoner = expectStatus(
    await api(assessor, 'POST', '/api/prisoners', {
      number,
      familyName: 'Sydykov',
      givenNames: 'Bakyt',
      dateOfBirth: '1991-03-08',
      sex: 'M',
      citizenship: 'KGZ',
      facilityId: facility.id,
      legalStatus: 'SENTENCED',
      admittedOn: '2025-02-01',
      sentence: { start: '2025-01-20', expectedRelease: '2031-01-20', lengthMonths: 72, life: false },
      offences: [],
      flags: [],
    }),
    201,
    'prisoner',
  );
  const instruments = expectStatus(await api(assessor, 'GET', '/api/methodology/instruments'), 200, 'instruments');
  const version = instruments
    .find((i) => i.code === 'needs_inventory')
    .versions.filter((v) => v.status === 'PUBLISHED')
    .at(-1);
  const started = expectStatus(
    await api(assessor, 'POST', '/api/assessments', { prisonerId: prisoner.id, instrumentVersionId: version.id }),
    201,
    'start',
  );
  const answered = expectStatus(
    await api(assessor, 'PATCH', `/api/assessments/${started.id}`, {
      version: started.version,
      answers: NEEDS_ANSWERS,
    }),
    200,
    'answers',
  );
  const submission = await fetch(`${BASE_URL}/api/assessments/${started.id}/submission`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${assessor}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
    },
    body: JSON.stringify({ version: answered.version }),
  });
  assert.equal(submission.status, 200, 'submission');
  return prisoner.id;
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The text of the error Mantine shows for a field (by the field's aria-describedby). */
async function fieldError(page, field) {
  await page.locator(`${field}[aria-invalid="true"]`).waitFor();
  const ids = (await page.locator(field).getAttribute('aria-describedby'))?.split(' ') ?? [];
  return page.locator(`[id="${ids.find((id) => id.endsWith('-error'))}"]`).innerText();
}

describe('a Kyrgyzstan supervisor', () => {
  before(async () => {
    prisonerId = await submittedNeedsAssessment();
  });
  const session = pageForTheSuite(() => browser, 'KG', 'kg.supervisor');

  test('approves the needs assessment from the inbox', async () => {
    const { page, problems } = session;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Approvals' }).click();
    const itemSelector = `[data-testid="assessment-inbox-item"][data-number="${number}"]`;
    const item = page.locator(itemSelector);
    await item.waitFor();
    await assertAccessible(page, 'approval inbox with assessments');
    await screenshot(page, 'cycle-assessment-inbox');
    // Returning needs a comment: said at the field, nothing sent.
    await item.locator('[data-testid="assessment-return"]').click();
    assert.match(
      await fieldError(page, `${itemSelector} [data-testid="assessment-comment"]`),
      /Say what the assessor should change/,
    );
    await item.locator('[data-testid="assessment-comment"]').fill('Complete and consistent.');
    await item.locator('[data-testid="assessment-approve"]').click();
    await item.waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
  });

  test('refers to programmes from the needs, declines one with a reason and completes the other', async () => {
    const { page, problems } = session;
    await page.goto(`${BASE_URL}/prisoners/${prisonerId}`);
    await page.locator('[data-testid="assessment-row"][data-status="APPROVED"]').waitFor();

    await page.locator('[data-testid="propose-referrals"]').click();
    await page.locator('[data-testid="proposal-outcomes"]').waitFor();
    const referral = (programme, status = '') =>
      page.locator(
        `[data-testid="referral"][data-programme="${programme}"]${status ? `[data-status="${status}"]` : ''}`,
      );
    const education = referral('basic_education');
    const vocational = referral('vocational_training');
    await referral('basic_education', 'PROPOSED').waitFor();
    await referral('vocational_training', 'PROPOSED').waitFor();
    await assertAccessible(page, 'case file with referrals');

    await vocational.locator('[data-testid="referral-DECLINED"]').click();
    await vocational.locator('[data-testid="referral-confirm"]').click();
    assert.match(await fieldError(page, '[data-testid="referral-reason"]'), /Give the reason for declining/);
    await vocational.locator('[data-testid="referral-reason"]').fill('Already employed in the workshop.');
    await vocational.locator('[data-testid="referral-confirm"]').click();
    await referral('vocational_training', 'DECLINED').waitFor();

    await education.locator('[data-testid="referral-REFERRED"]').click();
    await referral('basic_education', 'REFERRED').waitFor();
    await education.locator('[data-testid="referral-STARTED"]').click();
    await referral('basic_education', 'STARTED').waitFor();
    await education.locator('[data-testid="referral-COMPLETED"]').click();
    assert.equal(await education.locator('[data-testid="referral-trigger-review"]').isChecked(), true);
    await education.locator('[data-testid="referral-confirm"]').click();
    await referral('basic_education', 'COMPLETED').waitFor();

    // The completion brought the review forward to today.
    await page.locator('[data-testid="trigger"][data-kind="PROGRAMME_COMPLETION"]').waitFor();
    await page.locator('[data-testid="review-state"][data-state="DUE"]').waitFor();
    await screenshot(page, 'cycle-referrals');
    assert.deepEqual(problems, []);
  });

  test('records an incident as a review trigger', async () => {
    const { page, problems } = session;
    await page.locator('[data-testid="trigger-open"]').click();
    await page.locator('[data-testid="trigger-submit"]').click();
    assert.match(await fieldError(page, '[data-testid="trigger-kind"]'), /Choose the kind of event/);
    await pick(page, 'trigger-kind', 'Incident');
    await page.locator('[data-testid="trigger-note"]').fill('Fight in the canteen.');
    await assertAccessible(page, 'review trigger form');
    await page.locator('[data-testid="trigger-submit"]').click();
    const incident = page.locator('[data-testid="trigger"][data-kind="INCIDENT"]');
    await incident.waitFor();
    assert.match(await incident.innerText(), /Fight in the canteen\./);
    await page.locator('[data-testid="trigger-form"]').waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
  });

  test('finds the prisoner due on the reviews screen, filtered by the facility', async () => {
    const { page, problems } = session;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reviews' }).click();
    await page.locator('[data-testid="review-count-total"]').waitFor();
    await pick(page, 'reviews-facility', facilityCode);
    await page.waitForURL((url) => url.searchParams.has('facility'));
    // The unfiltered list may still be on screen right after the address changes: wait for the filtered one.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="due-review"]').length === 1);
    const row = page.locator(`[data-testid="due-review"][data-number="${number}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'DUE');
    assert.equal(await page.locator('[data-testid="due-review"]').count(), 1);
    const count = page.locator(`[data-testid="review-count"][data-facility="${facilityCode}"]`);
    assert.match(await count.innerText(), /1\s+0/);
    await assertAccessible(page, 'reviews');
    await screenshot(page, 'cycle-reviews');
    await row.getByRole('link').click();
    await page.waitForURL(`${BASE_URL}/prisoners/${prisonerId}`);
    assert.deepEqual(problems, []);
  });
});

describe('a Kazakhstan country administrator', () => {
  let token;
  before(async () => {
    token = await apiToken('kz', 'kz.admin');
  });
  const session = pageForTheSuite(() => browser, 'KZ', 'kz.admin');
  after(async () => {
    // Leave the country's window as the other tests expect it.
    const current = await api(token, 'GET', '/api/cycle-settings');
    await api(token, 'PUT', '/api/cycle-settings', { preReleaseMonths: 6, version: current.body.version });
  });

  test('sets the pre-release window, keeping their value over another administrator’s save', async () => {
    const { page, problems } = session;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Methodology' }).click();
    await page.locator('[data-testid="methodology-nav"]').getByRole('link', { name: 'Review cycle' }).click();
    const months = page.locator('[data-testid="pre-release-months"]');
    await months.waitFor();
    await assertAccessible(page, 'cycle settings');

    await months.fill('40');
    assert.match(await fieldError(page, '[data-testid="pre-release-months"]'), /whole number from 1 to 36/);
    await months.fill('8');
    // Another administrator saves meanwhile: this save meets a 409 and keeps 8 on screen until the user chooses.
    const current = await api(token, 'GET', '/api/cycle-settings');
    expectStatus(
      await api(token, 'PUT', '/api/cycle-settings', { preReleaseMonths: 9, version: current.body.version }),
      200,
      'concurrent save',
    );
    await page.locator('[data-testid="cycle-save"]').click();
    await page.locator('[data-testid="conflict"]').waitFor();
    assert.equal(await months.inputValue(), '8');
    await screenshot(page, 'cycle-settings-conflict');
    await page.locator('[data-testid="conflict-keep-mine"]').click();
    await page.locator('[data-testid="cycle-saved"]').waitFor();
    assert.equal((await api(token, 'GET', '/api/cycle-settings')).body.preReleaseMonths, 8);
    assert.deepEqual(problems, []);
  });
});
