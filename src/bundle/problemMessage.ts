// Short sentences for the user about why a model was not imported or saved.

import type { BundleProblem } from '../core/bundle/problems';
import type { WeightQuantization } from '../core/bundle/types';

const PRECISION: Readonly<Record<WeightQuantization, string>> = { none: '32-bit floats', float16: '16-bit floats', uint8: '8-bit integers' };

/** One or two plain English sentences for the UI about `problem`. */
export function problemMessage(problem: BundleProblem): string {
  switch (problem.code) {
    case 'too-large':
      return `This file is ${megabytes(problem.bytes)}, more than the ${megabytes(problem.maxBytes)} a model file may be, so it was not opened.`;
    case 'not-json':
      return 'This is not a CreditLab model file: it could not be read as JSON.';
    case 'truncated':
      return 'This model file is incomplete: it ends early, perhaps because a download or copy was cut off.';
    case 'not-a-bundle':
      return 'This file is not a CreditLab model file.';
    case 'newer-version':
      return problem.of === 'file'
        ? `This model file was written by a newer version of CreditLab (file format ${problem.version}; this version reads up to ${problem.supported}). Update CreditLab to open it.`
        : `This model was saved by a newer version of CreditLab (model version ${problem.version}; this version reads up to ${problem.supported}). Update CreditLab to open it.`;
    case 'invalid':
      return `This model file is damaged or incomplete, so it was not imported. At ${problem.path === '' ? 'the top of the file' : problem.path}: ${sentence(problem.message)}`;
    case 'digest-mismatch':
      return 'This file was changed after it was exported (its checksum does not match), so it was not imported.';
    case 'passphrase-required':
      return 'This model file is encrypted. Enter its passphrase to open it.';
    case 'wrong-passphrase':
      return 'The passphrase is wrong, or the encrypted file was changed after it was exported.';
    case 'reference-mismatch':
      return problem.on === 'logit'
        ? `This model does not score its check applicant ${problem.applicant + 1} as it did when it was saved (its network's output changed from ${problem.expected.toFixed(6)} to ${problem.actual.toFixed(6)}), so it was not imported.`
        : `This model does not score its check applicant ${problem.applicant + 1} as it did when it was saved (probability of bad ${problem.actual.toFixed(6)} instead of ${problem.expected.toFixed(6)}), so it was not imported.`;
    case 'not-loaded':
      return 'This model is no longer loaded; train it or load it again.';
    case 'quantization-too-lossy':
      return `With its weights stored as ${PRECISION[problem.mode]}, this model would score a check applicant ${problem.maxReferenceChange.toFixed(4)} away from its full-precision probability of bad (at most ${problem.tolerance.toFixed(4)} is allowed), so it was not exported. Choose a higher precision.`;
    case 'quantization-unavailable':
      return problem.reason === 'scorecard'
        ? 'A scorecard has no network weights to store in lower precision; export it with its weights as they are.'
        : problem.reason === 'boosted'
          ? 'Boosted trees have no network weights to store in lower precision; export the model as it is.'
          : `This model's weights are already stored as ${PRECISION[problem.stored]}, so it can only be exported that way.`;
    case 'quota-exceeded':
      return 'There is no room left in this browser’s storage for the model. Delete saved models you no longer need and try again.';
    case 'blocked':
      return 'This browser did not allow CreditLab to store the model (for example in a private window, or while another tab is upgrading it).';
  }
}

// valibot's messages do not always end with a full stop.
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
