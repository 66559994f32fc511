import { describe, expect, it } from 'vitest';
import { NETWORK_BUNDLE } from '../../../test/fixtures/bundles';
import { BUNDLE_MIGRATIONS, migrateBundle, type BundleMigration } from './migrate';
import { parseBundle } from './schema';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './types';

// A made-up "version 0" that exists only in this test: like v1, but without referenceTolerance.
// Its migration adds the tolerance of an unquantised model, 1e-5.
const V0_TO_V1: BundleMigration = {
  fromVersion: 0,
  migrate: (v0) => ({ ...v0, version: 1, referenceTolerance: 1e-5 }),
};

function versionZero(): Record<string, unknown> {
  const { referenceTolerance: _dropped, ...rest } = NETWORK_BUNDLE;
  return { ...rest, version: 0 };
}

describe('migrateBundle', () => {
  it('has no migrations today: version 1 is the first', () => {
    expect(BUNDLE_VERSION).toBe(1);
    expect(BUNDLE_MIGRATIONS).toEqual([]);
  });

  it('passes a current bundle through unchanged', () => {
    const migrated = migrateBundle(NETWORK_BUNDLE);
    expect(migrated).toEqual({ ok: true, data: NETWORK_BUNDLE });
  });

  it('migrates the test-only version 0 to version 1 with an injected step, and the result validates', () => {
    const v0 = versionZero();
    const migrated = migrateBundle(v0, { migrations: [V0_TO_V1] });
    expect(migrated.ok && migrated.data.version).toBe(1);
    expect(migrated.ok && migrated.data.referenceTolerance).toBe(1e-5);
    expect(v0.version).toBe(0);
    expect('referenceTolerance' in v0).toBe(false);
    expect(parseBundle(v0, { migrations: [V0_TO_V1] })).toEqual({ ok: true, data: NETWORK_BUNDLE });
  });

  it('without that step, version 0 is refused as no longer supported', () => {
    expect(parseBundle(versionZero())).toEqual({ ok: false, problem: { code: 'invalid', path: 'version', message: 'Bundle version 0 is no longer supported.' } });
  });

  it('runs the steps in version order, whatever order they are listed in', () => {
    const order: number[] = [];
    const step = (fromVersion: number): BundleMigration => ({
      fromVersion,
      migrate: (b) => {
        order.push(fromVersion);
        return { ...b, version: fromVersion + 1, [`step${fromVersion}`]: true };
      },
    });
    const migrated = migrateBundle({ format: BUNDLE_FORMAT, version: 1 }, { migrations: [step(3), step(1), step(2)], currentVersion: 4 });
    expect(order).toEqual([1, 2, 3]);
    expect(migrated).toEqual({ ok: true, data: { format: BUNDLE_FORMAT, version: 4, step1: true, step2: true, step3: true } });
  });

  it('throws when a step does not land on the next version (a programming error)', () => {
    const broken: BundleMigration = { fromVersion: 0, migrate: (b) => ({ ...b, version: 2 }) };
    expect(() => migrateBundle({ format: BUNDLE_FORMAT, version: 0 }, { migrations: [broken] })).toThrow(/returned version 2, not 1/);
  });

  it('refuses a newer version with the version and what is supported', () => {
    expect(migrateBundle({ format: BUNDLE_FORMAT, version: 2 })).toEqual({ ok: false, problem: { code: 'newer-version', of: 'bundle', version: 2, supported: 1 } });
  });

  it('refuses non-objects and other formats as not a bundle', () => {
    for (const value of [null, 3, 'creditlab-model-bundle', [NETWORK_BUNDLE], {}, { format: 'something-else', version: 1 }, { a: 1 }]) {
      expect(migrateBundle(value)).toEqual({ ok: false, problem: { code: 'not-a-bundle' } });
    }
  });

  it('refuses a version that is not a whole number ≥ 0', () => {
    for (const version of [undefined, '1', 1.5, -1, Number.NaN]) {
      const outcome = migrateBundle({ format: BUNDLE_FORMAT, version });
      expect(outcome.ok === false && outcome.problem).toMatchObject({ code: 'invalid', path: 'version' });
    }
  });
});
