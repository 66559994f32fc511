import { memo } from 'react';
import type { ColumnInfo } from '../../core/columns/profile';
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
  const targetInfo = columns.find((c) => c.name === target);
  return (
    <div className="columns-panel">
      <div className="field-row">
        <label>
          Target (what to predict){' '}
          <select data-testid="target-select" value={target} disabled={disabled} onChange={(e) => onTarget(e.target.value)}>
            {target === '' && <option value="">Choose a column…</option>}
            {columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
                {c.distinct === 2 ? '' : ` (${c.distinct} values)`}
              </option>
            ))}
          </select>
        </label>
        {targetInfo?.values && targetInfo.values.length === 2 && (
          <label>
            Positive value{' '}
            <select data-testid="positive-select" value={positive} disabled={disabled} onChange={(e) => onPositive(e.target.value)}>
              {targetInfo.values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <fieldset className="feature-chips" disabled={disabled}>
        <legend>Features (inputs to the model)</legend>
        {columns
          .filter((c) => c.name !== target)
          .map((c) => (
            <label
              key={c.name}
              className={`chip${features.has(c.name) ? ' on' : ''}`}
              title={c.role === 'identifier' ? `Looks like an ${roleText(c)}: left out by default` : c.role}
            >
              <input type="checkbox" data-testid={`feature-${c.name}`} checked={features.has(c.name)} onChange={() => onToggleFeature(c.name)} />
              {c.name}
              {c.role === 'identifier' ? ' (id)' : ''}
            </label>
          ))}
      </fieldset>
    </div>
  );
});
