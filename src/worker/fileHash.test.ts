import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesOf, chunkedOpen } from '../core/csv/testFixtures';
import { findDataset } from './datasets';
import { hashWhileReading } from './fileHash';
import { loadCsv } from './loading';

async function drain(source: AsyncIterable<Uint8Array>, stopAfter = Infinity): Promise<void> {
  let chunks = 0;
  for await (const _ of source) if (++chunks >= stopAfter) return;
}

// FIPS 180-2 appendix B test vectors.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const TWO_BLOCKS = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
const TWO_BLOCKS_SHA = '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1';

describe('hashWhileReading', () => {
  it('gives the published SHA-256 of bytes that arrive in chunks of any size, and the byte count', async () => {
    const abc = hashWhileReading(chunkedOpen(bytesOf('abc'), 1));
    await drain(abc.open());
    expect(abc.digest()).toEqual({ sha256: ABC, bytes: 3 });
    for (const size of [1, 7, 55, 64, 1000]) {
      const source = hashWhileReading(chunkedOpen(bytesOf(TWO_BLOCKS), size));
      await drain(source.open());
      expect(source.digest().sha256).toBe(TWO_BLOCKS_SHA);
    }
    const empty = hashWhileReading(chunkedOpen(new Uint8Array(0), 4));
    await drain(empty.open());
    expect(empty.digest()).toEqual({ sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', bytes: 0 });
  });

  it('starts again when the stream is opened again: an abandoned first pass leaves no trace in the digest', async () => {
    const source = hashWhileReading(chunkedOpen(bytesOf(TWO_BLOCKS), 10));
    await drain(source.open(), 2);
    await drain(source.open());
    expect(source.digest()).toEqual({ sha256: TWO_BLOCKS_SHA, bytes: TWO_BLOCKS.length });
  });
});

describe('loadCsv file hash', () => {
  it('keeps the SHA-256 of every byte with the data set, also when the file is read again as Windows-1252', async () => {
    // 0xE9 is "é" in Windows-1252 and invalid UTF-8: the reader opens the stream a second time.
    const bytes = bytesOf('name,city,default\n', 'Ren', [0xe9], ',Paris,1\nAnna,Lyon,0\n');
    const open = chunkedOpen(bytes, 5);
    const loaded = await loadCsv(open, bytes.length, 'latin.csv', () => undefined);
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(open.opened).toBe(2);
    expect(loaded.data.summary.notes.encoding).toBe('windows-1252');
    const dataset = findDataset(loaded.data.datasetId);
    if (!dataset.ok) throw new Error(dataset.reason);
    // node:crypto is an independent implementation of the same function.
    expect(dataset.data.file).toEqual({ name: 'latin.csv', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  });
});
