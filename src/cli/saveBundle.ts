// `npm run evaluate -- --save FILE`: after the folds, the model the folds measured is trained once
// more on every cleaned row (no test rows: the folds are its evaluation, stored as its
// cross-validation) and written as the same one-file bundle the app exports, checked by loading it
// back exactly as an import does.
import * as tf from '@tensorflow/tfjs';
import { encodeModelFile } from '../bundle/file';
import { problemMessage } from '../bundle/problemMessage';
import { fitBoostedEnsemble } from '../core/boosting/ensemble';
import { DEFAULT_BOOSTING } from '../core/boosting/types';
import type { BoostedModel, BundleModel, ModelBundle } from '../core/bundle/types';
import type { CrossValidationSummary } from '../core/evaluation/types';
import { prepareData, type PrepareConfig } from '../core/pipeline';
import { fitScorecard } from '../core/scorecard/fitScorecard';
import { networkMemberOf } from '../model/bundleNetwork';
import { defaultSettingsFor } from '../model/defaults';
import { disposeScoringModel, fitScoringModel } from '../model/scoringModel';
import type { NetworkSpec, TrainSettings } from '../core/training/specs';
import { buildBundle } from '../worker/buildBundle';
import type { FileFacts } from '../worker/datasets';
import { checkReferenceApplicants, disposeScorer, scorerOf, type Scorer } from '../worker/scorer';
import type { FoldReport } from './foldReport';

/** What the final fit needs from the evaluate command. */
export interface FinalFit {
  readonly table: Parameters<typeof prepareData>[0];
  readonly file: FileFacts;
  /** The folds' preparation settings; the final fit uses them with no test rows. */
  readonly prepare: Omit<PrepareConfig, 'testFraction'>;
  readonly model: 'mlp' | 'logistic' | 'scorecard' | 'boosted';
  readonly network: NetworkSpec;
  /** The command's overrides of the data-size defaults (epochs, rate, batch size, class weights). */
  readonly overrides: Partial<TrainSettings>;
  readonly positiveIsBad: boolean;
  readonly folds: readonly FoldReport[];
  readonly appVersion: string;
}

/** The folds' AUC, KS and log loss as the bundle's cross-validation (mean ± sd over folds). */
export function crossValidationOf(folds: readonly FoldReport[]): CrossValidationSummary {
  const stats = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = values.length > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)) : 0;
    return { mean, sd };
  };
  const auc = stats(folds.map((f) => f.auc));
  const ks = stats(folds.map((f) => f.ks));
  const logLoss = stats(folds.map((f) => f.logloss));
  return {
    folds: folds.map((f) => ({ fold: f.fold, auc: f.auc, ks: f.ks, logLoss: f.logloss })),
    meanAuc: auc.mean,
    sdAuc: auc.sd,
    meanKs: ks.mean,
    sdKs: ks.sd,
    meanLogLoss: logLoss.mean,
    sdLogLoss: logLoss.sd,
  };
}

/** Trains the final model on every cleaned row and returns its bundle, already loaded back and checked against its reference applicants. */
export async function trainFinalBundle(input: FinalFit): Promise<ModelBundle> {
  const config: PrepareConfig = { ...input.prepare, testFraction: 0 };
  const prepared = prepareData(input.table, config);
  if (!prepared.ok) throw new Error(prepared.reason);
  const data = prepared.data;
  const started = performance.now();
  const positives = Math.round(data.trainPositiveRate * data.train.rows);
  const settings: TrainSettings = { ...defaultSettingsFor(data.train.rows, positives, data.validation), seed: input.network.seed, ...input.overrides };
  let model: BundleModel;
  let scorer: Scorer;
  let calibration;
  let members;
  if (input.model === 'boosted') {
    const fit = fitBoostedEnsemble(data.train, data.validationFolds, DEFAULT_BOOSTING, input.prepare.seed);
    const boosted: BoostedModel = {
      kind: 'boosted',
      inputWidth: data.preprocessor.width,
      forests: fit.forests,
      calibrator: fit.calibration.calibrator,
      start: fit.start,
      settings: DEFAULT_BOOSTING,
    };
    model = boosted;
    scorer = { kind: 'boosted', model: boosted };
    members = fit.outcomes.map((o, i) => ({
      member: i + 1,
      epochsRun: o.iterationsRun,
      bestEpoch: o.bestIteration,
      stoppedEarly: o.iterationsRun < DEFAULT_BOOSTING.maxIterations,
    }));
    calibration = {
      method: fit.calibration.calibrator.method,
      fittedOn: data.validation.kind === 'cross-fit' ? ('out-of-fold' as const) : ('validation' as const),
      rows: fit.calibration.rows,
      crossValidatedLogLoss: fit.calibration.crossValidatedLogLoss,
      classWeightShift: 0,
    };
  } else if (input.model === 'scorecard') {
    const bad = Uint8Array.from(data.train.y, (y) => (input.positiveIsBad ? y : 1 - y));
    const scorecard = fitScorecard(data.source, data.trainTableRows, bad, data.validationFolds, { features: data.report.features });
    model = { kind: 'scorecard', scorecard };
    scorer = { kind: 'scorecard', scorecard };
    members = [] as const;
    calibration = {
      method: scorecard.calibration.method,
      fittedOn: data.validation.kind === 'cross-fit' ? ('out-of-fold' as const) : ('validation' as const),
      rows: scorecard.calibration.rows,
      crossValidatedLogLoss: scorecard.calibration.outOfFoldLogLoss ?? {},
      classWeightShift: 0,
    };
  } else {
    const width = data.preprocessor.width;
    const fitted = await fitScoringModel({ train: data.train, validationFolds: data.validationFolds, width }, input.network, settings);
    model = {
      kind: 'network',
      network: input.network,
      inputWidth: width,
      members: fitted.model.members.map((member) => networkMemberOf(member.network, member.logitShift)),
      calibrator: fitted.model.calibrator,
      quantization: 'none',
    };
    scorer = { kind: 'network', model: fitted.model };
    members = fitted.model.members.map((member, i) => ({
      member: i + 1,
      epochsRun: member.outcome.epochsRun,
      bestEpoch: member.outcome.bestEpoch,
      stoppedEarly: member.outcome.stoppedEarly,
    }));
    const shifts = fitted.model.members.map((member) => (input.positiveIsBad ? member.logitShift : -member.logitShift));
    calibration = {
      method: fitted.calibration.calibrator.method,
      fittedOn: data.validation.kind === 'cross-fit' ? ('out-of-fold' as const) : ('validation' as const),
      rows: fitted.calibration.rows,
      crossValidatedLogLoss: fitted.calibration.crossValidatedLogLoss,
      classWeightShift: shifts.reduce((a, b) => a + b, 0) / shifts.length,
    };
  }
  try {
    const bundle = buildBundle({
      file: input.file,
      table: input.table,
      data,
      request: {
        prepare: config,
        model: input.model === 'scorecard' || input.model === 'boosted' ? input.model : 'network',
        network: input.network,
        settings,
        backend: tf.getBackend() === 'wasm' ? ('wasm' as const) : ('cpu' as const),
        crossValidationFolds: input.folds.length,
      },
      summary: {
        evaluation: null,
        calibration,
        members,
        crossValidation: crossValidationOf(input.folds),
        positiveIsBad: input.positiveIsBad,
        backend: { name: input.model === 'scorecard' || input.model === 'boosted' ? 'cpu' : tf.getBackend() },
        elapsedMs: performance.now() - started,
      },
      model,
      scorer,
      test: { bad: new Float32Array(0), pBad: new Float64Array(0) },
      appVersion: input.appVersion,
      createdBy: 'cli',
    });
    // What is written must load as an import loads it: its own networks, its own reference check.
    const loaded = await scorerOf(bundle.model);
    try {
      const problem = checkReferenceApplicants(loaded, bundle);
      if (problem) throw new Error(`the saved model does not score its own reference applicants: ${problemMessage(problem)}`);
    } finally {
      disposeScorer(loaded);
    }
    return bundle;
  } finally {
    if (scorer.kind === 'network') disposeScoringModel(scorer.model);
  }
}

/** The bundle as the app's one-file export (optionally encrypted). */
export function modelFileBytes(bundle: ModelBundle, passphrase?: string): Promise<Uint8Array> {
  return encodeModelFile(bundle, passphrase ? { passphrase } : {});
}
