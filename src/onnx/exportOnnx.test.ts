// The exported graph against the app's own scoring (scorerOf + scoreApplicant, the reference: a
// different implementation, tfjs or the core's JavaScript), run by ONNX Runtime on every shared data
// set for every model kind the app trains, on 1,000 applicants each with missing cells and unseen
// levels: max |Δ probability of bad| ≤ 1e-5. Small, fast training (3 epochs, 3 cross-fit members,
// a few thousand rows); the file takes about a minute on 2 shared cores.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeWorkerHost, loadText, NEVER, networkRequest, scorecardRequest } from '../../test/support/workerFixtures';
import { decodeBase64, encodeBase64 } from '../core/bundle/base64';
import { dequantizeWeights, quantizeWeights } from '../core/bundle/quantize';
import type { ModelBundle, NetworkModel } from '../core/bundle/types';
import type { Calibrator } from '../core/calibration/calibrator';
import { proposeCleaningPlan } from '../core/clean/plan';
import type { ApplicantRecord } from '../core/features/preprocessor';
import type { PrepareConfig } from '../core/pipeline';
import { disposeScorer, rulesOf, scoreApplicant, scorerOf } from '../worker/scorer';
import { releaseModel } from '../worker/models';
import type { TrainRequest } from '../worker/protocol';
import { bundleOf } from '../worker/scoring';
import { train } from '../worker/training';
import { exportOnnx } from './exportOnnx';
import { applicantsOf, runOnnx, UNSEEN_LEVEL } from './parity';

const DATA = '../shared/data';
const TOLERANCE = 1e-5;
const APPLICANTS = 1000;
// Rows trained on: enough for every level and a stable fit, few enough to keep the file quick.
const TRAINING_ROWS = 3000;

/** A shared data set: its target and which value is the model's label 1 (loan_prediction's 1 is the good outcome, so positiveIsBad is false there). */
const SETS = [
  { file: 'credit_risk_dataset.csv', target: 'loan_status', positive: '1', negative: '0' },
  { file: 'german_credit.csv', target: 'class', positive: '2', negative: '1' },
  { file: 'loan_prediction_train.csv', target: 'Loan_Status', positive: 'Y', negative: 'N' },
] as const;

type Kind = 'mlp' | 'logistic-ple' | 'boosted' | 'scorecard';
const KINDS: readonly Kind[] = ['mlp', 'logistic-ple', 'boosted', 'scorecard'];

const available = existsSync(DATA);
if (!available) console.warn(`Skipping the ONNX parity tests: ${DATA} (the shared data sets) is not here.`);

fakeWorkerHost();

/** The first TRAINING_ROWS rows of `text` (the header kept). */
function head(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .slice(0, TRAINING_ROWS + 1)
    .join('\n');
}

/** The default plan, with every numeric column clipped at Tukey's fences and flagged when missing: each preprocessing step is exercised. */
function planOf(summary: Awaited<ReturnType<typeof loadText>>['summary'], set: (typeof SETS)[number]): PrepareConfig {
  const plan = proposeCleaningPlan(summary.columns, set.target, set.positive, set.negative);
  const columns = plan.columns.map((c) => {
    const numeric = summary.columns.find((s) => s.name === c.column)?.role === 'numeric';
    return numeric ? { ...c, indicator: true, outliers: { method: 'iqr' as const, threshold: 1.5, action: 'clip' as const } } : c;
  });
  return { ...plan, columns, testFraction: 0.2, validation: { kind: 'cross-fit', folds: 3 }, seed: 3 };
}

function requestOf(kind: Kind, prepare: PrepareConfig): TrainRequest {
  if (kind === 'scorecard') return scorecardRequest(prepare);
  if (kind === 'boosted') return networkRequest(prepare, { model: 'boosted' });
  if (kind === 'logistic-ple') return networkRequest({ ...prepare, numericEncoding: 'ple' }, { network: { kind: 'logistic', hiddenUnits: [], dropout: 0, seed: 5 } });
  return networkRequest({ ...prepare, numericEncoding: 'standard' }, { network: { kind: 'mlp', hiddenUnits: [16, 8], dropout: 0.1, seed: 7 } });
}

async function trainBundle(text: string, set: (typeof SETS)[number], kind: Kind): Promise<ModelBundle> {
  const { dataset, summary } = await loadText(head(text), set.file);
  const trained = await train(dataset, requestOf(kind, planOf(summary, set)), () => undefined, NEVER);
  if (!trained.ok) throw new Error(trained.reason);
  const bundle = bundleOf(trained.data.modelId);
  releaseModel(trained.data.modelId);
  if (!bundle.ok) throw new Error(bundle.reason);
  return bundle.data;
}

/** The app's probability of bad per applicant (NaN where the app refuses one, e.g. outside a range rule). */
async function appScores(bundle: ModelBundle, records: readonly ApplicantRecord[]): Promise<Float64Array> {
  const scorer = await scorerOf(bundle.model);
  try {
    const rules = rulesOf(bundle);
    return Float64Array.from(records, (record) => {
      const scored = scoreApplicant(scorer, rules, record, bundle.policy.scale, false);
      return scored.ok ? scored.data.probabilityOfBad : Number.NaN;
    });
  } finally {
    disposeScorer(scorer);
  }
}

/** Largest |ONNX − app| over the applicants the app scores; fails if it refuses more than a few. */
async function maxDifference(bundle: ModelBundle, records: readonly ApplicantRecord[]): Promise<number> {
  const expected = await appScores(bundle, records);
  const actual = await runOnnx(exportOnnx(bundle), bundle, records);
  let worst = 0;
  let refused = 0;
  for (let i = 0; i < records.length; i++) {
    if (Number.isNaN(expected[i])) {
      refused++;
      continue;
    }
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  }
  expect(refused).toBeLessThan(records.length / 100);
  return worst;
}

describe.skipIf(!available)('ONNX export against the app scoring on the shared data sets', () => {
  for (const set of SETS) {
    for (const kind of KINDS) {
      it(`${set.file}, ${kind}: max |Δ| ≤ 1e-5 on ${APPLICANTS} applicants with missing and unseen answers`, async () => {
        const text = readFileSync(`${DATA}/${set.file}`, 'utf8');
        const bundle = await trainBundle(text, set, kind);
        expect(bundle.model.kind).toBe(kind === 'scorecard' ? 'scorecard' : kind === 'boosted' ? 'boosted' : 'network');
        const records = applicantsOf(text, bundle.schema.columns, APPLICANTS);
        // The mix the issue asks for is there: blanks in numbers and categories, and unseen levels.
        expect(records.some((r) => Object.values(r).includes(UNSEEN_LEVEL))).toBe(true);
        expect(records.filter((r) => Object.values(r).includes('')).length).toBeGreaterThan(APPLICANTS / 4);
        const worst = await maxDifference(bundle, records);
        console.log(`${set.file} ${kind}: max |Δ| = ${worst.toExponential(2)}`);
        expect(worst).toBeLessThanOrEqual(TOLERANCE);
      }, 120_000);
    }
  }

  it('every calibrator and quantised weights export as the app applies them (german_credit network)', async () => {
    const set = SETS[1];
    const text = readFileSync(`${DATA}/${set.file}`, 'utf8');
    const bundle = await trainBundle(text, set, 'mlp');
    const model = bundle.model as NetworkModel;
    const records = applicantsOf(text, bundle.schema.columns, APPLICANTS, 2);
    const calibrators: Calibrator[] = [
      { method: 'none' },
      { method: 'platt', a: 0.8, b: -0.3 },
      { method: 'platt', a: 0, b: 0.4 },
      // Knots inside the logits' range, so applicants fall below, between and above them.
      { method: 'isotonic', x: [-2, -1, -0.2, 0.5, 1.5], y: [0, 0.1, 0.12, 0.5, 1] },
    ];
    for (const calibrator of calibrators) {
      const worst = await maxDifference({ ...bundle, model: { ...model, calibrator } }, records);
      expect(worst, calibrator.method).toBeLessThanOrEqual(TOLERANCE);
    }
    for (const mode of ['uint8', 'float16'] as const) {
      const members = model.members.map((member) => {
        const values = dequantizeWeights(member.weightSpecs, decodeBase64(member.weightData));
        const { specs, data } = quantizeWeights(
          member.weightSpecs.map((spec, i) => ({ name: spec.name, shape: spec.shape, values: values[i] })),
          mode,
        );
        return { ...member, weightSpecs: specs, weightData: encodeBase64(data) };
      });
      const worst = await maxDifference({ ...bundle, model: { ...model, members, quantization: mode } }, records);
      expect(worst, mode).toBeLessThanOrEqual(TOLERANCE);
    }
  }, 120_000);
});
