import { memo, useState } from 'react';
import type { BackendName } from '../../model/backendChoice';
import { NumberField } from '../shared/NumberField';
import { parseHiddenUnits, type ModelChoice, type TrainOptions } from './trainOptions';

interface Props {
  readonly options: TrainOptions;
  readonly disabled: boolean;
  readonly onChange: (options: TrainOptions) => void;
}

/** The model choice: boosted trees, an MLP, logistic regression (both tfjs networks) or a points scorecard. */
function ModelSelect({ value, disabled, onChange }: { value: ModelChoice; disabled: boolean; onChange: (kind: ModelChoice) => void }) {
  return (
    <label>
      Model{' '}
      <select data-testid="model-select" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as ModelChoice)}>
        <option value="boosted">boosted trees (gradient boosting)</option>
        <option value="mlp">neural network (MLP)</option>
        <option value="logistic">logistic regression</option>
        <option value="scorecard">scorecard (points on WoE bins)</option>
      </select>
    </label>
  );
}

/** The model and training settings: model family and shape, regularisation, optimiser, loop, seed, backend. */
export const TrainSettingsForm = memo(function TrainSettingsForm({ options, disabled, onChange }: Props) {
  const [hiddenText, setHiddenText] = useState(options.hiddenUnits.join(', '));
  const set = (change: Partial<TrainOptions>) => onChange({ ...options, ...change });
  const mlp = options.kind === 'mlp';
  // A scorecard is fitted in plain JavaScript (binning, then logistic regression on WoE): none of
  // the network's loop settings apply; the seed still fixes the split and the validation folds.
  if (options.kind === 'scorecard' || options.kind === 'boosted') {
    return (
      <div className="settings">
        <div className="field-row">
          <ModelSelect value={options.kind} disabled={disabled} onChange={(kind) => set({ kind })} />
          <NumberField
            label="Seed"
            testId="seed-input"
            value={options.seed}
            min={0}
            max={2 ** 31 - 1}
            step={1}
            disabled={disabled}
            onChange={(seed) => set({ seed: Math.round(seed) })}
          />
        </div>
        {options.kind === 'scorecard' ? (
          <p className="hint">
            A points scorecard: each characteristic cut into bins (the characteristics report's bins, as you edited them), logistic regression on their weights of evidence,
            characteristics with an information value under 0.02 left out. No neural network, no tfjs.
          </p>
        ) : (
          <p className="hint">
            Gradient-boosted decision trees: one forest per validation fold, each tree fitted to what the trees before it got wrong, and as many trees kept as lower the log loss on
            the fold the forest never saw. Numbers are used as they are (no scaling needed); plain JavaScript, no tfjs.
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="settings">
      <div className="field-row">
        <ModelSelect value={options.kind} disabled={disabled} onChange={(kind) => set({ kind })} />
        {mlp && (
          <label>
            Hidden units per layer{' '}
            <input
              data-testid="hidden-units-input"
              className="narrow"
              value={hiddenText}
              disabled={disabled}
              aria-invalid={parseHiddenUnits(hiddenText) === null}
              title="Comma-separated, e.g. 64, 32 for two layers"
              onChange={(e) => {
                setHiddenText(e.target.value);
                const units = parseHiddenUnits(e.target.value);
                if (units) set({ hiddenUnits: units });
              }}
            />
          </label>
        )}
        {mlp && (
          <NumberField label="Dropout" testId="dropout-input" value={options.dropout} min={0} max={0.9} step={0.05} disabled={disabled} onChange={(dropout) => set({ dropout })} />
        )}
        <NumberField label="L2" testId="l2-input" value={options.l2} min={0} max={1} step={0.0001} disabled={disabled} onChange={(l2) => set({ l2 })} />
      </div>
      <div className="field-row">
        <label>
          Optimiser{' '}
          <select data-testid="optimizer-select" value={options.optimizer} disabled={disabled} onChange={(e) => set({ optimizer: e.target.value as TrainOptions['optimizer'] })}>
            <option value="adam">Adam</option>
            <option value="sgd">SGD</option>
          </select>
        </label>
        <NumberField
          label="Learning rate"
          testId="learning-rate-input"
          value={options.learningRate}
          min={0.00001}
          max={1}
          step={0.0005}
          disabled={disabled}
          onChange={(learningRate) => set({ learningRate })}
        />
        <NumberField
          label="Batch size"
          testId="batch-size-input"
          value={options.batchSize}
          min={1}
          max={8192}
          step={1}
          disabled={disabled}
          onChange={(batchSize) => set({ batchSize: Math.round(batchSize) })}
        />
        <NumberField
          label="Epochs"
          testId="epochs-input"
          value={options.epochs}
          min={1}
          max={1000}
          step={1}
          disabled={disabled}
          onChange={(epochs) => set({ epochs: Math.round(epochs) })}
        />
        <NumberField
          label="Seed"
          testId="seed-input"
          value={options.seed}
          min={0}
          max={2 ** 31 - 1}
          step={1}
          disabled={disabled}
          onChange={(seed) => set({ seed: Math.round(seed) })}
        />
      </div>
      <div className="field-row">
        <label>
          <input
            type="checkbox"
            data-testid="class-weights-checkbox"
            checked={options.classWeights}
            disabled={disabled}
            onChange={(e) => set({ classWeights: e.target.checked })}
          />{' '}
          Class weights (balance a rare outcome)
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="early-stopping-checkbox"
            checked={options.earlyStopping}
            disabled={disabled}
            onChange={(e) => set({ earlyStopping: e.target.checked })}
          />{' '}
          Early stopping, keep the best epoch
        </label>
        {options.earlyStopping && (
          <NumberField
            label="Patience"
            testId="patience-input"
            value={options.patience}
            min={1}
            max={100}
            step={1}
            disabled={disabled}
            onChange={(patience) => set({ patience: Math.round(patience) })}
          />
        )}
        {options.earlyStopping && (
          <NumberField
            label="Min. epochs"
            testId="min-epochs-input"
            value={options.minEpochs}
            min={0}
            max={1000}
            step={1}
            disabled={disabled}
            onChange={(minEpochs) => set({ minEpochs: Math.round(minEpochs) })}
          />
        )}
        <label>
          <input
            type="checkbox"
            data-testid="cross-validation-checkbox"
            checked={options.crossValidationFolds > 0}
            disabled={disabled}
            onChange={(e) => set({ crossValidationFolds: e.target.checked ? 5 : 0 })}
          />{' '}
          Also cross-validate
        </label>
        {options.crossValidationFolds > 0 && (
          <NumberField
            label="Folds"
            testId="folds-input"
            value={options.crossValidationFolds}
            min={2}
            max={20}
            step={1}
            disabled={disabled}
            onChange={(folds) => set({ crossValidationFolds: Math.round(folds) })}
          />
        )}
        <label>
          Backend{' '}
          <select data-testid="backend-select" value={options.backend} disabled={disabled} onChange={(e) => set({ backend: e.target.value as BackendName | 'auto' })}>
            <option value="auto">automatic (fastest here)</option>
            <option value="webgl">WebGL (GPU)</option>
            <option value="wasm">WebAssembly</option>
            <option value="cpu">plain JavaScript</option>
          </select>
        </label>
      </div>
    </div>
  );
});
