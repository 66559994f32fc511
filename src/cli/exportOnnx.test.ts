// `creditlab export-onnx` on the hand-built fixture bundles: the file it writes, run by ONNX Runtime,
// gives the network fixture's hand-computed probabilities (a plain forward pass) and the app's own
// scorecard scores (whole points per bin, the probability of their total: the fixture's exact σ is not that);
// an encrypted file needs its passphrase; mistakes exit as the command contract says.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FIXTURE_APPLICANTS, NETWORK_BUNDLE, networkProbabilityOfBad, SCORECARD_BUNDLE } from '../../test/fixtures/bundles';
import type { ApplicantRecord } from '../core/features/preprocessor';
import { encodeModelFile } from '../bundle/file';
import { runOnnx } from '../onnx/parity';
import { rulesOf, scoreApplicant } from '../worker/scorer';
import { InputError, UsageError, type CommandIo } from './command';
import { exportOnnxCommand } from './exportOnnx';

/** The app's probability of bad of the scorecard fixture. */
function appScorecardProbability(record: ApplicantRecord): number {
  if (SCORECARD_BUNDLE.model.kind !== 'scorecard') throw new Error('not a scorecard');
  const scored = scoreApplicant({ kind: 'scorecard', scorecard: SCORECARD_BUNDLE.model.scorecard }, rulesOf(SCORECARD_BUNDLE), record, SCORECARD_BUNDLE.policy.scale, false);
  if (!scored.ok) throw new Error(scored.reason);
  return scored.data.probabilityOfBad;
}

const dir = mkdtempSync(join(tmpdir(), 'creditlab-onnx-'));

/** Buffers standing in for the process's streams. */
function captureIo(): CommandIo & { out: () => string; err: () => string } {
  const chunks = { out: '', err: '' };
  const sink = (key: 'out' | 'err') =>
    new Writable({
      write(chunk, _encoding, done) {
        chunks[key] += String(chunk);
        done();
      },
    });
  return { stdout: sink('out'), stderr: sink('err'), out: () => chunks.out, err: () => chunks.err };
}

describe('creditlab export-onnx', () => {
  it.each([
    ['network', NETWORK_BUNDLE, networkProbabilityOfBad],
    ['scorecard', SCORECARD_BUNDLE, appScorecardProbability],
  ] as const)('writes a %s graph that ONNX Runtime scores as the reference does', async (kind, bundle, expected) => {
    const model = join(dir, `${kind}.creditlab.json`);
    const out = join(dir, `${kind}.onnx`);
    writeFileSync(model, await encodeModelFile(bundle));
    const io = captureIo();
    expect(await exportOnnxCommand.run(['--model', model, '--out', out], io)).toBe(0);
    expect(io.err()).toContain(`wrote ${out}`);
    const probabilities = await runOnnx(new Uint8Array(readFileSync(out)), bundle, FIXTURE_APPLICANTS);
    // The fixtures' applicants: a typical one, a missing number, an unseen level, a missing level.
    FIXTURE_APPLICANTS.forEach((record, i) => expect(probabilities[i]).toBeCloseTo(expected(record), 6));
  });

  it('reads an encrypted model file with --passphrase-file and refuses a wrong passphrase (bad input)', async () => {
    const model = join(dir, 'locked.creditlab.json');
    writeFileSync(model, await encodeModelFile(NETWORK_BUNDLE, { passphrase: 'correct horse' }));
    const good = join(dir, 'good.txt');
    const bad = join(dir, 'bad.txt');
    writeFileSync(good, 'correct horse\n');
    writeFileSync(bad, 'wrong\n');
    const out = join(dir, 'locked.onnx');
    expect(await exportOnnxCommand.run(['--model', model, '--out', out, '--passphrase-file', good], captureIo())).toBe(0);
    expect(readFileSync(out).length).toBeGreaterThan(100);
    await expect(exportOnnxCommand.run(['--model', model, '--out', out, '--passphrase-file', bad], captureIo())).rejects.toBeInstanceOf(InputError);
  });

  it('answers usage mistakes with a UsageError and a missing model file with an InputError', async () => {
    await expect(exportOnnxCommand.run(['--model', 'm.json'], captureIo())).rejects.toThrow(UsageError);
    await expect(exportOnnxCommand.run(['--model', 'm.json', '--out', 'x.onnx', '--fast'], captureIo())).rejects.toThrow(UsageError);
    await expect(exportOnnxCommand.run(['--model', join(dir, 'absent.json'), '--out', join(dir, 'x.onnx')], captureIo())).rejects.toThrow(InputError);
    const io = captureIo();
    expect(await exportOnnxCommand.run(['--help'], io)).toBe(0);
    expect(io.out()).toContain('probability_of_bad');
  });
});
