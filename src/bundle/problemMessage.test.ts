import { describe, expect, it } from 'vitest';
import type { BundleProblem, BundleProblemCode } from '../core/bundle/problems';
import { problemMessage } from './problemMessage';

// One example per code; the Record type makes tsc fail when a code is added without one.
const EXAMPLES: { [C in BundleProblemCode]: Extract<BundleProblem, { code: C }> } = {
  'too-large': { code: 'too-large', bytes: 73 * 1024 * 1024, maxBytes: 50 * 1024 * 1024 },
  'not-json': { code: 'not-json' },
  truncated: { code: 'truncated' },
  'not-a-bundle': { code: 'not-a-bundle' },
  'newer-version': { code: 'newer-version', of: 'bundle', version: 3, supported: 1 },
  invalid: { code: 'invalid', path: 'bundle.policy.cutoff', message: 'Invalid value: Expected <=1 but received 1.5' },
  'digest-mismatch': { code: 'digest-mismatch' },
  'passphrase-required': { code: 'passphrase-required' },
  'wrong-passphrase': { code: 'wrong-passphrase' },
  'reference-mismatch': { code: 'reference-mismatch', applicant: 2, expected: 0.25, actual: 0.2513, tolerance: 1e-5 },
  'not-loaded': { code: 'not-loaded' },
  'quantization-too-lossy': { code: 'quantization-too-lossy', mode: 'uint8', maxReferenceChange: 0.1234, tolerance: 0.1 },
  'quantization-unavailable': { code: 'quantization-unavailable', mode: 'float16', reason: 'already-quantized', stored: 'uint8' },
  'quota-exceeded': { code: 'quota-exceeded' },
  blocked: { code: 'blocked' },
};

describe('problemMessage', () => {
  it('words every problem as a sentence, and no two alike', () => {
    const messages = Object.values(EXAMPLES).map((p) => problemMessage(p));
    for (const message of messages) expect(message).toMatch(/^[A-Z].*\.$/);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('says what changed, with the numbers', () => {
    expect(problemMessage(EXAMPLES['digest-mismatch'])).toBe('This file was changed after it was exported (its checksum does not match), so it was not imported.');
    expect(problemMessage(EXAMPLES['too-large'])).toContain('73 MB, more than the 50 MB');
    expect(problemMessage(EXAMPLES['newer-version'])).toContain('model version 3; this version reads up to 1');
    expect(problemMessage({ code: 'newer-version', of: 'file', version: 2, supported: 1 })).toContain('file format 2');
    expect(problemMessage(EXAMPLES['reference-mismatch'])).toContain('applicant 3 as it did when it was saved (probability of bad 0.251300 instead of 0.250000)');
    expect(problemMessage(EXAMPLES.invalid)).toContain('bundle.policy.cutoff: Invalid value');
    expect(problemMessage({ code: 'too-large', bytes: 1.5 * 1024 * 1024, maxBytes: 1024 * 1024 })).toContain('1.5 MB, more than the 1.0 MB');
    expect(problemMessage(EXAMPLES['quantization-too-lossy'])).toContain('stored as 8-bit integers, this model would score a check applicant 0.1234 away');
    expect(problemMessage(EXAMPLES['quantization-too-lossy'])).toContain('at most 0.1000 is allowed');
    expect(problemMessage(EXAMPLES['quantization-unavailable'])).toContain('already stored as 8-bit integers');
    expect(problemMessage({ code: 'quantization-unavailable', mode: 'uint8', reason: 'scorecard', stored: 'none' })).toMatch(/^A scorecard has no network weights/);
  });
});
