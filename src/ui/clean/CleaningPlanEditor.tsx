import { memo } from 'react';
import type { CleaningPlan, ColumnPlan, DuplicatePolicy, MissingStrategy, OutlierRule } from '../../core/clean/plan';
import type { ColumnInfo } from '../../core/columns/profile';
import { useT } from '../i18n';
import { formatCount } from '../shared/format';
import { useProgressiveCount } from '../shared/useProgressiveCount';

interface Props {
  readonly plan: CleaningPlan;
  readonly columns: readonly ColumnInfo[];
  readonly disabled: boolean;
  readonly onChange: (plan: CleaningPlan) => void;
}

// Each strategy's label key under clean.plan.missing.
const MISSING_KEYS = {
  median: 'median',
  mean: 'mean',
  mode: 'mode',
  constant: 'constant',
  indicator: 'indicator',
  'forward-fill': 'forwardFill',
  'drop-row': 'dropRow',
} as const satisfies Record<MissingStrategy, string>;
// A numeric column's "was missing" input is its own checkbox (next to any fill), not a strategy.
const NUMERIC_STRATEGIES: readonly MissingStrategy[] = ['median', 'mean', 'mode', 'constant', 'forward-fill', 'drop-row'];
const CATEGORICAL_STRATEGIES: readonly MissingStrategy[] = ['mode', 'constant', 'indicator', 'forward-fill', 'drop-row'];

type OutlierChoice = 'none' | 'iqr-clip' | 'iqr-drop' | 'zscore-clip' | 'zscore-drop';
// Each outlier choice's label key under clean.plan.outlier.
const OUTLIER_KEYS = {
  none: 'none',
  'iqr-clip': 'iqrClip',
  'iqr-drop': 'iqrDrop',
  'zscore-clip': 'zscoreClip',
  'zscore-drop': 'zscoreDrop',
} as const satisfies Record<OutlierChoice, string>;
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
  const { t } = useT();
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
        {t('clean.plan.duplicates')}{' '}
        <select data-testid="duplicates-select" value={duplicateValue} disabled={disabled} onChange={(e) => setDuplicates(e.target.value)}>
          <option value="exact">{t('clean.plan.dropExact')}</option>
          {columns
            .filter((c) => c.name !== plan.target)
            .map((c) => (
              // translate="no": the option names the user's column (an option cannot hold a span of its own).
              <option key={c.name} value={`by:${c.name}`} translate="no">
                {t('clean.plan.dropRepeating', { column: c.name })}
              </option>
            ))}
          <option value="keep">{t('clean.plan.keepAll')}</option>
        </select>
      </label>
      <table className="plan-table">
        <thead>
          <tr>
            <th scope="col">{t('clean.plan.column')}</th>
            <th scope="col">{t('clean.plan.missingInFile')}</th>
            <th scope="col">{t('clean.plan.fillWith')}</th>
            <th scope="col" title={t('clean.plan.indicatorHeaderTitle')}>
              {t('clean.plan.indicatorHeader')}
            </th>
            <th scope="col">{t('clean.plan.allowedRange')}</th>
            <th scope="col">{t('clean.plan.outliers')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.columns.slice(0, shownRows).map((column, index) => {
            const numeric = info.get(column.column)?.role === 'numeric';
            const strategies = numeric ? (NUMERIC_STRATEGIES.includes(column.missing) ? NUMERIC_STRATEGIES : [...NUMERIC_STRATEGIES, column.missing]) : CATEGORICAL_STRATEGIES;
            return (
              <tr key={column.column} data-column={column.column}>
                <th scope="row" translate="no">
                  {column.column}
                </th>
                <td>{formatCount(info.get(column.column)?.missing ?? 0)}</td>
                <td>
                  {/* translate="no" on the controls below: their labels name the user's column; their options are already in the reader's language. */}
                  <select
                    translate="no"
                    aria-label={t('clean.plan.missingLabel', { column: column.column })}
                    data-testid={`missing-strategy-${column.column}`}
                    value={column.missing}
                    disabled={disabled}
                    onChange={(e) => setColumn(index, { missing: e.target.value as MissingStrategy })}
                  >
                    {strategies.map((s) => (
                      <option key={s} value={s}>
                        {s === 'indicator' && !numeric ? t('clean.plan.missing.ownLevel') : t(`clean.plan.missing.${MISSING_KEYS[s]}`)}
                      </option>
                    ))}
                  </select>
                  {column.missing === 'constant' && (
                    <input
                      translate="no"
                      aria-label={t('clean.plan.constantLabel', { column: column.column })}
                      className="narrow"
                      defaultValue={column.constant}
                      disabled={disabled}
                      onBlur={(e) => setColumn(index, { constant: e.target.value })}
                    />
                  )}
                </td>
                <td>
                  {numeric && (
                    <label className="indicator-toggle" title={t('clean.plan.indicatorTitle')}>
                      <input
                        type="checkbox"
                        data-testid={`indicator-${column.column}`}
                        checked={column.indicator}
                        disabled={disabled || column.missing === 'drop-row'}
                        onChange={(e) => setColumn(index, { indicator: e.target.checked })}
                      />{' '}
                      <span className="visually-hidden" translate="no">
                        {column.column}{' '}
                      </span>
                      {t('clean.plan.wasMissing')}
                    </label>
                  )}
                </td>
                <td>
                  {numeric && (
                    <span className="range">
                      <input
                        translate="no"
                        aria-label={t('clean.plan.lowestLabel', { column: column.column })}
                        data-testid={`range-min-${column.column}`}
                        className="narrow"
                        inputMode="decimal"
                        placeholder={t('clean.plan.anyValue')}
                        defaultValue={column.range?.min ?? ''}
                        disabled={disabled}
                        onBlur={(e) => setColumn(index, { range: makeRange(parseBound(e.target.value), column.range?.max ?? null) })}
                      />
                      –
                      <input
                        translate="no"
                        aria-label={t('clean.plan.highestLabel', { column: column.column })}
                        data-testid={`range-max-${column.column}`}
                        className="narrow"
                        inputMode="decimal"
                        placeholder={t('clean.plan.anyValue')}
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
                      translate="no"
                      aria-label={t('clean.plan.outliersLabel', { column: column.column })}
                      data-testid={`outliers-${column.column}`}
                      value={outlierChoice(column.outliers)}
                      disabled={disabled}
                      onChange={(e) => setColumn(index, { outliers: toOutlierRule(e.target.value as OutlierChoice, column.outliers) })}
                    >
                      {(Object.keys(OUTLIER_KEYS) as OutlierChoice[]).map((choice) => (
                        <option key={choice} value={choice}>
                          {t(`clean.plan.outlier.${OUTLIER_KEYS[choice]}`)}
                          {choice.startsWith('iqr') ? t('clean.plan.outlier.iqrRule') : choice.startsWith('zscore') ? t('clean.plan.outlier.zscoreRule') : ''}
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
