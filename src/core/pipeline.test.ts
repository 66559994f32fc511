import { describe, expect, it } from 'vitest';
import { cleanRows } from './clean/cleanTable';
import type { ColumnPlan } from './clean/plan';
import { REMOVAL_REASONS } from './clean/removedRows';
import { tryParseCsv } from './csv/parseCsv';
import { materialise } from './features/encodedRows';
import { featureSlots, findOutsideTrainedRange, pleBinsWithinBudget } from './features/preprocessor';
import { chooseNumericEncoding, chooseValidationPlan, prepareData, prepareFolds, prepareSteps, type PrepareConfig, type PreparedData } from './pipeline';
import { stratifiedKFold } from './split/kfold';
import { stratifiedSplit } from './split/stratifiedSplit';
import type { Table } from './table';
import { cat, num, table } from '../../test/support/tables';

const HOMES = ['RENT', 'OWN', 'MORTGAGE'];

/**
 * 200 clean rows (id 0–199): status 1 when id % 4 = 0 → 50 positives, 150 negatives; income missing when
 * id % 17 = 0. Then 4 rows that cleaning must drop: 2 exact duplicates, 1 unlabeled, 1 age of 300.
 */
function syntheticCsv(): string {
  const lines = ['id,age,income,home,status'];
  for (let i = 0; i < 200; i++) {
    const age = 20 + ((i * 7) % 50);
    const income = i % 17 === 0 ? '' : String(1000 + ((i * 37) % 500) * 10);
    lines.push(`${i},${age},${income},${HOMES[i % 3]},${i % 4 === 0 ? 1 : 0}`);
  }
  lines.push(lines[6], lines[7]); // duplicates of ids 5 and 6
  lines.push('200,30,2000,OWN,'); // unlabeled
  lines.push('201,300,2000,OWN,0'); // age out of range
  return lines.join('\n');
}

function parseTable(text: string): Table {
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.data.table;
}

const TABLE = parseTable(syntheticCsv());

const CONFIG: PrepareConfig = {
  target: 'status',
  positive: '1',
  negative: '0',
  features: ['age', 'income', 'home'],
  duplicates: { kind: 'exact' },
  columns: [
    { column: 'age', missing: 'median', constant: '', range: { min: 0, max: 150 }, outliers: null, indicator: true },
    { column: 'income', missing: 'median', constant: '', range: null, outliers: null, indicator: true },
    { column: 'home', missing: 'mode', constant: '', range: null, outliers: null, indicator: false },
  ],
  testFraction: 0.2,
  validation: { kind: 'holdout', fraction: 0.25 },
  seed: 1,
};

/** A numeric column plan with no rules and no "was missing" input. */
const plainPlan = (column: string, over: Partial<ColumnPlan> = {}): ColumnPlan => ({
  column,
  missing: 'median',
  constant: '',
  range: null,
  outliers: null,
  indicator: false,
  ...over,
});

/** The table rows prepareData tests for `config` (file order): the split depends only on the kept rows' labels and the seed. */
function testRowsOf(t: Table, config: PrepareConfig): number[] {
  const cleaned = cleanRows(t, config, config.decimal);
  if (!cleaned.ok) throw new Error(cleaned.reason);
  return Array.from(stratifiedSplit(cleaned.data.labels, config.testFraction, config.seed).test, (p) => cleaned.data.rows[p]);
}

function prepared(config: PrepareConfig): PreparedData {
  const result = prepareData(TABLE, config);
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);

describe('prepareData', () => {
  it('cleans 204 rows down to 200', () => {
    const { report } = prepared(CONFIG);
    expect(report.rowsBefore).toBe(204);
    expect(report.steps.map((s) => [s.step, s.rows])).toMatchObject([
      ['duplicates', 2],
      ['no-label', 1],
      ['out-of-range', 1],
    ]);
    expect(report.rowsAfter).toBe(200);
    expect(report.positives).toBe(50);
    expect(report.negatives).toBe(150);
  });

  it('train + test rows add up to rowsAfter, stratified; a hold-out is one stratified fold of positions within train', () => {
    const data = prepared(CONFIG);
    // test: round(150 × 0.2) = 30 negatives + round(50 × 0.2) = 10 positives = 40; train: the other 160 (120 + 40)
    expect(data.test.rows).toBe(40);
    expect(data.train.rows).toBe(160);
    expect(data.train.rows + data.test.rows).toBe(data.report.rowsAfter);
    expect(sum(data.test.y)).toBe(10);
    expect(sum(data.train.y)).toBe(40);
    // validation: round(120 × 0.25) = 30 + round(40 × 0.25) = 10 = 40 positions within train, ascending
    expect(data.validation).toEqual({ kind: 'holdout', fraction: 0.25 });
    expect(data.validationFolds).toHaveLength(1);
    const fold = Array.from(data.validationFolds[0]);
    expect(fold).toHaveLength(40);
    expect(fold).toEqual([...fold].sort((a, b) => a - b));
    expect(new Set(fold).size).toBe(40);
    expect(fold.every((p) => p >= 0 && p < 160)).toBe(true);
    expect(fold.reduce((n, p) => n + data.train.y[p], 0)).toBe(10);
    // base rate of the 160 training rows: 40 / 160
    expect(data.trainPositiveRate).toBe(0.25);
  });

  it('with testFraction 0 trains on every kept row and holds none out (a final model after cross-validation)', () => {
    const data = prepared({ ...CONFIG, testFraction: 0 });
    // every one of the 200 kept rows trains: 50 positives, 150 negatives; the hold-out is 25% of them
    expect(data.test.rows).toBe(0);
    expect(data.train.rows).toBe(200);
    expect(sum(data.train.y)).toBe(50);
    expect(data.preprocessor.fittedOnRows).toBe(200);
    expect(data.trainPositiveRate).toBe(0.25);
    // round(150 × 0.25) + round(50 × 0.25) = 38 + 13 = 51 validation positions (rounding half up)
    expect(data.validationFolds[0].length).toBe(Math.round(150 * 0.25) + Math.round(50 * 0.25));
  });

  it('fits the preprocessor on every training row, never on test rows', () => {
    const data = prepared(CONFIG);
    expect(data.preprocessor.fittedOnRows).toBe(data.train.rows);
    expect(data.preprocessor.fittedOnRows).toBe(160);
    // age 1 (no gaps, so no "was missing" input) + income 2 (value, was missing) + 3 home levels = 6 inputs
    expect(featureSlots(data.preprocessor).map((s) => s.label)).toEqual(['age', 'income', 'income was missing', 'home = RENT', 'home = OWN', 'home = MORTGAGE']);
    expect(data.preprocessor.width).toBe(6);
    expect(materialise(data.train)).toHaveLength(160 * 6);
    expect(materialise(data.test)).toHaveLength(40 * 6);
    // Standardised with the statistics of exactly the training rows: each numeric column sums to 0 over them.
    const x = materialise(data.train);
    for (const column of [0, 1]) {
      let total = 0;
      for (let r = 0; r < data.train.rows; r++) total += x[r * 6 + column];
      expect(Math.abs(total)).toBeLessThan(1e-3);
    }
  });

  it('counts the training rows an income "was missing" input flags, not the test rows', () => {
    const data = prepared(CONFIG);
    // income is missing for ids 0, 17, …, 187 (12 rows, ids = table rows here); those not in test train
    const test = new Set(testRowsOf(TABLE, CONFIG));
    const missingIds = Array.from({ length: 12 }, (_, k) => 17 * k);
    const inTraining = missingIds.filter((id) => !test.has(id)).length;
    expect(inTraining).toBeGreaterThan(0);
    expect(inTraining).toBeLessThan(12); // some gaps test, so counting them would show
    expect(data.preprocessor.features[1]).toMatchObject({ name: 'income', indicator: true, missingInTraining: inTraining });
    expect(data.report.missing.find((m) => m.column === 'income')).toMatchObject({
      missing: inTraining,
      filledBy: 'the median of the training rows, plus a "income was missing" input',
    });
    const x = materialise(data.train);
    let flagged = 0;
    for (let r = 0; r < data.train.rows; r++) flagged += x[r * 6 + 2];
    expect(flagged).toBe(inTraining);
  });

  it('turning the "was missing" input off removes exactly that input', () => {
    const off = prepared({ ...CONFIG, columns: CONFIG.columns.map((c) => (c.column === 'income' ? { ...c, indicator: false } : c)) });
    expect(off.preprocessor.width).toBe(prepared(CONFIG).preprocessor.width - 1);
    expect(featureSlots(off.preprocessor).map((s) => s.label)).not.toContain('income was missing');
  });

  it('without validation, there are no validation folds and every training row trains', () => {
    const data = prepared({ ...CONFIG, validation: { kind: 'holdout', fraction: 0 } });
    expect(data.validationFolds).toEqual([]);
    expect(data.train.rows).toBe(160);
    expect(data.test.rows).toBe(40);
    expect(data.preprocessor.fittedOnRows).toBe(160);
  });

  it('cross-fit: k disjoint stratified folds covering every training position exactly once', () => {
    const data = prepared({ ...CONFIG, validation: { kind: 'cross-fit', folds: 5 } });
    expect(data.validationFolds).toHaveLength(5);
    const seen = new Uint8Array(data.train.rows);
    for (const fold of data.validationFolds) {
      // 120 negatives / 5 = 24 and 40 positives / 5 = 8 per fold: 32 rows
      expect(fold).toHaveLength(32);
      expect(Array.from(fold).reduce((n, p) => n + data.train.y[p], 0)).toBe(8);
      for (const p of fold) seen[p]++;
    }
    expect(Array.from(seen).every((count) => count === 1)).toBe(true);
  });

  it("'auto' cross-fits 5 folds below 50,000 training rows", () => {
    const data = prepared({ ...CONFIG, validation: 'auto' });
    expect(data.validation).toEqual({ kind: 'cross-fit', folds: 5 });
    expect(data.validationFolds).toHaveLength(5);
    expect(data.validationFolds.reduce((n, fold) => n + fold.length, 0)).toBe(160);
  });

  it('chooseValidationPlan: cross-fit below 50,000 training rows, a 10% hold-out from there on', () => {
    expect(chooseValidationPlan(160)).toEqual({ kind: 'cross-fit', folds: 5 });
    expect(chooseValidationPlan(49_999)).toEqual({ kind: 'cross-fit', folds: 5 });
    expect(chooseValidationPlan(50_000)).toEqual({ kind: 'holdout', fraction: 0.1 });
    expect(chooseValidationPlan(1_000_000)).toEqual({ kind: 'holdout', fraction: 0.1 });
  });

  it('cross-fits fewer folds when the rarer class has fewer training rows than folds', () => {
    // 20 rows, 4 positives: the test takes round(4 × 0.25) = 1, leaving 3 training positives → 3 folds of one each
    const t = table(
      num(
        'x',
        Array.from({ length: 20 }, (_, i) => i),
      ),
      num(
        'y',
        Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? 1 : 0)),
      ),
    );
    const result = prepareData(t, {
      target: 'y',
      positive: '1',
      negative: '0',
      features: ['x'],
      duplicates: { kind: 'exact' },
      columns: [plainPlan('x')],
      testFraction: 0.25,
      validation: { kind: 'cross-fit', folds: 5 },
      seed: 3,
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.validationFolds).toHaveLength(3);
    for (const fold of result.data.validationFolds) expect(Array.from(fold).reduce((n, p) => n + result.data.train.y[p], 0)).toBe(1);
  });

  it('is reproducible for a seed', () => {
    const a = prepared(CONFIG);
    const b = prepared(CONFIG);
    expect(Array.from(materialise(a.test))).toEqual(Array.from(materialise(b.test)));
    expect(Array.from(a.train.y)).toEqual(Array.from(b.train.y));
  });

  it('in stages: yields the six stages in order, then returns what prepareData returns; a failure ends the stages where it is found', () => {
    const steps = prepareSteps(TABLE, CONFIG);
    const stages: string[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) stages.push(step.value);
    expect(stages).toEqual(['cleaned', 'split', 'fitted-cleaning', 'fitted-preprocessing', 'encoded-train', 'encoded-test']);
    if (!step.value.ok) throw new Error(step.value.reason);
    const staged = step.value.data;
    const whole = prepared(CONFIG);
    expect(Array.from(materialise(staged.test))).toEqual(Array.from(materialise(whole.test)));
    expect(Array.from(materialise(staged.train))).toEqual(Array.from(materialise(whole.train)));
    expect(staged.preprocessor).toEqual(whole.preprocessor);
    expect(staged.report).toMatchObject(whole.report);

    // No feature left (n: all missing; k: always 7): the stages stop once the cleaning is fitted, with the reason.
    const t = parseTable(['id,n,k,y', '1,,7,1', '2,,7,0', '3,,7,1', '4,,7,0', '5,,7,1', '6,,7,0'].join('\n'));
    const failing = prepareSteps(t, { ...CONFIG, features: ['n', 'k'], columns: [plainPlan('n'), plainPlan('k')], target: 'y', positive: '1', negative: '0', testFraction: 0.3 });
    const seen: string[] = [];
    let last = failing.next();
    for (; !last.done; last = failing.next()) seen.push(last.value);
    expect(seen).toEqual(['cleaned', 'split', 'fitted-cleaning']);
    expect(last.value.ok).toBe(false);
  });

  it('returns the removed rows with the report, and the time of each stage', () => {
    const data = prepared(CONFIG);
    // the two duplicates (rows 200 and 201 repeat rows 5 and 6), the unlabeled row 202, the age of 300 in row 203
    expect(Array.from(data.removed.rows)).toEqual([200, 201, 202, 203]);
    expect(Array.from(data.removed.duplicateOf)).toEqual([5, 6, -1, -1]);
    expect(data.timings.cleanMs).toBeGreaterThanOrEqual(0);
    expect(data.timings.fitMs).toBeGreaterThanOrEqual(0);
    expect(data.timings.encodeMs).toBeGreaterThanOrEqual(0);
  });

  it("the report is the row rules' report with what was fitted on the training rows added", () => {
    const rowRules = cleanRows(TABLE, CONFIG);
    if (!rowRules.ok) throw new Error(rowRules.reason);
    const { report } = prepared(CONFIG);
    expect(report).toMatchObject(rowRules.data.report); // no outlier rule, so no step is added
    expect(report.features).toEqual(['age', 'income', 'home']);
    expect(report.excludedFeatures).toMatchObject([]);
    expect(report.clipped).toMatchObject([]);
    expect(report.missing.map((m) => m.column)).toMatchObject(['age', 'income', 'home']);
  });

  it('leaves excluded features out of the preprocessor', () => {
    // "flat" is 7 in every row → excluded as constant; the model sees age, income, home
    const withFlat = parseTable(
      syntheticCsv()
        .replace('id,age,income,home,status', 'id,age,income,home,status,flat')
        .replaceAll(/\n(.*)/g, '\n$1,7'),
    );
    const config: PrepareConfig = { ...CONFIG, features: [...CONFIG.features, 'flat'], columns: [...CONFIG.columns, plainPlan('flat')] };
    const result = prepareData(withFlat, config);
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.report.excludedFeatures.map((e) => [e.column, e.reason])).toMatchObject([['flat', 'constant']]);
    expect(result.data.preprocessor.features.map((f) => f.name)).toEqual(['age', 'income', 'home']);
  });

  it('keeps the decimal mark in the preprocessor', () => {
    expect(prepared({ ...CONFIG, decimal: ',' }).preprocessor.decimal).toBe(',');
    expect(prepared(CONFIG).preprocessor.decimal).toBe('.');
  });

  it('the data-quality gate stops training on values that encode as NaN, naming the column', () => {
    // 1e308 + 1.5e308 overflows to Infinity: the mean is infinite and every encoded value NaN
    const huge = parseTable(
      syntheticCsv()
        .replace('id,age,income,home,status', 'id,age,income,home,status,huge')
        .replaceAll(/\n(\d+)(.*)/g, (_m, id: string, rest: string) => `\n${id}${rest},${Number(id) % 2 ? '1e308' : '1.5e308'}`),
    );
    const config: PrepareConfig = { ...CONFIG, features: [...CONFIG.features, 'huge'], columns: [...CONFIG.columns, plainPlan('huge')] };
    expect(prepareData(huge, config)).toMatchObject({ ok: false, reason: 'Column "huge" still has missing or invalid values after cleaning; choose how to fill it.' });
  });

  it.each([
    ['no features', { features: [] }, /feature/i],
    ['the target among the features', { features: ['age', 'status'] }, /target/i],
    ['an unknown feature', { features: ['age', 'salary'] }, /salary/],
    // positive "yes" never appears: rows labelled 1 become unlabeled, 0 positives remain → cleaning fails
    ['a target value that never occurs', { positive: 'yes' }, /status/],
  ])('fails with %s', (_label, change, reason) => {
    const result = prepareData(TABLE, { ...CONFIG, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('fails when no feature is left after screening the training rows, naming why', () => {
    // n: all missing; k: always 7
    const t = parseTable(['id,n,k,y', '1,,7,1', '2,,7,0', '3,,7,1', '4,,7,0', '5,,7,1', '6,,7,0'].join('\n'));
    const result = prepareData(t, {
      target: 'y',
      positive: '1',
      negative: '0',
      features: ['n', 'k'],
      duplicates: { kind: 'exact' },
      columns: [plainPlan('n'), plainPlan('k')],
      testFraction: 0.3,
      validation: 'auto',
      seed: 1,
    });
    expect(result).toMatchObject({ ok: false, reason: 'No feature columns are left after cleaning: n (no values), k (a single value). Choose other features.' });
  });
});

// ---------------------------------------------------------------------------------------------
// Everything fitted sees the training rows only.

/**
 * 300 rows: "bad" when i % 10 is 0, 3 or 6; row 10 has no label and row 20 an impossible age, so the
 * row rules keep 298 rows (88 bad, 210 good) and positions among them are not table rows.
 * income: missing when i % 11 = 0; 250,000 in INCOME_OUTLIERS, else 20,000–59,999 ('drop' rule, IQR 1.5).
 * debt: missing when i % 13 = 0; 90,000 when i % 41 = 3 ('clip' rule, z-score 3).
 * age: missing when i % 17 = 0 (range 18–100). months: missing when i % 5 = 2 (forward fill).
 * home: text, missing when i % 19 = 0. purpose, flat: see leakRows.
 */
const LEAK_N = 300;
const INCOME_OUTLIERS = [5, 42, 79, 116, 153, 190, 227, 271];

interface LeakRow {
  readonly id: number;
  readonly income: number;
  readonly debt: number;
  readonly age: number;
  readonly months: number;
  readonly home: string | null;
  readonly purpose: string | null;
  readonly flat: number;
  readonly status: string | null;
}

const LEAK_CONFIG: PrepareConfig = {
  target: 'status',
  positive: 'bad',
  negative: 'good',
  features: ['income', 'debt', 'age', 'months', 'home', 'purpose', 'flat'],
  duplicates: { kind: 'exact' },
  columns: [
    plainPlan('income', { outliers: { method: 'iqr', threshold: 1.5, action: 'drop' }, indicator: true }),
    plainPlan('debt', { missing: 'mean', outliers: { method: 'zscore', threshold: 3, action: 'clip' }, indicator: true }),
    plainPlan('age', { range: { min: 18, max: 100 }, indicator: true }),
    plainPlan('months', { missing: 'forward-fill', indicator: true }),
    plainPlan('home', { missing: 'indicator' }),
    plainPlan('purpose', { missing: 'mode' }),
    plainPlan('flat', { indicator: true }),
  ],
  testFraction: 0.2,
  validation: 'auto',
  seed: 7,
};

const leakLabel = (i: number): string | null => (i === 10 ? null : i % 10 === 0 || i % 10 === 3 || i % 10 === 6 ? 'bad' : 'good');
const LEAK_KEPT = Array.from({ length: LEAK_N }, (_, i) => i).filter((i) => i !== 10 && i !== 20);
/** The test rows, from the kept rows' labels and the seed alone (as prepareData splits). */
const LEAK_TEST = Array.from(
  stratifiedSplit(
    LEAK_KEPT.map((i) => (leakLabel(i) === 'bad' ? 1 : 0)),
    LEAK_CONFIG.testFraction,
    LEAK_CONFIG.seed,
  ).test,
  (p) => LEAK_KEPT[p],
);

/**
 * The rows of the leak table. flat is 4 in every row but the test rows (4 or 7 there), so it is
 * constant in training. purpose is missing before the first test row, "car" in it, and after it
 * "edu" in the first training row, then cycles: "car" first appears in the file in a test row, so
 * the table lists it before "edu", while the training rows show "edu" first.
 */
function leakRows(): LeakRow[] {
  const test = new Set(LEAK_TEST);
  const first = LEAK_TEST[0];
  let eduSeen = false;
  return Array.from({ length: LEAK_N }, (_, i): LeakRow => {
    let purpose: string | null = null;
    if (i === first) purpose = 'car';
    else if (i > first) {
      purpose = !eduSeen && !test.has(i) ? 'edu' : ['car', 'home', 'edu'][i % 3];
      if (!test.has(i)) eduSeen = true;
    }
    return {
      id: i,
      income: i % 11 === 0 ? Number.NaN : INCOME_OUTLIERS.includes(i) ? 250_000 : 20_000 + ((i * 7919) % 40_000),
      debt: i % 13 === 0 ? Number.NaN : i % 41 === 3 ? 90_000 : 1000 + ((i * 131) % 9000),
      age: i === 20 ? 150 : i % 17 === 0 ? Number.NaN : 18 + ((i * 29) % 60),
      months: i % 5 === 2 ? Number.NaN : 1 + ((i * 3) % 36),
      home: i % 19 === 0 ? null : HOMES[i % 3],
      purpose,
      flat: test.has(i) ? 4 + 3 * (i % 2) : 4,
      status: leakLabel(i),
    };
  });
}

function leakTable(rows: readonly LeakRow[]): Table {
  return table(
    num(
      'id',
      rows.map((r) => r.id),
    ),
    num(
      'income',
      rows.map((r) => r.income),
    ),
    num(
      'debt',
      rows.map((r) => r.debt),
    ),
    num(
      'age',
      rows.map((r) => r.age),
    ),
    num(
      'months',
      rows.map((r) => r.months),
    ),
    cat(
      'home',
      rows.map((r) => r.home),
    ),
    cat(
      'purpose',
      rows.map((r) => r.purpose),
    ),
    num(
      'flat',
      rows.map((r) => r.flat),
    ),
    cat(
      'status',
      rows.map((r) => r.status),
    ),
  );
}

/** The rows with every feature of `changed` rows replaced by extreme values, gaps and unseen levels (labels kept). */
function changeRows(rows: readonly LeakRow[], changed: readonly number[]): LeakRow[] {
  const out = rows.slice();
  changed.forEach((i, j) => {
    out[i] = {
      ...rows[i],
      income: [1e7, Number.NaN, 30_000][j % 3],
      debt: j % 2 === 0 ? 1e6 : Number.NaN,
      age: j % 2 === 0 ? 100 : Number.NaN,
      months: Number.NaN,
      home: ['CASTLE', 'BOAT', null][j % 3],
      purpose: 'yacht',
      flat: 100 + j,
    };
  });
  return out;
}

function prepareLeak(rows: readonly LeakRow[], config: PrepareConfig = LEAK_CONFIG): PreparedData {
  const result = prepareData(leakTable(rows), config);
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

/** Everything fitted on the training rows (the test rows' own counts, testRowsOutside, left out). */
function fittedParts(data: PreparedData) {
  return {
    preprocessor: JSON.stringify(data.preprocessor),
    steps: data.report.steps.map(({ testRowsOutside: _outside, ...step }) => step),
    features: data.report.features,
    excludedFeatures: data.report.excludedFeatures,
    missing: data.report.missing,
    clipped: data.report.clipped,
    removed: { rows: Array.from(data.removed.rows), reasons: Array.from(data.removed.reasons), columns: Array.from(data.removed.columns), rules: data.removed.rules },
    trainPositiveRate: data.trainPositiveRate,
    validation: data.validation,
    validationFolds: data.validationFolds.map((fold) => Array.from(fold)),
    trainY: Array.from(data.train.y),
    trainX: Array.from(materialise(data.train)),
  };
}

describe('prepareData fits on training rows only', () => {
  const rows = leakRows();
  const original = prepareLeak(rows);
  const changed = prepareLeak(changeRows(rows, LEAK_TEST));

  it('the fixture is what the comments say', () => {
    // 298 kept; test round(88 × 0.2) = 18 bad + round(210 × 0.2) = 42 good = 60
    expect(original.report.rowsAfter).toBe(298);
    expect(LEAK_TEST).toHaveLength(60);
    expect(original.test.rows).toBe(60);
    expect(sum(original.test.y)).toBe(LEAK_TEST.filter((i) => leakLabel(i) === 'bad').length);
    expect(sum(original.test.y)).toBe(18);
    expect(original.report.excludedFeatures.map((e) => [e.column, e.reason])).toMatchObject([['flat', 'constant']]);
    // some income outliers train and some test, so both halves of the drop rule are exercised
    const outliersTesting = INCOME_OUTLIERS.filter((i) => LEAK_TEST.includes(i));
    expect(outliersTesting.length).toBeGreaterThan(0);
    expect(outliersTesting.length).toBeLessThan(INCOME_OUTLIERS.length);
  });

  it('changing only test rows changes no fitted statistic', () => {
    // the change reached the test rows' inputs…
    expect(Array.from(materialise(changed.test))).not.toEqual(Array.from(materialise(original.test)));
    // …and nothing fitted
    expect(fittedParts(changed)).toEqual(fittedParts(original));
    expect(changed.test.rows).toBe(original.test.rows);
    expect(Array.from(changed.test.y)).toEqual(Array.from(original.test.y));
  });

  it('changing one training row does change the preprocessor (so the test above can fail)', () => {
    const test = new Set(LEAK_TEST);
    const row = LEAK_KEPT.find((i) => !test.has(i) && !INCOME_OUTLIERS.includes(i) && i % 11 !== 0)!;
    const income = rows.slice();
    income[row] = { ...rows[row], income: rows[row].income + 5000 };
    expect(JSON.stringify(prepareLeak(income).preprocessor)).not.toBe(JSON.stringify(original.preprocessor));
    // and flat, constant in training, becomes a feature once one training row differs
    const flat = rows.slice();
    flat[row] = { ...rows[row], flat: 5 };
    expect(prepareLeak(flat).report.excludedFeatures).toMatchObject([]);
  });

  it("a 'drop' rule removes the training rows outside its bounds; test rows outside stay, counted", () => {
    const test = new Set(LEAK_TEST);
    const step = original.report.steps.find((s) => s.step === 'outlier')!;
    // 250,000 is far outside; every other income lies within 20,000–59,999, inside the bounds
    const training = INCOME_OUTLIERS.filter((i) => !test.has(i));
    expect(step).toMatchObject({ column: 'income', rows: training.length, testRowsOutside: INCOME_OUTLIERS.length - training.length });
    // removed: row 10 (no label), row 20 (age 150), then the training outliers, in row order
    expect(Array.from(original.removed.rows)).toEqual([10, 20, ...training].sort((a, b) => a - b));
    const reasonOf = new Map(Array.from(original.removed.rows, (r, k) => [r, REMOVAL_REASONS[original.removed.reasons[k]]]));
    expect([reasonOf.get(10), reasonOf.get(20), ...training.map((r) => reasonOf.get(r))]).toEqual(['no-label', 'out-of-range', ...training.map(() => 'outlier')]);
    expect(original.train.rows + original.test.rows).toBe(original.report.rowsAfter - training.length);
    // in the changed copy every third test row has income 1e7: ⌈60 / 3⌉ = 20 outside, none removed
    expect(changed.report.steps.find((s) => s.step === 'outlier')).toMatchObject({ rows: training.length, testRowsOutside: 20 });
    expect(changed.test.rows).toBe(60);
  });

  it("the drop rule's bounds travel with the preprocessor and flag an applicant outside them, naming the column", () => {
    const income = original.preprocessor.features.find((f) => f.name === 'income');
    if (income?.kind !== 'numeric' || income.trainedRange === null) throw new Error('income should carry its trained range');
    const step = original.report.steps.find((s) => s.step === 'outlier')!;
    expect(step.rule).toBe(income.trainedRange.rule);
    expect(income.trainedRange.lower).toBeLessThan(20_000);
    expect(income.trainedRange.upper).toBeGreaterThan(60_000);
    expect(income.trainedRange.upper).toBeLessThan(250_000);
    const applicant = { income: '250000', debt: '2000', age: '40', months: '12', home: 'OWN', purpose: 'edu' };
    expect(findOutsideTrainedRange(original.preprocessor, applicant)).toEqual([
      { column: 'income', value: 250_000, lower: income.trainedRange.lower, upper: income.trainedRange.upper },
    ]);
    expect(findOutsideTrainedRange(original.preprocessor, { ...applicant, income: '40000' })).toEqual([]);
    expect(findOutsideTrainedRange(original.preprocessor, { ...applicant, income: '' })).toEqual([]);
  });

  it("a test row's forward fill takes the previous test row's value, not the training row before it", () => {
    const months = featureSlots(original.preprocessor).findIndex((s) => s.label === 'months');
    const width = original.preprocessor.width;
    const x = materialise(original.test);
    // test rows are encoded in file order; find gaps whose previous test row has a value that differs
    // from the value of the (training) row just before the gap in the file
    let checked = 0;
    for (let j = 1; j < LEAK_TEST.length; j++) {
      const here = rows[LEAK_TEST[j]].months;
      const previousTest = rows[LEAK_TEST[j - 1]].months;
      const previousRow = rows[LEAK_TEST[j] - 1].months;
      if (!Number.isNaN(here) || Number.isNaN(previousTest) || Number.isNaN(previousRow) || previousRow === previousTest || LEAK_TEST[j - 1] === LEAK_TEST[j] - 1) continue;
      expect(x[j * width + months]).toBe(x[(j - 1) * width + months]);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('levels come from the training rows: a level first seen in a test row does not reorder them', () => {
    const purpose = original.preprocessor.features.find((f) => f.name === 'purpose');
    expect(purpose).toMatchObject({ levels: ['edu', 'car', 'home'] });
    expect(changed.preprocessor.features.find((f) => f.name === 'purpose')).toEqual(purpose);
  });
});

describe('prepareFolds fits each fold on its own training rows only', () => {
  const rows = leakRows();
  const { testFraction: _test, ...base } = LEAK_CONFIG;
  const config = { ...base, folds: 5 };
  const folds = stratifiedKFold(
    LEAK_KEPT.map((i) => (leakLabel(i) === 'bad' ? 1 : 0)),
    5,
    config.seed,
  ).map((fold) => Array.from(fold, (p) => LEAK_KEPT[p]));

  function fold(t: Table, index: number) {
    const prepared = prepareFolds(t, config);
    if (!prepared.ok) throw new Error(prepared.reason);
    const data = prepared.data.prepareFold(index);
    if (!data.ok) throw new Error(data.reason);
    return data.data;
  }

  it("changing fold 0's rows leaves fold 0's fit alone and changes fold 1's (fold 0 trains it)", () => {
    const original = leakTable(rows);
    const changed = leakTable(changeRows(rows, folds[0]));
    expect(fold(changed, 0).test.rows).toBe(folds[0].length);
    expect(JSON.stringify(fold(changed, 0).preprocessor)).toBe(JSON.stringify(fold(original, 0).preprocessor));
    expect(fold(changed, 0).report.features).toEqual(fold(original, 0).report.features);
    expect(JSON.stringify(fold(changed, 1).preprocessor)).not.toBe(JSON.stringify(fold(original, 1).preprocessor));
  });
});

describe('chooseNumericEncoding and the PLE budget', () => {
  it('encodes piecewise-linearly from 10,000 training rows, standardises below', () => {
    expect(chooseNumericEncoding(9_999)).toBe('standard');
    expect(chooseNumericEncoding(10_000)).toBe('ple');
  });

  it('keeps a million rows × 12 numeric columns of PLE within 64 Mi floats: 5 bins', () => {
    // 64 × 1024 × 1024 / (1,000,000 × 12) = 5.59
    expect(pleBinsWithinBudget(1_000_000, 12)).toBe(5);
    expect(pleBinsWithinBudget(26_000, 7)).toBeGreaterThan(32);
  });
});
