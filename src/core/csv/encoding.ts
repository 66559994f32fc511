// Which text encoding a CSV file's bytes are in: a byte-order mark when there is one, else UTF-8
// when it decodes, else the legacy code page a spreadsheet on that system writes (GB18030/GBK on a
// Chinese-language Windows, Windows-1252 on an English- or Western-European-language one).

/** The encoding a file was decoded with, as a code (the UI words it); also TextDecoder's label for it. */
export type TextEncodingCode = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252';

/** The encodings tried when a file without a byte-order mark is not valid UTF-8. */
export type LegacyEncoding = 'gb18030' | 'windows-1252';

/** What a byte-order mark at the start of a file says. */
export interface ByteOrderMark {
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  readonly length: number;
}

/** The byte-order mark the first bytes start with (EF BB BF, FF FE, FE FF), or null. Needs at least 3 bytes unless the file is shorter. */
export function byteOrderMark(head: Uint8Array): ByteOrderMark | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** How the multi-byte characters of a sample fall in GB18030's byte grammar. */
export interface Gb18030Census {
  /** Two-byte characters of GB2312 (lead A1–A9 or B0–F7, trail A1–FE): the common hanzi and full-width punctuation. */
  readonly common: number;
  /** Other valid two- and four-byte characters (GBK's rare hanzi, user-defined areas, GB18030 extensions) and 0x80 (€ in code page 936). */
  readonly rare: number;
  /** Bytes at or above 0x80 that start no valid character (0xFF, or a lead byte followed by a byte no trail can be). */
  readonly invalid: number;
}

const inRange = (b: number, lo: number, hi: number) => b >= lo && b <= hi;

/**
 * Counts a sample's characters by GB18030's grammar (the WHATWG Encoding Standard's decoder): a
 * lead 81–FE takes a trail 40–7E or 80–FE, or 30–39 then 81–FE then 30–39. An incomplete character
 * at the very end is not counted (the sample may be cut there).
 */
export function gb18030Census(bytes: Uint8Array): Gb18030Census {
  let common = 0;
  let rare = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) {
      if (b === 0x80) rare++;
      else invalid++;
      i++;
      continue;
    }
    if (i + 1 >= bytes.length) break;
    const t = bytes[i + 1];
    if (inRange(t, 0x40, 0x7e) || inRange(t, 0x80, 0xfe)) {
      if ((inRange(b, 0xa1, 0xa9) || inRange(b, 0xb0, 0xf7)) && t >= 0xa1) common++;
      else rare++;
      i += 2;
    } else if (inRange(t, 0x30, 0x39)) {
      if (i + 3 >= bytes.length) break;
      if (inRange(bytes[i + 2], 0x81, 0xfe) && inRange(bytes[i + 3], 0x30, 0x39)) {
        rare++;
        i += 4;
      } else {
        invalid++;
        i++;
      }
    } else {
      invalid++;
      i++;
    }
  }
  return { common, rare, invalid };
}

/**
 * GB18030 or Windows-1252 for bytes that are not UTF-8, from a sample that starts at the file's first
 * non-ASCII byte. Windows-1252 decodes any byte string, and GB18030 almost any, so "decodes" alone
 * cannot choose. The rule: GB18030 when the sample decodes without error as GB18030 and at least
 * three quarters of its multi-byte characters are GB2312's (the common hanzi and full-width
 * punctuation Chinese text is made of); otherwise Windows-1252. Latin text fails this because its accented letters stand
 * one at a time between ASCII letters and punctuation: "é," is not valid GB18030, "ül" is a rare
 * GBK hanzi, and two high bytes in a row (which GB2312 needs) hardly occur in French or German.
 */
export function guessLegacyEncoding(sample: Uint8Array): LegacyEncoding {
  const census = gb18030Census(sample);
  if (census.invalid > 0 || census.common === 0 || census.common < 3 * census.rare) return 'windows-1252';
  try {
    // The grammar above is the decoder's; this confirms it (stream: the sample may end mid-character).
    new TextDecoder('gb18030', { fatal: true }).decode(sample, { stream: true });
  } catch {
    return 'windows-1252';
  }
  return 'gb18030';
}
