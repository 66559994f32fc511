import { afterEach, describe, expect, it } from 'vitest';
import { problemMessage } from '../../bundle/problemMessage';
import type { BundleProblem, BundleProblemCode } from '../../core/bundle/problems';
import { i18n } from '../i18n';
import { bundleProblemText } from './bundleProblemText';

// One example per code (more where a code has variants); the Record type makes tsc fail when a code is added without one.
const EXAMPLES: { [C in BundleProblemCode]: readonly Extract<BundleProblem, { code: C }>[] } = {
  'too-large': [
    { code: 'too-large', bytes: 73 * 1024 * 1024, maxBytes: 50 * 1024 * 1024 },
    { code: 'too-large', bytes: 1.5 * 1024 * 1024, maxBytes: 1024 * 1024 },
    { code: 'too-large', bytes: 2048 * 1024 * 1024, maxBytes: 1024 * 1024 * 1024 },
  ],
  'not-json': [{ code: 'not-json' }],
  truncated: [{ code: 'truncated' }],
  'not-a-bundle': [{ code: 'not-a-bundle' }],
  'newer-version': [
    { code: 'newer-version', of: 'bundle', version: 3, supported: 1 },
    { code: 'newer-version', of: 'file', version: 2, supported: 1 },
  ],
  invalid: [
    { code: 'invalid', path: 'bundle.policy.cutoff', message: 'Invalid value: Expected <=1 but received 1.5' },
    { code: 'invalid', path: '', message: 'Invalid type.' },
  ],
  'digest-mismatch': [{ code: 'digest-mismatch' }],
  'passphrase-required': [{ code: 'passphrase-required' }],
  'wrong-passphrase': [{ code: 'wrong-passphrase' }],
  'reference-mismatch': [
    { code: 'reference-mismatch', applicant: 2, expected: 0.25, actual: 0.2513, tolerance: 1e-5 },
    { code: 'reference-mismatch', applicant: 0, expected: -2.5, actual: -2.4, tolerance: 1e-5, on: 'logit' },
  ],
  'not-loaded': [{ code: 'not-loaded' }],
  'quantization-too-lossy': [{ code: 'quantization-too-lossy', mode: 'uint8', maxReferenceChange: 0.1234, tolerance: 0.1 }],
  'quantization-unavailable': [
    { code: 'quantization-unavailable', mode: 'float16', reason: 'already-quantized', stored: 'uint8' },
    { code: 'quantization-unavailable', mode: 'uint8', reason: 'scorecard', stored: 'none' },
    { code: 'quantization-unavailable', mode: 'uint8', reason: 'boosted', stored: 'none' },
  ],
  'quota-exceeded': [{ code: 'quota-exceeded' }],
  blocked: [{ code: 'blocked' }],
};
const ALL = Object.values(EXAMPLES).flat();

afterEach(() => i18n.changeLanguage('en'));

describe('bundleProblemText', () => {
  it('in English says exactly what the CLI’s problemMessage says, for every code', () => {
    for (const problem of ALL) expect(bundleProblemText(problem), problem.code).toBe(problemMessage(problem));
  });

  it('in Chinese says every problem in Chinese, with its numbers, and no two alike', async () => {
    await i18n.changeLanguage('zh-CN');
    const texts = ALL.map((problem) => bundleProblemText(problem));
    for (const text of texts) expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(new Set(texts).size).toBe(texts.length);
    expect(bundleProblemText(EXAMPLES['too-large'][0])).toContain('73 MB');
    expect(bundleProblemText(EXAMPLES['newer-version'][0])).toContain('3');
  });
});
