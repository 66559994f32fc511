// One cancellation idiom for every long call: the caller names the call with a JobId, and
// `cancelJob` aborts that call's signal. Loads return "cancelled"; training stops after the
// current batch and keeps the best model so far, as Stop always did.
import type { JobId } from './protocol';

const jobs = new Map<JobId, AbortController>();

/** Runs `work` as job `jobId`: its signal aborts when `cancelJob(jobId)` is called before it ends. */
export async function runJob<T>(jobId: JobId, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  // Registered before the first await: a cancel that arrives after the call cannot miss it.
  jobs.set(jobId, controller);
  try {
    return await work(controller.signal);
  } finally {
    if (jobs.get(jobId) === controller) jobs.delete(jobId);
  }
}

/** Aborts job `jobId`; false when no such job is running (it ended, or never started). */
export function cancelJob(jobId: JobId): boolean {
  const controller = jobs.get(jobId);
  if (!controller) return false;
  controller.abort();
  return true;
}

/** Jobs running now (for tests: none is left behind). */
export function runningJobs(): number {
  return jobs.size;
}
