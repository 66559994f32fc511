import { describe, expect, it } from 'vitest';
import { randomId, uuidV4FromBytes } from './randomId';

describe('randomId', () => {
  it('makes version-4 UUIDs, a new one each time', () => {
    const ids = new Set(Array.from({ length: 100 }, randomId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sets the version and variant bits of random bytes as RFC 9562 says, keeping the others', () => {
    // Hand: byte 6 0xff → 0x4f, byte 8 0xff → 0xbf; all-zero bytes → 0x40 and 0x80.
    expect(uuidV4FromBytes(new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4FromBytes(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
    expect(uuidV4FromBytes(Uint8Array.from({ length: 16 }, (_, i) => i))).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
  });
});
