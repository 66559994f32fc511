import { writeFileSync } from 'node:fs';
import { en } from '../src/ui/i18n/locales/en.js';
import { expect, test } from './fixtures.js';
import { ensureBigCsv } from './support/bigCsv.mjs';
import { sharedDataPath } from './support/fixtureFiles.js';

const ROWS = 1_000_000;

/** The English message `template` as a pattern: its words exactly, each {{value}} matched by `values[value]` (any text when not given). */
function messagePattern(template: string, values: Readonly<Record<string, string>> = {}): RegExp {
  // split with a capture group: even parts are the message's words, odd parts its placeholders' names.
  const parts = template.split(/\{\{(\w+)\}\}/);
  return new RegExp(parts.map((part, i) => (i % 2 ? `(?:${values[part] ?? '.*'})` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join(''));
}

test('a large load shows bytes and rows read, can be cancelled, and the next file loads', async ({ app }) => {
  test.setTimeout(120_000);
  const big = ensureBigCsv(ROWS);
  await app.goto();
  await app.startCountRecorder();
  await app.uploadCsv(big.path);

  // parse-progress: a <progress> and a text with bytes and rows read, with a cancel button inside.
  await expect(app.parseProgress).toBeVisible({ timeout: 10_000 });
  await expect(app.parseProgress.locator('progress')).toHaveCount(1);
  // Click cancel from inside the page at the first progress report, so it surely lands mid-read.
  const atCancel = await app.page.evaluate(
    () =>
      new Promise<{ value: number; max: number; text: string }>((resolve, reject) => {
        const started = performance.now();
        const tick = () => {
          const box = document.querySelector('[data-testid="parse-progress"]');
          const bar = box?.querySelector('progress');
          const button = box?.querySelector<HTMLButtonElement>('[data-testid="cancel-load-button"]');
          if (bar && button && bar.value > 0) {
            const seen = { value: bar.value, max: bar.max, text: box?.textContent ?? '' };
            button.click();
            resolve(seen);
          } else if (!box) reject(new Error('parse-progress went away before it reported any bytes'));
          else if (performance.now() - started > 30_000) reject(new Error('parse-progress reported no bytes within 30 s'));
          else setTimeout(tick, 5);
        };
        tick();
      }),
  );
  expect(atCancel.max, 'progress max = the file size in bytes').toBe(big.sizeBytes);
  expect(atCancel.value, 'bytes read when cancelled').toBeLessThan(big.sizeBytes);
  // The message data.progress.readingOf: bytes read of the file's size, and rows read.
  const size = '\\d[\\d.,]*\\s*(?:B|KB|MB|GB)';
  expect(atCancel.text, 'progress text shows bytes and rows read').toMatch(messagePattern(en.data.progress.readingOf, { read: size, total: size, rows: '\\d[\\d,]*' }));

  await expect(app.parseProgress, 'progress goes away after cancel').toBeHidden({ timeout: 10_000 });
  const history = await app.countHistory();
  expect(
    history.filter((s) => s.rowStage === 'loaded' && s.rowText === ROWS.toLocaleString('en-US')),
    'the cancelled file never reports as loaded',
  ).toEqual([]);

  await app.startCountRecorder();
  await app.uploadCsv(sharedDataPath('german_credit.csv'));
  expect(await app.countsAtStage('loaded'), 'the next file loads').toEqual({ rows: 1_000, columns: 21 });
});

test('a file longer than one preview page (1,000,050 rows) can be scrolled to its last row through the page select', async ({ app, page }, testInfo) => {
  // Two narrow columns: ~11 MB, quick to read, yet longer than a browser can scroll in one box.
  const rows = 1_000_050;
  const file = testInfo.outputPath('long.csv');
  const lines: string[] = ['id,default'];
  for (let i = 0; i < rows; i++) lines.push(`${i},${i % 3 === 0 ? 1 : 0}`);
  writeFileSync(file, lines.join('\n'));

  await app.goto();
  await app.uploadCsv(file);
  await expect.poll(() => app.counts(), { timeout: 60_000 }).toMatchObject({ rows });
  const pages = page.getByTestId('preview-page-select');
  await expect(pages.locator('option')).toHaveText(['1–1,000,000', '1,000,001–1,000,050']);

  // Page 1 ends at row index 999,999.
  await expect.poll(async () => (await app.scrollPreviewToBottom()) && Math.max(...(await app.renderedPreviewRows())), { timeout: 15_000 }).toBe(999_999);
  // Page 2 starts at row index 1,000,000 and ends at the file's last row, with its cells.
  await pages.selectOption({ index: 1 });
  await expect(app.dataPreview.locator('[data-row-index="1000000"]')).toHaveCount(1);
  await expect.poll(async () => (await app.scrollPreviewToBottom()) && Math.max(...(await app.renderedPreviewRows())), { timeout: 15_000 }).toBe(rows - 1);
  await expect(app.dataPreview.locator(`[data-row-index="${rows - 1}"] [role="cell"]`).first()).toHaveText(String(rows - 1));
  await expect(app.dataPreview.locator(`[data-row-index="${rows - 1}"] [role="rowheader"]`)).toHaveText(rows.toLocaleString('en-US'));
});
