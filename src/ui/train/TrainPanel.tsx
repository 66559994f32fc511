import { useEffect, useState } from 'react';
import type { BackendChoice } from '../../model/backend';
import type { EpochReport } from '../../model/train';
import { formatDuration } from '../shared/format';
import { LossChart } from './LossChart';

/** Training status shown to people and to automation (`data-state`). */
export type TrainingState = 'idle' | 'training' | 'done' | 'error';

/** Editable training settings. */
export interface TrainSettings {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly seed: number;
}

interface Props {
  readonly settings: TrainSettings;
  readonly onSettings: (settings: TrainSettings) => void;
  readonly state: TrainingState;
  readonly canTrain: boolean;
  readonly backend: BackendChoice | null;
  readonly history: readonly EpochReport[];
  readonly statusText: string;
  readonly onTrain: () => void;
  readonly onStop: () => void;
}

/** A number input that lets the user clear and retype; only valid values in [min, max] are committed. */
function NumberField(props: { label: string; testId: string; value: number; min: number; max: number; step: number; disabled: boolean; onChange: (v: number) => void }) {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText((current) => (Number(current) === props.value ? current : String(props.value))), [props.value]);
  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(parsed) && parsed >= props.min && parsed <= props.max;
  return (
    <label>
      {props.label}{' '}
      <input
        type="number"
        data-testid={props.testId}
        value={text}
        min={props.min}
        max={props.max}
        step={props.step}
        disabled={props.disabled}
        aria-invalid={!valid}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(v) && v >= props.min && v <= props.max) props.onChange(v);
        }}
      />
    </label>
  );
}

/** Step 4: network settings, Train / Stop, backend in use and the live loss chart. */
export function TrainPanel({ settings, onSettings, state, canTrain, backend, history, statusText, onTrain, onStop }: Props) {
  const training = state === 'training';
  const last = history[history.length - 1];
  return (
    <section className="card" aria-labelledby="train-heading">
      <h2 id="train-heading">4. Train</h2>
      <p className="hint">A neural network: Dense(32, relu) → Dense(1, sigmoid), Adam, binary cross-entropy; 80/20 stratified split, 10% of the training rows for validation.</p>
      <div className="field-row">
        <NumberField label="Epochs" testId="epochs-input" value={settings.epochs} min={1} max={500} step={1} disabled={training} onChange={(epochs) => onSettings({ ...settings, epochs })} />
        <NumberField label="Batch size" testId="batch-size-input" value={settings.batchSize} min={1} max={8192} step={1} disabled={training} onChange={(batchSize) => onSettings({ ...settings, batchSize })} />
        <NumberField label="Learning rate" testId="learning-rate-input" value={settings.learningRate} min={0.00001} max={1} step={0.0005} disabled={training} onChange={(learningRate) => onSettings({ ...settings, learningRate })} />
        <NumberField label="Seed" testId="seed-input" value={settings.seed} min={0} max={2 ** 31 - 1} step={1} disabled={training} onChange={(seed) => onSettings({ ...settings, seed: Math.round(seed) })} />
      </div>
      <div className="field-row">
        <button type="button" className="primary" data-testid="train-button" disabled={!canTrain || training} onClick={onTrain}>
          Train model
        </button>
        <button type="button" data-testid="stop-button" disabled={!training} onClick={onStop}>
          Stop
        </button>
        <span data-testid="training-status" data-state={state} className={`status status-${state}`} aria-live="polite">
          {statusText}
        </span>
      </div>
      <p className="hint">
        Backend: <strong data-testid="backend">{backend?.name ?? '–'}</strong>
        {backend ? ` (${backend.reason})` : ''}
        {last ? ` · epoch ${last.epoch}/${last.epochs} · ${formatDuration(last.elapsedMs)}` : ''}
      </p>
      <LossChart history={history} />
    </section>
  );
}
