// The real service on a loopback port: its scores against the app's own form scoring (a different
// code path: one applicant through scoreApplicant, where the server runs the batch row scoring),
// every 4xx, per-key rate limits, live revocation, logs free of applicant data and keys, and a
// SIGTERM that lets a request in flight finish.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeModelFile } from '../bundle/file';
import { bundleDigest } from '../bundle/digest';
import type { ModelBundle } from '../core/bundle/types';
import { keysCommand } from '../cli/keys';
import { bundleOf, score } from '../worker/scoring';
import { findModel } from '../worker/models';
import { train } from '../worker/training';
import type { ModelId } from '../worker/protocol';
import { configOf, fakeWorkerHost, loadText, loanCsv, NEVER, networkRequest, scorecardRequest } from '../../test/support/workerFixtures';
import { addKey, emptyKeysFile, writeKeysFile } from './apiKeys';
import { applicantSchema } from './applicantSchema';
import { KeyStore } from './keyStore';
import { servedModelOf, type ApplicantJson } from './scoreApplicants';
import { buildServer, type ServerOptions } from './server';

const dir = mkdtempSync(join(tmpdir(), 'creditlab-serve-'));
const keysPath = join(dir, 'keys.json');
let goodKey = '';
let otherKey = '';
let revokedKey = '';
let spareKey = '';

interface Trained {
  readonly bundle: ModelBundle;
  readonly modelId: ModelId;
}
const trained: Record<'boosted' | 'scorecard', Trained> = {} as never;

/** Applicants from the edges of the book and beyond: a missing rate, an unseen home, very different incomes. */
const APPLICANTS: ApplicantJson[] = [
  { income: 21000, rate: 24.5, home: 'RENT' },
  { income: 99000, rate: 5.2, home: 'OWN' },
  { income: 61000, rate: null, home: 'MORTGAGE' },
  { income: 45000.5, rate: 12.25, home: 'castle' },
  { income: 150000, rate: 30, home: null },
];

/** `applicant` with every other schema column (an id, if the model reads one) set to a fixed value. */
function complete(bundle: ModelBundle, applicant: ApplicantJson): ApplicantJson {
  const out: Record<string, number | string | null> = {};
  for (const column of bundle.schema.columns) out[column.name] = column.name in applicant ? applicant[column.name] : column.kind === 'numeric' ? 1000 : null;
  return out;
}

/** The form's record of an applicant: every answer as the text a field holds. */
function recordOf(applicant: ApplicantJson): Record<string, string> {
  return Object.fromEntries(Object.entries(applicant).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** The app's own probability of bad for `applicant`, scored alone by the form's path. */
function appProbability(model: Trained, applicant: ApplicantJson): number {
  const scored = score(model.modelId, recordOf(applicant));
  if (!scored.ok) throw new Error(scored.reason);
  return scored.data.probabilityOfBad;
}

async function serverFor(bundle: ModelBundle, overrides: Partial<ServerOptions> = {}): Promise<{ app: FastifyInstance; url: string }> {
  const found = [...Object.values(trained)].find((t) => t.bundle === bundle);
  const scorer = findModel(found!.modelId);
  if (!scorer.ok) throw new Error(scorer.reason);
  const app = await buildServer({
    model: servedModelOf(bundle, scorer.data.scorer),
    digest: await bundleDigest(bundle),
    keys: new KeyStore(keysPath),
    rateLimit: null,
    bodyLimitBytes: 1 << 20,
    maxApplicants: 100,
    logLevel: 'silent',
    ...overrides,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

async function post(url: string, body: unknown, key: string | null = goodKey, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/v1/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      results: { probability_of_bad: number; points: number; decision: string; flags: string[]; reasons: { column: string }[] }[];
      code?: string;
      field?: string;
    },
  };
}

const servers: FastifyInstance[] = [];

beforeAll(async () => {
  fakeWorkerHost();
  const { dataset, summary } = await loadText(loanCsv(7, 600, 1), 'book.csv');
  for (const kind of ['boosted', 'scorecard'] as const) {
    const request = kind === 'scorecard' ? scorecardRequest(configOf(summary)) : networkRequest(configOf(summary), { model: 'boosted' });
    const result = await train(dataset, request, () => undefined, NEVER);
    if (!result.ok) throw new Error(result.reason);
    // The full bundle, as saving it gives it (a run's own result leaves out the weights and trees).
    const full = bundleOf(result.data.modelId);
    if (!full.ok) throw new Error(full.reason);
    trained[kind] = { bundle: full.data, modelId: result.data.modelId };
  }
  let file = emptyKeysFile();
  for (const name of ['good', 'other', 'gone', 'spare']) {
    const added = addKey(file, name);
    file = added.file;
    if (name === 'good') goodKey = added.key;
    if (name === 'other') otherKey = added.key;
    if (name === 'gone') revokedKey = added.key;
    if (name === 'spare') spareKey = added.key;
  }
  writeKeysFile(keysPath, file);
  const out = { stdout: new Writable({ write: (_c, _e, cb) => cb() }), stderr: new Writable({ write: (_c, _e, cb) => cb() }) };
  expect(await keysCommand.run(['revoke', 'gone', '--keys', keysPath], out)).toBe(0);
}, 120_000);

afterAll(async () => {
  for (const app of servers) await app.close();
});

describe.each(['boosted', 'scorecard'] as const)('POST /v1/predict on a %s bundle', (kind) => {
  let url = '';
  beforeAll(async () => {
    const started = await serverFor(trained[kind].bundle);
    servers.push(started.app);
    url = started.url;
  });

  it("gives the app's probability of bad (to 1e-6), its points and decision, singly and as a batch", async () => {
    const model = trained[kind];
    const applicants = APPLICANTS.map((a) => complete(model.bundle, a));
    const batch = await post(url, { applicants });
    expect(batch.status).toBe(200);
    expect(batch.body.results).toHaveLength(applicants.length);
    for (let i = 0; i < applicants.length; i++) {
      const expected = appProbability(model, applicants[i]);
      const single = await post(url, applicants[i]);
      expect(single.status).toBe(200);
      expect(single.body.results).toHaveLength(1);
      for (const result of [batch.body.results[i], single.body.results[0]]) {
        expect(Math.abs(result.probability_of_bad - expected)).toBeLessThan(1e-6);
        expect(result.decision).toBe(expected >= model.bundle.policy.cutoff ? 'decline' : 'approve');
        expect(Number.isInteger(result.points)).toBe(true);
      }
      expect(single.body.results[0]).toEqual(batch.body.results[i]);
    }
    // Higher risk, fewer points: the scale runs the other way from the probability.
    const [a, b] = batch.body.results;
    expect(Math.sign(a.points - b.points)).toBe(-Math.sign(a.probability_of_bad - b.probability_of_bad));
    // The batch's flags: a missing rate, an unseen level, an income beyond the trained range.
    expect(batch.body.results[2].flags).toContain('MISSING');
    expect(batch.body.results[3].flags).toContain('UNSEEN_LEVEL');
    expect(batch.body.results[4].flags).toEqual(expect.arrayContaining(['OUTSIDE_TRAINED', 'MISSING']));
    expect(batch.body.results[1].flags).toEqual([]);
    // Reasons name input columns, at most four.
    for (const result of batch.body.results) {
      expect(result.reasons.length).toBeLessThanOrEqual(4);
      for (const reason of result.reasons) expect(model.bundle.schema.columns.map((c) => c.name)).toContain(reason.column);
    }
  });

  it('never refits: each applicant gets the score it gets alone, whatever came before or beside it', async () => {
    const model = trained[kind];
    const poor = complete(model.bundle, APPLICANTS[0]);
    const rich = complete(model.bundle, APPLICANTS[1]);
    const alone = [(await post(url, poor)).body.results[0], (await post(url, rich)).body.results[0]];
    expect(alone[0].probability_of_bad).not.toBeCloseTo(alone[1].probability_of_bad, 3);
    // A hundred rich applicants first: a scaler refit on them would move the poor one's score.
    const crowd = (await post(url, { applicants: [...Array.from({ length: 99 }, () => rich), poor] })).body.results;
    expect(crowd[99]).toEqual(alone[0]);
    expect(crowd[0]).toEqual(alone[1]);
    expect((await post(url, poor)).body.results[0]).toEqual(alone[0]);
  });
});

describe('requests the service refuses', () => {
  let url = '';
  let bundle: ModelBundle;
  beforeAll(async () => {
    bundle = trained.boosted.bundle;
    const started = await serverFor(bundle, { maxApplicants: 3, bodyLimitBytes: 4096 });
    servers.push(started.app);
    url = started.url;
  });
  const valid = () => complete(bundle, APPLICANTS[0]);

  it('400 naming the field: missing, mistyped, out of the possible range, unknown, in a batch, too many', async () => {
    const { income: _, ...noIncome } = valid();
    const cases: [unknown, string, string][] = [
      [noIncome, '/income', 'invalid-body'],
      [{ ...valid(), income: '30000' }, '/income', 'invalid-body'],
      [{ ...valid(), home: 3 }, '/home', 'invalid-body'],
      [{ ...valid(), nickname: 'x' }, '/nickname', 'invalid-body'],
      [{ applicants: [valid(), { ...valid(), rate: true }] }, '/applicants/1/rate', 'invalid-body'],
      [{ applicants: [valid(), valid(), valid(), valid()] }, '/applicants', 'invalid-body'],
      [{ applicants: [] }, '/applicants', 'invalid-body'],
      [[valid()], '', 'invalid-body'],
    ];
    const income = bundle.preprocessing.features.find((f) => f.name === 'income');
    if (income?.kind === 'numeric' && income.range?.min !== null && income.range?.min !== undefined)
      cases.push([{ ...valid(), income: income.range.min - 1 }, '/income', 'invalid-body']);
    for (const [body, field, code] of cases) {
      const answer = await post(url, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toMatchObject({ code, field });
    }
    // 1e999 parses to Infinity, which is not a JSON number: it must not pass as a (missing) number.
    const infinite = await post(url, JSON.stringify(valid()).replace(/"income":[^,}]+/, '"income":1e999'));
    expect(infinite.status).toBe(400);
    expect(infinite.body.field).toBe('/income');
    expect((await post(url, '{"income": 1,')).body).toMatchObject({ code: 'invalid-json' });
    expect((await post(url, '{"income": 1,')).status).toBe(400);
  });

  it('413 for a body over the limit, 415 for one that is not JSON', async () => {
    const big = await post(url, { applicants: [{ ...valid(), home: 'x'.repeat(5000) }] });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('body-too-large');
    const text = await post(url, 'income=1', goodKey, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(text.status).toBe(415);
  });

  it('401 without a key or with an unknown one, 403 for a revoked one (also revoked while serving); /healthz needs none', async () => {
    expect((await post(url, valid(), null)).status).toBe(401);
    expect((await post(url, valid(), null)).body.code).toBe('missing-key');
    expect((await post(url, valid(), 'clk_not-a-key')).body).toMatchObject({ code: 'unknown-key' });
    expect((await post(url, valid(), 'clk_not-a-key')).status).toBe(401);
    expect((await post(url, valid(), revokedKey)).status).toBe(403);
    expect((await fetch(`${url}/v1/model`)).status).toBe(401);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await post(url, valid(), otherKey)).status).toBe(200);
    const quiet = { stdout: new Writable({ write: (_c, _e, cb) => cb() }), stderr: new Writable({ write: (_c, _e, cb) => cb() }) };
    expect(await keysCommand.run(['revoke', 'other', '--keys', keysPath], quiet)).toBe(0);
    expect((await post(url, valid(), otherKey)).status).toBe(403);
    expect((await post(url, valid(), goodKey)).status).toBe(200);
  });

  it('GET /v1/model: metadata and schema, no weights; /openapi.json: 3.1 with the validating schema', async () => {
    const headers = { authorization: `Bearer ${goodKey}` };
    const model = await (await fetch(`${url}/v1/model`, { headers })).json();
    expect(model).toMatchObject({ id: bundle.id, kind: 'boosted', schema: bundle.schema, digest: await bundleDigest(bundle) });
    const text = JSON.stringify(model);
    for (const secret of ['forests', 'weightData', 'referenceApplicants', 'preprocessing', 'calibrator']) expect(text).not.toContain(secret);
    const doc = await (await fetch(`${url}/openapi.json`, { headers })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.Applicant).toEqual(applicantSchema(bundle));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/predict', '/v1/model', '/healthz', '/openapi.json']));
  });
});

describe('rate limits and logs', () => {
  it('429 once a key has used its requests, counted per key', async () => {
    const { app, url } = await serverFor(trained.scorecard.bundle, { rateLimit: { max: 2, timeWindowMs: 600_000 } });
    servers.push(app);
    const applicant = complete(trained.scorecard.bundle, APPLICANTS[1]);
    expect((await post(url, applicant)).status).toBe(200);
    expect((await post(url, applicant)).status).toBe(200);
    const third = await post(url, applicant);
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('rate-limited');
    // Another key has its own allowance; /healthz is never limited.
    expect((await post(url, applicant, spareKey)).status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('logs each request without the body, the key or the Authorization header', async () => {
    let logged = '';
    const stream = new Writable({
      write(chunk, _e, cb) {
        logged += chunk.toString();
        cb();
      },
    });
    const { app, url } = await serverFor(trained.boosted.bundle, { logLevel: 'info', logStream: stream });
    servers.push(app);
    const applicant = complete(trained.boosted.bundle, { income: 77777.25, rate: 13.125, home: 'Secretlevelzz' });
    expect((await post(url, applicant)).status).toBe(200);
    expect((await post(url, { ...applicant, extra: 'Secretlevelzz' })).status).toBe(400);
    expect((await post(url, applicant, `${goodKey}x`)).status).toBe(401);
    await app.close();
    expect(logged).toContain('/v1/predict');
    expect(logged).toContain('"key":"good"');
    for (const secret of ['77777', '13.125', 'Secretlevelzz', goodKey, 'Bearer']) expect(logged).not.toContain(secret);
  });
});

describe('creditlab serve and SIGTERM', () => {
  it('refuses to start without --keys unless --no-auth (exit 2), and drains a request in flight on SIGTERM', async () => {
    const modelPath = join(dir, 'boosted.creditlab.json');
    writeFileSync(modelPath, await encodeModelFile(trained.boosted.bundle));
    const sink = { stdout: new Writable({ write: (_c, _e, cb) => cb() }), stderr: new Writable({ write: (_c, _e, cb) => cb() }) };
    const { serveCommand } = await import('../cli/serve');
    await expect(serveCommand.run(['--model', modelPath], sink)).rejects.toThrow(/--no-auth/);

    const script = `import('./src/cli/serve.ts').then(({ serveCommand }) => serveCommand.run(process.argv.slice(1), process)).then((code) => process.exit(code), (e) => { console.error(e); process.exit(9); });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--eval', script, '--', '--model', modelPath, '--port', '0', '--keys', keysPath, '--log-level', 'debug'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const waitFor = (get: () => string, pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = () => {
          const match = get().match(pattern);
          if (match) resolve(match);
        };
        child.stdout.on('data', (d) => {
          stdout += d;
          check();
        });
        child.stderr.on('data', (d) => {
          stderr += d;
          check();
        });
        child.on('exit', (code, signal) => reject(new Error(`exited early (${code} ${signal}): ${stdout} ${stderr}`)));
        check();
      });
    const [, address] = await waitFor(() => stdout, /on (http:\/\/127\.0\.0\.1:\d+)/);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const body = JSON.stringify(complete(trained.boosted.bundle, APPLICANTS[0]));
    const half = Math.floor(body.length / 2);
    // A request whose body is half sent: in flight when SIGTERM arrives.
    let answerRequest: ReturnType<typeof httpRequest> | undefined;
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        `${address}/v1/predict`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${goodKey}` } },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, half));
      answerRequest = req;
    });
    await waitFor(() => stderr, /request received/);
    child.kill('SIGTERM');
    await waitFor(() => stderr, /SIGTERM: no new connections/);
    answerRequest!.end(body.slice(half));
    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(Math.abs(JSON.parse(text).results[0].probability_of_bad - appProbability(trained.boosted, complete(trained.boosted.bundle, APPLICANTS[0])))).toBeLessThan(1e-6);
    expect(await exited).toBe(0);
    expect(stdout).toContain('stopped');
  }, 60_000);
});
