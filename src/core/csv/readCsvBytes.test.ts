import { describe, expect, it } from 'vitest';
import { tryParseCsv } from './csvReader';
import { CANCELLED, readCsvBytes, type ReadProgress } from './readCsvBytes';
import { bytesOf, chunkedOpen, columnCells, snapshot, type Cell } from '../../../test/support/csvFixtures';

/** Chunkings every byte-level case is read with: whole, one byte at a time, and odd sizes that cut multi-byte characters. */
const CHUNKINGS: readonly (number | number[])[] = [1 << 20, 1, 2, 3, [5, 7], [1, 4, 2]];

async function readOk(bytes: Uint8Array, sizes: number | readonly number[]) {
  const result = await readCsvBytes(chunkedOpen(bytes, sizes), bytes.length);
  if (!result.ok) throw new Error(`expected ok with chunks ${String(sizes)}, got: ${result.reason}`);
  return result.data;
}

describe('readCsvBytes: text encodings', () => {
  const UTF8_TEXT = 'name,city,n\nJosé,Zürich,1\n李明,€uro 😀,2\n';
  it.each([
    // [why it matters, bytes, expected column cells]
    ['UTF-8 without BOM: 2-, 3- and 4-byte characters', bytesOf(UTF8_TEXT), { name: ['José', '李明'], city: ['Zürich', '€uro 😀'], n: [1, 2] }],
    ['UTF-8 with BOM: the BOM is not glued to the first column name', bytesOf([0xef, 0xbb, 0xbf], UTF8_TEXT), { name: ['José', '李明'], n: [1, 2] }],
    ['a multi-byte character in a header name', bytesOf('größe,prénom\n1,Zoë\n2,Chloé\n'), { größe: [1, 2], prénom: ['Zoë', 'Chloé'] }],
  ] as [string, Uint8Array, Record<string, Cell[]>][])('%s — same table in every chunking', async (_why, bytes, expected) => {
    for (const sizes of CHUNKINGS) {
      const { table, notes } = await readOk(bytes, sizes);
      expect(notes.encoding, `chunks ${String(sizes)}`).toBe('utf-8');
      for (const [name, cells] of Object.entries(expected)) expect(columnCells(table, name), `${name}, chunks ${String(sizes)}`).toEqual(cells);
    }
  });

  it('bytes fed one at a time give exactly the table of the decoded text (quotes, CRLF, multi-byte)', async () => {
    const text = 'id,note,v\r\n1,"naïve, ""quoted""\r\nZürich",1.5\r\n2,€,2\r3,"日本",NA\n';
    const whole = tryParseCsv(text);
    expect(whole.ok).toBe(true);
    if (!whole.ok) return;
    for (const sizes of CHUNKINGS) expect(snapshot((await readOk(bytesOf(text), sizes)).table), `chunks ${String(sizes)}`).toEqual(snapshot(whole.data.table));
  });

  const CP1252 = bytesOf('name,note,n\nCaf', [0xe9], ',M', [0xfc], 'ller,1\nZ', [0xfc], 'rich,', [0x80], '10,2\n');
  it('Windows-1252 / Latin-1 bytes (0xE9 é, 0xFC ü, 0x80 €) are decoded legibly and the notes say windows-1252', async () => {
    for (const sizes of CHUNKINGS) {
      const open = chunkedOpen(CP1252, sizes);
      const result = await readCsvBytes(open, CP1252.length);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { table, notes } = result.data;
      expect(notes.encoding).toBe('windows-1252');
      expect(table.rowCount).toBe(2); // re-read from the start: no rows left over from the UTF-8 attempt
      expect(columnCells(table, 'name')).toEqual(['Café', 'Zürich']);
      // 0x80 is € in Windows-1252 (U+0080 would be Latin-1; U+FFFD a lost byte). Note: Node 20.18.3+ gets
      // this wrong in a one-shot TextDecoder('windows-1252').decode() (nodejs/node#60888), but not in the
      // streaming decode the reader uses — so this is the right expectation in Node and in browsers.
      expect(columnCells(table, 'note')).toEqual(['Müller', '€10']);
      expect(columnCells(table, 'n')).toEqual([1, 2]);
      expect(open.opened).toBe(2); // one UTF-8 attempt, one Windows-1252 attempt
    }
  });

  it('a Windows-1252 byte at the very end (a possible start of a UTF-8 sequence) still falls back', async () => {
    // 0xE9 alone at the end is an incomplete UTF-8 sequence: only the decoder's final flush can reject it.
    const bytes = bytesOf('a,b\n1,Caf', [0xe9]);
    for (const sizes of CHUNKINGS) {
      const { table, notes } = await readOk(bytes, sizes);
      expect(notes.encoding).toBe('windows-1252');
      expect(columnCells(table, 'b')).toEqual(['Café']);
    }
  });

  it('a Windows-1252 byte far into a large file (after rows were already read as UTF-8) still falls back cleanly', async () => {
    // ~70 KB: past the 64 KiB sniffing buffer, so the UTF-8 attempt has already built rows when it hits 0xE9.
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},Paris,${i % 10}`).join('\n');
    const bytes = bytesOf(`id,city,k\n${rows}\n5000,Cr`, [0xe9], 'teil,3\n');
    const { table, notes } = await readOk(bytes, 4096);
    expect(notes.encoding).toBe('windows-1252');
    expect(table.rowCount).toBe(5001);
    expect(columnCells(table, 'city').at(-1)).toBe('Créteil');
  });
});

describe('readCsvBytes: binary files renamed .csv', () => {
  const BINARIES: [string, Uint8Array][] = [
    ['PNG', bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', [0, 0, 1, 0, 0, 0, 1, 0, 8, 6])],
    // A PDF's header and object syntax are printable text: only the %PDF magic gives it away.
    ['PDF', bytesOf('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Count 0 >>\nendobj\n')],
    ['ZIP (an .xlsx)', bytesOf('PK', [3, 4, 20, 0, 6, 0, 8, 0], '[Content_Types].xml')],
    ['JPEG', bytesOf([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['gzip', bytesOf([0x1f, 0x8b, 8, 0], 'abc,def\n')],
    ['NUL bytes inside otherwise CSV-looking text', bytesOf('a,b\n1,', [0], '\n2,x\n')],
  ];

  it.each(BINARIES)('%s → ok:false, the reason says binary', async (_kind, bytes) => {
    const result = await readCsvBytes(chunkedOpen(bytes, 1 << 20), bytes.length);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/binary/i);
  });

  // A stream may hand over its first bytes in small pieces; the verdict must not depend on that.
  it.each(BINARIES)('%s in 1-, 2- and 3-byte chunks → still binary', async (_kind, bytes) => {
    for (const sizes of [1, 2, 3]) {
      const result = await readCsvBytes(chunkedOpen(bytes, sizes), bytes.length);
      expect(result.ok ? 'ok' : result.reason, `chunks of ${sizes}`).toMatch(/binary/i);
    }
  });

  it('NUL bytes after the first chunk are still caught', async () => {
    const bytes = bytesOf('a,b\n1,2\n3,4\n5,', [0, 0, 0], '\n');
    const result = await readCsvBytes(chunkedOpen(bytes, 4), bytes.length);
    expect(result.ok ? 'ok' : result.reason).toMatch(/binary/i);
  });
});

describe('readCsvBytes: empty files', () => {
  it.each([
    ['no chunks at all', []],
    ['one empty chunk', [new Uint8Array(0)]],
    ['only a UTF-8 BOM', [Uint8Array.of(0xef, 0xbb, 0xbf)]],
    ['only blank lines', [bytesOf('\r\n\n  \n')]],
  ] as [string, Uint8Array[]][])('%s → "The file is empty."', async (_why, chunks) => {
    const open = async function* () {
      yield* chunks;
    };
    const size = chunks.reduce((n, c) => n + c.length, 0);
    expect(await readCsvBytes(open, size)).toEqual({ ok: false, reason: 'The file is empty.' });
  });
});

describe('readCsvBytes: cancelling', () => {
  const BYTES = bytesOf(`a,b\n${Array.from({ length: 2000 }, (_, i) => `${i},x${i % 5}`).join('\n')}\n`);

  it('an already aborted signal → ok:false, "Loading was cancelled."', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await readCsvBytes(chunkedOpen(BYTES, 1000), BYTES.length, { signal: controller.signal });
    expect(CANCELLED).toBe('Loading was cancelled.');
    expect(result).toEqual({ ok: false, reason: 'Loading was cancelled.' });
  });

  it('aborting mid-read stops pulling chunks and gives the cancel reason', async () => {
    const controller = new AbortController();
    let pulled = 0;
    const open = chunkedOpen(BYTES, 1000, (index) => {
      pulled = index + 1;
      if (index === 2) controller.abort();
    });
    const result = await readCsvBytes(open, BYTES.length, { signal: controller.signal });
    expect(result).toEqual({ ok: false, reason: CANCELLED });
    expect(pulled).toBe(3);
  });

  it('aborting after the last chunk, before the table is finished, still cancels', async () => {
    const controller = new AbortController();
    const open = async function* () {
      yield BYTES;
      controller.abort();
    };
    expect(await readCsvBytes(open, BYTES.length, { signal: controller.signal })).toEqual({ ok: false, reason: CANCELLED });
  });
});

describe('readCsvBytes: progress', () => {
  // Over 64 KiB, so rows are counted while bytes are still arriving.
  const BIG = bytesOf(`id,city,amount\n${Array.from({ length: 6000 }, (_, i) => `${i},City ${i % 50},${(i * 37) % 1000}.5`).join('\n')}\n`);

  function checkReports(reports: ReadProgress[], totalBytes: number, rowCount: number): void {
    expect(reports.length).toBeGreaterThan(2);
    for (const r of reports) expect(r.totalBytes).toBe(totalBytes);
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i].bytesRead, `report ${i}`).toBeGreaterThanOrEqual(reports[i - 1].bytesRead);
      expect(reports[i].rowsRead, `report ${i}`).toBeGreaterThanOrEqual(reports[i - 1].rowsRead);
    }
    expect(reports.at(-1)).toEqual({ bytesRead: totalBytes, totalBytes, rowsRead: rowCount });
  }

  it('reports carry increasing bytesRead and rowsRead, rows are counted mid-read, and the last report equals the totals', async () => {
    const reports: ReadProgress[] = [];
    const result = await readCsvBytes(chunkedOpen(BIG, 4096), BIG.length, { progressEveryMs: 0, onProgress: (p) => reports.push(p) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.table.rowCount).toBe(6000);
    checkReports(reports, BIG.length, 6000);
    // strictly increasing bytes while chunks arrive (the final report may repeat the last one)
    const bytes = reports.slice(0, -1).map((r) => r.bytesRead);
    expect(bytes).toEqual([...new Set(bytes)].sort((a, b) => a - b));
    const midway = reports.find((r) => r.bytesRead < BIG.length && r.rowsRead > 0);
    expect(midway, 'a report with rows read before the end').toBeDefined();
  });

  it('with the default throttle, a fast read still ends with a report equal to the totals', async () => {
    const reports: ReadProgress[] = [];
    await readCsvBytes(chunkedOpen(BIG, 4096), BIG.length, { onProgress: (p) => reports.push(p) });
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.at(-1)).toEqual({ bytesRead: BIG.length, totalBytes: BIG.length, rowsRead: 6000 });
  });

  it('progress never goes backwards, even when a Windows-1252 file is read a second time', async () => {
    // The invalid UTF-8 byte sits near the end, so the first attempt has already reported most bytes.
    const bytes = bytesOf(BIG.slice(0, -1), ',Caf', [0xe9], '\n');
    const reports: ReadProgress[] = [];
    const result = await readCsvBytes(chunkedOpen(bytes, 4096), bytes.length, { progressEveryMs: 0, onProgress: (p) => reports.push(p) });
    expect(result.ok && result.data.notes.encoding).toBe('windows-1252');
    checkReports(reports, bytes.length, 6000);
  });
});
