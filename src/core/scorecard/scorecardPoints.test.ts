import { describe, expect, it } from 'vitest';
import { sigmoid } from '../calibration/logistic';
import { DEFAULT_POINTS_SCALE } from '../scoring/points';
import { scorecardLogitOfRecord, scorecardLogitOfRows } from './scorecardLogit';
import { scoreOfRecord, scoreOfRows, scorecardPoints, scorecardProbabilityOfRecord, scorecardProbabilityOfRows } from './scorecardPoints';
import { HAND_SCORECARD, HAND_TABLE } from './testScorecards';

// Worked by hand (Python as the calculator) on the default scale, 600 at 50:1, 20 to double:
//   factor = 20 / ln 2 = 28.85390081777927, offset = 600 − factor · ln 50 = 487.1228762045055
//   m = 2, so each bin gets round(−(β·WoE + (−1.2)/2) · factor + offset/2):
//   age  (β −0.8): WoE −0.6 → 247.02 → 247; 0.1 → 263.18 → 263; 0.5 → 272.42 → 272; missing 0 → 260.87 → 261
//   home (β −1.1): WoE 0.4 → 273.57 → 274; −0.3 → 251.35 → 251; missing −0.2 → 254.53 → 255
const FACTOR = 28.85390081777927;
const OFFSET = 487.1228762045055;
const SCALE = DEFAULT_POINTS_SCALE;
const ROWS = Int32Array.from([0, 1, 2, 3]);

describe('scorecardPoints', () => {
  it('gives every bin, the missing bins included, its whole points', () => {
    const table = scorecardPoints(HAND_SCORECARD, SCALE);
    expect(table.rows.map((r) => [r.characteristic, r.binIndex, r.label, r.woe, r.points])).toEqual([
      ['age', 0, '< 25', -0.6, 247],
      ['age', 1, '25 to < 40', 0.1, 263],
      ['age', 2, '≥ 40', 0.5, 272],
      ['age', -1, 'Missing', 0, 261],
      ['home', 0, 'own', 0.4, 274],
      ['home', 1, 'rent, other', -0.3, 251],
      ['home', -1, 'Missing', -0.2, 255],
    ]);
    // 2 characteristics × half a point each, in nats of odds
    expect(table.maxRoundingLogOdds).toBeCloseTo(1 / FACTOR, 12);
  });

  it('more points for a safer bin: the sign agrees with scoring/points.ts', () => {
    const rows = scorecardPoints(HAND_SCORECARD, SCALE).rows.filter((r) => r.characteristic === 'age' && r.binIndex >= 0);
    // WoE rises with age (fewer bads), and so must the points
    expect(rows.map((r) => r.points)).toEqual([...rows.map((r) => r.points)].sort((a, b) => a - b));
  });
});

describe("an applicant's score is the sum of their bins' points, and its probability is the one reported", () => {
  const points = scorecardPoints(HAND_SCORECARD, SCALE);
  const pointsOf = (characteristic: string, binIndex: number) => points.rows.find((r) => r.characteristic === characteristic && r.binIndex === binIndex)!.points;

  it('age 30, renting: 263 + 251 = 514 points, p = 1 / (1 + e^((514 − offset)/factor))', () => {
    const record = { age: '30', home: 'rent' };
    const score = scoreOfRecord(HAND_SCORECARD, record, SCALE);
    expect(score).toBe(pointsOf('age', 1) + pointsOf('home', 1));
    expect(score).toBe(514);
    const p = scorecardProbabilityOfRecord(HAND_SCORECARD, record, SCALE);
    expect(p).toBeCloseTo(0.2826224974482806, 14); // 1 / (1 + exp((514 − 487.1228762045055) / 28.85390081777927))
    expect(p).toBeCloseTo(1 / (1 + Math.exp((score - OFFSET) / FACTOR)), 14);
    // the exact log-odds −1.2 − 0.8·0.1 − 1.1·(−0.3) = −0.95, σ = 0.27888482197713693: within the bound
    const logit = scorecardLogitOfRecord(HAND_SCORECARD, record);
    expect(logit).toBeCloseTo(-0.95, 14);
    expect(sigmoid(logit)).toBeCloseTo(0.27888482197713693, 14);
    expect(Math.abs(Math.log(p / (1 - p)) - logit)).toBeLessThanOrEqual(points.maxRoundingLogOdds);
  });

  it('a missing age and an unseen home level: 261 + 251 = 512', () => {
    expect(scoreOfRecord(HAND_SCORECARD, { home: 'boat' }, SCALE)).toBe(512);
    expect(scoreOfRecord(HAND_SCORECARD, { age: '', home: 'boat' }, SCALE)).toBe(512);
    expect(scorecardProbabilityOfRecord(HAND_SCORECARD, { home: 'boat' }, SCALE)).toBeCloseTo(0.29688504042811625, 14);
  });

  it('rows of a table score like records, and their probabilities come from the whole-point totals', () => {
    // row 0: 30 & rent; row 1: missing & boat; row 2: 40 (an edge goes up) & missing; row 3: 18 & own
    const scores = scoreOfRows(HAND_SCORECARD, HAND_TABLE, ROWS, SCALE);
    expect(Array.from(scores)).toEqual([514, 512, 272 + 255, 247 + 274]);
    const p = scorecardProbabilityOfRows(HAND_SCORECARD, HAND_TABLE, ROWS, SCALE);
    expect(p[2]).toBeCloseTo(0.20068224093678783, 14); // 527 points
    const logits = scorecardLogitOfRows(HAND_SCORECARD, HAND_TABLE, ROWS);
    // row 2's exact log-odds: −1.2 − 0.8·0.5 − 1.1·(−0.2) = −1.38
    expect(logits[2]).toBeCloseTo(-1.38, 14);
    for (let i = 0; i < 4; i++) {
      expect(Math.abs(Math.log(p[i] / (1 - p[i])) - logits[i])).toBeLessThanOrEqual(1 / FACTOR + 1e-12);
    }
  });

  it('a non-number for a numeric characteristic throws, naming the column', () => {
    expect(() => scoreOfRecord(HAND_SCORECARD, { age: 'old', home: 'own' }, SCALE)).toThrow(/age/);
  });
});
