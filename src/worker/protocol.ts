import type { CleaningReport } from '../core/clean/cleanTable';
import type { ParseNotes } from '../core/csv/parseCsv';
import type { Preprocessor } from '../core/features/preprocessor';
import type { CutoffEvaluation } from '../core/scoring/cutoff';
import type { OutsideTrainedRange } from '../core/features/preprocessor';
import type { ValidationPlan } from '../core/pipeline';
import type { Binning, IvStrength } from '../core/binning/types';
import type { Scorecard } from '../core/scorecard/types';
import type { PointsScale } from '../core/scoring/points';
import type { PrepareConfig, PrepareTimings } from '../core/pipeline';
import type { CalibrationSummary, CrossValidationSummary, HeldOutEvaluation, MemberRun, OutcomeNames } from '../core/evaluation/types';
import type { ColumnProfile } from '../core/profile/profileTable';
import type { ModelBundle, QuantizationEffect, WeightQuantization } from '../core/bundle/types';
import type { BackendChoice, BackendName } from '../model/backendChoice';
import type { NetworkSpec } from '../model/network';
import type { BatchProgress, EpochReport, TrainSettings } from '../model/train';
import type { Reason, ReasonBasis } from '../core/reasons/reasons';
import type { Problem } from '../core/problems';

export type { CalibrationSummary, CrossValidationSummary, EvaluationCharts, HeldOutEvaluation, MemberRun, OutcomeNames } from '../core/evaluation/types';

/** A data set held by the worker, named by the id the worker gave it when it was loaded. */
export type DatasetId = string & { readonly __brand: 'DatasetId' };

/** A model held by the worker (trained here or loaded from a bundle), named by the id the worker gave it. */
export type ModelId = string & { readonly __brand: 'ModelId' };

/** A long call (load, train, compare), named by the caller so that `cancel(jobId)` can stop it. */
export type JobId = string & { readonly __brand: 'JobId' };

/** A file loaded into the worker: its id there, and what the UI shows of it. */
export interface LoadedDataset {
  readonly datasetId: DatasetId;
  readonly summary: DatasetSummary;
}

/** A model trained in this session: its id in the worker, the run's summary, and the bundle a saved file holds. */
export interface TrainedModel {
  readonly modelId: ModelId;
  readonly summary: TrainSummary;
  /**
   * The bundle as the page reads it (name, kind, schema, policy). Boosted trees come without their
   * forests, which stay in the worker: a few hundred thousand numbers copied into the page took one
   * long main-thread task. Saving and exporting ask the worker for the whole bundle (bundleOf).
   */
  readonly bundle: ModelBundle;
}

/** A bundle loaded into the worker: its id there, and its run's summary (null when the bundle holds no held-out evaluation to show). */
export interface LoadedBundle {
  readonly modelId: ModelId;
  readonly summary: TrainSummary | null;
}

/** A model file read into the worker: its id there, its run's summary (null without a held-out evaluation), and the bundle it holds. */
export interface ImportedModel {
  readonly modelId: ModelId;
  readonly summary: TrainSummary | null;
  readonly bundle: ModelBundle;
}

/**
 * What exporting with one weight encoding gives: the plain file's size in bytes, and how far the
 * scores move from the float32 model (test figures null when this session has no test rows for the
 * model, as for one loaded from a file). For weights already stored quantised these are the figures
 * the bundle recorded when it was exported (maxReferenceChange NaN if it recorded none).
 */
export interface QuantizationOption extends QuantizationEffect {
  readonly bytes: number;
}

/** Per weight encoding, what exporting with it gives, or null where it does not apply (a scorecard has no weights: 'none' only). */
export type QuantizationPreview = Readonly<Record<WeightQuantization, QuantizationOption | null>>;

/** How to export a model: the weight encoding, a passphrase to encrypt the file with (not empty), and a name for the bundle and its file (the bundle's by default). */
export interface ExportRequest {
  readonly quantization: WeightQuantization;
  readonly passphrase?: string;
  readonly name?: string;
}

/** An exported model file: its bytes, a safe file name (NAME.creditlab.json), and the bundle it holds. */
export interface ExportedModel {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly bundle: ModelBundle;
}

/** A model card as a self-contained HTML document, and a safe file name for it (NAME.model-card.html). */
export interface ModelCardFile {
  readonly html: string;
  readonly fileName: string;
}

/** How a model turns scores into decisions, as the user sets it: the cut-off on the probability of bad and the points scale. */
export interface ModelPolicy {
  readonly cutoff: number;
  readonly scale: PointsScale;
}

/** What the UI learns about a loaded file: plain values, never the rows themselves. */
export interface DatasetSummary {
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly rowCount: number;
  readonly columns: readonly ColumnProfile[];
  readonly suggestedTarget: string | null;
  readonly notes: ParseNotes;
  readonly parseMs: number;
  readonly profileMs: number;
}

/** The outcome of cleaning and preparing with the current plan, shown before training. */
export interface PreparedSummary {
  readonly report: CleaningReport;
  readonly removedRows: number;
  /** Training rows (every row the model may learn from: fit and validation together). */
  readonly trainRows: number;
  /** Rows of the bad outcome among the training rows: class-weight defaults follow these, never the test rows. */
  readonly trainBadRows: number;
  /** Rows whose predictions early stopping, the calibrator and the suggested cut-offs use (out-of-fold: every training row once). */
  readonly validationRows: number;
  /** How validation rows are chosen: one held-out share, or k folds of the training rows (an ensemble of k members). */
  readonly validation: ValidationPlan;
  readonly testRows: number;
  /** The target's values by meaning. */
  readonly outcome: OutcomeNames;
  /** Inputs to the network after one-hot encoding and indicators. */
  readonly width: number;
  readonly preprocessor: Preprocessor;
  readonly timings: PrepareTimings;
}

/** Which kind of model a run fits: a tfjs network (logistic regression or an MLP), a points scorecard on WoE bins, or gradient-boosted trees (both plain JavaScript, no tfjs). */
export type ModelFamily = 'network' | 'scorecard' | 'boosted';

/** A scorecard run's inputs beyond the preparation: bins the user edited in the characteristics report, and the points scale for its test figures. */
export interface ScorecardRequest {
  /** Edited bins, one per characteristic at most; the others are binned afresh on the training rows. */
  readonly binningOverrides: readonly Binning[];
  /** The scale the points (integer per bin) and so the test probabilities are computed on. */
  readonly scale: PointsScale;
}

/** The user's choices for one training run: data preparation, model family, network and loop settings, backend. */
export interface TrainRequest {
  readonly prepare: PrepareConfig;
  /** 'network' when absent: the tfjs network described by `network`. */
  readonly model?: ModelFamily;
  /** Scorecard runs only. */
  readonly scorecard?: ScorecardRequest;
  readonly network: NetworkSpec;
  readonly settings: TrainSettings;
  /** 'auto' picks the fastest backend for this machine. */
  readonly backend: BackendName | 'auto';
  /** Also run a stratified k-fold cross-validation with these settings (null: no). */
  readonly crossValidationFolds: number | null;
}

/** Where a figure comes from: the held-out test rows, or the rows that chose a cut-off. */
export type RowSource = 'test' | 'validation' | 'out-of-fold';

/** Which rule chose a suggested cut-off. */
export type CutoffRule = 'max-profit' | 'max-ks' | 'approval-rate';

/** A cut-off searched on validation (or out-of-fold) rows and then graded on the test rows it never saw. */
export interface CutoffSuggestion {
  readonly rule: CutoffRule;
  readonly cutoff: number;
  readonly searchedOn: { readonly source: Exclude<RowSource, 'test'>; readonly rows: number };
  /** What the cut-off achieves on the rows it was searched on. */
  readonly onSearchRows: CutoffEvaluation;
  /** What it achieves on the test rows: the figure to trust. */
  readonly onTest: CutoffEvaluation;
  /** KS on the search rows (max-ks only). */
  readonly ks?: number;
}

/**
 * The cut-off planner: the slider's table on the test rows (101 steps, 0..1, on the probability of
 * bad; precision and recall are of declining bad loans), and the three suggestions.
 */
export interface CutoffPlan {
  readonly table: readonly CutoffEvaluation[];
  readonly suggestions: readonly CutoffSuggestion[];
  /**
   * False when the model has no rows to search cut-offs on (a model loaded from a bundle carries
   * only its test table, or a run without validation rows): `suggestions` is then empty.
   */
  readonly searchable: boolean;
}

/**
 * One scored applicant: the calibrated probability of the bad outcome, and the columns whose value
 * lies outside the range the model was trained on (a "drop" outlier rule's fitted bounds). Points
 * and the decision follow from the probability with the current scale and cut-off (the UI derives
 * them, so they are never stale).
 */
export interface ApplicantScore {
  readonly probabilityOfBad: number;
  /** Scorecard models: the bin of each characteristic the applicant falls into (−1 = the missing bin), whose points add up to the score. */
  readonly scorecardBins?: readonly ApplicantBin[];
  readonly outsideTrainedRange: readonly OutsideTrainedRange[];
  /** Up to four reasons that pushed the risk up, largest first (absent for a model saved before reasons). */
  readonly reasons?: readonly Reason[];
  /** How the reasons were computed. */
  readonly reasonBasis?: ReasonBasis;
}

/** The bin one characteristic of an applicant falls into. */
export interface ApplicantBin {
  readonly characteristic: string;
  /** Index into the characteristic's bins (groups for text), −1 for the missing bin. */
  readonly binIndex: number;
}

/** A fitted scorecard as the UI needs it: the model itself (plain JSON; points tables follow from it and a scale) and how it was fitted. */
export interface ScorecardRun {
  readonly scorecard: Scorecard;
  /** The scale the test figures were computed on (integer points per bin). */
  readonly scale: PointsScale;
  /** Characteristics whose bins came from the user's edits. */
  readonly editedCharacteristics: readonly string[];
  /** Where the cut-off suggestions were searched: out-of-fold predictions when the fit exposes them, else none. */
  readonly search: { readonly source: 'out-of-fold' | 'validation'; readonly rows: number } | null;
}

/** A notice of a run as a code and its values: a backend failed and training carried on elsewhere; cross-validation did not run, or stopped at a fold (its failure's English reason and problem). */
export type TrainNotice =
  | { readonly code: 'backend.fellBack'; readonly failed: BackendName; readonly backend: BackendName; readonly epoch: number }
  | { readonly code: 'crossValidation.notRun'; readonly reason: string; readonly problem?: Problem }
  | { readonly code: 'crossValidation.stopped'; readonly fold: number; readonly reason: string; readonly problem?: Problem };

/** Progress messages sent while a run prepares and trains. */
export type TrainEvent =
  | { readonly type: 'prepared'; readonly summary: PreparedSummary }
  | { readonly type: 'backend'; readonly backend: BackendChoice }
  /** Progress within an epoch of member `member` (1-based; 1 without an ensemble). */
  | { readonly type: 'batch'; readonly progress: BatchProgress; readonly member?: number }
  /** An epoch of member `member` finished. */
  | { readonly type: 'epoch'; readonly report: EpochReport; readonly member?: number }
  /** A new ensemble member starts training (1-based), `sideBySide` members at a time; the live chart follows the newest. */
  | { readonly type: 'member'; readonly member: number; readonly members: number; readonly sideBySide?: number }
  /** Something the run did that the user should know of: `message` in English (the CLI's), `notice` as a code with values for the UI to word (absent from older senders). */
  | { readonly type: 'notice'; readonly message: string; readonly notice?: TrainNotice }
  | { readonly type: 'fold'; readonly fold: number; readonly folds: number };

/** The result of a finished (or stopped) run, evaluated on the held-out test rows. */
export interface TrainSummary {
  /** 'network' for tfjs models; 'scorecard' has `scorecard` set and no tfjs backend (backend then names plain JavaScript on the CPU). */
  readonly model: ModelFamily;
  readonly scorecard: ScorecardRun | null;
  readonly backend: BackendChoice;
  readonly preprocessor: Preprocessor;
  readonly evaluation: HeldOutEvaluation;
  /** True when the positive value is the bad outcome (default); approvals are decided on the probability of bad. */
  readonly positiveIsBad: boolean;
  readonly outcome: OutcomeNames;
  readonly calibration: CalibrationSummary;
  readonly validation: ValidationPlan;
  /** One entry per ensemble member, in training order. */
  readonly members: readonly MemberRun[];
  /** The cut-off the model starts with (probability of bad at or above it is declined). */
  readonly defaultCutoff: number;
  readonly crossValidation: CrossValidationSummary | null;
  readonly network: NetworkSpec;
  readonly settings: TrainSettings;
  /** Epochs run, summed over members. */
  readonly epochsRun: number;
  /** The last member's kept epoch. */
  readonly bestEpoch: number;
  readonly stopped: boolean;
  readonly stoppedEarly: boolean;
  /** Wall time of the whole run: every member, its validation predictions and the calibration. */
  readonly elapsedMs: number;
  /** Speed of the training loops alone (samples seen over the members' own training time). */
  readonly samplesPerSecond: number;
  readonly target: string;
  readonly positive: string;
  readonly negative: string;
}

/** One bin of a characteristic, with its label ("[25, 32)", "RENT, OTHER", "missing"), counts and evidence (WoE = ln(%good / %bad)). */
export interface CharacteristicBin {
  /** Index into the binning's bins (groups for text), −1 for the missing bin. */
  readonly index: number;
  readonly label: string;
  readonly count: number;
  /** count / training rows. */
  readonly share: number;
  readonly goods: number;
  readonly bads: number;
  readonly badRate: number;
  readonly woe: number;
  /** This bin's part of the characteristic's information value. */
  readonly iv: number;
}

/** How one feature bins on the training rows: its bins (the missing bin last, when it holds rows) and total IV with its reading. */
export interface CharacteristicReport {
  readonly column: string;
  readonly kind: 'numeric' | 'categorical';
  /** The binning value itself: pass it back to edit it, or to a scorecard run as an override. */
  readonly binning: Binning;
  readonly bins: readonly CharacteristicBin[];
  readonly iv: number;
  readonly strength: IvStrength;
  /** True when the user merged or split bins since the fit. */
  readonly edited: boolean;
}

/** Every feature binned on the training rows of the current preparation (never the test rows), ranked by IV, highest first. */
export interface CharacteristicsReport {
  readonly trainRows: number;
  readonly goods: number;
  readonly bads: number;
  readonly features: readonly CharacteristicReport[];
  readonly elapsedMs: number;
}

/** An edit of one characteristic's bins. */
export type BinEdit =
  /** Merge numeric bin `index` with the one above it, or text groups `index` and `other`. */
  | { readonly type: 'merge'; readonly index: number; readonly other: number }
  /** Split the numeric bin holding `at` into [lower, at) and [at, upper). */
  | { readonly type: 'split'; readonly at: number };

/** Why an edit of bins was refused (the UI words it). */
export type BinEditProblem = 'not-adjacent' | 'split-not-numeric' | 'split-at-edge' | 'split-not-finite' | 'split-empty-side' | 'unknown-column' | 'not-prepared';

/** An edit's outcome: the characteristic re-counted on the training rows, or why not. */
export type BinEditResult = { readonly ok: true; readonly data: CharacteristicReport } | { readonly ok: false; readonly problem: BinEditProblem };

/** One model of a comparison: a key the UI names it by ('logistic', 'mlp', 'mlp-ple', 'scorecard') and its run. */
export interface CompareEntry {
  readonly key: string;
  readonly request: TrainRequest;
}

/** A compared model's result (the model stays loaded in the worker until released), or why it did not train. */
export type CompareOutcome =
  | { readonly key: string; readonly ok: true; readonly modelId: ModelId; readonly summary: TrainSummary; readonly bundle: ModelBundle }
  | { readonly key: string; readonly ok: false; readonly reason: string };
