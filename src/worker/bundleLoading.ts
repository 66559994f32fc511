// Loading a bundle into the worker: the one path by which any model comes to score, whether it
// was just trained here or read from a file. Parsed against the schema, its networks loaded by
// tfjs from the stored weights, its reference applicants scored again and compared with the
// probabilities stored with them; only then is it kept. A refused bundle leaves nothing behind.
import { bundleOk, bundleRefused, type BundleOutcome } from '../core/bundle/problems';
import { parseBundle } from '../core/bundle/schema';
import { trainSummaryOfBundle } from './bundleSummary';
import { addModel, type LoadedModel, type SessionRows } from './models';
import type { TrainSummary } from './protocol';
import { checkReferenceApplicants, disposeScorer, scorerOf, type Scorer } from './scorer';

/** What a run of this session knows beyond its bundle: its own summary, and the rows the planner uses. */
export interface SessionFacts {
  readonly summary: TrainSummary;
  readonly rows: SessionRows;
}

/** Checks `value` as a bundle, builds its scorer and checks its reference applicants; keeps it as a new model when all pass. */
export async function admitBundle(value: unknown, session: SessionFacts | null = null): Promise<BundleOutcome<LoadedModel>> {
  const parsed = parseBundle(value);
  if (!parsed.ok) return parsed;
  const bundle = parsed.data;
  let scorer: Scorer;
  try {
    scorer = await scorerOf(bundle.model);
  } catch (error) {
    console.error('A bundle network did not load', error);
    return bundleRefused({ code: 'invalid', path: 'model.members', message: 'TensorFlow.js could not load this network.' });
  }
  const problem = checkReferenceApplicants(scorer, bundle);
  if (problem !== null) {
    disposeScorer(scorer);
    return bundleRefused(problem);
  }
  return bundleOk(addModel({ bundle, scorer, summary: session?.summary ?? trainSummaryOfBundle(bundle), rows: session?.rows ?? null, policy: bundle.policy }));
}
