import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanTable } from './clean/cleanTable';
import { proposeCleaningPlan } from './clean/plan';
import { profileColumns, type ColumnInfo } from './columns/profile';
import { detectTarget, guessPositiveValue } from './columns/target';
import { tryParseCsv } from './csv/parseCsv';
import { featureSlots } from './features/preprocessor';
import { prepareData } from './pipeline';
import { countMissing, getColumn, type Table } from './table';

/** The shared data sets live beside the repository: ../shared/data from the project root. */
const DATA = path.resolve(process.cwd(), '../shared/data');
const HAVE_DATA = existsSync(DATA);
if (!HAVE_DATA) console.warn(`realData tests skipped: the shared data sets are not at ${DATA} (see the README's data section).`);

function load(file: string): { table: Table; profiles: ColumnInfo[] } {
  if (!HAVE_DATA) return { table: { rowCount: 0, columns: [] }, profiles: [] };
  const text = readFileSync(path.join(DATA, file), 'utf8');
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  const table = parsed.data.table;
  return { table, profiles: profileColumns(table) };
}

function profile(profiles: ColumnInfo[], name: string): ColumnInfo {
  const found = profiles.find((p) => p.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

// Expected numbers are those documented in /work/shared/data/README.md and re-counted with Python's csv module.
describe.skipIf(!HAVE_DATA)('credit_risk_dataset.csv', () => {
  const { table, profiles } = load('credit_risk_dataset.csv');

  it('parses to 32581 rows × 12 columns', () => {
    expect(table.rowCount).toBe(32581);
    expect(table.columns).toHaveLength(12);
    expect(getColumn(table, 'person_home_ownership').kind).toBe('categorical');
    expect(getColumn(table, 'person_age').kind).toBe('numeric');
  });

  it('has 895 missing person_emp_length and 3116 missing loan_int_rate before cleaning', () => {
    expect(countMissing(getColumn(table, 'person_emp_length'))).toBe(895);
    expect(countMissing(getColumn(table, 'loan_int_rate'))).toBe(3116);
    expect(profile(profiles, 'loan_int_rate').missing).toBe(3116);
  });

  it('detects loan_status as the target with positive "1", and proposes the age rule', () => {
    const target = detectTarget(profiles);
    expect(target).toBe('loan_status');
    expect(profile(profiles, 'loan_status').values).toEqual(['0', '1']);
    expect(guessPositiveValue(profile(profiles, 'loan_status').values!)).toBe('1');
    const plan = proposeCleaningPlan(profiles, 'loan_status', '1', '0');
    expect(plan.columns.filter((c) => c.range !== null)).toEqual([
      { column: 'person_age', missing: 'median', constant: '', range: { min: 0, max: 150 }, outliers: null, indicator: true },
    ]);
  });

  const plan = proposeCleaningPlan(profiles, 'loan_status', '1', '0');

  it('the proposed plan (age 0–150) drops exactly the 165 duplicates', () => {
    expect(plan.features).toHaveLength(11);
    const result = cleanTable(table, plan);
    if (!result.ok) throw new Error(result.reason);
    const { report, removed } = result.data;
    expect(report.steps).toMatchObject([
      { step: 'duplicates', column: null, rows: 165, rule: 'identical in every column; the first is kept' },
      { step: 'no-label', column: 'loan_status', rows: 0, rule: 'loan_status is missing or neither "1" nor "0"' },
      { step: 'out-of-range', column: 'person_age', rows: 0, rule: 'allowed 0–150' }, // the oldest is 144
    ]);
    expect(removed.rows).toHaveLength(165);
    // 32581 − 165 = 32416, of which 7089 defaults (counted independently in Python)
    expect(report.rowsAfter).toBe(32416);
    expect(report.positives).toBe(7089);
    expect(report.negatives).toBe(32416 - 7089);
  });

  it('prepares with the proposed plan: missing values counted on the training rows, each with a "was missing" input, fitted on training rows only', () => {
    const result = prepareData(table, { ...plan, testFraction: 0.2, validation: 'auto', seed: 42, numericEncoding: 'standard' });
    if (!result.ok) throw new Error(result.reason);
    const { train, test, preprocessor, report, validation, validationFolds } = result.data;
    // 32,416 kept rows: a stratified 80/20 split; 25,933 training rows (under 50,000) are cross-fitted in 5 folds.
    expect(train.rows + test.rows).toBe(32416);
    expect(test.rows).toBe(6483);
    expect(validation).toEqual({ kind: 'cross-fit', folds: 5 });
    expect(validationFolds.map((fold) => fold.length).reduce((a, b) => a + b, 0)).toBe(train.rows);
    expect(preprocessor.fittedOnRows).toBe(train.rows);
    // The training rows hold most of the 887 + 3,095 gaps left after duplicates; the test rows the rest.
    const gaps = report.missing.filter((m) => m.missing > 0);
    expect(gaps.map((m) => m.column)).toEqual(['person_emp_length', 'loan_int_rate']);
    for (const gap of gaps) expect(gap.filledBy).toBe(`the median of the training rows, plus a "${gap.column} was missing" input`);
    const trainingGaps = gaps.map((m) => m.missing);
    expect(trainingGaps[0]).toBeGreaterThan(0.7 * 887);
    expect(trainingGaps[0]).toBeLessThan(0.9 * 887);
    expect(trainingGaps[1]).toBeGreaterThan(0.7 * 3095);
    expect(trainingGaps[1]).toBeLessThan(0.9 * 3095);
    const numeric = preprocessor.features.filter((f) => f.kind === 'numeric');
    expect(numeric.filter((f) => f.indicator).map((f) => [f.name, f.missingInTraining])).toEqual([
      ['person_emp_length', trainingGaps[0]],
      ['loan_int_rate', trainingGaps[1]],
    ]);
    // 7 numeric features + 2 indicators + 4 home ownership + 6 intent + 7 grade + 2 default-on-file levels = 28 inputs
    expect(preprocessor.width).toBe(28);
    expect(featureSlots(preprocessor)).toHaveLength(28);
  });

  it('encodes numeric features piecewise-linearly by default on its 25,933 training rows (from 10,000), in round(∛25,933) = 30 bins at most', () => {
    const result = prepareData(table, { ...plan, testFraction: 0.2, validation: 'auto', seed: 42 });
    if (!result.ok) throw new Error(result.reason);
    const numeric = result.data.preprocessor.features.filter((f) => f.kind === 'numeric');
    expect(numeric).toHaveLength(7);
    for (const feature of numeric) {
      expect(feature.ple, feature.name).not.toBeNull();
      expect(feature.ple!.edges.length, feature.name).toBeGreaterThanOrEqual(3);
      expect(feature.ple!.edges.length, feature.name).toBeLessThanOrEqual(31);
    }
    // person_age holds whole years 20–144: its 30 quantile bins collapse where ages repeat, but far more than 5 remain.
    expect(numeric.find((f) => f.name === 'person_age')!.ple!.edges.length).toBeGreaterThan(5);
    // The 2 indicators and 19 one-hot levels are as with standardisation.
    const pleInputs = numeric.reduce((n, f) => n + f.ple!.edges.length - 1, 0);
    expect(result.data.preprocessor.width).toBe(pleInputs + 2 + 19);
  });
});

describe.skipIf(!HAVE_DATA)('german_credit.csv', () => {
  const { table, profiles } = load('german_credit.csv');

  it("parses to 1000 × 21; target 'class' with positive '2'", () => {
    expect(table.rowCount).toBe(1000);
    expect(table.columns).toHaveLength(21);
    expect(detectTarget(profiles)).toBe('class');
    const values = profile(profiles, 'class').values!;
    expect(values).toEqual(['1', '2']);
    expect(guessPositiveValue(values)).toBe('2');
    expect(profile(profiles, 'checking_status').role).toBe('categorical');
    expect(profile(profiles, 'duration').role).toBe('numeric');
  });
});

describe.skipIf(!HAVE_DATA)('loan_prediction_train.csv', () => {
  const { table, profiles } = load('loan_prediction_train.csv');

  it('parses to 614 × 13 with Loan_ID an identifier, which the proposed plan leaves out', () => {
    expect(table.rowCount).toBe(614);
    expect(table.columns).toHaveLength(13);
    expect(profile(profiles, 'Loan_ID').role).toBe('identifier');
    const plan = proposeCleaningPlan(profiles, 'Loan_Status', 'Y', 'N');
    expect(plan.features).not.toContain('Loan_ID');
    expect(plan.features).toHaveLength(11);
  });

  it("detects Loan_Status with positive 'Y'", () => {
    expect(detectTarget(profiles)).toBe('Loan_Status');
    const values = profile(profiles, 'Loan_Status').values!;
    expect(values).toEqual(['N', 'Y']);
    expect(guessPositiveValue(values)).toBe('Y');
  });

  it("keeps Dependents categorical because it holds '3+'", () => {
    const dependents = profile(profiles, 'Dependents');
    expect(getColumn(table, 'Dependents').kind).toBe('categorical');
    expect(dependents.role).toBe('categorical');
    expect(dependents.values).toEqual(['0', '1', '2', '3+']);
    expect(dependents.missing).toBe(15);
  });
});
