import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from './fixtures';

// Scoring a whole file: the sample book's applicants (without their outcome) with a few odd rows,
// scored by the model in use; a copy with every income tripled shows up as drift.

/** The sample book as a batch file: the outcome column dropped, `edit` applied to each data line's cells. */
function batchFile(dir: string, name: string, edit: (cells: string[], i: number) => string[]): string {
  const text = readFileSync(resolve(dirname(new URL(import.meta.url).pathname), '../public/sample-loan-book.csv'), 'utf8')
    .trim()
    .split('\n');
  const header = text[0].split(',');
  const keep = header.length - 1; // `default` is last
  // Commas inside a quoted cell ("home improvement, repairs") do not split it.
  const cellsOf = (line: string) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const lines = [header.slice(0, keep).join(','), ...text.slice(1, 2001).map((line, i) => edit(cellsOf(line).slice(0, keep), i).join(','))];
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

test('a file of applicants is checked, scored with reasons, summarised with drift, filtered, paged and downloaded as injection-safe CSV', async ({ app, page }, testInfo) => {
  test.setTimeout(180_000);
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await app.train();
  await app.openStep('score');
  const dir = testInfo.outputDir;
  // Row 1's applicant id is a formula; row 2 has text for an income; row 3 an unseen home ownership; row 4 is as in the book.
  const path = batchFile(dir, 'applicants.csv', (cells, i) => {
    if (i === 0) cells[0] = '"=HYPERLINK(""http://evil.example"")"';
    if (i === 1) cells[2] = 'lots';
    if (i === 2) cells[11] = 'CASTLE';
    return cells;
  });
  await page.getByTestId('batch-input').setInputFiles(path);
  const results = page.getByTestId('batch-results');
  await expect(results).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('batch-row-count')).toHaveAttribute('data-rows', '2000');
  expect(Number(await page.getByTestId('batch-flagged-count').getAttribute('data-rows'))).toBeGreaterThanOrEqual(2);
  // A batch like the training rows does not drift: every reading stable or watch, no warning.
  const drift = await page
    .getByTestId('drift-report')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => ({ feature: r.getAttribute('data-feature'), psi: Number(r.getAttribute('data-psi')), reading: r.getAttribute('data-reading') })));
  expect(drift.map((d) => d.feature)).toContain('(score)');
  expect(drift.map((d) => d.feature)).toContain('annual_income');
  for (const d of drift) expect(d.psi, `${d.feature} PSI`).toBeLessThan(0.1);
  await expect(page.getByTestId('drift-warning')).toHaveCount(0);

  // Only the rows in view are in the page; declined rows can be filtered.
  const table = page.getByTestId('batch-table');
  await expect(table).toHaveAttribute('data-total', '2000');
  expect(await table.locator('tbody tr[data-row]').count()).toBeLessThan(100);
  // "lots" in a column of numbers is read as a missing income (the reader says so), so the row is scored with the fill and flagged.
  await expect(page.getByTestId('batch-reading-notes').locator('li[data-code="csv.notNumbers"][data-column="annual_income"]')).toHaveCount(1);
  await page.getByTestId('batch-filter').selectOption('declined');
  await expect(table).not.toHaveAttribute('data-total', '2000');
  const declinedRows = await table.locator('tbody tr[data-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-decision')));
  expect(declinedRows.length).toBeGreaterThan(0);
  expect(new Set(declinedRows)).toEqual(new Set(['decline']));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-scores').click()]);
  const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
  expect(csv[0].endsWith('probability_of_bad,points,decision,reasons,flags')).toBe(true);
  expect(csv).toHaveLength(2002); // header, 2,000 rows, the final line end
  expect(csv[1].startsWith(`"'=HYPERLINK(`), 'the formula is defused').toBe(true);
  expect(csv[2]).toContain('MISSING');
  expect(csv[3]).toContain('UNSEEN_LEVEL');

  // The same applicants with every income tripled: the income has shifted, and the page says so first.
  const shifted = batchFile(dir, 'shifted.csv', (cells) => {
    cells[2] = String(Number(cells[2]) * 3);
    return cells;
  });
  await page.getByTestId('batch-input').setInputFiles(shifted);
  await expect(page.getByTestId('drift-warning')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('drift-report').locator('tr[data-feature="annual_income"]')).toHaveAttribute('data-reading', 'shifted');
});

test('a file without the model’s columns is refused with the missing ones named', async ({ app, page }, testInfo) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await app.train();
  await app.openStep('score');
  mkdirSync(testInfo.outputDir, { recursive: true });
  const path = join(testInfo.outputDir, 'short.csv');
  writeFileSync(path, 'applicant_id,age\nA,30\n');
  await page.getByTestId('batch-input').setInputFiles(path);
  await expect(page.getByRole('alert')).toHaveAttribute('data-problem-code', 'batch.missingColumns');
  await expect(page.getByRole('alert'), 'the missing column is named').toContainText('annual_income');
  await expect(page.getByTestId('batch-results')).toHaveCount(0);
});

test('Cancel stops a long file part-way: no results, no error, and the next file scores', async ({ app, page }, testInfo) => {
  test.setTimeout(180_000);
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await app.train();
  await app.openStep('score');
  const dir = testInfo.outputDir;
  // 300,000 rows: the sample's 2,000 first applicants 150 times over, seconds of work to stop in (100,000 take about 2 s).
  const big = batchFile(dir, 'big.csv', (cells) => cells);
  const text = readFileSync(big, 'utf8').trim().split('\n');
  writeFileSync(big, `${[text[0], ...Array.from({ length: 150 }, () => text.slice(1)).flat()].join('\n')}\n`);
  await page.getByTestId('batch-input').setInputFiles(big);
  await page.getByTestId('batch-cancel').click();
  await expect(page.getByTestId('batch-progress')).toHaveCount(0);
  await expect(page.getByTestId('batch-results')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByTestId('batch-input').setInputFiles(batchFile(dir, 'small.csv', (cells) => cells));
  await expect(page.getByTestId('batch-row-count')).toHaveAttribute('data-rows', '2000', { timeout: 60_000 });
});
