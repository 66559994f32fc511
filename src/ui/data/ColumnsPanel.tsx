import { memo } from 'react';
import type { ColumnInfo } from '../../core/columns/profile';
import { useT } from '../i18n';
import { roleText } from './ColumnProfile';

interface Props {
  readonly columns: readonly ColumnInfo[];
  readonly target: string;
  readonly positive: string;
  readonly features: ReadonlySet<string>;
  readonly disabled: boolean;
  readonly onTarget: (name: string) => void;
  readonly onPositive: (value: string) => void;
  readonly onToggleFeature: (name: string) => void;
}

/** The target and its positive value, and which columns feed the model (identifiers are off by default). */
export const ColumnsPanel = memo(function ColumnsPanel({ columns, target, positive, features, disabled, onTarget, onPositive, onToggleFeature }: Props) {
  const { t } = useT();
  const targetInfo = columns.find((c) => c.name === target);
  return (
    <div className="columns-panel">
      <div className="field-row">
        <label>
          {t('data.columns.target')}{' '}
          <select data-testid="target-select" value={target} disabled={disabled} onChange={(e) => onTarget(e.target.value)}>
            {target === '' && <option value="">{t('data.columns.chooseColumn')}</option>}
            {columns.map((c) => (
              // translate="no": the option is the user's column name (with its count of values).
              <option key={c.name} value={c.name} translate="no">
                {c.name}
                {c.distinct === 2 ? '' : t('data.columns.distinctValues', { count: c.distinct })}
              </option>
            ))}
          </select>
        </label>
        {targetInfo?.values && targetInfo.values.length === 2 && (
          <label>
            {t('data.columns.positive')}{' '}
            <select data-testid="positive-select" value={positive} disabled={disabled} onChange={(e) => onPositive(e.target.value)}>
              {targetInfo.values.map((v) => (
                <option key={v} value={v} translate="no">
                  {v}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <fieldset className="feature-chips" disabled={disabled}>
        <legend>{t('data.columns.features')}</legend>
        {columns
          .filter((c) => c.name !== target)
          .map((c) => (
            <label
              key={c.name}
              className={`chip${features.has(c.name) ? ' on' : ''}`}
              title={c.role === 'identifier' ? t('data.columns.identifierTitle', { role: roleText(c) }) : roleText(c)}
            >
              <input type="checkbox" data-testid={`feature-${c.name}`} checked={features.has(c.name)} onChange={() => onToggleFeature(c.name)} />
              <span translate="no">{c.name}</span>
              {c.role === 'identifier' ? t('data.columns.idMark') : ''}
            </label>
          ))}
      </fieldset>
    </div>
  );
});
