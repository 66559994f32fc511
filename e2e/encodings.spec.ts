// Files as Chinese- and English-language spreadsheets write them: a GB18030 (GBK) CSV from Excel on
// a Chinese-language Windows, Excel's "Unicode text" (UTF-16LE with a byte-order mark, tab-separated),
// and a CSV that starts with Excel's `sep=;` line. Each is chosen through the file input.
import { expect, test } from './fixtures.js';

/** GBK bytes of the Chinese characters these files use (Python's str.encode('gbk'); checked below with TextDecoder). */
const GBK: Readonly<Record<string, readonly [number, number]>> = {
  年: [0xc4, 0xea],
  龄: [0xc1, 0xe4],
  收: [0xca, 0xd5],
  入: [0xc8, 0xeb],
  负: [0xb8, 0xba],
  债: [0xd5, 0xae],
  率: [0xc2, 0xca],
  住: [0xd7, 0xa1],
  房: [0xb7, 0xbf],
  违: [0xce, 0xa5],
  约: [0xd4, 0xbc],
  是: [0xca, 0xc7],
  否: [0xb7, 0xf1],
};

/** Text as GBK: ASCII as itself, the characters of GBK as their two bytes. */
function gbk(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (GBK[ch]) out.push(...GBK[ch]);
    else throw new Error(`no GBK bytes for ${ch}`);
  }
  return Buffer.from(out);
}

/** Text as UTF-16LE after the byte-order mark FF FE: each code unit low byte first. */
function utf16le(text: string): Buffer {
  const units = [0xfeff, ...Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))];
  return Buffer.from(units.flatMap((u) => [u & 0xff, u >> 8]));
}

/** mulberry32: a small seeded generator, so the data (and a failure) can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLUMNS = ['年龄', '收入', '负债率', '住房', '违约'];

interface LoanBook {
  readonly text: string;
  readonly rows: number;
  readonly defaults: number;
  /** AUC of the true default probabilities on all rows: the best a model can hope for. */
  readonly oracleAuc: number;
}

/** AUC by counting pairs: the share of (default, non-default) pairs where the default has the higher score (ties half). */
function pairAuc(scores: readonly number[], bad: readonly boolean[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!bad[i]) continue;
    for (let j = 0; j < scores.length; j++) {
      if (bad[j]) continue;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

/** 400 distinct applicants whose default (违约 是/否) depends on debt ratio, income and home ownership. */
function loanBook(rows = 400): LoanBook {
  const random = seeded(13);
  const lines = [COLUMNS.join(',')];
  const probabilities: number[] = [];
  const bad: boolean[] = [];
  for (let i = 0; i < rows; i++) {
    const age = 21 + Math.floor(random() * 45);
    const income = 3000 + Math.floor(random() * 27_000) + i; // + i: no two rows alike
    const debt = Math.round((0.05 + random() * 0.85) * 100) / 100;
    const owns = random() < 0.45;
    const logit = -0.8 + 6 * (debt - 0.45) - (income - 16_500) / 5000 - (owns ? 0.8 : 0);
    const p = 1 / (1 + Math.exp(-logit));
    const defaulted = random() < p;
    probabilities.push(p);
    bad.push(defaulted);
    lines.push(`${age},${income},${debt},${owns ? '是' : '否'},${defaulted ? '是' : '否'}`);
  }
  return { text: `${lines.join('\r\n')}\r\n`, rows, defaults: bad.filter(Boolean).length, oracleAuc: pairAuc(probabilities, bad) };
}

test('a GB18030 CSV with Chinese headers: names read correctly, 违约 = 是 is the bad outcome, and a model trains on it', async ({ app, page }) => {
  for (const [ch, pair] of Object.entries(GBK)) expect(new TextDecoder('gb18030').decode(Uint8Array.from(pair)), `GBK bytes of ${ch}`).toBe(ch);
  const book = loanBook();
  const bytes = gbk(book.text);
  expect(new TextDecoder('gb18030').decode(bytes), 'the file decodes back to the text it was built from').toBe(book.text);
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the file is not UTF-8').toThrow();
  // The data carries signal, and defaults are a minority but not rare.
  expect(book.oracleAuc).toBeGreaterThan(0.85);
  expect(book.defaults / book.rows).toBeGreaterThan(0.2);
  expect(book.defaults / book.rows).toBeLessThan(0.5);

  await app.goto();
  await app.startCountRecorder();
  await page.getByTestId('dataset-input').setInputFiles({ name: '贷款.csv', mimeType: 'text/csv', buffer: bytes });
  expect(await app.countsAtStage('loaded')).toEqual({ rows: book.rows, columns: COLUMNS.length });
  await expect(page.getByTestId('ingest-timings'), 'the summary says which encoding was used').toHaveAttribute('data-encoding', 'gb18030');
  await expect.poll(() => app.targetOptions(), { message: 'target-select offers the Chinese column names' }).toEqual(COLUMNS);

  // 违约 (default) is proposed as the target, with 是 (yes) as its positive value.
  await expect(app.targetSelect).toHaveValue('违约');
  await expect(page.getByTestId('positive-select')).toHaveValue('是');
  await expect.poll(() => app.profiledColumns(), { message: 'column-profile rows (data-column)' }).toEqual(COLUMNS);
  await expect(app.columnProfile.locator('tr[data-column="收入"]')).toContainText('收入');
  const outcomes = page.getByTestId('kept-outcomes');
  await expect(outcomes, '是 is the bad outcome').toContainText('违约 = 是');
  await expect(outcomes).toHaveAttribute('data-bads', String(book.defaults));
  await expect(outcomes).toHaveAttribute('data-goods', String(book.rows - book.defaults));

  await app.train();
  const auc = await app.metric('auc');
  test.info().annotations.push({ type: 'test AUC', description: `${auc} (true probabilities on all rows: ${book.oracleAuc.toFixed(4)})` });
  // Chance gives 0.5; the test fifth (80 rows) has an AUC standard error of about 0.05.
  expect(auc, `test AUC (the true probabilities give ${book.oracleAuc.toFixed(3)} on all rows)`).toBeGreaterThan(0.7);
});

test('Excel\'s "Unicode text" (UTF-16LE with a byte-order mark, tab-separated) is read, not refused as binary', async ({ app, page }) => {
  const lines = ['年龄\t收入\t住房\t违约'];
  for (let i = 0; i < 50; i++) lines.push(`${25 + (i % 30)}\t${5000 + i * 311}\t${i % 3 === 0 ? '是' : '否'}\t${i % 4 === 0 ? '是' : '否'}`);
  const text = `${lines.join('\r\n')}\r\n`;
  const bytes = utf16le(text);
  expect(Array.from(bytes.subarray(0, 4)), 'FF FE, then 年 = U+5E74 low byte first').toEqual([0xff, 0xfe, 0x74, 0x5e]);

  await app.goto();
  await app.startCountRecorder();
  await page.getByTestId('dataset-input').setInputFiles({ name: 'unicode.txt', mimeType: 'text/plain', buffer: bytes });
  expect(await app.countsAtStage('loaded')).toEqual({ rows: 50, columns: 4 });
  await expect(app.alert).toHaveCount(0);
  await expect.poll(() => app.targetOptions()).toEqual(['年龄', '收入', '住房', '违约']);
  await expect(page.getByTestId('ingest-timings')).toHaveAttribute('data-encoding', 'utf-16le');
  await expect(page.getByTestId('ingest-timings'), 'tab-separated').toHaveAttribute('data-delimiter', 'tab');
});

test('a CSV whose first line is Excel\'s "sep=;": the line sets the delimiter and is not the header', async ({ app, page }) => {
  const lines = ['sep=;', 'age;income;rate;default'];
  for (let i = 0; i < 30; i++) lines.push(`${25 + i};${1000 + i * 37},5;0,${10 + i};${i % 3 === 0 ? 1 : 0}`);
  await app.goto();
  await app.startCountRecorder();
  await page.getByTestId('dataset-input').setInputFiles({ name: 'excel-sep.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) });
  expect(await app.countsAtStage('loaded')).toEqual({ rows: 30, columns: 4 });
  await expect.poll(() => app.targetOptions()).toEqual(['age', 'income', 'rate', 'default']);
  await expect(page.getByTestId('ingest-timings'), 'the sep= line named the delimiter').toHaveAttribute('data-delimiter', 'semicolon');
  await expect(page.getByTestId('ingest-timings'), 'decimal commas').toHaveAttribute('data-decimal', ',');
  await expect(page.getByTestId('ingest-timings'), 'the line after sep= is the header').toHaveAttribute('data-header', 'true');
});
