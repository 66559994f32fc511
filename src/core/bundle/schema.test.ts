import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { float32Base64, NETWORK_BUNDLE, SCORECARD_BUNDLE } from '../../../test/fixtures/bundles';
import { modelBundleSchema, parseBundle } from './schema';
import type { ModelBundle } from './types';

type Path = readonly (string | number)[];

/** A deep copy of `bundle` with the value at `path` replaced (or deleted, for undefined). */
function changed(bundle: ModelBundle, path: Path, value: unknown): unknown {
  const copy = structuredClone(bundle) as unknown as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

function problemOf(value: unknown) {
  const outcome = parseBundle(value);
  return outcome.ok ? null : outcome.problem;
}

describe('modelBundleSchema', () => {
  it('has an output type that is a ModelBundle (checked by tsc)', () => {
    expectTypeOf<v.InferOutput<typeof modelBundleSchema>>().toExtend<ModelBundle>();
  });

  it('accepts both fixtures and returns them unchanged, as a copy', () => {
    for (const bundle of [NETWORK_BUNDLE, SCORECARD_BUNDLE]) {
      const outcome = parseBundle(JSON.parse(JSON.stringify(bundle)));
      expect(outcome).toEqual({ ok: true, data: bundle });
      expect(outcome.ok && outcome.data).not.toBe(bundle);
    }
  });

  it.each<[string, ModelBundle, Path, unknown, string]>([
    ['a cut-off above 1', NETWORK_BUNDLE, ['policy', 'cutoff'], 1.5, 'policy.cutoff'],
    ['a NaN-like string as the cut-off', NETWORK_BUNDLE, ['policy', 'cutoff'], 'NaN', 'policy.cutoff'],
    ['a non-finite number (JSON 1e999)', NETWORK_BUNDLE, ['preprocessing', 'features', 0, 'mean'], JSON.parse('1e999'), 'preprocessing.features.0.mean'],
    ['a tolerance written as text', NETWORK_BUNDLE, ['referenceTolerance'], '1e-5', 'referenceTolerance'],
    ['a negative count', NETWORK_BUNDLE, ['preprocessing', 'features', 0, 'missingInTraining'], -1, 'preprocessing.features.0.missingInTraining'],
    ['a fractional count', NETWORK_BUNDLE, ['schema', 'columns', 1, 'missingInTraining'], 0.5, 'schema.columns.1.missingInTraining'],
    ['a missing FeatureSpec field', NETWORK_BUNDLE, ['preprocessing', 'features', 0, 'trainedRange'], undefined, 'preprocessing.features.0.trainedRange'],
    ['an unknown FeatureSpec field', NETWORK_BUNDLE, ['preprocessing', 'features', 1, 'weight'], 2, 'preprocessing.features.1.weight'],
    ['a zero std', NETWORK_BUNDLE, ['preprocessing', 'features', 0, 'std'], 0, 'preprocessing.features.0.std'],
    ['a fill level that is not a level', NETWORK_BUNDLE, ['preprocessing', 'features', 1, 'fill'], 'boat', 'preprocessing.features.1.fill'],
    [
      'clip bounds the wrong way round',
      NETWORK_BUNDLE,
      ['preprocessing', 'features', 0, 'clip'],
      { lower: 5, upper: 1, rule: 'r', trainingCellsClipped: 0 },
      'preprocessing.features.0.clip',
    ],
    ['PLE edges that do not increase', NETWORK_BUNDLE, ['preprocessing', 'features', 0, 'ple'], { edges: [1, 1] }, 'preprocessing.features.0.ple.edges'],
    ['a preprocessing width the features do not take', NETWORK_BUNDLE, ['preprocessing', 'width'], 5, 'preprocessing.width'],
    ['an input column the preprocessing lacks', NETWORK_BUNDLE, ['schema', 'columns', 1, 'name'], 'tenure', 'preprocessing.features'],
    ['a network width other than the preprocessing', NETWORK_BUNDLE, ['model', 'inputWidth'], 3, 'model.inputWidth'],
    [
      'weight bytes shorter than the specs (12 of 13 values)',
      NETWORK_BUNDLE,
      ['model', 'members', 1, 'weightData'],
      float32Base64(Array(12).fill(0.5)),
      'model.members.1.weightData',
    ],
    ['weights that are not base64', NETWORK_BUNDLE, ['model', 'members', 0, 'weightData'], 'not base64!', 'model.members.0.weightData'],
    ['a weight tensor of another dtype', NETWORK_BUNDLE, ['model', 'members', 0, 'weightSpecs', 0, 'dtype'], 'int32', 'model.members.0.weightSpecs.0.dtype'],
    ['no members', NETWORK_BUNDLE, ['model', 'members'], [], 'model.members'],
    ['a quantisation the specs do not have', NETWORK_BUNDLE, ['model', 'quantization'], 'float16', 'model.quantization'],
    ['a calibrator of unknown method', NETWORK_BUNDLE, ['model', 'calibrator'], { method: 'beta', a: 1 }, 'model.calibrator.method'],
    ['isotonic thresholds that do not increase', NETWORK_BUNDLE, ['model', 'calibrator'], { method: 'isotonic', x: [0, 0], y: [0.1, 0.2] }, 'model.calibrator.x'],
    ['isotonic values that fall', NETWORK_BUNDLE, ['model', 'calibrator'], { method: 'isotonic', x: [0, 1], y: [0.3, 0.2] }, 'model.calibrator.y'],
    ['isotonic values fewer than thresholds', NETWORK_BUNDLE, ['model', 'calibrator'], { method: 'isotonic', x: [0, 1], y: [0.3] }, 'model.calibrator.y'],
    ['Platt scaling without b', NETWORK_BUNDLE, ['model', 'calibrator'], { method: 'platt', a: 1 }, 'model.calibrator.b'],
    ['a points scale with zero odds', NETWORK_BUNDLE, ['policy', 'scale', 'baseOdds'], 0, 'policy.scale.baseOdds'],
    ['a bad value other than the schema’s', NETWORK_BUNDLE, ['policy', 'badValue'], '0', 'policy.badValue'],
    ['positiveIsBad against the schema', NETWORK_BUNDLE, ['policy', 'positiveIsBad'], false, 'policy.positiveIsBad'],
    ['outcomes that are not the target values', NETWORK_BUNDLE, ['schema', 'outcome', 'bad'], 'yes', 'schema.outcome'],
    ['no reference applicants', NETWORK_BUNDLE, ['referenceApplicants'], [], 'referenceApplicants'],
    ['a reference probability above 1', NETWORK_BUNDLE, ['referenceApplicants', 2, 'probabilityOfBad'], 1.2, 'referenceApplicants.2.probabilityOfBad'],
    ['a reference answer that is a number, not text', NETWORK_BUNDLE, ['referenceApplicants', 0, 'record', 'age'], 30, 'referenceApplicants.0.record.age'],
    ['a reference answer to an unknown question', NETWORK_BUNDLE, ['referenceApplicants', 1, 'record', 'income'], '5', 'referenceApplicants.1.record'],
    ['a tolerance above 1', NETWORK_BUNDLE, ['referenceTolerance'], 2, 'referenceTolerance'],
    ['an unknown top-level field', NETWORK_BUNDLE, ['signature'], 'abc', 'signature'],
    ['an empty id', NETWORK_BUNDLE, ['id'], '', 'id'],
    [
      'bin edges that do not increase',
      SCORECARD_BUNDLE,
      ['model', 'scorecard', 'characteristics', 0, 'binning', 'edges'],
      [40, 25],
      'model.scorecard.characteristics.0.binning.edges',
    ],
    ['one bin too few', SCORECARD_BUNDLE, ['model', 'scorecard', 'characteristics', 0, 'binning', 'edges'], [25, 40, 60], 'model.scorecard.characteristics.0.binning.bins'],
    [
      'a bin share above 1',
      SCORECARD_BUNDLE,
      ['model', 'scorecard', 'characteristics', 0, 'binning', 'bins', 1, 'share'],
      1.5,
      'model.scorecard.characteristics.0.binning.bins.1.share',
    ],
    [
      'an unseen-level group that does not exist',
      SCORECARD_BUNDLE,
      ['model', 'scorecard', 'characteristics', 1, 'binning', 'unseenGroup'],
      2,
      'model.scorecard.characteristics.1.binning.unseenGroup',
    ],
    [
      'a level in two groups',
      SCORECARD_BUNDLE,
      ['model', 'scorecard', 'characteristics', 1, 'binning', 'groups', 1, 'levels'],
      ['rent', 'own'],
      'model.scorecard.characteristics.1.binning.groups',
    ],
    ['a binning of another column', SCORECARD_BUNDLE, ['model', 'scorecard', 'characteristics', 0, 'column'], 'home', 'model.scorecard.characteristics.0.binning'],
    ['a scorecard version from the future', SCORECARD_BUNDLE, ['model', 'scorecard', 'version'], 2, 'model.scorecard.version'],
    ['an audit number written as text', NETWORK_BUNDLE, ['metrics', 'test', 'metrics', 'auc'], '0.8', 'metrics.test.metrics.auc'],
    ['a null cut-off (scoring needs a number)', NETWORK_BUNDLE, ['policy', 'cutoff'], null, 'policy.cutoff'],
    ['a null preprocessing mean', NETWORK_BUNDLE, ['preprocessing', 'features', 0, 'mean'], null, 'preprocessing.features.0.mean'],
    ['a null logit shift', NETWORK_BUNDLE, ['model', 'members', 0, 'logitShift'], null, 'model.members.0.logitShift'],
    ['a null reference probability', NETWORK_BUNDLE, ['referenceApplicants', 0, 'probabilityOfBad'], null, 'referenceApplicants.0.probabilityOfBad'],
    ['a null tolerance', NETWORK_BUNDLE, ['referenceTolerance'], null, 'referenceTolerance'],
    ['a NaN points-scale base score in memory', NETWORK_BUNDLE, ['policy', 'scale', 'baseScore'], Number.NaN, 'policy.scale.baseScore'],
    ['a null in the reference profile (drift checks compute with it)', NETWORK_BUNDLE, ['reference', 'features', 0, 'bins', 0, 'share'], null, 'reference.features.0.bins.0.share'],
    [
      'a quantisation effect on float32 weights',
      NETWORK_BUNDLE,
      ['model', 'quantizationEffect'],
      { maxReferenceChange: 0, testAucChange: null, testLogLossChange: null },
      'model.quantizationEffect',
    ],
    ['an audit enum value unknown', NETWORK_BUNDLE, ['provenance', 'createdBy'], 'server', 'provenance.createdBy'],
    ['a cleaning step that is not a list', NETWORK_BUNDLE, ['cleaning', 'report', 'steps'], {}, 'cleaning.report.steps'],
  ])('refuses %s, at the dotted path', (_what, bundle, path, value, expectedPath) => {
    const problem = problemOf(changed(bundle, path, value));
    expect(problem?.code).toBe('invalid');
    expect(problem?.code === 'invalid' && problem.path).toBe(expectedPath);
    expect(problem?.code === 'invalid' && problem.message.length).toBeGreaterThan(0);
  });

  it('states the weight-length rule in words', () => {
    const problem = problemOf(changed(NETWORK_BUNDLE, ['model', 'members', 1, 'weightData'], float32Base64(Array(14).fill(0.5))));
    expect(problem).toEqual({ code: 'invalid', path: 'model.members.1.weightData', message: 'The weights are not as long as their specs say.' });
  });

  it('refuses a scorecard characteristic of a column the model does not take', () => {
    const stray = changed(SCORECARD_BUNDLE, ['model', 'scorecard', 'characteristics', 0, 'column'], 'income') as ModelBundle;
    const problem = problemOf(changed(stray, ['model', 'scorecard', 'characteristics', 0, 'binning', 'column'], 'income'));
    expect(problem).toEqual({ code: 'invalid', path: 'model.scorecard.characteristics.0.column', message: 'The characteristic is not an input column.' });
  });

  it('counts 2 bytes per value for float16 and 1 for uint8 weights', () => {
    const member = NETWORK_BUNDLE.model.kind === 'network' ? NETWORK_BUNDLE.model.members[0] : null;
    if (member === null) throw new Error('The network fixture has no members.');
    const quantised = (quantization: 'float16' | 'uint8', bytes: number) => {
      const spec = quantization === 'float16' ? { dtype: 'float16' } : { dtype: 'uint8', scale: 0.01, min: -1 };
      const data = btoa(String.fromCharCode(...new Uint8Array(bytes)));
      const members = [{ ...member, weightSpecs: member.weightSpecs.map((s) => ({ ...s, quantization: spec })), weightData: data }];
      return { ...NETWORK_BUNDLE, model: { ...NETWORK_BUNDLE.model, members, quantization } };
    };
    // 13 values: 8 + 2 + 2 + 1.
    expect(parseBundle(quantised('float16', 26)).ok).toBe(true);
    expect(parseBundle(quantised('uint8', 13)).ok).toBe(true);
    expect(problemOf(quantised('float16', 52))).toMatchObject({ code: 'invalid', path: 'model.members.0.weightData' });
    expect(problemOf(quantised('uint8', 26))).toMatchObject({ code: 'invalid', path: 'model.members.0.weightData' });
  });

  it('keeps fields it does not know in the audit parts (a later release may add them)', () => {
    const outcome = parseBundle(changed(NETWORK_BUNDLE, ['metrics', 'calibration', 'note'], 'added later'));
    expect(outcome.ok && (outcome.data.metrics.calibration as unknown as Record<string, unknown>).note).toBe('added later');
  });

  it('accepts the optional parts of audit values when they are left out', () => {
    const outcome = parseBundle(changed(NETWORK_BUNDLE, ['metrics', 'calibration', 'crossValidatedLogLoss'], {}));
    expect(outcome.ok).toBe(true);
  });

  it('reads an audit figure written as null (a NaN or infinity in the file) back as NaN, and takes NaN in memory', () => {
    const paths: Path[] = [
      ['metrics', 'test', 'metrics', 'aucLower'],
      ['metrics', 'calibration', 'crossValidatedLogLoss', 'platt'],
      ['metrics', 'test', 'observedBadRate'],
      ['cleaning', 'report', 'rowsBefore'],
      ['provenance', 'trainingMs'],
    ];
    let bundle: ModelBundle = NETWORK_BUNDLE;
    for (const path of paths) bundle = changed(bundle, path, Number.NaN) as ModelBundle;
    const inFile = JSON.parse(JSON.stringify(bundle));
    for (const value of [inFile, bundle]) {
      const outcome = parseBundle(value);
      expect(outcome).toEqual({ ok: true, data: bundle });
      const metrics = outcome.ok ? outcome.data.metrics : null;
      expect(metrics?.test?.metrics.aucLower).toBeNaN();
      expect(metrics?.test?.metrics.aucUpper).toBe(NETWORK_BUNDLE.metrics.test?.metrics.aucUpper);
    }
    // An audit value that is a number or null by its type stays null.
    const patience = parseBundle(changed(NETWORK_BUNDLE, ['provenance', 'settings', 'train', 'patience'], null));
    expect(patience.ok && patience.data.provenance.settings.train?.patience).toBeNull();
  });

  it('takes the quantisation effect of quantised weights, and refuses one that is not a measurement', () => {
    const member = NETWORK_BUNDLE.model.kind === 'network' ? NETWORK_BUNDLE.model.members[0] : null;
    if (member === null) throw new Error('The network fixture has no members.');
    const withEffect = (quantizationEffect: unknown) => {
      const members = [{ ...member, weightSpecs: member.weightSpecs.map((s) => ({ ...s, quantization: { dtype: 'float16' } })), weightData: btoa('\0'.repeat(26)) }];
      return { ...NETWORK_BUNDLE, model: { ...NETWORK_BUNDLE.model, members, quantization: 'float16', quantizationEffect } };
    };
    const effect = { maxReferenceChange: 0.0007, testAucChange: -0.0002, testLogLossChange: null };
    const outcome = parseBundle(withEffect(effect));
    expect(outcome.ok && outcome.data.model.kind === 'network' && outcome.data.model.quantizationEffect).toEqual(effect);
    expect(problemOf(withEffect({ ...effect, maxReferenceChange: -1 }))).toMatchObject({ code: 'invalid', path: 'model.quantizationEffect.maxReferenceChange' });
    expect(problemOf(withEffect({ ...effect, testAucChange: Number.NaN }))).toMatchObject({ code: 'invalid', path: 'model.quantizationEffect.testAucChange' });
    expect(problemOf(withEffect({ ...effect, note: 'x' }))).toMatchObject({ code: 'invalid', path: 'model.quantizationEffect.note' });
  });

  it('refuses a wrong format or a newer version before validating', () => {
    expect(problemOf(changed(NETWORK_BUNDLE, ['format'], 'tfjs-model'))).toEqual({ code: 'not-a-bundle' });
    expect(problemOf(changed(NETWORK_BUNDLE, ['version'], 3))).toEqual({ code: 'newer-version', of: 'bundle', version: 3, supported: 1 });
  });
});
