import { memo } from 'react';
import type { CleaningPlan, ColumnPlan, DuplicatePolicy, MissingStrategy, OutlierRule } from '../../core/clean/plan';
import type { ColumnInfo } from '../../core/columns/profile';
import { formatCount } from '../shared/format';
import { useProgressiveCount } from '../shared/useProgressiveCount';

interface Props {
  readonly plan: CleaningPlan;
  readonly columns: readonly ColumnInfo[];
  readonly disabled: boolean;
  readonly onChange: (plan: CleaningPlan) => void;
}

const MISSING_LABELS: Record<MissingStrategy, string> = {
  median: 'median',
  mean: 'mean',
  mode: 'most frequent',
  constant: 'a constant',
  indicator: 'median + "was missing" flag',
  'forward-fill': 'forward fill',
  'drop-row': 'drop the row',
};
// A numeric column's "was missing" input is its own checkbox (next to any fill), not a strategy.
const NUMERIC_STRATEGIES: readonly MissingStrategy[] = ['median', 'mean', 'mode', 'constant', 'forward-fill', 'drop-row'];
const CATEGORICAL_STRATEGIES: readonly MissingStrategy[] = ['mode', 'constant', 'indicator', 'forward-fill', 'drop-row'];

type OutlierChoice = 'none' | 'iqr-clip' | 'iqr-drop' | 'zscore-clip' | 'zscore-drop';
const OUTLIER_LABELS: Record<OutlierChoice, string> = {
  none: 'keep',
  'iqr-clip': 'IQR: clip',
  'iqr-drop': 'IQR: drop row',
  'zscore-clip': 'z-score: clip',
  'zscore-drop': 'z-score: drop row',
};
const DEFAULT_THRESHOLD = { iqr: 1.5, zscore: 3 } as const;

function outlierChoice(rule: OutlierRule | null): OutlierChoice {
  return rule ? (`${rule.method}-${rule.action}` as OutlierChoice) : 'none';
}

function toOutlierRule(choice: OutlierChoice, previous: OutlierRule | null): OutlierRule | null {
  if (choice === 'none') return null;
  const [method, action] = choice.split('-') as [OutlierRule['method'], OutlierRule['action']];
  const threshold = previous?.method === method ? previous.threshold : DEFAULT_THRESHOLD[method];
  return { method, action, threshold };
}

/** A bound typed by the user: blank means open. */
function parseBound(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** The cleaning choices, editable before training: duplicates, and per column missing values, impossible values and outliers. */
// Rows of the plan table mounted per frame (see useProgressiveCount).
const ROWS_PER_FRAME = 2;

export const CleaningPlanEditor = memo(function CleaningPlanEditor({ plan, columns, disabled, onChange }: Props) {
  const info = new Map(columns.map((c) => [c.name, c]));
  const setColumn = (index: number, change: Partial<ColumnPlan>) => onChange({ ...plan, columns: plan.columns.map((c, i) => (i === index ? { ...c, ...change } : c)) });
  const setDuplicates = (value: string) => {
    const duplicates: DuplicatePolicy = value === 'exact' || value === 'keep' ? { kind: value } : { kind: 'by-column', column: value.slice('by:'.length) };
    onChange({ ...plan, duplicates });
  };
  const duplicateValue = plan.duplicates.kind === 'by-column' ? `by:${plan.duplicates.column}` : plan.duplicates.kind;
  const shownRows = useProgressiveCount(plan.columns.length, ROWS_PER_FRAME);

  return (
    <div className="plan-editor">
      <label>
        Duplicates{' '}
        <select data-testid="duplicates-select" value={duplicateValue} disabled={disabled} onChange={(e) => setDuplicates(e.target.value)}>
          <option value="exact">drop exact duplicate rows</option>
          {columns
            .filter((c) => c.name !== plan.target)
            .map((c) => (
              <option key={c.name} value={`by:${c.name}`}>
                drop rows repeating a {c.name}
              </option>
            ))}
          <option value="keep">keep all rows</option>
        </select>
      </label>
      <table className="plan-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Missing in the file</th>
            <th scope="col">Fill missing with</th>
            <th scope="col" title="A 0/1 input that says the cell was missing: missingness itself often predicts default">
              "Was missing" input
            </th>
            <th scope="col">Allowed range</th>
            <th scope="col">Outliers</th>
          </tr>
        </thead>
        <tbody>
          {plan.columns.slice(0, shownRows).map((column, index) => {
            const numeric = info.get(column.column)?.role === 'numeric';
            const strategies = numeric ? (NUMERIC_STRATEGIES.includes(column.missing) ? NUMERIC_STRATEGIES : [...NUMERIC_STRATEGIES, column.missing]) : CATEGORICAL_STRATEGIES;
            return (
              <tr key={column.column} data-column={column.column}>
                <th scope="row">{column.column}</th>
                <td>{formatCount(info.get(column.column)?.missing ?? 0)}</td>
                <td>
                  <select
                    aria-label={`Missing values in ${column.column}`}
                    data-testid={`missing-strategy-${column.column}`}
                    value={column.missing}
                    disabled={disabled}
                    onChange={(e) => setColumn(index, { missing: e.target.value as MissingStrategy })}
                  >
                    {strategies.map((s) => (
                      <option key={s} value={s}>
                        {s === 'indicator' && !numeric ? 'own "(missing)" level' : MISSING_LABELS[s]}
                      </option>
                    ))}
                  </select>
                  {column.missing === 'constant' && (
                    <input
                      aria-label={`Constant for ${column.column}`}
                      className="narrow"
                      defaultValue={column.constant}
                      disabled={disabled}
                      onBlur={(e) => setColumn(index, { constant: e.target.value })}
                    />
                  )}
                </td>
                <td>
                  {numeric && (
                    <label className="indicator-toggle" title="Added when the training rows have missing cells in this column">
                      <input
                        type="checkbox"
                        data-testid={`indicator-${column.column}`}
                        checked={column.indicator}
                        disabled={disabled || column.missing === 'drop-row'}
                        onChange={(e) => setColumn(index, { indicator: e.target.checked })}
                      />{' '}
                      <span className="visually-hidden">{column.column} </span>was missing
                    </label>
                  )}
                </td>
                <td>
                  {numeric && (
                    <span className="range">
                      <input
                        aria-label={`Lowest allowed ${column.column}`}
                        data-testid={`range-min-${column.column}`}
                        className="narrow"
                        inputMode="decimal"
                        placeholder="any"
                        defaultValue={column.range?.min ?? ''}
                        disabled={disabled}
                        onBlur={(e) => setColumn(index, { range: makeRange(parseBound(e.target.value), column.range?.max ?? null) })}
                      />
                      –
                      <input
                        aria-label={`Highest allowed ${column.column}`}
                        data-testid={`range-max-${column.column}`}
                        className="narrow"
                        inputMode="decimal"
                        placeholder="any"
                        defaultValue={column.range?.max ?? ''}
                        disabled={disabled}
                        onBlur={(e) => setColumn(index, { range: makeRange(column.range?.min ?? null, parseBound(e.target.value)) })}
                      />
                    </span>
                  )}
                </td>
                <td>
                  {numeric && (
                    <select
                      aria-label={`Outliers in ${column.column}`}
                      data-testid={`outliers-${column.column}`}
                      value={outlierChoice(column.outliers)}
                      disabled={disabled}
                      onChange={(e) => setColumn(index, { outliers: toOutlierRule(e.target.value as OutlierChoice, column.outliers) })}
                    >
                      {(Object.keys(OUTLIER_LABELS) as OutlierChoice[]).map((choice) => (
                        <option key={choice} value={choice}>
                          {OUTLIER_LABELS[choice]}
                          {choice.startsWith('iqr') ? ' (1.5 × IQR)' : choice.startsWith('zscore') ? ' (|z| > 3)' : ''}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});

function makeRange(min: number | null, max: number | null): ColumnPlan['range'] {
  return min === null && max === null ? null : { min, max };
}
