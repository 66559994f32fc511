// Fails the build when TensorFlow.js reaches the main thread's JavaScript. tfjs belongs in the
// worker only: on the page it would add ~2 MB to parse and tempt code into running models where
// they block the UI. Walks every chunk the page can load (static and lazy imports from
// dist/index.html's entry, not the worker's chunk, which the page only names as a URL) and looks for
// strings that only tfjs-core carries. The same strings must be found in the worker's chunk, or
// the check could not fail and says so.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const assets = join(dist, 'assets');
// Error texts and storage keys of tfjs-core that minification keeps.
const FINGERPRINTS = ['Tensor is disposed', 'tensorflowjs_models/'];

const files = new Set(readdirSync(assets).filter((name) => name.endsWith('.js')));
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+src="\.?\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]);
if (entries.length === 0) throw new Error(`check-main-bundle: no entry script found in ${dist}/index.html`);

const workerChunks = [...files].filter((name) => name.includes('.worker'));
const referenced = (source) =>
  [...source.matchAll(/["'`](?:\.\/|\/?assets\/)([\w.-]+\.js)["'`]/g)].map((m) => m[1]).filter((name) => files.has(name) && !workerChunks.includes(name));

const page = new Set();
const queue = [...entries];
while (queue.length > 0) {
  const name = queue.pop();
  if (page.has(name)) continue;
  page.add(name);
  queue.push(...referenced(readFileSync(join(assets, name), 'utf8')));
}

const found = [];
for (const name of page) {
  const source = readFileSync(join(assets, name), 'utf8');
  for (const print of FINGERPRINTS) if (source.includes(print)) found.push(`${name} contains "${print}"`);
}
const workerSource = workerChunks.map((name) => readFileSync(join(assets, name), 'utf8')).join('\n');
const missing = FINGERPRINTS.filter((print) => !workerSource.includes(print));

if (missing.length > 0) {
  console.error(
    `check-main-bundle: the worker chunk lacks ${missing.map((m) => `"${m}"`).join(', ')}: the fingerprints no longer identify tfjs, so this check could not fail. Update them.`,
  );
  process.exit(1);
}
if (found.length > 0) {
  console.error(
    `check-main-bundle: tfjs reached the main thread's bundle:\n  ${found.join('\n  ')}\nImport tfjs (and src/model) only from the worker; the UI may import their types.`,
  );
  process.exit(1);
}
console.log(`check-main-bundle: ${page.size} page chunks free of tfjs; worker chunk ${workerChunks.join(', ')} has it.`);
