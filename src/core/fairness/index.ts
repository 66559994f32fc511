/** A fair-lending screen: approval-rate ratios by group (the four-fifths rule) with Fisher's exact test. */
export { adverseImpact, FOUR_FIFTHS_THRESHOLD, type AdverseImpact, type GroupDecisions, type GroupImpact } from './adverseImpact';
export { FISHER_RELATIVE_TOLERANCE, fisherExactTwoSided, hypergeometricLogPmf, stirlingError } from './fisherExact';
