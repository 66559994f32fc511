// Small valibot building blocks shared by the bundle's schemas: the kinds of number JSON carries.

import * as v from 'valibot';

/** Any finite number (JSON has no NaN or Infinity, but a number like 1e999 parses as Infinity). */
export const finite = v.pipe(v.number(), v.finite());

// Any JavaScript number, NaN and ±Infinity included (valibot's number() refuses NaN).
const anyNumber = v.custom<number>((input) => typeof input === 'number', 'Expected a number.');

/**
 * An audit figure: a number, where a figure that could not be computed (an AUC interval with one
 * bad row, a log loss over no rows) is NaN. canonicalJson writes NaN and ±Infinity as null, so a
 * null reads back as NaN; in memory any number is taken. Scoring never reads one of these.
 */
export const auditFigure = v.pipe(
  v.custom<number | null>((input) => input === null || typeof input === 'number', 'Expected a number (or null for a figure that could not be computed).'),
  v.transform((value): number => value ?? Number.NaN),
);

/** An audit value that is a number or null by its type (null means none, and stays null); a non-finite number in memory is written as null. */
export const auditNumberOrNull = v.nullable(anyNumber);

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
