// The shared bundle fixtures are what they claim: tfjs loads the network members from their
// topology and base64 weights, and both fixtures' reference probabilities are what their models give.

import { Buffer } from 'node:buffer';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_APPLICANTS, FIXTURE_MEMBER_WEIGHTS, NETWORK_BUNDLE, SCORECARD_BUNDLE } from '../../test/fixtures/bundles';
import { encodeApplicant } from '../core/features/preprocessor';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the network fixture', () => {
  const model = NETWORK_BUNDLE.model;
  if (model.kind !== 'network') throw new Error('The network fixture holds no network.');

  it('stores each member’s chosen weights as little-endian float32 base64', () => {
    model.members.forEach((member, m) => {
      const bytes = Buffer.from(member.weightData, 'base64');
      expect(bytes.length).toBe(13 * 4);
      expect(Array.from({ length: 13 }, (_, i) => bytes.readFloatLE(i * 4))).toEqual(FIXTURE_MEMBER_WEIGHTS[m]);
    });
  });

  it('loads in tfjs, and its reference probabilities are what the loaded members give', async () => {
    const logits = await Promise.all(
      model.members.map(async (member) => {
        const bytes = Buffer.from(member.weightData, 'base64');
        const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
        const network = await tf.loadLayersModel(
          tf.io.fromMemory({
            modelTopology: member.modelTopology as tf.io.ModelJSON['modelTopology'],
            weightSpecs: [...member.weightSpecs] as tf.io.WeightsManifestEntry[],
            weightData,
          }),
        );
        const rows = FIXTURE_APPLICANTS.map((record) => Array.from(encodeApplicant(NETWORK_BUNDLE.preprocessing, record)));
        const out = tf.tidy(() => network.predict(tf.tensor2d(rows)) as tf.Tensor);
        const values = Array.from(await out.data());
        out.dispose();
        network.dispose();
        return values.map((z) => z - member.logitShift);
      }),
    );
    if (model.calibrator.method !== 'platt') throw new Error('The network fixture is Platt-calibrated.');
    const { a, b } = model.calibrator;
    NETWORK_BUNDLE.referenceApplicants.forEach((applicant, i) => {
      const mean = (logits[0][i] + logits[1][i]) / 2;
      // float32 in tfjs against doubles in the fixture: well inside the bundle's 1e-5 tolerance.
      expect(Math.abs(sigmoid(a * mean + b) - applicant.probabilityOfBad)).toBeLessThan(1e-6);
    });
  });

  it('gives the first applicant the probability worked out by hand', () => {
    // x = [(30 − 40) / 12.5, 0, 1, 0]. Member 1: h = relu(0.125 − 0.4 − 0.75, 0.25 + 0.2 + 0.5) = (0, 0.95),
    // logit −0.5 − 0.95 = −1.45. Member 2: h = relu(−0.2 − 0.5, 0.5 − 0.4 − 0.25) = (0, 0), logit 0.25.
    // Mean less the shift ln 1.5: −0.6 − ln 1.5; Platt: σ(0.9 z − 0.1).
    const z = -0.6 - Math.log(1.5);
    expect(NETWORK_BUNDLE.referenceApplicants[0].probabilityOfBad).toBeCloseTo(sigmoid(0.9 * z - 0.1), 7);
  });
});

describe('the scorecard fixture', () => {
  it('has the reference probabilities of the WoE sums worked out by hand', () => {
    // Intercept −0.9; age bins < 25 | 25–40 | ≥ 40 | missing with WoE −0.6, 0.1, 0.5, −0.2 (× −0.8);
    // home own | rent (and unseen) | missing with WoE 0.4, −0.3, 0 (× −1.1).
    const logits = [
      -0.9 - 0.8 * 0.1 - 1.1 * 0.4, // 30, own
      -0.9 - 0.8 * -0.2 - 1.1 * -0.3, // missing, rent
      -0.9 - 0.8 * 0.5 - 1.1 * -0.3, // 62, boat (unseen → rent's group)
      -0.9 - 0.8 * 0.5, // 45, missing (WoE 0: no term)
    ];
    expect(SCORECARD_BUNDLE.referenceApplicants.map((a) => a.record)).toEqual(FIXTURE_APPLICANTS);
    SCORECARD_BUNDLE.referenceApplicants.forEach((applicant, i) => expect(applicant.probabilityOfBad).toBeCloseTo(sigmoid(logits[i]), 12));
  });
});
