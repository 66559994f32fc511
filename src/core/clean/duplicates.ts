import type { Column, NumericValues } from '../table';

/**
 * For each row, the index of the first earlier row with the same values in `columns`, or -1.
 * Two missing cells are equal (as in pandas' `duplicated`), and 0 equals −0. With `skipMissing`,
 * a row with a missing cell in any of the columns is never a duplicate (an unknown ID matches nothing).
 *
 * Hashes the cells' bits column by column into a Uint32Array and probes an open-addressing table
 * of row indices; equal hashes are confirmed by comparing the rows, so a collision never merges rows.
 */
export function findDuplicates(columns: readonly Column[], rowCount: number, skipMissing: boolean): Int32Array {
  const hashes = new Uint32Array(rowCount);
  const skip = skipMissing ? new Uint8Array(rowCount) : null;
  const numeric: NumericValues[] = [];
  const codes: Int32Array[] = [];
  for (const column of columns) {
    if (column.kind === 'numeric') {
      numeric.push(column.values);
      hashNumeric(column.values, hashes, skip);
    } else {
      codes.push(column.codes);
      hashCodes(column.codes, hashes, skip);
    }
  }

  for (let r = 0; r < rowCount; r++) hashes[r] = finalise(hashes[r]);

  let size = 1;
  while (size < rowCount * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const firstOf = new Int32Array(rowCount).fill(-1);
  for (let r = 0; r < rowCount; r++) {
    if (skip !== null && skip[r]) continue;
    const h = hashes[r];
    let slot = h & mask;
    for (;;) {
      const other = slots[slot];
      if (other < 0) {
        slots[slot] = r;
        break;
      }
      if (hashes[other] === h && rowsEqual(numeric, codes, other, r)) {
        firstOf[r] = other;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return firstOf;
}

const NAN_HIGH = 0x7ff80000;

function hashNumeric(values: NumericValues, hashes: Uint32Array, skip: Uint8Array | null): void {
  // A Float32 column's cells are one 32-bit word each; a column is compared only with itself.
  const wordsPerCell = values instanceof Float32Array ? 1 : 2;
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length * wordsPerCell);
  for (let r = 0; r < hashes.length; r++) {
    const v = values[r];
    let low: number;
    let high: number;
    if (v !== v) {
      // Every NaN payload hashes alike, as every NaN compares equal in rowsEqual.
      low = 0;
      high = NAN_HIGH;
      if (skip !== null) skip[r] = 1;
    } else if (v === 0) {
      low = 0;
      high = 0;
    } else {
      low = bits[wordsPerCell * r];
      high = wordsPerCell === 2 ? bits[2 * r + 1] : 0;
    }
    hashes[r] = mix(mix(hashes[r], low), high);
  }
}

function hashCodes(codes: Int32Array, hashes: Uint32Array, skip: Uint8Array | null): void {
  for (let r = 0; r < hashes.length; r++) {
    const code = codes[r];
    if (skip !== null && code < 0) skip[r] = 1;
    hashes[r] = mix(hashes[r], code);
  }
}

/** One MurmurHash3 round: folds a 32-bit word into the running hash. */
function mix(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) >>> 0;
}

/** MurmurHash3's final avalanche, so the low bits used for the slot depend on every input bit. */
function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function rowsEqual(numeric: readonly NumericValues[], codes: readonly Int32Array[], a: number, b: number): boolean {
  for (let c = 0; c < codes.length; c++) if (codes[c][a] !== codes[c][b]) return false;
  for (let c = 0; c < numeric.length; c++) {
    const x = numeric[c][a];
    const y = numeric[c][b];
    if (x !== y && (x === x || y === y)) return false;
  }
  return true;
}
