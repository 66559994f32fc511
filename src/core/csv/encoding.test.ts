import { describe, expect, it } from 'vitest';
import { byteOrderMark, gb18030Census, guessLegacyEncoding } from './encoding';
import { GBK_BYTES, gbkBytes, latin1Bytes } from '../../../test/support/csvFixtures';

describe('the GBK fixture bytes', () => {
  it('every pair in GBK_BYTES decodes to its character with TextDecoder("gb18030")', () => {
    for (const [ch, pair] of Object.entries(GBK_BYTES)) expect(new TextDecoder('gb18030').decode(Uint8Array.from(pair)), ch).toBe(ch);
    // 是 = CA C7 and 否 = B7 F1, as written by hand in the brief.
    expect(Array.from(gbkBytes('是否'))).toEqual([0xca, 0xc7, 0xb7, 0xf1]);
  });
});

describe('byteOrderMark', () => {
  it.each([
    ['UTF-8', [0xef, 0xbb, 0xbf, 0x61], { encoding: 'utf-8', length: 3 }],
    ['UTF-16LE (Excel "Unicode text")', [0xff, 0xfe, 0x61, 0x00], { encoding: 'utf-16le', length: 2 }],
    ['UTF-16BE', [0xfe, 0xff, 0x00, 0x61], { encoding: 'utf-16be', length: 2 }],
    ['none: plain ASCII', [0x61, 0x2c, 0x62], null],
    ['none: only two bytes of a UTF-8 mark', [0xef, 0xbb], null],
    ['none: a GBK character', [0xca, 0xc7], null],
  ] as [string, number[], unknown][])('%s', (_why, bytes, expected) => {
    expect(byteOrderMark(Uint8Array.from(bytes))).toEqual(expected);
  });
});

describe('gb18030Census: characters by GB18030 byte grammar (counted by hand)', () => {
  it.each([
    ['是否 (GB2312 hanzi)', [0xca, 0xc7, 0xb7, 0xf1], { common: 2, rare: 0, invalid: 0 }],
    ['full-width comma A3 AC (GB2312 symbol row)', [0xa3, 0xac], { common: 1, rare: 0, invalid: 0 }],
    ['喆 86 B4 (GBK/3, outside GB2312)', [0x86, 0xb4], { common: 0, rare: 1, invalid: 0 }],
    ['"ül" of Müller in Latin-1: FC 6C is a valid GBK/4 pair', [0x4d, 0xfc, 0x6c, 0x6c], { common: 0, rare: 1, invalid: 0 }],
    ['"é," of café in Latin-1: a comma cannot be a trail byte', [0xe9, 0x2c], { common: 0, rare: 0, invalid: 1 }],
    ['four-byte 81 30 81 30 (U+0080)', [0x81, 0x30, 0x81, 0x30], { common: 0, rare: 1, invalid: 0 }],
    ['81 30 followed by ASCII: a broken four-byte form', [0x81, 0x30, 0x41, 0x41], { common: 0, rare: 0, invalid: 1 }],
    ['FF never starts a character', [0xff, 0x41], { common: 0, rare: 0, invalid: 1 }],
    ['a lead byte cut off at the end of the sample is not counted', [0xca, 0xc7, 0xb7], { common: 1, rare: 0, invalid: 0 }],
  ] as [string, number[], unknown][])('%s', (_why, bytes, expected) => {
    expect(gb18030Census(Uint8Array.from(bytes))).toEqual(expected);
  });

  it('agrees with the decoder on what is valid', () => {
    const fatal = (bytes: number[]) => {
      try {
        new TextDecoder('gb18030', { fatal: true }).decode(Uint8Array.from(bytes));
        return 'valid';
      } catch {
        return 'invalid';
      }
    };
    expect(new TextDecoder('gb18030').decode(Uint8Array.of(0x81, 0x30, 0x81, 0x30))).toBe('\u0080');
    for (const bytes of [
      [0xe9, 0x2c],
      [0xff, 0x41],
      [0x81, 0x30, 0x41, 0x41],
    ])
      expect(fatal(bytes), bytes.join(' ')).toBe('invalid');
    for (const bytes of [
      [0xfc, 0x6c],
      [0x86, 0xb4],
      [0xca, 0xc7],
    ])
      expect(fatal(bytes), bytes.join(' ')).toBe('valid');
  });
});

/** The sample the reader gives the guess: from the first non-ASCII byte on. */
function sampleOf(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(bytes.findIndex((b) => b >= 0x80));
}

describe('guessLegacyEncoding', () => {
  it.each([
    ['Chinese header and 是/否 values', gbkBytes('姓名,年龄,住房,违约\n张伟,34,是,否\n王芳,28,否,是\n')],
    ['English header, Chinese city names', gbkBytes('id,city,default\n1,北京,0\n2,上海,1\n')],
    ['Chinese text with one rare name character (喆) among common ones', gbkBytes('客户编号,姓名,城市\n1,王喆,北京\n2,李娜,上海\n3,张伟,北京\n')],
  ])('GB18030: %s', (_why, bytes) => {
    expect(guessLegacyEncoding(sampleOf(bytes))).toBe('gb18030');
  });

  it.each([
    ['French: accents before punctuation and in words', latin1Bytes('nom;prénom;ville\nLefèvre;Hélène;Orléans\nDupré;Zoë;Besançon\n')],
    ['German: umlauts and ß inside words only (every pair valid GBK, none GB2312)', latin1Bytes('Name,Stadt\nJürgen Müller,München\nBjörn Weiß,Köln\n')],
    ['Spanish and Danish', latin1Bytes('nombre,ciudad\nJosé Gómez,Málaga\nSøren Øster,Århus\n')],
    ['French capitals', latin1Bytes('NOM,VILLE\nÉLODIE,ÉVRY\nRENÉ,SÈTE\n')],
    ['one accented letter, alone at the very end', latin1Bytes('a,b\n1,Caf\u00e9')],
  ])('Windows-1252: %s', (_why, bytes) => {
    expect(guessLegacyEncoding(sampleOf(bytes))).toBe('windows-1252');
  });

  it('needs GB2312 characters to be at least three quarters of the multi-byte ones', () => {
    // 3 common : 1 rare → GB18030; 2 common : 1 rare → Windows-1252.
    expect(guessLegacyEncoding(gbkBytes('是否好,喆'))).toBe('gb18030');
    expect(guessLegacyEncoding(gbkBytes('是否,喆'))).toBe('windows-1252');
  });
});
