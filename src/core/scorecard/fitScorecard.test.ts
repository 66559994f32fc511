import { describe, expect, it } from 'vitest';
import type { CategoricalBinning } from '../binning/types';
import { createRandom } from '../split/random';
import { cat, num, table } from '../../../test/support/tables';
import { fitScorecard } from './fitScorecard';
import { scorecardLogitOfRows } from './scorecardLogit';
import { statsWithWoe } from './testScorecards';

describe('fitScorecard, one characteristic without a ridge', () => {
  // Log-odds of bad = β₀ + β·WoE with WoE = ln(%good/%bad) = ln(goods_bin/G) − ln(bads_bin/B): the
  // saturated fit is β = −1, β₀ = ln(B/G), so each bin's log-odds is ln(bads_bin/goods_bin), by hand.
  const random = createRandom(17);
  const n = 400;
  const x = Array.from({ length: n }, (_, i) => i);
  const bad = Uint8Array.from(x, (v) => (random() < 0.1 + 0.5 * (v / n) ? 1 : 0));
  const data = table(num('x', x));
  const rows = Int32Array.from(x);
  const sc = fitScorecard(data, rows, bad, [], { features: ['x'], l2: 0 });
  const binning = sc.characteristics[0].binning;

  it('has coefficient −1 and intercept ln(bads/goods)', () => {
    if (binning.kind !== 'numeric') throw new Error('x is numeric');
    // the identity needs unsmoothed WoE: every bin has goods and bads
    expect(binning.bins.length).toBeGreaterThan(1);
    for (const b of binning.bins) expect(b.goods > 0 && b.bads > 0).toBe(true);
    const bads = bad.reduce((s, v) => s + v, 0);
    expect(sc.bads).toBe(bads);
    expect(sc.characteristics[0].coefficient).toBeCloseTo(-1, 9);
    expect(sc.intercept).toBeCloseTo(Math.log(bads / (n - bads)), 9);
    expect(sc.calibration).toMatchObject({ method: 'none', a: 1, b: 0, reason: 'no-folds', folds: 0 });
  });

  it("scores each row with its bin's own log-odds ln(bads/goods)", () => {
    if (binning.kind !== 'numeric') throw new Error('x is numeric');
    const logits = scorecardLogitOfRows(sc, data, rows);
    for (const v of [0, 150, 399]) {
      const stats = binning.bins[binning.edges.filter((e) => e <= v).length];
      expect(logits[v]).toBeCloseTo(Math.log(stats.bads / stats.goods), 8);
    }
  });
});

describe('fitScorecard selection on fitted bins', () => {
  const random = createRandom(3);
  const n = 300;
  const signal = Array.from({ length: n }, () => Math.round(random() * 1000) / 10);
  const bad = Uint8Array.from(signal, (v) => (random() < 0.05 + 0.5 * (v / 100) ? 1 : 0));
  // one level only: a single group with all the rows, so WoE 0 and IV exactly 0
  const flat = signal.map(() => 'same');
  const data = table(
    num('signal', signal),
    num(
      'copy',
      signal.map((v) => 2 * v + 1),
    ),
    cat('flat', flat),
  );
  const rows = Int32Array.from(signal, (_, i) => i);

  it('drops an exact copy as correlated and a flat level as low IV, keeping the given order', () => {
    const sc = fitScorecard(data, rows, bad, [], { features: ['signal', 'copy', 'flat'] });
    expect(sc.characteristics.map((c) => c.column)).toEqual(['signal']);
    expect(sc.selection.candidates.map((c) => c.column)).toEqual(['signal', 'copy', 'flat']);
    const [signalIv, copyIv, flatIv] = sc.selection.candidates.map((c) => c.iv);
    // an increasing transform leaves the quantile bins, and so the IV, unchanged
    expect(copyIv).toBeCloseTo(signalIv, 12);
    expect(flatIv).toBe(0);
    expect(sc.selection.notes).toEqual([
      { code: 'low-iv', column: 'flat', iv: 0, minIv: 0.02 },
      expect.objectContaining({ code: 'correlated', column: 'copy', with: 'signal', maxCorrelation: 0.8 }),
    ]);
    const correlated = sc.selection.notes[1];
    expect(correlated.code === 'correlated' && correlated.correlation).toBeCloseTo(1, 12);
    expect(sc.characteristics[0].coefficient).toBeLessThan(0); // higher WoE, lower risk
  });

  it('keeps the best characteristic when none reaches minIv, and says so', () => {
    const sc = fitScorecard(data, rows, bad, [], { features: ['flat', 'signal'], minIv: 100 });
    expect(sc.characteristics.map((c) => c.column)).toEqual(['signal']);
    expect(sc.selection.notes.at(-1)).toMatchObject({ code: 'kept-best-below-min-iv', column: 'signal', minIv: 100 });
  });

  it('rejects mismatched labels, one class, repeated features and bad fold positions', () => {
    expect(() => fitScorecard(data, rows, bad.slice(1), [], { features: ['signal'] })).toThrow(RangeError);
    expect(() => fitScorecard(data, rows, new Uint8Array(n), [], { features: ['signal'] })).toThrow(/good and bad/);
    expect(() => fitScorecard(data, rows, bad, [], { features: ['signal', 'signal'] })).toThrow(/once/);
    expect(() => fitScorecard(data, rows, bad, [], { features: [] })).toThrow(RangeError);
    expect(() => fitScorecard(data, rows, bad, [Int32Array.from([0, n])], { features: ['signal'] })).toThrow(/position/);
    expect(() => fitScorecard(data, rows, bad, [Int32Array.from([0, 1]), Int32Array.from([1, 2])], { features: ['signal'] })).toThrow(/folds 0 and 1/);
  });
});

describe('fitScorecard cross-fits the calibration and folds Platt into the coefficients', () => {
  // Five categorical characteristics with the user's bins given as overrides (one group per level, WoE
  // chosen), 60 rows, rows[p] = 59 − p, validation folds p % 3, l2 = 0.01. Expected values from
  // scikit-learn 1.2 (Debian's /usr/bin/python3):
  //   rng = np.random.default_rng(3); N, K, L = 60, 5, 3
  //   levels = rng.integers(0, L, size=(N, K)); woe = np.round(rng.uniform(-1, 1, size=(K, L)), 2)
  //   y = (rng.random(N) < expit(-0.8 - 0.6 * woe[0][levels[:, 0]])).astype(int)
  //   rows = np.arange(N)[::-1]; bad = y[rows]; X = WoE of rows[p] by position p; fold = np.arange(N) % 3
  //   lr = LogisticRegression(C=1 / (len(y_train) * 0.01), tol=1e-10, max_iter=10000, solver='newton-cg')
  //   out-of-fold logits: lr fitted on fold != f, decision_function on fold == f
  //   none = log loss of expit(oof); platt: _sigmoid_calibration on the other folds' oof, scored on f
  //   a, b = −(_sigmoid_calibration(oof, bad)); final = lr.fit(X, bad); calibrated = a·final + b
  const LEVELS = [
    [
      2, 2, 0, 0, 1, 1, 2, 1, 2, 0, 1, 2, 1, 1, 1, 2, 1, 2, 2, 0, 2, 2, 0, 1, 2, 2, 1, 0, 2, 2, 1, 0, 1, 1, 2, 1, 0, 1, 0, 0, 2, 2, 1, 2, 0, 1, 0, 2, 0, 2, 2, 1, 1, 1, 2, 0, 1, 0,
      1, 0,
    ],
    [
      0, 2, 1, 2, 1, 1, 2, 1, 0, 0, 1, 1, 1, 1, 1, 0, 2, 0, 2, 1, 1, 2, 0, 0, 0, 0, 0, 2, 1, 1, 1, 2, 0, 0, 2, 2, 2, 0, 1, 0, 1, 1, 1, 2, 2, 2, 0, 2, 2, 0, 0, 1, 0, 2, 1, 0, 1, 0,
      0, 1,
    ],
    [
      0, 1, 1, 2, 2, 1, 2, 2, 0, 0, 0, 0, 0, 2, 0, 2, 2, 2, 0, 2, 1, 0, 1, 1, 0, 1, 0, 2, 1, 2, 0, 0, 0, 2, 0, 2, 1, 2, 0, 1, 2, 1, 0, 1, 0, 1, 0, 1, 0, 2, 1, 0, 1, 0, 0, 0, 2, 0,
      2, 1,
    ],
    [
      0, 0, 1, 0, 1, 0, 0, 2, 2, 0, 1, 0, 0, 2, 0, 1, 1, 2, 2, 1, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 0, 1, 0, 1, 0, 2, 1, 2, 1, 1, 1, 2, 0, 2, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 1, 1, 2,
      0, 0,
    ],
    [
      0, 0, 0, 0, 1, 2, 0, 0, 2, 2, 0, 2, 1, 0, 1, 0, 0, 1, 1, 1, 0, 2, 1, 0, 0, 2, 1, 1, 1, 0, 0, 2, 1, 2, 2, 0, 0, 2, 2, 0, 2, 0, 0, 1, 0, 1, 0, 2, 2, 2, 2, 1, 0, 1, 2, 1, 0, 2,
      0, 0,
    ],
  ];
  const WOE = [
    [0.07, 0.87, -0.75],
    [-0.17, 0.34, 0.77],
    [1.0, -0.71, 0.07],
    [0.76, -0.89, 0.18],
    [-0.65, 0.54, 0.88],
  ];
  const Y = [
    0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0,
    0,
  ];
  const N = 60;
  const features = ['f0', 'f1', 'f2', 'f3', 'f4'];
  const data = table(
    ...features.map((name, j) =>
      cat(
        name,
        LEVELS[j].map((l) => `L${l}`),
      ),
    ),
  );
  const overrides = new Map(
    features.map((name, j): [string, CategoricalBinning] => [
      name,
      {
        kind: 'categorical',
        column: name,
        groups: [0, 1, 2].map((l) => ({ levels: [`L${l}`], stats: statsWithWoe(WOE[j][l]) })),
        unseenGroup: 0,
        missing: statsWithWoe(0, 0),
        iv: 0.1,
      },
    ]),
  );
  const rows = Int32Array.from({ length: N }, (_, p) => N - 1 - p);
  const bad = Uint8Array.from(rows, (r) => Y[r]);
  const folds = [0, 1, 2].map((f) => Int32Array.from({ length: N / 3 }, (_, i) => 3 * i + f));
  const sc = fitScorecard(data, rows, bad, folds, { features, binningOverrides: overrides, minIv: 0, maxCorrelation: 1, l2: 0.01 });

  it('uses the given bins everywhere, marked as edited', () => {
    sc.characteristics.forEach((c) => {
      expect(c.binning).toBe(overrides.get(c.column));
      expect(c.edited).toBe(true);
    });
  });

  it('fits the final regression on all rows like sklearn', () => {
    expect(Math.abs(sc.regression.intercept - -1.5299485762408511)).toBeLessThan(1e-6);
    [-0.5606615321777688, 0.46300766385429065, -0.46598917928964445, -0.4424870962136221, 0.595849792894314].forEach((c, j) =>
      expect(Math.abs(sc.regression.coefficients[j] - c)).toBeLessThan(1e-6),
    );
  });

  it('chooses Platt on the out-of-fold log loss (none 0.5786, Platt 0.5402) and folds it in', () => {
    expect(sc.calibration).toMatchObject({ method: 'platt', reason: 'compared', folds: 3, rows: N });
    expect(sc.calibration.outOfFoldLogLoss!.none).toBeCloseTo(0.5785905440952317, 6);
    expect(sc.calibration.outOfFoldLogLoss!.platt).toBeCloseTo(0.5402297599444849, 5);
    // sklearn's BFGS stops at a gradient of 1e-5
    expect(Math.abs(sc.calibration.a - 0.05857956069593552)).toBeLessThan(1e-5);
    expect(Math.abs(sc.calibration.b - -1.1953012564891714)).toBeLessThan(1e-5);
    expect(Math.abs(sc.intercept - -1.2849249719727325)).toBeLessThan(1e-5);
    [-0.03284330625408381, 0.02712278554743573, -0.027297441411846906, -0.025920699709814136, 0.03490461910851307].forEach((c, j) =>
      expect(Math.abs(sc.characteristics[j].coefficient - c)).toBeLessThan(1e-5),
    );
  });

  it('is plain JSON: a round trip through JSON.stringify changes nothing', () => {
    expect(JSON.parse(JSON.stringify(sc))).toEqual(sc);
  });
});
