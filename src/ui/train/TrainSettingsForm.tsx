import { memo, useState } from 'react';
import type { BackendName } from '../../model/backendChoice';
import { useT } from '../i18n';
import { NumberField } from '../shared/NumberField';
import { parseHiddenUnits, type ModelChoice, type TrainOptions } from './trainOptions';

interface Props {
  readonly options: TrainOptions;
  readonly disabled: boolean;
  readonly onChange: (options: TrainOptions) => void;
}

/** The model choice: boosted trees, an MLP, logistic regression (both tfjs networks) or a points scorecard. */
function ModelSelect({ value, disabled, onChange }: { value: ModelChoice; disabled: boolean; onChange: (kind: ModelChoice) => void }) {
  const { t } = useT();
  return (
    <label>
      {t('train.settings.model')}{' '}
      <select data-testid="model-select" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as ModelChoice)}>
        <option value="boosted">{t('train.settings.modelBoosted')}</option>
        <option value="mlp">{t('train.settings.modelMlp')}</option>
        <option value="logistic">{t('train.settings.modelLogistic')}</option>
        <option value="scorecard">{t('train.settings.modelScorecard')}</option>
      </select>
    </label>
  );
}

/** The model and training settings: model family and shape, regularisation, optimiser, loop, seed, backend. */
export const TrainSettingsForm = memo(function TrainSettingsForm({ options, disabled, onChange }: Props) {
  const { t } = useT();
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
            label={t('train.settings.seed')}
            testId="seed-input"
            value={options.seed}
            min={0}
            max={2 ** 31 - 1}
            step={1}
            disabled={disabled}
            onChange={(seed) => set({ seed: Math.round(seed) })}
          />
        </div>
        {options.kind === 'scorecard' ? <p className="hint">{t('train.settings.scorecardHint')}</p> : <p className="hint">{t('train.settings.boostedHint')}</p>}
      </div>
    );
  }
  return (
    <div className="settings">
      <div className="field-row">
        <ModelSelect value={options.kind} disabled={disabled} onChange={(kind) => set({ kind })} />
        {mlp && (
          <label>
            {t('train.settings.hiddenUnits')}{' '}
            <input
              data-testid="hidden-units-input"
              className="narrow"
              value={hiddenText}
              disabled={disabled}
              aria-invalid={parseHiddenUnits(hiddenText) === null}
              title={t('train.settings.hiddenUnitsTitle')}
              onChange={(e) => {
                setHiddenText(e.target.value);
                const units = parseHiddenUnits(e.target.value);
                if (units) set({ hiddenUnits: units });
              }}
            />
          </label>
        )}
        {mlp && (
          <NumberField
            label={t('train.settings.dropout')}
            testId="dropout-input"
            value={options.dropout}
            min={0}
            max={0.9}
            step={0.05}
            disabled={disabled}
            onChange={(dropout) => set({ dropout })}
          />
        )}
        <NumberField label={t('train.settings.l2')} testId="l2-input" value={options.l2} min={0} max={1} step={0.0001} disabled={disabled} onChange={(l2) => set({ l2 })} />
      </div>
      <div className="field-row">
        <label>
          {t('train.settings.optimiser')}{' '}
          <select data-testid="optimizer-select" value={options.optimizer} disabled={disabled} onChange={(e) => set({ optimizer: e.target.value as TrainOptions['optimizer'] })}>
            <option value="adam" translate="no">
              Adam
            </option>
            <option value="sgd" translate="no">
              SGD
            </option>
          </select>
        </label>
        <NumberField
          label={t('train.settings.learningRate')}
          testId="learning-rate-input"
          value={options.learningRate}
          min={0.00001}
          max={1}
          step={0.0005}
          disabled={disabled}
          onChange={(learningRate) => set({ learningRate })}
        />
        <NumberField
          label={t('train.settings.batchSize')}
          testId="batch-size-input"
          value={options.batchSize}
          min={1}
          max={8192}
          step={1}
          disabled={disabled}
          onChange={(batchSize) => set({ batchSize: Math.round(batchSize) })}
        />
        <NumberField
          label={t('train.settings.epochs')}
          testId="epochs-input"
          value={options.epochs}
          min={1}
          max={1000}
          step={1}
          disabled={disabled}
          onChange={(epochs) => set({ epochs: Math.round(epochs) })}
        />
        <NumberField
          label={t('train.settings.seed')}
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
          {t('train.settings.classWeights')}
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="early-stopping-checkbox"
            checked={options.earlyStopping}
            disabled={disabled}
            onChange={(e) => set({ earlyStopping: e.target.checked })}
          />{' '}
          {t('train.settings.earlyStopping')}
        </label>
        {options.earlyStopping && (
          <NumberField
            label={t('train.settings.patience')}
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
            label={t('train.settings.minEpochs')}
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
          {t('train.settings.crossValidate')}
        </label>
        {options.crossValidationFolds > 0 && (
          <NumberField
            label={t('train.settings.folds')}
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
          {t('train.settings.backend')}{' '}
          <select data-testid="backend-select" value={options.backend} disabled={disabled} onChange={(e) => set({ backend: e.target.value as BackendName | 'auto' })}>
            <option value="auto">{t('train.settings.backendAuto')}</option>
            <option value="webgl" translate="no">
              WebGL (GPU)
            </option>
            <option value="wasm" translate="no">
              WebAssembly
            </option>
            <option value="cpu">{t('train.settings.backendCpu')}</option>
          </select>
        </label>
      </div>
    </div>
  );
});
