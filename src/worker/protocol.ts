import type { CleaningReport } from '../core/clean/cleanTable';
import type { ParseNotes } from '../core/csv/parseCsv';
import type { Preprocessor } from '../core/features/preprocessor';
import type { CreditMetrics } from '../core/metrics/credit';
import type { CutoffEvaluation, KsCutoffEvaluation } from '../core/scoring/cutoff';
import type { PrepareConfig, PrepareTimings } from '../core/pipeline';
import type { ColumnProfile } from '../core/profile/profileTable';
import type { BackendChoice, BackendName } from '../model/backendChoice';
import type { NetworkSpec } from '../model/network';
import type { BatchProgress, EpochReport, TrainSettings } from '../model/train';

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
  readonly trainRows: number;
  readonly validationRows: number;
  readonly testRows: number;
  /** Inputs to the network after one-hot encoding and indicators. */
  readonly width: number;
  readonly preprocessor: Preprocessor;
  readonly timings: PrepareTimings;
}

/** The user's choices for one training run: data preparation, network and loop settings, backend. */
export interface TrainRequest {
  readonly prepare: PrepareConfig;
  readonly network: NetworkSpec;
  readonly settings: TrainSettings;
  /** 'auto' picks the fastest backend for this machine. */
  readonly backend: BackendName | 'auto';
  /** Also run a stratified k-fold cross-validation with these settings (null: no). */
  readonly crossValidationFolds: number | null;
}

/** Chart data of the held-out predictions (plain arrays, ready for recharts). */
export interface EvaluationCharts {
  readonly roc: readonly { readonly fpr: number; readonly tpr: number }[];
  /** Cumulative share of positives and negatives among the riskiest `share` of rows. */
  readonly ks: readonly { readonly share: number; readonly positives: number; readonly negatives: number }[];
  /** Non-empty probability bins: mean predicted against observed positive rate. */
  readonly calibration: readonly { readonly bin: number; readonly predicted: number; readonly observed: number; readonly count: number }[];
  readonly distribution: readonly { readonly from: number; readonly to: number; readonly positives: number; readonly negatives: number }[];
}

/** Held-out metrics next to the base-rate baseline, and chart data. */
export interface HeldOutEvaluation {
  readonly metrics: CreditMetrics;
  readonly baseline: CreditMetrics;
  readonly charts: EvaluationCharts;
}

/** The cut-off planner's table and its two suggested cut-offs. */
export interface CutoffPlan {
  readonly table: readonly CutoffEvaluation[];
  readonly bestProfit: CutoffEvaluation;
  readonly bestKs: KsCutoffEvaluation;
}

/** Mean ± standard deviation of AUC and KS over k stratified folds. */
export interface CrossValidationSummary {
  readonly folds: readonly { readonly fold: number; readonly auc: number; readonly ks: number }[];
  readonly meanAuc: number;
  readonly sdAuc: number;
  readonly meanKs: number;
  readonly sdKs: number;
}

/** One scored applicant: the model's probability, the probability of the bad outcome, points and decision at the model's cut-off. */
export interface ApplicantScore {
  readonly probability: number;
  readonly probabilityOfBad: number;
  readonly points: number;
  readonly cutoff: number;
  readonly approved: boolean;
}

/** Progress messages sent while a run prepares and trains. */
export type TrainEvent =
  | { readonly type: 'prepared'; readonly summary: PreparedSummary }
  | { readonly type: 'backend'; readonly backend: BackendChoice }
  | { readonly type: 'batch'; readonly progress: BatchProgress }
  | { readonly type: 'epoch'; readonly report: EpochReport }
  | { readonly type: 'notice'; readonly message: string }
  | { readonly type: 'fold'; readonly fold: number; readonly folds: number };

/** The result of a finished (or stopped) run, evaluated on the held-out test rows. */
export interface TrainSummary {
  readonly backend: BackendChoice;
  readonly preprocessor: Preprocessor;
  readonly evaluation: HeldOutEvaluation;
  /** True when the positive value is the bad outcome (default); approvals are decided on the probability of bad. */
  readonly positiveIsBad: boolean;
  readonly crossValidation: CrossValidationSummary | null;
  readonly network: NetworkSpec;
  readonly settings: TrainSettings;
  readonly epochsRun: number;
  readonly bestEpoch: number;
  readonly stopped: boolean;
  readonly stoppedEarly: boolean;
  readonly elapsedMs: number;
  readonly samplesPerSecond: number;
  readonly target: string;
  readonly positive: string;
  readonly negative: string;
}
