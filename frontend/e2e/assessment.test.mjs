// Assessment entry against the real stack (see support.mjs): a Kazakhstan assessor starts a custody rating from the
// case file, answers it (a conditional item appears on an answer), sees the live score and submits it; then continues
// a needs inventory with the browser offline, and its answers land once the connection returns. Then the page is
// reloaded offline (the tokens go with it): the kept answers are counted, and sent once the same user signs in
// again; a different user signing in erases them instead.
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
  pageForTheSuite,
  screenshot,
  signIn,
  storedState,
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

/** Starts a needs inventory for the prisoner through the API; returns the assessment. */
async function startNeedsInventory() {
  const instruments = await api(token, 'GET', '/api/methodology/instruments');
  const needs = instruments.body.find((i) => i.code === 'needs_inventory');
  const published = needs.versions.find((v) => v.status === 'PUBLISHED');
  const started = await api(token, 'POST', '/api/assessments', { prisonerId, instrumentVersionId: published.id });
  assert.equal(started.status, 201);
  return started.body;
}

/** How many assessments have changes kept in the page's IndexedDB (without creating the database to ask). */
async function keptRecords(page) {
  return page.evaluate(async () => {
    const name = 'custodia-assessment-entry';
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return 0;
    return new Promise((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const count = open.result.transaction('pending').objectStore('pending').count();
        count.onsuccess = () => {
          open.result.close();
          resolve(count.result);
        };
      };
    });
  });
}

/** Once the service worker controls the page and keeps every file the page loaded, a reload works offline. */
async function shellKept(page) {
  await page.waitForFunction(async () => {
    if (!navigator.serviceWorker.controller) return false;
    const cache = await caches.open('custodia-shell-v1');
    const kept = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
    return performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
      .every((url) => kept.has(url.pathname));
  });
}

const offlineNoise = (problems) => problems.filter((p) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(p));

async function allSaved(page) {
  await page.locator('[data-testid="unsynced-count"][data-count="0"]').waitFor();
  await page.locator('[data-testid="sync-state"]', { hasText: 'All answers saved' }).waitFor();
}

describe('a Kazakhstan assessor', () => {
  const session = pageForTheSuite(() => browser, 'KZ', 'kz.assessor');

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
    const { id } = await startNeedsInventory();

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
    assert.deepEqual(offlineNoise(problems), []);
  });
});

describe('an assessment page reloaded offline', () => {
  /**
   * Signs the assessor in, opens a new needs inventory, answers `answer` offline and reloads the page still offline:
   * the tokens went with the page, and the reloaded shell says how many changes wait on this device.
   */
  async function answeredOfflineThenReloaded(answer, count) {
    const session = await newPage(browser);
    const { page, context } = session;
    await signIn(page, 'KZ', 'kz.assessor');
    const started = await startNeedsInventory();
    await page.goto(`${BASE_URL}/assessments/${started.id}`);
    await page.locator('[data-testid="assessment-form"]').waitFor();
    await shellKept(page);
    await context.setOffline(true);
    await answer(page);
    await page.locator('[data-testid="sync-state"]', { hasText: 'Offline' }).waitFor();
    await page.locator(`[data-testid="unsynced-count"][data-count="${count}"]`).waitFor();

    await page.reload();
    const kept = page.locator(`[data-testid="kept-changes-offline"][data-count="${count}"]`);
    await kept.waitFor();
    assert.match(await kept.innerText(), new RegExp(`Changes kept on this device: ${count}\\.`));
    assert.match(await page.locator('h1').innerText(), /No connection/);
    // Signing in again goes through the country picker: Keycloak's session ended meanwhile (e.g. it expired).
    await context.clearCookies();
    await context.setOffline(false);
    await page.locator('[data-tenant="KZ"]').waitFor();
    return { ...session, started };
  }

  test('shows the kept changes, and sends them once the same assessor signs in again', async () => {
    const { page, context, problems, started } = await answeredOfflineThenReloaded(async (page) => {
      await choose(page, 'alcohol_misuse', 'none');
      await yes(page, 'drug_use');
      await page.locator('#item-drug_injecting').waitFor();
      await no(page, 'drug_injecting');
    }, 3);
    try {
      await assertAccessible(page, 'sign-in after an offline reload');
      await signIn(page, 'KZ', 'kz.assessor');
      await page.locator('[data-testid="kept-changes"][data-state="done"][data-sent="3"]').waitFor();
      const saved = await api(token, 'GET', `/api/assessments/${started.id}`);
      assert.equal(saved.status, 200);
      assert.deepEqual(
        {
          alcohol: saved.body.answers.alcohol_misuse,
          use: saved.body.answers.drug_use,
          inj: saved.body.answers.drug_injecting,
        },
        { alcohol: 'none', use: true, inj: false },
      );
      assert.equal(saved.body.version, started.version + 1, 'one merge patch, on the version they were typed on');
      assert.equal(await keptRecords(page), 0);
      assert.deepEqual(offlineNoise(problems), []);
    } finally {
      await context.close();
    }
  });

  test('erases the kept changes when a different user signs in on that browser', async () => {
    const { page, context, problems, started } = await answeredOfflineThenReloaded(async (page) => {
      await choose(page, 'alcohol_misuse', 'serious');
    }, 1);
    try {
      await signIn(page, 'KZ', 'kz.supervisor');
      assert.deepEqual((await storedState(page)).indexedDB, []);
      assert.equal(await page.locator('[data-testid="kept-changes"]').count(), 0);
      const untouched = await api(token, 'GET', `/api/assessments/${started.id}`);
      assert.equal(untouched.status, 200);
      assert.deepEqual(
        { answers: untouched.body.answers ?? {}, version: untouched.body.version },
        { answers: started.answers ?? {}, version: started.version },
      );
      assert.deepEqual(offlineNoise(problems), []);
    } finally {
      await context.close();
    }
  });
});
