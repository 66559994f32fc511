import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../core/bundle/canonical';
import { SCORECARD_BUNDLE } from '../../test/fixtures/bundles';
import { isJsonPrefix } from './jsonPrefix';

describe('isJsonPrefix', () => {
  it('is true for JSON that ends inside a value or with containers open', () => {
    const cut = [
      '{',
      '[',
      '  [',
      '{"a',
      '{"a"',
      '{"a":',
      '{"a":1',
      '{"a":1,',
      '[1,2',
      '[tr',
      '[nul',
      '"abc',
      '"ab\\',
      '"\\u00',
      '[-',
      '[1.',
      '[1e',
      '[1E+',
      '{"a":[{"b":null}',
      '[[[[',
      '{"k":"v"  ',
    ];
    for (const text of cut) expect(isJsonPrefix(text), text).toBe(true);
  });

  it('is false for empty text, complete JSON and text with an error before its end', () => {
    const notCut = [
      '',
      '   ',
      '{}',
      '[]',
      '1',
      '12',
      '-0.5e3',
      'true',
      '"done"',
      '{"a":1}}',
      '{"a";1',
      '[1,]',
      '[01',
      '{1:2}',
      '"\u0001"',
      'nul!',
      '[1 2',
      'tru e',
      '{"a":1]',
      '[1}',
      '"\\x"',
      '"\\u12G4"',
      '{"a" 1',
      '{,',
      '[1.e',
      '[--1',
      '{}x',
    ];
    for (const text of notCut) expect(isJsonPrefix(text), text).toBe(false);
  });

  it('is true for every proper cut of a real bundle’s canonical JSON, and false for the whole of it', () => {
    const json = canonicalJson(SCORECARD_BUNDLE);
    for (let length = 1; length < json.length; length += 7) expect(isJsonPrefix(json.slice(0, length)), `cut at ${length}`).toBe(true);
    expect(isJsonPrefix(json.slice(0, -1))).toBe(true);
    expect(isJsonPrefix(json)).toBe(false);
  });

  it('does not overflow on deep nesting', () => {
    expect(isJsonPrefix('['.repeat(1_000_000))).toBe(true);
  });
});
