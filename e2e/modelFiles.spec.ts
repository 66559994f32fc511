import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_MAX_MODEL_FILE_BYTES } from '../src/bundle/jsonText.js';
import { MODEL_FILE_VERSION } from '../src/bundle/envelope.js';
import type { BundleProblem } from '../src/core/bundle/problems.js';
import { quantizationTolerance } from '../src/core/bundle/quantize.js';
import { CreditLabPage, type ExportedFile, type ExportPreview } from './creditLabPage.js';
import { expect, test } from './fixtures.js';
import {
  writeChangedWeight,
  writeFlippedByte,
  writeFlippedCiphertext,
  writeInvalidJson,
  writeNewerVersion,
  writeNotABundle,
  writeOversized,
  writeTruncated,
} from './support/modelFiles.js';

// One model of the sample book, exported plain, encrypted and quantised, then imported back, with
// damaged copies made in a temporary folder: each is refused with its own message and changes
// nothing. The tests run in order on one page.

const APPLICANTS: readonly Record<string, string>[] = [
  {},
  { annual_income: '38500', interest_rate: '16.2', debt_to_income: '0.38', home_ownership: 'RENT' },
  { annual_income: '120000', interest_rate: '7.5', debt_to_income: '0.12', home_ownership: 'MORTGAGE' },
];
const PASSPHRASE = 'correct horse battery staple';

test.describe('model files: export, import and what is refused', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let app: CreditLabPage;
  let page: Page;
  let dir: string;
  /** The trained model's probabilities of bad for APPLICANTS. */
  let reference: number[];
  let previews: Record<'none' | 'float16' | 'uint8', ExportPreview | null>;
  let files: Record<'plain' | 'locked' | 'float16' | 'uint8', ExportedFile>;

  const scoreAll = async () => {
    const scores: number[] = [];
    for (const applicant of APPLICANTS) scores.push(await app.scoreApplicant(applicant));
    return scores;
  };
  const panel = () => page.getByTestId('models-panel');
  /** Waits for the models panel's alert to show `problem` (its code and every value), said in words, then dismisses it. */
  const expectRefused = async (problem: BundleProblem) => {
    const alert = panel().getByRole('alert');
    await expect(alert).toHaveAttribute('data-problem-code', problem.code);
    await expect.poll(async () => JSON.parse((await panel().getByTestId('models-problem').getAttribute('data-problem')) ?? 'null'), `${problem.code}: its values`).toEqual(problem);
    await expect(alert.locator('span').first()).toHaveText(/\S/);
    // The alert's one button dismisses it.
    await alert.locator('button').click();
    await expect(alert).toHaveCount(0);
  };
  /** Waits for models-notice to say the last action was `kind`, naming `name` (a model's name). */
  const expectNotice = async (kind: 'imported' | 'loaded', name?: string) => {
    const notice = page.getByTestId('models-notice');
    await expect(notice).toHaveAttribute('data-notice', kind);
    if (name !== undefined) await expect(notice).toHaveAttribute('data-model-name', name);
  };

  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(240_000);
    dir = mkdtempSync(join(tmpdir(), 'creditlab-model-files-'));
    page = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
    app = new CreditLabPage(page);
    await app.goto();
    await app.loadSample();
    await app.waitForCleaned();
    await app.setEpochs(3);
    await app.train();
    reference = await scoreAll();
    await app.openStep('models');
    previews = await app.exportPreviews();
    files = {
      plain: await app.exportModel(dir),
      locked: await app.exportModel(dir, { passphrase: PASSPHRASE }),
      float16: await app.exportModel(dir, { quantization: 'float16' }),
      uint8: await app.exportModel(dir, { quantization: 'uint8' }),
    };
  });

  test.afterAll(async () => {
    await page?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('export names the file after the model and round-trips: the imported model scores the same applicants to 1e-6, and is offered for saving', async () => {
    expect(files.plain.fileName).toMatch(/\.creditlab\.json$/);
    expect(files.plain.bytes.length, 'the preview measured the very file exported').toBe(previews.none?.bytes);
    expect(JSON.parse(files.plain.bytes.toString('utf8'))).toMatchObject({ format: 'creditlab-model-file', formatVersion: MODEL_FILE_VERSION, digest: { algorithm: 'SHA-256' } });
    await expect(page.getByTestId('model-list-empty'), 'nothing saved yet').toBeVisible();

    await app.importModelFile(files.plain.path);
    await expectNotice('imported');
    const imported = await scoreAll();
    for (const [i, p] of imported.entries()) expect(Math.abs(p - reference[i]), `applicant ${i + 1}`).toBeLessThanOrEqual(1e-6);
    // Imported, not saved: the list is as it was, and the model says it is not saved here.
    await expect(page.getByTestId('model-list-empty')).toBeVisible();
    await expect(page.getByTestId('in-use-saved-state')).toHaveAttribute('data-saved', 'false');
    await app.openStep('models');
    await app.saveModel('Imported sample model');
    expect((await app.savedModels()).map((m) => m.name)).toEqual(['Imported sample model']);
  });

  test('each damaged or foreign file is refused with its own message, and neither the list nor the model in use changes', async () => {
    const good = files.plain.bytes;
    const cases: { name: string; path: string; problem: BundleProblem }[] = [
      { name: 'a flipped byte', path: writeFlippedByte(dir, good), problem: { code: 'digest-mismatch' } },
      { name: 'a truncated file', path: writeTruncated(dir, good), problem: { code: 'truncated' } },
      { name: 'a changed weight', path: writeChangedWeight(dir, good), problem: { code: 'digest-mismatch' } },
      { name: 'invalid JSON', path: writeInvalidJson(dir, good), problem: { code: 'not-json' } },
      {
        name: 'a newer format version',
        path: writeNewerVersion(dir, good, MODEL_FILE_VERSION + 1),
        problem: { code: 'newer-version', of: 'file', version: MODEL_FILE_VERSION + 1, supported: MODEL_FILE_VERSION },
      },
      { name: 'a file that is not a bundle', path: writeNotABundle(dir), problem: { code: 'not-a-bundle' } },
    ];
    const oversized = DEFAULT_MAX_MODEL_FILE_BYTES + 1024 * 1024;
    cases.push({ name: 'an oversized file', path: writeOversized(dir, oversized), problem: { code: 'too-large', bytes: oversized, maxBytes: DEFAULT_MAX_MODEL_FILE_BYTES } });

    const listBefore = await app.savedModels();
    const inUseBefore = await page.getByTestId('in-use-saved-state').innerText();
    for (const { name, path, problem } of cases) {
      await test.step(name, async () => {
        await app.importModelFile(path);
        await expectRefused(problem);
        expect(await app.savedModels(), `${name}: the list`).toEqual(listBefore);
        await expect(page.getByTestId('in-use-saved-state'), `${name}: the model in use`).toHaveText(inUseBefore);
        await expect(page.getByTestId('unlock-prompt')).toHaveCount(0);
      });
    }
    // Still the imported model: it scores as before.
    expect(await app.scoreApplicant(APPLICANTS[1])).toBeCloseTo(reference[1], 6);
  });

  test('an encrypted file asks for its passphrase: a wrong one is refused, the right one imports; a changed ciphertext is refused even with it', async () => {
    const text = files.locked.bytes.toString('utf8');
    expect(text, 'the encrypted file holds no weights in clear').not.toContain('weightData');

    await app.importModelFile(files.locked.path);
    await expect(page.getByTestId('unlock-prompt')).toHaveAttribute('data-source', 'file');
    await expect(page.getByTestId('unlock-prompt')).toContainText(files.locked.path.split('/').pop()!);
    await app.unlock('wrong horse battery staple');
    await expectRefused({ code: 'wrong-passphrase' });
    await expect(page.getByTestId('unlock-prompt'), 'the prompt stays for another try').toBeVisible();
    await app.unlock(PASSPHRASE);
    await expectNotice('imported');
    await expect(page.getByTestId('unlock-prompt')).toHaveCount(0);
    const unlocked = await scoreAll();
    for (const [i, p] of unlocked.entries()) expect(Math.abs(p - reference[i]), `applicant ${i + 1}`).toBeLessThanOrEqual(1e-6);

    await app.openStep('models');
    await app.importModelFile(writeFlippedCiphertext(dir, files.locked.bytes));
    await app.unlock(PASSPHRASE);
    await expectRefused({ code: 'wrong-passphrase' });
    await page.getByTestId('unlock-cancel-button').click();
    await expect(page.getByTestId('unlock-prompt')).toHaveCount(0);
  });

  test('a model saved locked is listed with a lock and asks for its passphrase when loaded', async () => {
    await app.openStep('models');
    await app.saveModel('Locked sample model', PASSPHRASE);
    const locked = app.savedModel('Locked sample model');
    await expect(locked).toHaveAttribute('data-locked', 'true');
    await expect(locked.getByTestId('lock-badge')).toBeVisible();

    await locked.getByTestId('load-model-button').click();
    await expect(page.getByTestId('unlock-prompt')).toHaveAttribute('data-source', 'saved');
    await expect(page.getByTestId('unlock-prompt')).toContainText('Locked sample model');
    await app.unlock('not the passphrase');
    await expectRefused({ code: 'wrong-passphrase' });
    await app.unlock(PASSPHRASE);
    await expectNotice('loaded', 'Locked sample model');
    const loaded = await scoreAll();
    for (const [i, p] of loaded.entries()) expect(Math.abs(p - reference[i]), `applicant ${i + 1}`).toBeLessThanOrEqual(1e-6);
  });

  test('float16 and uint8 files are smaller, as the preview said, and their models score within the bound each file was checked against', async () => {
    const { none, float16, uint8 } = previews;
    expect(none && float16 && uint8, 'every encoding offered for a network').toBeTruthy();
    console.log(`export sizes: float32 ${none!.bytes}, float16 ${float16!.bytes}, uint8 ${uint8!.bytes} bytes`);
    expect(float16!.bytes).toBeLessThan(none!.bytes);
    expect(uint8!.bytes).toBeLessThan(float16!.bytes);
    for (const mode of ['float16', 'uint8'] as const) {
      await test.step(mode, async () => {
        const file = files[mode];
        expect(file.bytes.length, `${mode}: the preview measured the file exported`).toBe(previews[mode]?.bytes);
        const bundle = JSON.parse(file.bytes.toString('utf8')).bundle as { model: { quantization: string; quantizationEffect: { maxReferenceChange: number } } };
        expect(bundle.model.quantization).toBe(mode);
        const bound = quantizationTolerance(mode);
        expect(bundle.model.quantizationEffect.maxReferenceChange, `${mode}: what the export measured`).toBeLessThanOrEqual(bound);

        await app.openStep('models');
        await app.importModelFile(file.path);
        await expectNotice('imported');
        const scores = await scoreAll();
        const changes = scores.map((p, i) => Math.abs(p - reference[i]));
        console.log(`${mode}: largest change of an applicant's probability of bad ${Math.max(...changes).toExponential(2)} (bound ${bound})`);
        for (const [i, change] of changes.entries()) expect(change, `${mode}, applicant ${i + 1}`).toBeLessThanOrEqual(bound);
        // A quantised model is exported only as it is stored.
        await app.openStep('models');
        const offered = await app.exportPreviews();
        expect(offered[mode], `${mode}: offered as stored`).not.toBeNull();
        expect(offered.none, `${mode}: not back to float32`).toBeNull();
        await expect(page.getByTestId('quantize-select'), `${mode}: the encoding it is stored in is the one chosen`).toHaveValue(mode);
      });
    }
  });
});
