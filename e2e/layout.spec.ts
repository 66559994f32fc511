import { expect, test } from './fixtures.js';
import { overflowingElements, walkSteps } from './support/walkSteps.js';

// A 390 px phone (iPhone 12–15 portrait): the page must never scroll sideways; wide tables scroll
// inside their own box instead.
test.use({ viewport: { width: 390, height: 844 } });

test('at 390 px no step makes the page scroll sideways', async ({ app, page }) => {
  const checked: string[] = [];
  await walkSteps(app, async (step) => {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    const culprits = scrollWidth > innerWidth ? await overflowingElements(page) : [];
    expect(scrollWidth, `step ${step}: the page is ${scrollWidth} px wide in a ${innerWidth} px window; widest elements:\n  ${culprits.join('\n  ')}`).toBeLessThanOrEqual(
      innerWidth,
    );
    checked.push(step);
  });
  expect(checked).toEqual(['data', 'data', 'clean', 'train', 'evaluate', 'decide', 'score', 'models']);
});
