// Which storage failures the user should hear about, as registry problems. IndexedDB reports them
// as DOMExceptions by name: a full quota as QuotaExceededError, thrown by a request or as the error
// of the transaction it aborted (Chromium checks the quota at commit, so the put itself succeeds).

import type { BundleProblem } from '../../core/bundle/problems';

/** The DOMException names that mean the browser will not store for us now (closed or upgraded connection, private mode, a broken store). */
const REFUSALS = new Set(['InvalidStateError', 'UnknownError', 'NotFoundError', 'VersionError', 'SecurityError', 'NotAllowedError', 'AbortError', 'TransactionInactiveError']);

function errorName(cause: unknown): string | null {
  return typeof cause === 'object' && cause !== null && 'name' in cause && typeof cause.name === 'string' ? cause.name : null;
}

/** The problem behind a failed IndexedDB call (`transactionError`: the aborted transaction's own error, when there is one); null for anything else, which is a bug to rethrow. */
export function storageProblem(cause: unknown, transactionError?: unknown): BundleProblem | null {
  const names = [errorName(cause), errorName(transactionError)];
  if (names.includes('QuotaExceededError')) return { code: 'quota-exceeded' };
  return names.some((name) => name !== null && REFUSALS.has(name)) ? { code: 'blocked' } : null;
}
