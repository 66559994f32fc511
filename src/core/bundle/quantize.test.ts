import { describe, expect, it } from 'vitest';
import { createRandom } from '../split/random';
import { dequantizeWeights, float16BitsToNumber, float32ToFloat16Bits, quantizationTolerance, quantizeWeights, uint8Range, type WeightTensor } from './quantize';

const tensor = (name: string, values: readonly number[], shape: readonly number[] = [values.length]): WeightTensor => ({ name, shape, values: Float32Array.from(values) });

/** The largest finite half, and its successor's value (65536 would be next if the exponent allowed). */
const HALF_MAX = 65504;

describe('float16 encoding', () => {
  // Bit patterns worked by hand and confirmed with numpy: np.float32(v).astype(np.float16).view(np.uint16).
  it.each<[string, number, number]>([
    ['1', 1, 0x3c00],
    ['-2', -2, 0xc000],
    ['the largest half', HALF_MAX, 0x7bff],
    ['1/3 (0x3555 = 0.333251953125, the nearer of it and 0x3556)', 1 / 3, 0x3555],
    ['0.1', 0.1, 0x2e66],
    ['-0.1', -0.1, 0xae66],
    ['pi to 5 decimals', 3.14159, 0x4248],
    ['5.96e-8, rounding to the smallest subnormal 2^-24', 5.96e-8, 0x0001],
    ['1e-5, a subnormal', 1e-5, 0x00a8],
    ['6e-5, the largest subnormals', 6e-5, 0x03ef],
    ['1e-8, below half the smallest subnormal', 1e-8, 0x0000],
    ['2^-25, a tie between 0 and 2^-24, to the even 0', 2 ** -25, 0x0000],
    ['3·2^-25, a tie between 1 and 2 subnormal steps, to the even 2', 3 * 2 ** -25, 0x0002],
    ['2^-14 − 2^-25, a tie between the largest subnormal and the smallest normal', 2 ** -14 - 2 ** -25, 0x0400],
    ['1 + 2^-11, a tie, to the even 1', 1 + 2 ** -11, 0x3c00],
    ['1 + 3·2^-11, a tie, to the even 1 + 2^-9', 1 + 3 * 2 ** -11, 0x3c02],
    ['65519, below the midpoint to 65536', 65519, 0x7bff],
    // numpy gives 0x7C00 (infinity) for these; a weight must stay finite.
    ['65520, which rounds to infinity, clamped', 65520, 0x7bff],
    ['1e5 clamped', 1e5, 0x7bff],
    ['-1e5 clamped', -1e5, 0xfbff],
    ['0', 0, 0x0000],
    ['-0', -0, 0x8000],
  ])('%s → %i', (_, value, bits) => {
    expect(float32ToFloat16Bits(value)).toBe(bits);
  });

  it('decodes the hand-checked patterns', () => {
    expect(float16BitsToNumber(0x3c00)).toBe(1);
    expect(float16BitsToNumber(0xc000)).toBe(-2);
    expect(float16BitsToNumber(0x7bff)).toBe(HALF_MAX);
    expect(float16BitsToNumber(0x3555)).toBe(0.333251953125);
    expect(float16BitsToNumber(0x0001)).toBe(2 ** -24);
    expect(float16BitsToNumber(0x0400)).toBe(2 ** -14);
    expect(float16BitsToNumber(0x7c00)).toBe(Number.POSITIVE_INFINITY);
    expect(float16BitsToNumber(0x7e00)).toBeNaN();
    expect(Object.is(float16BitsToNumber(0x8000), -0)).toBe(true);
  });

  it('round-trips every finite half, and rounds each midpoint between neighbours to the even one', () => {
    const wrong: string[] = [];
    const check = (value: number, bits: number) => {
      if (float32ToFloat16Bits(value) !== bits) wrong.push(`${value} → ${float32ToFloat16Bits(value)}, not ${bits}`);
    };
    for (let h = 0; h < 0x7c00; h++) {
      for (const sign of [0, 0x8000]) {
        const v = float16BitsToNumber(sign | h);
        check(v, sign | h);
        if (h === 0x7bff) continue;
        const next = float16BitsToNumber(sign | (h + 1));
        // Halves carry 11 significant bits, so their midpoint (and points just either side) are float32s.
        const mid = (v + next) / 2;
        check(mid, sign | ((h & 1) === 0 ? h : h + 1));
        check(Math.fround(mid - (mid - v) * 2 ** -12), sign | h);
        check(Math.fround(mid + (next - mid) * 2 ** -12), sign | (h + 1));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses NaN and infinities', () => {
    expect(() => float32ToFloat16Bits(Number.NaN)).toThrow(RangeError);
    expect(() => float32ToFloat16Bits(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('uint8 range', () => {
  // Expected numbers from the tfjs converter's quantize_weights logic run in numpy on the same float32
  // values, in float64 throughout (numpy 2's promotion; numpy 1's turns uint8 · scale into float16).
  it('nudges min so that 0 is a level when the range covers it', () => {
    const { specs, data } = quantizeWeights([tensor('w', [-0.3, 1, 0, 0.25, -0.1])], 'uint8');
    expect(specs[0].quantization).toEqual({ dtype: 'uint8', scale: 0.005098039262435015, min: -0.3007843164836659 });
    expect(Array.from(data)).toEqual([0, 255, 59, 108, 39]);
    const [values] = dequantizeWeights(specs, data);
    expect(Array.from(values)).toEqual([-0.30078431963920593, 0.9992157220840454, 0, 0.24980393052101135, -0.10196078568696976]);
    // 0 comes back exactly: 59 · scale + (−59 · scale).
    expect(values[2]).toBe(0);
  });

  it('keeps min and max of a range away from 0', () => {
    const { specs, data } = quantizeWeights([tensor('b', [1, 2, 3, 2.5])], 'uint8');
    expect(specs[0].quantization).toEqual({ dtype: 'uint8', scale: 0.00784313725490196, min: 1 });
    // (2 − 1) / scale is 127.5 in float64: a tie, to the even 128.
    expect(Array.from(data)).toEqual([0, 128, 255, 191]);
    expect(Array.from(dequantizeWeights(specs, data)[0])).toEqual([1, 2.0039215087890625, 3, 2.4980392456054688]);
  });

  it('works a hand example with an exact scale of 1/128, a tie going to the even level', () => {
    // min −1, max 255/128 − 1: scale (max − min) / 255 = 1/128 and zero at level 128.
    const { specs, data } = quantizeWeights([tensor('k', [-1, 0, 0.5, 0.9921875, 0.01, 0.01171875])], 'uint8');
    expect(specs[0].quantization).toEqual({ dtype: 'uint8', scale: 1 / 128, min: -1 });
    // 0.01 · 128 = 1.28 → 129; 0.01171875 · 128 = 1.5 → the even 130 (numpy's round).
    expect(Array.from(data)).toEqual([0, 128, 192, 255, 129, 130]);
    expect(Array.from(dequantizeWeights(specs, data)[0])).toEqual([-1, 0, 0.5, 0.9921875, 0.0078125, 0.015625]);
  });

  it('stores a constant tensor as zeros with scale 1, without dividing by zero', () => {
    const { specs, data } = quantizeWeights([tensor('bias', [0.5, 0.5, 0.5]), tensor('zeros', [0, -0, 0])], 'uint8');
    expect(specs.map((s) => s.quantization)).toEqual([
      { dtype: 'uint8', scale: 1, min: 0.5 },
      { dtype: 'uint8', scale: 1, min: 0 },
    ]);
    expect(Array.from(data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(dequantizeWeights(specs, data)[0])).toEqual([0.5, 0.5, 0.5]);
    expect(uint8Range(new Float32Array(0))).toEqual({ scale: 1, min: 0, max: 0 });
  });
});

describe('quantizeWeights and dequantizeWeights', () => {
  const random = createRandom(11);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const tensors: WeightTensor[] = [
    { name: 'dense_Dense1/kernel', shape: [40, 32], values: Float32Array.from({ length: 1280 }, () => 0.3 * gaussian()) },
    { name: 'dense_Dense1/bias', shape: [32], values: Float32Array.from({ length: 32 }, () => 0.05 * gaussian()) },
    // One outlier widens the whole tensor's uint8 steps; tiny values reach float16's subnormals.
    { name: 'dense_Dense2/kernel', shape: [32, 1], values: Float32Array.from({ length: 32 }, (_, i) => (i === 0 ? 4.5 : i < 8 ? 1e-6 * gaussian() : gaussian())) },
    { name: 'dense_Dense2/bias', shape: [1], values: Float32Array.of(-1.25) },
  ];

  it("'none' stores the float32 bytes little-endian and returns them exactly", () => {
    const { specs, data } = quantizeWeights([tensor('one', [1, -2], [1, 2])], 'none');
    expect(specs).toEqual([{ name: 'one', shape: [1, 2], dtype: 'float32' }]);
    // 1.0f = 0x3F800000, −2.0f = 0xC0000000, least significant byte first.
    expect(Array.from(data)).toEqual([0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0]);
    const all = quantizeWeights(tensors, 'none');
    expect(all.data.length).toBe(4 * (1280 + 32 + 32 + 1));
    dequantizeWeights(all.specs, all.data).forEach((values, t) => expect(values).toEqual(tensors[t].values));
  });

  it("'float16' writes halves little-endian, tensors back to back, within 2^-11 relative (2^-25 absolute among subnormals)", () => {
    const one = quantizeWeights([tensor('h', [1, -2])], 'float16');
    expect(one.specs[0].quantization).toEqual({ dtype: 'float16' });
    expect(Array.from(one.data)).toEqual([0x00, 0x3c, 0x00, 0xc0]);
    const { specs, data } = quantizeWeights(tensors, 'float16');
    expect(data.length).toBe(2 * (1280 + 32 + 32 + 1));
    const back = dequantizeWeights(specs, data);
    let worst = 0;
    back.forEach((values, t) =>
      values.forEach((v, i) => {
        const original = tensors[t].values[i];
        const bound = Math.abs(original) >= 2 ** -14 ? Math.abs(original) * 2 ** -11 : 2 ** -25;
        expect(Math.abs(v - original)).toBeLessThanOrEqual(bound);
        if (Math.abs(original) >= 2 ** -14) worst = Math.max(worst, Math.abs(v - original) / Math.abs(original));
      }),
    );
    // Rounding to nearest reaches close to the bound on 1,300 values; truncation would exceed it.
    expect(worst).toBeGreaterThan(2 ** -11 * 0.9);
  });

  it("'uint8' stays within scale/2 of every weight (plus float32 rounding of the result)", () => {
    const { specs, data } = quantizeWeights(tensors, 'uint8');
    expect(data.length).toBe(1280 + 32 + 32 + 1);
    const back = dequantizeWeights(specs, data);
    back.forEach((values, t) => {
      const q = specs[t].quantization;
      if (q?.dtype !== 'uint8') throw new Error('expected uint8');
      let worst = 0;
      values.forEach((v, i) => {
        const error = Math.abs(v - tensors[t].values[i]);
        expect(error).toBeLessThanOrEqual(q.scale / 2 + Math.abs(v) * 2 ** -24 + 1e-12);
        worst = Math.max(worst, error);
      });
      if (tensors[t].values.length > 100) expect(worst).toBeGreaterThan(q.scale * 0.45);
    });
    // The outlier sets the last kernel's step: (4.5 − min) / 255.
    const q = specs[2].quantization;
    expect(q?.dtype === 'uint8' && q.scale).toBeGreaterThan(4.5 / 255);
  });

  it('names the specs after the tensors, with copied shapes and dtype float32', () => {
    const { specs } = quantizeWeights(tensors, 'uint8');
    expect(specs.map((s) => [s.name, s.shape, s.dtype])).toEqual(tensors.map((t) => [t.name, [...t.shape], 'float32']));
    expect(specs[0].shape).not.toBe(tensors[0].shape);
  });

  it('refuses non-finite weights, values that do not fill the shape, and data of the wrong length', () => {
    expect(() => quantizeWeights([tensor('nan', [1, Number.NaN])], 'none')).toThrow(/finite/);
    expect(() => quantizeWeights([tensor('inf', [Number.POSITIVE_INFINITY])], 'uint8')).toThrow(/finite/);
    expect(() => quantizeWeights([tensor('shape', [1, 2, 3], [2, 2])], 'float16')).toThrow(/shape/);
    const { specs, data } = quantizeWeights(tensors, 'float16');
    expect(() => dequantizeWeights(specs, data.subarray(0, data.length - 1))).toThrow(RangeError);
    expect(() => dequantizeWeights(specs, Uint8Array.of(...data, 0))).toThrow(RangeError);
  });

  it('reads weights from a view into a larger buffer', () => {
    const { specs, data } = quantizeWeights(tensors, 'none');
    const padded = new Uint8Array(data.length + 3);
    padded.set(data, 3);
    expect(dequantizeWeights(specs, padded.subarray(3))[3]).toEqual(Float32Array.of(-1.25));
  });
});

describe('quantizationTolerance', () => {
  it('grows with the loss of the encoding', () => {
    expect(quantizationTolerance('none')).toBe(1e-5);
    expect(quantizationTolerance('float16')).toBeGreaterThan(quantizationTolerance('none'));
    expect(quantizationTolerance('uint8')).toBeGreaterThan(quantizationTolerance('float16'));
  });
});
