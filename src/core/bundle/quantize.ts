// Float32 weight tensors into the bytes of a TensorFlow.js weights manifest, and back. The encoding
// follows what tfjs-core 4.22's decodeWeights reads (io_utils.ts): tensors concatenated in spec
// order with no padding, little-endian; uint8 per tensor as value = q · scale + min; float16 as IEEE
// 754 binary16. The uint8 range is chosen as the tfjs converter's quantize_weights chooses it
// (tfjs-converter/python/tensorflowjs/quantization.py), so our bundles quantise like converted models.

import type { WeightQuantization, WeightSpec } from './types';

/** One float32 weight tensor of a model, by its tfjs weight name (`dense_Dense1/kernel`). */
export interface WeightTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** The manifest entries and the concatenated bytes tfjs loads them from. */
export interface QuantizedWeights {
  readonly specs: WeightSpec[];
  readonly data: Uint8Array<ArrayBuffer>;
}

// Largest finite half: larger weights are clamped to it rather than rounded to infinity, which would
// turn every score the weight touches into NaN.
const FLOAT16_MAX_BITS = 0x7bff;
const UINT8_LEVELS = 255;

/**
 * Encodes the tensors in `mode`: 'none' stores raw float32; 'float16' IEEE halves (round to nearest,
 * ties to even; beyond ±65504 clamped to ±65504); 'uint8' 256 levels per tensor. Throws for a tensor
 * whose values do not fill its shape or that holds NaN or an infinity: a weight must be finite.
 */
export function quantizeWeights(tensors: readonly WeightTensor[], mode: WeightQuantization): QuantizedWeights {
  const bytesPerValue = mode === 'none' ? 4 : mode === 'float16' ? 2 : 1;
  let total = 0;
  for (const tensor of tensors) {
    checkTensor(tensor);
    total += tensor.values.length * bytesPerValue;
  }
  const data = new Uint8Array(total);
  const view = new DataView(data.buffer);
  const specs: WeightSpec[] = [];
  let offset = 0;
  for (const { name, shape, values } of tensors) {
    const base = { name, shape: [...shape], dtype: 'float32' as const };
    if (mode === 'none') {
      for (let i = 0; i < values.length; i++) view.setFloat32(offset + 4 * i, values[i], true);
      specs.push(base);
    } else if (mode === 'float16') {
      for (let i = 0; i < values.length; i++) view.setUint16(offset + 2 * i, float32ToFloat16Bits(values[i]), true);
      specs.push({ ...base, quantization: { dtype: 'float16' } });
    } else {
      const { scale, min, max } = uint8Range(values);
      for (let i = 0; i < values.length; i++) {
        const v = values[i] < min ? min : values[i] > max ? max : values[i];
        const q = roundHalfEven((v - min) / scale);
        data[offset + i] = q < 0 ? 0 : q > UINT8_LEVELS ? UINT8_LEVELS : q;
      }
      specs.push({ ...base, quantization: { dtype: 'uint8', scale, min } });
    }
    offset += values.length * bytesPerValue;
  }
  return { specs, data };
}

/**
 * The float32 values tfjs would load from `data` under `specs` (the same arithmetic as its
 * decodeWeights: q · scale + min in double, then stored as float32), for previews without tfjs.
 * Throws when the bytes are not exactly as long as the specs say.
 */
export function dequantizeWeights(specs: readonly WeightSpec[], data: Uint8Array): Float32Array[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: Float32Array[] = [];
  let offset = 0;
  for (const spec of specs) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const quantization = spec.quantization;
    const bytesPerValue = quantization === undefined ? 4 : quantization.dtype === 'float16' ? 2 : 1;
    if (offset + size * bytesPerValue > data.length) throw new RangeError(`Weight data ends inside "${spec.name}".`);
    const values = new Float32Array(size);
    if (quantization === undefined) for (let i = 0; i < size; i++) values[i] = view.getFloat32(offset + 4 * i, true);
    else if (quantization.dtype === 'float16') for (let i = 0; i < size; i++) values[i] = float16BitsToNumber(view.getUint16(offset + 2 * i, true));
    else for (let i = 0; i < size; i++) values[i] = data[offset + i] * quantization.scale + quantization.min;
    out.push(values);
    offset += size * bytesPerValue;
  }
  if (offset !== data.length) throw new RangeError(`Weight data has ${data.length - offset} bytes more than its specs describe.`);
  return out;
}

/**
 * The largest |Δ probability| to accept when reference applicants, scored with the float32 weights
 * at export, are scored again from the stored weights. 'none': backends' float differences only
 * (summation order, fused multiply-add). float16 (relative error per weight ≤ 2⁻¹¹) and uint8
 * (absolute error per weight ≤ (max − min) / 510 of its tensor): no a-priori bound holds for every
 * network, so the bounds are several times the worst deviation measured on 18 networks (logistic,
 * [32], [64, 32]; standard and PLE inputs) trained on german_credit, loan_prediction and credit_risk,
 * 25 × 8 synthetic applicants each: float16 at most 7.1·10⁻⁴ (1.2·10⁻³ over every held-out row),
 * uint8 at most 5.7·10⁻² (1.3·10⁻¹ over held-out rows, whose outliers reach far beyond the applicants'
 * span). Export measures the real deviation and refuses a model beyond the bound.
 */
export function quantizationTolerance(mode: WeightQuantization): number {
  return mode === 'none' ? 1e-5 : mode === 'float16' ? 5e-3 : 1e-1;
}

/**
 * tfjs-converter's range for one tensor: scale = (max − min) / 255, with min moved by at most
 * scale / 2 so that 0 is exactly a level when the range covers it (as TF-Lite nudges); a constant
 * tensor gets scale 1 and stores only zeros (q · 1 + min gives it back without dividing by zero).
 */
export function uint8Range(values: Float32Array): { readonly scale: number; readonly min: number; readonly max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  // + 0 turns a -0 into 0: JSON writes both as 0 anyway.
  if (values.length === 0) return { scale: 1, min: 0, max: 0 };
  if (min === max) return { scale: 1, min: min + 0, max: max + 0 };
  const scale = (max - min) / UINT8_LEVELS;
  if (min > 0 || max < 0) return { scale, min, max };
  const zeroLevel = roundHalfEven(-min / scale);
  const nudgedMin = -zeroLevel * scale + 0;
  return { scale, min: nudgedMin, max: UINT8_LEVELS * scale + nudgedMin };
}

// Reinterpreting a float32's bits: both views share one buffer, so the host's byte order cancels out.
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * The IEEE 754 binary16 bits of float32 `value`: round to nearest, ties to even, subnormals down to
 * 2⁻²⁴ (below 2⁻²⁵ → ±0), magnitudes rounding above 65504 clamped to ±65504 (0x7BFF). Throws for NaN
 * or an infinity.
 */
export function float32ToFloat16Bits(value: number): number {
  f32[0] = value;
  const bits = u32[0];
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) throw new RangeError(`A weight of ${value} cannot be stored.`);
  // The exponent in binary16's bias (15) rather than binary32's (127).
  const e = exponent - 112;
  if (e >= 31) return sign | FLOAT16_MAX_BITS;
  if (e <= 0) {
    // Subnormal half: value = m · 2⁻²⁴. Below 2⁻²⁵ (e < −10) even the implicit bit is shifted out.
    if (e < -10) return sign;
    const full = mantissa | 0x800000;
    const shift = 14 - e;
    const m = full >>> shift;
    const rest = full & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    // Rounding up the largest subnormal gives 0x0400, the smallest normal: the carry is right as it is.
    return sign | (rest > half || (rest === half && (m & 1) === 1) ? m + 1 : m);
  }
  let h = (e << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1) === 1)) h++;
  return sign | (h > FLOAT16_MAX_BITS ? FLOAT16_MAX_BITS : h);
}

/** The number binary16 `bits` stand for (exact: every half is a float32). */
export function float16BitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * (0x400 + mantissa) * 2 ** (exponent - 25);
}

/** x rounded to the nearest integer, halves to the even one, as numpy's round in the converter. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function checkTensor({ name, shape, values }: WeightTensor): void {
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== values.length) throw new RangeError(`Weight "${name}" has ${values.length} values for shape [${shape.join(', ')}].`);
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) throw new RangeError(`Weight "${name}" holds ${values[i]}: a weight must be finite.`);
}
