import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { chanceEce, checkSmallSample, directionText, METRIC_GUIDES, reductionFromBaseline, SMALL_SAMPLE_MIN_ROWS } from './metricGuide';

/** E|X/n − p| for X ~ Binomial(n, p), summed term by term over the pmf: a second implementation, not de Moivre's closed form. */
function bruteMeanAbsoluteDeviation(n: number, p: number): number {
  let total = 0;
  let logPmf = n * Math.log1p(-p); // P(X = 0)
  for (let k = 0; k <= n; k++) {
    total += Math.exp(logPmf) * Math.abs(k / n - p);
    logPmf += Math.log((n - k) / (k + 1)) + Math.log(p) - Math.log1p(-p);
  }
  return total;
}

describe('checkSmallSample', () => {
  it('uses a threshold of 100 rows per outcome', () => {
    expect(SMALL_SAMPLE_MIN_ROWS).toBe(100);
  });

  it('warns at 99 bads and not at 100', () => {
    expect(checkSmallSample(99, 5000)).toEqual({ bads: 99, goods: 5000, short: ['bad'] });
    expect(checkSmallSample(100, 5000)).toBeNull();
  });

  it('warns at 99 goods and not at 100', () => {
    expect(checkSmallSample(5000, 99)).toEqual({ bads: 5000, goods: 99, short: ['good'] });
    expect(checkSmallSample(5000, 100)).toBeNull();
  });

  it('names both outcomes when both are short, bad first', () => {
    expect(checkSmallSample(12, 48)).toEqual({ bads: 12, goods: 48, short: ['bad', 'good'] });
    expect(checkSmallSample(0, 0)?.short).toEqual(['bad', 'good']);
  });
});

describe('chanceEce', () => {
  it('matches hand computations', () => {
    // n = 2, p = 0.5: X = 0, 1, 2 with 1/4, 1/2, 1/4; |X/2 − 1/2| = 1/2, 0, 1/2, so 1/4.
    expect(chanceEce([{ predicted: 0.5, count: 2 }])).toBeCloseTo(0.25, 12);
    // n = 1, p = 0.2: |1 − 0.2|·0.2 + |0 − 0.2|·0.8 = 0.32.
    expect(chanceEce([{ predicted: 0.2, count: 1 }])).toBeCloseTo(0.32, 12);
    // Two bins weighted by rows: (2·0.25 + 1·0.32) / 3.
    expect(
      chanceEce([
        { predicted: 0.5, count: 2 },
        { predicted: 0.2, count: 1 },
      ]),
    ).toBeCloseTo((2 * 0.25 + 0.32) / 3, 12);
  });

  it('matches a term-by-term binomial sum on test-set-sized bins', () => {
    for (const [n, p] of [
      [100, 0.2],
      [37, 0.05],
      [1000, 0.63],
      [5000, 0.013],
      [10, 0.3],
    ] as const) {
      expect(chanceEce([{ predicted: p, count: n }]), `n=${n} p=${p}`).toBeCloseTo(bruteMeanAbsoluteDeviation(n, p), 10);
    }
    // Python, exact with math.comb: Σ_k C(100, k)·0.2^k·0.8^(100−k)·|k − 20| / 100 = 0.0317760687…
    expect(chanceEce([{ predicted: 0.2, count: 100 }])).toBeCloseTo(0.031776068739, 10);
  });

  it('gives 0 for bins at 0 or 1 and NaN without rows', () => {
    expect(chanceEce([{ predicted: 0, count: 50 }])).toBe(0);
    expect(chanceEce([])).toBeNaN();
  });
});

describe('the guide', () => {
  it('quotes a Gini band that is 2 × the AUC band − 1', () => {
    const auc = METRIC_GUIDES.auc.typical;
    const gini = METRIC_GUIDES.gini.typical;
    if (auc.kind !== 'range' || gini.kind !== 'range') throw new Error('AUC and Gini have numeric bands');
    expect(gini.low).toBeCloseTo(2 * auc.low - 1, 12);
    expect(gini.high).toBeCloseTo(2 * auc.high - 1, 12);
  });

  it('gives every metric one line of meaning and of typical reach, numbers in the text matching the band', () => {
    for (const guide of Object.values(METRIC_GUIDES)) {
      expect(guide.meaning, guide.id).not.toMatch(/\n/);
      expect(guide.typicalText, guide.id).not.toMatch(/\n/);
      if (guide.typical.kind === 'range') expect(guide.typicalText).toContain(`${guide.typical.low.toFixed(2)}–${guide.typical.high.toFixed(2)}`);
    }
  });

  it('measures the reduction from the baseline as a share of it', () => {
    expect(reductionFromBaseline(0.45, 0.5)).toBeCloseTo(0.1, 12);
    expect(reductionFromBaseline(0.55, 0.5)).toBeCloseTo(-0.1, 12);
    expect(reductionFromBaseline(null, 0.5)).toBeNull();
    expect(reductionFromBaseline(0.4, 0)).toBeNull();
  });
});

describe('the guide in each language', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('reads as it always did in English', () => {
    expect(METRIC_GUIDES.auc.meaning).toBe('Chance that a random bad loan is ranked riskier than a random good one; 0.5 is guessing.');
    expect(METRIC_GUIDES.auc.typicalText).toBe('Typical credit model: 0.70–0.85.');
    expect(METRIC_GUIDES.logloss.typicalText).toBe('Typical credit model: clearly below the base-rate baseline.');
    expect(directionText('lower')).toBe('Lower is better.');
  });

  it('follows a switch to Chinese at the next read', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(METRIC_GUIDES.gini.typicalText).toBe('典型信用模型：0.40–0.70。');
    expect(METRIC_GUIDES.calibration.meaning).toMatch(/^校准：/);
    expect(directionText('higher')).toBe('越高越好。');
  });
});
