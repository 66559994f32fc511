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

/** Options of fitScoringModel: the member trainers, training hooks, and a call as each member starts. */
export interface FitOptions {
  readonly trainMember?: TrainMember;
  /**
   * More trainers to run members side by side (another worker each): member k goes to the first
   * trainer that is free. Members are independent (own seeds, own rows), so the model is the same
   * whichever trainer ran which member and in what order.
   */
  readonly moreTrainers?: readonly TrainMember[];
  readonly hooks?: TrainHooks;
  /** Hooks for member `member` (1-based), in place of `hooks`: so that progress can say whose it is. */
  readonly memberHooks?: (member: number) => TrainHooks;
  readonly onMember?: (member: number, members: number) => void;
  /** Seeds the calibrator's choice of method. */
  readonly seed?: number;
}

// Members' seeds are this far apart, so their initial weights, dropout masks and batch orders differ.
const MEMBER_SEED_STRIDE = 10_007;

/** Trains a member here with plain trainModel (no backend fallback), freeing its network if training throws. */
export const plainTrainer: TrainMember = async (build, fit, validation, settings, hooks) => {
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
  const folds = data.validationFolds;
  const count = Math.max(1, folds.length);
  const trainers = [options.trainMember ?? plainTrainer, ...(options.moreTrainers ?? [])].slice(0, count);
  const trained: (EnsembleMember | undefined)[] = new Array(count);
  const logitsAt = new Float64Array(data.train.rows);
  let next = 0;
  let stopped = false;
  let failure: { error: unknown } | null = null;

  const trainNext = async (trainMember: TrainMember): Promise<void> => {
    while (!stopped && failure === null && next < count) {
      const k = next++;
      options.onMember?.(k + 1, count);
      const fold = folds[k] ?? new Int32Array(0);
      const fit = fold.length === 0 ? data.train : selectEncodedRows(data.train, complementPositions(data.train.rows, fold));
      const validation = selectEncodedRows(data.train, fold);
      const offset = k * MEMBER_SEED_STRIDE;
      const hooks = options.memberHooks?.(k + 1) ?? options.hooks ?? {};
      // A failure elsewhere stops this member too (at its next batch): its result would be thrown away.
      const stopWith: TrainHooks = { ...hooks, shouldStop: () => failure !== null || (hooks.shouldStop?.() ?? false) };
      const { model, outcome } = await trainMember(
        () => buildNetwork(data.width, { ...network, seed: network.seed + offset }),
        fit,
        validation,
        { ...settings, seed: settings.seed + offset },
        stopWith,
      );
      let positives = 0;
      for (const label of fit.y) positives += label;
      const logitShift = settings.classWeights ? classWeightLogitShift(positives, fit.rows - positives) : 0;
      trained[k] = { network: model, logitShift, outcome };
      if (fold.length > 0) {
        const logits = predictLogits(model, materialise(validation), data.width);
        for (let i = 0; i < fold.length; i++) logitsAt[fold[i]] = logits[i] - logitShift;
      }
      if (outcome.stopped) stopped = true;
    }
  };
  await Promise.all(
    trainers.map((trainer) =>
      trainNext(trainer).catch((error: unknown) => {
        failure ??= { error };
      }),
    ),
  );
  const members = trained.filter((member): member is EnsembleMember => member !== undefined);
  if (failure !== null) {
    for (const member of members) disposeNetwork(member.network);
    throw (failure as { error: unknown }).error;
  }
  // Members in fold order; with Stop, those that ran (a member started beside a stopped one may also have finished).
  const validated = trained.flatMap((member, k) => (member !== undefined && (folds[k]?.length ?? 0) > 0 ? [folds[k]] : []));
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
