import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposeCleaningPlan } from '../clean/plan';
import { profileColumns, type ColumnInfo } from '../columns/profile';
import { detectTarget } from '../columns/target';
import { tryParseCsv } from '../csv/parseCsv';
import { profileTable } from './profileTable';

// The shared data sets live beside the repository: ../shared/data from the project root.
const DATA = path.resolve(process.cwd(), '../shared/data');
const hasData = existsSync(path.join(DATA, 'credit_risk_dataset.csv'));

function readText(file: string): string {
  return readFileSync(path.join(DATA, file), 'utf8');
}

/** Every identifier of a CSV text as [name, reason], from both profilers (which must agree), given the reader's notes. */
function identifiers(text: string): { ids: [string, string | undefined][]; profiles: ColumnInfo[] } {
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  const { table, notes } = parsed.data;
  const hints = { unnamedColumns: notes.unnamedColumns };
  const profiles = profileColumns(table, hints);
  const pick = (columns: readonly ColumnInfo[]) => columns.filter((c) => c.role === 'identifier').map((c): [string, string | undefined] => [c.name, c.identifierReason]);
  expect(pick(profileTable(table, hints))).toEqual(pick(profiles));
  return { ids: pick(profiles), profiles };
}

/** The text with a first column added: `header` above, `cell(i)` on data line i (0-based), as pandas' to_csv writes its index. */
function withIndexColumn(text: string, header: string, cell: (i: number) => string): string {
  const [head, ...lines] = text.trimEnd().split('\n');
  return [`${header},${head}`, ...lines.map((line, i) => `${cell(i)},${line}`)].join('\n') + '\n';
}

describe.skipIf(!hasData)(`identifiers in the shared data sets (skipped: no ${DATA})`, () => {
  it.each([
    // Expected from the data README: Loan_ID is the only identifier of the three.
    ['credit_risk_dataset.csv', []],
    ['german_credit.csv', []],
    ['loan_prediction_train.csv', [['Loan_ID', 'id-name']]],
  ])('%s: identifiers are exactly %j', (file, expected) => {
    expect(identifiers(readText(file)).ids).toEqual(expected);
  });

  it('german.data (no header row, positional names col1..col21): no identifiers', () => {
    expect(identifiers(readText('german.data')).ids).toEqual([]);
  });

  it("credit_risk_dataset as pandas' to_csv writes it (blank-headed index 0..n−1): the index is the one identifier", () => {
    const { ids, profiles } = identifiers(withIndexColumn(readText('credit_risk_dataset.csv'), '', String));
    expect(ids).toEqual([['col1', 'unnamed']]);
    expect(detectTarget(profiles)).toBe('loan_status');
    const plan = proposeCleaningPlan(profiles, 'loan_status', '1', '0');
    expect(plan.features).not.toContain('col1');
    expect(plan.features).toHaveLength(11); // the 12 columns of the file less the target, as without the index
  });

  it("read back with pandas and written again (',Unnamed: 0,…'): both index columns are identifiers", () => {
    const once = withIndexColumn(readText('german_credit.csv'), 'Unnamed: 0', String);
    const { ids } = identifiers(withIndexColumn(once, '', String));
    expect(ids).toEqual([
      ['col1', 'unnamed'],
      ['Unnamed: 0', 'unnamed'],
    ]);
  });

  it("an index named 'row' after drop_duplicates (165 gaps in 0..32580) is an identifier by its values", () => {
    const text = readText('credit_risk_dataset.csv');
    const [head, ...lines] = text.trimEnd().split('\n');
    // drop_duplicates keeps the first of identical lines, and each kept line its original index.
    const seen = new Set<string>();
    const kept: string[] = [];
    lines.forEach((line, i) => {
      if (seen.has(line)) return;
      seen.add(line);
      kept.push(`${i},${line}`);
    });
    expect(lines.length - kept.length).toBe(165); // the README's count of exact duplicates
    const { ids } = identifiers([`row,${head}`, ...kept].join('\n') + '\n');
    expect(ids).toEqual([['row', 'sequence']]);
  });
});
