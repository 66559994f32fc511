// A minimal scoring service of one's own around a CreditLab ONNX export, on onnxruntime-node:
//   node docs/spark/serve_onnx.mjs model.onnx 8080
//   curl -s localhost:8080/score -d '{"applicants":[{"person_income":"59000","loan_intent":"PERSONAL"}]}'
// It answers { "probability_of_bad": [...] } in request order. Add your own authentication, limits
// and logging in front of it (creditlab serve has them built in, with points, decisions and reasons).
import { createServer } from 'node:http';
import * as ort from 'onnxruntime-node';

const [model, port = '8080'] = process.argv.slice(2);
const session = await ort.InferenceSession.create(model);
const inputs = session.inputMetadata.map((m) => ({ name: m.name, number: m.isTensor && m.type === 'float32' }));

/** The graph's feeds for applicants given as { column: text }: a blank or non-numeric number is NaN (missing). */
function feedsOf(applicants) {
  const feeds = {};
  for (const { name, number } of inputs) {
    const cells = applicants.map((a) => (a[name] ?? '').toString().trim());
    feeds[name] = number
      ? new ort.Tensor('float32', Float32Array.from(cells, (c) => (c === '' ? Number.NaN : Number(c))), [cells.length, 1])
      : new ort.Tensor('string', cells, [cells.length, 1]);
  }
  return feeds;
}

createServer(async (request, response) => {
  if (request.method !== 'POST' || request.url !== '/score') return response.writeHead(404).end();
  let body = '';
  for await (const chunk of request) body += chunk;
  try {
    const { applicants } = JSON.parse(body);
    const result = await session.run(feedsOf(applicants));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ probability_of_bad: Array.from(result.probability_of_bad.data) }));
  } catch (error) {
    response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
  }
}).listen(Number(port), '127.0.0.1');
