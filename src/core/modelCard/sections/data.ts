// Evaluation data and training data: which rows graded the model, which trained it, and every count
// the cleaning produced on the way (nothing disappears silently).

import type { ModelBundle } from '../../bundle/types';
import type { CleaningStepKind, ExclusionReason } from '../../clean/cleanTable';
import { badText, goodText, missingStrategyText, validationPlanText } from '../describe';
import { count, NOT_AVAILABLE, percent, plain } from '../format';
import { html, type Html } from '../html';
import { paragraph, section, subheading } from '../section';
import { dataTable, factTable } from '../tables';

const STEP_WORDS: Readonly<Record<CleaningStepKind, string>> = {
  duplicates: 'duplicate rows',
  'no-label': 'rows without a target value',
  'out-of-range': 'impossible values (range rule)',
  'missing-value': "missing values ('drop row')",
  outlier: 'outliers (bounds fitted on the training rows)',
};

const EXCLUSION_WORDS: Readonly<Record<ExclusionReason, string>> = { 'all-missing': 'no values', constant: 'a single value' };

/** Bad and good counts of the cleaned rows, whichever target value is the model's label 1. */
function outcomeCounts(bundle: ModelBundle): { bads: number; goods: number } {
  const r = bundle.cleaning.report;
  return bundle.policy.positiveIsBad ? { bads: r.positives, goods: r.negatives } : { bads: r.negatives, goods: r.positives };
}

/** The held-out test rows: how many, how chosen, their bad rate. */
export function evaluationDataSection(bundle: ModelBundle): Html {
  const p = bundle.provenance;
  const test = bundle.metrics.test;
  if (test === null || p.rows.test === 0) {
    return section('evaluation-data', paragraph('No held-out test rows: this model was trained on every row of the file, so no rows of it were kept back to grade it.'));
  }
  const outside = bundle.cleaning.report.steps.filter((s) => s.step === 'outlier' && (s.testRowsOutside ?? 0) > 0);
  const facts: [string, string][] = [
    ['Test rows', count(p.rows.test)],
    [
      'Share of the kept rows',
      `${percent(p.settings.testFraction)} asked for; ${percent(p.rows.kept > 0 ? p.rows.test / p.rows.kept : Number.NaN)} of the ${count(p.rows.kept)} kept rows`,
    ],
    ['How chosen', `a stratified random split of the kept rows (seed ${plain(p.seed)}): the same bad rate on both sides`],
    ['Observed bad rate', percent(test.observedBadRate)],
  ];
  return section(
    'evaluation-data',
    html`${paragraph('The metrics and charts are of held-out rows of the training file: the same population, period and cleaning as the training rows, not an out-of-time sample.')}${factTable('Evaluation data', facts)}${
      outside.length === 0
        ? null
        : dataTable(
            'Test rows outside outlier bounds (kept, scored and flagged)',
            [{ label: 'Column' }, { label: 'Rule' }, { label: 'Test rows', align: 'number' }],
            outside.map((s) => [s.column ?? 'whole row', s.rule, count(s.testRowsOutside ?? 0)]),
          )
    }`,
  );
}

/** The file, the row counts of each part, and the cleaning report. */
export function trainingDataSection(bundle: ModelBundle): Html {
  const p = bundle.provenance;
  const report = bundle.cleaning.report;
  const { bads, goods } = outcomeCounts(bundle);
  const rows = factTable('Rows', [
    ['Rows in the file', count(p.trainingFile.rows)],
    ['Kept by the cleaning', count(p.rows.kept)],
    ['Training rows (fit and validation)', count(p.rows.train)],
    ['Validation rows', count(p.rows.validation)],
    ['Held-out test rows', count(p.rows.test)],
    ['Validation', validationPlanText(p.settings.validation)],
  ]);
  const cleaning = factTable('Cleaning', [
    ['Rows before cleaning', count(report.rowsBefore)],
    ['Rows after the row rules', count(report.rowsAfter)],
    [`Of these ${badText(bundle)}`, count(bads)],
    [`Of these ${goodText(bundle)}`, count(goods)],
  ]);
  const steps = dataTable(
    'Rows removed, by reason (each row counted once, under the first rule that removed it)',
    [{ label: 'Reason' }, { label: 'Column' }, { label: 'Rule' }, { label: 'Rows removed', align: 'number' }],
    report.steps.map((s) => [STEP_WORDS[s.step], s.column ?? 'whole row', s.rule, count(s.rows)]),
  );
  const missing =
    report.missing.length === 0
      ? paragraph('No feature had missing cells to fill.')
      : dataTable(
          'Missing cells in the training rows and how they are filled',
          [{ label: 'Feature' }, { label: 'Missing cells', align: 'number' }, { label: 'Strategy' }, { label: 'Filled by' }],
          report.missing.map((m) => [m.column, count(m.missing), missingStrategyText(m.strategy), m.filledBy]),
        );
  const clippedCells = (column: string): string => {
    const f = bundle.preprocessing.features.find((x) => x.name === column);
    return f !== undefined && f.kind === 'numeric' && f.clip !== null ? count(f.clip.trainingCellsClipped) : NOT_AVAILABLE;
  };
  const clipped =
    report.clipped.length === 0
      ? paragraph('No feature has its outliers clipped.')
      : dataTable(
          'Features clipped to bounds fitted on the training rows',
          [{ label: 'Feature' }, { label: 'Rule' }, { label: 'Training cells clipped', align: 'number' }],
          report.clipped.map((c) => [c.column, c.rule, clippedCells(c.column)]),
        );
  const excluded =
    report.excludedFeatures.length === 0
      ? paragraph('No chosen feature was excluded.')
      : dataTable(
          'Chosen features excluded from the model',
          [{ label: 'Feature' }, { label: 'Reason' }, { label: 'Note' }],
          report.excludedFeatures.map((e) => [e.column, EXCLUSION_WORDS[e.reason], e.note]),
        );
  return section(
    'training-data',
    html`${paragraph(`The training file “${p.trainingFile.name}”, cleaned as below; everything fitted (fills, bounds, scaling, bins) was fitted on the training rows only.`)}${rows}${subheading(
      'Cleaning report',
    )}${cleaning}${steps}${missing}${clipped}${excluded}${paragraph(`Features that go on to the model: ${report.features.length === 0 ? 'none' : report.features.join(', ')}.`)}`,
  );
}
