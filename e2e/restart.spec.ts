import { lstatSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type TestInfo } from '@playwright/test';
import { CreditLabPage } from './creditLabPage.js';
import { expect, test } from './fixtures.js';

// models.spec.ts reloads the page; here the whole browser exits and a new one starts on the same
// profile, so the saved models must come back from IndexedDB on disk, not from anything the old
// process kept (its memory, its page cache, a bfcache entry).

/** Applicants scored before and after the restart: the form's defaults, and two others from the sample book's ranges. */
const APPLICANTS: readonly Record<string, string>[] = [
  {},
  { annual_income: '38500', interest_rate: '16.2', debt_to_income: '0.38', home_ownership: 'RENT' },
  { annual_income: '120000', interest_rate: '7.5', debt_to_income: '0.12', home_ownership: 'MORTGAGE' },
];

const PLAIN_NAME = 'Sample book, before the restart';
const LOCKED_NAME = 'Sample book, locked, before the restart';
const PASSPHRASE = 'correct horse battery staple';

/** A Chromium on its own profile directory, and the app's page object on its first tab. */
interface ProfileSession {
  readonly context: BrowserContext;
  readonly app: CreditLabPage;
}

/** Starts a Chromium on `userDataDir` with the project's launch options (executable, flags, headless) and its baseURL. */
async function launchProfile(userDataDir: string, baseURL: string | undefined, testInfo: TestInfo): Promise<ProfileSession> {
  const { launchOptions, headless } = testInfo.project.use;
  expect(launchOptions?.executablePath, 'playwright.config.ts names the Chromium to drive').toBeTruthy();
  const context = await chromium.launchPersistentContext(userDataDir, { ...launchOptions, headless: headless ?? true, baseURL });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, app: new CreditLabPage(page) };
}

/**
 * The pid of the Chromium holding `userDataDir`, read from its SingletonLock ("<host>-<pid>"), or
 * null when no process holds the profile (Chromium removes the lock as it exits).
 */
function profileOwnerPid(userDataDir: string): number | null {
  const lock = join(userDataDir, 'SingletonLock');
  try {
    lstatSync(lock);
  } catch {
    return null;
  }
  const pid = Number(/-(\d+)$/.exec(readlinkSync(lock))?.[1]);
  return Number.isInteger(pid) ? pid : null;
}

/** True while a process with `pid` exists. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Closes the session's browser and checks it let go of the profile: the lock is gone and its process has exited. */
async function closeProfile(session: ProfileSession, userDataDir: string): Promise<void> {
  const pid = profileOwnerPid(userDataDir);
  expect(pid, 'the running Chromium holds the profile').not.toBeNull();
  await session.context.close();
  expect(profileOwnerPid(userDataDir), 'the profile lock is released').toBeNull();
  expect(isAlive(pid as number), `Chromium ${pid} has exited`).toBe(false);
}

/** The probability of bad of each of APPLICANTS, in order. */
async function scoreAll(app: CreditLabPage): Promise<number[]> {
  const scores: number[] = [];
  for (const applicant of APPLICANTS) scores.push(await app.scoreApplicant(applicant));
  return scores;
}

/** Asserts each of `after` is within 1e-6 of `before`'s probability for the same applicant. */
function expectSameScores(after: readonly number[], before: readonly number[], label: string): void {
  expect(after).toHaveLength(before.length);
  for (const [i, p] of after.entries()) expect(Math.abs(p - before[i]), `${label}, applicant ${i + 1}: ${p} vs ${before[i]}`).toBeLessThanOrEqual(1e-6);
}

test('saved models, plain and locked, survive a browser restart on the same profile and score the same applicants to 1e-6; a fresh profile has none', async ({
  baseURL,
}, testInfo) => {
  const profile = mkdtempSync(join(tmpdir(), 'creditlab-restart-'));
  const freshProfile = mkdtempSync(join(tmpdir(), 'creditlab-restart-fresh-'));
  const open: ProfileSession[] = [];
  const launch = async (dir: string) => {
    const session = await launchProfile(dir, baseURL, testInfo);
    open.push(session);
    return session;
  };
  try {
    let before: number[] = [];
    let auc = 0;
    let savedRows: Awaited<ReturnType<CreditLabPage['savedModels']>> = [];

    await test.step('first launch: train, score, save plain and locked', async () => {
      const first = await launch(profile);
      const { app } = first;
      const page = app.page;
      await app.goto();
      await app.loadSample();
      await app.waitForCleaned();
      await app.setEpochs(3);
      await app.train();
      auc = await app.metric('auc');
      before = await scoreAll(app);
      expect(new Set(before).size, 'three different applicants, three different probabilities').toBe(3);

      await app.openStep('models');
      await expect(page.getByTestId('model-list-empty'), 'a new profile starts with no saved models').toBeVisible();
      await app.saveModel(PLAIN_NAME);
      await app.saveModel(LOCKED_NAME, PASSPHRASE);
      await expect(page.getByTestId('in-use-saved-state')).toHaveAttribute('data-saved', 'true');
      savedRows = await app.savedModels();
      expect(savedRows.map(({ name, locked }) => ({ name, locked }))).toEqual(
        expect.arrayContaining([
          { name: PLAIN_NAME, locked: false },
          { name: LOCKED_NAME, locked: true },
        ]),
      );
      expect(savedRows).toHaveLength(2);
      await closeProfile(first, profile);
      open.splice(open.indexOf(first), 1);
    });

    await test.step('second launch on the same profile: listed as saved, each loads and scores the same', async () => {
      const second = await launch(profile);
      const { app } = second;
      const page = app.page;
      await app.goto();
      await expect(page.getByTestId('row-count'), 'no data set after the restart').toHaveCount(0);
      await expect(app.stepButton('score'), 'no model in use yet').toHaveAttribute('aria-disabled', 'true');
      // Same ids, names, locks, AUCs and order as the first browser listed them.
      await expect.poll(() => app.savedModels()).toEqual(savedRows);
      expect(
        savedRows.every((row) => row.auc === auc.toFixed(4)),
        'both entries carry the test AUC',
      ).toBe(true);
      const locked = app.savedModel(LOCKED_NAME);
      await expect(locked.getByTestId('lock-badge'), 'the lock survives').toBeVisible();
      await expect(app.savedModel(PLAIN_NAME).getByTestId('lock-badge')).toHaveCount(0);

      await app.loadSavedModel(PLAIN_NAME);
      await expect(app.stepButton('evaluate')).toHaveAttribute('aria-current', 'step');
      expect(await app.metric('auc'), 'its test figures come with it').toBe(auc);
      expectSameScores(await scoreAll(app), before, 'plain');

      // The locked entry asks for its passphrase: its salt and ciphertext came back intact.
      await app.openStep('models');
      await locked.getByTestId('load-model-button').click();
      await expect(page.getByTestId('unlock-prompt')).toContainText(LOCKED_NAME);
      await app.unlock(PASSPHRASE);
      await expect(page.getByTestId('models-notice')).toHaveAttribute('data-notice', 'loaded');
      await expect(page.getByTestId('models-notice')).toHaveAttribute('data-model-name', LOCKED_NAME);
      expectSameScores(await scoreAll(app), before, 'locked');

      await expect(page.getByTestId('row-count'), 'still no data set').toHaveCount(0);
      await closeProfile(second, profile);
      open.splice(open.indexOf(second), 1);
    });

    await test.step('a launch on a different fresh profile lists nothing', async () => {
      const fresh = await launch(freshProfile);
      await fresh.app.goto();
      expect(await fresh.app.savedModels(), 'the models came from the first profile').toEqual([]);
      await expect(fresh.app.page.getByTestId('model-list-empty')).toBeVisible();
      await closeProfile(fresh, freshProfile);
      open.splice(open.indexOf(fresh), 1);
    });
  } finally {
    for (const session of open) await session.context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    rmSync(freshProfile, { recursive: true, force: true });
  }
});
