import type { CleaningReport, RangeRule } from '../core/clean/cleanTable';
import type { PrepareConfig } from '../core/pipeline';
import type { ColumnInfo } from '../core/columns/profile';
import type { ParseNotes } from '../core/csv/parseCsv';
import type { Preprocessor } from '../core/features/preprocessor';
import type { BinaryMetrics } from '../core/metrics/binary';
import type { BackendChoice } from '../model/backend';
import type { EpochReport } from '../model/train';

/** What the UI learns about a loaded file: plain values, never the rows themselves. */
export interface DatasetSummary {
  readonly fileName: string;
  readonly rowCount: number;
  readonly columns: readonly ColumnInfo[];
  readonly suggestedTarget: string | null;
  readonly suggestedRangeRules: readonly RangeRule[];
  readonly notes: ParseNotes;
  readonly parseMs: number;
}

/** The user's choices for one training run: data preparation plus network and loop settings. */
export interface TrainRequest extends PrepareConfig {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly hiddenUnits: readonly number[];
}

/** Progress messages sent while a run prepares and trains. */
export type TrainEvent =
  | { readonly type: 'prepared'; readonly report: CleaningReport; readonly trainRows: number; readonly validationRows: number; readonly testRows: number; readonly width: number }
  | { readonly type: 'backend'; readonly backend: BackendChoice }
  | { readonly type: 'epoch'; readonly report: EpochReport };

/** The result of a finished (or stopped) run, evaluated on the held-out test rows. */
export interface TrainSummary {
  readonly report: CleaningReport;
  readonly backend: BackendChoice;
  readonly preprocessor: Preprocessor;
  readonly metrics: BinaryMetrics;
  readonly baseline: BinaryMetrics;
  readonly epochsRun: number;
  readonly stopped: boolean;
  readonly elapsedMs: number;
  readonly target: string;
  readonly positive: string;
  readonly negative: string;
}
