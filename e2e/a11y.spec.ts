import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.js';
import { walkSteps } from './support/walkSteps.js';

/** The interface languages (language-select's values); each gets the whole walk. */
const LANGUAGES = ['en', 'zh-CN'] as const;
const BLOCKING = new Set(['serious', 'critical']);

for (const language of LANGUAGES) {
  test(`axe finds no serious or critical violation on any step (${language})`, async ({ app, page }) => {
    const checked: string[] = [];
    await walkSteps(
      app,
      async (step) => {
        const results = await new AxeBuilder({ page }).analyze();
        const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
        const described = blocking.map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n    ')}`,
        );
        expect
          .soft(
            blocking.map((v) => v.id),
            `step ${step} (${language}):\n  ${described.join('\n  ')}`,
          )
          .toEqual([]);
        checked.push(step);
      },
      {
        afterLoad: async () => {
          if (language === 'en') return;
          const select = page.getByTestId('language-select');
          // The translation is being added: until language-select exists there is nothing to switch to.
          test.skip((await select.count()) === 0, `language-select is not on the page: the ${language} walk cannot run yet`);
          await select.selectOption(language);
          await expect(page.locator('html')).toHaveAttribute('lang', language);
        },
      },
    );
    expect(checked).toEqual(['data', 'data', 'clean', 'train', 'evaluate', 'decide', 'score', 'models']);
  });
}
