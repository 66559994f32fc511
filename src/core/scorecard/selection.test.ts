import { describe, expect, it } from 'vitest';
import { selectCharacteristics } from './selection';

// WoE columns built by hand; correlations from numpy.corrcoef (Debian's /usr/bin/python3):
//   r(A, B) = 0.6657227717296871, r(A, C) = 0.9595563300250233, r(B, C) = 0.7246701060778143
const A = [0.3, -0.2, 0.3, 1.1, -0.7, 0.3, -0.2, 1.1];
const B = [0.5, 0.5, -0.4, 0.9, -0.4, 0.5, 0.5, 0.9];
const C = [0.3, -0.2, 0.3, 1.1, -0.7, 0.3, 0.3, 1.1]; // A with one row changed
const FLAT = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];

describe('selectCharacteristics', () => {
  it('drops low IV, then the lower-IV one of a correlated pair, and keeps the given order', () => {
    const { selected, notes } = selectCharacteristics(
      [
        { column: 'c', iv: 0.25, woe: C },
        { column: 'low', iv: 0.01, woe: FLAT },
        { column: 'b', iv: 0.1, woe: B },
        { column: 'a', iv: 0.3, woe: A },
      ],
      0.02,
      0.8,
    );
    // a (0.3) kept; c (0.25) clashes with a at 0.96; b (0.1) is 0.67 from a: kept
    expect(selected).toEqual(['b', 'a']);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toEqual({ code: 'low-iv', column: 'low', iv: 0.01, minIv: 0.02 });
    expect(notes[1]).toMatchObject({ code: 'correlated', column: 'c', iv: 0.25, with: 'a', withIv: 0.3, maxCorrelation: 0.8 });
    expect(notes[1].code === 'correlated' && notes[1].correlation).toBeCloseTo(0.9595563300250233, 12);
  });

  it('a dropped characteristic does not cause another drop (greedy by IV)', () => {
    // c (highest IV) is kept and a clashes with it (0.96); at a 0.7 ceiling b (0.72 from c) goes too
    const at070 = selectCharacteristics(
      [
        { column: 'a', iv: 0.2, woe: A },
        { column: 'b', iv: 0.1, woe: B },
        { column: 'c', iv: 0.3, woe: C },
      ],
      0.02,
      0.7,
    );
    expect(at070.selected).toEqual(['c']);
    // at 0.75, b (0.72 from c) stays even though it is 0.67 from the dropped a, which plays no part
    const at075 = selectCharacteristics(
      [
        { column: 'a', iv: 0.2, woe: A },
        { column: 'b', iv: 0.1, woe: B },
        { column: 'c', iv: 0.3, woe: C },
      ],
      0.02,
      0.75,
    );
    expect(at075.selected).toEqual(['b', 'c']);
    expect(at075.notes).toEqual([expect.objectContaining({ code: 'correlated', column: 'a', with: 'c' })]);
  });

  it('keeps the best one, with a note, when nothing reaches minIv', () => {
    const { selected, notes } = selectCharacteristics(
      [
        { column: 'x', iv: 0.005, woe: A },
        { column: 'y', iv: 0.015, woe: B },
      ],
      0.02,
      0.8,
    );
    expect(selected).toEqual(['y']);
    expect(notes).toEqual([
      { code: 'low-iv', column: 'y', iv: 0.015, minIv: 0.02 },
      { code: 'low-iv', column: 'x', iv: 0.005, minIv: 0.02 },
      { code: 'kept-best-below-min-iv', column: 'y', iv: 0.015, minIv: 0.02 },
    ]);
  });

  it('treats a constant WoE column as uncorrelated', () => {
    const { selected } = selectCharacteristics(
      [
        { column: 'a', iv: 0.3, woe: A },
        { column: 'flat', iv: 0.05, woe: FLAT },
      ],
      0.02,
      0.8,
    );
    expect(selected).toEqual(['a', 'flat']);
  });

  it('rejects no candidates and a ceiling outside [0, 1]', () => {
    expect(() => selectCharacteristics([], 0.02, 0.8)).toThrow(RangeError);
    expect(() => selectCharacteristics([{ column: 'a', iv: 0.3, woe: A }], 0.02, 1.5)).toThrow(RangeError);
  });
});
