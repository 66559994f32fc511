import { memo } from 'react';
import type { ColumnInfo } from '../../core/columns/profile';
import type { DatasetSummary } from '../../worker/protocol';
import { formatCount, formatDuration } from '../shared/format';

interface Props {
  readonly dataset: DatasetSummary;
  readonly target: string;
  readonly positive: string;
  readonly features: ReadonlySet<string>;
  readonly disabled: boolean;
  readonly onTarget: (name: string) => void;
  readonly onPositive: (value: string) => void;
  readonly onToggleFeature: (name: string) => void;
}

/** Step 2: the inferred column types, the target and its positive value, and which columns are features. */
export const ColumnsPanel = memo(function ColumnsPanel({ dataset, target, positive, features, disabled, onTarget, onPositive, onToggleFeature }: Props) {
  const targetInfo = dataset.columns.find((c) => c.name === target);
  return (
    <section className="card" aria-labelledby="columns-heading">
      <h2 id="columns-heading">2. Columns</h2>
      <p className="hint">
        <strong>{dataset.fileName}</strong>: {formatCount(dataset.rowCount)} rows × {dataset.columns.length} columns, read in{' '}
        {formatDuration(dataset.parseMs)}
        {dataset.notes.hasHeader ? '' : ' (no header row: columns named col1…)'}
        {dataset.notes.renamedColumns.length > 0 ? `; renamed duplicate columns: ${dataset.notes.renamedColumns.join(', ')}` : ''}
        {dataset.notes.raggedRows > 0 ? `; ${formatCount(dataset.notes.raggedRows)} rows had a different number of fields` : ''}
      </p>
      <div className="field-row">
        <label>
          Target (what to predict){' '}
          <select data-testid="target-select" value={target} disabled={disabled} onChange={(e) => onTarget(e.target.value)}>
            {target === '' && <option value="">Choose a column…</option>}
            {dataset.columns.map((c) => (
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
      <table className="columns-table">
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Missing</th>
            <th scope="col">Distinct</th>
          </tr>
        </thead>
        <tbody>
          {dataset.columns.map((c: ColumnInfo) => (
            <tr key={c.name} data-column={c.name}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Use ${c.name} as a feature`}
                  checked={c.name !== target && features.has(c.name)}
                  disabled={disabled || c.name === target}
                  onChange={() => onToggleFeature(c.name)}
                />
              </td>
              <td>{c.name}</td>
              <td>{c.name === target ? 'target' : c.role}</td>
              <td>{formatCount(c.missing)}</td>
              <td>{formatCount(c.distinct)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});
