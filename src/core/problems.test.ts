import { describe, expect, it } from 'vitest';
import { ENGLISH, englishOf } from './problems';
import { failBecause, failWith } from './result';

describe('problems', () => {
  it('carry a code and its parameters, with the English words as the reason', () => {
    expect(failWith('batch.missingColumns', { columns: ['income', 'rate'] })).toEqual({
      ok: false,
      reason: 'The file lacks 2 columns the model scores with: income, rate.',
      problem: { code: 'batch.missingColumns', params: { columns: ['income', 'rate'] } },
    });
    expect(failWith('batch.missingColumns', { columns: ['rate'] }).ok).toBe(false);
    expect(englishOf({ code: 'batch.missingColumns', params: { columns: ['rate'] } })).toBe('The file lacks the column the model scores with: rate.');
    expect(englishOf({ code: 'screen.groupRowsDiffer', params: { groupRows: 1200, trainingRows: 32581 } })).toBe(
      'The groups file has 1,200 rows and the training file 32,581; rows are joined by position, so the counts must match.',
    );
    expect(failBecause({ code: 'file.overLimit', params: { gigabytes: 2.2, limitGigabytes: 2 } })).toMatchObject({
      reason: 'This file (2.2 GB) is too large: CreditLab reads files up to 2 GB. Try a smaller extract.',
    });
  });

  it('give the CSV reader’s problems the reader’s own English words', () => {
    expect(failWith('csv.empty', {})).toEqual({ ok: false, reason: 'The file is empty.', problem: { code: 'csv.empty', params: {} } });
    expect(englishOf({ code: 'csv.cancelled', params: {} })).toBe('Loading was cancelled.');
    expect(englishOf({ code: 'csv.oneColumn', params: {} })).toBe('The file has fewer than two columns; is it a CSV?');
    expect(englishOf({ code: 'csv.noRows', params: {} })).toBe('The file has a header but no data rows.');
    expect(englishOf({ code: 'csv.binaryText', params: {} })).toBe('This file is not a CSV text file (it contains binary data).');
    expect(englishOf({ code: 'csv.binarySignature', params: {} })).toBe('This file is not a CSV text file (it looks like a binary file such as an image, PDF or spreadsheet).');
  });

  it('word every code in English without throwing, in a sentence ending with a full stop (or a question mark)', () => {
    for (const [code, words] of Object.entries(ENGLISH)) {
      // Parameters of every shape the catalogue uses; words that quote a detail get it back.
      const params = {
        column: 'c',
        value: 'v',
        fill: 'median',
        min: 2,
        max: 1,
        folds: 5,
        rows: 3,
        columns: ['a'],
        excluded: [{ column: 'a', why: 'constant' }],
        status: 404,
        gigabytes: 3,
        limitGigabytes: 2,
        groupRows: 1,
        trainingRows: 2,
        inGroupsFile: true,
        maximum: 20,
        how: 'loss',
        minimum: 2,
        detail: 'A detail.',
      };
      const text = (words as (p: typeof params) => string)(params);
      expect(text, code).toMatch(/[.)?]$/);
      expect(text, code).not.toContain('undefined');
    }
  });
});
