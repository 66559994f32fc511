import { describe, expect, it } from 'vitest';
import { isMissingMarker, parseNumberCell } from './cells';

describe('isMissingMarker', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['NA', true],
    ['na', true],
    ['N/A', true],
    ['n/a', true],
    ['null', true],
    ['NULL', true],
    ['?', true],
    ['NaN', true],
    ['nan', true],
    [' NA ', true],
    // padded markers, as fixed-width exports write them: trimmed first, whatever the length
    ['NA        ', true], //  2 + 8 spaces = 10 characters
    ['   null    ', true],
    ['        ?', true],
    ['  -Infinity  ', true],
    ['0', false],
    ['N', false],
    ['No', false],
    ['A', false],
    ['NAN2', false],
    ['3+', false],
  ])('isMissingMarker(%j) → %s', (raw, expected) => {
    expect(isMissingMarker(raw)).toBe(expected);
  });
});

describe('parseNumberCell', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['-7', -7],
    ['+3', 3],
    ['3.25', 3.25],
    ['.5', 0.5],
    ['5.', 5],
    [' 12 ', 12],
    // scientific notation: 1.5 × 10³ = 1500, 2 × 10⁻² = 0.02, 7 × 10⁰ = 7
    ['1.5e3', 1500],
    ['2E-2', 0.02],
    ['7e+0', 7],
  ])('parseNumberCell(%j) → %d', (raw, expected) => {
    expect(parseNumberCell(raw)).toBe(expected);
  });

  it.each([
    ['3+'],
    ['1,5'],
    ['0x1A'],
    ['abc'],
    ['12abc'],
    ['1e'],
    ['--1'],
    [''],
    ['NA'],
    // not finite: these must not become ±Infinity
    ['Infinity'],
    ['-Infinity'],
    ['1e999'],
    ['-1e999'],
  ])('parseNumberCell(%j) → NaN', (raw) => {
    expect(parseNumberCell(raw)).toBeNaN();
  });
});
