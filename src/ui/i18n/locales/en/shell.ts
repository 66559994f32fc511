/** The page's frame: header and footer, the step navigation and the empty steps, the skip link, the update prompt, the crash screen. */
export const shell = {
  step: {
    data: 'Data',
    clean: 'Clean',
    train: 'Train',
    evaluate: 'Evaluate',
    decide: 'Decide',
    score: 'Score',
    models: 'Models',
  },
  need: {
    dataset: 'Load a data file first.',
    twoValuedTarget: 'Choose a target column with exactly two values first.',
    model: 'Train a model, or load or import one, first.',
    testResults: 'This model was trained on every row: it has no test results to show.',
  },
  nav: { label: 'Steps' },
  skipLink: 'Skip to content',
  update: {
    ready: 'A new version is ready — ',
    reload: 'Reload',
    later: 'Later',
  },
  crash: {
    message: 'Something went wrong on this page. Your data never left this device.',
    reload: 'Reload CreditLab',
  },
  app: {
    title: 'CreditLab: credit scoring on your device',
    tagline: 'Credit scoring on your device: your data is read, cleaned and modelled in this browser tab and never leaves it.',
    footer: 'CreditLab makes no network requests with your data. Once this page has loaded, reading, training and scoring need no network.',
    heading: {
      data: '2. Your data',
      clean: '3. Clean',
      decide: '6. Cut-off and scorecard',
    },
    loadingPoints: 'Loading the points table…',
    workerStopped: {
      reread: 'The background worker stopped. Your file is being read again and your choices are kept; saved models are untouched. Train again when it is ready.',
      reload: 'The background worker stopped. Saved models are untouched; load the data again.',
    },
    target: {
      none: 'No column has exactly two values; choose the column to predict.',
      distinct_one: '"{{target}}" has {{distinct}} distinct value; the target needs exactly two (for example default / no default).',
      distinct_other: '"{{target}}" has {{distinct}} distinct values; the target needs exactly two (for example default / no default).',
    },
    compared: {
      boosted: 'boosted trees',
      logistic: 'logistic regression',
      mlp: 'MLP (standardised numbers)',
      mlpPle: 'MLP (PLE of numbers)',
      scorecard: 'scorecard',
    },
    trainFirst: 'Train a model first.',
  },
  cutoffNotice: {
    trained: 'New model: the cut-off is back to {{cutoff}}.',
    loaded: 'Loaded model: the cut-off is the one it was saved with, {{cutoff}}.',
  },
} as const;
