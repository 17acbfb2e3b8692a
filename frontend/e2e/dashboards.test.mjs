// Figures against the real stack (see support.mjs): a Kazakhstan analyst reads the national dashboard, the programme
// coordinator the cross-country indicators; each screen has its heading, a chart beside a table, and a CSV export
// that downloads a file with a header row.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, assertAccessible, keycloakLogin, launch, newPage, screenshot, signIn } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Clicks a CSV button and returns the downloaded file's name and lines. */
async function downloadCsv(page, testId) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-testid="${testId}"]`).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), lines: text.split(/\r?\n/).filter((line) => line !== '') };
}

/** A chart drawn (ECharts paints a canvas once its chunk has loaded) beside a table with a head and rows. */
async function chartAndTable(card, chartTestId) {
  await card.locator(`[data-testid="${chartTestId}"] canvas`).waitFor();
  await card.locator('table thead th').first().waitFor();
  assert.ok((await card.locator('table thead th').count()) >= 2, 'the table names its columns');
}

describe('figures', () => {
  test('a Kazakhstan analyst reads the national dashboard and exports a section as CSV', async () => {
    const { context, page, problems } = await newPage(browser);
    try {
      await signIn(page, 'KZ', 'kz.analyst');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboards' }).click();
      await page.waitForURL(`${BASE_URL}/dashboards`);
      await page.getByRole('heading', { level: 1, name: 'National dashboard' }).waitFor();
      const section = page.locator('[data-testid="dashboard-population-by-category"]');
      await section.getByRole('heading', { level: 2, name: 'Population by category' }).waitFor();
      await chartAndTable(section, 'chart-population-by-category');
      await page
        .locator('[data-testid="dashboard-classifications"] [data-testid="chart-classifications"] canvas')
        .waitFor();

      const csv = await downloadCsv(page, 'csv-population-by-category');
      assert.match(csv.name, /^population-by-category-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
      assert.ok(csv.lines.length >= 1, 'the CSV has a header row');
      assert.match(csv.lines[0], /^[a-z_]+(,[a-z_]+)+$/i, `a header row of column names: ${csv.lines[0]}`);
      assert.equal(await page.locator('[data-testid="csv-population-by-category"]').innerText(), 'CSV');

      await assertAccessible(page, 'national dashboard');
      await screenshot(page, 'dashboards-analyst');
      assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
    } finally {
      await context.close();
    }
  });

  test('the programme coordinator reads the cross-country indicators and exports a table as CSV', async () => {
    const { context, page, problems } = await newPage(browser);
    try {
      await page.goto(`${BASE_URL}/indicators`);
      await page.locator('[data-testid="platform-signin"]').click();
      await keycloakLogin(page, 'programme.coordinator', 'platform');
      await page.waitForURL(`${BASE_URL}/indicators`);
      await page.getByRole('heading', { level: 1, name: 'Cross-country indicators' }).waitFor();
      const card = page.locator('[data-testid="indicator-population-by-category"]');
      await card.getByRole('heading', { level: 2 }).waitFor();
      await chartAndTable(card, 'chart-population-by-category');
      // One column per country on the common scale, then the total.
      const head = await card.locator('table thead th').allInnerTexts();
      assert.ok(head.includes('KZ') && head.includes('KG'), `countries as columns: ${head.join(' | ')}`);

      const csv = await downloadCsv(page, 'csv-population-by-category');
      assert.match(csv.name, /^indicators-population-by-category-.*\.csv$/);
      assert.ok(csv.lines.length >= 1, 'the CSV has a header row');
      assert.match(csv.lines[0], /^[a-z_]+(,[a-z_]+)+$/i, `a header row of column names: ${csv.lines[0]}`);

      await assertAccessible(page, 'cross-country indicators');
      assert.deepEqual(problems, [], 'no CSP violation or uncaught error');
    } finally {
      await context.close();
    }
  });
});
