/** Drift of new applicants against the training rows: population stability of scores and of each input column. */
export {
  driftReading,
  populationStability,
  PSI_SHIFTED,
  PSI_SMOOTHING,
  PSI_WATCH,
  scoreBins,
  scoreDrift,
  type DriftReading,
  type PsiBin,
  type PsiResult,
  type ScoreBins,
} from './psi';
export { featureDrift, type DriftProblem, type FeatureDrift, type FeatureDriftBin, type FeatureDriftReport } from './featureDrift';
