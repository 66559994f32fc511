import { describe, expect, it } from 'vitest';
import type { SchemaColumn } from '../../core/bundle/types';
import type { FeatureSpec } from '../../core/features/preprocessor';
import { checkField, fieldMessage } from './fieldChecks';

const income = {
  kind: 'numeric',
  name: 'income',
  fill: 52000,
  range: { min: 0, max: null },
} as unknown as FeatureSpec;
const incomeColumn: SchemaColumn = { name: 'income', kind: 'numeric', trainedMin: 4000, trainedMax: 600000, missingInTraining: 3 };
const home = { kind: 'categorical', name: 'home', fill: 'RENT', levels: ['RENT', 'OWN'] } as unknown as FeatureSpec;

describe('checkField', () => {
  it.each([
    ['52000', { code: 'ok' }, ''],
    ['', { code: 'missing', blocks: false, fill: '52000' }, 'Blank: scored as missing (filled with 52000, as in training).'],
    ['lots', { code: 'not-a-number', blocks: true }, 'Enter a number.'],
    ['-1000', { code: 'outside-possible', blocks: true, min: 0, max: null }, 'Must be at least 0.'],
    ['900000', { code: 'outside-trained', blocks: false, min: 4000, max: 600000 }, 'Outside the trained range (4,000–600,000): scored, but the model has not seen such values.'],
    ['1200', { code: 'outside-trained', blocks: false, min: 4000, max: 600000 }, 'Outside the trained range (4,000–600,000): scored, but the model has not seen such values.'],
  ])('income "%s"', (raw, check, message) => {
    const result = checkField(income, incomeColumn, raw, '.');
    expect(result).toEqual(check);
    expect(fieldMessage(result)).toBe(message);
  });

  it('reads numbers with the training file’s decimal mark', () => {
    expect(checkField(income, incomeColumn, '52000,5', ',')).toEqual({ code: 'ok' });
    expect(checkField(income, incomeColumn, '52000,5', '.').code).toBe('not-a-number');
  });

  it('has nothing to say about a chosen level, and names the fill of a blank one', () => {
    expect(checkField(home, undefined, 'OWN', '.')).toEqual({ code: 'ok' });
    expect(checkField(home, undefined, '', '.')).toEqual({ code: 'missing', blocks: false, fill: 'RENT' });
  });
});
