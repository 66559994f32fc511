import { describe, expect, it } from 'vitest';
import { calibrationChart, distributionChart, ksChart, rocChart, tprAt, widestGap } from './svgCharts';
import { TEST_CHARTS } from '../../../test/support/modelCardBundles';

const OUTCOME = { target: 'default', bad: '1', good: '0' };

describe('chart summaries', () => {
  it('interpolates the ROC linearly between stored points', () => {
    // Between (0.05, 0.5) and (0.2, 0.8): 0.5 + 0.3 · (0.05 / 0.15) = 0.6.
    expect(tprAt(TEST_CHARTS.roc, 0.1)).toBeCloseTo(0.6, 12);
    expect(tprAt(TEST_CHARTS.roc, 0.2)).toBe(0.8);
    expect(tprAt([...TEST_CHARTS.roc].reverse(), 0.35)).toBeCloseTo(0.875, 12);
    expect(tprAt([], 0.1)).toBeNaN();
  });

  it('finds the KS where bads and goods are furthest apart', () => {
    // Gaps 0, 0.375, 0.625, 0.5, 0.225, 0.
    expect(widestGap(TEST_CHARTS.ks)).toEqual({ share: 0.2, gap: 0.625 });
    expect(ksChart(TEST_CHARTS.ks, OUTCOME).text).toContain('KS 0.6250, at the riskiest 20.0%');
  });
});

describe('chart drawing', () => {
  it('scales the distribution to each outcome’s share: bin 0 holds 190 of 792 goods, axis to 25%', () => {
    const svg = distributionChart(TEST_CHARTS.distribution, OUTCOME).text;
    // 190 / 792 = 0.23990 of a 0.25 axis: y = 40 + (1 − 0.23990 / 0.25) · 228 = 49.2, height 268 − 49.2 = 218.8.
    expect(svg).toContain('<rect class="bar-good" x="60.0" y="49.2" width="8.6" height="218.8"');
    // 2 of 200 bads = 0.01: y = 40 + (1 − 0.04) · 228 = 258.9.
    expect(svg).toContain('<rect class="bar-bad" x="68.6" y="258.9" width="8.6" height="9.1"');
    expect(svg).toContain('>25%</text>');
    expect(svg).not.toContain('>30%</text>');
  });

  it('names the calibration bin with the largest gap', () => {
    // Gaps 0.01, 0.03, 0.05, 0.05: the first of the largest, 0.45 against 0.5.
    expect(calibrationChart(TEST_CHARTS.calibration, 0.01234).text).toContain('bin predicting 45.0%, where 50.0% of 150 rows were bad');
  });

  it('stands in a caption for a chart without data', () => {
    for (const empty of [rocChart([], 0.5), calibrationChart([], 0), ksChart([], OUTCOME), distributionChart([], OUTCOME)]) {
      expect(empty.text).toContain('No data for this chart');
      expect(empty.text).not.toContain('<svg');
    }
  });
});
