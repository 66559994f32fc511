// A loaded bundle as the run summary the UI shows for a model trained in this session: the same
// metrics, preprocessing, outcome, calibration, members and settings, read from the bundle alone.
import type { ModelBundle } from '../core/bundle/types';
import { BACKEND_ORDER, type BackendChoice, type BackendName } from '../model/backendChoice';
import { DEFAULT_NETWORK, DEFAULT_SETTINGS } from '../model/defaults';
import type { TrainSummary } from './protocol';

/** The scorecard's backend, as a scorecard run reports it. */
const SCORECARD_BACKEND: BackendChoice = { name: 'cpu', reason: 'plain JavaScript: a scorecard needs no tfjs backend' };

/** Boosted trees' backend, as a boosted run reports it. */
export const BOOSTED_BACKEND: BackendChoice = { name: 'cpu', reason: 'plain JavaScript: boosted trees need no tfjs backend' };

/**
 * The summary of `bundle`'s run, or null when it holds no held-out evaluation (trained on every
 * row): the UI's summary is built around the test rows' figures. What a bundle does not record
 * reads as a finished run: `stopped` false, `samplesPerSecond` 0; a scorecard's network and loop
 * settings (unused by it) are the defaults, as a scorecard run's request carries them.
 */
export function trainSummaryOfBundle(bundle: ModelBundle): TrainSummary | null {
  const { metrics, provenance, schema, policy, model } = bundle;
  if (metrics.test === null) return null;
  const members = metrics.members;
  const trainedOn = provenance.settings.backend;
  const backend: BackendChoice =
    model.kind === 'scorecard'
      ? SCORECARD_BACKEND
      : model.kind === 'boosted'
        ? BOOSTED_BACKEND
        : { name: (BACKEND_ORDER as readonly string[]).includes(trainedOn) ? (trainedOn as BackendName) : 'cpu', reason: `trained on ${trainedOn}; loaded from a saved model` };
  return {
    model: model.kind,
    scorecard:
      model.kind === 'scorecard'
        ? {
            scorecard: model.scorecard,
            scale: policy.scale,
            editedCharacteristics: model.scorecard.characteristics.filter((c) => c.edited).map((c) => c.column),
            search: null,
          }
        : null,
    backend,
    preprocessor: bundle.preprocessing,
    evaluation: metrics.test,
    positiveIsBad: policy.positiveIsBad,
    outcome: schema.outcome,
    calibration: metrics.calibration,
    validation: provenance.settings.validation,
    members,
    defaultCutoff: policy.cutoff,
    crossValidation: metrics.crossValidation,
    network: provenance.settings.network ?? DEFAULT_NETWORK,
    settings: provenance.settings.train ?? DEFAULT_SETTINGS,
    epochsRun: members.reduce((sum, member) => sum + member.epochsRun, 0),
    bestEpoch: members.length > 0 ? members[members.length - 1].bestEpoch : 0,
    stopped: false,
    stoppedEarly: members.length > 0 && members.every((member) => member.stoppedEarly),
    elapsedMs: provenance.trainingMs,
    samplesPerSecond: 0,
    target: schema.outcome.target,
    positive: schema.positive,
    negative: schema.negative,
  };
}
