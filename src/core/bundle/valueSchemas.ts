// Small valibot building blocks shared by the bundle's schemas: the kinds of number JSON carries.

import * as v from 'valibot';

/** Any finite number (JSON has no NaN or Infinity, but a number like 1e999 parses as Infinity). */
export const finite = v.pipe(v.number(), v.finite());

/** A whole number ≥ 0: counts of rows, cells, epochs. */
export const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** A number in [0, 1]: shares, rates, probabilities. */
export const unitInterval = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));

/** A finite number > 0. */
export const positive = v.pipe(v.number(), v.finite(), v.gtValue(0));

/** The decimal mark of the training file. */
export const decimalMark = v.picklist(['.', ',']);

/** True when every value is above the one before it. */
export function strictlyIncreasing(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i] > values[i - 1])) return false;
  return true;
}

/** True when no value occurs twice. */
export function distinct(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}
