import { describe, expect, it } from 'vitest';
import { permutationImportance, type ColumnImportance, type SlotGroup } from './permutationImportance';
import reference from './sklearnPermutation.json';

// sklearnPermutation.json is written by sklearnReference.py: 2,000 rows encoded into 8 slots
// (income, age, home one-hot × 3, debt value + "was missing", noise), labels drawn from a
// logistic model with hard-coded coefficients, and scikit-learn 1.2.1's permutation_importance
// (roc_auc, 30 repeats) of that same model, permuting the raw columns.

const X = Float32Array.from(reference.x);
const LABELS = Float32Array.from(reference.labels);
const WIDTH = reference.width;

/** The fixture's logistic model: intercept + Σ coefficient · slot, slot by slot in order (as the Python side sums), through the sigmoid. */
function scoreFixture(x: Float32Array): Float64Array {
  const rows = x.length / WIDTH;
  const p = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let z = reference.intercept;
    for (let s = 0; s < WIDTH; s++) z += reference.coefficients[s] * x[r * WIDTH + s];
    p[r] = 1 / (1 + Math.exp(-z));
  }
  return p;
}

function byColumn(columns: readonly ColumnImportance[], column: string): ColumnImportance {
  const found = columns.find((c) => c.column === column);
  if (!found) throw new Error(`no result for ${column}`);
  return found;
}

describe('permutationImportance against scikit-learn', () => {
  const repeats = reference.repeats;
  const result = permutationImportance({ x: X, width: WIDTH, labels: LABELS, groups: reference.groups, score: scoreFixture, repeats, seed: 7 });
  const sklearn = new Map(reference.sklearn.map((s) => [s.column, s]));
  /** Three standard errors of the difference of the two means (independent RNGs, `repeats` drops each). */
  const tolerance = (column: string): number => {
    const ours = byColumn(result.columns, column).sd;
    const theirs = sklearn.get(column)!.std;
    return 3 * Math.sqrt((ours * ours + theirs * theirs) / repeats);
  };

  it('has the same baseline AUC as roc_auc_score', () => {
    expect(result.baselineAuc).toBeCloseTo(reference.baselineAuc, 12);
  });

  it("gives each column's mean drop within three standard errors of scikit-learn's", () => {
    const lines: string[] = [];
    for (const ours of result.columns) {
      const theirs = sklearn.get(ours.column)!;
      lines.push(`${ours.column}: ${ours.meanDrop.toFixed(5)} ± ${ours.sd.toFixed(5)} (sklearn ${theirs.mean.toFixed(5)} ± ${theirs.std.toFixed(5)})`);
      expect(ours.drops).toHaveLength(repeats);
      expect(Math.abs(ours.meanDrop - theirs.mean), ours.column).toBeLessThanOrEqual(tolerance(ours.column));
    }
    console.log(`permutation importance, 2,000 rows × 30 repeats:\n  ${lines.join('\n  ')}`);
  });

  it("would catch shuffling a group's slots one by one: that bug's mean for home lies outside the tolerance", () => {
    const home = sklearn.get('home')!.mean;
    expect(Math.abs(reference.independentSlots.home.mean - home)).toBeGreaterThan(tolerance('home'));
  });

  it("ranks the columns as scikit-learn does (every pair's means differ by more than three standard errors)", () => {
    const names = reference.groups.map((g) => g.column);
    for (const a of names) {
      for (const b of names) {
        const sa = sklearn.get(a)!.mean;
        const sb = sklearn.get(b)!.mean;
        if (sa - sb <= tolerance(a) + tolerance(b)) continue;
        expect(byColumn(result.columns, a).meanDrop, `${a} above ${b}`).toBeGreaterThan(byColumn(result.columns, b).meanDrop);
      }
    }
    const ranked = [...result.columns].sort((p, q) => q.meanDrop - p.meanDrop).map((c) => c.column);
    expect(ranked).toEqual(['income', 'home', 'debt', 'age', 'noise']);
  });

  it('gives exactly 0 for the column the model ignores, in every repeat', () => {
    const noise = byColumn(result.columns, 'noise');
    expect(noise.drops).toEqual(new Array(repeats).fill(0));
    expect(noise.meanDrop).toBe(0);
    expect(noise.sd).toBe(0);
  });

  it('leaves x as it was', () => {
    expect(X).toEqual(Float32Array.from(reference.x));
  });
});

// 200 rows: slot 0 a numeric answer that predicts the label, slots 1–3 a one-hot answer.
const SMALL_ROWS = 200;
const SMALL_WIDTH = 4;
const SMALL_X = new Float32Array(SMALL_ROWS * SMALL_WIDTH);
const SMALL_LABELS = new Float32Array(SMALL_ROWS);
for (let r = 0; r < SMALL_ROWS; r++) {
  SMALL_X[r * SMALL_WIDTH] = ((r * 37) % 101) / 10;
  SMALL_X[r * SMALL_WIDTH + 1 + (r % 3)] = 1;
  SMALL_LABELS[r] = ((r * 37) % 101) + (r % 7) * 9 > 60 ? 1 : 0;
}
const VALUE: SlotGroup = { column: 'value', slots: [0] };
const LEVEL: SlotGroup = { column: 'level', slots: [1, 2, 3] };

/** The value, plus 10 for every row whose one-hot block does not hold exactly one 1: only a slot-by-slot shuffle can make such rows. */
function scoreSmall(x: Float32Array): Float64Array {
  const p = new Float64Array(SMALL_ROWS);
  for (let r = 0; r < SMALL_ROWS; r++) {
    const o = r * SMALL_WIDTH;
    const ones = x[o + 1] + x[o + 2] + x[o + 3];
    p[r] = (x[o] + 10 * (ones - 1) * (ones - 1)) / 30;
  }
  return p;
}

describe('permutationImportance', () => {
  const run = (groups: readonly SlotGroup[], seed = 3, repeats?: number) =>
    permutationImportance({ x: SMALL_X, width: SMALL_WIDTH, labels: SMALL_LABELS, groups, score: scoreSmall, repeats, seed });

  it("moves a group's slots with one row permutation: every row keeps one level, so the level group's drops are exactly 0", () => {
    const result = run([VALUE, LEVEL], 3, 8);
    expect(byColumn(result.columns, 'level').drops).toEqual(new Array(8).fill(0));
    expect(byColumn(result.columns, 'value').meanDrop, 'the value does matter').toBeGreaterThan(0.1);
  });

  it('repeats 5 times unless told, and reports the groups in the order given', () => {
    const result = run([LEVEL, VALUE]);
    expect(result.columns.map((c) => c.column)).toEqual(['level', 'value']);
    expect(result.columns[1].drops).toHaveLength(5);
  });

  it('is seeded: the same seed gives the same drops, another seed others', () => {
    const value = (seed: number) => byColumn(run([VALUE], seed).columns, 'value').drops;
    expect(value(3)).toEqual(value(3));
    expect(value(4)).not.toEqual(value(3));
  });

  it('gives a column the same drops whatever else is measured before it (each column is put back and has its own stream)', () => {
    const alone = byColumn(run([VALUE]).columns, 'value').drops;
    const after = byColumn(run([LEVEL, { column: 'other', slots: [0, 2] }, VALUE]).columns, 'value').drops;
    expect(after).toEqual(alone);
  });

  it('sd is the population standard deviation of the drops, as scikit-learn reports', () => {
    const { drops, meanDrop, sd } = byColumn(run([VALUE], 3, 6).columns, 'value');
    expect(meanDrop).toBeCloseTo(drops.reduce((a, b) => a + b, 0) / 6, 15);
    expect(sd).toBeCloseTo(Math.sqrt(drops.reduce((a, d) => a + (d - meanDrop) ** 2, 0) / 6), 15);
    expect(new Set(drops).size, 'the repeats differ').toBeGreaterThan(1);
  });

  it('gives 0 drops for a group without slots', () => {
    expect(byColumn(run([{ column: 'empty', slots: [] }]).columns, 'empty').drops).toEqual([0, 0, 0, 0, 0]);
  });

  it('refuses a matrix of the wrong size and a slot beyond the width', () => {
    expect(() => permutationImportance({ x: new Float32Array(7), width: 4, labels: new Float32Array(2), groups: [], score: scoreSmall, seed: 1 })).toThrow(RangeError);
    expect(() => run([{ column: 'far', slots: [4] }])).toThrow(/Slot 4 of "far"/);
  });
});
