// Why a model file or bundle was refused: codes with the numbers that explain them. The core and the
// codec only report these; the UI words them (src/bundle/problemMessage.ts).

import type { WeightQuantization } from './types';

/** Every reason an import (file codec, bundle parser, worker's reference check, registry) or an export can refuse a model. */
export type BundleProblem =
  /** The file is larger than the import accepts (checked before it is read as text). */
  | { readonly code: 'too-large'; readonly bytes: number; readonly maxBytes: number }
  /** Not UTF-8 JSON at all. */
  | { readonly code: 'not-json' }
  /** JSON that stops early: everything read so far is valid, but the text ends inside a value. */
  | { readonly code: 'truncated' }
  /** JSON, but not a CreditLab model file or bundle (wrong or missing `format`). */
  | { readonly code: 'not-a-bundle' }
  /** Written by a newer CreditLab: the file envelope's formatVersion or the bundle's version is above what this app reads. */
  | { readonly code: 'newer-version'; readonly of: 'file' | 'bundle'; readonly version: number; readonly supported: number }
  /** A bundle or file field is missing or wrong; `path` is dotted from the value checked ('' for the value itself). */
  | { readonly code: 'invalid'; readonly path: string; readonly message: string }
  /** The bundle's SHA-256 is not the one written next to it: the file was changed after export. */
  | { readonly code: 'digest-mismatch' }
  /** The file is encrypted and no passphrase was given. */
  | { readonly code: 'passphrase-required' }
  /** AES-GCM authentication failed: a wrong passphrase, or a changed encrypted file (the two cannot be told apart). */
  | { readonly code: 'wrong-passphrase' }
  /** Scored again on import, a reference applicant's probability of bad moved by more than the bundle's tolerance (reported by the worker). */
  | {
      readonly code: 'reference-mismatch';
      readonly applicant: number;
      readonly expected: number;
      readonly actual: number;
      readonly tolerance: number;
      readonly on?: 'probability' | 'logit';
    }
  /** Export: the model is no longer held by the worker (released, or the worker restarted since). */
  | { readonly code: 'not-loaded' }
  /** Export: quantised as asked, a reference applicant's probability of bad moved by more than the mode's tolerance from the float32 model's. */
  | { readonly code: 'quantization-too-lossy'; readonly mode: WeightQuantization; readonly maxReferenceChange: number; readonly tolerance: number }
  /** Export: the weights cannot be stored as asked (a scorecard has none; weights already quantised are exported only as they are stored). */
  | {
      readonly code: 'quantization-unavailable';
      readonly mode: WeightQuantization;
      readonly reason: 'scorecard' | 'boosted' | 'already-quantized';
      readonly stored: WeightQuantization;
    }
  /** The browser's storage is full (reported by the registry). */
  | { readonly code: 'quota-exceeded' }
  /** The browser refused storage (private mode, blocked by another tab; reported by the registry). */
  | { readonly code: 'blocked' };

/** The problem codes, for exhaustive checks. */
export type BundleProblemCode = BundleProblem['code'];

/** A decoded value, or the one problem that stopped it. */
export type BundleOutcome<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly problem: BundleProblem };

/** A successful outcome. */
export const bundleOk = <T>(data: T): BundleOutcome<T> => ({ ok: true, data });

/** A refused outcome. */
export const bundleRefused = <T = never>(problem: BundleProblem): BundleOutcome<T> => ({ ok: false, problem });
