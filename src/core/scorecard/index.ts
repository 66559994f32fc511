/** The scorecard model: characteristic selection, logistic regression on WoE, additive calibration and points. */
export type { Scorecard, ScorecardCalibration, ScorecardCalibrationReason, ScorecardCharacteristic, ScorecardRegression, ScorecardSelection, SelectionNote } from './types';
export { SCORECARD_VERSION } from './types';
export { fitLogisticRegression, MAX_NEWTON_ITERATIONS, type LogisticRegressionFit, type LogisticRegressionOptions } from './logisticRegression';
export { pearsonCorrelation } from './correlation';
export { DEFAULT_MAX_CORRELATION, DEFAULT_MIN_IV, selectCharacteristics, type SelectionCandidate } from './selection';
export { chooseAdditiveCalibration } from './additiveCalibration';
export { DEFAULT_SCORECARD_L2, fitScorecard, type FitScorecardOptions } from './fitScorecard';
export { scorecardLogitOfRecord, scorecardLogitOfRows, type ScorecardTerms } from './scorecardLogit';
export { scoreOfRecord, scoreOfRows, scorecardPoints, scorecardProbabilityOfRecord, scorecardProbabilityOfRows, type PointsRow, type PointsTable } from './scorecardPoints';
export { pointsTableCsv } from './pointsCsv';
