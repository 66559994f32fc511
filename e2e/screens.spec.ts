import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';

// The validator's screens on the test rows: permutation importance, and the fair-lending screen by
// a column of the data, checked against the counts the page shows elsewhere.

test('permutation importance ranks every input by its AUC drop, and the fair-lending screen counts approvals per group that add up to the confusion matrix', async ({
  app,
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  const split = await app.split();
  await app.train();
  const auc = await app.metric('auc');

  await page.getByTestId('importance-button').click();
  const chart = page.getByTestId('importance-chart');
  await expect(chart).toBeVisible({ timeout: 60_000 });
  // The baseline is the model's own test AUC, measured a second way.
  expect(Number(await chart.getAttribute('data-baseline-auc')).toFixed(4)).toBe(auc.toFixed(4));
  const bars = await chart
    .locator('tr[data-feature]')
    .evaluateAll((rows) => rows.map((r) => ({ feature: r.getAttribute('data-feature'), drop: Number(r.getAttribute('data-drop')), sd: Number(r.getAttribute('data-sd')) })));
  expect(bars.length).toBeGreaterThanOrEqual(5);
  expect(bars.map((b) => b.drop)).toEqual([...bars.map((b) => b.drop)].sort((a, b) => b - a));
  // Something the model leans on clearly matters; the spread of five shuffles is smaller than the top drop.
  expect(bars[0].drop).toBeGreaterThan(0.02);
  expect(bars[0].sd).toBeLessThan(bars[0].drop);

  await page.getByTestId('protected-select').selectOption('employment_type');
  const report = page.getByTestId('fairness-report');
  await expect(report).toBeVisible();
  const groups = await report.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      group: r.getAttribute('data-group'),
      applicants: Number(r.getAttribute('data-applicants')),
      approved: Number(r.getAttribute('data-approved')),
      ratio: r.getAttribute('data-ratio'),
      flagged: r.getAttribute('data-flagged') === 'true',
    })),
  );
  expect(
    groups.reduce((n, g) => n + g.applicants, 0),
    'every test row is in one group',
  ).toBe(split.testRows);
  // Approved = the matrix's approvals (bads approved + goods approved) at the same cut-off.
  const matrix = await app.confusion();
  expect(groups.reduce((n, g) => n + g.approved, 0)).toBe(matrix.fn + matrix.tn);
  // Ratios by hand from the counts: each rate over the highest rate; flagged below 0.8.
  const best = Math.max(...groups.map((g) => g.approved / g.applicants));
  for (const g of groups) {
    const ratio = g.approved / g.applicants / best;
    expect(Number(g.ratio)).toBeCloseTo(ratio, 10);
    expect(g.flagged).toBe(ratio < 0.8);
  }
  await expect(report).toHaveAttribute('data-reference', groups.find((g) => g.approved / g.applicants === best)!.group!);

  // The same column from a separate file joined row by row gives the same groups; a file of another length is refused.
  const sample = readFileSync('public/sample-loan-book.csv', 'utf8').trim().split('\n');
  const header = sample[0].split(',');
  const at = header.indexOf('employment_type');
  const groupsPath = testInfo.outputPath('groups.csv');
  writeFileSync(groupsPath, ['row,group_from_file', ...sample.slice(1).map((line, i) => `${i + 1},${line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[at]}`)].join('\n'));
  await page.getByTestId('protected-file').setInputFiles(groupsPath);
  await expect(page.getByTestId('protected-file-name')).toBeVisible();
  await page.getByTestId('protected-select').selectOption('group_from_file');
  await expect(report).toHaveAttribute('data-source', 'file');
  const joined = await report
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => ({ group: r.getAttribute('data-group'), applicants: Number(r.getAttribute('data-applicants')), approved: Number(r.getAttribute('data-approved')) })),
    );
  expect(joined).toEqual(groups.map(({ group, applicants, approved }) => ({ group, applicants, approved })));
  const shortPath = testInfo.outputPath('short.csv');
  writeFileSync(shortPath, ['row,group', '1,a', '2,b'].join('\n'));
  await page.getByTestId('protected-file').setInputFiles(shortPath);
  await page.getByTestId('protected-select').selectOption('group');
  // Refused by code: the groups file's rows differ from the training file's, so they cannot be joined by position.
  await expect(page.getByRole('alert')).toHaveAttribute('data-problem-code', 'screen.groupRowsDiffer');
});
