import { materialise } from './features/encodedRows';
import { describe, expect, it } from 'vitest';
import { tryParseCsv } from './csv/parseCsv';
import { cleanAndReport, prepareData, type PrepareConfig, type PreparedData } from './pipeline';
import type { Table } from './table';

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
    { column: 'age', missing: 'median', constant: '', range: { min: 0, max: 150 }, outliers: null },
    { column: 'income', missing: 'median', constant: '', range: null, outliers: null },
    { column: 'home', missing: 'mode', constant: '', range: null, outliers: null },
  ],
  testFraction: 0.2,
  validationFraction: 0.25,
  seed: 1,
};

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
    expect(report.steps.map((s) => [s.step, s.rows])).toEqual([
      ['duplicates', 2],
      ['no-label', 1],
      ['out-of-range', 1],
    ]);
    expect(report.rowsAfter).toBe(200);
    expect(report.positives).toBe(50);
    expect(report.negatives).toBe(150);
  });

  it('train + validation + test rows add up to rowsAfter, stratified', () => {
    const data = prepared(CONFIG);
    // test: round(150 × 0.2) = 30 negatives + round(50 × 0.2) = 10 positives = 40
    // rest 160 (120 + 40); validation: round(120 × 0.25) = 30 + round(40 × 0.25) = 10 = 40; train 120
    expect(data.test.rows).toBe(40);
    expect(data.validation.rows).toBe(40);
    expect(data.train.rows).toBe(120);
    expect(data.train.rows + data.validation.rows + data.test.rows).toBe(data.report.rowsAfter);
    expect(sum(data.test.y)).toBe(10);
    expect(sum(data.validation.y)).toBe(10);
    expect(sum(data.train.y)).toBe(30);
    // base rate of the 160 training rows (fit + validation): 40 / 160
    expect(data.trainPositiveRate).toBe(0.25);
  });

  it('fits the preprocessor on train + validation rows, never on test rows', () => {
    const data = prepared(CONFIG);
    expect(data.preprocessor.fittedOnRows).toBe(data.train.rows + data.validation.rows);
    expect(data.preprocessor.fittedOnRows).toBe(160);
    // age, income numeric + 3 home levels = 5 columns
    expect(data.preprocessor.width).toBe(5);
    expect(materialise(data.train)).toHaveLength(120 * 5);
    expect(materialise(data.validation)).toHaveLength(40 * 5);
    expect(materialise(data.test)).toHaveLength(40 * 5);
    // Standardised with the statistics of exactly the fit rows: each numeric column sums to 0 over them.
    for (const column of [0, 1]) {
      let total = 0;
      for (const part of [data.train, data.validation]) {
        const x = materialise(part);
        for (let r = 0; r < part.rows; r++) total += x[r * 5 + column];
      }
      expect(Math.abs(total)).toBeLessThan(1e-3);
    }
  });

  it('without validation, every non-test row trains', () => {
    const data = prepared({ ...CONFIG, validationFraction: 0 });
    expect(data.validation.rows).toBe(0);
    expect(materialise(data.validation)).toHaveLength(0);
    expect(data.train.rows).toBe(160);
    expect(data.test.rows).toBe(40);
    expect(data.preprocessor.fittedOnRows).toBe(160);
  });

  it('is reproducible for a seed', () => {
    const a = prepared(CONFIG);
    const b = prepared(CONFIG);
    expect(Array.from(materialise(a.test))).toEqual(Array.from(materialise(b.test)));
    expect(Array.from(a.train.y)).toEqual(Array.from(b.train.y));
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

  it('cleanAndReport gives the same report without preparing', () => {
    const result = cleanAndReport(TABLE, CONFIG);
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.report).toEqual(prepared(CONFIG).report);
  });

  it('leaves excluded features out of the preprocessor', () => {
    // "flat" is 7 in every row → excluded as constant; the model sees age, income, home
    const withFlat = parseTable(syntheticCsv().replace('id,age,income,home,status', 'id,age,income,home,status,flat').replaceAll(/\n(.*)/g, '\n$1,7'));
    const config: PrepareConfig = { ...CONFIG, features: [...CONFIG.features, 'flat'], columns: [...CONFIG.columns, { column: 'flat', missing: 'median', constant: '', range: null, outliers: null }] };
    const result = prepareData(withFlat, config);
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.report.excludedFeatures.map((e) => [e.column, e.reason])).toEqual([['flat', 'constant']]);
    expect(result.data.preprocessor.features.map((f) => f.name)).toEqual(['age', 'income', 'home']);
  });

  it('keeps the decimal mark in the preprocessor', () => {
    expect(prepared({ ...CONFIG, decimal: ',' }).preprocessor.decimal).toBe(',');
    expect(prepared(CONFIG).preprocessor.decimal).toBe('.');
  });

  it('the data-quality gate stops training on values that encode as NaN, naming the column', () => {
    // 1e308 + 1.5e308 overflows to Infinity: the mean is infinite and every encoded value NaN
    const huge = parseTable(syntheticCsv().replace('id,age,income,home,status', 'id,age,income,home,status,huge').replaceAll(/\n(\d+)(.*)/g, (_m, id: string, rest: string) => `\n${id}${rest},${Number(id) % 2 ? '1e308' : '1.5e308'}`));
    const config: PrepareConfig = { ...CONFIG, features: [...CONFIG.features, 'huge'], columns: [...CONFIG.columns, { column: 'huge', missing: 'median', constant: '', range: null, outliers: null }] };
    expect(prepareData(huge, config)).toEqual({ ok: false, reason: 'Column "huge" still has missing or invalid values after cleaning; choose how to fill it.' });
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
});
