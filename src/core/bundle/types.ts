// The model bundle: everything that scores an applicant, and everything a validator asks about the
// model, as one plain, versioned, JSON-safe value. Training produces one; scoring, the registry,
// export and import, the model card and the command line consume only this. Nothing in it is
// refitted after training: the preprocessing, calibrator and scorecard are applied as stored.

import type { BoostedForest, BoostingSettings, BoostingStart } from '../boosting/types';
import type { Calibrator } from '../calibration/calibrator';
import type { TypicalValues } from '../reasons/typicalValues';
import type { ScoreBins } from '../drift/psi';
import type { CleaningPlan } from '../clean/plan';
import type { CleaningReport } from '../clean/cleanTable';
import type { DecimalMark } from '../csv/cells';
import type { CalibrationSummary, CrossValidationSummary, HeldOutEvaluation, MemberRun, OutcomeNames } from '../evaluation/types';
import type { ApplicantRecord, NumericEncoding, Preprocessor } from '../features/preprocessor';
import type { ValidationPlan } from '../pipeline';
import type { Scorecard } from '../scorecard/types';
import type { CutoffEvaluation } from '../scoring/cutoff';
import type { PointsScale } from '../scoring/points';
import type { NetworkSpec, TrainSettings } from '../training/specs';

/** The bundle format's name, written in every bundle so that any other JSON is recognised as not one. */
export const BUNDLE_FORMAT = 'creditlab-model-bundle';

/** The current bundle version; older ones are migrated to it step by step (migrate.ts). */
export const BUNDLE_VERSION = 1;

/** One input column as the model expects it: its type, the levels it knows, the range it was trained on. */
export type SchemaColumn =
  | {
      readonly name: string;
      readonly kind: 'numeric';
      /** Smallest and largest present training value (null when training had none). */
      readonly trainedMin: number | null;
      readonly trainedMax: number | null;
      /** Training rows with a missing cell here. */
      readonly missingInTraining: number;
    }
  | {
      readonly name: string;
      readonly kind: 'categorical';
      /** Levels seen in training (an unseen level is scored as none of them). */
      readonly levels: readonly string[];
      readonly missingInTraining: number;
    };

/** What an applicant record must look like: the input columns in model order, and the target's values by meaning. */
export interface BundleSchema {
  readonly columns: readonly SchemaColumn[];
  readonly outcome: OutcomeNames;
  /** The target value that was the model's label 1. */
  readonly positive: string;
  readonly negative: string;
  /** How numbers are written in applicant answers ("1,5" with ','), as in the training file. */
  readonly decimal: DecimalMark;
}

/**
 * The cleaning as chosen and what it did to the training file. The rules that apply at scoring
 * (fills, possible ranges, clip bounds, outlier bounds that flag an applicant) were fitted on the
 * training rows into `preprocessing`, which is what scoring applies; the plan is kept for audit.
 */
export interface BundleCleaning {
  readonly plan: CleaningPlan;
  readonly report: CleaningReport;
}

/** How a weight tensor is stored: plain float32, or quantised as in the tfjs weights manifest (value = q · scale + min for uint8). */
export type WeightQuantization = 'none' | 'float16' | 'uint8';

/** One weight tensor of a tfjs layers model, in the tfjs weights-manifest form (`tf.io.WeightsManifestEntry`). */
export interface WeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32';
  /** Present when quantised: tfjs dequantises on load (uint8: q · scale + min; float16: IEEE half). */
  readonly quantization?: { readonly dtype: 'float16' } | { readonly dtype: 'uint8'; readonly scale: number; readonly min: number };
}

/**
 * One network of the ensemble as a standard TensorFlow.js layers model: the topology JSON of
 * `model.toJSON()` and the weights (concatenated in `weightSpecs` order, base64) that
 * `tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData }))` loads.
 */
export interface NetworkMember {
  readonly modelTopology: Readonly<Record<string, unknown>>;
  readonly weightSpecs: readonly WeightSpec[];
  /** The weight bytes, base64. */
  readonly weightData: string;
  /** ln(w1 / w0) of the class weights it trained with (0 without): subtracted from its logit. */
  readonly logitShift: number;
}

/** A tfjs network ensemble: the members' mean logit (shifts removed) through the calibrator gives the probability of label 1. */
export interface NetworkModel {
  readonly kind: 'network';
  readonly network: NetworkSpec;
  /** Inputs per row (the preprocessing's width). */
  readonly inputWidth: number;
  readonly members: readonly NetworkMember[];
  readonly calibrator: Calibrator;
  /** How the weights are stored (all members alike). */
  readonly quantization: WeightQuantization;
  /** What storing the weights quantised cost against the float32 weights, measured at export (absent when not quantised). */
  readonly quantizationEffect?: QuantizationEffect;
}

/** How far a quantised network's scores moved from the float32 network it was exported from. */
export interface QuantizationEffect {
  /** Largest |Δ probability of bad| over the reference applicants. */
  readonly maxReferenceChange: number;
  /** Test AUC quantised minus float32; null when the exporting session had no test rows for the model (it was loaded from a file). */
  readonly testAucChange: number | null;
  /** Test log loss (nats) quantised minus float32; null as testAucChange. */
  readonly testLogLossChange: number | null;
}

/** A points scorecard: WoE bins and calibrated coefficients, plain JavaScript at scoring. */
export interface ScorecardModel {
  readonly kind: 'scorecard';
  readonly scorecard: Scorecard;
}

/**
 * Gradient-boosted trees on the preprocessing's encoded inputs: the forests' mean logit of label 1
 * through the calibrator. Plain JavaScript at scoring, no tfjs.
 */
export interface BoostedModel {
  readonly kind: 'boosted';
  /** Inputs per row (the preprocessing's width); every split reads one of them. */
  readonly inputWidth: number;
  /** One forest per validation fold (each stopped on its own fold). */
  readonly forests: readonly BoostedForest[];
  readonly calibrator: Calibrator;
  /** Where boosting started (chosen on the validation rows when the settings said 'auto'). */
  readonly start: BoostingStart;
  readonly settings: BoostingSettings;
}

/** The fitted model. */
export type BundleModel = NetworkModel | ScorecardModel | BoostedModel;

/** How scores become decisions: decline at or above the cut-off on the probability of bad; points on a scale. */
export interface DecisionPolicy {
  /** Probability of bad at or above which an applicant is declined, in [0, 1]. */
  readonly cutoff: number;
  readonly scale: PointsScale;
  /** The target value that is the bad outcome (also in schema.outcome). */
  readonly badValue: string;
  /** True when the model's label 1 is the bad outcome. */
  readonly positiveIsBad: boolean;
}

/** Where the model came from: when, by which app, on which file, with which settings. */
export interface Provenance {
  /** ISO 8601 time the model was trained. */
  readonly createdAt: string;
  readonly appVersion: string;
  /** 'app' (trained in the browser) or 'cli' (`npm run evaluate --save`). */
  readonly createdBy: 'app' | 'cli';
  readonly seed: number;
  readonly trainingFile: {
    readonly name: string;
    readonly sizeBytes: number;
    /** SHA-256 of the file's bytes as read, lowercase hex. */
    readonly sha256: string;
    readonly rows: number;
    readonly columns: number;
  };
  readonly rows: {
    /** Rows kept by the cleaning. */
    readonly kept: number;
    /** Rows the model learned from (fit and validation together). */
    readonly train: number;
    /** Validation rows (out-of-fold with an ensemble: every training row once). */
    readonly validation: number;
    /** Held-out test rows the metrics are graded on (0 when trained on every row, as `--save` does). */
    readonly test: number;
  };
  readonly settings: {
    readonly testFraction: number;
    readonly validation: ValidationPlan;
    readonly numericEncoding: NumericEncoding;
    /** Network runs only. */
    readonly network: NetworkSpec | null;
    readonly train: TrainSettings | null;
    /** Backend the network trained on ('cpu' for a scorecard: plain JavaScript). */
    readonly backend: string;
  };
  /** Wall time of the training run. */
  readonly trainingMs: number;
}

/** The held-out evaluation and how the model was calibrated and validated. */
export interface BundleMetrics {
  /** On the held-out test rows; null when the model was trained on every row (then see crossValidation). */
  readonly test: HeldOutEvaluation | null;
  readonly calibration: CalibrationSummary;
  readonly members: readonly MemberRun[];
  readonly crossValidation: CrossValidationSummary | null;
  /** The cut-off planner's table on the test rows (101 steps of the probability of bad), so a loaded model shows it without its data; null without test rows. */
  readonly cutoffTable: readonly CutoffEvaluation[] | null;
}

/** One bin of a feature's reference profile: its share of training rows (numeric bins are [lower, upper); the missing bin has neither). */
export interface ReferenceBin {
  readonly label: string;
  readonly share: number;
  readonly lower?: number;
  readonly upper?: number;
  readonly levels?: readonly string[];
  readonly missing?: boolean;
}

/** The training rows' distribution per input column, for drift checks on new applicants (population stability). */
export interface ReferenceProfile {
  readonly rows: number;
  /** Each input column's training median or mode, overall (the reference applicant reasons start from) and of the good rows (what reasons compare with); absent in bundles made before reasons. */
  readonly typical?: TypicalValues;
  /**
   * The model's probabilities of bad on its validation (or out-of-fold) rows, which it never trained
   * on: decile bins for the score's drift, and shares in ten bins of 0.1 for the batch summary's chart.
   * Absent when the run had no validation rows, and in bundles made before batch scoring.
   */
  readonly score?: { readonly bins: ScoreBins; readonly histogram: readonly number[] };
  readonly features: readonly { readonly column: string; readonly kind: 'numeric' | 'categorical'; readonly bins: readonly ReferenceBin[] }[];
}

/**
 * Synthetic applicants (built from the trained ranges and levels, never rows of the file: a shared
 * model carries no one's data) and the probability of bad the model gave each when it was saved.
 * Import scores them again: a changed weight or rule shows as a different probability.
 */
export interface ReferenceApplicant {
  readonly record: ApplicantRecord;
  readonly probabilityOfBad: number;
  /**
   * Network models: the ensemble's mean logit of label 1 before calibration (prior shifts removed).
   * An isotonic calibrator is a step function, so a changed weight can leave the probability on the
   * same step; the logit moves with any change.
   */
  readonly logit?: number;
}

/** The model bundle, version 1. */
export interface ModelBundle {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: typeof BUNDLE_VERSION;
  /** Random id given at training; the registry keys saved models by their own ids. */
  readonly id: string;
  readonly name: string;
  readonly schema: BundleSchema;
  readonly cleaning: BundleCleaning;
  readonly preprocessing: Preprocessor;
  readonly model: BundleModel;
  readonly policy: DecisionPolicy;
  readonly provenance: Provenance;
  readonly metrics: BundleMetrics;
  readonly reference: ReferenceProfile;
  readonly referenceApplicants: readonly ReferenceApplicant[];
  /** Largest |Δ probability| accepted when the reference applicants are scored again: depends on the quantisation. */
  readonly referenceTolerance: number;
}
