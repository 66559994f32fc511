import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { bytesOf, chunkedOpen } from '../../test/support/csvFixtures';
import { findDataset } from './datasets';
import { hashWhileReading, sha256OfBlob } from './fileHash';
import { loadBlob, loadCsv } from './loading';

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
    expect(await dataset.data.fileFacts()).toEqual({ name: 'latin.csv', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  });
});

describe('sha256OfBlob', () => {
  const bytes = new Uint8Array(300_000).map((_, i) => (i * 31 + 7) % 251);
  const expected = createHash('sha256').update(bytes).digest('hex');

  it('hashes a File with WebCrypto, as node:crypto does', async () => {
    expect(await sha256OfBlob(new Blob([bytes]))).toBe(expected);
  });

  it('falls back to hashing the stream in chunks when WebCrypto cannot take the file whole', async () => {
    const digest = vi.spyOn(crypto.subtle, 'digest').mockRejectedValueOnce(new RangeError('Array buffer allocation failed'));
    vi.spyOn(console, 'warn').mockImplementationOnce(() => undefined);
    try {
      expect(await sha256OfBlob(new Blob([bytes.subarray(0, 100_000), bytes.subarray(100_000)]))).toBe(expected);
      expect(digest).toHaveBeenCalledTimes(1);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('loadBlob file hash', () => {
  it('keeps the SHA-256 of a user file for when a model needs it', async () => {
    const bytes = bytesOf('age,income,default\n', '31,5000,0\n42,3100,1\n');
    const loaded = await loadBlob(new Blob([bytes.slice()]), 'loans.csv', () => undefined);
    if (!loaded.ok) throw new Error(loaded.reason);
    const dataset = findDataset(loaded.data.datasetId);
    if (!dataset.ok) throw new Error(dataset.reason);
    expect(await dataset.data.fileFacts()).toEqual({ name: 'loans.csv', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  });
});
