// The scoring service on Fastify: POST /v1/predict, GET /v1/model, GET /openapi.json (behind API
// keys) and GET /healthz (open, for load balancers). Bodies are validated against schemas made from
// the bundle; errors answer { statusCode, code, field?, message }. Logs never hold a body, a key or
// an Authorization header: request lines carry the method, the route and the key's name.
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { predictBodySchema } from './applicantSchema';
import { KeysFileError } from './apiKeys';
import type { KeyStore } from './keyStore';
import { modelInfoOf } from './modelInfo';
import { openApiDocument } from './openapi';
import { scoreApplicants, type ApplicantJson, type ServedModel } from './scoreApplicants';

/** How the service runs. */
export interface ServerOptions {
  readonly model: ServedModel;
  /** SHA-256 of the bundle (bundleDigest), shown by GET /v1/model. */
  readonly digest: string;
  /** The API keys; null serves without keys (`--no-auth`). */
  readonly keys: KeyStore | null;
  /** Requests per key (per client address without keys) per window; null: no limit. */
  readonly rateLimit: { readonly max: number; readonly timeWindowMs: number } | null;
  readonly bodyLimitBytes: number;
  readonly maxApplicants: number;
  /** pino level ('info' logs one line per request and response; 'silent' none). */
  readonly logLevel: string;
  /** Where logs go (tests pass a buffer); default stdout. */
  readonly logStream?: NodeJS.WritableStream;
}

/** Defaults of the service's limits (the serve command's flags override them). */
export const SERVER_DEFAULTS = { maxApplicants: 1000, bodyLimitBytes: 1 << 20, rateLimit: { max: 6000, timeWindowMs: 60_000 } } as const;

declare module 'fastify' {
  interface FastifyRequest {
    /** The name of the request's API key (null without keys). */
    keyName: string | null;
  }
}

/** An error with a status and a stable code, answered as is by the error handler. */
class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The field an ajv error is about, as a JSON pointer into the body ("/applicants/2/income"). */
function fieldOf(error: { instancePath: string; keyword: string; params: Record<string, unknown> }): string {
  const child = error.params.missingProperty ?? error.params.additionalProperty;
  return typeof child === 'string' ? `${error.instancePath}/${child.replaceAll('~', '~0').replaceAll('/', '~1')}` : error.instancePath;
}

/** Words for an ajv error: missing and unknown fields said so, the rest in ajv's words. */
function wordsOf(error: { keyword: string; message?: string }, field: string): string {
  if (error.keyword === 'required') return `missing field ${field}`;
  if (error.keyword === 'additionalProperties') return `unknown field ${field}`;
  return `${field || 'the body'} ${error.message ?? 'is invalid'}`;
}

/** The request's route pattern, or its path without the query (a query string is never logged). */
function routeOf(request: FastifyRequest): string {
  return request.routeOptions?.url ?? request.url.split('?')[0];
}

/** Fastify's own 4xx codes as the API's. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty-body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
};

/** The Fastify app (not yet listening). */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { model, keys, maxApplicants } = options;
  const app = Fastify({
    // One line per request, written when it is answered (with the key's name, known only after the key check), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimitBytes,
    // Strict validation: no coercion ("12" is not a number) and no silent removal of unknown fields.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false, allowUnionTypes: true } },
    logger: {
      level: options.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Belt and braces: the serializers below never include headers or bodies; redaction covers any future log call that passes them.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'body', 'applicants', 'headers.authorization'], censor: '[redacted]' },
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: routeOf(req), key: req.keyName ?? undefined }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
  app.decorateRequest('keyName', null);
  app.addHook('onRequest', async (request) => {
    request.log.debug({ method: request.method, url: routeOf(request) }, 'request received');
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, url: routeOf(request), key: request.keyName ?? undefined, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 },
      'request',
    );
  });

  app.setErrorHandler((error: FastifyError & { validation?: { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] }, request, reply) => {
    if (error.validation && error.validation.length > 0) {
      // The first error is the innermost (if/then/else adds its own after it).
      const first = error.validation[0];
      const field = fieldOf(first);
      return reply.code(400).send({ statusCode: 400, code: 'invalid-body', field, message: wordsOf(first, field) });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: { type: error.name, message: error.message } }, 'request failed');
      return reply.code(status).send({ statusCode: status, code: 'internal', message: 'internal error' });
    }
    const code = error instanceof ApiError ? error.code : (FASTIFY_CODES[error.code] ?? (status === 429 ? 'rate-limited' : 'bad-request'));
    return reply.code(status).send({ statusCode: status, code, message: error.message });
  });

  if (keys) {
    app.addHook('onRequest', async (request, reply) => {
      if (request.url === '/healthz') return;
      const header = request.headers.authorization;
      const match = typeof header === 'string' ? /^Bearer +(\S+) *$/i.exec(header) : null;
      reply.header('www-authenticate', 'Bearer');
      if (!match) throw new ApiError(401, 'missing-key', 'send an API key as Authorization: Bearer KEY');
      let check: ReturnType<KeyStore['check']>;
      try {
        check = keys.check(match[1]);
      } catch (error) {
        if (!(error instanceof KeysFileError)) throw error;
        request.log.error({ err: { message: error.message } }, 'keys file unreadable');
        throw new ApiError(503, 'keys-unavailable', 'the keys file cannot be read');
      }
      if (!check.known) throw new ApiError(401, 'unknown-key', 'unknown API key');
      request.keyName = check.name;
      if (check.revoked) throw new ApiError(403, 'revoked-key', `the key "${check.name}" was revoked`);
    });
  }

  if (options.rateLimit) {
    await app.register(rateLimit, {
      global: true,
      // After the key check (onRequest), before the body is read: a flood costs no parsing.
      hook: 'preParsing',
      max: options.rateLimit.max,
      timeWindow: options.rateLimit.timeWindowMs,
      keyGenerator: (request) => (request.keyName === null ? `ip:${request.ip}` : `key:${request.keyName}`),
      allowList: (request) => request.url === '/healthz',
      errorResponseBuilder: (_request, context) => new ApiError(429, 'rate-limited', `more than ${context.max} requests in ${context.after}; retry later`),
    });
  }

  const info = modelInfoOf(model.bundle, options.digest);
  const openapi = openApiDocument(model.bundle, { maxApplicants, bodyLimitBytes: options.bodyLimitBytes, rateLimit: options.rateLimit, auth: keys !== null });

  app.get('/healthz', async () => ({ status: 'ok', model: model.bundle.id }));
  app.get('/v1/model', async () => info);
  app.get('/openapi.json', async () => openapi);
  app.post<{ Body: ApplicantJson | { applicants: ApplicantJson[] } }>('/v1/predict', { schema: { body: predictBodySchema(model.bundle, maxApplicants) } }, async (request) => {
    const body = request.body;
    const applicants = Array.isArray((body as { applicants?: unknown }).applicants) ? (body as { applicants: ApplicantJson[] }).applicants : [body as ApplicantJson];
    return { results: scoreApplicants(model, applicants) };
  });
  return app;
}
