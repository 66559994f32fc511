// GET /v1/model: what a caller may know about the served model: its identity, input schema,
// decision policy and headline metrics. No weights, trees, scorecard points, cleaning report or
// reference profile: those are the model itself or describe its training rows.
import type { ModelBundle } from '../core/bundle/types';

/** The public metadata of `bundle`; `digest` is its SHA-256 (bundleDigest), for a caller to pin the exact model. */
export function modelInfoOf(bundle: ModelBundle, digest: string) {
  const test = bundle.metrics.test?.metrics;
  const cv = bundle.metrics.crossValidation;
  return {
    id: bundle.id,
    name: bundle.name,
    digest,
    kind: bundle.model.kind,
    createdAt: bundle.provenance.createdAt,
    createdBy: bundle.provenance.createdBy,
    appVersion: bundle.provenance.appVersion,
    schema: bundle.schema,
    policy: { cutoff: bundle.policy.cutoff, scale: bundle.policy.scale, badValue: bundle.policy.badValue },
    metrics: {
      test: test ? { auc: test.auc, ks: test.ks, gini: test.gini, brier: test.brier } : null,
      crossValidation: cv ? { meanAuc: cv.meanAuc, sdAuc: cv.sdAuc, meanKs: cv.meanKs, folds: cv.folds.length } : null,
      calibration: bundle.metrics.calibration.method,
    },
  };
}

/** The JSON schema of modelInfoOf's answer, for the OpenAPI document (the schema's columns are described loosely: their shape is the bundle format's). */
export const modelInfoSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    digest: { type: 'string', description: 'SHA-256 of the canonical bundle JSON, as in the model file.' },
    kind: { enum: ['network', 'scorecard', 'boosted'] },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: { enum: ['app', 'cli'] },
    appVersion: { type: 'string' },
    schema: { type: 'object', description: 'Input columns (name, kind, trained range or levels), the outcome and the decimal mark.' },
    policy: { type: 'object', properties: { cutoff: { type: 'number' }, scale: { type: 'object' }, badValue: { type: 'string' } } },
    metrics: { type: 'object' },
  },
  required: ['id', 'name', 'digest', 'kind', 'schema', 'policy'],
} as const;
