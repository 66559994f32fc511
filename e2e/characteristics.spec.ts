import { expect, test } from './fixtures';

/** The usual reading of a total IV: [0, 0.02) not predictive, [0.02, 0.1) weak, [0.1, 0.3) medium, [0.3, 0.5) strong, 0.5+ suspicious. */
function reading(iv: number): string {
  return iv < 0.02 ? 'not predictive' : iv < 0.1 ? 'weak' : iv < 0.3 ? 'medium' : iv < 0.5 ? 'strong' : 'suspicious';
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

test('the characteristics report bins the training rows, ranks by IV; merging and splitting bins recount them, and a scorecard uses the edited bins', async ({ app, page }) => {
  await app.goto();
  await app.loadSample();
  const { columns } = await app.waitForCleaned();
  const split = await app.split();

  const ranked = await app.computeCharacteristics();
  const report = page.getByTestId('characteristics-report');
  await expect(report, 'binned on the training rows only').toHaveAttribute('data-train-rows', String(split.trainRows));
  expect(ranked.map((r) => r.feature).length, 'every feature (the columns kept but the target)').toBe(columns - 1);
  const ivs = ranked.map((r) => r.iv);
  expect(ivs, 'features by IV, highest first').toEqual([...ivs].sort((a, b) => b - a));
  expect(ivs[0]).toBeGreaterThan(ivs[ivs.length - 1]);
  for (const row of ranked) expect(row.strength, `${row.feature}'s reading of IV ${row.iv}`).toBe(reading(row.iv));

  // The strongest numeric feature with at least three bins of values.
  let feature = '';
  let before: Awaited<ReturnType<typeof app.binTable>> = [];
  for (const row of ranked) {
    const bins = await app.selectCharacteristic(row.feature);
    if ((await page.getByTestId('bin-table').getAttribute('data-kind')) === 'numeric' && bins.filter((b) => b.index >= 0).length >= 3) {
      feature = row.feature;
      before = bins;
      break;
    }
  }
  expect(feature, 'a numeric feature with 3+ bins').not.toBe('');
  const ivTotal = page.getByTestId('bin-iv-total');
  expect(sum(before.map((b) => b.count)), 'the bins hold every training row').toBe(split.trainRows);
  expect(Number(await ivTotal.getAttribute('data-iv'))).toBeCloseTo(sum(before.map((b) => b.ivPart)), 10);
  for (const bin of before) expect(bin.goods + bin.bads).toBe(bin.count);

  // Merge the first two bins: one bin fewer, the same rows, the IV the sum of the parts shown.
  await page.getByTestId('merge-bins-0').click();
  await expect(page.getByTestId('bin-table').locator('tbody tr')).toHaveCount(before.length - 1);
  const merged = await app.binTable();
  expect(sum(merged.map((b) => b.count)), 'merging keeps every row').toBe(split.trainRows);
  expect(merged[0].count).toBe(before[0].count + before[1].count);
  expect(merged[0].bads).toBe(before[0].bads + before[1].bads);
  expect(merged[0]).toMatchObject({ lower: before[0].lower, upper: before[1].upper });
  const mergedIv = Number(await ivTotal.getAttribute('data-iv'));
  expect(mergedIv, "the new IV is the sum of the remaining bins' IV parts").toBeCloseTo(sum(merged.map((b) => b.ivPart)), 10);
  expect(mergedIv, 'merging bins cannot add information').toBeLessThanOrEqual(sum(before.map((b) => b.ivPart)) + 1e-12);
  await expect(page.getByTestId('edited-characteristics')).toHaveAttribute('data-columns', feature);
  const ranking = await app.ivTable();
  expect(ranking.find((r) => r.feature === feature)!.iv, 'the ranking shows the new IV').toBeCloseTo(mergedIv, 12);
  expect(ranking.map((r) => r.iv)).toEqual([...ranking.map((r) => r.iv)].sort((a, b) => b - a));

  // Splitting at the removed cut point restores the bin exactly.
  await page.getByTestId('split-value-input').fill(String(before[1].lower));
  await page.getByTestId('split-bin-button').click();
  await expect(page.getByTestId('bin-table').locator('tbody tr')).toHaveCount(before.length);
  const restored = await app.binTable();
  expect(restored.map((b) => [b.count, b.goods, b.bads, b.lower, b.upper])).toEqual(before.map((b) => [b.count, b.goods, b.bads, b.lower, b.upper]));
  expect(Number(await ivTotal.getAttribute('data-iv'))).toBeCloseTo(sum(before.map((b) => b.ivPart)), 10);
  // A cut point that is already one is refused, with the problem's code.
  await page.getByTestId('split-value-input').fill(String(before[1].lower));
  await page.getByTestId('split-bin-button').click();
  await expect(app.alert.and(page.locator('[data-problem-code="bins.split-at-edge"]'))).toHaveCount(1);

  // Edit again (merge the last two bins of values), then train a scorecard: its points table has the edited bins.
  const valueBins = restored.filter((b) => b.index >= 0);
  const last = valueBins.length - 2;
  await page.getByTestId(`merge-bins-${last}`).click();
  await expect(page.getByTestId('bin-table').locator('tbody tr')).toHaveCount(before.length - 1);
  const edited = (await app.binTable()).filter((b) => b.index >= 0);
  expect(edited[last]).toMatchObject({ lower: valueBins[last].lower, upper: Infinity, count: valueBins[last].count + valueBins[last + 1].count });
  await app.chooseModel('scorecard');
  await app.train();
  const points = (await app.pointsTable()).filter((r) => r.characteristic === feature && !r.missing);
  expect(
    points.map((r) => [r.lower, r.upper]),
    `${feature}'s bins in the points table are the edited ones`,
  ).toEqual(edited.map((b) => [b.lower, b.upper]));
  expect(points.map((r) => r.woe)).toEqual(edited.map((b) => b.woe));
  await expect(page.getByTestId('points-table-scale'), 'the points table names the edited characteristic').toHaveAttribute('data-edited', feature);
});
