import type * as tf from '@tensorflow/tfjs';
import { applyCalibratorToAll, fitCalibrator, type Calibrator, type CalibratorFit } from '../core/calibration/calibrator';
import { classWeightLogitShift } from '../core/calibration/priorShift';
import { complementPositions, materialise, selectEncodedRows, type EncodedRows } from '../core/features/encodedRows';
import { buildNetwork, disposeNetwork, predictLogits, type NetworkSpec } from './network';
import { trainModel, type TrainHooks, type TrainOutcome, type TrainSettings } from './train';

/** One network of the ensemble and the class-weight prior shift its logits carry. */
export interface ScoringMember {
  readonly network: tf.LayersModel;
  /** ln(w1 / w0) of the class weights it was trained with (0 without): subtracted from its logits. */
  readonly logitShift: number;
}

/** A member as trained here, with how its run ended (a member loaded from a bundle has no such record). */
export interface EnsembleMember extends ScoringMember {
  readonly outcome: TrainOutcome;
}

/**
 * What scores: the members' mean logit, with each member's prior shift removed, through a
 * calibrator fitted on rows none of them was graded on as training (validation or out-of-fold rows).
 * The calibrator is plain JSON; the weights are read out of the networks when the model is saved
 * (bundleNetwork.ts), and a saved model loads back into the same shape.
 */
export interface ScoringModel<Member extends ScoringMember = ScoringMember> {
  readonly members: readonly Member[];
  readonly calibrator: Calibrator;
  readonly width: number;
}

/** Trains one member: plain trainModel by default; the worker passes its backend-fallback runner. */
export type TrainMember = (
  build: () => tf.LayersModel,
  fit: EncodedRows,
  validation: EncodedRows,
  settings: TrainSettings,
  hooks: TrainHooks,
) => Promise<{ model: tf.LayersModel; outcome: TrainOutcome }>;

/** The training rows and which of them validate (see PreparedData.validationFolds). */
export interface ScoringData {
  readonly train: EncodedRows;
  readonly validationFolds: readonly Int32Array[];
  readonly width: number;
}

/** A fitted scoring model, its calibration, and the validation predictions the cut-offs are searched on. */
export interface FittedScoringModel {
  readonly model: ScoringModel<EnsembleMember>;
  readonly calibration: CalibratorFit;
  /** Labels and calibrated probabilities of label 1 of every validation row (out-of-fold for a cross-fit) of the members that ran. */
  readonly validationLabels: Float32Array;
  readonly validationProbabilities: Float64Array;
  readonly stopped: boolean;
}

/** Options of fitScoringModel: the member trainer, training hooks, and a call as each member starts. */
export interface FitOptions {
  readonly trainMember?: TrainMember;
  readonly hooks?: TrainHooks;
  readonly onMember?: (member: number, members: number) => void;
  /** Seeds the calibrator's choice of method. */
  readonly seed?: number;
}

// Members' seeds are this far apart, so their initial weights, dropout masks and batch orders differ.
const MEMBER_SEED_STRIDE = 10_007;

const plainTrainer: TrainMember = async (build, fit, validation, settings, hooks) => {
  const model = build();
  try {
    return { model, outcome: await trainModel(model, fit, validation, fit.width, settings, hooks) };
  } catch (error) {
    disposeNetwork(model);
    throw error;
  }
};

/**
 * Trains one member per validation fold (a hold-out is one fold; none at all trains one member on
 * every row, unvalidated), each early-stopped on its own fold, removes each member's class-weight
 * prior shift from its logits, and fits the calibrator on the pooled validation logits (chosen by
 * cross-validated log loss). Stop keeps the members trained so far (the one running keeps its best epoch).
 */
export async function fitScoringModel(data: ScoringData, network: NetworkSpec, settings: TrainSettings, options: FitOptions = {}): Promise<FittedScoringModel> {
  const trainMember = options.trainMember ?? plainTrainer;
  const folds = data.validationFolds;
  const count = Math.max(1, folds.length);
  const members: EnsembleMember[] = [];
  const validated: Int32Array[] = [];
  const logitsAt = new Float64Array(data.train.rows);
  let stopped = false;
  try {
    for (let k = 0; k < count && !stopped; k++) {
      options.onMember?.(k + 1, count);
      const fold = folds[k] ?? new Int32Array(0);
      const fit = fold.length === 0 ? data.train : selectEncodedRows(data.train, complementPositions(data.train.rows, fold));
      const validation = selectEncodedRows(data.train, fold);
      const offset = k * MEMBER_SEED_STRIDE;
      const { model, outcome } = await trainMember(
        () => buildNetwork(data.width, { ...network, seed: network.seed + offset }),
        fit,
        validation,
        { ...settings, seed: settings.seed + offset },
        options.hooks ?? {},
      );
      let positives = 0;
      for (const label of fit.y) positives += label;
      const logitShift = settings.classWeights ? classWeightLogitShift(positives, fit.rows - positives) : 0;
      members.push({ network: model, logitShift, outcome });
      if (fold.length > 0) {
        const logits = predictLogits(model, materialise(validation), data.width);
        for (let i = 0; i < fold.length; i++) logitsAt[fold[i]] = logits[i] - logitShift;
        validated.push(fold);
      }
      stopped = outcome.stopped;
    }
  } catch (error) {
    for (const member of members) disposeNetwork(member.network);
    throw error;
  }
  let rows = 0;
  for (const fold of validated) rows += fold.length;
  const validationLabels = new Float32Array(rows);
  const validationLogits = new Float64Array(rows);
  for (let f = 0, at = 0; f < validated.length; f++) {
    for (const position of validated[f]) {
      validationLabels[at] = data.train.y[position];
      validationLogits[at++] = logitsAt[position];
    }
  }
  const calibration = fitCalibrator(validationLogits, validationLabels, options.seed ?? settings.seed);
  return {
    model: { members, calibrator: calibration.calibrator, width: data.width },
    calibration,
    validationLabels,
    validationProbabilities: applyCalibratorToAll(calibration.calibrator, validationLogits),
    stopped,
  };
}

/** The members' mean logit (prior shifts removed) for row-major `x` (rows × width). */
export function predictEnsembleLogits(model: ScoringModel, x: Float32Array): Float64Array {
  const rows = x.length / model.width;
  const mean = new Float64Array(rows);
  for (const member of model.members) {
    const logits = predictLogits(member.network, x, model.width);
    for (let i = 0; i < rows; i++) mean[i] += (logits[i] - member.logitShift) / model.members.length;
  }
  return mean;
}

/** Calibrated probabilities of label 1 for row-major `x` (rows × width). */
export function predictCalibrated(model: ScoringModel, x: Float32Array): Float64Array {
  return applyCalibratorToAll(model.calibrator, predictEnsembleLogits(model, x));
}

/** Frees every member's weights. */
export function disposeScoringModel(model: ScoringModel): void {
  for (const member of model.members) disposeNetwork(member.network);
}
