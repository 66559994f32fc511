// A plain static server for the built app (dist/), as a host without any app logic would serve it,
// with the response headers docs/hosting.md asks for: the Content-Security-Policy (index.html's
// meta policy, plus what only a header can say: the workers' own scripts and framing), and a few
// other security headers. The e2e tests run against it, so they cover the policy in the workers too.
//
//   node scripts/static-server.mjs --port 4175 --base /creditlab/ --base /apps/credit/lab/ [--dir dist]   (--port 0: any free port)
//
// Each --base serves the same build under that path (default: /). node:http only, no packages.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4173' },
    base: { type: 'string', multiple: true, default: ['/'] },
    dir: { type: 'string', default: 'dist' },
  },
});
const root = resolve(values.dir);
const port = Number(values.port);
const bases = values.base.map((b) => (b.endsWith('/') ? b : `${b}/`)).sort((a, b) => b.length - a.length);

/** Content types by extension; anything else is sent as bytes. */
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** What a header adds to the meta policy: a meta CSP governs neither a worker's script nor framing. */
const HEADER_ONLY_DIRECTIVES = ["worker-src 'self'", "frame-ancestors 'none'"];

/** The page's policy, read from the built index.html on each request so a rebuild is never served a stale one. */
async function contentSecurityPolicy() {
  const html = await readFile(join(root, 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!meta) throw new Error(`${root}/index.html has no Content-Security-Policy meta`);
  return [meta[1].trim().replace(/;\s*$/, ''), ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/** Headers every response carries. */
async function securityHeaders() {
  return {
    'Content-Security-Policy': await contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

/** Hashed files never change; the rest (index.html, sw.js, the manifest, the sample) are revalidated. */
function cacheControl(relative) {
  return relative.startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

const server = createServer(async (request, response) => {
  try {
    const headers = await securityHeaders();
    const send = (status, body, extra = {}) => {
      response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    // A base without its trailing slash: the relative asset URLs need it.
    const bare = bases.find((b) => b !== '/' && pathname === b.slice(0, -1));
    if (bare) return send(301, `Moved to ${bare}`, { Location: bare });
    const base = bases.find((b) => pathname.startsWith(b));
    if (!base) return send(404, 'Not found');
    let relative = normalize(decodeURIComponent(pathname.slice(base.length)));
    if (relative === '.' || relative.endsWith(sep)) relative = join(relative, 'index.html');
    const file = resolve(root, relative);
    if (!file.startsWith(root + sep)) return send(404, 'Not found');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(404, 'Not found');
    response.writeHead(200, {
      ...headers,
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': cacheControl(relative),
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).pipe(response);
  } catch (error) {
    console.error(error);
    response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Server error');
  }
});

// Port 0 picks a free port; the line below says which (a test reads it).
server.listen(port, () => console.log(`static-server: ${root} on http://localhost:${server.address().port} at ${bases.join(', ')}`));
