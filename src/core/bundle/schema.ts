// The valibot schema of ModelBundle v1 and the parser every import goes through: migrate to the
// current version, then validate. Strict where scoring depends on the value (input schema,
// preprocessing, model, policy, reference applicants and their tolerance), looser for the audit
// parts (auditSchema.ts). Checks that span parts of the bundle run last, once each part is typed.

import * as v from 'valibot';
import { bundleCleaningSchema, bundleMetricsSchema, provenanceSchema, referenceProfileSchema } from './auditSchema';
import { migrateBundle, type MigrationOptions } from './migrate';
import { bundleModelSchema } from './modelSchema';
import { preprocessorSchema } from './preprocessingSchema';
import { bundleOk, bundleRefused, type BundleOutcome } from './problems';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type ModelBundle } from './types';
import { count, decimalMark, distinct, finite, positive, unitInterval } from './valueSchemas';

const schemaColumn = v.variant('kind', [
  v.strictObject({ name: v.string(), kind: v.literal('numeric'), trainedMin: v.nullable(finite), trainedMax: v.nullable(finite), missingInTraining: count }),
  v.strictObject({
    name: v.string(),
    kind: v.literal('categorical'),
    levels: v.pipe(
      v.array(v.string()),
      v.check((values) => distinct(values), 'A level occurs twice.'),
    ),
    missingInTraining: count,
  }),
]);

const bundleSchemaSchema = v.pipe(
  v.strictObject({
    columns: v.pipe(
      v.array(schemaColumn),
      v.check((columns) => distinct(columns.map((c) => c.name)), 'Two columns have the same name.'),
    ),
    outcome: v.strictObject({ target: v.string(), bad: v.string(), good: v.string() }),
    positive: v.string(),
    negative: v.string(),
    decimal: decimalMark,
  }),
  v.forward(
    v.check(
      (s) => s.positive !== s.negative && [s.positive, s.negative].includes(s.outcome.bad) && [s.positive, s.negative].includes(s.outcome.good) && s.outcome.bad !== s.outcome.good,
      'The bad and good outcomes must be the two target values.',
    ),
    ['outcome'],
  ),
);

const decisionPolicy = v.strictObject({
  cutoff: unitInterval,
  scale: v.strictObject({ baseScore: finite, baseOdds: positive, pointsToDoubleOdds: positive }),
  badValue: v.string(),
  positiveIsBad: v.boolean(),
});

const referenceApplicant = v.strictObject({ record: v.record(v.string(), v.string()), probabilityOfBad: unitInterval, logit: v.optional(finite) });

/** The schema of ModelBundle version 1, cross-part checks included; its output is a ModelBundle. */
export const modelBundleSchema = v.pipe(
  v.strictObject({
    format: v.literal(BUNDLE_FORMAT),
    version: v.literal(BUNDLE_VERSION),
    id: v.pipe(v.string(), v.minLength(1, 'The bundle has no id.')),
    name: v.string(),
    schema: bundleSchemaSchema,
    cleaning: bundleCleaningSchema,
    preprocessing: preprocessorSchema,
    model: bundleModelSchema,
    policy: decisionPolicy,
    provenance: provenanceSchema,
    metrics: bundleMetricsSchema,
    reference: referenceProfileSchema,
    referenceApplicants: v.pipe(v.array(referenceApplicant), v.minLength(1, 'The bundle has no reference applicants to check it with.')),
    referenceTolerance: v.pipe(finite, v.minValue(0), v.maxValue(1)),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const found = findInconsistency(dataset.value);
    if (found !== null) addIssue({ message: found.message, path: pathItems(dataset.value, found.path) });
  }),
);

type ParsedBundle = v.InferOutput<typeof modelBundleSchema>;

interface Inconsistency {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

// Parts of the bundle that must agree with each other for scoring to mean what the bundle says.
function findInconsistency(b: ParsedBundle): Inconsistency | null {
  const columns = b.schema.columns;
  const features = b.preprocessing.features;
  const names = new Set(columns.map((c) => c.name));
  // Names only: a numeric feature may read a column the file held as text (numbers with a ',' mark, say).
  if (features.length !== columns.length || features.some((f, i) => f.name !== columns[i].name)) {
    return { path: ['preprocessing', 'features'], message: 'The preprocessing is not of the input columns, in their order.' };
  }
  if (b.preprocessing.decimal !== b.schema.decimal) return { path: ['preprocessing', 'decimal'], message: 'The preprocessing reads numbers with another decimal mark.' };
  if ((b.model.kind === 'network' || b.model.kind === 'boosted') && b.model.inputWidth !== b.preprocessing.width) {
    return { path: ['model', 'inputWidth'], message: 'The model takes another number of inputs than the preprocessing gives.' };
  }
  if (b.model.kind === 'scorecard') {
    const stray = b.model.scorecard.characteristics.findIndex((c) => !names.has(c.column));
    if (stray >= 0) return { path: ['model', 'scorecard', 'characteristics', stray, 'column'], message: 'The characteristic is not an input column.' };
  }
  if (b.policy.badValue !== b.schema.outcome.bad) return { path: ['policy', 'badValue'], message: 'The bad outcome is not the one in the input schema.' };
  if (b.policy.positiveIsBad !== (b.policy.badValue === b.schema.positive)) {
    return { path: ['policy', 'positiveIsBad'], message: 'Whether label 1 is bad disagrees with the input schema.' };
  }
  const asked = b.referenceApplicants.findIndex((a) => Object.keys(a.record).some((key) => !names.has(key)));
  if (asked >= 0) return { path: ['referenceApplicants', asked, 'record'], message: 'The applicant answers a question the model does not ask.' };
  return null;
}

// valibot path items for `keys` walked from `root`, so the issue's dot path names the part.
function pathItems(root: unknown, keys: readonly (string | number)[]): [v.IssuePathItem, ...v.IssuePathItem[]] {
  const items: v.IssuePathItem[] = [];
  let at: unknown = root;
  for (const key of keys) {
    const next = (at as Record<string | number, unknown>)[key];
    items.push(
      typeof key === 'number'
        ? { type: 'array', origin: 'value', input: at as unknown[], key, value: next }
        : { type: 'object', origin: 'value', input: at as Record<string, unknown>, key, value: next },
    );
    at = next;
  }
  return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

/**
 * A ModelBundle from parsed JSON: migrated to BUNDLE_VERSION (not-a-bundle, newer-version or invalid
 * when that cannot be done), then validated (invalid with the first issue's dotted path and message).
 * The returned bundle is valibot's output: a copy, never the input object.
 */
export function parseBundle(value: unknown, options: MigrationOptions = {}): BundleOutcome<ModelBundle> {
  const migrated = migrateBundle(value, options);
  if (!migrated.ok) return migrated;
  const parsed = v.safeParse(modelBundleSchema, migrated.data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return bundleRefused({ code: 'invalid', path: v.getDotPath(issue) ?? '', message: issue.message });
  }
  // The compile-time proof that the schema's output is a ModelBundle: this line stops compiling if they drift apart.
  const bundle: ModelBundle = parsed.output;
  return bundleOk(bundle);
}
