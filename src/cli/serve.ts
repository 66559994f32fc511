// `creditlab serve --model FILE [--port N] [--keys FILE]`: the bundle behind an HTTP API (see
// src/server/server.ts). Refuses to start without --keys unless --no-auth is given: a scoring
// service open to anyone who can reach the port is rarely meant, so it must be asked for by name.
// SIGTERM (or SIGINT) stops taking connections, lets requests in flight finish, then exits 0.
import { bundleDigest } from '../bundle/digest';
import { problemMessage } from '../bundle/problemMessage';
import { KeysFileError } from '../server/apiKeys';
import { KeyStore } from '../server/keyStore';
import { buildServer, SERVER_DEFAULTS } from '../server/server';
import { servedModelOf } from '../server/scoreApplicants';
import { checkReferenceApplicants, disposeScorer, scorerOf } from '../worker/scorer';
import { useBackend } from './backend';
import { EXIT, InputError, readModelFile, UsageError, type Command, type CommandIo } from './command';
import { oneOf, parseFlags, required, wantsHelp } from './flags';

const USAGE =
  'usage: creditlab serve --model FILE [--passphrase-file F] [--port N] [--host H] (--keys FILE | --no-auth) [--rate-limit N] [--rate-window S] [--body-limit BYTES] [--max-applicants N] [--no-reasons] [--backend wasm|cpu] [--log-level L]';

const HELP = `${USAGE}

Serves a model file over HTTP (Fastify):
  POST /v1/predict   one applicant {column: value, ...} or {"applicants": [...]}; answers
                     {"results": [{probability_of_bad, points, decision, reasons, flags}, ...]}
  GET  /v1/model     the model's public metadata and input schema (no weights)
  GET  /openapi.json the OpenAPI 3.1 document
  GET  /healthz      200 while serving (no key needed)
Every other route needs Authorization: Bearer KEY (make keys with \`creditlab keys add\`).

  --model FILE            the .creditlab.json model file (checked as the app's import checks it)
  --passphrase-file F     the passphrase of an encrypted model file (its first line)
  --port N                default 8080 (0: any free port; the address is printed)
  --host H                default 127.0.0.1 (loopback only); 0.0.0.0 to listen on every interface
  --keys FILE             API keys file (creditlab keys add NAME --keys FILE); re-read when it changes
  --no-auth               serve without keys (refused otherwise): for a trusted local caller only
  --rate-limit N          requests per key per window (default ${SERVER_DEFAULTS.rateLimit.max}; 0 = no limit); 429 beyond
  --rate-window S         the window in seconds (default ${SERVER_DEFAULTS.rateLimit.timeWindowMs / 1000})
  --body-limit BYTES      largest request body (default ${SERVER_DEFAULTS.bodyLimitBytes}); 413 beyond
  --max-applicants N      most applicants in one request (default ${SERVER_DEFAULTS.maxApplicants}); 400 beyond
  --no-reasons            leave reasons empty (a network's reasons cost most of its scoring time)
  --backend wasm|cpu      tfjs backend for network models (default wasm)
  --log-level L           pino level: info (default: a line per request, no bodies or keys), warn, silent
`;

function wholeNumber(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag} must be a whole number ≥ ${min} (got "${text}")`);
  return n;
}

/** The `creditlab serve` subcommand; resolves with 0 once a SIGTERM or SIGINT has drained it. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve a model over HTTP with API keys (POST /v1/predict)',
  help: HELP,
  async run(argv: readonly string[], io: CommandIo): Promise<number> {
    if (wantsHelp(argv)) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const { values } = parseFlags(
      argv,
      {
        model: { type: 'string' },
        'passphrase-file': { type: 'string' },
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        keys: { type: 'string' },
        'no-auth': { type: 'boolean', default: false },
        'rate-limit': { type: 'string', default: String(SERVER_DEFAULTS.rateLimit.max) },
        'rate-window': { type: 'string', default: String(SERVER_DEFAULTS.rateLimit.timeWindowMs / 1000) },
        'body-limit': { type: 'string', default: String(SERVER_DEFAULTS.bodyLimitBytes) },
        'max-applicants': { type: 'string', default: String(SERVER_DEFAULTS.maxApplicants) },
        'no-reasons': { type: 'boolean', default: false },
        backend: { type: 'string', default: 'wasm' },
        'log-level': { type: 'string', default: 'info' },
      },
      USAGE,
    );
    const modelPath = required('model', values.model, USAGE);
    if (values.keys === undefined && !values['no-auth'])
      throw new UsageError(`give --keys FILE (make one with: creditlab keys add NAME --keys FILE), or --no-auth to serve without keys\n${USAGE}`);
    if (values.keys !== undefined && values['no-auth']) throw new UsageError('--keys and --no-auth exclude each other');
    const port = wholeNumber('port', values.port, 0);
    if (port > 65535) throw new UsageError(`--port must be at most 65535 (got ${port})`);
    const rateMax = wholeNumber('rate-limit', values['rate-limit'], 0);
    const rateWindowS = wholeNumber('rate-window', values['rate-window'], 1);
    const bodyLimitBytes = wholeNumber('body-limit', values['body-limit'], 1024);
    const maxApplicants = wholeNumber('max-applicants', values['max-applicants'], 1);
    const backend = oneOf('backend', values.backend, ['wasm', 'cpu'] as const);
    const logLevel = oneOf('log-level', values['log-level'], ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const);

    let keys: KeyStore | null = null;
    if (values.keys !== undefined) {
      try {
        keys = new KeyStore(values.keys);
      } catch (error) {
        if (error instanceof KeysFileError) throw new InputError(error.message);
        throw error;
      }
    }
    const bundle = await readModelFile(modelPath, values['passphrase-file']);
    if (bundle.model.kind === 'network') await useBackend(backend, 'serve');
    const scorer = await scorerOf(bundle.model);
    try {
      const problem = checkReferenceApplicants(scorer, bundle);
      if (problem) throw new InputError(`${modelPath}: ${problemMessage(problem)}`);
      const app = await buildServer({
        model: servedModelOf(bundle, scorer, !values['no-reasons']),
        digest: await bundleDigest(bundle),
        keys,
        rateLimit: rateMax === 0 ? null : { max: rateMax, timeWindowMs: rateWindowS * 1000 },
        bodyLimitBytes,
        maxApplicants,
        logLevel,
        logStream: io.stderr,
      });
      let address: string;
      try {
        address = await app.listen({ port, host: values.host });
      } catch (error) {
        throw new InputError(`cannot listen on ${values.host}:${port}: ${(error as Error).message}`);
      }
      if (keys === null) io.stderr.write('creditlab serve: warning: serving WITHOUT API keys (--no-auth): anyone who can reach the port can score\n');
      io.stdout.write(`serving ${bundle.name} (${bundle.model.kind}) on ${address}\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          io.stderr.write(`creditlab serve: ${signal}: no new connections; finishing the requests in flight\n`);
          // close(): stop accepting, answer 503 to new requests on open connections, wait for those in flight.
          app.close().then(resolve, resolve);
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      io.stdout.write('stopped: every request in flight was answered\n');
      return EXIT.ok;
    } finally {
      disposeScorer(scorer);
    }
  },
};
