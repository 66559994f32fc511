/** The step navigation and the empty steps. */
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
} as const;
