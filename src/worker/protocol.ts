import type { CleaningReport } from '../core/clean/cleanTable';
import type { ParseNotes } from '../core/csv/parseCsv';
import type { Preprocessor } from '../core/features/preprocessor';
import type { BinaryMetrics } from '../core/metrics/binary';
import type { PrepareConfig, PrepareTimings } from '../core/pipeline';
import type { ColumnProfile } from '../core/profile/profileTable';
import type { BackendChoice, BackendName } from '../model/backend';
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
}

/** Progress messages sent while a run prepares and trains. */
export type TrainEvent =
  | { readonly type: 'prepared'; readonly summary: PreparedSummary }
  | { readonly type: 'backend'; readonly backend: BackendChoice }
  | { readonly type: 'batch'; readonly progress: BatchProgress }
  | { readonly type: 'epoch'; readonly report: EpochReport }
  | { readonly type: 'notice'; readonly message: string };

/** The result of a finished (or stopped) run, evaluated on the held-out test rows. */
export interface TrainSummary {
  readonly backend: BackendChoice;
  readonly preprocessor: Preprocessor;
  readonly metrics: BinaryMetrics;
  readonly baseline: BinaryMetrics;
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
