// Bundles from older versions are brought to the current one a step at a time, each step a plain
// function from version n to n + 1, so a file saved by any earlier release can still be read.
// Version 1 is the first version: there is no migration yet, and BUNDLE_MIGRATIONS is empty. The
// mechanism is tested with a made-up version 0 that exists only in migrate.test.ts.

import { bundleOk, bundleRefused, type BundleOutcome } from './problems';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './types';

/** One step: takes a bundle of version `fromVersion` (checked only for format and version) and returns it at version fromVersion + 1. */
export interface BundleMigration {
  readonly fromVersion: number;
  readonly migrate: (bundle: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/** The migrations of the released versions, oldest first. Empty: version 1 is the first. */
export const BUNDLE_MIGRATIONS: readonly BundleMigration[] = [];

/** Which steps to run and up to which version; the defaults are the app's. Tests pass their own. */
export interface MigrationOptions {
  readonly migrations?: readonly BundleMigration[];
  readonly currentVersion?: number;
}

/**
 * Brings a parsed bundle to `currentVersion` (BUNDLE_VERSION): not-a-bundle for a non-object or a
 * wrong `format`, invalid for a version that is not a whole number ≥ 0 or has no migration from it,
 * newer-version above the current one. The result is not validated (schema.ts does that) and the
 * input is not changed.
 */
export function migrateBundle(value: unknown, options: MigrationOptions = {}): BundleOutcome<Record<string, unknown>> {
  const migrations = options.migrations ?? BUNDLE_MIGRATIONS;
  const currentVersion = options.currentVersion ?? BUNDLE_VERSION;
  if (!isRecord(value) || value.format !== BUNDLE_FORMAT) return bundleRefused({ code: 'not-a-bundle' });
  const version = value.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return bundleRefused({ code: 'invalid', path: 'version', message: 'The bundle version must be a whole number.' });
  }
  if (version > currentVersion) return bundleRefused({ code: 'newer-version', of: 'bundle', version, supported: currentVersion });
  let bundle: Record<string, unknown> = value;
  for (let at = version; at < currentVersion; at++) {
    const step = migrations.find((m) => m.fromVersion === at);
    if (step === undefined) return bundleRefused({ code: 'invalid', path: 'version', message: `Bundle version ${at} is no longer supported.` });
    bundle = step.migrate(bundle);
    // A step that does not land on the next version is a programming error, not a bad file.
    if (bundle.version !== at + 1) throw new Error(`The migration from bundle version ${at} returned version ${String(bundle.version)}, not ${at + 1}.`);
  }
  return bundleOk(bundle);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
