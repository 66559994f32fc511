// The recharts charts are loaded on demand, out of the first bundle the page parses, and fetched
// while the page is idle, so they are there when a run finishes, network or not.

/** The interactive loss chart's module. */
export const loadInteractiveLossChart = () => import('./train/InteractiveLossChart');

/** The evaluation charts' module (ROC, KS, calibration, score distribution). */
export const loadEvaluationCharts = () => import('./evaluate/EvaluationCharts').then((module) => ({ default: module.EvaluationChartsView }));

/** Fetches both chart modules ahead of need. */
export function prefetchCharts(): void {
  void loadInteractiveLossChart().catch((error: unknown) => console.warn('Prefetching the loss chart failed', error));
  void loadEvaluationCharts().catch((error: unknown) => console.warn('Prefetching the evaluation charts failed', error));
}
