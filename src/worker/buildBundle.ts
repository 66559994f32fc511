// Assembles the model bundle of a finished run: the schema and cleaning from the preparation, the
// fitted model, the policy, where it came from, its held-out metrics, the training rows'
// reference profile and synthetic reference applicants scored by the model. Plain values only:
// the bundle is what a saved file holds, and what the worker scores with once it is loaded back.
import { quantizationTolerance } from '../core/bundle/quantize';
import { referenceProfile } from '../core/bundle/reference';
import { scoreBins, type ScoreBins } from '../core/drift/psi';
import { fitTypicalValues, type TypicalValues } from '../core/reasons/typicalValues';
import { syntheticApplicants } from '../core/bundle/referenceApplicants';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleModel,
  type BundleSchema,
  type DecisionPolicy,
  type ModelBundle,
  type Provenance,
  type ReferenceApplicant,
  type SchemaColumn,
} from '../core/bundle/types';
import type { CleaningPlan } from '../core/clean/plan';
import { chooseNumericEncoding, type PreparedData } from '../core/pipeline';
import { cutoffTable } from '../core/scoring/cutoff';
import { DEFAULT_POINTS_SCALE } from '../core/scoring/points';
import { getColumn, MISSING_CODE, type Table } from '../core/table';
import type { FileFacts } from './datasets';
import type { BadScores } from './evaluation';
import { outcomeNames } from './preparing';
import type { TrainRequest, TrainSummary } from './protocol';
import { referenceOf, rulesOf, type Scorer } from './scorer';
import { randomId } from './randomId';

/** What the bundle keeps of a run's summary; a TrainSummary is one, and the command line's final fit on every row (no test rows) gives one with no evaluation. */
export type BundleRunSummary = Pick<TrainSummary, 'calibration' | 'members' | 'crossValidation' | 'positiveIsBad' | 'elapsedMs'> & {
  readonly evaluation: TrainSummary['evaluation'] | null;
  readonly backend: { readonly name: string };
};

/** Everything a finished run hands to the bundle. */
export interface BundleRun {
  /** The file as loaded (its table counts the rows and columns read). */
  readonly file: FileFacts;
  readonly table: Table;
  readonly data: PreparedData;
  readonly request: TrainRequest;
  /** The run's summary: its evaluation (null without test rows: a final fit on every row), calibration, members, cross-validation, backend and time. */
  readonly summary: BundleRunSummary;
  readonly model: BundleModel;
  /** What scores with the fitted model now (the training networks, before they are let go). */
  readonly scorer: Scorer;
  /** The held-out test rows (1 = bad, probabilities of bad): the cut-off table's rows. */
  readonly test: BadScores;
  /** The validation (or out-of-fold) rows' probabilities of bad: the reference for the score's drift (absent: no score reference). */
  readonly search?: BadScores;
  readonly appVersion: string;
  readonly createdBy: Provenance['createdBy'];
  readonly createdAt?: Date;
}

// Synthetic applicants checked on every load: enough to cross most of each feature's range.
const REFERENCE_APPLICANTS = 16;

// A probability of bad of 50% or more is declined until the user picks another cut-off.
export const DEFAULT_CUTOFF = 0.5;

/**
 * The run's bundle. The cut-off table is computed with no money attached (profit 0 per good and
 * per bad: a model has no economics of its own); a planner recomputes the profit from its counts.
 * Throws when no synthetic reference applicant can be scored: a bundle must be checkable.
 */
export function buildBundle(run: BundleRun): ModelBundle {
  const { data, request, summary } = run;
  const createdAt = run.createdAt ?? new Date();
  const outcome = outcomeNames(request.prepare);
  const policy: DecisionPolicy = {
    cutoff: DEFAULT_CUTOFF,
    scale: request.model === 'scorecard' ? (request.scorecard?.scale ?? DEFAULT_POINTS_SCALE) : DEFAULT_POINTS_SCALE,
    badValue: outcome.bad,
    positiveIsBad: summary.positiveIsBad,
  };
  const schema: BundleSchema = {
    columns: schemaColumns(data),
    outcome,
    positive: request.prepare.positive,
    negative: request.prepare.negative,
    decimal: data.preprocessor.decimal,
  };
  const { target, positive, negative, features, duplicates, columns } = request.prepare;
  const plan: CleaningPlan = { target, positive, negative, features, duplicates, columns };
  const bundleWithoutReferences: Omit<ModelBundle, 'referenceApplicants'> = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: randomId(),
    name: defaultName(target, request, createdAt),
    schema,
    cleaning: { plan, report: data.report },
    preprocessing: data.preprocessor,
    model: run.model,
    policy,
    provenance: provenanceOf(run, createdAt),
    metrics: {
      test: summary.evaluation,
      calibration: summary.calibration,
      members: summary.members,
      crossValidation: summary.crossValidation,
      cutoffTable: run.test.bad.length > 0 ? cutoffTable(run.test.bad, run.test.pBad, { positiveIsBad: true, profitPerGood: 0, lossPerBad: 0 }, 101) : null,
    },
    reference: {
      ...referenceProfile(data.source, data.trainTableRows, data.preprocessor),
      typical: typicalOf(data, summary.positiveIsBad),
      ...(run.search && run.search.pBad.length > 0 ? { score: scoreReference(run.search.pBad) } : {}),
    },
    referenceTolerance: quantizationTolerance(run.model.kind === 'network' ? run.model.quantization : 'none'),
  };
  return { ...bundleWithoutReferences, referenceApplicants: scoreReferenceApplicants(run.scorer, { ...bundleWithoutReferences, referenceApplicants: [] }) };
}

/**
 * Synthetic applicants (from the trained ranges and levels, never rows of the file) with the
 * probability of bad `scorer` gives each under the bundle's preprocessing and policy scale.
 * Throws when none scores.
 */
export function scoreReferenceApplicants(scorer: Scorer, bundle: ModelBundle): ReferenceApplicant[] {
  const rules = rulesOf(bundle);
  const scored: ReferenceApplicant[] = [];
  for (const record of syntheticApplicants(bundle.preprocessing, REFERENCE_APPLICANTS)) {
    const result = referenceOf(scorer, rules, record, bundle.policy.scale);
    if (result.ok) scored.push(result.data);
    else console.error('A synthetic reference applicant did not score', record, result.reason);
  }
  if (scored.length === 0) throw new Error('No reference applicant could be scored.');
  return scored;
}

/** The input columns in model order, with their trained ranges, levels and missing cells counted on the training rows. */
function schemaColumns(data: PreparedData): SchemaColumn[] {
  const rows = data.trainTableRows;
  return data.preprocessor.features.map((feature): SchemaColumn => {
    const column = getColumn(data.source, feature.name);
    if (feature.kind === 'categorical' || column.kind === 'categorical') {
      let missing = 0;
      if (column.kind === 'categorical') for (const r of rows) missing += column.codes[r] === MISSING_CODE ? 1 : 0;
      else for (const r of rows) missing += Number.isNaN(column.values[r]) ? 1 : 0;
      return { name: feature.name, kind: 'categorical', levels: feature.kind === 'categorical' ? feature.levels : [], missingInTraining: missing };
    }
    let min = Infinity;
    let max = -Infinity;
    let missing = 0;
    for (const r of rows) {
      const v = column.values[r];
      if (Number.isNaN(v)) missing++;
      else {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    const present = missing < rows.length;
    return { name: feature.name, kind: 'numeric', trainedMin: present ? min : null, trainedMax: present ? max : null, missingInTraining: missing };
  });
}

/** Decile bins and 0.1-wide shares of reference probabilities of bad. */
function scoreReference(pBad: ArrayLike<number>): { bins: ScoreBins; histogram: number[] } {
  const histogram = new Array<number>(10).fill(0);
  for (let i = 0; i < pBad.length; i++) histogram[Math.min(9, Math.floor(pBad[i] * 10))] += 1 / pBad.length;
  return { bins: scoreBins(pBad), histogram };
}

/** The training rows' typical answers, overall and of the good rows (label 1 is bad when `positiveIsBad`). */
function typicalOf(data: PreparedData, positiveIsBad: boolean): TypicalValues {
  const good = Uint8Array.from(data.train.y, (y) => ((y === 1) === positiveIsBad ? 0 : 1));
  return fitTypicalValues(data.source, data.trainTableRows, good, data.preprocessor);
}

/** When, by which app, on which file, with which settings the model was trained. */
function provenanceOf(run: BundleRun, createdAt: Date): Provenance {
  const { data, request, summary } = run;
  let validationRows = 0;
  for (const fold of data.validationFolds) validationRows += fold.length;
  const chosen = request.prepare.numericEncoding;
  const isNetwork = run.model.kind === 'network';
  return {
    createdAt: createdAt.toISOString(),
    appVersion: run.appVersion,
    createdBy: run.createdBy,
    seed: request.prepare.seed,
    trainingFile: { ...run.file, rows: run.table.rowCount, columns: run.table.columns.length },
    rows: { kept: data.train.rows + data.test.rows, train: data.train.rows, validation: validationRows, test: data.test.rows },
    settings: {
      testFraction: request.prepare.testFraction,
      validation: data.validation,
      // As the preparation resolved 'auto': by the training rows it fitted on.
      numericEncoding: chosen === undefined || chosen === 'auto' ? chooseNumericEncoding(data.train.rows) : chosen,
      network: isNetwork ? request.network : null,
      train: isNetwork ? request.settings : null,
      backend: summary.backend.name,
    },
    trainingMs: summary.elapsedMs,
  };
}

/** "loan_status MLP 2026-12-02 14:05": the target, the model family and the local time of training. */
export function defaultName(target: string, request: Pick<TrainRequest, 'model' | 'network'>, at: Date): string {
  const family = request.model === 'scorecard' ? 'scorecard' : request.model === 'boosted' ? 'boosted trees' : request.network.kind === 'mlp' ? 'MLP' : 'logistic regression';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${target} ${family} ${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}
