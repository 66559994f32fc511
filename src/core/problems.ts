// Every problem the core and the worker report to a person, as a code with the values its words
// need. The core never words a problem for the page: the UI turns a code into the reader's language
// (its i18n resources hold one entry per code) and the command line into English, with ENGLISH
// below, which is also the failed Result's `reason` (what logs and tests read).

/** The parameters of each problem, by code. */
export interface ProblemParams {
  'dataset.gone': Record<string, never>;
  'model.gone': Record<string, never>;
  'file.tooLarge': Record<string, never>;
  'file.overLimit': { readonly gigabytes: number; readonly limitGigabytes: number };
  'file.unreadable': Record<string, never>;
  'csv.cancelled': Record<string, never>;
  'csv.binarySignature': Record<string, never>;
  'csv.binaryText': Record<string, never>;
  'csv.empty': Record<string, never>;
  'csv.oneColumn': Record<string, never>;
  'csv.noRows': Record<string, never>;
  'sample.unavailable': { readonly status: number };
  'preparation.cancelled': Record<string, never>;
  'plan.targetMissing': { readonly column: string };
  'plan.noFeatures': Record<string, never>;
  'plan.targetIsFeature': { readonly column: string };
  'plan.idColumnMissing': { readonly column: string };
  'plan.columnMissing': { readonly column: string };
  'plan.featureTwice': { readonly column: string };
  'plan.noChoices': { readonly column: string };
  'plan.textFill': { readonly column: string; readonly fill: string };
  'plan.textRange': { readonly column: string };
  'plan.textOutliers': { readonly column: string };
  'plan.fillTextEmpty': { readonly column: string };
  'plan.fillNumberEmpty': { readonly column: string };
  'plan.fillNotNumber': { readonly column: string; readonly value: string };
  'plan.rangeNotNumbers': { readonly column: string };
  'plan.rangeInverted': { readonly column: string; readonly min: number; readonly max: number };
  'plan.outlierThreshold': { readonly column: string };
  'target.tooFewOfClass': { readonly column: string; readonly value: string; readonly minimum: number };
  'folds.tooFew': Record<string, never>;
  'folds.rareClass': { readonly folds: number; readonly rows: number };
  'features.noneLeft': { readonly excluded: readonly { readonly column: string; readonly why: 'all-missing' | 'constant' }[] };
  'training.oneOutcome': Record<string, never>;
  'features.stillMissing': { readonly column: string };
  'training.diverged': { readonly how: 'loss' | 'predictions' };
  'training.packagingFailed': Record<string, never>;
  'training.reloadFailed': Record<string, never>;
  'boosted.fitFailed': Record<string, never>;
  'boosted.invalidNumbers': Record<string, never>;
  'scorecard.fitFailed': Record<string, never>;
  'scorecard.notNumber': { readonly value: string; readonly column: string };
  'scorecard.noPoints': { readonly column: string };
  'applicant.notScored': Record<string, never>;
  'applicant.invalidProbability': Record<string, never>;
  'applicant.encodingFailed': { readonly detail: string };
  'policy.approvalRate': Record<string, never>;
  'policy.noCutoffTable': Record<string, never>;
  'policy.economicsNotNumbers': Record<string, never>;
  'policy.cutoffRange': Record<string, never>;
  'policy.scale': Record<string, never>;
  'policy.referenceNotScored': Record<string, never>;
  'batch.missingColumns': { readonly columns: readonly string[] };
  'batch.cancelled': Record<string, never>;
  'batch.gone': Record<string, never>;
  'screen.scorecardImportance': Record<string, never>;
  'importance.needsTestRows': Record<string, never>;
  'screen.needsTestRows': Record<string, never>;
  'screen.groupRowsDiffer': { readonly groupRows: number; readonly trainingRows: number };
  'screen.noColumn': { readonly column: string; readonly inGroupsFile: boolean };
  'screen.tooManyGroups': { readonly column: string; readonly maximum: number };
  'bundle.problem': { readonly detail: string };
}

/** A problem's code. */
export type ProblemCode = keyof ProblemParams;

/** A problem: its code and the values its words need. */
export type Problem = { readonly [C in ProblemCode]: { readonly code: C; readonly params: ProblemParams[C] } }[ProblemCode];

const count = (n: number) => n.toLocaleString('en-US');

/** Each problem in English: the command line's words, and every failed Result's `reason`. */
export const ENGLISH: { readonly [C in ProblemCode]: (p: ProblemParams[C]) => string } = {
  'dataset.gone': () => 'This data set is no longer loaded; load the file again.',
  'model.gone': () => 'This model is no longer loaded; train it or load it again.',
  'file.tooLarge': () => 'This file is too large for this browser to hold in memory. Try a smaller extract.',
  'file.overLimit': (p) => `This file (${p.gigabytes.toFixed(1)} GB) is too large: CreditLab reads files up to ${p.limitGigabytes} GB. Try a smaller extract.`,
  'file.unreadable': () => 'The file could not be read. It may have been moved, or be too large for this browser.',
  'csv.cancelled': () => 'Loading was cancelled.',
  'csv.binarySignature': () => 'This file is not a CSV text file (it looks like a binary file such as an image, PDF or spreadsheet).',
  'csv.binaryText': () => 'This file is not a CSV text file (it contains binary data).',
  'csv.empty': () => 'The file is empty.',
  'csv.oneColumn': () => 'The file has fewer than two columns; is it a CSV?',
  'csv.noRows': () => 'The file has a header but no data rows.',
  'sample.unavailable': (p) => `The sample data could not be loaded (HTTP ${p.status}).`,
  'preparation.cancelled': () => 'Preparing was cancelled.',
  'plan.targetMissing': (p) => `The target column "${p.column}" is not in the data.`,
  'plan.noFeatures': () => 'Choose at least one feature column.',
  'plan.targetIsFeature': (p) => `The target "${p.column}" cannot also be a feature.`,
  'plan.idColumnMissing': (p) => `The ID column "${p.column}" for duplicates is not in the data.`,
  'plan.columnMissing': (p) => `Column "${p.column}" is not in the data.`,
  'plan.featureTwice': (p) => `Column "${p.column}" is chosen twice as a feature.`,
  'plan.noChoices': (p) => `There are no cleaning choices for column "${p.column}".`,
  'plan.textFill': (p) => `"${p.column}" holds text, so its missing values cannot be filled with the ${p.fill}; choose the most frequent value instead.`,
  'plan.textRange': (p) => `"${p.column}" holds text, so it cannot have a range of allowed values.`,
  'plan.textOutliers': (p) => `"${p.column}" holds text, so it cannot have an outlier rule.`,
  'plan.fillTextEmpty': (p) => `Enter the value that fills the missing "${p.column}" cells.`,
  'plan.fillNumberEmpty': (p) => `Enter the number that fills the missing "${p.column}" cells.`,
  'plan.fillNotNumber': (p) => `The fill value "${p.value}" for "${p.column}" is not a number.`,
  'plan.rangeNotNumbers': (p) => `The range for "${p.column}" needs numbers.`,
  'plan.rangeInverted': (p) => `The range for "${p.column}" has its minimum (${p.min}) above its maximum (${p.max}).`,
  'plan.outlierThreshold': (p) => `The outlier threshold for "${p.column}" must be a positive number.`,
  'target.tooFewOfClass': (p) => `After cleaning, "${p.column}" has fewer than ${p.minimum} rows with the value "${p.value}"; a model needs examples of both outcomes.`,
  'folds.tooFew': () => 'Cross-validation needs at least 2 folds.',
  'folds.rareClass': (p) => `Each of the ${p.folds} folds needs both outcomes; there are only ${count(p.rows)} rows of the rarer one.`,
  'features.noneLeft': (p) =>
    `No feature columns are left after cleaning: ${p.excluded.map((e) => `${e.column} (${e.why === 'all-missing' ? 'no values' : 'a single value'})`).join(', ')}. Choose other features.`,
  'training.oneOutcome': () => 'After the outlier rules, the training rows hold only one outcome; loosen the outlier rules.',
  'features.stillMissing': (p) => `Column "${p.column}" still has missing or invalid values after cleaning; choose how to fill it.`,
  'training.diverged': (p) =>
    p.how === 'loss'
      ? 'Training diverged (the loss stopped being a finite number). Try a lower learning rate.'
      : 'Training diverged (the model produced invalid numbers). Try a lower learning rate.',
  'training.packagingFailed': () => 'The trained model could not be packaged for scoring.',
  'training.reloadFailed': () => 'The trained model did not load back from its own bundle; please train again.',
  'boosted.fitFailed': () => 'The boosted trees could not be fitted on these training rows.',
  'boosted.invalidNumbers': () => 'The boosted trees produced invalid numbers.',
  'scorecard.fitFailed': () => 'The scorecard could not be fitted on these training rows.',
  'scorecard.notNumber': (p) => `"${p.value}" is not a number for ${p.column}.`,
  'scorecard.noPoints': (p) => `The scorecard has no points for ${p.column} there.`,
  'applicant.notScored': () => 'The applicant could not be scored.',
  'applicant.invalidProbability': () => 'The model gave no valid probability for this applicant.',
  'applicant.encodingFailed': (p) => p.detail,
  'policy.approvalRate': () => 'The target approval rate must be between 0% and 100%.',
  'policy.noCutoffTable': () => 'This model was saved without test rows, so it has no cut-off table.',
  'policy.economicsNotNumbers': () => 'The profit and loss must be numbers.',
  'policy.cutoffRange': () => 'The cut-off must be between 0 and 1.',
  'policy.scale': () => 'The points scale needs a base score, positive base odds and positive points to double the odds.',
  'policy.referenceNotScored': () => 'The reference applicants could not be scored on this points scale.',
  'batch.missingColumns': (p) => `The file lacks ${p.columns.length === 1 ? 'the column' : `${p.columns.length} columns`} the model scores with: ${p.columns.join(', ')}.`,
  'batch.cancelled': () => 'Scoring the file was cancelled.',
  'batch.gone': () => 'These results are no longer held; score the file again.',
  'screen.scorecardImportance': () => 'A scorecard’s characteristics report shows what each characteristic carries (its IV).',
  'importance.needsTestRows': () => 'Importance needs the test rows of this session: train the model again to see it.',
  'screen.needsTestRows': () => 'The screen needs the test rows of this session: train the model again to see it.',
  'screen.groupRowsDiffer': (p) =>
    `The groups file has ${count(p.groupRows)} rows and the training file ${count(p.trainingRows)}; rows are joined by position, so the counts must match.`,
  'screen.noColumn': (p) => `There is no column "${p.column}" in ${p.inGroupsFile ? 'the groups file' : 'this data set'}.`,
  'screen.tooManyGroups': (p) => `"${p.column}" has more than ${p.maximum} values among the test rows; choose a column of groups (a category).`,
  'bundle.problem': (p) => p.detail,
};

/** A problem in English. */
export function englishOf(problem: Problem): string {
  return (ENGLISH[problem.code] as (p: typeof problem.params) => string)(problem.params);
}
