import { expect, type Locator, type Page } from '@playwright/test';

/** Metric names shown as `metric-<name>` (text: a number in [0, 1] with at least 3 decimals). */
export type MetricName = 'accuracy' | 'precision' | 'recall' | 'f1' | 'auc';

/** Training states exposed on `training-status` as `data-state`. */
export type TrainingState = 'idle' | 'training' | 'done' | 'error';

const LONG_TASKS_KEY = '__creditlabLongTasksMs';

// In-page code below is typed structurally, so this file compiles with or without the DOM lib.
type InPageSelect = { options: ArrayLike<{ value: string }> };
type InPagePerformanceObserver = new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
  observe(options: { type: string; buffered?: boolean }): void;
};

/** Page object for CreditLab; drives the app through the data-testid automation contract only. */
export class CreditLabPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The visible role="alert" elements that have text (an empty live region does not count). */
  get alert(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /\S/ });
  }

  get trainingStatus(): Locator {
    return this.page.getByTestId('training-status');
  }

  get targetSelect(): Locator {
    return this.page.getByTestId('target-select');
  }

  get scoreResult(): Locator {
    return this.page.getByTestId('score-result');
  }

  /** Opens the app at '/'. */
  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  /** Loads the bundled sample data and waits until its columns are offered as targets. */
  async loadSample(): Promise<void> {
    await this.page.getByTestId('sample-data-button').click();
    await expect.poll(() => this.targetOptions(), { message: 'target-select gets the sample columns' }).not.toEqual([]);
  }

  /** Puts a file into the dataset input; does not wait for parsing (the file may be meant to fail). */
  async uploadCsv(absPath: string): Promise<void> {
    await this.page.getByTestId('dataset-input').setInputFiles(absPath);
  }

  /** The non-empty option values of target-select (placeholders with value "" are left out). */
  async targetOptions(): Promise<string[]> {
    if ((await this.targetSelect.count()) === 0) return [];
    return this.targetSelect.evaluate((el) =>
      Array.from((el as unknown as InPageSelect).options, (o) => o.value).filter((v) => v !== ''),
    );
  }

  /** Chooses the target column; waits until the column is offered (i.e. the data has been read). */
  async chooseTarget(name: string): Promise<void> {
    await this.targetSelect.selectOption(name);
  }

  async setEpochs(n: number): Promise<void> {
    await this.page.getByTestId('epochs-input').fill(String(n));
  }

  /**
   * Clicks train and waits for data-state 'done'; throws with the page's alert text as soon as it
   * becomes 'error'. timeoutMs bounds the whole training run.
   */
  async train({ timeoutMs = 180_000 }: { timeoutMs?: number } = {}): Promise<void> {
    const before = await this.trainingStatus.getAttribute('data-state');
    await this.page.getByTestId('train-button').click();
    if (before === 'done' || before === 'error') {
      // Retraining: do not mistake the previous run's final state for this one's.
      await expect(this.trainingStatus).not.toHaveAttribute('data-state', before);
    }
    await expect(this.trainingStatus, 'training finishes (done or error)').toHaveAttribute(
      'data-state',
      /^(done|error)$/,
      { timeout: timeoutMs },
    );
    if ((await this.trainingStatus.getAttribute('data-state')) === 'error') {
      await this.alert.first().waitFor({ timeout: 5_000 }).catch(() => undefined);
      throw new Error(`Training failed: ${(await this.alertText()) || '(no role="alert" text shown)'}`);
    }
  }

  /** The number shown in `metric-<name>`; fails if the text is not a decimal with 3+ places. */
  async metric(name: MetricName): Promise<number> {
    const el = this.page.getByTestId(`metric-${name}`);
    await expect(el, `metric-${name} shows a number with at least 3 decimals`).toHaveText(/^\s*-?\d+\.\d{3,}\s*$/);
    return Number((await el.innerText()).trim());
  }

  /**
   * Fills the named fields of applicant-form (selectOption for <select>, fill otherwise), clicks
   * score and returns score-result's data-probability. Without values the form's defaults are used.
   */
  async scoreApplicant(values: Record<string, string> = {}): Promise<number> {
    const form = this.page.getByTestId('applicant-form');
    await expect(form).toBeVisible();
    for (const [name, value] of Object.entries(values)) {
      const field = form.locator(`[name=${JSON.stringify(name)}]`);
      const tag = await field.evaluate((el) => el.tagName.toLowerCase());
      if (tag === 'select') await field.selectOption(value);
      else await field.fill(value);
    }
    await this.page.getByTestId('score-button').click();
    await expect(this.scoreResult).toHaveAttribute('data-probability', /\d/);
    const raw = await this.scoreResult.getAttribute('data-probability');
    const probability = Number(raw);
    if (!Number.isFinite(probability)) throw new Error(`score-result data-probability "${raw}" is not a number`);
    return probability;
  }

  /** Text of the visible role="alert" elements joined by " | ", or "" when there is none. */
  async alertText(): Promise<string> {
    return (await this.alert.allInnerTexts()).map((t) => t.trim()).join(' | ');
  }

  /**
   * Starts recording main-thread long tasks (> 50 ms) of the current document; call after goto().
   * Work done inside page.evaluate itself is not reported as a long task; the app's own tasks are.
   */
  async startLongTaskObserver(): Promise<void> {
    await this.page.evaluate((key) => {
      const store = globalThis as unknown as Record<string, number[]>;
      const Observer = (globalThis as unknown as { PerformanceObserver: InPagePerformanceObserver }).PerformanceObserver;
      store[key] = [];
      new Observer((list) => {
        for (const entry of list.getEntries()) store[key].push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    }, LONG_TASKS_KEY);
  }

  /** Durations in ms of the long tasks seen since startLongTaskObserver(). */
  async longTasks(): Promise<number[]> {
    return this.page.evaluate(
      (key) => [...((globalThis as unknown as Record<string, number[] | undefined>)[key] ?? [])],
      LONG_TASKS_KEY,
    );
  }
}
