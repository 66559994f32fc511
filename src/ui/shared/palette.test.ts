import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AXIS_COLOUR, contrastRatio, MIN_GRAPHIC_CONTRAST, MIN_TEXT_CONTRAST, OKABE_ITO, OUTCOME_COLOURS, relativeLuminance } from './palette';

const css = readFileSync(join(import.meta.dirname, '..', 'styles.css'), 'utf8');
/** A custom property's value as declared in styles.css's :root. */
const cssVar = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,6})\\s*;`).exec(css)?.[1];

describe('contrastRatio', () => {
  // Reference values from WebAIM's contrast checker and WCAG's own definitions.
  it('gives the known ratios', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#d9822b', '#fff')).toBeCloseTo(2.92, 1); // the old orange legend axe flagged
    expect(contrastRatio('#0072B2', '#fff')).toBeCloseTo(5.19, 2);
  });
  it('is symmetric and reads both hex forms', () => {
    expect(contrastRatio('#fff', '#777')).toBe(contrastRatio('#777777', '#FFFFFF'));
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2158605, 6);
    expect(() => contrastRatio('red', '#fff')).toThrow();
  });
});

describe('the palette', () => {
  it('bad and good carry text on white and on their result backgrounds', () => {
    for (const background of ['#ffffff', '#f4f6f8']) {
      expect(contrastRatio(OUTCOME_COLOURS.bad, background)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      expect(contrastRatio(OUTCOME_COLOURS.good, background)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
    expect(contrastRatio(OUTCOME_COLOURS.bad, '#fdecea')).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(contrastRatio(OUTCOME_COLOURS.good, '#e8f1f8')).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });
  it('every chart colour stands out from white as a graphic', () => {
    for (const colour of [...Object.values(OKABE_ITO), AXIS_COLOUR]) expect(contrastRatio(colour, '#fff'), colour).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
  });
  it('styles.css declares the same outcome colours', () => {
    expect(cssVar('bad')?.toLowerCase()).toBe(OUTCOME_COLOURS.bad.toLowerCase());
    expect(cssVar('good')?.toLowerCase()).toBe(OUTCOME_COLOURS.good.toLowerCase());
  });
});
