/** The binning engine: fine and coarse classing, WoE and IV, applying and editing fitted bins. */
export type { BinStats, Binning, BinningOptions, CategoricalBinning, IvStrength, MonotoneTrend, NumericBinning } from './types';
export { DEFAULT_BINNING_OPTIONS, resolveBinningOptions } from './options';
export { binStats, ivStrength } from './stats';
export { fitNumericBinning } from './fitNumeric';
export { fitCategoricalBinning } from './fitCategorical';
export { fitColumnBinning } from './fitColumn';
export { binWoe, categoricalBinIndex, numericBinIndex, woeOfRows, woeOfValue } from './apply';
export { mergeCategoricalGroups, mergeNumericBins, rebinNumeric, splitNumericBin } from './edit';
export { binLabel } from './label';
