import { readFileSync } from 'node:fs';
import { parseCount } from './creditLabPage.js';
import { expect, test } from './fixtures.js';
import { parseCsvText } from './support/csv.js';
import { sharedDataPath } from './support/fixtureFiles.js';

/**
 * The shared data sets with their expected counts.
 *
 * `loaded` is the data README's rows × cols. `cleaned` was derived independently of the app, with a
 * throwaway python3 script (csv module; whitespace-split for german.data) applying the default plan:
 * exact duplicate rows dropped (first kept), rows with an empty label dropped, rows whose age-named
 * column is outside 0–150 dropped, then feature columns = all columns but the target, minus
 * identifiers (text with ≥ 90% distinct values, or unique numbers named like an id) and constant or
 * all-missing columns; column-count = features + 1 (the target). What it found:
 * - credit_risk_dataset.csv: 165 duplicates, 0 unlabeled, 0 ages outside 0–150 (max 144), no
 *   identifier or constant column → 32581 − 165 = 32416 rows; 11 features + 1 = 12 columns.
 * - german_credit.csv: 0 duplicates, 0 unlabeled, ages 19–75 → 1000 rows; 20 + 1 = 21 columns.
 * - german.data (no header; columns col1…col21, no column named like age): 1000 rows; 20 + 1 = 21.
 * - loan_prediction_train.csv: 0 duplicates (Loan_ID makes every row unique), 0 unlabeled, no age
 *   column; Loan_ID (614 distinct of 614) is an identifier → 614 rows; 11 + 1 = 12 columns.
 */
const DATA_SETS = [
  {
    file: 'credit_risk_dataset.csv',
    target: 'loan_status',
    loaded: { rows: 32_581, columns: 12 },
    cleaned: { rows: 32_416, columns: 12 },
    duplicates: 165,
  },
  { file: 'german_credit.csv', target: 'class', loaded: { rows: 1_000, columns: 21 }, cleaned: { rows: 1_000, columns: 21 }, duplicates: 0 },
  { file: 'german.data', target: 'col21', loaded: { rows: 1_000, columns: 21 }, cleaned: { rows: 1_000, columns: 21 }, duplicates: 0 },
  {
    file: 'loan_prediction_train.csv',
    target: 'Loan_Status',
    loaded: { rows: 614, columns: 13 },
    cleaned: { rows: 614, columns: 12 },
    duplicates: 0,
  },
] as const;

/** The column names the app should show: the header line, or col1…colN for german.data. */
function expectedColumnNames(file: string, columns: number): string[] {
  if (file === 'german.data') return Array.from({ length: columns }, (_, i) => `col${i + 1}`);
  const firstLine = readFileSync(sharedDataPath(file), 'utf8').split(/\r?\n/, 1)[0];
  return parseCsvText(firstLine)[0];
}

for (const data of DATA_SETS) {
  test(`${data.file}: loads ${data.loaded.rows}×${data.loaded.columns}, cleans to ${data.cleaned.rows}×${data.cleaned.columns}, profiles and previews every row`, async ({
    app,
  }) => {
    await app.goto();
    await app.startCountRecorder();
    await app.uploadCsv(sharedDataPath(data.file));

    // Right after reading: the file's own data rows and columns.
    expect(await app.countsAtStage('loaded'), 'row-count / column-count at data-stage=loaded').toEqual(data.loaded);

    // With the target chosen, the default cleaning plan runs.
    await app.ensureTarget(data.target);
    await expect
      .poll(() => app.counts(), { message: 'row-count / column-count after cleaning', timeout: 60_000 })
      .toEqual({ stage: 'cleaned', ...data.cleaned });
    await expect(app.columnCount).toHaveAttribute('data-stage', 'cleaned');

    // Profile: one row per column of the file, named after it.
    await expect(app.columnProfile).toBeVisible();
    expect(await app.profiledColumns(), 'column-profile rows (data-column)').toEqual(expectedColumnNames(data.file, data.loaded.columns));
    await expect(app.page.getByTestId('target-balance'), 'target-balance shows counts').toContainText(/\d/);

    // Preview: row 0 is rendered at first; scrolling to the bottom eventually renders the last row.
    await expect(app.dataPreview).toBeVisible();
    await expect(app.dataPreview.locator('[data-row-index="0"]'), 'preview renders row 0').toHaveCount(1);
    // The preview shows the file as loaded (the profile's view), so its last row is loaded.rows − 1.
    const lastIndex = data.loaded.rows - 1;
    await expect
      .poll(
        async () => {
          expect(await app.scrollPreviewToBottom(), 'data-preview has a vertical scroll container').toBe(true);
          return Math.max(...(await app.renderedPreviewRows()));
        },
        { message: `after scrolling to the bottom, the preview renders row index ${lastIndex}`, timeout: 15_000 },
      )
      .toBe(lastIndex);
    const rendered = await app.renderedPreviewRows();
    expect(rendered.length, 'rows rendered at the bottom').toBeGreaterThan(0);
    if (data.loaded.rows > 1_000) {
      // Virtualised: only a window of rows is in the DOM, not all of them.
      expect(rendered.length, 'rows in the DOM at once').toBeLessThan(500);
      expect(rendered, 'row 0 left the DOM after scrolling to the end').not.toContain(0);
    }

    if (data.duplicates > 0) {
      await expect(app.cleaningReport).toContainText(data.duplicates.toLocaleString('en-US'));
    }
  });
}

test('credit_risk_dataset.csv: the removed-rows download lists the 165 duplicates with their reason', async ({ app }) => {
  const file = sharedDataPath('credit_risk_dataset.csv');
  await app.goto();
  await app.uploadCsv(file);
  await app.ensureTarget('loan_status');
  await expect.poll(() => app.counts(), { timeout: 60_000 }).toEqual({ stage: 'cleaned', rows: 32_416, columns: 12 });

  const { text } = await app.downloadRemovedRows();
  const [header, ...rows] = parseCsvText(text).filter((row) => !(row.length === 1 && row[0] === ''));
  const reasonAt = header.indexOf('removal_reason');
  expect(reasonAt, `removal_reason in the header ${JSON.stringify(header)}`).toBeGreaterThanOrEqual(0);

  const original = parseCsvText(readFileSync(file, 'utf8'));
  const originalHeader = original[0];
  for (const name of originalHeader) expect(header, 'the download keeps the file\'s columns').toContain(name);
  expect(rows.length, 'data rows in the removed-rows download').toBe(165);
  for (const row of rows) expect(row[reasonAt], 'removal_reason').toMatch(/^duplicate/i);

  // Each removed row is a row of the file, as written there.
  const originalRows = new Set(original.slice(1).map((row) => JSON.stringify(row)));
  const asInFile = (row: string[]) => JSON.stringify(originalHeader.map((name) => row[header.indexOf(name)]));
  const notInFile = rows.filter((row) => !originalRows.has(asInFile(row)));
  expect(notInFile.slice(0, 3), 'removed rows that do not match a row of the file (first 3)').toEqual([]);
});

test('counts use thousands separators and parse back', () => {
  // Guards the helper every test above relies on.
  expect(parseCount('32,581')).toBe(32_581);
  expect(parseCount(' 614 ')).toBe(614);
  expect(parseCount('1,000,000')).toBe(1_000_000);
  expect(parseCount('32,581 rows')).toBeNaN();
  expect(parseCount(null)).toBeNaN();
});
