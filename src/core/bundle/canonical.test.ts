import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from './canonical';

describe('canonicalJson', () => {
  it('sorts keys recursively, writes no whitespace, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1,{"y":null,"z":true}]},"b":1}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does (uppercase before lowercase, "10" before "9")', () => {
    // Code units: '1' 0x31 < '9' 0x39 < 'B' 0x42 < '_' 0x5f < 'a' 0x61 < 'é' 0xe9 < '😀' 0xd83d…
    expect(canonicalJson({ a: 0, B: 0, é: 0, _: 0, '9': 0, '10': 0, '😀': 0 })).toBe('{"10":0,"9":0,"B":0,"_":0,"a":0,"é":0,"😀":0}');
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([0.1, 1e21, 1e-7, -0, 5e-324, 123456789012345680000, -1.5])).toBe('[0.1,1e+21,1e-7,0,5e-324,123456789012345680000,-1.5]');
    expect(canonicalJson({ s: 'quote " backslash \\ newline \n tab \t é \u2028' })).toBe('{"s":"quote \\" backslash \\\\ newline \\n tab \\t é \u2028"}');
    expect(canonicalJson('\u0001')).toBe('"\\u0001"');
  });

  it('leaves out undefined object properties, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: [] })).toBe('{"b":[]}');
    expect(canonicalJson({})).toBe('{}');
  });

  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ x: { q: 1, p: 2 }, w: 3 })).toBe(canonicalJson({ w: 3, x: { p: 2, q: 1 } }));
  });

  it('writes NaN and ±Infinity as null, exactly as JSON.stringify does (so a digest covers what the file holds)', () => {
    expect(canonicalJson({ metrics: { auc: Number.NaN, ks: 0.5 } })).toBe('{"metrics":{"auc":null,"ks":0.5}}');
    expect(canonicalJson([1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBe('[1,null,null]');
    expect(canonicalJson(Number.NaN)).toBe('null');
    const value = { b: [Number.NaN, 2], a: { c: Number.POSITIVE_INFINITY } };
    expect(canonicalJson(value)).toBe(JSON.stringify({ a: value.a, b: value.b }));
  });

  it('refuses undefined and holes in arrays', () => {
    expect(() => canonicalJson({ a: [1, undefined] })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: [1, undefined] })).toThrow(/a\.1 is undefined/);
    // oxlint-disable-next-line no-sparse-arrays
    expect(() => canonicalJson([1, , 3])).toThrow(/^1 is undefined/);
  });

  it('refuses what JSON.stringify would change silently: typed arrays, dates, maps, bigints, functions, cycles', () => {
    expect(() => canonicalJson({ w: new Float32Array(2) })).toThrow(/w is a Float32Array/);
    expect(() => canonicalJson(new Date(0))).toThrow(/is a Date/);
    expect(() => canonicalJson(new Map())).toThrow(/is a Map/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/n is a bigint/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/f is a function/);
    const loop: Record<string, unknown> = {};
    loop.self = { back: loop };
    expect(() => canonicalJson(loop)).toThrow(/self\.back refers back to itself/);
  });

  it('accepts a repeated (not cyclic) reference and objects without a prototype', () => {
    const shared = { k: 1 };
    const bare = Object.create(null) as Record<string, unknown>;
    bare.z = shared;
    expect(canonicalJson({ a: shared, b: shared, c: bare })).toBe('{"a":{"k":1},"b":{"k":1},"c":{"z":{"k":1}}}');
  });
});
