import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';

/** The steps of step-nav, by their data-step. */
export type StepName = 'data' | 'clean' | 'train' | 'evaluate' | 'decide' | 'score' | 'models';

/** The heading each step's jump focuses (the tests' own copy: the app's is not imported, so it is checked, not trusted). */
export const STEP_HEADINGS: Readonly<Record<StepName, string>> = {
  data: 'load-heading',
  clean: 'clean-heading',
  train: 'train-heading',
  evaluate: 'evaluate-heading',
  decide: 'decide-heading',
  score: 'score-heading',
  models: 'models-heading',
};

/** One row of model-list. */
export interface SavedModelRow {
  readonly id: string;
  readonly name: string;
  readonly locked: boolean;
  /** model-auc's text ("0.8123", or "–" without test rows). */
  readonly auc: string;
}

/** One export option as quantize-select offers it once measured. */
export interface ExportPreview {
  readonly bytes: number;
  readonly aucChange: number | null;
  readonly logLossChange: number | null;
}

/** A model file exported by export-button and saved by the test. */
export interface ExportedFile {
  /** The name the browser was given (NAME.creditlab.json). */
  readonly fileName: string;
  readonly path: string;
  readonly bytes: Buffer;
}

/** Metric names shown as `metric-<name>` (text: a number with at least 3 decimals). */
export type MetricName = 'accuracy' | 'precision' | 'recall' | 'f1' | 'auc' | 'gini' | 'ks' | 'logloss' | 'brier' | 'ece';

/** Training states exposed on `training-status` as `data-state`. */
export type TrainingState = 'idle' | 'training' | 'done' | 'error';

const LONG_TASKS_KEY = '__creditlabLongTasksMs';
const LONG_TASK_LOG_KEY = '__creditlabLongTaskLog';
const COUNT_LOG_KEY = '__creditlabCountLog';

/** Stages exposed on `row-count` / `column-count` as `data-stage`. */
export type DataStage = 'loaded' | 'cleaned';

/** What row-count and column-count showed at one moment (raw text; numbers via parseCount). */
export interface CountSnapshot {
  readonly rowStage: string | null;
  readonly columnStage: string | null;
  readonly rowText: string | null;
  readonly columnText: string | null;
  /** performance.now() in the page when this state was first seen. */
  readonly atMs: number;
}

/** A main-thread long task: when it started (page ms) and how long it took. */
export interface LongTaskEntry {
  readonly startTime: number;
  readonly duration: number;
  readonly name: string;
}

/** One task on the page's main thread, from a Chrome trace: when it started (page ms), its wall time and its CPU time. */
export interface MainThreadTask {
  readonly startTime: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** With stopMainThreadTrace's `attribute`: the share (0–1) of the task's JS samples in scripts whose URL matches it. */
  readonly attributed?: number;
}

/** The trace-start mark's name: it finds the page's main thread in the trace and aligns its clock with performance.now(). */
const TRACE_START_MARK = 'creditlab:main-thread-trace-start';

/** What the cut-off planner shows at one moment (numbers parsed from its readouts and their hints). */
export interface CutoffReadout {
  /** cutoff-slider's value (the range input rounds to its 0.01 step). */
  readonly slider: number;
  /** cutoff-value's text, e.g. "23.4%". */
  readonly cutoffText: string;
  /** approval-rate and bad-rate as shares in [0, 1] (shown as percentages with one decimal). */
  readonly approvalRate: number;
  readonly badRate: number;
  /** From approval-rate's hint "<approved> of <rows> test applicants". */
  readonly approved: number;
  readonly rows: number;
  /** From expected-profit's hint "<goods> × <profit per good> − <bads> × <loss per bad>". */
  readonly goodsApproved: number;
  readonly badsApproved: number;
  readonly profitPerGood: number;
  readonly lossPerBad: number;
  readonly expectedProfit: number;
}

/** One row of cutoff-suggestions (data-rule and the figures it carries as data attributes). */
export interface CutoffSuggestionRow {
  readonly rule: string;
  readonly cutoff: number;
  /** Where the cut-off was searched: 'validation' or 'out-of-fold', and how many rows. */
  readonly searchSource: string;
  readonly searchRows: number;
  readonly searchProfit: number;
  readonly testRows: number;
  readonly testProfit: number;
  readonly testApproved: number;
  readonly testGoodsApproved: number;
  readonly testBadsApproved: number;
  /** The row's text as shown. */
  readonly text: string;
}

/** What score-result shows: data-probability (of bad), data-points, data-decision. */
export interface ScoreResultState {
  readonly probabilityOfBad: number;
  readonly points: number;
  readonly decision: string | null;
}

/** confusion-matrix's cells (data-cell tp = bads declined, fn = bads approved, fp = goods declined, tn = goods approved). */
export interface ConfusionCounts {
  readonly tp: number;
  readonly fn: number;
  readonly fp: number;
  readonly tn: number;
}

/** One row of points-table: a bin of a kept characteristic and its whole points (what it holds, from its data attributes). */
export interface PointsTableRow {
  readonly characteristic: string;
  readonly binIndex: number;
  readonly woe: number;
  readonly points: number;
  /** [lower, upper) of a numeric bin (±Infinity at the ends); null otherwise. */
  readonly lower: number | null;
  readonly upper: number | null;
  /** The levels of a text group; null otherwise. */
  readonly levels: string[] | null;
  readonly missing: boolean;
  /** The group a text level training never saw goes to. */
  readonly unseen: boolean;
  readonly label: string;
  /** The points cell's text as a number. */
  readonly shownPoints: number;
}

/** One row of iv-table. */
export interface IvRow {
  readonly feature: string;
  readonly iv: number;
  readonly strength: string;
  readonly bins: number;
}

/** One row of bin-table (index −1 = the missing bin). */
export interface BinRow {
  readonly index: number;
  readonly count: number;
  readonly goods: number;
  readonly bads: number;
  readonly woe: number;
  readonly ivPart: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** "-12,345" / "12,345" / "1,000" → a number; NaN when the text is not a (signed) number with separators. */
function parseAmount(text: string): number {
  const trimmed = text.trim().replace(/^[−–]/, '-');
  return /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed.replace(/,/g, '')) : Number.NaN;
}

/** "22.6%" → 0.226; NaN otherwise. */
function parsePercent(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)%\s*$/.exec(text);
  return match ? Number(match[1]) / 100 : Number.NaN;
}

/** ingest-timings' attributes in ms (prepare = fit preprocessing on training rows + encode all rows). */
export interface IngestTimings {
  readonly parseMs: number;
  readonly profileMs: number;
  readonly cleanMs: number;
  readonly prepareMs: number;
}

/** "32,581" → 32581; NaN for anything that is not a number with optional thousands separators. */
export function parseCount(text: string | null): number {
  const trimmed = (text ?? '').trim();
  return /^\d{1,3}(,\d{3})*$|^\d+$/.test(trimmed) ? Number(trimmed.replace(/,/g, '')) : Number.NaN;
}

// In-page code below is typed structurally, so this file compiles with or without the DOM lib.
type InPageSelect = { options: ArrayLike<{ value: string }> };
type InPagePerformanceObserver = new (
  callback: (list: { getEntries(): { duration: number; startTime: number; name: string }[] }) => void,
) => {
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
    // The app renders after its modules have loaded (in steps, after the page's load event): a person waits until it shows.
    await this.page.locator('main.app').waitFor();
  }

  /** Loads the bundled sample data and waits until its columns are offered as targets. */
  async loadSample(): Promise<void> {
    await this.page.getByTestId('sample-data-button').click();
    await expect.poll(() => this.targetOptions(), { message: 'target-select gets the sample columns' }).not.toEqual([]);
  }

  /** The drop zone: the element around dataset-input that takes a dropped file. */
  get dropZone(): Locator {
    return this.page.locator('label', { has: this.page.getByTestId('dataset-input') });
  }

  /**
   * Drops a file onto the drop zone as a browser would: dragenter, dragover and drop events carrying
   * a DataTransfer that holds `content` as a File named `fileName`. Does not wait for parsing.
   */
  async dropFile(fileName: string, content: string | Uint8Array, mimeType = 'text/csv'): Promise<void> {
    const bytes = Array.from(typeof content === 'string' ? new TextEncoder().encode(content) : content);
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, data, type }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(data)], name, { type }));
        return transfer;
      },
      { name: fileName, data: bytes, type: mimeType },
    );
    try {
      for (const type of ['dragenter', 'dragover', 'drop']) await this.dropZone.dispatchEvent(type, { dataTransfer });
    } finally {
      await dataTransfer.dispose();
    }
  }

  /** Puts a file into the dataset input; does not wait for parsing (the file may be meant to fail). */
  async uploadCsv(absPath: string): Promise<void> {
    // A clone without ../shared/data skips the tests that read it, saying which file they need.
    test.skip(absPath.includes(`${sep}shared${sep}data${sep}`) && !existsSync(absPath), `needs ${absPath} (see the README's data section)`);
    await this.page.getByTestId('dataset-input').setInputFiles(absPath);
  }

  /** The non-empty option values of target-select (placeholders with value "" are left out). */
  async targetOptions(): Promise<string[]> {
    if ((await this.targetSelect.count()) === 0) return [];
    return this.targetSelect.evaluate((el) => Array.from((el as unknown as InPageSelect).options, (o) => o.value).filter((v) => v !== ''));
  }

  /** Chooses the target column; waits until the column is offered (i.e. the data has been read). */
  async chooseTarget(name: string): Promise<void> {
    await this.targetSelect.selectOption(name);
  }

  /**
   * Sets the network's epochs. Only a network has epochs, so a test that sets them trains one: the
   * MLP is chosen first unless a network (MLP or logistic regression) already is (the default is boosted trees).
   */
  async setEpochs(n: number): Promise<void> {
    const chosen = await this.page.getByTestId('model-select').inputValue();
    if (chosen !== 'mlp' && chosen !== 'logistic') await this.chooseModel('mlp');
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
    await expect(this.trainingStatus, 'training finishes (done or error)').toHaveAttribute('data-state', /^(done|error)$/, { timeout: timeoutMs });
    if ((await this.trainingStatus.getAttribute('data-state')) === 'error') {
      await this.alert
        .first()
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined);
      throw new Error(`Training failed: ${(await this.alertText()) || '(no role="alert" text shown)'}`);
    }
  }

  /** The number shown in `metric-<name>` once it is one (the threshold metrics wait for the planner); fails if it never is a decimal with 3+ places. */
  async metric(name: MetricName): Promise<number> {
    const el = this.page.getByTestId(`metric-${name}`);
    await expect(el, `metric-${name} shows a number with at least 3 decimals`).toHaveText(/^\s*-?\d+\.\d{3,}\s*$/);
    return Number((await el.innerText()).trim());
  }

  /**
   * Fills the named fields of applicant-form (selectOption for <select>, fill otherwise), clicks
   * score and returns score-result's data-probability: the probability of BAD. Without values the
   * form's defaults are used.
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
    const button = this.page.getByTestId('score-button');
    await button.click();
    // The button waits while the applicant is scored: a result read before then could be the last applicant's.
    await expect(button).toBeEnabled();
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
    return this.page.evaluate((key) => [...((globalThis as unknown as Record<string, number[] | undefined>)[key] ?? [])], LONG_TASKS_KEY);
  }

  // ---- Ingest (streaming parse, profile, cleaning) -------------------------------------------

  get rowCount(): Locator {
    return this.page.getByTestId('row-count');
  }

  get columnCount(): Locator {
    return this.page.getByTestId('column-count');
  }

  get parseProgress(): Locator {
    return this.page.getByTestId('parse-progress');
  }

  get columnProfile(): Locator {
    return this.page.getByTestId('column-profile');
  }

  get dataPreview(): Locator {
    return this.page.getByTestId('data-preview');
  }

  get cleaningReport(): Locator {
    return this.page.getByTestId('cleaning-report');
  }

  /** What row-count and column-count show now (stage from row-count; NaN when absent or not a number). */
  async counts(): Promise<{ stage: string | null; rows: number; columns: number }> {
    const read = async (el: Locator) => ((await el.count()) === 0 ? null : el.first().innerText());
    const [stage, rows, columns] = await Promise.all([
      this.rowCount.count().then((n) => (n === 0 ? null : this.rowCount.first().getAttribute('data-stage'))),
      read(this.rowCount),
      read(this.columnCount),
    ]);
    return { stage, rows: parseCount(rows), columns: parseCount(columns) };
  }

  /**
   * Starts logging every distinct state of row-count / column-count (text and data-stage) with a
   * MutationObserver, so a short-lived `loaded` stage is seen even if `cleaned` follows within a
   * frame. Call after goto() and before loading; clears any earlier log.
   */
  async startCountRecorder(): Promise<void> {
    await this.page.evaluate((key) => {
      type El = { getAttribute(name: string): string | null; textContent: string | null };
      type Doc = { querySelector(selector: string): El | null; documentElement: unknown };
      const g = globalThis as unknown as Record<string, unknown> & {
        document: Doc;
        performance: { now(): number };
        MutationObserver: new (cb: () => void) => { observe(node: unknown, options: object): void; disconnect(): void };
      };
      const previous = g[`${key}Observer`] as { disconnect(): void } | undefined;
      previous?.disconnect();
      const log: object[] = [];
      g[key] = log;
      let last = '';
      const snapshot = () => {
        const row = g.document.querySelector('[data-testid="row-count"]');
        const col = g.document.querySelector('[data-testid="column-count"]');
        const state = {
          rowStage: row?.getAttribute('data-stage') ?? null,
          columnStage: col?.getAttribute('data-stage') ?? null,
          rowText: row?.textContent?.trim() ?? null,
          columnText: col?.textContent?.trim() ?? null,
        };
        const id = JSON.stringify(state);
        if (id === last) return;
        last = id;
        log.push({ ...state, atMs: g.performance.now() });
      };
      const observer = new g.MutationObserver(snapshot);
      observer.observe(g.document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-stage'] });
      g[`${key}Observer`] = observer;
      snapshot();
    }, COUNT_LOG_KEY);
  }

  /** Every distinct row-count / column-count state seen since startCountRecorder(). */
  async countHistory(): Promise<CountSnapshot[]> {
    return this.page.evaluate((key) => [...(((globalThis as unknown as Record<string, unknown>)[key] as CountSnapshot[] | undefined) ?? [])], COUNT_LOG_KEY);
  }

  /**
   * Waits until row-count and column-count have both shown `stage` (as recorded since
   * startCountRecorder()) and returns the first numbers shown with it. Fails on timeout.
   */
  async countsAtStage(stage: DataStage, { timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<{ rows: number; columns: number }> {
    let found: CountSnapshot | undefined;
    await expect
      .poll(
        async () => {
          found = (await this.countHistory()).find((s) => s.rowStage === stage && s.columnStage === stage && s.rowText && s.columnText);
          return found !== undefined;
        },
        { message: `row-count and column-count reach data-stage="${stage}"`, timeout: timeoutMs },
      )
      .toBe(true);
    return { rows: parseCount(found!.rowText), columns: parseCount(found!.columnText) };
  }

  /** Waits until row-count and column-count both carry data-stage="cleaned"; returns their numbers then. */
  async waitForCleaned({ timeoutMs = 60_000 }: { timeoutMs?: number } = {}): Promise<{ rows: number; columns: number }> {
    await expect(this.rowCount, 'row-count reaches data-stage=cleaned').toHaveAttribute('data-stage', 'cleaned', { timeout: timeoutMs });
    await expect(this.columnCount, 'column-count reaches data-stage=cleaned').toHaveAttribute('data-stage', 'cleaned', { timeout: timeoutMs });
    const { rows, columns } = await this.counts();
    return { rows, columns };
  }

  /** Chooses `name` as target unless it is already selected. */
  async ensureTarget(name: string): Promise<void> {
    await expect.poll(() => this.targetOptions(), { message: `target-select offers "${name}"` }).toContain(name);
    if ((await this.targetSelect.inputValue()) !== name) await this.chooseTarget(name);
    await expect(this.targetSelect).toHaveValue(name);
  }

  /** The four ingest-timings attributes in ms; waits until they are all set to numbers. */
  async ingestTimings(): Promise<IngestTimings> {
    const el = this.page.getByTestId('ingest-timings');
    const names = ['data-parse-ms', 'data-profile-ms', 'data-clean-ms', 'data-prepare-ms'] as const;
    const read = async () => Promise.all(names.map(async (n) => Number((await el.getAttribute(n)) ?? Number.NaN)));
    await expect
      .poll(async () => ((await el.count()) === 0 ? false : (await read()).every((v) => Number.isFinite(v) && v >= 0)), {
        message: `ingest-timings carries numeric ${names.join(', ')}`,
      })
      .toBe(true);
    const [parseMs, profileMs, cleanMs, prepareMs] = await read();
    return { parseMs, profileMs, cleanMs, prepareMs };
  }

  /** The data-column values of column-profile's rows rendered now, in order (rows mount a few a frame: poll this). */
  async profiledColumns(): Promise<string[]> {
    return this.columnProfile
      .locator('[data-column]')
      .evaluateAll((els) => els.map((el) => (el as unknown as { getAttribute(n: string): string | null }).getAttribute('data-column') ?? ''));
  }

  /** The data-row-index values data-preview renders now, ascending. */
  async renderedPreviewRows(): Promise<number[]> {
    const values = await this.dataPreview
      .locator('[data-row-index]')
      .evaluateAll((els) => els.map((el) => Number((el as unknown as { getAttribute(n: string): string | null }).getAttribute('data-row-index'))));
    return values.sort((a, b) => a - b);
  }

  /**
   * Scrolls data-preview's scroll container (itself or its first descendant that scrolls vertically)
   * to the bottom; returns false when there is no such container.
   */
  async scrollPreviewToBottom(): Promise<boolean> {
    return this.dataPreview.evaluate((root) => {
      type ScrollEl = { scrollHeight: number; clientHeight: number; scrollTop: number; querySelectorAll(s: string): ArrayLike<ScrollEl> };
      const g = globalThis as unknown as { getComputedStyle(el: unknown): { overflowY: string } };
      const start = root as unknown as ScrollEl;
      const candidates = [start, ...Array.from(start.querySelectorAll('*'))];
      const container = candidates.find((el) => el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(g.getComputedStyle(el).overflowY));
      if (!container) return false;
      container.scrollTop = container.scrollHeight;
      return true;
    });
  }

  /** Clicks removed-rows-download and returns the downloaded file's text. */
  async downloadRemovedRows(): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('removed-rows-download').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /**
   * Starts a Chrome trace of the page's main-thread tasks (one category: cheap to record). Wall time
   * is what a person feels, but on a 2-core machine where the worker, the software compositor and
   * the test runner share the cores, the OS stretches a 15 ms task past 50 ms (traced: a 52 ms task
   * had 17 ms of CPU); the CPU time a task took on the main thread is the app's own doing, and
   * steady from run to run. Turn Playwright's tracing off for such tests: its DOM snapshots run on
   * the main thread too.
   */
  async startMainThreadTrace({ jsSamples = false }: { jsSamples?: boolean } = {}): Promise<void> {
    const browser = this.page.context().browser();
    if (!browser) throw new Error('startMainThreadTrace needs a launched browser');
    // JS samples (V8's sampling profiler) say which scripts a task ran: stopMainThreadTrace's `attribute` reads them.
    const categories = ['disabled-by-default-devtools.timeline', 'blink.user_timing', ...(jsSamples ? ['disabled-by-default-v8.cpu_profiler'] : [])];
    await browser.startTracing(this.page, { categories });
    this.traceStartNow = await this.page.evaluate((mark) => {
      performance.mark(mark);
      return performance.now();
    }, TRACE_START_MARK);
  }

  private traceStartNow = 0;

  /**
   * Stops the trace begun by startMainThreadTrace() and returns the main thread's tasks of at least
   * `minMs` (wall or CPU). With `attribute` (and a trace started with jsSamples), each task also
   * carries the share of its JS samples whose script URL matches it.
   */
  async stopMainThreadTrace({ minMs = 10, attribute }: { minMs?: number; attribute?: RegExp } = {}): Promise<MainThreadTask[]> {
    const browser = this.page.context().browser();
    if (!browser) throw new Error('stopMainThreadTrace needs a launched browser');
    type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; id?: string; args?: { data?: ProfileData } };
    type ProfileData = { startTime?: number; cpuProfile?: { nodes?: { id: number; callFrame?: { url?: string } }[]; samples?: number[] }; timeDeltas?: number[] };
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const mark = traceEvents.find((e) => e.name === TRACE_START_MARK);
    if (!mark) throw new Error('the trace has no start mark: was startMainThreadTrace() called on this page?');
    // The main thread's JS samples: its profile's chunks, in order, each sample's time the running sum of the deltas.
    const samples: { ts: number; url: string }[] = [];
    const profile = attribute && traceEvents.find((e) => e.name === 'Profile' && e.pid === mark.pid && e.tid === mark.tid);
    if (attribute && !profile) throw new Error('the trace has no JS samples: start it with startMainThreadTrace({ jsSamples: true })');
    if (profile) {
      const urls = new Map<number, string>();
      let ts = profile.args?.data?.startTime ?? 0;
      for (const chunk of traceEvents.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id)) {
        for (const node of chunk.args?.data?.cpuProfile?.nodes ?? []) urls.set(node.id, node.callFrame?.url ?? '');
        const deltas = chunk.args?.data?.timeDeltas ?? [];
        (chunk.args?.data?.cpuProfile?.samples ?? []).forEach((id, i) => {
          ts += deltas[i] ?? 0;
          samples.push({ ts, url: urls.get(id) ?? '' });
        });
      }
    }
    return traceEvents
      .filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= mark.ts)
      .map((e) => {
        const task: MainThreadTask = { startTime: this.traceStartNow + (e.ts - mark.ts) / 1000, wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 };
        if (!attribute) return task;
        const inside = samples.filter((s) => s.ts >= e.ts && s.ts <= e.ts + (e.dur ?? 0));
        return { ...task, attributed: inside.length === 0 ? 0 : inside.filter((s) => attribute.test(s.url)).length / inside.length };
      })
      .filter((t) => t.wallMs >= minMs || t.cpuMs >= minMs);
  }

  /**
   * Starts logging main-thread long tasks (> 50 ms) with their start times, from now on only
   * (unbuffered, so the page's own start-up is not counted). Call after goto().
   */
  async startLongTaskLog(): Promise<void> {
    await this.page.evaluate((key) => {
      const store = globalThis as unknown as Record<string, object[]>;
      const Observer = (globalThis as unknown as { PerformanceObserver: InPagePerformanceObserver }).PerformanceObserver;
      store[key] = [];
      new Observer((list) => {
        for (const entry of list.getEntries()) store[key].push({ startTime: entry.startTime, duration: entry.duration, name: entry.name });
      }).observe({ type: 'longtask' });
    }, LONG_TASK_LOG_KEY);
  }

  /**
   * Runs a busy loop of `ms` on the page's main thread as a task of its own (a setTimeout callback:
   * a busy loop inside page.evaluate itself is not reported as a long task), and resolves when it
   * ended. For positive controls of the long-task recorders. Returns when the task started (page ms).
   */
  async runMainThreadTask(ms: number): Promise<{ startTime: number }> {
    return this.page.evaluate(
      (busyMs) =>
        new Promise<{ startTime: number }>((resolve) => {
          setTimeout(() => {
            const startTime = performance.now();
            while (performance.now() - startTime < busyMs) {
              // busy: block the main thread on purpose
            }
            resolve({ startTime });
          }, 0);
        }),
      ms,
    );
  }

  /** The long tasks seen since startLongTaskLog(). */
  async longTaskLog(): Promise<LongTaskEntry[]> {
    return this.page.evaluate((key) => [...((globalThis as unknown as Record<string, LongTaskEntry[] | undefined>)[key] ?? [])], LONG_TASK_LOG_KEY);
  }

  // ---- Scorecards and the characteristics report -------------------------------------------

  /** Chooses the model in model-select: 'boosted' (the default), 'mlp', 'logistic' or 'scorecard'. */
  async chooseModel(kind: 'boosted' | 'mlp' | 'logistic' | 'scorecard'): Promise<void> {
    await this.page.getByTestId('model-select').selectOption(kind);
  }

  /**
   * Scrolls chart `testId` into view and keeps it there until it has mounted, as a person looking at
   * it would. A chart mounts after 250 ms in view; the jump to Evaluate after training can still be
   * scrolling and carry the page past a chart scrolled to once.
   */
  async viewChart(testId: string): Promise<Locator> {
    const chart = this.page.getByTestId(testId);
    await expect
      .poll(
        async () => {
          await chart.scrollIntoViewIfNeeded();
          return chart.getAttribute('data-mounted');
        },
        { message: `${testId} mounts once in view`, intervals: [400] },
      )
      .toBe('true');
    return chart;
  }

  /** Every row of points-table once all have mounted (they mount a few a frame). */
  async pointsTable(): Promise<PointsTableRow[]> {
    const table = this.page.getByTestId('points-table');
    await expect(table).toBeVisible();
    const expected = Number(await table.getAttribute('data-rows'));
    await expect(table.locator('tbody tr'), 'points-table mounts every bin').toHaveCount(expected);
    return table.locator('tbody tr').evaluateAll((els) =>
      els.map((el) => {
        const e = el as unknown as { getAttribute(n: string): string | null; querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> };
        const levels = e.getAttribute('data-levels');
        const cells = Array.from(e.querySelectorAll('th, td'), (c) => (c.textContent ?? '').trim());
        return {
          characteristic: e.getAttribute('data-characteristic') ?? '',
          binIndex: Number(e.getAttribute('data-bin-index')),
          woe: Number(e.getAttribute('data-woe')),
          points: Number(e.getAttribute('data-points')),
          lower: e.getAttribute('data-lower') === null ? null : Number(e.getAttribute('data-lower')),
          upper: e.getAttribute('data-upper') === null ? null : Number(e.getAttribute('data-upper')),
          levels: levels === null ? null : (JSON.parse(levels) as string[]),
          missing: e.getAttribute('data-missing') === 'true',
          unseen: e.getAttribute('data-unseen') === 'true',
          label: cells[1] ?? '',
          shownPoints: Number((cells[3] ?? '').replace('−', '-')),
        };
      }),
    );
  }

  /** Clicks points-table-download and returns the downloaded file's name and text. */
  async downloadPointsTable(): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('points-table-download').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** The points scale in force, from the scale inputs. */
  async pointsScale(): Promise<{ baseScore: number; baseOdds: number; pdo: number }> {
    const n = async (id: string) => Number(await this.page.getByTestId(id).inputValue());
    return { baseScore: await n('base-score-input'), baseOdds: await n('base-odds-input'), pdo: await n('pdo-input') };
  }

  /** Clicks characteristics-button and waits for the report; returns iv-table's rows in order, once all have mounted. */
  async computeCharacteristics(): Promise<IvRow[]> {
    await this.page.getByTestId('characteristics-button').click();
    await expect(this.page.getByTestId('characteristics-report')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    return this.ivTable();
  }

  /** iv-table's rows in order (feature, IV, reading, bins), once all have mounted. */
  async ivTable(): Promise<IvRow[]> {
    const table = this.page.getByTestId('iv-table');
    await expect(table.locator('tbody tr'), 'iv-table mounts every feature').toHaveCount(Number(await table.getAttribute('data-rows')));
    return table.locator('tbody tr').evaluateAll((els) =>
      els.map((el) => {
        const e = el as unknown as { getAttribute(n: string): string | null };
        return {
          feature: e.getAttribute('data-feature') ?? '',
          iv: Number(e.getAttribute('data-iv')),
          strength: e.getAttribute('data-strength') ?? '',
          bins: Number(e.getAttribute('data-bins')),
        };
      }),
    );
  }

  /** Selects `feature` in iv-table and returns its bin-table rows once they show that feature. */
  async selectCharacteristic(feature: string): Promise<BinRow[]> {
    await this.page.getByTestId(`characteristic-${feature}`).click();
    await expect(this.page.getByTestId('bin-table')).toHaveAttribute('data-feature', feature);
    return this.binTable();
  }

  /** The selected feature's bin-table rows (all mounted) and its total IV shown. */
  async binTable(): Promise<BinRow[]> {
    const table = this.page.getByTestId('bin-table');
    const feature = await table.getAttribute('data-feature');
    const bins = Number(await this.page.locator(`[data-testid="iv-table"] tr[data-feature=${JSON.stringify(feature)}]`).getAttribute('data-bins'));
    await expect(table.locator('tbody tr'), 'bin-table mounts every bin').toHaveCount(bins);
    return table.locator('tbody tr').evaluateAll((els) =>
      els.map((el) => {
        const e = el as unknown as { getAttribute(n: string): string | null };
        const n = (name: string) => Number(e.getAttribute(name));
        return {
          index: n('data-bin-index'),
          count: n('data-count'),
          goods: n('data-goods'),
          bads: n('data-bads'),
          woe: n('data-woe'),
          ivPart: n('data-iv-part'),
          lower: e.getAttribute('data-lower') === null ? null : n('data-lower'),
          upper: e.getAttribute('data-upper') === null ? null : n('data-upper'),
        };
      }),
    );
  }

  // ---- Evaluation and the cut-off planner ---------------------------------------------------

  /** The cut-off planner's range input. */
  get cutoffSlider(): Locator {
    return this.page.getByTestId('cutoff-slider');
  }

  /** score-result's data attributes now; fails when there is no result or they are not numbers. */
  async scoreResultState(): Promise<ScoreResultState> {
    await expect(this.scoreResult).toBeVisible();
    const [p, points, decision] = await Promise.all(['data-probability', 'data-points', 'data-decision'].map((name) => this.scoreResult.getAttribute(name)));
    const state = { probabilityOfBad: Number(p), points: Number(points), decision };
    if (!Number.isFinite(state.probabilityOfBad) || !Number.isFinite(state.points))
      throw new Error(`score-result's attributes are not numbers: ${JSON.stringify({ p, points, decision })}`);
    return state;
  }

  /** The rows of cutoff-suggestions by rule; waits until the planner has shown them. */
  async cutoffSuggestions(): Promise<Record<string, CutoffSuggestionRow>> {
    const table = this.page.getByTestId('cutoff-suggestions');
    await expect(table.locator('tbody tr[data-rule]'), 'cutoff-suggestions has a row per rule').toHaveCount(3);
    const rows = await table.locator('tbody tr[data-rule]').evaluateAll((els) =>
      els.map((el) => {
        const e = el as unknown as { getAttribute(n: string): string | null; textContent: string | null };
        const n = (name: string) => Number(e.getAttribute(name) ?? Number.NaN);
        return {
          rule: e.getAttribute('data-rule') ?? '',
          cutoff: n('data-cutoff'),
          searchSource: e.getAttribute('data-search-source') ?? '',
          searchRows: n('data-search-rows'),
          searchProfit: n('data-search-profit'),
          testRows: n('data-test-rows'),
          testProfit: n('data-test-profit'),
          testApproved: n('data-test-approved'),
          testGoodsApproved: n('data-test-goods-approved'),
          testBadsApproved: n('data-test-bads-approved'),
          text: (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
        };
      }),
    );
    return Object.fromEntries(rows.map((row) => [row.rule, row]));
  }

  /** split-summary's numbers: training rows (fit + validation), validation rows, test rows, and the validation kind. */
  async split(): Promise<{ kind: string | null; trainRows: number; validationRows: number; testRows: number }> {
    const el = this.page.getByTestId('split-summary');
    await expect(el).toHaveAttribute('data-test-rows', /^\d+$/);
    const n = async (name: string) => Number(await el.getAttribute(name));
    return {
      kind: await el.getAttribute('data-validation'),
      trainRows: await n('data-train-rows'),
      validationRows: await n('data-validation-rows'),
      testRows: await n('data-test-rows'),
    };
  }

  /** Moves cutoff-slider to `value` (0–1, on its 0.01 grid). */
  async setCutoff(value: number): Promise<void> {
    await this.cutoffSlider.fill(String(value));
  }

  /** confusion-matrix's four counts (at the chosen cut-off); fails when a cell is not a count. */
  async confusion(): Promise<ConfusionCounts> {
    const matrix = this.page.getByTestId('confusion-matrix');
    const cell = async (name: keyof ConfusionCounts) => {
      const value = parseCount(await matrix.locator(`[data-cell="${name}"]`).innerText());
      if (!Number.isFinite(value)) throw new Error(`confusion-matrix cell ${name} is not a count`);
      return value;
    };
    return { tp: await cell('tp'), fn: await cell('fn'), fp: await cell('fp'), tn: await cell('tn') };
  }

  /** Everything the cut-off planner shows now; fails when a readout cannot be parsed. */
  async cutoffReadout(): Promise<CutoffReadout> {
    const text = async (testId: string) => (await this.page.getByTestId(testId).innerText()).trim();
    const hint = async (testId: string) => (await this.page.getByTestId(testId).locator('xpath=following-sibling::td[1]').innerText()).trim();
    const approvedHint = /^([\d,]+) of ([\d,]+) test applicants$/.exec(await hint('approval-rate'));
    const profitHint = /^([\d,]+) × ([\d,.]+) − ([\d,]+) × ([\d,.]+)$/.exec(await hint('expected-profit'));
    if (!approvedHint) throw new Error(`approval-rate's hint "${await hint('approval-rate')}" is not "<n> of <rows> test applicants"`);
    if (!profitHint) throw new Error(`expected-profit's hint "${await hint('expected-profit')}" is not "<goods> × <profit> − <bads> × <loss>"`);
    const readout: CutoffReadout = {
      slider: Number(await this.cutoffSlider.inputValue()),
      cutoffText: await text('cutoff-value'),
      approvalRate: parsePercent(await text('approval-rate')),
      badRate: parsePercent(await text('bad-rate')),
      approved: parseCount(approvedHint[1]),
      rows: parseCount(approvedHint[2]),
      goodsApproved: parseCount(profitHint[1]),
      profitPerGood: parseAmount(profitHint[2]),
      badsApproved: parseCount(profitHint[3]),
      lossPerBad: parseAmount(profitHint[4]),
      expectedProfit: parseAmount(await text('expected-profit')),
    };
    const unparsed = Object.entries(readout).filter(([key, value]) => key !== 'cutoffText' && !Number.isFinite(value));
    if (unparsed.length > 0) throw new Error(`cut-off planner readouts not parsed: ${JSON.stringify(unparsed)} in ${JSON.stringify(readout)}`);
    return readout;
  }

  // ---- Steps and the Models step ----------------------------------------------------------------

  /** step-nav's button for `step` (data, clean, train, evaluate, decide, score, models). */
  stepButton(step: StepName): Locator {
    return this.page.getByTestId('step-nav').locator(`[data-step="${step}"]`);
  }

  /** The step step-nav marks as current (aria-current="step"). */
  async currentStep(): Promise<string | null> {
    return this.page.getByTestId('step-nav').locator('[aria-current="step"]').getAttribute('data-step');
  }

  /** Chooses `step` in step-nav and waits until it is current and its heading has focus. */
  async openStep(step: StepName): Promise<void> {
    await this.stepButton(step).click();
    await expect(this.stepButton(step)).toHaveAttribute('aria-current', 'step');
    await expect(this.page.locator(`#${STEP_HEADINGS[step]}`), `the ${step} heading has focus`).toBeFocused();
  }

  /** The saved models as model-list shows them, latest first. */
  async savedModels(): Promise<SavedModelRow[]> {
    await expect(this.page.getByTestId('model-list').or(this.page.getByTestId('model-list-empty'))).toBeVisible();
    return this.page.locator('[data-testid="model-list"] li[data-model-id]').evaluateAll((els) =>
      els.map((el) => {
        const e = el as unknown as { getAttribute(n: string): string | null; querySelector(s: string): { textContent: string | null } | null };
        const text = (selector: string) => (e.querySelector(selector)?.textContent ?? '').trim();
        return {
          id: e.getAttribute('data-model-id') ?? '',
          name: text('[data-testid="model-name"]'),
          locked: e.getAttribute('data-locked') === 'true',
          auc: text('[data-testid="model-auc"]'),
        };
      }),
    );
  }

  /** The saved model named `name` in model-list. */
  savedModel(name: string): Locator {
    return this.page.locator('[data-testid="model-list"] li[data-model-id]').filter({ has: this.page.getByTestId('model-name').getByText(name, { exact: true }) });
  }

  /** Saves the model in use as `name` (locked when a passphrase is given) and waits for models-notice to say so. */
  async saveModel(name: string, passphrase = ''): Promise<void> {
    await this.page.getByTestId('model-name-input').fill(name);
    await this.page.getByTestId('passphrase-input').fill(passphrase);
    await this.page.getByTestId('save-model-button').click();
    const notice = this.page.getByTestId('models-notice');
    await expect(notice).toHaveAttribute('data-notice', passphrase ? 'saved-locked' : 'saved');
    await expect(notice).toHaveAttribute('data-model-name', name);
    await this.page.getByTestId('passphrase-input').fill('');
  }

  /** Clicks load on saved model `name`; a locked one is unlocked with `passphrase`. Waits until it is the model in use. */
  async loadSavedModel(name: string, passphrase?: string): Promise<void> {
    await this.savedModel(name).getByTestId('load-model-button').click();
    if (passphrase !== undefined) await this.unlock(passphrase);
    const notice = this.page.getByTestId('models-notice');
    await expect(notice).toHaveAttribute('data-notice', 'loaded');
    await expect(notice).toHaveAttribute('data-model-name', name);
  }

  /** Types `passphrase` into unlock-prompt and opens it (does not wait for the outcome). */
  async unlock(passphrase: string): Promise<void> {
    await expect(this.page.getByTestId('unlock-prompt')).toBeVisible();
    await this.page.getByTestId('unlock-passphrase-input').fill(passphrase);
    await this.page.getByTestId('unlock-button').click();
  }

  /** The export options of quantize-select once measured: file size and test AUC / log loss change per encoding (null when not offered). */
  async exportPreviews(): Promise<Record<'none' | 'float16' | 'uint8', ExportPreview | null>> {
    const select = this.page.getByTestId('quantize-select');
    await expect(select, 'quantize-select has measured each encoding').toHaveAttribute('data-measured', 'true', { timeout: 60_000 });
    const options = await select.locator('option').evaluateAll((els) =>
      els.map((el) => {
        const e = el as unknown as { getAttribute(n: string): string | null; disabled: boolean };
        const n = (name: string) => (e.getAttribute(name) === null ? null : Number(e.getAttribute(name)));
        return { value: e.getAttribute('value') ?? '', disabled: e.disabled, bytes: n('data-bytes'), aucChange: n('data-auc-change'), logLossChange: n('data-logloss-change') };
      }),
    );
    const byValue = (value: string) => {
      const option = options.find((o) => o.value === value);
      return option && !option.disabled && option.bytes !== null ? { bytes: option.bytes, aucChange: option.aucChange, logLossChange: option.logLossChange } : null;
    };
    return { none: byValue('none'), float16: byValue('float16'), uint8: byValue('uint8') };
  }

  /** Exports the model in use (weights as `quantization`, encrypted with `passphrase` when given) into `dir`; the file's path, name and bytes. */
  async exportModel(dir: string, { quantization = 'none', passphrase = '' }: { quantization?: 'none' | 'float16' | 'uint8'; passphrase?: string } = {}): Promise<ExportedFile> {
    await this.exportPreviews();
    await this.page.getByTestId('quantize-select').selectOption(quantization);
    await this.page.getByTestId('passphrase-input').fill(passphrase);
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-button').click()]);
    const fileName = download.suggestedFilename();
    const path = join(dir, `${quantization}${passphrase ? '-locked' : ''}-${fileName}`);
    await download.saveAs(path);
    await this.page.getByTestId('passphrase-input').fill('');
    return { fileName, path, bytes: readFileSync(path) };
  }

  /** Sets `path` on import-input; does not wait for the outcome (the file may be meant to fail). */
  async importModelFile(path: string): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles(path);
  }
}
