// The JSON schemas of the service, generated from the bundle alone: what one applicant must look
// like (every input column, by name, typed as the model reads it), the body of POST /v1/predict,
// and its answer. Fastify validates requests with them and the OpenAPI document shows the same
// objects, so the two cannot disagree.
import type { ModelBundle } from '../core/bundle/types';
import { BATCH_FLAG_NAMES } from '../core/batch/batchCheck';
import { REASON_CODES } from '../core/reasons/reasonStore';

/** A JSON Schema (draft 2020-12 / OpenAPI 3.1) object; plain JSON. */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * One applicant: an object with exactly the model's input columns. A numeric column takes a JSON
 * number (within its possible range, when the cleaning set one) or null; a categorical column a
 * string or null. Null is how a missing answer is sent: a key left out is a 400, so a misspelt
 * column name cannot silently become a missing value.
 */
export function applicantSchema(bundle: Pick<ModelBundle, 'schema' | 'preprocessing'>): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const column of bundle.schema.columns) {
    if (column.kind === 'categorical') {
      properties[column.name] = {
        type: ['string', 'null'],
        description: `Categorical; null when missing. Seen in training: ${column.levels.slice(0, 20).join(', ')}${column.levels.length > 20 ? ', …' : ''} (another level is scored as none of them, flagged UNSEEN_LEVEL).`,
      };
      continue;
    }
    const feature = bundle.preprocessing.features.find((f) => f.name === column.name);
    const range = feature?.kind === 'numeric' ? feature.range : null;
    properties[column.name] = {
      type: ['number', 'null'],
      ...(range?.min !== null && range?.min !== undefined ? { minimum: range.min } : {}),
      ...(range?.max !== null && range?.max !== undefined ? { maximum: range.max } : {}),
      description: `Numeric; null when missing.${column.trainedMin !== null ? ` Trained on ${column.trainedMin} to ${column.trainedMax} (outside: flagged OUTSIDE_TRAINED).` : ''}`,
    };
  }
  return { type: 'object', properties, required: bundle.schema.columns.map((c) => c.name), additionalProperties: false };
}

/** The body of POST /v1/predict: one applicant, or `{ applicants: [...] }` with 1 to `maxApplicants` of them. */
export function predictBodySchema(bundle: Pick<ModelBundle, 'schema' | 'preprocessing'>, maxApplicants: number): JsonSchema {
  const applicant = applicantSchema(bundle);
  const batch = {
    type: 'object',
    properties: { applicants: { type: 'array', items: applicant, minItems: 1, maxItems: maxApplicants } },
    required: ['applicants'],
    additionalProperties: false,
  };
  // if/then/else rather than oneOf: a bad applicant is reported against the one shape it meant, not
  // both. `then` is the JSON Schema keyword in a plain document, never awaited.
  // oxlint-disable-next-line unicorn/no-thenable
  return { type: 'object', if: { required: ['applicants'] }, then: batch, else: applicant };
}

/** One applicant's answer: the probability of bad, points and decision (null when it could not be scored), reasons and flags. */
export const resultSchema: JsonSchema = {
  type: 'object',
  properties: {
    probability_of_bad: { type: ['number', 'null'], minimum: 0, maximum: 1, description: 'null (with points and decision) only for an applicant the batch rules would not score.' },
    points: { type: ['number', 'null'], description: "Whole points on the model's scale." },
    decision: { enum: ['approve', 'decline', null], description: 'decline when probability_of_bad ≥ the cut-off.' },
    reasons: {
      type: 'array',
      maxItems: 4,
      description: 'Up to four columns that pushed the risk up, largest first.',
      items: {
        type: 'object',
        properties: {
          column: { type: 'string' },
          code: { enum: REASON_CODES },
          value: { type: 'string' },
          typical: { type: ['string', 'null'] },
          weight: { type: 'number' },
        },
        required: ['column', 'code', 'value', 'typical', 'weight'],
      },
    },
    flags: { type: 'array', items: { enum: BATCH_FLAG_NAMES } },
  },
  required: ['probability_of_bad', 'points', 'decision', 'reasons', 'flags'],
};

/** The answer of POST /v1/predict: one result per applicant, in request order (one for a single applicant). */
export const predictResponseSchema: JsonSchema = { type: 'object', properties: { results: { type: 'array', items: resultSchema } }, required: ['results'] };

/** The body of every 4xx/5xx answer: a stable code, the offending field (a JSON pointer into the body) when there is one, and words. */
export const errorSchema: JsonSchema = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, code: { type: 'string' }, field: { type: 'string' }, message: { type: 'string' } },
  required: ['statusCode', 'code', 'message'],
};
