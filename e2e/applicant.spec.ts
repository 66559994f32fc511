import { expect, test } from './fixtures';

// The applicant form as a loan officer uses it: labels in words, the trained range beside each
// number, a message under an answer that cannot be scored, and a result that follows every edit.

test('the form follows each edit without a click, refuses an impossible or non-numeric answer with a message under the field, and flags a value outside the trained range', async ({
  app,
  page,
}) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await app.train();
  await app.openStep('score');
  const form = page.getByTestId('applicant-form');
  // The label is the column's name in words (the user's data, the same in any language).
  await expect(form.locator('label', { has: page.locator('[name="annual_income"]') })).toContainText('Annual income');
  // The trained range beside the number: its bounds as values, and both shown in the hint.
  const trained = page.getByTestId('trained-range-annual_income');
  const [low, high] = [Number(await trained.getAttribute('data-min')), Number(await trained.getAttribute('data-max'))];
  expect(low, 'the trained range starts at a number').toBeGreaterThanOrEqual(0);
  expect(high, 'and ends above it').toBeGreaterThan(low);
  const shown = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 4 });
  await expect(trained).toContainText(shown(low));
  await expect(trained).toContainText(shown(high));
  await expect(form.locator('label', { has: page.locator('[name="annual_income"]') }), 'the hint is beside the number').toContainText(shown(high));

  // A first result, then an edit: the result changes with no click.
  const first = await app.scoreApplicant({ annual_income: '60000', interest_rate: '9' });
  await form.locator('[name="interest_rate"]').fill('24');
  await expect(app.scoreResult).not.toHaveAttribute('data-probability', String(first));
  const riskier = Number(await app.scoreResult.getAttribute('data-probability'));
  expect(riskier, 'a 24% rate is riskier than 9%').toBeGreaterThan(first);

  // An impossible age (the cleaning's 0–150 rule) and a word for a number: messages, and no new score.
  await form.locator('[name="age"]').fill('-5');
  await expect(page.getByTestId('field-error-age')).toHaveAttribute('data-code', 'outside-possible');
  // The message says the bounds: between 0 and 150.
  await expect(page.getByTestId('field-error-age')).toHaveAttribute('data-check', 'between');
  await expect(page.getByTestId('field-error-age')).toHaveAttribute('data-min', '0');
  await expect(page.getByTestId('field-error-age')).toHaveAttribute('data-max', '150');
  await expect(page.getByTestId('field-error-age')).toContainText('150');
  await expect(app.scoreResult, 'the result shown is for the answers as last scored').toHaveAttribute('data-stale', 'true');
  await expect(app.scoreResult).toHaveAttribute('data-probability', String(riskier));
  await form.locator('[name="age"]').fill('forty');
  await expect(page.getByTestId('field-error-age')).toHaveAttribute('data-code', 'not-a-number');
  // The message is advice, not a decline: it is not in the decline colour.
  const colours = await page.evaluate(() => {
    const message = document.querySelector('[data-testid="field-error-age"]') as HTMLElement;
    const bad = getComputedStyle(document.documentElement).getPropertyValue('--bad').trim();
    return { message: getComputedStyle(message).color, bad };
  });
  const hex = (rgb: string) =>
    `#${(rgb.match(/\d+/g) ?? [])
      .slice(0, 3)
      .map((n) => Number(n).toString(16).padStart(2, '0'))
      .join('')}`;
  expect(hex(colours.message)).not.toBe(colours.bad.toLowerCase());

  // Fixed, it scores again; a value beyond the training rows is scored and flagged under the field.
  await form.locator('[name="age"]').fill('40');
  await expect(page.getByTestId('field-error-age')).toHaveCount(0);
  await expect(app.scoreResult, 'scored again: the result is current').toHaveAttribute('data-stale', 'false');
  await form.locator('[name="annual_income"]').fill('9000000');
  await expect(page.getByTestId('field-error-annual_income')).toHaveAttribute('data-code', 'outside-trained');
  await expect(app.scoreResult).not.toHaveAttribute('data-probability', String(riskier));
});
