import { describe, expect, it } from 'vitest';
import { tryParseCsv } from './csvReader';
import { CANCELLED, readCsvBytes, type ReadProgress } from './readCsvBytes';
import { bytesOf, chunkedOpen, columnCells, gbkBytes, latin1Bytes, snapshot, utf16Bytes, type Cell } from '../../../test/support/csvFixtures';

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
    // [why it matters, bytes, expected column cells, encoding]
    ['UTF-8 without BOM: 2-, 3- and 4-byte characters', bytesOf(UTF8_TEXT), { name: ['José', '李明'], city: ['Zürich', '€uro 😀'], n: [1, 2] }, 'utf-8'],
    ['UTF-8 with BOM: the BOM is not glued to the first column name', bytesOf([0xef, 0xbb, 0xbf], UTF8_TEXT), { name: ['José', '李明'], n: [1, 2] }, 'utf-8'],
    ['a multi-byte character in a header name', bytesOf('größe,prénom\n1,Zoë\n2,Chloé\n'), { größe: [1, 2], prénom: ['Zoë', 'Chloé'] }, 'utf-8'],
  ] as [string, Uint8Array, Record<string, Cell[]>, string][])('%s — same table in every chunking', async (_why, bytes, expected, encoding) => {
    for (const sizes of CHUNKINGS) {
      const { table, notes } = await readOk(bytes, sizes);
      expect(notes.encoding, `chunks ${String(sizes)}`).toBe(encoding);
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

  it('a UTF-8 byte-order mark before bytes that are not UTF-8: the legacy read does not glue the mark (ï»¿) to the first name', async () => {
    const bytes = bytesOf([0xef, 0xbb, 0xbf], 'name,note\nCaf', [0xe9], ',x\n');
    for (const sizes of CHUNKINGS) {
      const { table, notes } = await readOk(bytes, sizes);
      expect(notes.encoding).toBe('windows-1252');
      expect(columnCells(table, 'name')).toEqual(['Café']);
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

describe('readCsvBytes: files as Chinese- and English-language spreadsheets write them', () => {
  // Excel on a Chinese-language Windows saves "CSV" in code page 936 (GBK, a subset of GB18030).
  const GB_TEXT = '姓名,年龄,收入,住房,违约\r\n张伟,34,12500,是,否\r\n王芳,28,9800,否,是\r\n李娜,45,15600,是,否\r\n';
  const GB = gbkBytes(GB_TEXT);

  it('the GB18030 fixture is what TextDecoder("gb18030") reads back as the hand-written text', () => {
    expect(new TextDecoder('gb18030').decode(GB)).toBe(GB_TEXT);
  });

  it('GB18030: Chinese column names and 是/否 values read correctly in every chunking, and the notes say gb18030', async () => {
    for (const sizes of CHUNKINGS) {
      const open = chunkedOpen(GB, sizes);
      const result = await readCsvBytes(open, GB.length);
      if (!result.ok) throw new Error(result.reason);
      const { table, notes } = result.data;
      const at = `chunks ${String(sizes)}`;
      expect(notes.encoding, at).toBe('gb18030');
      expect(
        table.columns.map((c) => c.name),
        at,
      ).toEqual(['姓名', '年龄', '收入', '住房', '违约']);
      expect(columnCells(table, '姓名'), at).toEqual(['张伟', '王芳', '李娜']);
      expect(columnCells(table, '收入'), at).toEqual([12500, 9800, 15600]);
      expect(columnCells(table, '违约'), at).toEqual(['否', '是', '否']);
      expect(table.rowCount, at).toBe(3);
      expect(open.opened, at).toBe(2); // a UTF-8 attempt, then GB18030
    }
  });

  it('GB18030 whose first Chinese characters happen to be valid UTF-8 (违约 = CE A5 D4 BC) is still recognised', async () => {
    // CE A5 and D4 BC are well-formed 2-byte UTF-8 (Υ, Լ): UTF-8 fails only at 是 = CA C7, later on.
    // After the first 8 bytes (read as one piece), so in small chunkings 违约 arrives one byte at a time.
    const text = 'id,note,违约\r\n1,x,是\r\n2,y,否\r\n';
    const bytes = gbkBytes(text);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 12))).toBe('id,note,\u03a5\u053c');
    for (const sizes of CHUNKINGS) {
      const { table, notes } = await readOk(bytes, sizes);
      expect(notes.encoding, `chunks ${String(sizes)}`).toBe('gb18030');
      expect(columnCells(table, '违约'), `chunks ${String(sizes)}`).toEqual(['是', '否']);
    }
  });

  it('GB18030 whose first non-ASCII byte is far into a large file (past the 64 KiB sniffing buffer)', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},x${i % 7},${i % 10}`).join('\r\n');
    const bytes = bytesOf(`id,city,k\r\n${rows}\r\n`, gbkBytes('5000,北京,3\r\n5001,上海,4\r\n'));
    const { table, notes } = await readOk(bytes, 4096);
    expect(notes.encoding).toBe('gb18030');
    expect(table.rowCount).toBe(5002);
    expect(columnCells(table, 'city').slice(-2)).toEqual(['北京', '上海']);
  });

  it('Windows-1252 is still chosen for Latin text whose every accented letter sits inside a word (each pair valid GBK)', async () => {
    const bytes = latin1Bytes('name,city\nJürgen Müller,München\nBjörn Weiß,Köln\n');
    for (const sizes of CHUNKINGS) {
      const { table, notes } = await readOk(bytes, sizes);
      expect(notes.encoding).toBe('windows-1252');
      expect(columnCells(table, 'name')).toEqual(['Jürgen Müller', 'Björn Weiß']);
      expect(columnCells(table, 'city')).toEqual(['München', 'Köln']);
    }
  });

  // Excel's "Unicode text" export: UTF-16LE with a byte-order mark, tab-separated, CRLF.
  const UNICODE_TEXT = '姓名\t年龄\t违约\t备注\r\n张伟\t34\t否\tJosé 😀\r\n王芳\t28\t是\t"a, b"\r\n';

  it.each([
    ['UTF-16LE with BOM (Excel "Unicode text")', 'le', 'utf-16le'],
    ['UTF-16BE with BOM', 'be', 'utf-16be'],
  ] as const)('%s, tab-separated: not refused as binary, read in every chunking (odd cuts split code units and a surrogate pair)', async (_why, order, code) => {
    const bytes = utf16Bytes(UNICODE_TEXT, order);
    // Hand-encoded: the mark, then 姓 = U+59D3 as D3 59 (LE) or 59 D3 (BE).
    expect(Array.from(bytes.subarray(0, 4))).toEqual(order === 'le' ? [0xff, 0xfe, 0xd3, 0x59] : [0xfe, 0xff, 0x59, 0xd3]);
    for (const sizes of CHUNKINGS) {
      const open = chunkedOpen(bytes, sizes);
      const result = await readCsvBytes(open, bytes.length);
      if (!result.ok) throw new Error(`chunks ${String(sizes)}: ${result.reason}`);
      const { table, notes } = result.data;
      const at = `chunks ${String(sizes)}`;
      expect(notes.encoding, at).toBe(code);
      expect(notes.delimiter, at).toBe('\t');
      expect(
        table.columns.map((c) => c.name),
        at,
      ).toEqual(['姓名', '年龄', '违约', '备注']);
      expect(columnCells(table, '年龄'), at).toEqual([34, 28]);
      expect(columnCells(table, '违约'), at).toEqual(['否', '是']);
      expect(columnCells(table, '备注'), at).toEqual(['José 😀', 'a, b']);
      expect(open.opened, at).toBe(1);
    }
  });

  it('a UTF-16 file holding only its byte-order mark is empty, not binary', async () => {
    for (const bytes of [Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfe, 0xff)]) {
      expect(await readCsvBytes(chunkedOpen(bytes, 1), bytes.length)).toEqual({ ok: false, reason: 'The file is empty.', problem: { code: 'csv.empty', params: {} } });
    }
  });

  it.each([
    // [why, bytes, delimiter, columns, encoding]
    ['sep=; then semicolon rows with decimal commas', bytesOf('sep=;\r\nage;rate\r\n30;0,5\r\n41;1,25\r\n'), ';', { age: [30, 41], rate: [0.5, 1.25] }, 'utf-8'],
    ['a UTF-8 BOM before sep=;', bytesOf([0xef, 0xbb, 0xbf], 'sep=;\nage;rate\n30;0,5\n41;1,25\n'), ';', { age: [30, 41], rate: [0.5, 1.25] }, 'utf-8'],
    // Without the line, sniffing would choose ";" (it splits every row into two fields as well).
    ['sep=, is obeyed where sniffing would choose ;', bytesOf('sep=,\na;b,c\n1;2,3\n4;5,6\n'), ',', { 'a;b': ['1;2', '4;5'], c: [3, 6] }, 'utf-8'],
    ['sep=<tab>', bytesOf('SEP=\t\nx\ty\n1\t2\n3\t4\n'), '\t', { x: [1, 3], y: [2, 4] }, 'utf-8'],
    ['sep=|', bytesOf('sep=|\nx|y\n1|2\n3|4\n'), '|', { x: [1, 3], y: [2, 4] }, 'utf-8'],
    ['sep=; in a GB18030 file', gbkBytes('sep=;\r\n年龄;违约\r\n30;是\r\n41;否\r\n'), ';', { 年龄: [30, 41], 违约: ['是', '否'] }, 'gb18030'],
    ['sep=; in UTF-16LE', utf16Bytes('sep=;\r\n年龄;违约\r\n30;是\r\n41;否\r\n', 'le'), ';', { 年龄: [30, 41], 违约: ['是', '否'] }, 'utf-16le'],
  ] as [string, Uint8Array, string, Record<string, Cell[]>, string][])(
    '%s: the line sets the delimiter and is not the header',
    async (_why, bytes, delimiter, expected, encoding) => {
      for (const sizes of CHUNKINGS) {
        const { table, notes } = await readOk(bytes, sizes);
        const at = `chunks ${String(sizes)}`;
        expect(notes.delimiter, at).toBe(delimiter);
        expect(notes.encoding, at).toBe(encoding);
        expect(
          table.columns.map((c) => c.name),
          at,
        ).toEqual(Object.keys(expected));
        for (const [name, cells] of Object.entries(expected)) expect(columnCells(table, name), `${name}, ${at}`).toEqual(cells);
        expect(table.rowCount, at).toBe(2);
      }
    },
  );

  it('"sep=" not on the first line, or naming no delimiter, is ordinary text', async () => {
    const later = await readOk(bytesOf('a,b\nsep=;,1\nx,2\n'), 1 << 20);
    expect(columnCells(later.table, 'a')).toEqual(['sep=;', 'x']);
    const unknown = await readOk(bytesOf('sep=x,b\n1,2\n3,4\n'), 1 << 20);
    expect(unknown.table.columns.map((c) => c.name)).toEqual(['sep=x', 'b']);
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
    if (!result.ok) {
      expect(result.reason).toMatch(/binary/i);
      expect(result.problem?.code).toMatch(/^csv\.binary(Signature|Text)$/);
    }
  });

  // A stream may hand over its first bytes in small pieces; the verdict must not depend on that.
  it.each(BINARIES)('%s in 1-, 2- and 3-byte chunks → still binary', async (_kind, bytes) => {
    for (const sizes of [1, 2, 3]) {
      const result = await readCsvBytes(chunkedOpen(bytes, sizes), bytes.length);
      expect(result.ok ? 'ok' : result.reason, `chunks of ${sizes}`).toMatch(/binary/i);
    }
  });

  it('stopping early releases the file: the byte stream is closed, not left open', async () => {
    let closed = false;
    const open = async function* () {
      try {
        yield bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        yield bytesOf('never read');
      } finally {
        closed = true;
      }
    };
    const result = await readCsvBytes(open, 18);
    expect(result.ok ? 'ok' : result.reason).toMatch(/binary/i);
    expect(closed).toBe(true);
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
    expect(await readCsvBytes(open, size)).toEqual({ ok: false, reason: 'The file is empty.', problem: { code: 'csv.empty', params: {} } });
  });
});

describe('readCsvBytes: cancelling', () => {
  const BYTES = bytesOf(`a,b\n${Array.from({ length: 2000 }, (_, i) => `${i},x${i % 5}`).join('\n')}\n`);

  it('an already aborted signal → ok:false, "Loading was cancelled."', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await readCsvBytes(chunkedOpen(BYTES, 1000), BYTES.length, { signal: controller.signal });
    expect(CANCELLED).toBe('Loading was cancelled.');
    expect(result).toEqual({ ok: false, reason: 'Loading was cancelled.', problem: { code: 'csv.cancelled', params: {} } });
  });

  it('aborting mid-read stops pulling chunks and gives the cancel reason', async () => {
    const controller = new AbortController();
    let pulled = 0;
    const open = chunkedOpen(BYTES, 1000, (index) => {
      pulled = index + 1;
      if (index === 2) controller.abort();
    });
    const result = await readCsvBytes(open, BYTES.length, { signal: controller.signal });
    expect(result).toEqual({ ok: false, reason: CANCELLED, problem: { code: 'csv.cancelled', params: {} } });
    expect(pulled).toBe(3);
  });

  it('aborting after the last chunk, before the table is finished, still cancels', async () => {
    const controller = new AbortController();
    const open = async function* () {
      yield BYTES;
      controller.abort();
    };
    expect(await readCsvBytes(open, BYTES.length, { signal: controller.signal })).toEqual({ ok: false, reason: CANCELLED, problem: { code: 'csv.cancelled', params: {} } });
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
