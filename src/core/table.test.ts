import { describe, expect, it } from 'vitest';
import { narrowToFloat32, selectRows, type NumericColumn } from './table';

describe('narrowToFloat32', () => {
  it('narrows values every float32 holds exactly, NaN and −0 included', () => {
    const narrow = narrowToFloat32(Float64Array.from([0, -0, 1, -2.5, 0.25, 16_777_216, Number.NaN, Math.fround(1e-40)]));
    expect(narrow).toBeInstanceOf(Float32Array);
    expect(Array.from(narrow!)).toEqual([0, -0, 1, -2.5, 0.25, 16_777_216, Number.NaN, Math.fround(1e-40)]);
    expect(Object.is(narrow![1], -0)).toBe(true);
  });

  it.each([
    ['a decimal fraction', 0.1],
    ['an integer past 2^24', 16_777_217],
    ['a value past float32 range', 1e39],
    ['a subnormal float32 rounds', 1e-45 + 1e-46],
  ])('keeps Float64 for %s (%d)', (_label, value) => {
    expect(narrowToFloat32(Float64Array.from([1, 2, value, 3]))).toBeNull();
  });

  it('narrows an empty column', () => {
    expect(narrowToFloat32(new Float64Array(0))).toEqual(new Float32Array(0));
  });
});

describe('selectRows', () => {
  it("keeps each numeric column's element type", () => {
    const f32: NumericColumn = { kind: 'numeric', name: 'a', values: Float32Array.from([1, 2, 3]) };
    const f64: NumericColumn = { kind: 'numeric', name: 'b', values: Float64Array.from([0.1, 0.2, 0.3]) };
    const picked = selectRows({ rowCount: 3, columns: [f32, f64] }, Int32Array.from([2, 0]));
    const [a, b] = picked.columns as NumericColumn[];
    expect(a.values).toEqual(Float32Array.from([3, 1]));
    expect(b.values).toEqual(Float64Array.from([0.3, 0.1]));
  });
});
