// Why a model was not imported, saved or exported, in the active language: the words of
// src/bundle/problemMessage.ts (the CLI's, English) from the resources, its numbers formatted for
// the locale. The English resource says exactly what problemMessage says.

import type { BundleProblem } from '../../core/bundle/problems';
import type { WeightQuantization } from '../../core/bundle/types';
import { localFixed, numberFormat, translate } from '../i18n';

const PRECISION_KEYS = { none: 'float32', float16: 'float16', uint8: 'uint8' } as const satisfies Record<WeightQuantization, string>;

/** The weights' precision in words ("8-bit integers"). */
const precision = (mode: WeightQuantization) => translate(`models.problem.precision.${PRECISION_KEYS[mode]}`);

const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0, useGrouping: false };

/** A size in mebibytes as the message says it: one decimal under 10 MB, whole above. */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  // Whole megabytes without grouping, as the CLI's message writes them ("1024 MB").
  return translate('models.bytes.mb', { value: mb < 10 ? localFixed(mb, 1) : numberFormat(WHOLE).format(Math.round(mb)) });
}

/** One or two sentences about `problem` for the Models step, in the active language. */
export function bundleProblemText(problem: BundleProblem): string {
  switch (problem.code) {
    case 'too-large':
      return translate('models.problem.tooLarge', { size: megabytes(problem.bytes), max: megabytes(problem.maxBytes) });
    case 'not-json':
      return translate('models.problem.notJson');
    case 'truncated':
      return translate('models.problem.truncated');
    case 'not-a-bundle':
      return translate('models.problem.notABundle');
    case 'newer-version':
      return translate(problem.of === 'file' ? 'models.problem.newerFile' : 'models.problem.newerBundle', { version: problem.version, supported: problem.supported });
    case 'invalid':
      // valibot's message is technical English, shown as it is (as a full sentence).
      return problem.path === ''
        ? translate('models.problem.invalidTop', { message: sentence(problem.message) })
        : translate('models.problem.invalid', { path: problem.path, message: sentence(problem.message) });
    case 'digest-mismatch':
      return translate('models.problem.digestMismatch');
    case 'passphrase-required':
      return translate('models.problem.passphraseRequired');
    case 'wrong-passphrase':
      return translate('models.problem.wrongPassphrase');
    case 'reference-mismatch':
      return translate(problem.on === 'logit' ? 'models.problem.referenceLogit' : 'models.problem.referenceProbability', {
        applicant: problem.applicant + 1,
        expected: localFixed(problem.expected, 6),
        actual: localFixed(problem.actual, 6),
      });
    case 'not-loaded':
      return translate('models.problem.notLoaded');
    case 'quantization-too-lossy':
      return translate('models.problem.tooLossy', {
        precision: precision(problem.mode),
        change: localFixed(problem.maxReferenceChange, 4),
        tolerance: localFixed(problem.tolerance, 4),
      });
    case 'quantization-unavailable':
      return problem.reason === 'scorecard'
        ? translate('models.problem.unavailableScorecard')
        : problem.reason === 'boosted'
          ? translate('models.problem.unavailableBoosted')
          : translate('models.problem.alreadyQuantized', { precision: precision(problem.stored) });
    case 'quota-exceeded':
      return translate('models.problem.quotaExceeded');
    case 'blocked':
      return translate('models.problem.blocked');
  }
}

// valibot's messages do not always end with a full stop.
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
