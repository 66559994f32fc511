// The recharts charts are loaded on demand, out of the first bundle the page parses, and fetched
// while the page is idle, so they are there when a run finishes, network or not.

/** The interactive loss chart's module. */
export const loadInteractiveLossChart = () => import('./train/InteractiveLossChart');

/** The evaluation charts' module (ROC, KS, calibration, score distribution). */
export const loadEvaluationCharts = () => import('./evaluate/EvaluationCharts').then((module) => ({ default: module.EvaluationChartsView }));

/** The characteristics report's panel (bins, WoE, IV and their edits). */
export const loadCharacteristicsPanel = () => import('./characteristics/CharacteristicsPanel').then((module) => ({ default: module.CharacteristicsPanel }));

/** The model comparison's panel. */
export const loadComparePanel = () => import('./compare/ComparePanel').then((module) => ({ default: module.ComparePanel }));

/** A scorecard's points table and selection notes. */
export const loadScorecardPointsTable = () => import('./scorecard/ScorecardPointsTable').then((module) => ({ default: module.ScorecardPointsTable }));

/** Fetches the chart modules and the on-demand sections ahead of need. */
export function prefetchCharts(): void {
  for (const load of [loadCharacteristicsPanel, loadComparePanel, loadScorecardPointsTable])
    void load().catch((error: unknown) => console.warn('Prefetching a section failed', error));
  void loadInteractiveLossChart().catch((error: unknown) => console.warn('Prefetching the loss chart failed', error));
  void loadEvaluationCharts().catch((error: unknown) => console.warn('Prefetching the evaluation charts failed', error));
}
