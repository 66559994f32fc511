// Short sentences for the user about why a model was not imported or saved.

import type { BundleProblem } from '../core/bundle/problems';

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
      return `This model does not score its check applicant ${problem.applicant + 1} as it did when it was saved (probability of bad ${problem.actual.toFixed(6)} instead of ${problem.expected.toFixed(6)}), so it was not imported.`;
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
