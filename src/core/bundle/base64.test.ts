import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { base64ByteLength, decodeBase64, encodeBase64, isBase64 } from './base64';

// Node's Buffer is the independent second implementation.
describe('base64', () => {
  it('matches RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(decodeBase64(encoded))).toBe(plain);
      expect(base64ByteLength(encoded)).toBe(plain.length);
    }
  });

  it('agrees with Buffer on every byte value and on lengths across the 12,288-byte chunk edge', () => {
    for (const length of [1, 2, 3, 255, 256, 12_287, 12_288, 12_289, 40_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7919 + length) & 255);
      const encoded = encodeBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(decodeBase64(encoded))).toEqual(Array.from(bytes));
      expect(base64ByteLength(encoded)).toBe(length);
    }
  });

  it('accepts only padded standard base64', () => {
    expect(isBase64('')).toBe(true);
    expect(isBase64('Zm9vYg==')).toBe(true);
    expect(isBase64('+/+/')).toBe(true);
    expect(isBase64('Zm9vYg')).toBe(false);
    expect(isBase64('Zm9v Yg==')).toBe(false);
    expect(isBase64('Zm9vYg=A')).toBe(false);
    expect(isBase64('Zg=a')).toBe(false);
    expect(isBase64('====')).toBe(false);
    expect(isBase64('A===')).toBe(false);
    expect(isBase64('-_-_')).toBe(false);
    expect(isBase64('Zm9é')).toBe(false);
    expect(() => decodeBase64('Zm9')).toThrow(RangeError);
  });
});
