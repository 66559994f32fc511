// The OpenAPI 3.1 document of the service, built from the very schemas Fastify validates with
// (OpenAPI 3.1 schemas are JSON Schema 2020-12, so they go in unchanged).
import type { ModelBundle } from '../core/bundle/types';
import { applicantSchema, errorSchema, predictBodySchema, predictResponseSchema, resultSchema } from './applicantSchema';
import { modelInfoSchema } from './modelInfo';

/** What the document states about the running service's limits. */
export interface OpenApiLimits {
  readonly maxApplicants: number;
  readonly bodyLimitBytes: number;
  /** Requests per key per window (null: not limited). */
  readonly rateLimit: { readonly max: number; readonly timeWindowMs: number } | null;
  readonly auth: boolean;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The OpenAPI 3.1 document for `bundle` served with `limits`. */
export function openApiDocument(bundle: ModelBundle, limits: OpenApiLimits) {
  const security = limits.auth ? [{ apiKey: [] }] : [];
  const rate = limits.rateLimit ? `${limits.rateLimit.max} requests per key per ${limits.rateLimit.timeWindowMs / 1000} s` : 'no rate limit';
  const body = predictBodySchema(bundle, limits.maxApplicants);
  return {
    openapi: '3.1.0',
    info: {
      title: `CreditLab scoring service: ${bundle.name}`,
      version: bundle.id,
      description: `Scores applicants with the bundle's own cleaning, preprocessing, calibrator and decision policy (never refit). Up to ${limits.maxApplicants} applicants per request, bodies up to ${limits.bodyLimitBytes} bytes, ${rate}.`,
    },
    components: {
      schemas: {
        Applicant: applicantSchema(bundle),
        PredictRequest: {
          ...body,
          // JSON Schema's if/then/else keyword in a plain document, never awaited.
          // oxlint-disable-next-line unicorn/no-thenable
          then: {
            ...(body.then as object),
            properties: { applicants: { type: 'array', items: { $ref: '#/components/schemas/Applicant' }, minItems: 1, maxItems: limits.maxApplicants } },
          },
          else: { $ref: '#/components/schemas/Applicant' },
        },
        Result: resultSchema,
        PredictResponse: { ...predictResponseSchema, properties: { results: { type: 'array', items: { $ref: '#/components/schemas/Result' } } } },
        Model: modelInfoSchema,
        Error: errorSchema,
      },
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A key made by `creditlab keys add NAME --keys FILE`.' } },
    },
    security,
    paths: {
      '/v1/predict': {
        post: {
          summary: 'Score one applicant, or { applicants: [...] }; results in request order',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PredictRequest' } } } },
          responses: {
            200: { description: 'One result per applicant', content: { 'application/json': { schema: { $ref: '#/components/schemas/PredictResponse' } } } },
            400: errorResponse('The body is not JSON, or a field is missing, mistyped, out of range or unknown (`field` names it)'),
            401: errorResponse('No key, or an unknown one'),
            403: errorResponse('A revoked key'),
            413: errorResponse('The body is larger than the limit'),
            415: errorResponse('The body is not application/json'),
            429: errorResponse('Too many requests for this key'),
          },
        },
      },
      '/v1/model': {
        get: {
          summary: "The model's public metadata and input schema (no weights)",
          responses: {
            200: { description: 'The model', content: { 'application/json': { schema: { $ref: '#/components/schemas/Model' } } } },
            401: errorResponse('No key, or an unknown one'),
            403: errorResponse('A revoked key'),
          },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/healthz': { get: { summary: 'Liveness: 200 while the model is loaded (no key needed)', security: [], responses: { 200: { description: 'ok' } } } },
    },
  };
}
